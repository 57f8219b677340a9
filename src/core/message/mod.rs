//! Outbound messages (`POST /messages`) and their validation.
//!
//! JS callers write camelCase; the wire is snake_case. The model is data
//! (`schema`): one table of every member's JS name, kind, need and rule, read by
//! one check (`check`: the shape, errors rooted at the argument,
//! `request.message.url`; then the rules, errors naming the field as JS callers
//! write it, `message.headerParams[0]`) and one writer (`wire`, the standalone
//! wire body). The typed structs here are that model for Rust callers: one is
//! written in its JS form ([`Write`], camelCase, absent optionals left out) and goes
//! through the same check ([`send_message`](crate::core::endpoints::messages::send_message)).
//!
//! Lengths count characters as the user sees them (Unicode scalar values), not bytes.

use crate::prelude::*;

mod check;
mod contacts;
mod extras;
mod interactive;
mod location;
mod media;
mod receipt;
pub(crate) mod schema;
mod template;
mod wire;

#[cfg(test)]
mod tests;

pub(crate) use check::arguments;
#[cfg(feature = "conversation")]
pub(crate) use check::check;
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
#[cfg(feature = "conversation")]
pub(crate) use wire::one;
pub(crate) use wire::{send_body, snake, write, write_members};

use crate::core::error::{self, Error};
use crate::core::json::read::{digits, whole};
use crate::core::json::{decimal, parse, Value, Write, Writer};

/// A sticker's index as its path segment: a whole number to 4294967295, or a
/// string of 1 to 10 digits as given.
pub(crate) fn index(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if matches!(s.len(), 1..=10) && digits(s).is_some() => {
            Some(s.as_str().to_owned())
        }
        _ => whole(value, u32::MAX.into()).map(decimal),
    }
}

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

/// The JS form: the extras too (the standalone check refuses them).
impl Members for SendRequest {
    fn members(&self, out: &mut Writer) {
        out.field("to", &self.to);
        out.field("message", &self.message);
        out.field_opt("callback", &self.callback);
        self.extras.members(out);
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

impl Members for Text {
    fn members(&self, out: &mut Writer) {
        out.field("text", &self.text);
        out.field_opt("previewUrl", &self.preview_url);
    }
}

/// An object's members in their JS form, written between braces opened by the caller:
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

/// A Rust caller's typed argument as a JS caller gives it: written by `js` in its JS
/// form and read back, for the same check a JS caller's goes through. What the typed
/// model writes is JSON (a coordinate holds a number's text); `root` names the
/// argument if it were not.
pub(crate) fn js_form(root: &str, js: impl FnOnce(&mut Writer)) -> error::Result<Value> {
    let mut out = Writer::new();
    js(&mut out);
    parse(&out.finish()).map_err(|_| Error::invalid(root, "must be JSON"))
}

/// `{ "type": tag, …members }`.
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
