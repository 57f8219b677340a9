// The callback payload and the callback store's answer: part of the declarations of the full
// and the "./callbacks" entries (the functions are in callbacks-api.d.ts).
/**
 * A callback payload: delivery reports, contacts and inbound messages together. A
 * malformed entry stays in its place as an `InvalidEntry` (`kind: "invalid"`, which
 * no typed entry has), so the others still arrive.
 */
export interface Callback {
  type: "whatsapp";
  statuses: (DeliveryReport | InvalidEntry)[];
  contacts: (CallbackContact | InvalidEntry)[];
  notifications: (InboundNotification | InvalidEntry)[];
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
export interface InboundNotification {
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
/**
 * An inbound message, by `type`: `if (m.type === "text") m.body` is a string. A type
 * this version does not know arrives as `InboundUnknown` (`type: "unknown"`). Fields
 * this version does not know are kept under their wire names.
 */
export type InboundMessage =
  | InboundText | InboundLocation | InboundButton | InboundInteractive | InboundContacts | InboundMedia
  | InboundError | InboundUnknown;
export interface InboundText { type: "text"; body: string; [extra: string]: unknown }
export interface InboundLocation {
  type: "location"; latitude: number; longitude: number; name?: string; address?: string; url?: string;
  [extra: string]: unknown;
}
/** A template quick-reply button press (an interactive reply is `InboundInteractive`). */
export interface InboundButton { type: "button"; index?: string; text?: string; payload?: string; [extra: string]: unknown }
/** A reply to an interactive message: the button or list row chosen. */
export interface InboundInteractive {
  type: "interactive";
  message:
    | { type: "button"; id: string; title: string; [extra: string]: unknown }
    | { type: "list"; id: string; title: string; description?: string; [extra: string]: unknown }
    | InboundUnknown;
  [extra: string]: unknown;
}
export interface InboundContacts { type: "contacts"; contacts: InboundContactCard[]; [extra: string]: unknown }
/** Sinch reports a problem instead of a message. */
export interface InboundError { type: "error"; details?: string; [extra: string]: unknown }
/**
 * A message (or interactive reply) of a type this version does not know (e.g. `order`):
 * `rawType` is its `type`, `raw` the object exactly as received (wire names).
 */
export interface InboundUnknown {
  type: "unknown";
  rawType: string;
  raw: { type: string; [wire: string]: unknown };
}
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
