//! Outbound messages (`POST /messages`) and their validation.
//!
//! JS callers write camelCase; the wire is snake_case. Each type therefore
//! deserializes camelCase and serializes snake_case. Error field paths use the
//! names JS callers write (e.g. `message.headerParams[0]`).
//!
//! Lengths count characters as the user sees them (Unicode scalar values), not bytes.

mod contacts;
mod interactive;
mod location;
mod media;
mod tagged;
mod template;

#[cfg(test)]
mod tests;

pub use contacts::{
    Address, ContactCard, ContactName, ContactUrl, Contacts, Email, Organization, Phone,
};
pub use interactive::{
    ButtonAction, ButtonHeader, ButtonMessage, Interactive, InteractiveMessage, ListAction,
    ListHeader, ListMessage, ReplyButton, Row, Section, TextPart,
};
pub use location::Location;
pub use media::{Document, DocumentLink, Media, MediaLink, Sticker};
pub use template::{QuickReplyButton, Retired, Template, TemplateButton, TemplateMedia, UrlButton};

use crate::core::error::{Error, Result};
use crate::core::rules::{check_chars, check_http_url, check_msisdn, check_provider_name};
use serde::{Deserialize, Serialize};

/// Most recipients one send may name.
pub const MAX_RECIPIENTS: usize = 20;
/// Longest text body, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 4096;

/// The body of `POST /messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct SendRequest {
    /// 1–20 MSISDNs.
    pub to: Vec<String>,
    /// What to send.
    pub message: Message,
    /// Overrides the configured callback URL for this message's delivery reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback: Option<String>,
}

/// A message object, tagged by `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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

tagged::tagged!(Message {
    "text" => Text(Text),
    "image" => Image(Media),
    "video" => Video(Media),
    "audio" => Audio(MediaLink),
    "document" => Document(Document),
    "sticker" => Sticker(Sticker),
    "location" => Location(Location),
    "contacts" => Contacts(Contacts),
    "template" => Template(Template),
    "interactive" => Interactive(Interactive),
});

/// `{ type: "text", text, preview_url? }`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct Text {
    /// The body, 1–4096 characters.
    pub text: String,
    /// Whether WhatsApp shows a preview of the first URL in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

impl SendRequest {
    /// Checks every documented rule; the error names the field path and the rule.
    pub fn validate(&self) -> Result<()> {
        if self.to.is_empty() || self.to.len() > MAX_RECIPIENTS {
            return Err(Error::invalid("to", "must list 1 to 20 recipients"));
        }
        for (i, number) in self.to.iter().enumerate() {
            check_msisdn(&item("to", i), number)?;
        }
        if let Some(url) = &self.callback {
            check_http_url("callback", url)?;
        }
        self.message.validate("message")
    }
}

impl Message {
    /// Checks this message's rules; field paths start with `path` (e.g. `message`).
    pub fn validate(&self, path: &str) -> Result<()> {
        match self {
            Self::Text(text) => check_chars(&sub(path, "text"), &text.text, 1, MAX_TEXT_CHARS),
            Self::Image(media) | Self::Video(media) => media.validate(path),
            Self::Audio(link) => link.validate(path),
            Self::Document(document) => document.validate(path),
            Self::Sticker(sticker) => sticker.validate(path),
            Self::Location(location) => location.validate(path),
            Self::Contacts(contacts) => contacts.validate(path),
            Self::Template(template) => template.validate(path),
            Self::Interactive(interactive) => interactive.validate(path),
        }
    }
}

/// `base.leaf`, e.g. `message.url`.
fn sub(base: &str, leaf: &str) -> String {
    [base, ".", leaf].concat()
}

/// `base[index]`, e.g. `message.buttons[1]`.
fn item(base: &str, index: usize) -> String {
    [base, "[", &index.to_string(), "]"].concat()
}

/// An optional media provider name (`A-Z a-z - _`, 1–200 characters).
fn check_provider(path: &str, provider: Option<&String>) -> Result<()> {
    match provider {
        Some(name) => check_provider_name(&sub(path, "provider"), name),
        None => Ok(()),
    }
}

/// `id` must not repeat one of `seen`; `field` builds the path of `id`.
fn check_unique(field: impl FnOnce() -> String, seen: &[&str], id: &str) -> Result<()> {
    if seen.contains(&id) {
        return Err(Error::invalid(&field(), "must be unique in the message"));
    }
    Ok(())
}
