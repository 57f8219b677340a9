//! Messages and replies of an unknown `type`, kept raw, and the split of a `{ type, ... }` object.

use serde::de;
use serde::ser::Serializer;
use serde::Serialize;
use serde_json::{Map, Value};

/// A message (or interactive reply) of a type this version does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownMessage {
    /// Its `type`.
    pub kind: String,
    /// The whole object as sent, `type` included.
    pub raw: Value,
}

impl Serialize for UnknownMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// Splits a `{ type, ... }` object into its type and its other fields; `what`
/// names the object in errors. The wording of these errors and of [`typed`]'s
/// prefix is what `entry::path_in_entry` reads a malformed entry's field from.
pub(super) fn split_type(value: Value, what: &str) -> Result<(String, Map<String, Value>), String> {
    let Value::Object(mut fields) = value else {
        return Err(format!("{what} must be an object with a string `type`"));
    };
    match fields.remove("type") {
        Some(Value::String(kind)) => Ok((kind, fields)),
        Some(_) => Err(format!("{what} `type` must be a string")),
        None => Err(format!("{what} has no `type`")),
    }
}

/// Keeps a message of an unknown type as it came.
pub(super) fn unknown(kind: String, mut fields: Map<String, Value>) -> UnknownMessage {
    fields.insert("type".to_owned(), Value::String(kind.clone()));
    UnknownMessage {
        kind,
        raw: Value::Object(fields),
    }
}

/// Deserializes the fields of a known `type` into its struct.
pub(super) fn typed<T: de::DeserializeOwned, E: de::Error>(
    what: &str,
    kind: &str,
    fields: Map<String, Value>,
) -> Result<T, E> {
    serde_json::from_value(Value::Object(fields))
        .map_err(|err| E::custom(format!("{what} of type `{kind}`: {err}")))
}
