//! A button message: a body with up to three reply buttons.

use super::{Parts, TextPart};
use crate::core::json::{Write, Writer};
use crate::core::message::media::{DocumentLink, MediaLink};
use crate::core::message::{objects, write_tagged, Members};
use crate::prelude::*;

/// A button message: its header is a [`ButtonHeader`], its action a [`ButtonAction`].
pub type ButtonMessage = Parts<ButtonHeader, ButtonAction>;

/// The header of a button message.
#[derive(Debug, Clone, PartialEq)]
pub enum ButtonHeader {
    /// `{ type: "text", text }`, ≤60 characters.
    Text(TextPart),
    /// `{ type: "image", url, provider? }`
    Image(MediaLink),
    /// `{ type: "video", url, provider? }`
    Video(MediaLink),
    /// `{ type: "document", url, filename?, provider? }`
    Document(DocumentLink),
}

/// `{ buttons: [1–3 reply buttons] }`
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ButtonAction {
    /// The buttons, 1 to 3, ids unique.
    pub buttons: Vec<ReplyButton>,
}

/// `{ type: "reply", id, title }`; callers may leave out `type`, which is always `reply`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyButton {
    /// Comes back in the callback, 1–230 characters, unique in the message.
    pub id: String,
    /// The label, 1–20 characters.
    pub title: String,
}

impl Write for ButtonHeader {
    fn write(&self, out: &mut Writer) {
        let (tag, members): (&str, &dyn Members) = match self {
            Self::Text(part) => ("text", part),
            Self::Image(link) => ("image", link),
            Self::Video(link) => ("video", link),
            Self::Document(link) => ("document", link),
        };
        write_tagged(out, tag, members);
    }
}

impl Members for ButtonAction {
    fn members(&self, out: &mut Writer) {
        out.field("buttons", &self.buttons);
    }
}

impl Members for ReplyButton {
    fn members(&self, out: &mut Writer) {
        out.field("type", "reply");
        out.field("id", &self.id);
        out.field("title", &self.title);
    }
}

objects!(ButtonAction, ReplyButton);
