//! The inbound `message`, by its `type`, and its simple kinds: text, location, template button, error.

use super::contact::ContactsMessage;
use super::conversation_content::{ChannelSpecific, Fallback, LinkMedia, ProductResponse};
use super::fields::{Extra, Fields};
use super::interactive::InteractiveMessage;
use super::media::MediaMessage;
use super::unknown::{known, tagged, unknown, write_tagged, Body, UnknownMessage};
use super::wire::{Number, StringOrInteger};
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// The `message` of a notification, by its `type`.
///
/// Written as the object with `type` first-class (JS: `message.type`); an
/// [`Other`](Self::Other) message as `{ type: "unknown", rawType, raw }`, `raw` as it came.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum InboundMessage {
    /// `text`.
    Text(TextMessage),
    /// `location`.
    Location(LocationMessage),
    /// `button`: a template quick-reply button press.
    Button(ButtonMessage),
    /// `interactive`: a reply to an interactive button or list message.
    Interactive(InteractiveMessage),
    /// `contacts`: contact cards.
    Contacts(ContactsMessage),
    /// `image`.
    Image(MediaMessage),
    /// `document`.
    Document(MediaMessage),
    /// `audio`.
    Audio(MediaMessage),
    /// `video`.
    Video(MediaMessage),
    /// `voice`.
    Voice(MediaMessage),
    /// `sticker`.
    Sticker(MediaMessage),
    /// `error`: Sinch reports a problem instead of a message.
    Error(ErrorNotice),
    /// `media` (Conversation API): a file by link, of no stated type.
    Media(LinkMedia),
    /// `media_card` (Conversation API): a captioned file by link, of no stated type.
    MediaCard(LinkMedia),
    /// `product_response` (Conversation API): an order or cart.
    ProductResponse(ProductResponse),
    /// `fallback` (Conversation API): content it could not map.
    Fallback(Fallback),
    /// `channel_specific` (Conversation API): e.g. a WhatsApp Flow reply.
    ChannelSpecific(ChannelSpecific),
    /// A type this version does not know (e.g. `order`), kept raw.
    Other(UnknownMessage),
}

impl InboundMessage {
    /// The wire `type`.
    pub fn kind(&self) -> &str {
        match self {
            Self::Text(_) => "text",
            Self::Location(_) => "location",
            Self::Button(_) => "button",
            Self::Interactive(_) => "interactive",
            Self::Contacts(_) => "contacts",
            Self::Image(_) => "image",
            Self::Document(_) => "document",
            Self::Audio(_) => "audio",
            Self::Video(_) => "video",
            Self::Voice(_) => "voice",
            Self::Sticker(_) => "sticker",
            Self::Error(_) => "error",
            Self::Media(_) => "media",
            Self::MediaCard(_) => "media_card",
            Self::ProductResponse(_) => "product_response",
            Self::Fallback(_) => "fallback",
            Self::ChannelSpecific(_) => "channel_specific",
            Self::Other(other) => &other.kind,
        }
    }

    /// The media fields, for the six media types.
    pub fn media(&self) -> Option<&MediaMessage> {
        match self {
            Self::Image(m)
            | Self::Document(m)
            | Self::Audio(m)
            | Self::Video(m)
            | Self::Voice(m)
            | Self::Sticker(m) => Some(m),
            _ => None,
        }
    }
}

impl Read for InboundMessage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let (kind, fields) = tagged(value, at)?;
        let fields = &fields;
        match kind.as_str() {
            "text" => known(fields, Self::Text),
            "location" => known(fields, Self::Location),
            "button" => known(fields, Self::Button),
            "interactive" => known(fields, Self::Interactive),
            "contacts" => known(fields, Self::Contacts),
            "image" => known(fields, Self::Image),
            "document" => known(fields, Self::Document),
            "audio" => known(fields, Self::Audio),
            "video" => known(fields, Self::Video),
            "voice" => known(fields, Self::Voice),
            "sticker" => known(fields, Self::Sticker),
            "error" => known(fields, Self::Error),
            _ => Ok(Self::Other(unknown(kind, value))),
        }
    }
}

impl Write for InboundMessage {
    fn write(&self, out: &mut Writer) {
        let body: &dyn Body = match self {
            Self::Text(m) => m,
            Self::Location(m) => m,
            Self::Button(m) => m,
            Self::Interactive(m) => m,
            Self::Contacts(m) => m,
            Self::Image(m)
            | Self::Document(m)
            | Self::Audio(m)
            | Self::Video(m)
            | Self::Voice(m)
            | Self::Sticker(m) => m,
            Self::Error(m) => m,
            Self::Media(m) | Self::MediaCard(m) => m,
            Self::ProductResponse(m) => m,
            Self::Fallback(m) => m,
            Self::ChannelSpecific(m) => m,
            Self::Other(other) => return other.write(out),
        };
        write_tagged(out, self.kind(), &|out| body.write(out));
    }
}

/// A text message.
#[derive(Debug, Clone, PartialEq)]
pub struct TextMessage {
    /// The text.
    pub body: String,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for TextMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            body: fields.required("body")?,
            extra: fields.extra(&["type", "body"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("body", &self.body);
        self.extra.write_into(out);
    }
}

/// A location.
#[derive(Debug, Clone, PartialEq)]
pub struct LocationMessage {
    /// Latitude, as sent.
    pub latitude: Number,
    /// Longitude, as sent.
    pub longitude: Number,
    /// Name of the place.
    pub name: Option<String>,
    /// Address of the place.
    pub address: Option<String>,
    /// Website the location information came from.
    pub url: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for LocationMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            latitude: fields.required("latitude")?,
            longitude: fields.required("longitude")?,
            name: fields.optional("name")?,
            address: fields.optional("address")?,
            url: fields.optional("url")?,
            extra: fields.extra(&["type", "latitude", "longitude", "name", "address", "url"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("latitude", &self.latitude);
        out.field("longitude", &self.longitude);
        out.field_opt("name", &self.name);
        out.field_opt("address", &self.address);
        out.field_opt("url", &self.url);
        self.extra.write_into(out);
    }
}

/// A template quick-reply button press (not an interactive button reply).
#[derive(Debug, Clone, PartialEq)]
pub struct ButtonMessage {
    /// Index of the button in the template (`"0"`–`"2"`; documented as a string,
    /// a whole number is accepted and kept as its decimal text).
    pub index: Option<String>,
    /// The button text.
    pub text: Option<String>,
    /// The payload sent with the button.
    pub payload: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for ButtonMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            index: fields.optional::<StringOrInteger>("index")?.map(|i| i.0),
            text: fields.optional("text")?,
            payload: fields.optional("payload")?,
            extra: fields.extra(&["type", "index", "text", "payload"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field_opt("index", &self.index);
        out.field_opt("text", &self.text);
        out.field_opt("payload", &self.payload);
        self.extra.write_into(out);
    }
}

/// An error notification.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorNotice {
    /// What went wrong.
    pub details: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for ErrorNotice {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            details: fields.optional("details")?,
            extra: fields.extra(&["type", "details"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field_opt("details", &self.details);
        self.extra.write_into(out);
    }
}
