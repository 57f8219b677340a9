//! Interactive messages: up to three reply buttons ([`button`]), or a list of up
//! to ten rows ([`list`]).
//! Wire: `{ type: "interactive", message: { type: "button" | "list", header?, body, footer?, action } }`.

use crate::prelude::*;

mod button;
mod list;

pub use button::{ButtonAction, ButtonHeader, ButtonMessage, ReplyButton};
pub use list::{ListAction, ListHeader, ListMessage, Row, Section};

use super::{objects, write_tagged, Members};
use crate::core::json::{Write, Writer};

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

impl Members for Interactive {
    fn members(&self, out: &mut Writer) {
        out.field("message", &self.message);
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

impl<H: Write, A: Write> Members for Parts<H, A> {
    fn members(&self, out: &mut Writer) {
        out.field_opt("header", &self.header);
        out.field("body", &self.body);
        out.field_opt("footer", &self.footer);
        out.field("action", &self.action);
    }
}

objects!(TextPart);
