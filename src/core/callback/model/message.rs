//! The inbound `message`, by its `type`, and its simple kinds: text, location, template button, error.

use super::contact::ContactsMessage;
use super::interactive::InteractiveMessage;
use super::media::MediaMessage;
use super::unknown::{split_type, typed, unknown, UnknownMessage};
use super::wire::string_or_integer;
use super::Extra;
use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `message` of a notification, by its `type`.
///
/// Serializes as the wire object with `type` first-class (JS: `message.type`); an
/// [`Other`](Self::Other) message serializes as it came, under its wire names.
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

impl<'de> Deserialize<'de> for InboundMessage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const WHAT: &str = "message";
        let value = Value::deserialize(deserializer)?;
        let (kind, fields) = split_type(value, WHAT).map_err(de::Error::custom)?;
        let message = match kind.as_str() {
            "text" => Self::Text(typed(WHAT, &kind, fields)?),
            "location" => Self::Location(typed(WHAT, &kind, fields)?),
            "button" => Self::Button(typed(WHAT, &kind, fields)?),
            "interactive" => Self::Interactive(typed(WHAT, &kind, fields)?),
            "contacts" => Self::Contacts(typed(WHAT, &kind, fields)?),
            "image" => Self::Image(typed(WHAT, &kind, fields)?),
            "document" => Self::Document(typed(WHAT, &kind, fields)?),
            "audio" => Self::Audio(typed(WHAT, &kind, fields)?),
            "video" => Self::Video(typed(WHAT, &kind, fields)?),
            "voice" => Self::Voice(typed(WHAT, &kind, fields)?),
            "sticker" => Self::Sticker(typed(WHAT, &kind, fields)?),
            "error" => Self::Error(typed(WHAT, &kind, fields)?),
            _ => Self::Other(unknown(kind, fields)),
        };
        Ok(message)
    }
}

/// The serialized form of the known message types: the struct's fields plus `type`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum TaggedMessage<'a> {
    Text(&'a TextMessage),
    Location(&'a LocationMessage),
    Button(&'a ButtonMessage),
    Interactive(&'a InteractiveMessage),
    Contacts(&'a ContactsMessage),
    Image(&'a MediaMessage),
    Document(&'a MediaMessage),
    Audio(&'a MediaMessage),
    Video(&'a MediaMessage),
    Voice(&'a MediaMessage),
    Sticker(&'a MediaMessage),
    Error(&'a ErrorNotice),
}

impl Serialize for InboundMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tagged = match self {
            Self::Text(m) => TaggedMessage::Text(m),
            Self::Location(m) => TaggedMessage::Location(m),
            Self::Button(m) => TaggedMessage::Button(m),
            Self::Interactive(m) => TaggedMessage::Interactive(m),
            Self::Contacts(m) => TaggedMessage::Contacts(m),
            Self::Image(m) => TaggedMessage::Image(m),
            Self::Document(m) => TaggedMessage::Document(m),
            Self::Audio(m) => TaggedMessage::Audio(m),
            Self::Video(m) => TaggedMessage::Video(m),
            Self::Voice(m) => TaggedMessage::Voice(m),
            Self::Sticker(m) => TaggedMessage::Sticker(m),
            Self::Error(m) => TaggedMessage::Error(m),
            Self::Other(other) => return other.serialize(serializer),
        };
        tagged.serialize(serializer)
    }
}

/// A text message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct TextMessage {
    /// The text.
    pub body: String,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct LocationMessage {
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Name of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Website the location information came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A template quick-reply button press (not an interactive button reply).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ButtonMessage {
    /// Index of the button in the template (`"0"`–`"2"`; documented as a string,
    /// a number is accepted and kept as its decimal text).
    #[serde(
        default,
        deserialize_with = "string_or_integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub index: Option<String>,
    /// The button text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The payload sent with the button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An error notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ErrorNotice {
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}
