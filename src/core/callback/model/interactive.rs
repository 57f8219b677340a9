//! Interactive replies: the button or list row a user chose in an interactive message.

use super::conversation_content::ChoiceReply;
use super::fields::{Extra, Fields};
use super::unknown::{known, tagged, unknown, write_tagged, Body, UnknownMessage};
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// A reply to an interactive message. On the wire and in JS the reply is under
/// `message` (`{ type: "interactive", message: { type: "button", id, title } }`).
#[derive(Debug, Clone, PartialEq)]
pub struct InteractiveMessage {
    /// The reply.
    pub reply: InteractiveReply,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for InteractiveMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            reply: fields.required("message")?,
            extra: fields.extra(&["type", "message"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("message", &self.reply);
        self.extra.write_into(out);
    }
}

/// The reply inside an interactive message, by its `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum InteractiveReply {
    /// `button`: a reply button was pressed.
    Button(ButtonReply),
    /// `list`: a list row was chosen.
    List(ListReply),
    /// `choice` (Conversation API): a reply button or list row, it does not say which.
    Choice(ChoiceReply),
    /// A reply type this version does not know, kept raw.
    Other(UnknownMessage),
}

/// A pressed interactive reply button.
#[derive(Debug, Clone, PartialEq)]
pub struct ButtonReply {
    /// The button id given when sending.
    pub id: String,
    /// The button title.
    pub title: String,
    /// Unknown fields.
    pub extra: Extra,
}

/// A chosen list row.
#[derive(Debug, Clone, PartialEq)]
pub struct ListReply {
    /// The row id given when sending.
    pub id: String,
    /// The row title.
    pub title: String,
    /// The row description, if the row had one.
    pub description: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl InteractiveReply {
    /// The wire `type`.
    pub fn kind(&self) -> &str {
        match self {
            Self::Button(_) => "button",
            Self::List(_) => "list",
            Self::Choice(_) => "choice",
            Self::Other(other) => &other.kind,
        }
    }
}

impl Read for InteractiveReply {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let (kind, fields) = tagged(value, at)?;
        match kind.as_str() {
            "button" => known(&fields, Self::Button),
            "list" => known(&fields, Self::List),
            _ => Ok(Self::Other(unknown(kind, value))),
        }
    }
}

impl Write for InteractiveReply {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Button(reply) => write_tagged(out, "button", &|out| reply.write(out)),
            Self::List(reply) => write_tagged(out, "list", &|out| reply.write(out)),
            Self::Choice(reply) => write_tagged(out, "choice", &|out| reply.write(out)),
            Self::Other(other) => other.write(out),
        }
    }
}

impl Body for ButtonReply {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            id: fields.required("id")?,
            title: fields.required("title")?,
            extra: fields.extra(&["type", "id", "title"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("id", &self.id);
        out.field("title", &self.title);
        self.extra.write_into(out);
    }
}

impl Body for ListReply {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            id: fields.required("id")?,
            title: fields.required("title")?,
            description: fields.optional("description")?,
            extra: fields.extra(&["type", "id", "title", "description"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field_opt("description", &self.description);
        self.extra.write_into(out);
    }
}
