//! Outbound messages (`POST /messages`) and their validation.
//!
//! JS callers write camelCase; the wire is snake_case. Each type is read from the
//! caller's JSON ([`Read`], camelCase, unknown keys refused, errors rooted at the
//! argument: `request.message.url`) and written to the wire ([`Write`], snake_case,
//! absent optionals left out). Rule errors use the names JS callers write
//! (`message.headerParams[0]`). A `type`-tagged object's tag is read first
//! ([`tag`] returns the index of one of the names given, so each match's last arm
//! is `_`), and
//! picks the keys the variant knows.
//!
//! Lengths count characters as the user sees them (Unicode scalar values), not bytes.

use crate::prelude::*;

mod contacts;
mod extras;
mod interactive;
mod location;
mod media;
mod receipt;
mod template;
mod wire;

#[cfg(test)]
mod tests;

pub use contacts::{
    Address, ContactCard, ContactName, ContactUrl, Contacts, Email, Organization, Phone,
};
pub use extras::{ChannelSpecific, Extras, FlowActionPayload, FlowHeader, Flows};
pub use interactive::{
    ButtonAction, ButtonHeader, ButtonMessage, Interactive, InteractiveMessage, ListAction,
    ListHeader, ListMessage, ReplyButton, Row, Section, TextPart,
};
pub use location::{Coordinate, Location};
pub use media::{Document, DocumentLink, Media, MediaLink, Sticker};
pub use receipt::{OneOrMany, Receipt, SendResult, SentMessage, WireStatus};
pub use template::{QuickReplyButton, Retired, Template, TemplateButton, TemplateMedia, UrlButton};
pub(crate) use wire::send_body;

use crate::core::error::{Error, Result};
use crate::core::json::read::{object, tag};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::rules::{check_chars_at, check_http_url, check_msisdn_at, check_provider_name_at};

/// Most recipients one send may name.
pub const MAX_RECIPIENTS: usize = 20;
/// Longest text body, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 4096;

/// The body of `POST /messages`.
#[derive(Debug, Clone, PartialEq)]
pub struct SendRequest {
    /// 1–20 MSISDNs.
    pub to: Vec<String>,
    /// What to send.
    pub message: Message,
    /// Overrides the configured callback URL for this message's delivery reports.
    pub callback: Option<String>,
    /// `correlationId`, `ttl`, `channelSpecificMessage`: Conversation API only.
    pub extras: Extras,
}

/// A message object, tagged by `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// `{ type: "text", text, previewUrl? }`
    Text(Text),
    /// `{ type: "image", url, caption?, provider? }`
    Image(Media),
    /// `{ type: "video", url, caption?, provider? }`
    Video(Media),
    /// `{ type: "audio", url, provider? }` (no caption).
    Audio(MediaLink),
    /// `{ type: "document", url, caption?, filename?, provider? }`
    Document(Document),
    /// `{ type: "sticker", url | id, provider? }`
    Sticker(Sticker),
    /// `{ type: "location", lat, lng, name?, address? }`
    Location(Location),
    /// `{ type: "contacts", contacts: [...] }`
    Contacts(Contacts),
    /// `{ type: "template", templateName, ... }`
    Template(Template),
    /// `{ type: "interactive", message: { type: "button" | "list", ... } }`
    Interactive(Interactive),
}

/// `{ type: "text", text, preview_url? }`
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// The body, 1–4096 characters.
    pub text: String,
    /// Whether WhatsApp shows a preview of the first URL in the text.
    pub preview_url: Option<bool>,
}

impl Read for SendRequest {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, SEND)?;
        let mut out = Self {
            to: Vec::new(),
            message: Message::Text(Text::default()),
            callback: None,
            extras: Extras::default(),
        };
        fields.set(&mut out.to, "to")?;
        fields.set(&mut out.message, "message")?;
        fields.set_opt(&mut out.callback, "callback")?;
        let extras = &mut out.extras;
        fields.set_opt(&mut extras.correlation_id, "correlationId")?;
        fields.set_opt(&mut extras.ttl, "ttl")?;
        fields.set_opt(
            &mut extras.channel_specific_message,
            "channelSpecificMessage",
        )?;
        Ok(out)
    }
}

const SEND: &[&str] = &[
    "to",
    "message",
    "callback",
    "correlationId",
    "ttl",
    "channelSpecificMessage",
];

/// The standalone wire: the extras are refused before this is written.
impl Members for SendRequest {
    fn members(&self, out: &mut Writer) {
        out.field("to", &self.to);
        out.field("message", &self.message);
        out.field_opt("callback", &self.callback);
    }
}

/// The message types, in the order errors list them.
const MESSAGE_TYPES: &[&str] = &[
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "template",
    "interactive",
];

impl Read for Message {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(match tag(value, at, MESSAGE_TYPES)? {
            0 => Self::Text(Text::read(value, at)?),
            1 => Self::Image(Media::read(value, at)?),
            2 => Self::Video(Media::read(value, at)?),
            3 => Self::Audio(MediaLink::read(value, at)?),
            4 => Self::Document(Document::read(value, at)?),
            5 => Self::Sticker(Sticker::read(value, at)?),
            6 => Self::Location(Location::read(value, at)?),
            7 => Self::Contacts(Contacts::read(value, at)?),
            8 => Self::Template(Template::read(value, at)?),
            _ => Self::Interactive(Interactive::read(value, at)?),
        })
    }
}

impl Write for Message {
    fn write(&self, out: &mut Writer) {
        let (tag, members): (&str, &dyn Members) = match self {
            Self::Text(text) => ("text", text),
            Self::Image(media) => ("image", media),
            Self::Video(media) => ("video", media),
            Self::Audio(link) => ("audio", link),
            Self::Document(document) => ("document", document),
            Self::Sticker(sticker) => ("sticker", sticker),
            Self::Location(location) => ("location", location),
            Self::Contacts(contacts) => ("contacts", contacts),
            Self::Template(template) => ("template", template),
            Self::Interactive(interactive) => ("interactive", interactive),
        };
        write_tagged(out, tag, members);
    }
}

impl Read for Text {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "text", "previewUrl"])?;
        let mut out = Self::default();
        fields.set(&mut out.text, "text")?;
        fields.set_opt(&mut out.preview_url, "previewUrl")?;
        Ok(out)
    }
}

impl Members for Text {
    fn members(&self, out: &mut Writer) {
        out.field("text", &self.text);
        out.field_opt("preview_url", &self.preview_url);
    }
}

/// An object's members on the wire, written between braces opened by the caller:
/// a tagged enum writes `type` first ([`write_tagged`]), a plain object nothing
/// ([`objects!`]).
trait Members {
    /// Writes `"key": value` for each member that is present.
    fn members(&self, out: &mut Writer);
}

/// A variant with no members (`{ type: "call" }`).
impl Members for () {
    fn members(&self, _: &mut Writer) {}
}

/// `{ "type": tag, …members }`, as serde wrote internally tagged enums.
fn write_tagged(out: &mut Writer, tag: &str, members: &dyn Members) {
    out.open_object();
    out.field("type", tag);
    members.members(out);
    out.close_object();
}

/// [`Write`] as `{ …members }` for each type named.
macro_rules! objects {
    ($($name:ty),* $(,)?) => {$(
        impl $crate::core::json::Write for $name {
            fn write(&self, out: &mut $crate::core::json::Writer) {
                out.open_object();
                $crate::core::message::Members::members(self, out);
                out.close_object();
            }
        }
    )*};
}
pub(crate) use objects;

objects!(SendRequest);

impl SendRequest {
    /// Checks every rule of the standalone API (which has none of the [`Extras`]);
    /// the error names the field path and the rule.
    pub fn validate(&self) -> Result<()> {
        self.extras.refuse()?;
        self.validate_envelope()?;
        self.message.validate("message")
    }

    /// The rules on `to` and `callback`, shared by both APIs.
    pub fn validate_envelope(&self) -> Result<()> {
        if self.to.is_empty() || self.to.len() > MAX_RECIPIENTS {
            return Err(Error::invalid("to", "must list 1 to 20 recipients"));
        }
        let to = Path::root("to");
        for (i, number) in self.to.iter().enumerate() {
            check_msisdn_at(&to.index(i), number)?;
        }
        match &self.callback {
            Some(url) => check_http_url("callback", url),
            None => Ok(()),
        }
    }
}

impl Message {
    /// Checks this message's rules; field paths start with `path` (e.g. `message`).
    pub fn validate(&self, path: &str) -> Result<()> {
        let at = &Path::root(path);
        match self {
            Self::Text(text) => check_chars_at(&at.key("text"), &text.text, 1, MAX_TEXT_CHARS),
            Self::Image(media) | Self::Video(media) => media.validate(at),
            Self::Audio(link) => link.validate(at),
            Self::Document(document) => document.validate(at),
            Self::Sticker(sticker) => sticker.validate(at),
            Self::Location(location) => location.validate(at),
            Self::Contacts(contacts) => contacts.validate(at),
            Self::Template(template) => template.validate(at),
            Self::Interactive(interactive) => interactive.validate(at),
        }
    }
}

/// `base.leaf`, e.g. `message.url` (for the Conversation API's mapping).
#[cfg(feature = "conversation")]
pub(crate) fn sub(base: &str, leaf: &str) -> String {
    [base, ".", leaf].concat()
}

/// `base[index]`, e.g. `message.buttons[1]` (for the Conversation API's mapping).
#[cfg(feature = "conversation")]
pub(crate) fn item(base: &str, index: usize) -> String {
    [base, "[", &crate::core::json::decimal(index as u64), "]"].concat()
}

/// An optional media provider name (`A-Z a-z - _`, 1–200 characters) of the object at `at`.
fn check_provider(at: &Path, provider: Option<&String>) -> Result<()> {
    match provider {
        Some(name) => check_provider_name_at(&at.key("provider"), name),
        None => Ok(()),
    }
}

/// `id`, at `at`, must not repeat one of `seen`.
fn check_unique(at: &Path, seen: &[&str], id: &str) -> Result<()> {
    if seen.contains(&id) {
        return Err(at.invalid("must be unique in the message"));
    }
    Ok(())
}
