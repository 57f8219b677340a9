//! The messages of a Conversation API `contact_message`, typed: each kind read into
//! today's [`InboundMessage`] where one fits (text, location, a choice as an
//! interactive reply) and into its own type where none does (media without a MIME
//! type, a product response, a fallback, a channel-specific message).

use super::fields::{Extra, Fields};
use super::interactive::{InteractiveMessage, InteractiveReply};
use super::message::{InboundMessage, LocationMessage, TextMessage};
use super::unknown::{Body, UnknownMessage};
use super::wire::Number;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// The kinds of a `contact_message` read here; another is kept raw.
const KINDS: [&str; 8] = [
    "text_message",
    "media_message",
    "media_card_message",
    "location_message",
    "choice_response_message",
    "product_response_message",
    "fallback_message",
    "channel_specific_message",
];

/// A `contact_message` as today's message: its first field other than `reply_to`
/// names the kind.
pub(super) struct Content(pub(super) InboundMessage);

impl Read for Content {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        let members = fields.members();
        let Some((name, _)) = members.iter().find(|(key, _)| key != "reply_to") else {
            return Err(at.invalid("must hold a message"));
        };
        if !KINDS.contains(&name.as_str()) {
            return Ok(Self(InboundMessage::Other(UnknownMessage {
                kind: name.clone(),
                raw: value.clone(),
            })));
        }
        let inner = fields.optional::<Value>(name)?.unwrap_or(Value::Null);
        let place = at.key(name);
        let f = &Fields::new(&inner, &place)?;
        Ok(Self(match name.as_str() {
            "text_message" => InboundMessage::Text(TextMessage {
                body: f.required("text")?,
                extra: f.extra(&["type", "text", "body"]),
            }),
            "media_message" => InboundMessage::Media(LinkMedia::read(f)?),
            "media_card_message" => InboundMessage::MediaCard(LinkMedia {
                url: f.required("url")?,
                thumbnail_url: None,
                filename: None,
                caption: f.optional("caption")?,
                extra: f.extra(&["type", "mimeType", "url", "caption"]),
            }),
            "location_message" => location(f)?,
            "choice_response_message" => InboundMessage::Interactive(InteractiveMessage {
                reply: InteractiveReply::Choice(ChoiceReply {
                    id: f.required("postback_data")?,
                    message_id: f.optional("message_id")?,
                    extra: f.extra(&[
                        "type",
                        "title",
                        "postback_data",
                        "id",
                        "message_id",
                        "messageId",
                    ]),
                }),
                extra: Extra::default(),
            }),
            "product_response_message" => {
                InboundMessage::ProductResponse(ProductResponse::read(f)?)
            }
            "fallback_message" => InboundMessage::Fallback(Fallback::read(f)?),
            _ => InboundMessage::ChannelSpecific(ChannelSpecific::read(f)?),
        }))
    }
}

/// A `location_message`: `coordinates` as today's `latitude` and `longitude`,
/// `title` as `name`, `label` as `address`.
fn location(f: &Fields) -> Result<InboundMessage> {
    let Coordinates(latitude, longitude) = f.required("coordinates")?;
    Ok(InboundMessage::Location(LocationMessage {
        latitude,
        longitude,
        name: f.optional("title")?,
        address: f.optional("label")?,
        url: None,
        extra: f.extra(&[
            "type",
            "latitude",
            "longitude",
            "coordinates",
            "title",
            "name",
            "label",
            "address",
        ]),
    }))
}

struct Coordinates(Number, Number);

impl Read for Coordinates {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self(
            fields.required("latitude")?,
            fields.required("longitude")?,
        ))
    }
}

/// Media sent by link (`media`: a `media_message`; `media_card`: a
/// `media_card_message`). The Conversation API sends **no MIME type** and no media
/// type: sniff the file, or ask the URL with a HEAD request.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkMedia {
    /// The file's URL.
    pub url: String,
    /// A thumbnail's URL (`media` only).
    pub thumbnail_url: Option<String>,
    /// The file name (`filename_override`; `media` only).
    pub filename: Option<String>,
    /// The caption (`media_card` only).
    pub caption: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for LinkMedia {
    /// Reads a `media_message`.
    fn read(f: &Fields) -> Result<Self> {
        Ok(Self {
            url: f.required("url")?,
            thumbnail_url: f.optional("thumbnail_url")?,
            filename: f.optional("filename_override")?,
            caption: None,
            extra: f.extra(&[
                "type",
                "mimeType",
                "url",
                "thumbnail_url",
                "thumbnailUrl",
                "filename_override",
                "filename",
            ]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("thumbnailUrl", &self.thumbnail_url);
        out.field_opt("filename", &self.filename);
        out.field_opt("caption", &self.caption);
        self.extra.write_into(out);
    }
}

/// A choice (`choice_response_message`): a reply button or list row pressed; the
/// Conversation API does not say which, nor give its title.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceReply {
    /// The postback data given when sending (by default `{message_id}_{title}`).
    pub id: String,
    /// The id of the message whose choice was pressed.
    pub message_id: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl ChoiceReply {
    pub(super) fn write(&self, out: &mut Writer) {
        out.field("id", &self.id);
        out.field_opt("messageId", &self.message_id);
        self.extra.write_into(out);
    }
}

/// A WhatsApp order or cart (`product_response_message`).
#[derive(Debug, Clone, PartialEq)]
pub struct ProductResponse {
    /// The products.
    pub products: Vec<Product>,
    /// The text sent with them.
    pub text: Option<String>,
    /// The catalog.
    pub catalog_id: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for ProductResponse {
    fn read(f: &Fields) -> Result<Self> {
        Ok(Self {
            products: f.list("products")?,
            text: f.optional("text")?,
            catalog_id: f.optional("catalog_id")?,
            extra: f.extra(&["type", "products", "text", "catalog_id", "catalogId"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("products", &self.products);
        out.field_opt("text", &self.text);
        out.field_opt("catalogId", &self.catalog_id);
        self.extra.write_into(out);
    }
}

/// One product of a [`ProductResponse`].
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// Its id.
    pub id: Option<String>,
    /// Its marketplace.
    pub marketplace: Option<String>,
    /// How many, as sent.
    pub quantity: Option<Number>,
    /// The price of one, as sent.
    pub item_price: Option<Number>,
    /// The price's currency.
    pub currency: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Read for Product {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let f = Fields::new(value, at)?;
        Ok(Self {
            id: f.optional("id")?,
            marketplace: f.optional("marketplace")?,
            quantity: f.optional("quantity")?,
            item_price: f.optional("item_price")?,
            currency: f.optional("currency")?,
            extra: f.extra(&[
                "id",
                "marketplace",
                "quantity",
                "item_price",
                "itemPrice",
                "currency",
            ]),
        })
    }
}

impl Write for Product {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field_opt("id", &self.id);
        out.field_opt("marketplace", &self.marketplace);
        out.field_opt("quantity", &self.quantity);
        out.field_opt("itemPrice", &self.item_price);
        out.field_opt("currency", &self.currency);
        self.extra.write_into(out);
        out.close_object();
    }
}

/// Content the Conversation API could not map (`fallback_message`).
#[derive(Debug, Clone, PartialEq)]
pub struct Fallback {
    /// The content as the channel sent it.
    pub raw_message: Option<String>,
    /// Why it could not be mapped.
    pub reason: Option<Reason>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for Fallback {
    fn read(f: &Fields) -> Result<Self> {
        Ok(Self {
            raw_message: f.optional("raw_message")?,
            reason: f.optional("reason")?,
            extra: f.extra(&["type", "raw_message", "rawMessage", "reason"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field_opt("rawMessage", &self.raw_message);
        out.field_opt("reason", &self.reason);
        self.extra.write_into(out);
    }
}

/// A channel-specific message (`channel_specific_message`), such as a WhatsApp Flow
/// or address reply (`messageType: "nfm_reply"`), its `message` as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelSpecific {
    /// `nfm_reply`, or another.
    pub message_type: String,
    /// The message, as sent (wire names).
    pub message: Option<Value>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for ChannelSpecific {
    fn read(f: &Fields) -> Result<Self> {
        Ok(Self {
            message_type: f.required("message_type")?,
            message: f.optional("message")?,
            extra: f.extra(&["type", "message_type", "messageType", "message"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("messageType", &self.message_type);
        out.field_opt("message", &self.message);
        self.extra.write_into(out);
    }
}

/// Why a report failed or a message fell back (`reason`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// `OUTSIDE_ALLOWED_SENDING_WINDOW`, `RECIPIENT_NOT_OPTED_IN`, … or a later value.
    pub code: Option<String>,
    /// A description.
    pub description: Option<String>,
    /// `UNSPECIFIED_SUB_CODE`, `ATTACHMENT_REJECTED`, … or a later value.
    pub sub_code: Option<String>,
    /// The channel's own error code (WhatsApp's), as sent.
    pub channel_code: Option<Value>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Read for Reason {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let f = Fields::new(value, at)?;
        Ok(Self {
            code: f.optional("code")?,
            description: f.optional("description")?,
            sub_code: f.optional("sub_code")?,
            channel_code: f.optional("channel_code")?,
            extra: f.extra(&[
                "code",
                "description",
                "sub_code",
                "subCode",
                "channel_code",
                "channelCode",
            ]),
        })
    }
}

impl Write for Reason {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field_opt("code", &self.code);
        out.field_opt("description", &self.description);
        out.field_opt("subCode", &self.sub_code);
        out.field_opt("channelCode", &self.channel_code);
        self.extra.write_into(out);
        out.close_object();
    }
}
