//! Parser tests, by what they test: the docs' samples (`doc_samples`,
//! `doc_reply_samples`, `store_and_yaml_samples`), the rest of the model (`model`),
//! what JS gets (`js_shape`), malformed entries (`malformed_entries`), bodies that
//! are not a callback (`not_a_callback`), hostile input (`hostile_input`); the
//! Conversation API's callbacks (`conversation`). The helpers below hold every parse
//! to the schema pass.

use super::*;
use crate::core::error::ErrorCode;
use crate::core::json::{self, Value, Write, Writer};
use serde_json::json;

mod conversation;
mod doc_reply_samples;
mod doc_samples;
mod hostile_input;
mod js_shape;
mod malformed_entries;
mod model;
mod not_a_callback;
mod store_and_yaml_samples;

/// What JS gets for `x`, read back by `serde_json` (the oracle) for comparison.
fn js<T: Write + ?Sized>(x: &T) -> serde_json::Value {
    let text = js_text(x);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The kept unknown fields as one object.
fn extra(extra: &Extra) -> serde_json::Value {
    js(&Value::Object(extra.0.clone()))
}

/// [`super::parse_bytes`], held to the schema pass (what the wasm ships): the same
/// JSON text for JS, or the same error. Every test below goes through it.
fn parse_bytes(raw: &[u8]) -> crate::core::error::Result<Callback> {
    let typed = super::parse_bytes(raw);
    let text = typed.as_ref().map(Callback::to_json).map_err(Clone::clone);
    assert_eq!(
        text,
        pass::callback_json(raw),
        "{}",
        String::from_utf8_lossy(raw)
    );
    typed
}

/// [`super::parse`], held to the schema pass as [`parse_bytes`] is.
fn parse(raw: &str) -> crate::core::error::Result<Callback> {
    parse_bytes(raw.as_bytes())
}

/// Parses a body every entry of which must be well-formed.
fn ok(raw: &str) -> Callback {
    let cb = parse(raw).unwrap_or_else(|e| panic!("{e}\n{raw}"));
    let lists = [cb.statuses.len(), cb.contacts.len(), cb.notifications.len()];
    let valid = [
        cb.statuses.iter().filter_map(Entry::valid).count(),
        cb.contacts.iter().filter_map(Entry::valid).count(),
        cb.notifications.iter().filter_map(Entry::valid).count(),
    ];
    assert_eq!(lists, valid, "a malformed entry in {raw}");
    cb
}

/// The typed entry of a list that [`ok`] checked.
trait Typed<T> {
    fn typed(&self) -> &T;
}

impl<T: std::fmt::Debug> Typed<T> for Entry<T> {
    fn typed(&self) -> &T {
        self.valid().unwrap_or_else(|| panic!("{self:?}"))
    }
}

/// The parse error, which must be `invalid_callback` and mention `words`.
fn fails(raw: &str, words: &str) -> crate::core::error::Error {
    let err = parse(raw).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidCallback, "{err}");
    assert_eq!(err.code.as_str(), "invalid_callback");
    assert!(
        err.message.contains(words),
        "expected {words:?} in {:?}",
        err.message
    );
    err
}

/// The one malformed entry of a body that must still parse: its error names
/// `field` and mentions `words`, its `raw` is the entry as sent.
fn malformed(raw: &str, field: &str, words: &str) -> InvalidEntry {
    let cb = parse(raw).unwrap_or_else(|e| panic!("{e}\n{raw}"));
    let bad: Vec<&InvalidEntry> = (cb.statuses.iter().filter_map(Entry::invalid))
        .chain(cb.contacts.iter().filter_map(Entry::invalid))
        .chain(cb.notifications.iter().filter_map(Entry::invalid))
        .collect();
    let [entry] = bad[..] else {
        panic!("not one malformed entry: {bad:?}")
    };
    assert_eq!(entry.error.code, ErrorCode::InvalidCallback);
    assert_eq!(entry.error.field, field, "{}", entry.error.message);
    assert!(
        entry.error.message.contains(words),
        "expected {words:?} in {:?}",
        entry.error.message
    );
    let sent: serde_json::Value = serde_json::from_str(raw).unwrap();
    let list = field.split('[').next().unwrap();
    let index: usize = field[list.len() + 1..]
        .split(']')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(js(&entry.raw), sent[list][index]);
    entry.clone()
}

/// A body of one notification, from "1" with id "m", whose message is `message` (JSON).
fn one_message(message: &str) -> String {
    format!(
        r#"{{"type":"whatsapp","notifications":[{{"from":"1","message_id":"m","message":{message}}}]}}"#
    )
}

/// The one notification of `cb`, which must be well-formed.
fn only_notification(cb: &Callback) -> &Notification {
    assert_eq!(cb.notifications.len(), 1);
    cb.notifications[0].typed()
}

/// The JSON text JS gets for `x`.
fn js_text<T: Write + ?Sized>(x: &T) -> String {
    let mut out = Writer::new();
    x.write(&mut out);
    out.finish()
}
