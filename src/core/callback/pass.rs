//! The schema pass: a parsed callback [`Value`] straight to the JSON text JS gets,
//! driven by the tables of `schema`, with no typed model in between
//! (this is what ships in the wasm). It gives the same text and the same errors as
//! [`Callback::to_json`](super::Callback::to_json) after [`parse()`](super::parse()):
//! the tests and the `callback_parse` fuzz target compare the two.

use super::conversation::ENVELOPE;
use super::entry::write_invalid;
use super::join;
use super::lenient::{self, INDEX_RULE, ZERO_ONE_RULE};
use super::parse::{body, NOT_A_CALLBACK};
use super::schema::{choice, field, next_word, same, shape, Field, Shape};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{Path, Value, Write, Writer};
use crate::prelude::*;

/// A rule broken at a place: the path (empty: the callback itself) and the rule.
struct Fault {
    field: String,
    rule: &'static str,
}

/// A fault is boxed: a `Result` of one pointer, so each `?` passes on a pointer,
/// not the five words of a `Fault`.
type Pass = core::result::Result<(), Box<Fault>>;

/// `rule` broken at `at`. (A path from the empty root — a callback's own fields, a
/// Conversation entry, which is the whole body — starts at its first name: `Path`
/// writes no `.` before it.) Not inlined: one call at each of the pass's faults.
#[inline(never)]
fn fault(at: &Path, rule: &'static str) -> Box<Fault> {
    Box::new(Fault {
        field: at.text(),
        rule,
    })
}

impl Fault {
    /// As `invalid_callback`, worded as [`not_a_callback`] words a reader's error
    /// (`…: statuses: must be an array`), with no reader's error built first.
    fn not_a_callback(self) -> Error {
        let mut err = Error::new(
            ErrorCode::InvalidCallback,
            if self.field.is_empty() {
                join(&[NOT_A_CALLBACK, self.rule])
            } else {
                join(&[NOT_A_CALLBACK, &self.field, ": ", self.rule])
            },
        );
        err.field = (!self.field.is_empty()).then_some(self.field);
        err
    }

    /// As `invalid_argument`, as the typed readers give it.
    fn into_error(self) -> Error {
        Error::invalid(&self.field, self.rule)
    }
}

/// `parseCallback`: a body as bytes to the callback's JSON text, or the error
/// [`parse_bytes`](super::parse_bytes) gives.
pub fn callback_json(raw: &[u8]) -> Result<String> {
    let value = body(raw)?;
    let mut out = Writer::new();
    callback(&value, None, &mut out).map_err(|fault| fault.not_a_callback())?;
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
    store(answer, &at, &mut out).map_err(|fault| fault.into_error())?;
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

/// A callback: `{ type, statuses, contacts, notifications, …extra }` (`callback`),
/// or a Conversation API callback (no `type`, an `app_id`). `at` is its path
/// (`None`: the body itself, whose fields are named from the root).
fn callback(value: &Value, at: Option<&Path>, out: &mut Writer) -> Pass {
    let root = Path::root("");
    let at = at.unwrap_or(&root);
    let Value::Object(members) = value else {
        return Err(fault(at, "must be an object"));
    };
    if get(members, "type", &at.key("type"))?.is_none()
        && members.iter().any(|(key, _)| same(key, "app_id"))
    {
        conversation(value, members, out);
        return Ok(());
    }
    out.open_object();
    fields(shape("callback"), members, at, out)?;
    out.close_object();
    Ok(())
}

/// A callback's list `list` (kind `e`): each entry of the shape `of`, typed or kept invalid.
fn entries(of: &str, list: &str, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let Value::Array(items) = value else {
        return Err(fault(at, "must be an array"));
    };
    let shape = shape(of);
    out.open_array();
    for (index, raw) in items.iter().enumerate() {
        entry(shape, raw, &Path::root(list).index(index), out);
    }
    out.close_array();
    Ok(())
}

/// One entry at `at`: typed, or `{ kind: "invalid", error, raw }` in its place.
fn entry(shape: Shape, raw: &Value, at: &Path, out: &mut Writer) {
    let mut typed = Writer::new();
    match shaped(shape, raw, at, &mut typed) {
        Ok(()) => out.raw(&typed.finish()),
        Err(err) => write_invalid(out, &err.field, err.rule, raw),
    }
}

/// Whether `key` is a field of the Conversation envelope.
fn envelope(key: &str) -> bool {
    let mut words = ENVELOPE;
    while let Some(word) = next_word(&mut words) {
        if same(field(word).wire, key) {
            return true;
        }
    }
    false
}

/// A Conversation callback's lists: each list, the kind whose one entry it holds and
/// that entry's shape (none for `contacts`).
const LISTS: [(&str, &str, &str); 3] = [
    ("statuses", "message_delivery_report", "report_body"),
    ("contacts", "", ""),
    ("notifications", "message", "inbound_body"),
];

/// A Conversation API callback in today's shape: `{ type: "whatsapp", api:
/// "conversation", statuses, contacts, notifications, unknown?, …extra }`. Of its
/// kind ([`kind`](super::conversation::kind)), a delivery report is the one entry of
/// `statuses`, an inbound message of `notifications`; another kind (or none) is
/// `unknown: { type: "unknown", rawType, raw }`, `raw` the body as sent.
fn conversation(body: &Value, members: &[(String, Value)], out: &mut Writer) {
    let kind = super::conversation::kind(members, envelope);
    out.open_object();
    out.field("type", "whatsapp");
    out.field("api", "conversation");
    let mut typed = false;
    for (list, of, shape) in LISTS {
        out.key(list);
        out.open_array();
        if !shape.is_empty() && same(kind, of) {
            typed = true;
            entry(self::shape(shape), body, &Path::root(""), out);
        }
        out.close_array();
    }
    if !typed {
        out.key("unknown");
        unknown(kind, body, out);
    }
    for (key, value) in members {
        let top =
            same(key, "api") || same(key, "unknown") || LISTS.iter().any(|list| same(list.0, key));
        if !same(key, kind) && !envelope(key) && !top {
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
fn object<'v>(
    value: &'v Value,
    at: &Path,
) -> core::result::Result<&'v [(String, Value)], Box<Fault>> {
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
) -> core::result::Result<Option<&'v Value>, Box<Fault>> {
    let mut found = None;
    for (name, value) in members {
        if same(name, key) {
            if found.is_some() {
                return Err(fault(at, "is given twice"));
            }
            found = Some(value);
        }
    }
    Ok(found.filter(|value| !matches!(value, Value::Null)))
}

/// An object of `shape`: `{ …fields, …extra }`.
fn shaped(shape: Shape, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let members = object(value, at)?;
    out.open_object();
    fields(shape, members, at, out)?;
    out.close_object();
    Ok(())
}

/// The fields of `shape` in its order, then the members it keeps.
fn fields(shape: Shape, members: &[(String, Value)], at: &Path, out: &mut Writer) -> Pass {
    let mut words = shape.words;
    while let Some(word) = next_word(&mut words) {
        if let [b'~', ..] = word.as_bytes() {
            break;
        }
        let field = field(word);
        let place = at.key(field.wire);
        let value = get(members, field.wire, &place)?;
        match (value, field.kind) {
            (Some(value), b'F') => {
                fields(self::shape(field.of), object(value, &place)?, &place, out)?;
                continue;
            }
            (None, _) if field.required => return Err(fault(&place, "is required")),
            // An optional field left out: a list is written empty, a flag `false`.
            (None, b'l' | b'e' | b'f') => {}
            (None, _) => continue,
            _ => {}
        }
        out.key(&field.js());
        match (value, field.kind) {
            (Some(value), b'e') => entries(field.of, field.wire, value, &place, out)?,
            (Some(value), _) => kind(field.kind, &field, value, &place, out)?,
            (None, b'f') => false.write(out),
            (None, _) => {
                out.open_array();
                out.close_array();
            }
        }
    }
    if shape.keeps {
        for (key, value) in members {
            if !known(shape, key) {
                out.field(key, value);
            }
        }
    }
    Ok(())
}

/// Whether `key` is a field of `shape` (by its wire or JS name) or one it never keeps.
fn known(shape: Shape, key: &str) -> bool {
    let mut words = shape.words;
    while let Some(word) = next_word(&mut words) {
        let hit = match word.as_bytes() {
            [b'~', ..] => same(word.get(1..).unwrap_or_default(), key),
            _ => {
                let field = field(word);
                same(field.wire, key) || same(&field.js(), key)
            }
        };
        if hit {
            return true;
        }
    }
    false
}

/// One value of the kind `code` (`field`'s own, or its list's item), read and written.
fn kind(code: u8, field: &Field, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    match (code, value) {
        (b'o' | b'F', _) => shaped(shape(field.of), value, at, out),
        (b'k' | b't', _) => chosen(code == b'k', field.of, value, at, out),
        (b'l', Value::Array(items)) => {
            out.open_array();
            for (i, each) in items.iter().enumerate() {
                self::kind(field.item, field, each, &at.index(i), out)?;
            }
            out.close_array();
            Ok(())
        }
        _ => plain(code, value, out).map_err(|rule| fault(at, rule)),
    }
}

/// A value of a kind with no parts (or a list that is not an array): written, or
/// the rule it breaks.
fn plain(code: u8, value: &Value, out: &mut Writer) -> core::result::Result<(), &'static str> {
    match (code, value) {
        (b's', Value::String(text)) => out.string(text),
        (b'n', Value::Number(text)) => out.raw(text),
        (b'f', Value::Bool(flag)) => flag.write(out),
        (b'z', _) => lenient::zero_one(value).ok_or(ZERO_ONE_RULE)?.write(out),
        (b'i', _) => out.string(&lenient::index(value).ok_or(INDEX_RULE)?),
        (b'a', _) => value.write(out),
        (b'O', Value::String(status)) => out.string(lenient::outcome(status)),
        (b'S', Value::String(status)) => out.string(&lenient::state(status)),
        (b'w', Value::String(text)) if same(text, "whatsapp") => out.string(text),
        (b'w', Value::String(_)) => return Err("must be \"whatsapp\""),
        (b's' | b'O' | b'S' | b'w', _) => return Err("must be a string"),
        (b'n', _) => return Err("must be a number"),
        (b'f', _) => return Err("must be a boolean"),
        // Objects and tagged objects are read by `kind`: only a list is left.
        _ => return Err("must be an array"),
    }
    Ok(())
}

/// An object of a choice of the table `of`: tagged by `type` (`keyed` false: `{ type,
/// …fields of its shape, …extra }`), or holding one message under its kind's key,
/// beside `reply_to` (`keyed`: `{ type, …fields of its shape, …extra }` read from
/// under the key, inside `{ type, message }` for a kind written within another); `{
/// type: "unknown", rawType, raw }` (the object as sent) for a name the table lacks.
fn chosen(keyed: bool, of: &str, value: &Value, at: &Path, out: &mut Writer) -> Pass {
    let members = object(value, at)?;
    let place = at.key("type");
    let name = if keyed {
        let Some((name, _)) = members.iter().find(|(key, _)| !same(key, "reply_to")) else {
            return Err(fault(at, "must hold a message"));
        };
        name
    } else {
        match get(members, "type", &place)? {
            Some(Value::String(name)) => name,
            Some(_) => return Err(fault(&place, "must be a string")),
            None => return Err(fault(&place, "is required")),
        }
    };
    let Some(choice) = choose(of, name) else {
        unknown(name, value, out);
        return Ok(());
    };
    let inner = at.key(choice.wire);
    let (members, at) = if keyed {
        let value = get(members, choice.wire, &inner)?.unwrap_or(&Value::Null);
        (object(value, &inner)?, &inner)
    } else {
        (members, at)
    };
    let within = !choice.within.is_empty();
    if within {
        out.open_object();
        out.field("type", choice.within);
        out.key("message");
    }
    out.open_object();
    out.field("type", &choice.js());
    fields(shape(choice.of), members, at, out)?;
    out.close_object();
    if within {
        out.close_object();
    }
    Ok(())
}

/// The choice `name` of the table `of`, if it has one.
fn choose(of: &str, name: &str) -> Option<Field> {
    let mut words = shape(of).words;
    while let Some(word) = next_word(&mut words) {
        let choice = choice(word);
        if same(choice.wire, name) {
            return Some(choice);
        }
    }
    None
}
