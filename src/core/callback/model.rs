//! The callback payload as serde types.
//!
//! Naming convention: every type deserializes from the wire (snake_case, e.g.
//! `message_id`) and serializes to camelCase for JS (e.g. `messageId`). A field
//! whose wire name is `type` is `kind` in Rust and `type` in both directions.
//! Unknown fields are tolerated everywhere; on the objects that carry an `extra`
//! map they are kept under their wire names and serialized back, flattened, under
//! those same names. Optional fields that are absent are left out of the output.
//!
//! Strictness: a payload must have `type: "whatsapp"`; identifiers and
//! discriminators the docs always show (`message_id`, `status`, `state`,
//! `recipient`, `from`, `message.type`, `wa_id`, a text `body`, media `url` and
//! `mime_type`, location `latitude`/`longitude`, interactive reply `id`/`title`) are
//! required; descriptive fields are optional. A field of the wrong JSON type is an
//! error — of that entry alone: a malformed entry of `statuses`, `contacts` or
//! `notifications` is kept raw in its place ([`entry`](super::entry)), and only a
//! body that is not a callback at all fails. `null` counts as absent. Message types this version does not know (e.g.
//! `order`) are kept raw in [`InboundMessage::Other`].

use super::entry::{entries, Entry};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Unknown fields of an object, under their wire names.
pub type Extra = Map<String, Value>;

/// Declares a string enum that keeps values it does not know in `Other`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Ok(Self::from(value.as_str()))
            }
        }
    };
}

open_enum! {
    /// A delivery report's `status`.
    pub enum DeliveryStatus {
        /// `success`.
        Success = "success",
        /// `failure`.
        Failure = "failure",
    }
}

open_enum! {
    /// A delivery report's `state`.
    pub enum DeliveryState {
        /// `queued`: received and queued by the Sinch WhatsApp API.
        Queued = "queued",
        /// `dispatched`: handed by Sinch to the WhatsApp servers.
        Dispatched = "dispatched",
        /// `sent`: sent by WhatsApp to the end user.
        Sent = "sent",
        /// `delivered`: delivered to the end user.
        Delivered = "delivered",
        /// `read`: read by the end user.
        Read = "read",
        /// `deleted`: deleted or expired in the application.
        Deleted = "deleted",
        /// `failed`: the message failed.
        Failed = "failed",
        /// `no_opt_in`: rejected, the recipient has not opted in.
        NoOptIn = "no_opt_in",
        /// `no_capability`: rejected, the recipient lacks WhatsApp capability.
        NoCapability = "no_capability",
    }
}

open_enum! {
    /// A referral's `source_type`.
    pub enum ReferralSourceType {
        /// `ad`.
        Ad = "ad",
        /// `post`.
        Post = "post",
    }
}

/// The payload's `type`; the only documented value is `whatsapp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// `whatsapp`.
    Whatsapp,
}

impl<'de> Deserialize<'de> for Channel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        if value == "whatsapp" {
            Ok(Self::Whatsapp)
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Str(&value),
                &"the callback type `whatsapp`",
            ))
        }
    }
}

/// One callback: delivery reports and inbound messages, possibly together.
///
/// JS shape: `{ type: "whatsapp", statuses: DeliveryReport[], contacts: Contact[],
/// notifications: Notification[], ...extra }` (the three arrays are always present,
/// possibly empty). Each list keeps a malformed entry in its place as an
/// [`InvalidEntry`](super::entry::InvalidEntry) rather than failing the callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all(serialize = "camelCase"),
    expecting = "a Sinch WhatsApp callback object"
)]
pub struct Callback {
    /// Always `whatsapp`; anything else is not a Sinch WhatsApp callback.
    #[serde(rename = "type")]
    pub kind: Channel,
    /// Delivery reports.
    #[serde(default, deserialize_with = "entries")]
    pub statuses: Vec<Entry<DeliveryReport>>,
    /// The senders of the inbound messages (Sinch sends them for some message types only).
    #[serde(default, deserialize_with = "entries")]
    pub contacts: Vec<Entry<Contact>>,
    /// Inbound messages.
    #[serde(default, deserialize_with = "entries")]
    pub notifications: Vec<Entry<Notification>>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the callback store (`GET /callbacks/status/{id}` and
/// `GET /callbacks/notifications`): `{ results: Callback[] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CallbackStoreResults {
    /// The stored callbacks.
    #[serde(default, deserialize_with = "null_as_default")]
    pub results: Vec<Callback>,
}

/// A delivery report: the status and state of one sent message.
///
/// Sinch retries callbacks, so the same report can arrive twice and out of order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all(serialize = "camelCase"),
    expecting = "a delivery report object"
)]
pub struct DeliveryReport {
    /// `success` or `failure`.
    pub status: DeliveryStatus,
    /// `queued`, `dispatched`, `sent`, `delivered`, `read`, `deleted`, `failed`,
    /// `no_opt_in`, `no_capability`, or a later value.
    pub state: DeliveryState,
    /// The id of the message this report is about.
    pub message_id: String,
    /// The recipient of that message.
    pub recipient: String,
    /// ISO-8601 time of the update, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Detailed text, typically for failures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Unknown fields (e.g. the conversation and pricing fields of later releases).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The sender of inbound messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"), expecting = "a contact object")]
pub struct Contact {
    /// WhatsApp account id (phone number).
    pub wa_id: String,
    /// Profile details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A sender's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Profile {
    /// The sender's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// An inbound (mobile-originated) message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all(serialize = "camelCase"),
    expecting = "a notification object"
)]
pub struct Notification {
    /// MSISDN of the sender.
    pub from: String,
    /// The receiving bot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The id of this inbound message (for read receipts).
    pub message_id: String,
    /// The message.
    pub message: InboundMessage,
    /// ISO-8601 time, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The message this one replies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replying_to: Option<ReplyingTo>,
    /// Whether the message was forwarded (absent means `false`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub forwarded: bool,
    /// Whether the message was frequently forwarded (absent means `false`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub frequently_forwarded: bool,
    /// The ad or post the message answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The context of a reply (`replying_to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ReplyingTo {
    /// The id of the message replied to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// MSISDN of the sender of that message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The ad or post an inbound message answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Referral {
    /// Headline of the ad or post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Body of the ad or post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `ad` or `post`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<ReferralSourceType>,
    /// Facebook id of the ad or post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// URL of the ad or post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The media in the ad or post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_media: Option<ReferralMedia>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The media of a referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ReferralMedia {
    /// The media type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Public URL of a copy of the media.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

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

/// A reply to an interactive message. On the wire and in JS the reply is under
/// `message` (`{ type: "interactive", message: { type: "button", id, title } }`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct InteractiveMessage {
    /// The reply.
    #[serde(rename = "message")]
    pub reply: InteractiveReply,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The reply inside an interactive message, by its `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum InteractiveReply {
    /// `button`: a reply button was pressed.
    Button(ButtonReply),
    /// `list`: a list row was chosen.
    List(ListReply),
    /// A reply type this version does not know, kept raw.
    Other(UnknownMessage),
}

/// A pressed interactive reply button.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ButtonReply {
    /// The button id given when sending.
    pub id: String,
    /// The button title.
    pub title: String,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A chosen list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ListReply {
    /// The row id given when sending.
    pub id: String,
    /// The row title.
    pub title: String,
    /// The row description, if the row had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Contact cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactsMessage {
    /// The cards.
    #[serde(default, deserialize_with = "null_as_default")]
    pub contacts: Vec<ContactCard>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One contact card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactCard {
    /// Addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub addresses: Vec<ContactAddress>,
    /// Birthday, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// Email addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub emails: Vec<ContactEmail>,
    /// Instant-messaging handles, kept raw: the docs list them as strings in one
    /// table and as `{ service, user_id }` objects in another.
    #[serde(default, deserialize_with = "null_as_default")]
    pub ims: Vec<Value>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ContactName>,
    /// Organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<ContactOrg>,
    /// Phone numbers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub phones: Vec<ContactPhone>,
    /// URLs.
    #[serde(default, deserialize_with = "null_as_default")]
    pub urls: Vec<ContactUrl>,
    /// Public URL of the contact image from the phone (not the WhatsApp profile picture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_image_url: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A contact card address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactAddress {
    /// `HOME`, `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Street number and address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State abbreviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ZIP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// Country name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Two-letter country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// A contact card email address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactEmail {
    /// `HOME`, `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A contact card name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactName {
    /// Full name as it normally appears.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formatted_name: Option<String>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Suffix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// A contact card organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactOrg {
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Business title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A contact card phone number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactPhone {
    /// `CELL`, `MAIN`, `HOME`, `WORK`, `IPHONE`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The number as written on the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The WhatsApp id of the number, when it has one (shown in the docs' sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
}

/// A contact card URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ContactUrl {
    /// `HOME`, `WORK`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An image, document, audio, video, voice or sticker message. The media type is
/// the [`InboundMessage`] variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct MediaMessage {
    /// Public URL of the media file (expires after seven days).
    pub url: String,
    /// MIME type of the file.
    pub mime_type: String,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// File name (audio and document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Sticker metadata (stickers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<StickerMetadata>,
    /// Unknown fields (e.g. an `id` or `sha256`, which the docs do not list).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The metadata of a received sticker. The wire names are kebab-case
/// (`stickerpack-id`); JS sees camelCase (`stickerpackId`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickerMetadata {
    /// Id of the sticker's pack.
    #[serde(
        rename(deserialize = "stickerpack-id", serialize = "stickerpackId"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_id: Option<String>,
    /// Name of the pack.
    #[serde(
        rename(deserialize = "stickerpack-name", serialize = "stickerpackName"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_name: Option<String>,
    /// Publisher of the pack.
    #[serde(
        rename(
            deserialize = "stickerpack-publisher",
            serialize = "stickerpackPublisher"
        ),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_publisher: Option<String>,
    /// Emojis of the sticker.
    #[serde(default, deserialize_with = "null_as_default")]
    pub emojis: Vec<String>,
    /// Apple App Store link of the pack.
    #[serde(
        rename(deserialize = "ios-app-store-link", serialize = "iosAppStoreLink"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ios_app_store_link: Option<String>,
    /// Google Play link of the pack.
    #[serde(
        rename(
            deserialize = "android-app-store-link",
            serialize = "androidAppStoreLink"
        ),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub android_app_store_link: Option<String>,
    /// Whether the pack is first-party (the wire sends `1` or `0`; booleans are
    /// accepted too).
    #[serde(
        rename(
            deserialize = "is-first-party-sticker",
            serialize = "isFirstPartySticker"
        ),
        default,
        deserialize_with = "zero_one_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_first_party_sticker: Option<bool>,
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

/// A message (or interactive reply) of a type this version does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownMessage {
    /// Its `type`.
    pub kind: String,
    /// The whole object as sent, `type` included.
    pub raw: Value,
}

impl Serialize for UnknownMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// Splits a `{ type, ... }` object into its type and its other fields; `what`
/// names the object in errors. The wording of these errors and of [`typed`]'s
/// prefix is what `entry::path_in_entry` reads a malformed entry's field from.
fn split_type(value: Value, what: &str) -> Result<(String, Map<String, Value>), String> {
    let Value::Object(mut fields) = value else {
        return Err(format!("{what} must be an object with a string `type`"));
    };
    match fields.remove("type") {
        Some(Value::String(kind)) => Ok((kind, fields)),
        Some(_) => Err(format!("{what} `type` must be a string")),
        None => Err(format!("{what} has no `type`")),
    }
}

/// Keeps a message of an unknown type as it came.
fn unknown(kind: String, mut fields: Map<String, Value>) -> UnknownMessage {
    fields.insert("type".to_owned(), Value::String(kind.clone()));
    UnknownMessage {
        kind,
        raw: Value::Object(fields),
    }
}

/// Deserializes the fields of a known `type` into its struct.
fn typed<T: de::DeserializeOwned, E: de::Error>(
    what: &str,
    kind: &str,
    fields: Map<String, Value>,
) -> Result<T, E> {
    serde_json::from_value(Value::Object(fields))
        .map_err(|err| E::custom(format!("{what} of type `{kind}`: {err}")))
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

impl InteractiveReply {
    /// The wire `type`.
    pub fn kind(&self) -> &str {
        match self {
            Self::Button(_) => "button",
            Self::List(_) => "list",
            Self::Other(other) => &other.kind,
        }
    }
}

impl<'de> Deserialize<'de> for InteractiveReply {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const WHAT: &str = "interactive reply";
        let value = Value::deserialize(deserializer)?;
        let (kind, fields) = split_type(value, WHAT).map_err(de::Error::custom)?;
        let reply = match kind.as_str() {
            "button" => Self::Button(typed(WHAT, &kind, fields)?),
            "list" => Self::List(typed(WHAT, &kind, fields)?),
            _ => Self::Other(unknown(kind, fields)),
        };
        Ok(reply)
    }
}

/// The serialized form of the known interactive replies.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum TaggedReply<'a> {
    Button(&'a ButtonReply),
    List(&'a ListReply),
}

impl Serialize for InteractiveReply {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Button(r) => TaggedReply::Button(r).serialize(serializer),
            Self::List(r) => TaggedReply::List(r).serialize(serializer),
            Self::Other(other) => other.serialize(serializer),
        }
    }
}

/// `null` (or absence, with `#[serde(default)]`) as the type's default.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A string, or an integer kept as its decimal text; `null` as absent.
fn string_or_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    struct StringOrInteger;

    impl<'de> Visitor<'de> for StringOrInteger {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an integer")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // JS numbers may arrive as floats; only whole ones are indices.
            if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
                Ok(Some(format!("{v:.0}")))
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    deserializer.deserialize_option(StringOrInteger)
}

/// `1`/`0` or `true`/`false`; `null` as absent.
fn zero_one_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    struct ZeroOne;

    impl<'de> Visitor<'de> for ZeroOne {
        type Value = Option<bool>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("1, 0, true or false")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            match v {
                0 => Ok(Some(false)),
                1 => Ok(Some(true)),
                _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
            }
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
            }
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            if v == 0.0 {
                Ok(Some(false))
            } else if v == 1.0 {
                Ok(Some(true))
            } else {
                Err(E::invalid_value(de::Unexpected::Float(v), &self))
            }
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    deserializer.deserialize_option(ZeroOne)
}
