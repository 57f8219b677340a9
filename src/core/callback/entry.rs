//! One entry of a callback's `statuses`, `contacts` or `notifications`: typed when
//! well-formed, kept as received with a typed error when not, so that one malformed
//! entry does not cost the well-formed ones (a webhook that throws gets the whole
//! callback retried, and its good reports never land).
//!
//! JS shape: a well-formed entry is the typed object itself (it never has a `kind`);
//! a malformed one is `{ kind: "invalid", error: { code, field, message }, raw }`.
//! `kind` is therefore reserved on entries: a wire field of that name is not kept.

use super::model::fields::Fields;
use super::model::{Contact, DeliveryReport, Notification};
use crate::core::error::{ErrorCode, Result};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// An entry of a callback list.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<T> {
    /// Well-formed.
    Valid(T),
    /// Malformed: kept as received, with the reason.
    Invalid(InvalidEntry),
}

impl<T> Entry<T> {
    /// The typed entry, when it is well-formed.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Self::Valid(entry) => Some(entry),
            Self::Invalid(_) => None,
        }
    }

    /// The malformed entry, when it is one.
    pub fn invalid(&self) -> Option<&InvalidEntry> {
        match self {
            Self::Valid(_) => None,
            Self::Invalid(entry) => Some(entry),
        }
    }
}

/// A malformed entry, as received, with why it could not be typed.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidEntry {
    /// Why.
    pub error: EntryError,
    /// The entry exactly as received (numbers as their text).
    pub raw: Value,
}

/// Why an entry is malformed.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryError {
    /// Always [`ErrorCode::InvalidCallback`].
    pub code: ErrorCode,
    /// The path of the deepest part at fault, from the callback's root: the entry
    /// (`statuses[1]`: not an object), a field (`statuses[1].status`), down into
    /// its inbound message (`notifications[0].message.url`).
    pub field: String,
    /// The rule broken, never the value: `is required`, `must be a string`.
    pub message: String,
}

impl<T: Write> Write for Entry<T> {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Valid(entry) => entry.write(out),
            Self::Invalid(entry) => entry.write(out),
        }
    }
}

impl Write for InvalidEntry {
    fn write(&self, out: &mut Writer) {
        write_invalid(out, &self.error.field, &self.error.message, &self.raw);
    }
}

/// Writes a malformed entry: `{ kind: "invalid", error: { code, field, message }, raw }`.
pub(super) fn write_invalid(out: &mut Writer, field: &str, rule: &str, raw: &Value) {
    out.open_object();
    out.field("kind", "invalid");
    out.key("error");
    out.open_object();
    out.field("code", ErrorCode::InvalidCallback.as_str());
    out.field("field", field);
    out.field("message", rule);
    out.close_object();
    out.field("raw", raw);
    out.close_object();
}

/// A type a callback list holds.
pub trait ListEntry: Read {
    /// The list's wire name, which starts the path of an entry's error.
    const LIST: &'static str;
}

impl ListEntry for DeliveryReport {
    const LIST: &'static str = "statuses";
}

impl ListEntry for Contact {
    const LIST: &'static str = "contacts";
}

impl ListEntry for Notification {
    const LIST: &'static str = "notifications";
}

impl<T: ListEntry> Entry<T> {
    /// Types the `index`th entry of its list, or keeps it as received with the reason.
    pub fn from_raw(raw: &Value, index: usize) -> Self {
        let list = Path::root(T::LIST);
        Self::from_result(T::read(raw, &list.index(index)), raw)
    }
}

impl<T> Entry<T> {
    /// The entry read from `raw`, or `raw` kept with the reason it could not be.
    pub(super) fn from_result(read: Result<T>, raw: &Value) -> Self {
        match read {
            Ok(entry) => Self::Valid(entry),
            Err(err) => {
                let err = err.into_fields();
                let field = err.field.unwrap_or_default();
                // The reader's message is `path: rule`; the path is in `field`.
                let rule = err.message.get(field.len() + 2..).unwrap_or_default();
                let error = EntryError {
                    code: ErrorCode::InvalidCallback,
                    message: rule.to_owned(),
                    field,
                };
                Self::Invalid(InvalidEntry {
                    error,
                    raw: raw.clone(),
                })
            }
        }
    }
}

/// The list `T::LIST` of a callback (absent or `null` is empty), entry by entry.
/// The list itself must be an array: a body whose list is not one is not a callback.
pub(super) fn entries<T: ListEntry>(fields: &Fields) -> Result<Vec<Entry<T>>> {
    Ok(fields
        .array(T::LIST)?
        .iter()
        .enumerate()
        .map(|(index, entry)| Entry::from_raw(entry, index))
        .collect())
}
