//! The standalone wire body of `send`, written by tables from the caller's JSON once
//! [`SendRequest`](super::SendRequest) has read and checked it: each member's JS
//! name (read; the wire name is it in snake_case) and kind, in the order the typed
//! model's [`Write`](crate::core::json::Write) writes them. What the wasm ships: no
//! writer per type. The typed writer stays for Rust callers
//! ([`send_message`](crate::core::endpoints::messages::send_message)); the tests
//! hold the two to the same text for every valid message they read.
//!
//! The value given has been read by the typed model, so every member is of its kind,
//! no key repeats and none is unknown: a string, number, boolean or array of strings
//! is written as given, `null` as absent.

use crate::core::json::{Value, Write, Writer};
use crate::prelude::*;

/// How a member's value is written.
enum Kind {
    /// As given.
    Given,
    /// An object of these members.
    Object(&'static [Member]),
    /// An array of a kind.
    List(&'static Kind),
    /// An array of a kind, left out when empty.
    Listed(&'static Kind),
    /// An object tagged by `type`: `type` first, then the members of its variant.
    Tagged(&'static [(&'static str, &'static [Member])]),
    /// Always this string, whatever is given (the caller may leave it out).
    Always(&'static str),
}

/// One member: its JS name (its wire name is the same in snake_case) and kind.
struct Member(&'static str, &'static Kind);

/// A member written as given.
const fn same(name: &'static str) -> Member {
    Member(name, &Kind::Given)
}

const TEXT_PART: &Kind = &Kind::Object(&[same("text")]);
const MEDIA_LINK: &[Member] = &[same("url"), same("provider")];
const DOCUMENT_LINK: &[Member] = &[same("url"), same("filename"), same("provider")];
const KIND: Member = same("type");

const CARD: &Kind = &Kind::Object(&[
    Member(
        "name",
        &Kind::Object(&[same("formattedName"), same("firstName"), same("lastName")]),
    ),
    Member(
        "addresses",
        &Kind::Listed(&Kind::Object(&[
            same("city"),
            same("street"),
            same("zip"),
            same("state"),
            same("country"),
            same("countryCode"),
            KIND,
        ])),
    ),
    same("birthday"),
    Member(
        "emails",
        &Kind::Listed(&Kind::Object(&[same("email"), KIND])),
    ),
    Member(
        "org",
        &Kind::Object(&[same("company"), same("department"), same("title")]),
    ),
    Member(
        "phones",
        &Kind::Listed(&Kind::Object(&[same("phone"), KIND, same("waId")])),
    ),
    Member("urls", &Kind::Listed(&Kind::Object(&[same("url"), KIND]))),
]);

const TEMPLATE: &[Member] = &[
    same("templateName"),
    same("language"),
    same("headerParams"),
    same("bodyParams"),
    Member(
        "media",
        &Kind::Tagged(&[
            ("text", &[]),
            ("image", MEDIA_LINK),
            ("video", MEDIA_LINK),
            ("document", DOCUMENT_LINK),
        ]),
    ),
    Member(
        "buttons",
        &Kind::List(&Kind::Tagged(&[
            ("call", &[]),
            ("url", &[same("parameter")]),
            ("quick_reply", &[same("payload")]),
        ])),
    ),
];

const BUTTONS: &[Member] = &[
    Member(
        "header",
        &Kind::Tagged(&[
            ("text", &[same("text")]),
            ("image", MEDIA_LINK),
            ("video", MEDIA_LINK),
            ("document", DOCUMENT_LINK),
        ]),
    ),
    Member("body", TEXT_PART),
    Member("footer", TEXT_PART),
    Member(
        "action",
        &Kind::Object(&[Member(
            "buttons",
            &Kind::List(&Kind::Object(&[
                Member("type", &Kind::Always("reply")),
                same("id"),
                same("title"),
            ])),
        )]),
    ),
];

const LIST: &[Member] = &[
    Member(
        "header",
        &Kind::Object(&[Member("type", &Kind::Always("text")), same("text")]),
    ),
    Member("body", TEXT_PART),
    Member("footer", TEXT_PART),
    Member(
        "action",
        &Kind::Object(&[
            same("button"),
            Member(
                "sections",
                &Kind::List(&Kind::Object(&[
                    same("title"),
                    Member(
                        "rows",
                        &Kind::List(&Kind::Object(&[
                            same("id"),
                            same("title"),
                            same("description"),
                        ])),
                    ),
                ])),
            ),
        ]),
    ),
];

/// `{ to, message, callback? }`: the extras are refused before this is written.
const SEND: &[Member] = &[
    same("to"),
    Member(
        "message",
        &Kind::Tagged(&[
            ("text", &[same("text"), same("previewUrl")]),
            ("image", &[same("url"), same("caption"), same("provider")]),
            ("video", &[same("url"), same("caption"), same("provider")]),
            ("audio", MEDIA_LINK),
            (
                "document",
                &[
                    same("url"),
                    same("caption"),
                    same("filename"),
                    same("provider"),
                ],
            ),
            ("sticker", &[same("url"), same("id"), same("provider")]),
            (
                "location",
                &[same("lat"), same("lng"), same("name"), same("address")],
            ),
            ("contacts", &[Member("contacts", &Kind::List(CARD))]),
            ("template", TEMPLATE),
            (
                "interactive",
                &[Member(
                    "message",
                    &Kind::Tagged(&[("button", BUTTONS), ("list", LIST)]),
                )],
            ),
        ]),
    ),
    same("callback"),
];

/// The wire JSON of `request`, a `send` argument the typed model has read and checked
/// (crate-internal: an unchecked value would be written as given).
pub(crate) fn send_body(request: &Value) -> String {
    let mut out = Writer::new();
    object(request, SEND, &mut out);
    out.finish()
}

/// `{ …members }` of `value`.
fn object(value: &Value, members: &[Member], out: &mut Writer) {
    out.open_object();
    write_members(value, members, out);
    out.close_object();
}

/// Each of `members` of `value` that is given (`null` is not), under its wire name.
fn write_members(value: &Value, members: &[Member], out: &mut Writer) {
    for Member(js, kind) in members {
        let given = match (value.get(js), kind) {
            (_, Kind::Always(_)) => &Value::Null,
            (None | Some(Value::Null), _) => continue,
            (Some(Value::Array(items)), Kind::Listed(_)) if items.is_empty() => continue,
            (Some(given), _) => given,
        };
        out.key(&snake(js));
        one(given, kind, out);
    }
}

/// `countryCode` → `country_code`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `value` written as `kind`.
fn one(value: &Value, kind: &Kind, out: &mut Writer) {
    match kind {
        Kind::Given => value.write(out),
        Kind::Object(members) => object(value, members, out),
        Kind::Always(text) => out.string(text),
        Kind::List(kind) | Kind::Listed(kind) => {
            out.open_array();
            if let Value::Array(items) = value {
                for item in items {
                    one(item, kind, out);
                }
            }
            out.close_array();
        }
        Kind::Tagged(variants) => {
            let tag = value
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            out.open_object();
            out.field("type", tag);
            for (name, members) in variants.iter() {
                if *name == tag {
                    write_members(value, members, out);
                }
            }
            out.close_object();
        }
    }
}
