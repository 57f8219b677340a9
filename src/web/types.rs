//! TypeScript declarations for the option and result objects the exports take and give.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &str = r#"
/** Options of `new WhatsAppClient(options)`. Give `region` or `baseUrl`, not both. */
export interface ClientOptions {
  /** The bot identifier Sinch gave you. */
  botId: string;
  /** The bearer token. Leave it out only when `baseUrl` is a relay that adds it. */
  token?: string;
  /** Where the bot lives: a bot in one region gets 401 from the other. */
  region?: "us" | "eu";
  /** A custom base URL (a relay, or the local emulator). https, or http on loopback. */
  baseUrl?: string;
  /** Allow a plain-http `baseUrl` that is not loopback. Default false. */
  allowInsecureHttp?: boolean;
  /** Per-request timeout in ms (1..600000). Default 30000. */
  timeoutMs?: number;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with code `aborted`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

/** `{ type: "text" }` message. */
export interface TextMessage {
  type: "text";
  /** 1–4096 characters. */
  text: string;
  previewUrl?: boolean;
}

/** Any message object `send` accepts. */
export type Message = TextMessage;

/** What `send` takes. */
export interface SendRequest {
  /** 1–20 MSISDNs in international form, e.g. "+46732001122". */
  to: string[];
  message: Message;
  /** Overrides the configured callback URL for this message's delivery reports. */
  callback?: string;
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

/** What `send` and the `send*` helpers resolve to. */
export interface SendResult {
  messages: SentMessage[];
}
"#;
