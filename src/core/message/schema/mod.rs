//! The message model as data: every member of a send, its JS name (its wire name is
//! the same in snake_case), its kind, whether it is required, and its rule. One
//! table read by three walks ([`super::check`]'s shape and rules, [`super::wire`]'s
//! writer), so each rule exists once. The few rules that look at more than one
//! member are [`Hook`]s the table points at. The other operations' arguments (a
//! stickerpack's fields, a provider, the store's filter, numbers) are tables of the
//! same language, beside their endpoints, checked by the same walk
//! ([`super::check::arguments`]).

/// What a member's value must be, how it is checked and how it is written.
pub(crate) enum Kind {
    /// A string, held to a rule.
    Str(Rule),
    /// A boolean.
    Bool,
    /// A number (its JSON text), held to a rule.
    Number(Rule),
    /// A whole number of 0 or more, held to a rule.
    Whole(Rule),
    /// A whole number from 0 to 4294967295, held to a rule.
    U32(Rule),
    /// A sticker's index: a whole number to 4294967295, or a string of 1 to 10 digits.
    Index,
    /// Any value: only its rule decides.
    Any(Rule),
    /// Any object, written as given.
    AnyObject,
    /// An object of these members.
    Object(&'static [Member]),
    /// An array.
    List(&'static List),
    /// One item or an array of them (`sendText`'s `to`): one item is the list of it
    /// alone (its rules at `[0]`; the list's `min` is at most 1).
    OneOrMany(&'static List),
    /// An object tagged by the member named first: the members of each variant (one
    /// without members has its tag only).
    Tagged(&'static str, &'static [(&'static str, &'static [Member])]),
    /// A string that may be left out but, when given, is this one (else the rule,
    /// `must be …`); always written.
    Always(&'static str, &'static str),
    /// Not a value: a member named `""` of this kind is a rule on its object, run at
    /// its place among the rules (a member stays three words: no hook's strings in
    /// every member).
    Hook(&'static Hook),
}

/// An array of `item`s: `min..=max` of them (or `rule` says why not), then `hook`.
pub(crate) struct List {
    pub item: &'static Kind,
    pub min: usize,
    pub max: usize,
    pub rule: &'static str,
    pub hook: &'static Hook,
    /// Left out of the wire when empty.
    pub omit_empty: bool,
}

/// Whether a member must be given, and whether it goes on the wire.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
    /// Optional, and never written (refused or Conversation-only).
    Unwritten,
    /// Required, but said among the rules, naming the field as they do (a create's
    /// fields: `name: is required`), not by the shape.
    Late,
    /// Optional; a [`Kind::Tagged`] one left out is written as its first variant's
    /// tag alone (a template's `media`, which upstream requires: `{ "type": "text" }`).
    Tag,
}

/// One member: its JS name (empty for a [`Kind::Hook`]), kind and need.
pub(crate) struct Member(pub &'static str, pub &'static Kind, pub Need);

/// A rule that looks at more than one value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hook {
    None,
    /// The send: the Conversation-only members refused on the standalone API.
    Envelope,
    /// Exactly one of the two members given; the text (at the first) says so.
    Either(&'static str, &'static str, &'static str),
    /// Every string member non-empty; the text (at the object) says so.
    Filled(&'static str),
    /// At least one member given; the text (at the argument named) says so.
    AnyGiven(&'static str, &'static str),
    /// The total length of the template parameters named, at most this many characters.
    Params(&'static str, usize),
    /// A list's sections: at most 10 rows in all.
    Rows,
}

/// A single value's rule.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    None,
    /// `min..=max` characters.
    Chars(usize, usize),
    /// At least one character.
    NonEmpty,
    /// Not empty, nor only white space.
    NonBlank,
    /// One emoji: 1 to 8 scalar values (skin tones, ZWJ sequences), no white space.
    Emoji,
    Msisdn,
    HttpUrl,
    /// https, or http on loopback.
    StickerUrl,
    /// A stickerpack id, not a URL.
    StickerId,
    Provider,
    /// A provider, only beside `url` (a sticker's).
    StickerProvider,
    Language,
    Date,
    /// An ISO-8601 date or date-time.
    DateTime,
    /// A whole number from 1.
    Positive,
    /// A coordinate from `-max` to `max`; the text says so.
    Coordinate(u32, &'static str),
    /// `1..=max` characters, unique among the ids of the message; under the
    /// Conversation API at most 229 (an id is a `postback_data`, and WhatsApp's
    /// native buttons through Sinch take no more).
    Id(usize),
    /// A reply button's title: 1 to 20 characters; under the Conversation API without
    /// markdown and unique among the message's buttons (WhatsApp shows repeated titles
    /// as plain text).
    Title,
    /// One of the strings; the text says so.
    OneOf(&'static [&'static str], &'static str),
    /// Given at all: refused, the text says why.
    Retired(&'static str),
    /// Seconds from 3 to 315576000000 (the Conversation API's `ttl`).
    Ttl,
}

use super::{MAX_RECIPIENTS, MAX_TEXT_CHARS};
use parts::{BUTTONS, CARD, FLOWS, LIST, TEMPLATE};
use Need::{Optional as Opt, Required as Req};

mod parts;

pub(crate) const STRING: &Kind = &Kind::Str(Rule::None);
const fn opt(name: &'static str) -> Member {
    Member(name, STRING, Opt)
}
pub(crate) const fn list(item: &'static Kind, min: usize, max: usize, rule: &'static str) -> List {
    List {
        item,
        min,
        max,
        rule,
        hook: &Hook::None,
        omit_empty: false,
    }
}
/// An optional list of a card, left out of the wire when empty.
const fn listed(item: &'static Kind) -> List {
    List {
        omit_empty: true,
        ..list(item, 0, usize::MAX, "")
    }
}

const TEXT_PART: &Kind = &Kind::Object(&[Member("text", &Kind::Str(Rule::Chars(1, 60)), Req)]);
const BODY: &Kind = &Kind::Object(&[Member("text", &Kind::Str(Rule::Chars(1, 1024)), Req)]);
const URL: Member = Member("url", &Kind::Str(Rule::HttpUrl), Req);
const PROVIDER: Member = Member("provider", &Kind::Str(Rule::Provider), Opt);
const MEDIA_LINK: &[Member] = &[URL, PROVIDER];
const DOCUMENT_LINK: &[Member] = &[URL, opt("filename"), PROVIDER];
const MEDIA: &[Member] = &[URL, opt("caption"), PROVIDER];
const KIND: Member = opt("type");
const fn non_empty(name: &'static str) -> Member {
    Member(name, &Kind::Str(Rule::NonEmpty), Req)
}

/// A send's recipients (`sendText`'s too).
pub(crate) const RECIPIENTS: &List = &list(
    &Kind::Str(Rule::Msisdn),
    1,
    MAX_RECIPIENTS,
    "must list 1 to 20 recipients",
);
/// A text message's text (`sendText`'s too).
pub(crate) const TEXT: &Kind = &Kind::Str(Rule::Chars(1, MAX_TEXT_CHARS));

/// The message types, in the order errors list them.
pub(super) const MESSAGE: &Kind = &Kind::Tagged(
    "type",
    &[
        (
            "text",
            &[
                Member("text", TEXT, Req),
                Member("previewUrl", &Kind::Bool, Opt),
            ],
        ),
        ("image", MEDIA),
        ("video", MEDIA),
        ("audio", MEDIA_LINK),
        (
            "document",
            &[URL, opt("caption"), opt("filename"), PROVIDER],
        ),
        (
            "sticker",
            &[
                Member(
                    "",
                    &Kind::Hook(&Hook::Either("url", "id", "give exactly one of url or id")),
                    Need::Optional,
                ),
                Member("url", &Kind::Str(Rule::StickerUrl), Opt),
                Member("id", &Kind::Str(Rule::StickerId), Opt),
                Member("provider", &Kind::Str(Rule::StickerProvider), Opt),
            ],
        ),
        (
            "location",
            &[
                Member(
                    "lat",
                    &Kind::Number(Rule::Coordinate(90, "must be a number from -90 to 90")),
                    Req,
                ),
                Member(
                    "lng",
                    &Kind::Number(Rule::Coordinate(180, "must be a number from -180 to 180")),
                    Req,
                ),
                opt("name"),
                opt("address"),
            ],
        ),
        (
            "contacts",
            &[Member(
                "contacts",
                &Kind::List(&list(
                    CARD,
                    1,
                    usize::MAX,
                    "must list at least one contact card",
                )),
                Req,
            )],
        ),
        ("template", TEMPLATE),
        (
            "interactive",
            &[Member(
                "message",
                &Kind::Tagged("type", &[("button", BUTTONS), ("list", LIST)]),
                Req,
            )],
        ),
    ],
);

/// A send: `{ to, message, callback?, correlationId?, ttl?, channelSpecificMessage? }`,
/// the last three Conversation-only (refused by [`Hook::Envelope`] on the standalone API).
pub(super) const SEND: &Kind = &Kind::Object(&[
    Member("", &Kind::Hook(&Hook::Envelope), Need::Optional),
    Member("to", &Kind::List(RECIPIENTS), Req),
    Member("message", MESSAGE, Req),
    Member("callback", &Kind::Str(Rule::HttpUrl), Opt),
    Member(
        "correlationId",
        &Kind::Str(Rule::Chars(1, 128)),
        Need::Unwritten,
    ),
    Member("ttl", &Kind::Whole(Rule::Ttl), Need::Unwritten),
    Member("channelSpecificMessage", CHANNEL_SPECIFIC, Need::Unwritten),
]);

/// `channelSpecificMessage { messageType, message }`: a Flow, or an order's object
/// (any). Its Conversation wire form (`channel_specific_message.WHATSAPP`) is what
/// the message writer writes of it: every name in snake_case (`flowId` → `flow_id`),
/// an order's object as given.
pub(crate) const CHANNEL_SPECIFIC: &Kind = &Kind::Tagged(
    "messageType",
    &[
        ("FLOWS", &[Member("message", &Kind::Object(FLOWS), Req)]),
        ("ORDER_DETAILS", &[Member("message", &Kind::AnyObject, Req)]),
        ("ORDER_STATUS", &[Member("message", &Kind::AnyObject, Req)]),
    ],
);
