//! One entry of a callback's `statuses`, `contacts` or `notifications`: typed when
//! well-formed, kept as received with a typed error when not, so that one malformed
//! entry does not cost the well-formed ones (a webhook that throws gets the whole
//! callback retried, and its good reports never land).
//!
//! JS shape: a well-formed entry is the typed object itself (it never has a `kind`);
//! a malformed one is `{ kind: "invalid", error: { code, field, message }, raw }`.
//! `kind` is therefore reserved on entries: a wire field of that name is not kept.

use super::model::{Contact, DeliveryReport, Notification};
use super::parse::invalid_callback;
use crate::core::error::ErrorCode;
use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// The field that marks a malformed entry, and that a well-formed one never has.
const RESERVED: &str = "kind";

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
    /// The entry exactly as received (JSON).
    pub raw: Value,
}

/// Why an entry is malformed.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryError {
    /// Always [`ErrorCode::InvalidCallback`].
    pub code: ErrorCode,
    /// The path of the offending part, from the callback's root: the entry
    /// (`statuses[1]`), its inbound `message`, down to the field when a required one
    /// is missing or the message's `type` is wrong (`notifications[0].message.url`).
    pub field: String,
    /// What is wrong, cut to a few hundred characters.
    pub message: String,
}

impl<T: Serialize> Serialize for Entry<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Valid(entry) => entry.serialize(serializer),
            Self::Invalid(entry) => entry.serialize(serializer),
        }
    }
}

impl Serialize for InvalidEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("InvalidEntry", 3)?;
        out.serialize_field(RESERVED, "invalid")?;
        out.serialize_field("error", &self.error)?;
        out.serialize_field("raw", &self.raw)?;
        out.end()
    }
}

impl Serialize for EntryError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("EntryError", 3)?;
        out.serialize_field("code", self.code.as_str())?;
        out.serialize_field("field", &self.field)?;
        out.serialize_field("message", &self.message)?;
        out.end()
    }
}

/// A type a callback list holds.
pub trait ListEntry: DeserializeOwned {
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
    /// Types the `index`th entry of its list, or keeps it raw with the reason.
    pub fn from_raw(raw: Value, index: usize) -> Self {
        let parsed = match raw.get(RESERVED) {
            None => T::deserialize(&raw),
            Some(_) => {
                let mut fields = raw.clone();
                if let Some(object) = fields.as_object_mut() {
                    object.remove(RESERVED);
                }
                T::deserialize(fields)
            }
        };
        match parsed {
            Ok(entry) => Self::Valid(entry),
            Err(err) => {
                let message = invalid_callback(&err.to_string()).message;
                let field = format!("{}[{index}]{}", T::LIST, path_in_entry(&message));
                let error = EntryError {
                    code: ErrorCode::InvalidCallback,
                    field,
                    message,
                };
                Self::Invalid(InvalidEntry { error, raw })
            }
        }
    }
}

/// The path inside an entry that the model's error `message` names. The model
/// prefixes an inbound message's errors with `message of type `…`: ` (and an
/// interactive reply's with `interactive reply of type `…`: `), always a type it
/// knows, and reports a `type` that is not a string with `` `type` `` in the text;
/// serde names a missing field as ``missing field `x` ``. Quoted input only ever
/// comes after serde's own words, which end the walk, so it cannot steer the path.
fn path_in_entry(message: &str) -> String {
    const NESTED: [&str; 2] = ["message", "interactive reply"];
    let mut path = String::new();
    let mut rest = message;
    while let Some(after) = NESTED.iter().find_map(|what| rest.strip_prefix(what)) {
        path.push_str(".message");
        match after
            .strip_prefix(" of type `")
            .and_then(|t| t.split_once("`: "))
        {
            Some((_, inner)) => rest = inner,
            None => {
                if !after.starts_with(" must be") {
                    path.push_str(".type");
                }
                return path;
            }
        }
    }
    if let Some(name) = rest
        .strip_prefix("missing field `")
        .and_then(|name| name.split('`').next())
    {
        path.push('.');
        path.push_str(name);
    }
    path
}

/// Deserializes a callback list (`null` or absent is empty) entry by entry. The
/// list itself must be an array: a body whose list is not one is not a callback.
pub(super) fn entries<'de, D, T>(deserializer: D) -> Result<Vec<Entry<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: ListEntry,
{
    struct Entries<T>(PhantomData<T>);

    impl<'de, T: ListEntry> Visitor<'de> for Entries<T> {
        type Value = Vec<Entry<T>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "`{}` as an array", T::LIST)
        }

        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_seq(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(raw) = seq.next_element::<Value>()? {
                let index = out.len();
                out.push(Entry::from_raw(raw, index));
            }
            Ok(out)
        }
    }

    deserializer.deserialize_option(Entries(PhantomData))
}
