// The callback payload, the callback store's answer, and the two callback functions
// (js/package/callbacks.js): part of the declarations of the full and the
// "./callbacks" entries.
/**
 * A callback payload: delivery reports, contacts and inbound messages together. A
 * malformed entry stays in its place as an `InvalidEntry` (`kind: "invalid"`, which
 * no typed entry has), so the others still arrive.
 */
export interface Callback {
  type: "whatsapp";
  statuses: (DeliveryReport | InvalidEntry)[];
  contacts: (CallbackContact | InvalidEntry)[];
  notifications: (Notification | InvalidEntry)[];
  /** Fields this version does not know, under their wire names. */
  [extra: string]: unknown;
}
/** An entry that is not well-formed, kept as received with why. */
export interface InvalidEntry {
  kind: "invalid";
  /** `field` is the path from the callback's root, e.g. `notifications[0].message.url`. */
  error: { code: "invalid_callback"; field: string; message: string };
  /** The entry exactly as received (wire names). */
  raw: unknown;
}
/** The store's answer: callbacks Sinch kept. */
export interface CallbackStoreResults { results: Callback[] }
/** Filters of `callbackNotifications`. */
export interface NotificationFilter {
  /** ISO-8601 date-time; upstream default 2019-09-01. */
  startTime?: string;
  /** ISO-8601 date-time; upstream default now. */
  endTime?: string;
  /** Only messages from this MSISDN. */
  from?: string;
  /** 1-based page; upstream default 1. */
  page?: number;
  /** Upstream default 20. */
  pageSize?: number;
}
export type DeliveryState =
  | "queued" | "dispatched" | "sent" | "delivered" | "read" | "deleted" | "failed" | "no_opt_in" | "no_capability"
  | (string & {});
/** The state of one sent message. Can arrive twice and out of order. */
export interface DeliveryReport {
  status: "success" | "failure" | (string & {});
  state: DeliveryState;
  messageId: string;
  recipient: string;
  timestamp?: string;
  details?: string;
  kind?: undefined;
  [extra: string]: unknown;
}
export interface CallbackContact { waId: string; profile?: { name?: string }; kind?: undefined; [extra: string]: unknown }
/** One inbound message from a user. */
export interface Notification {
  from: string;
  to?: string;
  messageId: string;
  timestamp?: string;
  message: InboundMessage;
  replyingTo?: { messageId?: string; from?: string };
  forwarded: boolean;
  frequentlyForwarded: boolean;
  referral?: {
    headline?: string; body?: string; sourceType?: "ad" | "post" | (string & {}); sourceId?: string; sourceUrl?: string;
    referralMedia?: { type?: string; url?: string };
    [extra: string]: unknown;
  };
  kind?: undefined;
  [extra: string]: unknown;
}
export type InboundMessage =
  | { type: "text"; body: string }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { type: "button"; index?: string; text?: string; payload?: string }
  | { type: "interactive"; message: { type: "button"; id: string; title: string } | { type: "list"; id: string; title: string; description?: string } }
  | { type: "contacts"; contacts: InboundContactCard[] }
  | InboundMedia
  | { type: "error"; details?: string }
  /** A type this version does not know (e.g. `order`), kept exactly as received. */
  | { type: string; [wire: string]: unknown };
export interface InboundMedia {
  type: "image" | "document" | "audio" | "video" | "voice" | "sticker";
  url: string;
  mimeType: string;
  caption?: string;
  filename?: string;
  metadata?: {
    stickerpackId?: string; stickerpackName?: string; stickerpackPublisher?: string; emojis: string[];
    iosAppStoreLink?: string; androidAppStoreLink?: string; isFirstPartySticker?: boolean;
  };
  [extra: string]: unknown;
}
export interface InboundContactCard {
  addresses: Record<string, unknown>[];
  birthday?: string;
  emails: Record<string, unknown>[];
  ims: unknown[];
  name?: Record<string, unknown>;
  org?: Record<string, unknown>;
  phones: { type?: string; phone?: string; waId?: string }[];
  urls: Record<string, unknown>[];
  contactImageUrl?: string;
  [extra: string]: unknown;
}
/**
 * Parses a callback body (the raw text, or its bytes) into typed delivery reports,
 * contacts and inbound notifications; a malformed entry stays in its place as an
 * `InvalidEntry`. Throws `SinchError` (`invalid_callback`) only when the body is not
 * a Sinch WhatsApp callback at all.
 */
export declare function parseCallback(rawBody: string | Uint8Array | ArrayBuffer): Callback;
/**
 * Checks the HMAC-SHA256 signature Sinch puts on a callback: `true` when it matches,
 * `false` when it does not. Throws `SinchError` (`signature_invalid`, `field` naming
 * the header) when a signature header is missing or malformed or the algorithm is not
 * `HMAC_SHA_256`. Pass the body exactly as received: bytes are safest.
 */
export declare function verifyCallbackSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: Headers | Record<string, string | string[]> | [string, string][],
  key: string | Uint8Array | ArrayBuffer,
): boolean;
