//! Interactive messages: up to three reply buttons ([`button`]), or a list of up
//! to ten rows ([`list`]).
//! Wire: `{ type: "interactive", message: { type: "button" | "list", header?, body, footer?, action } }`.

use crate::prelude::*;

mod button;
mod list;

pub use button::{ButtonAction, ButtonHeader, ButtonMessage, ReplyButton};
pub use list::{ListAction, ListHeader, ListMessage, Row, Section};

use super::{objects, write_tagged, Members};
use crate::core::error::Result;
use crate::core::json::read::{object, tag, Object};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::rules::check_chars_at;

/// `{ message: button or list }`
#[derive(Debug, Clone, PartialEq)]
pub struct Interactive {
    /// The button or list message.
    pub message: InteractiveMessage,
}

/// A button or a list message, tagged by `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum InteractiveMessage {
    /// Up to three reply buttons.
    Button(ButtonMessage),
    /// A list of rows in sections, opened by a button.
    List(ListMessage),
}

/// `{ text }`: a body (≤1024), footer (≤60) or text header (≤60).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextPart {
    /// The text.
    pub text: String,
}

impl Read for Interactive {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "message"])?;
        Ok(Self {
            message: fields.required("message")?,
        })
    }
}

impl Members for Interactive {
    fn members(&self, out: &mut Writer) {
        out.field("message", &self.message);
    }
}

impl Read for InteractiveMessage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(match tag(value, at, &["button", "list"])? {
            0 => Self::Button(ButtonMessage::read(value, at)?),
            _ => Self::List(ListMessage::read(value, at)?),
        })
    }
}

impl Write for InteractiveMessage {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Button(button) => write_tagged(out, "button", button),
            Self::List(list) => write_tagged(out, "list", list),
        }
    }
}

impl Read for TextPart {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        TextPart::with_keys(value, at, &["text"])
    }
}

impl TextPart {
    /// Reads `{ text }` from an object that may hold `keys`.
    pub(super) fn with_keys(value: &Value, at: &Path, keys: &[&str]) -> Result<Self> {
        Ok(Self {
            text: object(value, at, keys)?.required("text")?,
        })
    }
}

impl Members for TextPart {
    fn members(&self, out: &mut Writer) {
        out.field("text", &self.text);
    }
}

/// The parts of both kinds of interactive message: `{ header?, body, footer?, action }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts<H, A> {
    /// Shown above the body (a list's is text; a button message's text or media).
    pub header: Option<H>,
    /// The body, 1–1024 characters.
    pub body: TextPart,
    /// A footer, 1–60 characters.
    pub footer: Option<TextPart>,
    /// The buttons, or the button that opens the list and its rows.
    pub action: A,
}

impl<H, A: Default> Default for Parts<H, A> {
    fn default() -> Self {
        Self {
            header: None,
            body: TextPart::default(),
            footer: None,
            action: A::default(),
        }
    }
}

impl<H: Read, A: Read + Default> Read for Parts<H, A> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "header", "body", "footer", "action"])?;
        let mut out = Self::default();
        fields.set_opt(&mut out.header, "header")?;
        fields.set(&mut out.body, "body")?;
        fields.set_opt(&mut out.footer, "footer")?;
        fields.set(&mut out.action, "action")?;
        Ok(out)
    }
}

impl<H: Write, A: Write> Members for Parts<H, A> {
    fn members(&self, out: &mut Writer) {
        out.field_opt("header", &self.header);
        out.field("body", &self.body);
        out.field_opt("footer", &self.footer);
        out.field("action", &self.action);
    }
}

objects!(TextPart);

/// A `type` that may be left out but, when given, must be `value`.
pub(super) fn constant(fields: &Object, value: &str) -> Result<()> {
    match fields.optional::<String>("type")? {
        Some(given) if given != value => Err(fields
            .at()
            .key("type")
            .invalid(&["must be ", value].concat())),
        _ => Ok(()),
    }
}

impl Interactive {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        let at = at.key("message");
        match &self.message {
            InteractiveMessage::Button(button) => button.validate(&at),
            InteractiveMessage::List(list) => list.validate(&at),
        }
    }
}

/// Body and footer, shared by both kinds.
pub(super) fn check_body_footer(
    at: &Path,
    body: &TextPart,
    footer: Option<&TextPart>,
) -> Result<()> {
    check_chars_at(&at.key("body.text"), &body.text, 1, 1024)?;
    match footer {
        Some(footer) => check_chars_at(&at.key("footer.text"), &footer.text, 1, 60),
        None => Ok(()),
    }
}
