//! The schema pass: a parsed callback [`Value`] straight to the JSON text JS gets,
//! driven by the tables of `schema`, with no typed model in between
//! (this is what ships in the wasm). It gives the same text and the same errors as
//! [`Callback::to_json`](super::Callback::to_json) after [`parse()`](super::parse()):
//! the tests and the `callback_parse` fuzz target compare the two.

use super::conversation::{ENVELOPE, INBOUND_BODY, REPORT_BODY};
use super::entry::write_invalid;
use super::lenient::{self, INDEX_RULE, ZERO_ONE_RULE};
use super::parse::{body, not_a_callback, utf8};
use super::schema::{Content, Field, Kind, Shape, CALLBACK};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{Path, Value, Write, Writer};
use crate::prelude::*;

/// A rule broken at a place: the path (`None`: the callback itself) and the rule.
struct Fault {
    field: Option<String>,
    rule: &'static str,
}

type Pass = core::result::Result<(), Fault>;

/// `rule` broken at `at`. (A path from the empty root — a callback's own fields, a
/// Conversation entry, which is the whole body — loses its leading `.`.)
fn fault(at: &Path, rule: &'static str) -> Fault {
    let text = at.text();
    let field = match text.strip_prefix('.') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Fault {
        field: Some(field),
        rule,
    }
}

impl Fault {
    /// As `invalid_argument`, as the typed readers give it.
    fn into_error(self) -> Error {
        match self.field {
            Some(field) => Error::invalid(&field, self.rule),
            None => Error::new(ErrorCode::InvalidArgument, self.rule),
        }
    }
}

/// `parseCallback`: a body as bytes to the callback's JSON text, or the error
/// [`parse_bytes`](super::parse_bytes) gives.
pub fn callback_json(raw: &[u8]) -> Result<String> {
    let value = body(utf8(raw)?)?;
    let mut out = Writer::new();
    callback(&value, None, &mut out).map_err(|err| not_a_callback(err.into_error()))?;
    Ok(out.finish())
}

/// The callback store's answer (`{ results: Callback[] }`) as JS gets it; an error
/// names the path from `body`, as [`CallbackStoreResults`](super::CallbackStoreResults)'s
/// reader does.
pub fn store_json(answer: &Value) -> Result<String> {
    let at = Path::root("body");
    let mut out = Writer::new();
    out.open_object();
    out.key("results");
    store(answer, &at, &mut out).map_err(Fault::into_error)?;
    out.close_object();
    Ok(out.finish())
}

fn store(answer: &Value, at: &Path, out: &mut Writer) -> Pass {
    let results = at.key("results");
    let list = match get(object(answer, at)?, "results", &results)? {
        None => &[][..],
        Some(Value::Array(items)) => items,
        Some(_) => return Err(fault(&results, "must be an array")),
    };
    out.open_array();
    for (i, item) in list.iter().enumerate() {
        callback(item, Some(&results.index(i)), out)?;
    }
    out.close_array();
    Ok(())
}

/// A callback: `{ type, statuses, contacts, notifications, …extra }` ([`CALLBACK`]),
/// or a Conversation API callback (no `type`, an `app_id`). `at` is its path
/// (`None`: the body itself, whose fields are named from the root).
fn callback(value: &Value, at: Option<&Path>, out: &mut Writer) -> Pass {
    let Value::Object(members) = value else {
        return Err(match at {
            Some(at) => fault(at, "must be an object"),
            None => Fault {
                field: None,
                rule: "must be an object",
            },
        });
    };
    let root = Path::root("");
    let at = at.unwrap_or(&root);
    if get(members, "type", &at.key("type"))?.is_none()
        && members.iter().any(|(key, _)| key == "app_id")
    {
        conversation(value, members, out);
        return Ok(());
    }
    out.open_object();
    fields(&CALLBACK, members, at, out)?;
    out.close_object();
    Ok(())
}

/// A callback's list `list` ([`Kind::Entries`]): each entry typed or kept invalid.
fn entries(shape: &Shape, list: &str, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let Value::Array(items) = value else {
        return Err(fault(at, "must be an array"));
    };
    out.open_array();
    for (index, raw) in items.iter().enumerate() {
        entry(shape, raw, &Path::root(list).index(index), out);
    }
    out.close_array();
    Ok(())
}

/// One entry at `at`: typed, or `{ kind: "invalid", error, raw }` in its place.
fn entry(shape: &Shape, raw: &Value, at: &Path, out: &mut Writer) {
    let mut typed = Writer::new();
    match shaped(shape, raw, at, &mut typed) {
        Ok(()) => out.raw(&typed.finish()),
        Err(err) => write_invalid(out, &err.field.unwrap_or_default(), err.rule, raw),
    }
}

/// A Conversation API callback in today's shape: `{ type: "whatsapp", api:
/// "conversation", statuses, contacts, notifications, unknown?, …extra }`. Its kind
/// is its first field outside the envelope: a delivery report is the one entry of
/// `statuses`, an inbound message of `notifications`; another kind (or none) is
/// `unknown: { type: "unknown", rawType, raw }`, `raw` the body as sent.
fn conversation(body: &Value, members: &[(String, Value)], out: &mut Writer) {
    let envelope = |key: &str| ENVELOPE.iter().any(|field| field.wire == key);
    let kind = members.iter().find(|(key, _)| !envelope(key));
    let kind = kind.map_or("", |(key, _)| key.as_str());
    out.open_object();
    out.field("type", "whatsapp");
    out.field("api", "conversation");
    for (list, shape) in [
        (
            "statuses",
            (kind == "message_delivery_report").then_some(&REPORT_BODY),
        ),
        ("contacts", None),
        (
            "notifications",
            (kind == "message").then_some(&INBOUND_BODY),
        ),
    ] {
        out.key(list);
        out.open_array();
        if let Some(shape) = shape {
            entry(shape, body, &Path::root(""), out);
        }
        out.close_array();
    }
    if !["message_delivery_report", "message"].contains(&kind) {
        out.key("unknown");
        unknown(kind, body, out);
    }
    let top = ["api", "unknown", "statuses", "contacts", "notifications"];
    for (key, value) in members {
        if key != kind && !envelope(key) && !top.contains(&key.as_str()) {
            out.field(key, value);
        }
    }
    out.close_object();
}

/// `{ type: "unknown", rawType, raw }`, as `model::unknown` writes it.
fn unknown(kind: &str, raw: &Value, out: &mut Writer) {
    out.open_object();
    out.field("type", "unknown");
    out.field("rawType", kind);
    out.field("raw", raw);
    out.close_object();
}

/// `value` as an object's members, or `…: must be an object`.
fn object<'v>(value: &'v Value, at: &Path) -> core::result::Result<&'v [(String, Value)], Fault> {
    match value {
        Value::Object(members) => Ok(members),
        _ => Err(fault(at, "must be an object")),
    }
}

/// Member `key` unless absent or `null`; a key given twice is a fault at `at`.
fn get<'v>(
    members: &'v [(String, Value)],
    key: &str,
    at: &Path,
) -> core::result::Result<Option<&'v Value>, Fault> {
    let mut found = None;
    for (name, value) in members {
        if name == key {
            if found.is_some() {
                return Err(fault(at, "is given twice"));
            }
            found = Some(value);
        }
    }
    Ok(found.filter(|value| !matches!(value, Value::Null)))
}

/// An object of `shape`: `{ …fields, …extra }`.
fn shaped(shape: &Shape, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let members = object(value, at)?;
    out.open_object();
    fields(shape, members, at, out)?;
    out.close_object();
    Ok(())
}

/// The fields of `shape` in its order, then the members it keeps.
fn fields(shape: &Shape, members: &[(String, Value)], at: &Path, out: &mut Writer) -> Pass {
    for field in shape.fields {
        let place = at.key(field.wire);
        match (get(members, field.wire, &place)?, &field.kind) {
            (Some(value), Kind::Flat(inner)) => fields(inner, object(value, &place)?, &place, out)?,
            (Some(value), Kind::Entries(inner)) => {
                out.key(field.js);
                entries(inner, field.wire, value, &place, out)?;
            }
            (Some(value), _) => {
                out.key(field.js);
                kind(field.kind, value, &place, out)?;
            }
            (None, _) if field.required => return Err(fault(&place, "is required")),
            (None, _) => absent(field, out),
        }
    }
    if shape.keeps {
        for (key, value) in members {
            let known = shape.reserved.contains(&key.as_str())
                || (shape.fields.iter()).any(|field| field.wire == key || field.js == key);
            if !known {
                out.field(key, value);
            }
        }
    }
    Ok(())
}

/// An optional field left out: a list is written empty, a flag `false`.
fn absent(field: &Field, out: &mut Writer) {
    match field.kind {
        Kind::List(_) | Kind::Entries(_) => {
            out.key(field.js);
            out.open_array();
            out.close_array();
        }
        Kind::Flag => out.field(field.js, &false),
        _ => {}
    }
}

/// One value of `kind`, read and written.
fn kind(kind: &Kind, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    match (kind, value) {
        (Kind::Object(shape) | Kind::Flat(shape), _) => shaped(shape, value, at, out),
        (Kind::Keyed(contents), _) => keyed(contents, value, at, out),
        (Kind::Tagged(types), _) => tagged(types, value, at, out),
        (Kind::List(item), Value::Array(items)) => {
            out.open_array();
            for (i, each) in items.iter().enumerate() {
                self::kind(item, each, &at.index(i), out)?;
            }
            out.close_array();
            Ok(())
        }
        _ => plain(kind, value, out).map_err(|rule| fault(at, rule)),
    }
}

/// A value of a kind with no parts (or a list that is not an array): written, or
/// the rule it breaks.
fn plain(kind: &Kind, value: &Value, out: &mut Writer) -> core::result::Result<(), &'static str> {
    match (kind, value) {
        (Kind::Str, Value::String(text)) => out.string(text),
        (Kind::Number, Value::Number(text)) => out.raw(text),
        (Kind::Flag, Value::Bool(flag)) => flag.write(out),
        (Kind::ZeroOne, _) => lenient::zero_one(value).ok_or(ZERO_ONE_RULE)?.write(out),
        (Kind::Index, _) => out.string(&lenient::index(value).ok_or(INDEX_RULE)?),
        (Kind::Any, _) => value.write(out),
        (Kind::Outcome, Value::String(status)) => out.string(lenient::outcome(status)),
        (Kind::State, Value::String(status)) => out.string(&lenient::state(status)),
        (Kind::Whatsapp, Value::String(text)) if text == "whatsapp" => out.string(text),
        (Kind::Whatsapp, Value::String(_)) => return Err("must be \"whatsapp\""),
        (Kind::Str | Kind::Outcome | Kind::State | Kind::Whatsapp, _) => {
            return Err("must be a string")
        }
        (Kind::Number, _) => return Err("must be a number"),
        (Kind::Flag, _) => return Err("must be a boolean"),
        // Objects and tagged objects are read by `kind`: only a list is left.
        (
            Kind::List(_)
            | Kind::Entries(_)
            | Kind::Object(_)
            | Kind::Flat(_)
            | Kind::Tagged(_)
            | Kind::Keyed(_),
            _,
        ) => return Err("must be an array"),
    }
    Ok(())
}

/// An object tagged by `type`: `{ type, …fields of its shape, …extra }` for a known
/// type, `{ type: "unknown", rawType, raw }` (the object as sent) for another.
fn tagged(types: &[(&str, &'static Shape)], value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let members = object(value, at)?;
    let place = at.key("type");
    let name = match get(members, "type", &place)? {
        Some(Value::String(name)) => name,
        Some(_) => return Err(fault(&place, "must be a string")),
        None => return Err(fault(&place, "is required")),
    };
    match types.iter().find(|(known, _)| known == name) {
        Some((name, shape)) => {
            out.open_object();
            out.field("type", *name);
            fields(shape, members, at, out)?;
            out.close_object();
        }
        None => unknown(name, value, out),
    }
    Ok(())
}

/// An object holding one message under its kind's key, beside `reply_to`: `{ type,
/// …fields of its shape, …extra }` (inside `{ type, message }` for a kind written
/// within another) for a known kind, `{ type: "unknown", rawType, raw }` (the
/// object as sent) for another.
fn keyed(contents: &[Content], value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let members = object(value, at)?;
    let Some((name, _)) = members.iter().find(|(key, _)| key != "reply_to") else {
        return Err(fault(at, "must hold a message"));
    };
    let Some(content) = contents.iter().find(|content| content.wire == name) else {
        unknown(name, value, out);
        return Ok(());
    };
    let place = at.key(content.wire);
    let inner = get(members, content.wire, &place)?.unwrap_or(&Value::Null);
    let inner = object(inner, &place)?;
    if let Some(within) = content.within {
        out.open_object();
        out.field("type", within);
        out.key("message");
    }
    out.open_object();
    out.field("type", content.kind);
    fields(content.shape, inner, &place, out)?;
    out.close_object();
    if content.within.is_some() {
        out.close_object();
    }
    Ok(())
}
