//! A button message: a body with up to three reply buttons.

use super::{check_body_footer, constant, Parts, TextPart};
use crate::core::error::Result;
use crate::core::json::read::{object, tag};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::message::media::{DocumentLink, MediaLink};
use crate::core::message::{check_unique, objects, write_tagged, Members};
use crate::core::rules::{check_chars_at, check_count_at};
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

impl Read for ButtonHeader {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(
            match tag(value, at, &["text", "image", "video", "document"])? {
                0 => Self::Text(TextPart::with_keys(value, at, &["type", "text"])?),
                1 => Self::Image(MediaLink::read(value, at)?),
                2 => Self::Video(MediaLink::read(value, at)?),
                _ => Self::Document(DocumentLink::read(value, at)?),
            },
        )
    }
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

impl Read for ButtonAction {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(Self {
            buttons: object(value, at, &["buttons"])?.required("buttons")?,
        })
    }
}

impl Members for ButtonAction {
    fn members(&self, out: &mut Writer) {
        out.field("buttons", &self.buttons);
    }
}

impl Read for ReplyButton {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "id", "title"])?;
        constant(&fields, "reply")?;
        let mut out = Self::default();
        fields.set(&mut out.id, "id")?;
        fields.set(&mut out.title, "title")?;
        Ok(out)
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

impl ButtonMessage {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        let header = at.key("header");
        match &self.header {
            Some(ButtonHeader::Text(part)) => {
                check_chars_at(&header.key("text"), &part.text, 1, 60)?
            }
            Some(ButtonHeader::Image(link) | ButtonHeader::Video(link)) => {
                link.validate(&header)?
            }
            Some(ButtonHeader::Document(link)) => link.validate(&header)?,
            None => {}
        }
        check_body_footer(at, &self.body, self.footer.as_ref())?;
        let buttons = at.key("action.buttons");
        let list = &self.action.buttons;
        check_count_at(&buttons, list.len(), 1, 3, "must hold 1 to 3 buttons")?;
        let mut seen = Vec::with_capacity(list.len());
        for (i, button) in list.iter().enumerate() {
            let at = buttons.index(i);
            let id = at.key("id");
            check_chars_at(&id, &button.id, 1, 230)?;
            check_unique(&id, &seen, &button.id)?;
            check_chars_at(&at.key("title"), &button.title, 1, 20)?;
            seen.push(&button.id);
        }
        Ok(())
    }
}
