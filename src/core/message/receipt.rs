//! The 201 answer to `POST /messages` and what `send` resolves to in JS.

use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// The 201 answer to `POST /messages`: delivery-report shaped. Keys it does not
/// name are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// Always `whatsapp`.
    pub kind: Option<String>,
    /// One status per recipient. The OpenAPI example shows a bare object instead of an
    /// array; both are accepted.
    pub statuses: OneOrMany<WireStatus>,
}

/// A list the upstream sometimes sends as a single object (and a caller may give
/// one recipient as a plain string).
#[derive(Debug, Clone, PartialEq)]
pub enum OneOrMany<T> {
    /// The documented array.
    Many(Vec<T>),
    /// A single object.
    One(T),
}

/// Read by the shape of the value, so an error inside keeps its path: `to[1]`, not
/// `to`. An array is many; an object or a string is one; anything else is refused.
impl<T: Read> Read for OneOrMany<T> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::Array(_) => Vec::read(value, at).map(Self::Many),
            Value::Object(_) | Value::String(_) => T::read(value, at).map(Self::One),
            _ => Err(at.invalid("must be one value or an array of them")),
        }
    }
}

impl<T> OneOrMany<T> {
    /// The items as a list.
    pub fn into_vec(self) -> Vec<T> {
        match self {
            Self::Many(items) => items,
            Self::One(item) => vec![item],
        }
    }
}

/// One entry of `statuses` on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct WireStatus {
    /// Sinch's id for the message to this recipient.
    pub message_id: String,
    /// The recipient's MSISDN.
    pub recipient: String,
    /// `success` or `failure`.
    pub status: String,
    /// `queued`, `dispatched`, …
    pub state: String,
}

/// What `send` resolves to (JS: `{ messages: [{ id, recipient, status, state }] }`).
#[derive(Debug, Clone, PartialEq)]
pub struct SendResult {
    /// One entry per recipient.
    pub messages: Vec<SentMessage>,
}

/// One sent message.
#[derive(Debug, Clone, PartialEq)]
pub struct SentMessage {
    /// The message id, for read receipts and the callback store.
    pub id: String,
    /// The recipient's MSISDN.
    pub recipient: String,
    /// `success` or `failure`.
    pub status: String,
    /// `queued`, `dispatched`, …
    pub state: String,
}

/// The member `key` of the object `value`, required; other keys are ignored.
fn member<T: Read>(value: &Value, at: &Path, key: &str) -> Result<T> {
    match value.get(key) {
        Some(found) => T::read(found, &at.key(key)),
        None => Err(at.key(key).invalid("is required")),
    }
}

/// `value` must be an object (its keys are read by [`member`]).
fn any_object(value: &Value, at: &Path) -> Result<()> {
    match value {
        Value::Object(_) => Ok(()),
        _ => Err(at.invalid("must be an object")),
    }
}

impl Read for Receipt {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        any_object(value, at)?;
        Ok(Self {
            kind: value
                .get("type")
                .map(|kind| Option::read(kind, &at.key("type")))
                .transpose()?
                .flatten(),
            statuses: member(value, at, "statuses")?,
        })
    }
}

impl Read for WireStatus {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        any_object(value, at)?;
        Ok(Self {
            message_id: member(value, at, "message_id")?,
            recipient: member(value, at, "recipient")?,
            status: member(value, at, "status")?,
            state: member(value, at, "state")?,
        })
    }
}

impl From<Receipt> for SendResult {
    fn from(receipt: Receipt) -> Self {
        let statuses = receipt.statuses.into_vec();
        let mut messages = Vec::with_capacity(statuses.len());
        for s in statuses {
            messages.push(SentMessage {
                id: s.message_id,
                recipient: s.recipient,
                status: s.status,
                state: s.state,
            });
        }
        Self { messages }
    }
}

impl SendResult {
    /// The JSON text JS gets.
    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.finish()
    }
}

impl Write for SendResult {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("messages", &self.messages);
        out.close_object();
    }
}

impl Write for SentMessage {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("id", &self.id);
        out.field("recipient", &self.recipient);
        out.field("status", &self.status);
        out.field("state", &self.state);
        out.close_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    fn read<T: Read>(text: &str) -> Result<T> {
        let value = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        T::read(&value, &Path::root("body"))
    }

    #[test]
    fn receipt_array_or_object() {
        let many: Receipt = read(
            r#"{"type":"whatsapp","statuses":[{"message_id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122","status":"success","state":"queued"}]}"#,
        )
        .unwrap();
        let one: Receipt = read(
            r#"{"type":"whatsapp","statuses":{"message_id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122","status":"success","state":"queued","extra":1}}"#,
        )
        .unwrap();
        let result = SendResult::from(many);
        assert_eq!(result, SendResult::from(one));
        assert_eq!(result.messages[0].id, "01DPNXZ0WCF9XD19MH84XD0P62");
        assert_eq!(
            result.to_json(),
            r#"{"messages":[{"id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122","status":"success","state":"queued"}]}"#
        );
        let err = read::<Receipt>(r#"{"type":"whatsapp"}"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("body.statuses"));
        let err = read::<Receipt>(r#"{"statuses":[{"message_id":"m"}]}"#).unwrap_err();
        assert_eq!(err.message, "body.statuses[0].recipient: is required");
        let to = |json: &str| read::<OneOrMany<String>>(json).map(OneOrMany::into_vec);
        assert_eq!(to(r#""+4673""#).unwrap(), ["+4673"]);
        assert_eq!(to(r#"["a","b"]"#).unwrap(), ["a", "b"]);
        assert!(to("5")
            .unwrap_err()
            .message
            .contains("one value or an array"));
        assert_eq!(
            to(r#"["a",5]"#).unwrap_err().message,
            "body[1]: must be a string"
        );
    }
}
