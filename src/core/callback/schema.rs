//! The callback payload as tables: what [`pass`](super::pass) reads and writes, field
//! by field, in the order the typed [`model`](super::model) reads and writes them
//! (the differential tests hold the two to the same text and the same errors).

/// How a field's value is read and written.
pub(super) enum Kind {
    /// A string (also an open enum, kept as sent).
    Str,
    /// A number, written as its text.
    Number,
    /// A boolean; absent is `false`, always written.
    Flag,
    /// `1`/`0`/`true`/`false`, written as a boolean.
    ZeroOne,
    /// A string, or a whole number written as its decimal text.
    Index,
    /// Any value, written as sent.
    Any,
    /// An object of a shape.
    Object(&'static Shape),
    /// An object tagged by `type`: the shape of a known type, or kept as sent.
    Tagged(&'static &'static [(&'static str, &'static Shape)]),
    /// An array of a kind; absent is empty, always written.
    List(&'static Kind),
    /// An object whose fields are written into the enclosing object (no key of
    /// its own): a Conversation callback's `channel_identity` as `recipient`.
    Flat(&'static Shape),
    /// An object holding one message under its kind's key (a Conversation
    /// `contact_message`, beside `reply_to`): the shape of a known kind, or kept as sent.
    Keyed(&'static &'static [Content]),
    /// A Conversation delivery status as today's `status`: `failure` for `FAILED`,
    /// `success` for any other.
    Outcome,
    /// A Conversation delivery status as today's `state` ([`state`](super::lenient::state)).
    State,
    /// A string that must be `whatsapp` (a callback's `type`).
    Whatsapp,
    /// A callback's list: each entry of a shape, or kept as sent with why it is not
    /// (`{ kind: "invalid", error, raw }`), its path from the list's own name
    /// (`statuses[1].status`); absent is empty, always written.
    Entries(&'static Shape),
}

/// A kind of message a [`Kind::Keyed`] object may hold.
pub(super) struct Content {
    /// Its key (`text_message`).
    pub wire: &'static str,
    /// The `type` JS sees (`text`).
    pub kind: &'static str,
    /// Its fields.
    pub shape: &'static Shape,
    /// The `type` of an object it is written inside, under `message` (a choice
    /// is an `interactive` reply, as today's button and list replies are).
    pub within: Option<&'static str>,
}

/// A field: its wire name (read), its JS name (written) and kind.
pub(super) struct Field {
    /// The name on the wire.
    pub wire: &'static str,
    /// The name JS sees.
    pub js: &'static str,
    /// How it is read and written.
    pub kind: &'static Kind,
    /// Whether absent (or `null`) is an error.
    pub required: bool,
}

/// An object's fields, and what becomes of the others.
pub(super) struct Shape {
    /// The fields, in order.
    pub fields: &'static [Field],
    /// Whether unknown fields are kept (under their wire names, after the typed ones).
    pub keeps: bool,
    /// Names that are never kept: `kind` on list entries, `type` on tagged bodies,
    /// the names written from elsewhere ([`Kind::Flat`], a Conversation envelope).
    pub reserved: &'static [&'static str],
}

pub(super) const fn req(wire: &'static str, js: &'static str, kind: &'static Kind) -> Field {
    Field {
        wire,
        js,
        kind,
        required: true,
    }
}

pub(super) const fn opt(wire: &'static str, js: &'static str, kind: &'static Kind) -> Field {
    Field {
        wire,
        js,
        kind,
        required: false,
    }
}

/// An object of optional strings whose unknown fields are dropped.
pub(super) const fn strings(fields: &'static [Field]) -> Shape {
    Shape {
        fields,
        keeps: false,
        reserved: &[],
    }
}

/// An object that keeps its unknown fields.
pub(super) const fn keeping(fields: &'static [Field], reserved: &'static [&'static str]) -> Shape {
    Shape {
        fields,
        keeps: true,
        reserved,
    }
}

use Kind::{Any, Entries, Flag, Index, List, Number, Object, Str, Tagged, Whatsapp, ZeroOne};

/// A standalone callback: `{ type, statuses, contacts, notifications, …extra }`.
pub(super) static CALLBACK: Shape = keeping(
    &[
        req("type", "type", &Whatsapp),
        opt("statuses", "statuses", &Entries(&STATUS)),
        opt("contacts", "contacts", &Entries(&CONTACT)),
        opt("notifications", "notifications", &Entries(&NOTIFICATION)),
    ],
    &[],
);

/// A delivery report (`statuses[i]`).
pub(super) static STATUS: Shape = keeping(
    &[
        req("status", "status", &Str),
        req("state", "state", &Str),
        req("message_id", "messageId", &Str),
        req("recipient", "recipient", &Str),
        opt("timestamp", "timestamp", &Str),
        opt("details", "details", &Str),
    ],
    &["kind"],
);

static PROFILE: Shape = strings(&[opt("name", "name", &Str)]);

/// A sender (`contacts[i]`).
pub(super) static CONTACT: Shape = keeping(
    &[
        req("wa_id", "waId", &Str),
        opt("profile", "profile", &Object(&PROFILE)),
    ],
    &["kind"],
);

static REPLYING_TO: Shape = strings(&[
    opt("message_id", "messageId", &Str),
    opt("from", "from", &Str),
]);

static REFERRAL_MEDIA: Shape = strings(&[opt("type", "type", &Str), opt("url", "url", &Str)]);

static REFERRAL: Shape = keeping(
    &[
        opt("headline", "headline", &Str),
        opt("body", "body", &Str),
        opt("source_type", "sourceType", &Str),
        opt("source_id", "sourceId", &Str),
        opt("source_url", "sourceUrl", &Str),
        opt("referral_media", "referralMedia", &Object(&REFERRAL_MEDIA)),
    ],
    &[],
);

/// An inbound message (`notifications[i]`).
pub(super) static NOTIFICATION: Shape = keeping(
    &[
        req("from", "from", &Str),
        opt("to", "to", &Str),
        req("message_id", "messageId", &Str),
        req("message", "message", &Tagged(&MESSAGES)),
        opt("timestamp", "timestamp", &Str),
        opt("replying_to", "replyingTo", &Object(&REPLYING_TO)),
        opt("forwarded", "forwarded", &Flag),
        opt("frequently_forwarded", "frequentlyForwarded", &Flag),
        opt("referral", "referral", &Object(&REFERRAL)),
    ],
    &["kind"],
);

static MESSAGES: &[(&str, &Shape)] = &[
    ("text", &TEXT),
    ("location", &LOCATION),
    ("button", &BUTTON),
    ("interactive", &INTERACTIVE),
    ("contacts", &CONTACTS),
    ("image", &MEDIA),
    ("document", &MEDIA),
    ("audio", &MEDIA),
    ("video", &MEDIA),
    ("voice", &MEDIA),
    ("sticker", &MEDIA),
    ("error", &ERROR),
];

static TEXT: Shape = keeping(&[req("body", "body", &Str)], &["type"]);

static LOCATION: Shape = keeping(
    &[
        req("latitude", "latitude", &Number),
        req("longitude", "longitude", &Number),
        opt("name", "name", &Str),
        opt("address", "address", &Str),
        opt("url", "url", &Str),
    ],
    &["type"],
);

static BUTTON: Shape = keeping(
    &[
        opt("index", "index", &Index),
        opt("text", "text", &Str),
        opt("payload", "payload", &Str),
    ],
    &["type"],
);

static ERROR: Shape = keeping(&[opt("details", "details", &Str)], &["type"]);

static INTERACTIVE: Shape = keeping(&[req("message", "message", &Tagged(&REPLIES))], &["type"]);

static REPLIES: &[(&str, &Shape)] = &[("button", &BUTTON_REPLY), ("list", &LIST_REPLY)];

static BUTTON_REPLY: Shape = keeping(
    &[req("id", "id", &Str), req("title", "title", &Str)],
    &["type"],
);

static LIST_REPLY: Shape = keeping(
    &[
        req("id", "id", &Str),
        req("title", "title", &Str),
        opt("description", "description", &Str),
    ],
    &["type"],
);

static MEDIA: Shape = keeping(
    &[
        req("url", "url", &Str),
        req("mime_type", "mimeType", &Str),
        opt("caption", "caption", &Str),
        opt("filename", "filename", &Str),
        opt("metadata", "metadata", &Object(&STICKER_METADATA)),
    ],
    &["type"],
);

static STICKER_METADATA: Shape = strings(&[
    opt("stickerpack-id", "stickerpackId", &Str),
    opt("stickerpack-name", "stickerpackName", &Str),
    opt("stickerpack-publisher", "stickerpackPublisher", &Str),
    opt("emojis", "emojis", &List(&Str)),
    opt("ios-app-store-link", "iosAppStoreLink", &Str),
    opt("android-app-store-link", "androidAppStoreLink", &Str),
    opt("is-first-party-sticker", "isFirstPartySticker", &ZeroOne),
]);

static CONTACTS: Shape = keeping(
    &[opt("contacts", "contacts", &List(&Object(&CARD)))],
    &["type"],
);

static CARD: Shape = keeping(
    &[
        opt("addresses", "addresses", &List(&Object(&ADDRESS))),
        opt("birthday", "birthday", &Str),
        opt("emails", "emails", &List(&Object(&EMAIL))),
        opt("ims", "ims", &List(&Any)),
        opt("name", "name", &Object(&NAME)),
        opt("org", "org", &Object(&ORG)),
        opt("phones", "phones", &List(&Object(&PHONE))),
        opt("urls", "urls", &List(&Object(&URL))),
        opt("contact_image_url", "contactImageUrl", &Str),
    ],
    &[],
);

static ADDRESS: Shape = strings(&[
    opt("type", "type", &Str),
    opt("street", "street", &Str),
    opt("city", "city", &Str),
    opt("state", "state", &Str),
    opt("zip", "zip", &Str),
    opt("country", "country", &Str),
    opt("country_code", "countryCode", &Str),
]);

static EMAIL: Shape = strings(&[opt("type", "type", &Str), opt("email", "email", &Str)]);

static NAME: Shape = strings(&[
    opt("formatted_name", "formattedName", &Str),
    opt("first_name", "firstName", &Str),
    opt("last_name", "lastName", &Str),
    opt("middle_name", "middleName", &Str),
    opt("suffix", "suffix", &Str),
    opt("prefix", "prefix", &Str),
]);

static ORG: Shape = strings(&[
    opt("company", "company", &Str),
    opt("department", "department", &Str),
    opt("title", "title", &Str),
]);

static PHONE: Shape = strings(&[
    opt("type", "type", &Str),
    opt("phone", "phone", &Str),
    opt("wa_id", "waId", &Str),
]);

static URL: Shape = strings(&[opt("type", "type", &Str), opt("url", "url", &Str)]);
