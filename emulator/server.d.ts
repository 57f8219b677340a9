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
    | { kind: "huge_body"; bytes?: number; contentLength?: boolean; status?: number; body?: unknown }
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
  /** Forgets requests, faults, state and callbacks. */
  reset(): void;
  addFault(fault: Fault): void;
  configure(settings: { callbackUrl?: string; callbackSecret?: string }): void;
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
