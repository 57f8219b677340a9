// The client's options and results, part of the full entry's index.d.ts (scripts/build.sh puts
// js/package/types/*.d.ts together per entry; paths here are relative to the package root).
/** The options both APIs share. Give `region` or `baseUrl`, not both. */
export interface CommonOptions {
  /** A custom base URL (a relay, or the local emulator). https, or http on loopback. */
  baseUrl?: string;
  /** Allow a plain-http `baseUrl` (and `authUrl`) that is not loopback. Default false. */
  allowInsecureHttp?: boolean;
  /** Per-request timeout in ms (1..600000). Default 30000. */
  timeoutMs?: number;
  /** Retries after a failed attempt (0..10). Default 2. */
  retries?: number;
  /** Longest Retry-After honoured, in ms (0..2147483647); a longer one fails with `rate_limited`. Default 30000. */
  maxRetryAfterMs?: number;
  /**
   * Also repeat a message send after an answer that may mean it went out: a network error, a
   * timeout, or (`api: "conversation"`) a 500/502/504. It may then arrive twice. Never repeats
   * a create (`createStickerpack`, `createSticker`). Default false.
   */
  retryMessagesOnNetworkError?: boolean;
  /**
   * Longest answer body read, in bytes (1..33554432, 32 MiB). A longer one, error bodies
   * included, fails with `invalid_response` and is not read further; an error body over 64 KiB
   * is not parsed (the status alone speaks). Default 1048576 (1 MiB).
   */
  maxResponseBytes?: number;
  /** Called before each retry; return false to stop. */
  onRetry?: (info: RetryInfo) => boolean | void;
  /**
   * Allow `token` (or `keySecret`) in a browser page, where any script on the page can read it.
   * Default false: a page should call a relay (e.g. a Worker holding the secret) instead.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** Options of the standalone WhatsApp API (`api: "whatsapp"`, the default). */
export interface WhatsAppOptions extends CommonOptions {
  api?: "whatsapp";
  /** The bot identifier Sinch gave you. */
  botId: string;
  /** The bearer token. Leave it out only when `baseUrl` is a relay that adds it. */
  token?: string;
  /** Where the bot lives: a bot in one region gets 401 from the other. */
  region?: "us" | "eu";
  projectId?: never;
  appId?: never;
  keyId?: never;
  keySecret?: never;
  authUrl?: never;
  auth?: never;
}

/** Options of the Conversation API's WhatsApp channel (`api: "conversation"`). */
export interface ConversationOptions extends CommonOptions {
  api: "conversation";
  /** The project id (in every path). */
  projectId: string;
  /** The app that sends (its WhatsApp channel). */
  appId: string;
  /** The access key's id. `keyId` and `keySecret` go together; leave both out only with a relay `baseUrl`. */
  keyId?: string;
  /** The access key's secret: never shown again (errors, `toJSON`, `toString`, `inspect`). */
  keySecret?: string;
  /** Where the app lives: an app in one region gets 404 from the others. */
  region?: "us" | "eu" | "br";
  /** The OAuth2 token URL. Default `https://auth.sinch.com/oauth2/token`. */
  authUrl?: string;
  /** `"oauth2"` (default: a cached bearer token) or `"basic"` (the key on every call; for tests only). */
  auth?: "oauth2" | "basic";
  botId?: never;
  token?: never;
}

/** Options of `new WhatsAppClient(options)`: `api` picks the API, and with it the other options. */
export type ClientOptions = WhatsAppOptions | ConversationOptions;

/** Per-call options (each method's last argument). */
export interface CallOptions {
  /** Aborts the call, retries included; the promise rejects with code `aborted`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
  /** Overrides the client's `onRetry` hook for this call. */
  onRetry?: (info: RetryInfo) => boolean | void;
}

/** What `onRetry` is told before a retry. */
export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it. */
  delayMs: number;
  /** Why the previous attempt failed. */
  error: import("./sinch_error.js").SinchError;
}

/** `{ type: "text" }` message. */
export interface TextMessage {
  type: "text";
  /** 1–4096 characters. */
  text: string;
  previewUrl?: boolean;
}

/** An image or video by URL (public, or fetched with a media `provider`'s credentials). */
export interface MediaFields {
  /** http(s) URL of the file. */
  url: string;
  /** Name of a media provider (see `addProvider`). */
  provider?: string;
}
export interface ImageMessage extends MediaFields { type: "image"; caption?: string }
export interface VideoMessage extends MediaFields { type: "video"; caption?: string }
/** Audio takes no caption. */
export interface AudioMessage extends MediaFields { type: "audio" }
export interface DocumentMessage extends MediaFields { type: "document"; caption?: string; filename?: string }
/** Exactly one of `url` (a 512×512 WebP) and `id` (from a stickerpack); `provider` only with `url`. */
export type StickerMessage = { type: "sticker" } & ({ url: string; provider?: string; id?: never } | { id: string; url?: never; provider?: never });
export interface LocationMessage {
  type: "location";
  /** -90 to 90. */
  lat: number;
  /** -180 to 180. */
  lng: number;
  name?: string;
  address?: string;
}
export interface ContactCard {
  name: { formattedName: string; firstName?: string; lastName?: string };
  addresses?: { city: string; street?: string; zip?: string; state?: string; country?: string; countryCode?: string; type?: string }[];
  /** YYYY-MM-DD */
  birthday?: string;
  emails?: { email: string; type?: string }[];
  org?: { company: string; department?: string; title?: string };
  phones?: { phone: string; type?: string; waId?: string }[];
  urls?: { url: string; type?: string }[];
}
export interface ContactsMessage { type: "contacts"; contacts: ContactCard[] }
/** A template header: text (no media), or media without caption. */
export type TemplateMedia =
  | { type: "text" }
  | { type: "image" | "video"; url: string; provider?: string }
  | { type: "document"; url: string; filename?: string; provider?: string };
export type TemplateButton = { type: "call" } | { type: "url"; parameter?: string } | { type: "quick_reply"; payload?: string };
/** A template made in Sinch's dashboard. `ttl` and `params` are retired upstream and refused. */
export interface TemplateFields {
  templateName: string;
  /** e.g. "en" (the default upstream), "pt_BR". */
  language?: string;
  /** Parameters of a text header; at most 60 characters together with the header text. */
  headerParams?: string[];
  /** At most 1024 characters together with the body text. */
  bodyParams?: string[];
  media?: TemplateMedia;
  buttons?: TemplateButton[];
}
export interface TemplateMessage extends TemplateFields { type: "template" }
export interface TextPart { text: string }
export interface ReplyButton {
  type?: "reply";
  /** 1–230 characters, unique in the message. */
  id: string;
  /** 1–20 characters. */
  title: string;
}
export interface ButtonMessage {
  type: "button";
  header?: { type: "text"; text: string } | { type: "image" | "video"; url: string; provider?: string } | { type: "document"; url: string; filename?: string; provider?: string };
  /** 1–1024 characters. */
  body: TextPart;
  /** 1–60 characters. */
  footer?: TextPart;
  /** 1–3 buttons. */
  action: { buttons: ReplyButton[] };
}
export interface ListRow {
  /** 1–174 characters, unique in the message. */
  id: string;
  /** 1–20 characters. */
  title: string;
  /** Up to 72 characters. */
  description?: string;
}
export interface ListMessage {
  type: "list";
  header?: { type?: "text"; text: string };
  body: TextPart;
  footer?: TextPart;
  /** `button`: 1–20 characters; 1–10 sections (titles ≤24) with 10 rows at most in all. */
  action: { button: string; sections: { title: string; rows: ListRow[] }[] };
}
export interface InteractiveMessage { type: "interactive"; message: ButtonMessage | ListMessage }

/** Any message object `send` accepts. */
export type Message =
  | TextMessage | ImageMessage | VideoMessage | AudioMessage | DocumentMessage | StickerMessage
  | LocationMessage | ContactsMessage | TemplateMessage | InteractiveMessage;

/** What `send` takes. */
export interface SendRequest {
  /** 1–20 MSISDNs in international form, e.g. "+46732001122". Under `api: "conversation"`,
   * one `messages:send` per number, sent as digits without the `+`. */
  to: string[];
  /** Under `api: "conversation"` some fields have no equivalent and are refused
   * (`invalid_argument` naming the field): `previewUrl`, a media `caption` or `provider`,
   * a sticker `id`, a location without `name`, more than one contact card, a card without
   * phones, a phone's `waId`, an address's `street`, a footer with a button header or on a
   * list, reply button ids over 229 characters or repeated titles. */
  message: Message;
  /** Overrides the configured callback URL for this message's delivery reports
   * (`callback_url` under `api: "conversation"`). */
  callback?: string;
  /** `api: "conversation"` only: 1–128 characters, echoed on every callback about the message. */
  correlationId?: string;
  /** `api: "conversation"` only: whole seconds (3–315576000000) Sinch keeps trying. */
  ttl?: number;
  /** `api: "conversation"` only: a WhatsApp message sent in place of `message` on WhatsApp
   * (`message` is still required and checked). */
  channelSpecificMessage?: ChannelSpecificMessage;
}

/** `channel_specific_message.WHATSAPP`: a WhatsApp Flow (typed, written in its wire names:
 * `flowId` → `flow_id`, …), or a payments order object passed through as written. */
export type ChannelSpecificMessage =
  | { messageType: "FLOWS"; message: FlowMessage }
  | { messageType: "ORDER_DETAILS" | "ORDER_STATUS"; message: Record<string, unknown> };

/** A WhatsApp Flow. */
export interface FlowMessage {
  flowId: string;
  /** The button that opens the flow, 1–20 characters. */
  flowCta: string;
  flowToken?: string;
  flowMode?: "draft" | "published";
  flowAction?: "navigate" | "data_exchange";
  /** The first screen and its data (an object, sent as written). */
  flowActionPayload?: { screen?: string; data?: Record<string, unknown> };
  /** A text header is 1–60 characters. */
  header?:
    | { type: "text"; text: string }
    | { type: "image"; image: { link: string } }
    | { type: "video"; video: { link: string } }
    | { type: "document"; document: { link: string } };
  /** Up to 1024 characters. */
  body?: TextPart;
  /** Up to 60 characters. */
  footer?: TextPart;
}

/** One accepted message per recipient. */
export interface SentMessage {
  /** Sinch's message id (for read receipts and the callback store). */
  id: string;
  recipient: string;
  /** "success" or "failure". */
  status: string;
  /** "queued", "dispatched", … */
  state: string;
}

/** A recipient whose request failed when others succeeded (`api: "conversation"`: one request per recipient). */
export interface RecipientFailure {
  recipient: string;
  error: import("./sinch_error.js").SinchError;
}

/** What `send` and the `send*` helpers resolve to. */
export interface SendResult {
  /** One per accepted recipient, in `to` order (under `api: "conversation"`, state "queued"). */
  messages: SentMessage[];
  /** `api: "conversation"` only, when some recipients failed and others did not (all failing rejects). */
  failed?: RecipientFailure[];
}


/** Whether numbers can receive WhatsApp messages. */
export interface Capabilities {
  capabilities: { msisdn: string; capable: boolean; waid?: string }[];
}

/**
 * `capability` under `api: "conversation"`: asynchronous. Each number's query was accepted; its
 * answer comes later on the app's CAPABILITY webhook, matched by `requestId`.
 */
export interface CapabilityRequests {
  asynchronous: true;
  requests: { recipient: string; requestId: string }[];
  failed?: RecipientFailure[];
}

/**
 * `callbackStatus` under `api: "conversation"`: the message as Sinch stored it (`GET …/messages/{id}`,
 * in DISPATCH_SOURCE, then on a 404 in CONVERSATION_SOURCE; `not_found` when in neither).
 */
export interface StoredMessage {
  message: {
    id: string;
    /** "TO_APP" (inbound) or "TO_CONTACT" (sent). */
    direction?: string;
    /** When Sinch accepted it (RFC 3339). */
    acceptTime?: string;
    channel?: string;
    /** The contact's number, digits only. */
    identity?: string;
    /** The whole stored message as Sinch sent it (snake_case, including the deprecated `message_status`). */
    raw: Record<string, unknown>;
  };
}

/** Answer of `optIn` / `optOut`: Sinch documents an empty body, so both lists may be absent. */
export interface OptInResult {
  optInNumbers?: string[];
  failedToOptInNumbers?: string[];
}

/** One page of the blacklist (100 numbers a page; empty past the last). */
export interface BlacklistPage {
  numbers: string[];
}

/** `addProvider` input: a name (A-Z a-z - _, ≤200) and exactly one of `basic` or `bearer`. */
export type ProviderInput =
  | { name: string; basic: { username: string; password: string }; bearer?: never }
  | { name: string; bearer: string; basic?: never };

/** `listProviders` answer: credentials are never included. */
export interface Providers {
  providers: { name: string; type: string; auth: "basic" | "bearer" | "unknown"; username?: string }[];
}

/** Stickerpack namespace; upstream defaults to `"whatsapp"`. */
export type Namespace = "whatsapp" | "third_party";

/** Fields of a third-party stickerpack. */
export interface StickerpackFields {
  publisher: string;
  name: string;
  iosAppStoreLink?: string;
  androidAppStoreLink?: string;
}

export interface StickerpackList {
  stickerpacks: { id: string }[];
}

export interface StickerpackInfo {
  publisher: string;
  name: string;
  iosAppStoreLink?: string;
  androidAppStoreLink?: string;
}

/** A sticker: a public URL of a 512×512 static webp under 100 KB, and up to 3 emojis. */
export interface StickerFields {
  url: string;
  emojis?: string[];
}

export interface StickerList {
  stickers: { index: string }[];
}

export interface StickerInfo {
  /** Send it with `{ type: "sticker", id }`. */
  id: string;
  emojis: string[];
}
