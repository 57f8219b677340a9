//! The JS results of the 2xx answers (sends, stickers, numbers, providers) as tables: each
//! member's wire name (read), JS name (written), kind and need, walked by one small
//! pass from the parsed answer to the JSON text JS gets, in the table's order. No
//! typed value is built in between, and no reader or writer is copied per type.
//!
//! Answers are read leniently ([`Object::lenient`]): unknown keys are dropped, a
//! repeated key reads as its last and `null` as absent; a send's receipt, as the
//! typed [`Receipt`](crate::core::message::Receipt) reads it, by its first and with
//! `null` given ([`Kind::Strict`]). An error names the path of the wrong value below
//! `body` and what was expected, as the typed readers do.

use crate::core::error::Result;
use crate::core::json::{Object, Path, Value, Write, Writer};
use crate::prelude::*;

/// How a member's value is read and written.
pub enum Kind {
    /// A string.
    Str,
    /// A boolean.
    Flag,
    /// An object of these members.
    Object(&'static [Member]),
    /// An object of these members, a repeated key read as its first and `null` as
    /// given (a wrong value unless the member is optional).
    Strict(&'static [Member]),
    /// An array of a kind, or one object or string of it (as an array of one).
    OneOrMany(&'static Kind),
    /// An object whose members are written into the enclosing object (no key of
    /// its own): the nesting of an answer JS does not see.
    Flat(&'static [Member]),
    /// An array of a kind.
    List(&'static Kind),
    /// A media provider, written without its credentials.
    Provider,
    /// Anything: "nothing of use", written as `null` (JS gets `undefined`).
    Nothing,
    /// The callback store's answer, `{ results: Callback[] }`, each callback as
    /// `parseCallback` gives it (by the callbacks' schema pass).
    Stored,
}

/// Whether a member may be absent (or `null`).
#[derive(PartialEq, Eq)]
pub enum Need {
    /// Absent is an error (`body.id: is required`).
    Required,
    /// Absent is left out.
    Optional,
    /// Absent is written as `[]`.
    Listed,
    /// Optional, and never written.
    Checked,
}

/// One member of an answer object.
pub struct Member {
    /// The name on the wire.
    pub wire: &'static str,
    /// The name JS sees.
    pub js: &'static str,
    /// How it is read and written.
    pub kind: &'static Kind,
    /// Whether it may be absent.
    pub need: Need,
}

const fn req(wire: &'static str, kind: &'static Kind) -> Member {
    Member {
        wire,
        js: wire,
        kind,
        need: Need::Required,
    }
}

const fn opt(wire: &'static str, js: &'static str, kind: &'static Kind) -> Member {
    Member {
        wire,
        js,
        kind,
        need: Need::Optional,
    }
}

const STRINGS: Kind = Kind::List(&Kind::Str);

/// `{ stickerpacks: [{ id }] }`.
pub const PACK_LIST: &[Member] = &[req(
    "stickerpacks",
    &Kind::List(&Kind::Object(&[req("id", &Kind::Str)])),
)];
/// `{ stickers: [{ index }] }` (each index a string upstream, e.g. `"0"`).
pub const STICKER_LIST: &[Member] = &[req(
    "stickers",
    &Kind::List(&Kind::Object(&[req("index", &Kind::Str)])),
)];
/// `{ id }` of a created pack.
pub const PACK_ID: &[Member] = &[req("id", &Kind::Str)];
/// `{ index }` of a created sticker (a string upstream).
pub const STICKER_INDEX: &[Member] = &[req("index", &Kind::Str)];
/// A pack's details, snake_case on the wire.
pub const PACK_INFO: &[Member] = &[
    req("publisher", &Kind::Str),
    req("name", &Kind::Str),
    opt("ios_app_store_link", "iosAppStoreLink", &Kind::Str),
    opt("android_app_store_link", "androidAppStoreLink", &Kind::Str),
];
/// A sticker's id (to send it by) and its emojis.
pub const STICKER_INFO: &[Member] = &[
    req("id", &Kind::Str),
    Member {
        wire: "emojis",
        js: "emojis",
        kind: &STRINGS,
        need: Need::Listed,
    },
];
/// `{ capabilities: [{ msisdn, capable, waid? }] }` (upstream answers `true` for
/// every number since 2023-03-28).
pub const CAPABILITIES: &[Member] = &[req(
    "capabilities",
    &Kind::List(&Kind::Object(&[
        req("msisdn", &Kind::Str),
        req("capable", &Kind::Flag),
        opt("waid", "waid", &Kind::Str),
    ])),
)];
/// Opt-in or opt-out: Sinch documents an empty body; some deployments list the numbers.
pub const OPT_IN: &[Member] = &[
    opt("optInNumbers", "optInNumbers", &STRINGS),
    opt("failedToOptInNumbers", "failedToOptInNumbers", &STRINGS),
];
/// One page of the blacklist (empty past the last page).
pub const BLACKLIST_PAGE: &[Member] = &[req("numbers", &STRINGS)];
/// `{ settings: { application: { media: { providers? } } } }` as `{ providers }`:
/// passwords and tokens are never read, only whether `basic` or `bearer` is there.
pub const PROVIDERS: &[Member] = &[req(
    "settings",
    &Kind::Flat(&[req(
        "application",
        &Kind::Flat(&[req(
            "media",
            &Kind::Flat(&[Member {
                wire: "providers",
                js: "providers",
                kind: &Kind::List(&Kind::Provider),
                need: Need::Listed,
            }]),
        )]),
    )]),
)];

/// An answer of nothing of use.
pub const NOTHING: &Kind = &Kind::Nothing;
/// The callback store's answer.
pub const STORED: &Kind = &Kind::Stored;
/// A send's 201, read strictly ([`RECEIPT`]).
pub const SENT: &Kind = &Kind::Strict(RECEIPT);

/// `{ messages: [{ id, recipient, status, state }] }` of a send's 201 (`statuses`
/// may be one object instead of an array; `type` is checked and dropped).
pub const RECEIPT: &[Member] = &[
    Member {
        wire: "type",
        js: "type",
        kind: &Kind::Str,
        need: Need::Checked,
    },
    Member {
        wire: "statuses",
        js: "messages",
        kind: &Kind::OneOrMany(&Kind::Strict(&[
            Member {
                wire: "message_id",
                js: "id",
                kind: &Kind::Str,
                need: Need::Required,
            },
            req("recipient", &Kind::Str),
            req("status", &Kind::Str),
            req("state", &Kind::Str),
        ])),
        need: Need::Required,
    },
];

/// The JS result of the answer `body`, an object of `members`.
pub fn pass(body: &Value, members: &'static [Member]) -> Result<String> {
    answer(body, &Kind::Object(members))
}

/// [`pass`] of a send's receipt ([`RECEIPT`]), read strictly.
pub fn sent(body: &Value) -> Result<String> {
    answer(body, SENT)
}

/// The JS result of the answer `body`, read as `kind`.
pub fn answer(body: &Value, kind: &Kind) -> Result<String> {
    let mut out = Writer::new();
    one(body, &Path::root("body"), kind, &mut out)?;
    Ok(out.finish())
}

/// The `members` of the object `value` at `at` (read strictly when `strict`),
/// written into an object opened by the caller.
fn members_of(
    value: &Value,
    at: &Path,
    members: &[Member],
    strict: bool,
    out: &mut Writer,
) -> Result<()> {
    let fields = Object::lenient(value, at)?;
    for member in members {
        let at = at.key(member.wire);
        let found = match strict {
            true => value.get(member.wire),
            false => fields.get(member.wire),
        };
        match (found, &member.need) {
            (Some(Value::Null), Need::Optional | Need::Checked) | (None, Need::Optional) => {}
            (None, Need::Checked) => {}
            (None, Need::Required) => return Err(at.invalid("is required")),
            (None | Some(Value::Null), Need::Listed) => {
                out.key(member.js);
                out.open_array();
                out.close_array();
            }
            (Some(value), Need::Checked) => one(value, &at, member.kind, &mut Writer::new())?,
            (Some(value), _) => {
                if !matches!(member.kind, Kind::Flat(_)) {
                    out.key(member.js);
                }
                one(value, &at, member.kind, out)?;
            }
        }
    }
    Ok(())
}

/// `value` at `at`, read as `kind` and written.
fn one(value: &Value, at: &Path, kind: &Kind, out: &mut Writer) -> Result<()> {
    match (kind, value) {
        // A string or a boolean is written as it is.
        (Kind::Str, Value::String(_)) => value.write(out),
        (Kind::Str, _) => return Err(at.invalid("must be a string")),
        (Kind::Flag, Value::Bool(_)) => value.write(out),
        (Kind::Flag, _) => return Err(at.invalid("must be a boolean")),
        (Kind::Object(members) | Kind::Strict(members), _) => {
            out.open_object();
            members_of(value, at, members, matches!(kind, Kind::Strict(_)), out)?;
            out.close_object();
        }
        (Kind::Flat(members), _) => members_of(value, at, members, false, out)?,
        (Kind::OneOrMany(kind), Value::Object(_) | Value::String(_)) => {
            out.open_array();
            one(value, at, kind, out)?;
            out.close_array();
        }
        (Kind::OneOrMany(kind), Value::Array(_)) => one(value, at, &Kind::List(kind), out)?,
        (Kind::OneOrMany(_), _) => return Err(at.invalid("must be one value or an array of them")),
        (Kind::List(kind), Value::Array(items)) => {
            out.open_array();
            for (i, item) in items.iter().enumerate() {
                one(item, &at.index(i), kind, out)?;
            }
            out.close_array();
        }
        (Kind::List(_), _) => return Err(at.invalid("must be an array")),
        (Kind::Provider, _) => provider(value, at, out)?,
        (Kind::Nothing, _) => out.raw("null"),
        (Kind::Stored, _) => out.raw(&crate::core::callback::pass::store_json(value)?),
    }
    Ok(())
}

/// `{ name, type, auth, username? }` of a provider: `auth` is `basic`, `bearer` or
/// `unknown` by which of `config.basic` and `config.bearer` is there; the Basic
/// user name is not a secret, the password and the token are never read.
fn provider(value: &Value, at: &Path, out: &mut Writer) -> Result<()> {
    let fields = Object::lenient(value, at)?;
    let config_at = at.key("config");
    let config = match fields.get("config") {
        Some(config) => Some(Object::lenient(config, &config_at)?),
        None => None,
    };
    let basic_at = config_at.key("basic");
    let basic = config.and_then(|config| config.get("basic"));
    if let Some(basic) = basic {
        Object::lenient(basic, &basic_at)?;
    }
    let auth = match (basic, config.and_then(|config| config.get("bearer"))) {
        (Some(_), _) => "basic",
        (None, Some(_)) => "bearer",
        (None, None) => "unknown",
    };
    out.open_object();
    const NAMED: &[Member] = &[req("name", &Kind::Str), req("type", &Kind::Str)];
    members_of(value, at, NAMED, false, out)?;
    out.key("auth");
    out.string(auth);
    if let Some(basic) = basic {
        const USER: &[Member] = &[opt("username", "username", &Kind::Str)];
        members_of(basic, &basic_at, USER, false, out)?;
    }
    out.close_object();
    Ok(())
}

#[cfg(test)]
mod tests;
