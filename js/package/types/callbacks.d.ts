// The callback payload and the callback store's answer: part of the declarations of the full
// and the "./callbacks" entries (the functions are in callbacks-api.d.ts).
/**
 * A callback payload: delivery reports, contacts and inbound messages together. A
 * malformed entry stays in its place as an `InvalidEntry` (`kind: "invalid"`, which
 * no typed entry has), so the others still arrive.
 *
 * A Conversation API callback (`api: "conversation"`) carries one report: a delivery
 * report is the one entry of `statuses`, an inbound message the one entry of
 * `notifications` (`contacts` is empty), each with the envelope's fields in it; a
 * callback of another kind (an `event`, a `contact_create_notification`…) is `unknown`.
 */
export interface Callback {
  type: "whatsapp";
  /** Present on a Conversation API callback. */
  api?: "conversation";
  statuses: (DeliveryReport | InvalidEntry)[];
  contacts: (CallbackContact | InvalidEntry)[];
  notifications: (InboundNotification | InvalidEntry)[];
  /**
   * A Conversation API callback of a kind with no place in `statuses` or `notifications`:
   * `rawType` is its payload's key (`event`, `contact_create_notification`…), `raw` the whole body.
   */
  unknown?: InboundUnknown;
  /** Fields this version does not know, under their wire names. */
  [extra: string]: unknown;
}
/** An entry that is not well-formed, kept as received with why. */
export interface InvalidEntry {
  kind: "invalid";
  /**
   * `field` is the path from the callback's root, e.g. `notifications[0].message.url`, or
   * `message_delivery_report.channel_identity` in a Conversation API callback.
   */
  error: { code: "invalid_callback"; field: string; message: string };
  /** The entry exactly as received (wire names); of a Conversation API callback, the whole body. */
  raw: unknown;
}
/** What a Conversation API callback's envelope adds to its entry. */
export interface ConversationEnvelope {
  /** When Sinch received it (`accepted_time`); `timestamp` is `event_time`. */
  acceptedTime?: string;
  /** The `correlationId` given when sending. */
  correlationId?: string;
  /** The `message_metadata` given when sending. */
  messageMetadata?: string;
  appId?: string;
  projectId?: string;
}
/** Why a Conversation API message failed or fell back (`reason`). */
export interface ConversationReason {
  code?: "RECIPIENT_NOT_OPTED_IN" | "RECIPIENT_NOT_REACHABLE" | "OUTSIDE_ALLOWED_SENDING_WINDOW" | "MEDIA_TYPE_UNSUPPORTED" | (string & {});
  description?: string;
  subCode?: "UNSPECIFIED_SUB_CODE" | "ATTACHMENT_REJECTED" | "MEDIA_TYPE_UNDETERMINED" | "INACTIVE_SENDER" | (string & {});
  /** The channel's (WhatsApp's) own error code, as sent. */
  channelCode?: unknown;
  [extra: string]: unknown;
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
/**
 * Under the Conversation API: `QUEUED_ON_CHANNEL` is `dispatched`, `SWITCHING_CHANNEL`
 * `switching_channel`, any other status its lower case (`delivered`, `read`, `failed`).
 */
export type DeliveryState =
  | "queued" | "dispatched" | "sent" | "delivered" | "read" | "deleted" | "failed" | "no_opt_in" | "no_capability"
  | "switching_channel"
  | (string & {});
/**
 * The state of one sent message. Can arrive twice and out of order. The fields after
 * `details` come only from the Conversation API (where `status` is `failure` for
 * `FAILED` and `success` otherwise, `recipient` is the number without `+`, and
 * `details` the reason's description).
 */
export interface DeliveryReport extends ConversationEnvelope {
  status: "success" | "failure" | (string & {});
  state: DeliveryState;
  messageId: string;
  recipient: string;
  timestamp?: string;
  details?: string;
  /** The status as sent. */
  conversationStatus?: "QUEUED_ON_CHANNEL" | "DELIVERED" | "READ" | "FAILED" | "SWITCHING_CHANNEL" | (string & {});
  reason?: ConversationReason;
  /** `WHATSAPP`. */
  channel?: string;
  conversationId?: string;
  contactId?: string;
  /** The `metadata` given when sending. */
  metadata?: string;
  processingMode?: "CONVERSATION" | "DISPATCH" | (string & {});
  kind?: undefined;
  [extra: string]: unknown;
}
export interface CallbackContact { waId: string; profile?: { name?: string }; kind?: undefined; [extra: string]: unknown }
/**
 * One inbound message from a user. The fields after `referral` come only from the
 * Conversation API (where `to` is `sender_id`, `timestamp` is `event_time`, and
 * `forwarded` and `frequentlyForwarded` are always `false`: it does not say).
 */
export interface InboundNotification extends ConversationEnvelope {
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
  /** `WHATSAPP`. */
  channel?: string;
  conversationId?: string;
  contactId?: string;
  metadata?: string;
  acceptTime?: string;
  processingMode?: "CONVERSATION" | "DISPATCH" | (string & {});
  /** `TO_APP`. */
  direction?: string;
  injected?: unknown;
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
  | InboundError | InboundLinkMedia | InboundProductResponse | InboundFallback | InboundChannelSpecific | InboundUnknown;
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
    /**
     * Conversation API (`choice_response_message`): a reply button or list row, it does
     * not say which nor give the title. `id` is the postback data given when sending
     * (by default `{message_id}_{title}`), `messageId` the message whose choice it was.
     */
    | { type: "choice"; id: string; messageId?: string; [extra: string]: unknown }
    | InboundUnknown;
  [extra: string]: unknown;
}
export interface InboundContacts { type: "contacts"; contacts: InboundContactCard[]; [extra: string]: unknown }
/** Sinch reports a problem instead of a message. */
export interface InboundError { type: "error"; details?: string; [extra: string]: unknown }
/**
 * A message (or interactive reply) of a type this version does not know (e.g. `order`):
 * `rawType` is its `type`, `raw` the object exactly as received (wire names). Of a
 * Conversation API `contact_message`, `rawType` is the kind's key (`contact_info_message`)
 * and `raw` the `contact_message`, which has no `type`.
 */
export interface InboundUnknown {
  type: "unknown";
  rawType: string;
  raw: { type?: string; [wire: string]: unknown };
}
/**
 * Conversation API media by link: `media` (a `media_message`) or `media_card` (a
 * `media_card_message`, captioned). **No MIME type and no media type**: the
 * Conversation API does not send them. Sniff the file, or HEAD its URL.
 */
export interface InboundLinkMedia {
  type: "media" | "media_card";
  url: string;
  /** `media` only. */
  thumbnailUrl?: string;
  /** `filename_override`; `media` only. */
  filename?: string;
  /** `media_card` only. */
  caption?: string;
  mimeType?: undefined;
  [extra: string]: unknown;
}
/** Conversation API: a WhatsApp order or cart (`product_response_message`). */
export interface InboundProductResponse {
  type: "product_response";
  products: { id?: string; marketplace?: string; quantity?: number; itemPrice?: number; currency?: string; [extra: string]: unknown }[];
  text?: string;
  catalogId?: string;
  [extra: string]: unknown;
}
/** Conversation API: content it could not map (`fallback_message`). */
export interface InboundFallback { type: "fallback"; rawMessage?: string; reason?: ConversationReason; [extra: string]: unknown }
/**
 * Conversation API: a channel-specific message, e.g. a WhatsApp Flow or address reply
 * (`messageType: "nfm_reply"`, `message: { type: "nfm_reply", nfm_reply: { name, response_json, body } }`),
 * `message` as sent (wire names).
 */
export interface InboundChannelSpecific { type: "channel_specific"; messageType: "nfm_reply" | (string & {}); message?: unknown; [extra: string]: unknown }
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
