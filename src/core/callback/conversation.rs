//! The Conversation API's callbacks as tables for the [`pass`](super::pass), in
//! today's shape: a `message_delivery_report` is one entry of `statuses`, a
//! `message` one entry of `notifications`, each with the envelope's fields
//! (`event_time` as `timestamp`, `correlation_id`, …) written into it. The typed
//! [`model`](super::model) reads the same fields in the same order.
//!
//! A body is a Conversation callback when it has no `type` and has `app_id` (a
//! field of every Conversation callback); its kind is its first field outside the
//! envelope ([`ENVELOPE`]).

use super::schema::Kind::{Any, Flag, Flat, Keyed, List, Number, Object, Outcome, State, Str};
use super::schema::{keeping, opt, req, strings, Content, Field, Shape};

/// The fields every Conversation callback carries beside its payload, as written
/// into the entry.
pub(super) static ENVELOPE: &[Field] = REPORT_BODY.fields.split_at(1).1;

/// A callback body's shape: its payload `first`, then the envelope.
macro_rules! body {
    ($first:expr) => {
        strings(&[
            $first,
            opt("event_time", "timestamp", &Str),
            opt("accepted_time", "acceptedTime", &Str),
            opt("correlation_id", "correlationId", &Str),
            opt("message_metadata", "messageMetadata", &Str),
            opt("app_id", "appId", &Str),
            opt("project_id", "projectId", &Str),
        ])
    };
}

/// The names an entry gets from the envelope: never kept from the payload.
macro_rules! envelope_names {
    ($($name:literal),*) => {
        &["kind", $($name,)* "timestamp", "acceptedTime", "correlationId", "messageMetadata", "appId", "projectId"]
    };
}

/// A `message_delivery_report` callback (the whole body) as a `statuses` entry.
pub(super) static REPORT_BODY: Shape = body!(req(
    "message_delivery_report",
    "message_delivery_report",
    &Flat(&REPORT)
));

/// A `message` callback (the whole body) as a `notifications` entry.
pub(super) static INBOUND_BODY: Shape = body!(req("message", "message", &Flat(&INBOUND)));

static REPORT: Shape = keeping(
    &[
        req("status", "status", &Outcome),
        req("status", "state", &State),
        req("message_id", "messageId", &Str),
        req("channel_identity", "channel_identity", &Flat(&RECIPIENT)),
        opt("reason", "reason", &Object(&REASON)),
        opt("reason", "reason", &Flat(&DETAILS)),
        req("status", "conversationStatus", &Str),
        opt("conversation_id", "conversationId", &Str),
        opt("contact_id", "contactId", &Str),
        opt("metadata", "metadata", &Str),
        opt("processing_mode", "processingMode", &Str),
    ],
    envelope_names!("recipient", "channel", "details"),
);

static RECIPIENT: Shape = strings(&[
    req("identity", "recipient", &Str),
    opt("channel", "channel", &Str),
]);

static DETAILS: Shape = strings(&[opt("description", "details", &Str)]);

/// A delivery report's or a fallback message's `reason`.
static REASON: Shape = keeping(
    &[
        opt("code", "code", &Str),
        opt("description", "description", &Str),
        opt("sub_code", "subCode", &Str),
        opt("channel_code", "channelCode", &Any),
    ],
    &[],
);

static INBOUND: Shape = keeping(
    &[
        req("channel_identity", "channel_identity", &Flat(&SENDER)),
        opt("sender_id", "to", &Str),
        req("id", "messageId", &Str),
        req("contact_message", "message", &Keyed(&CONTENTS)),
        req("contact_message", "contact_message", &Flat(&REPLY)),
        opt("forwarded", "forwarded", &Flag),
        opt("frequently_forwarded", "frequentlyForwarded", &Flag),
        opt("conversation_id", "conversationId", &Str),
        opt("contact_id", "contactId", &Str),
        opt("metadata", "metadata", &Str),
        opt("accept_time", "acceptTime", &Str),
        opt("processing_mode", "processingMode", &Str),
        opt("direction", "direction", &Str),
        opt("injected", "injected", &Any),
    ],
    envelope_names!("from", "channel", "replyingTo", "referral"),
);

static SENDER: Shape = strings(&[
    req("identity", "from", &Str),
    opt("channel", "channel", &Str),
]);

static REPLY: Shape = strings(&[opt("reply_to", "replyingTo", &Object(&REPLY_TO))]);

static REPLY_TO: Shape = strings(&[opt("message_id", "messageId", &Str)]);

const fn content(wire: &'static str, kind: &'static str, shape: &'static Shape) -> Content {
    Content {
        wire,
        kind,
        shape,
        within: None,
    }
}

/// The kinds of a `contact_message`; another is kept as sent.
static CONTENTS: &[Content] = &[
    content("text_message", "text", &TEXT),
    content("media_message", "media", &MEDIA),
    content("media_card_message", "media_card", &MEDIA_CARD),
    content("location_message", "location", &LOCATION),
    Content {
        wire: "choice_response_message",
        kind: "choice",
        shape: &CHOICE,
        within: Some("interactive"),
    },
    content("product_response_message", "product_response", &PRODUCTS),
    content("fallback_message", "fallback", &FALLBACK),
    content(
        "channel_specific_message",
        "channel_specific",
        &CHANNEL_SPECIFIC,
    ),
];

static TEXT: Shape = keeping(&[req("text", "body", &Str)], &["type"]);

static MEDIA: Shape = keeping(
    &[
        req("url", "url", &Str),
        opt("thumbnail_url", "thumbnailUrl", &Str),
        opt("filename_override", "filename", &Str),
    ],
    &["type", "mimeType"],
);

static MEDIA_CARD: Shape = keeping(
    &[req("url", "url", &Str), opt("caption", "caption", &Str)],
    &["type", "mimeType"],
);

static LOCATION: Shape = keeping(
    &[
        req("coordinates", "coordinates", &Flat(&COORDINATES)),
        opt("title", "name", &Str),
        opt("label", "address", &Str),
    ],
    &["type", "latitude", "longitude"],
);

static COORDINATES: Shape = strings(&[
    req("latitude", "latitude", &Number),
    req("longitude", "longitude", &Number),
]);

static CHOICE: Shape = keeping(
    &[
        req("postback_data", "id", &Str),
        opt("message_id", "messageId", &Str),
    ],
    &["type", "title"],
);

static PRODUCTS: Shape = keeping(
    &[
        opt("products", "products", &List(&Object(&PRODUCT))),
        opt("text", "text", &Str),
        opt("catalog_id", "catalogId", &Str),
    ],
    &["type"],
);

static PRODUCT: Shape = keeping(
    &[
        opt("id", "id", &Str),
        opt("marketplace", "marketplace", &Str),
        opt("quantity", "quantity", &Number),
        opt("item_price", "itemPrice", &Number),
        opt("currency", "currency", &Str),
    ],
    &[],
);

static FALLBACK: Shape = keeping(
    &[
        opt("raw_message", "rawMessage", &Str),
        opt("reason", "reason", &Object(&REASON)),
    ],
    &["type"],
);

static CHANNEL_SPECIFIC: Shape = keeping(
    &[
        req("message_type", "messageType", &Str),
        opt("message", "message", &Any),
    ],
    &["type"],
);
