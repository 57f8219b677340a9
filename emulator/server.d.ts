// Types of the package's entry (server.mjs).

/** What `startEmulator` takes; every field is optional. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on; default "127.0.0.1". */
  host?: string;
  /** Bot id → bearer token; default `{ "bot-1": "test-token" }`. */
  bots?: Record<string, string>;
  /** Where delivery reports and inbound messages are posted, unless a message names its own. */
  callbackUrl?: string;
  /** Signs callbacks with HMAC-SHA256 under this key when set. */
  callbackSecret?: string;
  /** Requests per second per bot before Sinch's rate-limit 500; default 20. */
  rateLimit?: number;
  /** Milliseconds between one delivery state and the next; default 10. */
  reportDelayMs?: number;
  /** The Conversation API's project, app and key; every field has a default. */
  conversation?: ConversationOptions;
}

/** The Conversation API's one project, one app (in DISPATCH mode by default) and one access key. */
export interface ConversationOptions {
  /** Default "project-1". */
  projectId?: string;
  /** Default "app-1". */
  appId?: string;
  /** Default "key-1". */
  keyId?: string;
  /** Default "secret-1". */
  keySecret?: string;
  /** Lifetime of an access token; default 3600. */
  tokenTtlSeconds?: number;
  /** The app's secret for overridden callback URLs: signs callbacks posted to a message's `callback_url`. */
  callbackSecret?: string;
  /**
   * "enforce" (the default): a free-form message to a number that has not written in the last
   * 24 hours is reported FAILED with OUTSIDE_ALLOWED_SENDING_WINDOW. "open": every number is
   * in its window.
   */
  window?: "enforce" | "open";
  /**
   * The app's processing mode: "DISPATCH" (the default, as for every app Sinch creates since
   * 2025-04-16) keeps messages in DISPATCH_SOURCE with empty contact and conversation ids;
   * "CONVERSATION" keeps them in CONVERSATION_SOURCE, with a contact and conversation id per
   * number. A send with `processing_strategy: "DISPATCH_ONLY"` is kept in DISPATCH_SOURCE either
   * way. `GET …/messages[/{id}]` reads one source: `messages_source`, CONVERSATION_SOURCE when
   * not given.
   */
  processingMode?: "DISPATCH" | "CONVERSATION";
  /**
   * Approved templates it knows, by name, with their buttons in order: a send of one of them
   * must give each quick-reply button's payload key (even empty), and button keys must match
   * their button's type. Templates it was not told about are not checked. Default none.
   */
  templates?: Record<string, { buttons?: Array<"url" | "quick_reply" | "call"> }>;
}

/** A stored Conversation API message, as `GET /v1/projects/{pid}/messages/{id}` answers it. */
export interface ConversationMessage {
  id: string;
  direction: "TO_APP" | "TO_CONTACT";
  /** An outbound message's AppMessage, as sent. */
  app_message?: Record<string, unknown>;
  /** An inbound message's ContactMessage. */
  contact_message?: Record<string, unknown>;
  channel_identity: { channel: "WHATSAPP"; identity: string; app_id: string };
  contact_id: string;
  conversation_id: string;
  accept_time: string;
  metadata: string;
  sender_id?: string;
  processing_mode: "DISPATCH" | "CONVERSATION";
  injected: boolean;
  /** An outbound message's latest delivery status (deprecated in Sinch's API, kept here). */
  message_status?: { status: string; event_time: string; reason?: string };
}

/** A registered Conversation API webhook. */
export interface ConversationWebhook {
  id: string;
  app_id: string;
  target: string;
  target_type: "HTTP" | "DISMISS";
  secret: string;
  triggers: string[];
}

/** An inbound Conversation API message from a user. */
export interface ConversationInbound {
  /** The sender's number, E.164 (with or without +). */
  from: string;
  /** The ContactMessage, e.g. `{ text_message: { text: "hi" } }`. */
  contactMessage: Record<string, unknown>;
  /** When it was received (ms since the epoch); default now. An old time tests the 24-hour window. */
  at?: number;
}

/** Which requests a fault applies to: the next `times` (default 1) whose path contains `path`. */
interface FaultTarget {
  path: string;
  method?: string;
  times?: number;
}

/** An injected fault; see the README's table of kinds. */
export type Fault = FaultTarget &
  (
    | { kind: "latency"; ms?: number }
    | { kind: "status"; status: number; retryAfter?: number | string; body?: unknown }
    | { kind: "redirect"; status?: number; location?: string }
    | { kind: "drop" | "truncate" | "non_json" | "empty" }
    | { kind: "huge_body"; bytes?: number; contentLength?: boolean; gzip?: boolean; status?: number; body?: unknown }
  );

/** One API request as received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, its text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** The fault applied to it ("rate_limit" when over the rate limit). */
  fault?: string;
  /** The message ids a `POST /messages` created. */
  created?: string[];
}

/** One POST to a callback URL. */
export interface Delivery {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** 1 for the first attempt. */
  attempt: number;
  /** The hook's answer; 0 while in flight, -1 when unreachable. */
  status: number;
}

/** A kept callback, as `GET /callbacks/…` reads them. */
export interface StoredCallback {
  bot: string;
  kind: "status" | "notification";
  at: number;
  payload: unknown;
  messageId?: string;
  from?: string;
}

/** The callback store and the callback settings. */
export interface CallbackStore {
  callbackUrl?: string;
  callbackSecret?: string;
  readonly store: StoredCallback[];
  /** The payloads of one bot's kept callbacks, filtered as `GET /callbacks/…` filters them. */
  query(bot: string, filter: { kind: "status" | "notification"; messageId?: string; from?: string; start?: number; end?: number }): unknown[];
}

/** A running emulator. */
export interface Emulator {
  /** Its base URL, e.g. "http://127.0.0.1:40123". */
  readonly url: string;
  readonly port: number;
  /** Every API request received since the last reset. */
  readonly requests: RecordedRequest[];
  /** Every POST made to a callback URL since the last reset. */
  readonly deliveries: Delivery[];
  readonly callbacks: CallbackStore;
  /** The Conversation API's settings and state. */
  readonly conversation: {
    readonly app: Required<Omit<ConversationOptions, "callbackSecret">> & { callbackSecret?: string };
    readonly reports: { readonly messages: ConversationMessage[] };
    readonly webhooks: { list(appId: string): ConversationWebhook[] };
  };
  /** Forgets requests, faults, state (webhooks and windows included) and callbacks; issued tokens stay. */
  reset(): void;
  addFault(fault: Fault): void;
  configure(settings: { callbackUrl?: string; callbackSecret?: string; window?: "enforce" | "open"; processingMode?: "DISPATCH" | "CONVERSATION" }): void;
  /** Every Conversation API token issued so far expires now. */
  expireTokens(): void;
  /**
   * An inbound Conversation API message: stored, its sender's 24-hour window opened, posted to
   * the MESSAGE_INBOUND webhooks; resolves to the stored message once each first post is answered.
   */
  conversationInbound(message: ConversationInbound): Promise<ConversationMessage>;
  /** An inbound message from a user to `bot`, stored and posted to `url` or the callback URL. */
  inbound(bot: string, notification: Record<string, unknown>, contacts?: unknown[], url?: string): Promise<void>;
  /** Posts delivery `index` again, as Sinch's retry would. */
  redeliver(index: number): Promise<void>;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/** Starts the emulator; resolves once it listens. */
export function startEmulator(options?: EmulatorOptions): Promise<Emulator>;

/** The callback signature: base64 HMAC-SHA256 of `body`, ".", `nonce` under `secret`. */
export function sign(body: string, nonce: string, secret: string): string;

/** The Conversation API's callback signature: base64 HMAC-SHA256 of `body`, ".", `nonce`, ".", `timestamp` under `secret`. */
export function signConversation(body: string, nonce: string, timestamp: string, secret: string): string;
