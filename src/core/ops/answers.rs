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
use crate::core::json::{Object, Path, Value, Writer};
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

/// `{ messages: [{ id, recipient, status, state }] }` of a send's 201 (`statuses`
/// may be one object instead of an array; `type` is checked and dropped).
pub const SENT: &[Member] = &[
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

/// [`pass`] of a send's receipt ([`SENT`]), read strictly.
pub fn sent(body: &Value) -> Result<String> {
    answer(body, &Kind::Strict(SENT))
}

/// The JS result of the answer `body`, read as `kind`.
fn answer(body: &Value, kind: &Kind) -> Result<String> {
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
        (Kind::Str, Value::String(text)) => out.string(text),
        (Kind::Str, _) => return Err(at.invalid("must be a string")),
        (Kind::Flag, Value::Bool(flag)) => out.raw(if *flag { "true" } else { "false" }),
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
    members_of(
        value,
        at,
        &[req("name", &Kind::Str), req("type", &Kind::Str)],
        false,
        out,
    )?;
    out.key("auth");
    out.string(auth);
    if let Some(basic) = basic {
        members_of(
            basic,
            &basic_at,
            &[opt("username", "username", &Kind::Str)],
            false,
            out,
        )?;
    }
    out.close_object();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    fn answer(json: &str, members: &'static [Member]) -> Result<String> {
        pass(&parse(json).expect("JSON"), members)
    }

    #[test]
    fn sticker_answers() {
        assert_eq!(
            answer(
                r#"{"publisher": "P", "name": "N", "android_app_store_link": "https://play"}"#,
                PACK_INFO
            )
            .unwrap(),
            r#"{"publisher":"P","name":"N","androidAppStoreLink":"https://play"}"#
        );
        assert_eq!(
            answer(
                r#"{"stickers": [{"index": "0"}, {"index": "1", "x": 2}]}"#,
                STICKER_LIST
            )
            .unwrap(),
            r#"{"stickers":[{"index":"0"},{"index":"1"}]}"#
        );
        assert_eq!(
            answer(r#"{"stickerpacks": [{"id": "a"}]}"#, PACK_LIST).unwrap(),
            r#"{"stickerpacks":[{"id":"a"}]}"#
        );
        assert_eq!(
            answer(r#"{"stickerpacks": [{"id": 1}]}"#, PACK_LIST)
                .unwrap_err()
                .message,
            "body.stickerpacks[0].id: must be a string"
        );
        assert_eq!(
            answer(r#"{"id": "p1"}"#, PACK_ID).unwrap(),
            r#"{"id":"p1"}"#
        );
        assert_eq!(
            answer(r#"{"index": "3"}"#, STICKER_INDEX).unwrap(),
            r#"{"index":"3"}"#
        );
        assert_eq!(
            answer("{}", PACK_ID).unwrap_err().message,
            "body.id: is required"
        );
        assert_eq!(
            answer(r#"{"id": "s"}"#, STICKER_INFO).unwrap(),
            r#"{"id":"s","emojis":[]}"#
        );
        assert_eq!(
            answer(r#"{"id": "s", "emojis": null, "id": "t"}"#, STICKER_INFO).unwrap(),
            r#"{"id":"t","emojis":[]}"#
        );
        for (json, members, message) in [
            ("[]", PACK_ID, "body: must be an object"),
            (r#"{"id": null}"#, PACK_ID, "body.id: is required"),
            (
                r#"{"stickers": {}}"#,
                STICKER_LIST,
                "body.stickers: must be an array",
            ),
            (
                r#"{"stickers": [1]}"#,
                STICKER_LIST,
                "body.stickers[0]: must be an object",
            ),
            (r#"{"publisher": "P"}"#, PACK_INFO, "body.name: is required"),
            (
                r#"{"id": "s", "emojis": ["a", 1]}"#,
                STICKER_INFO,
                "body.emojis[1]: must be a string",
            ),
        ] {
            assert_eq!(
                answer(json, members).unwrap_err().message,
                message,
                "{json}"
            );
        }
    }

    /// The receipt of a send: the same text or error as the typed `Receipt` read
    /// into a `SendResult`.
    #[test]
    fn sent_is_the_typed_receipts_text() {
        use crate::core::json::Read;
        use crate::core::message::{Receipt, SendResult};
        let status = r#"{"message_id":"m","recipient":"+1","status":"success","state":"queued"}"#;
        let bodies = [
            format!(r#"{{"type":"whatsapp","statuses":[{status},{status}]}}"#),
            format!(r#"{{"type":"whatsapp","statuses":{status},"x":1}}"#),
            format!(r#"{{"type":null,"statuses":[{status}]}}"#),
            format!(r#"{{"statuses":[],"statuses":[{status}]}}"#),
            r#"{"statuses":[{"message_id":"a","message_id":"b","recipient":"r","status":"s","state":"t"}]}"#.into(),
            r#"{"type":1,"statuses":[]}"#.into(),
            r#"{"type":"whatsapp"}"#.into(),
            r#"{"statuses":null}"#.into(),
            r#"{"statuses":5}"#.into(),
            r#"{"statuses":"x"}"#.into(),
            r#"{"statuses":["x"]}"#.into(),
            r#"{"statuses":[{"message_id":"m"}]}"#.into(),
            r#"{"statuses":[{"message_id":null,"recipient":"r","status":"s","state":"t"}]}"#.into(),
            r#"{"statuses":[{"message_id":"m","recipient":"r","status":"s","state":1}]}"#.into(),
            "[]".into(),
            "{}".into(),
        ];
        for body in &bodies {
            let value = parse(body).expect("JSON");
            let typed = Receipt::read(&value, &Path::root("body"))
                .map(|receipt| SendResult::from(receipt).to_json())
                .map_err(|e| e.message.clone());
            assert_eq!(sent(&value).map_err(|e| e.message.clone()), typed, "{body}");
        }
        assert_eq!(
            sent(&parse(&bodies[1]).expect("JSON")).unwrap(),
            r#"{"messages":[{"id":"m","recipient":"+1","status":"success","state":"queued"}]}"#
        );
    }

    #[test]
    fn number_answers() {
        let caps = answer(
            r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w","new":1}]}"#,
            CAPABILITIES,
        )
        .unwrap();
        assert_eq!(
            caps,
            r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w"}]}"#
        );
        let err = answer(r#"{"capabilities":[{"msisdn":1}]}"#, CAPABILITIES).unwrap_err();
        assert_eq!(err.message, "body.capabilities[0].msisdn: must be a string");
        let err = answer(
            r#"{"capabilities":[{"msisdn":"1","capable":1}]}"#,
            CAPABILITIES,
        );
        assert_eq!(
            err.unwrap_err().message,
            "body.capabilities[0].capable: must be a boolean"
        );
        let opt = answer(
            r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#,
            OPT_IN,
        );
        assert_eq!(
            opt.unwrap(),
            r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#
        );
        assert_eq!(answer("{}", OPT_IN).unwrap(), "{}");
        assert_eq!(
            answer(r#"{"numbers":["1"],"page":0}"#, BLACKLIST_PAGE).unwrap(),
            r#"{"numbers":["1"]}"#
        );
        let err = answer("{}", BLACKLIST_PAGE).unwrap_err();
        assert_eq!(err.message, "body.numbers: is required");
    }

    #[test]
    fn the_provider_list_drops_credentials() {
        let text = answer(
            r#"{"settings": {"application": {"media": {"providers": [
            {"name": "a", "type": "www", "config": {"basic": {"username": "user", "password": "AbCdEf123456&44jf"}}},
            {"name": "b", "type": "www", "config": {"bearer": "AbCdEf123456&44jf"}},
            {"name": "c", "type": "www"}
        ]}}}}"#,
            PROVIDERS,
        )
        .unwrap();
        assert!(!text.contains("AbCdEf"), "{text}");
        assert_eq!(
            text,
            r#"{"providers":[{"name":"a","type":"www","auth":"basic","username":"user"},{"name":"b","type":"www","auth":"bearer"},{"name":"c","type":"www","auth":"unknown"}]}"#
        );
        let empty = r#"{"settings": {"application": {"media": {}}}}"#;
        assert_eq!(answer(empty, PROVIDERS).unwrap(), r#"{"providers":[]}"#);
        for (json, message) in [
            (
                r#"{"settings": {"application": 1}}"#,
                "body.settings.application: must be an object",
            ),
            (r#"{"settings": {}}"#, "body.settings.application: is required"),
            (
                r#"{"settings": {"application": {"media": {"providers": [{"config": 1}]}}}}"#,
                "body.settings.application.media.providers[0].config: must be an object",
            ),
            (
                r#"{"settings": {"application": {"media": {"providers": [{"config": {"basic": []}}]}}}}"#,
                "body.settings.application.media.providers[0].config.basic: must be an object",
            ),
            (
                r#"{"settings": {"application": {"media": {"providers": [{"name": "a", "config": {"basic": {}}}]}}}}"#,
                "body.settings.application.media.providers[0].type: is required",
            ),
            (
                r#"{"settings": {"application": {"media": {"providers": [{"name": "a", "type": "www", "config": {"basic": {"username": 1}}}]}}}}"#,
                "body.settings.application.media.providers[0].config.basic.username: must be a string",
            ),
        ] {
            assert_eq!(answer(json, PROVIDERS).unwrap_err().message, message, "{json}");
        }
    }
}
