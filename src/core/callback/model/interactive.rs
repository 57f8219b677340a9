//! Interactive replies: the button or list row a user chose in an interactive message.

use super::unknown::{split_type, typed, unknown, UnknownMessage};
use super::Extra;
use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A reply to an interactive message. On the wire and in JS the reply is under
/// `message` (`{ type: "interactive", message: { type: "button", id, title } }`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct InteractiveMessage {
    /// The reply.
    #[serde(rename = "message")]
    pub reply: InteractiveReply,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The reply inside an interactive message, by its `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum InteractiveReply {
    /// `button`: a reply button was pressed.
    Button(ButtonReply),
    /// `list`: a list row was chosen.
    List(ListReply),
    /// A reply type this version does not know, kept raw.
    Other(UnknownMessage),
}

/// A pressed interactive reply button.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ButtonReply {
    /// The button id given when sending.
    pub id: String,
    /// The button title.
    pub title: String,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A chosen list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ListReply {
    /// The row id given when sending.
    pub id: String,
    /// The row title.
    pub title: String,
    /// The row description, if the row had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

impl InteractiveReply {
    /// The wire `type`.
    pub fn kind(&self) -> &str {
        match self {
            Self::Button(_) => "button",
            Self::List(_) => "list",
            Self::Other(other) => &other.kind,
        }
    }
}

impl<'de> Deserialize<'de> for InteractiveReply {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const WHAT: &str = "interactive reply";
        let value = Value::deserialize(deserializer)?;
        let (kind, fields) = split_type(value, WHAT).map_err(de::Error::custom)?;
        let reply = match kind.as_str() {
            "button" => Self::Button(typed(WHAT, &kind, fields)?),
            "list" => Self::List(typed(WHAT, &kind, fields)?),
            _ => Self::Other(unknown(kind, fields)),
        };
        Ok(reply)
    }
}

/// The serialized form of the known interactive replies.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum TaggedReply<'a> {
    Button(&'a ButtonReply),
    List(&'a ListReply),
}

impl Serialize for InteractiveReply {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Button(r) => TaggedReply::Button(r).serialize(serializer),
            Self::List(r) => TaggedReply::List(r).serialize(serializer),
            Self::Other(other) => other.serialize(serializer),
        }
    }
}
