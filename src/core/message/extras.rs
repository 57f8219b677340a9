//! What a send may carry only over the Conversation API (`api: "conversation"`):
//! `correlationId`, `ttl` and `channelSpecificMessage`. Read here with the rest of
//! [`SendRequest`](super::SendRequest); refused by name on the standalone path, and
//! checked and written by `crate::core::conversation::send`.

use super::TextPart;
use crate::core::error::{Error, Result};
use crate::core::json::read::{object, tag};
use crate::core::json::{Path, Read, Value};
use crate::prelude::*;

/// The Conversation-only members of a send.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// Echoed on every callback about the message (≤128 characters).
    pub correlation_id: Option<String>,
    /// Seconds Sinch keeps trying (3 to 315576000000).
    pub ttl: Option<u64>,
    /// A WhatsApp message sent as it is, in place of the generic one.
    pub channel_specific_message: Option<ChannelSpecific>,
}

/// `{ messageType, message }`: a WhatsApp Flow (typed), or an order's details or
/// status (an object passed through with the keys the caller wrote).
#[derive(Debug, Clone, PartialEq)]
pub enum ChannelSpecific {
    /// `messageType: "FLOWS"`.
    Flows(Box<Flows>),
    /// `messageType: "ORDER_DETAILS"`: WhatsApp payments' order details.
    OrderDetails(Value),
    /// `messageType: "ORDER_STATUS"`: WhatsApp payments' order status.
    OrderStatus(Value),
}

/// A WhatsApp Flow: `{ flowId, flowCta, flowToken?, flowMode?, flowAction?,
/// flowActionPayload?, header?, body?, footer? }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flows {
    /// The flow's id (required).
    pub flow_id: String,
    /// The label of the button that opens the flow, 1–20 characters.
    pub flow_cta: String,
    /// A token the flow's endpoint gets back.
    pub flow_token: Option<String>,
    /// `draft` or `published`.
    pub flow_mode: Option<String>,
    /// `navigate` or `data_exchange`.
    pub flow_action: Option<String>,
    /// The first screen and its data.
    pub flow_action_payload: Option<FlowActionPayload>,
    /// Shown above the body.
    pub header: Option<FlowHeader>,
    /// The body, up to 1024 characters.
    pub body: Option<TextPart>,
    /// The footer, up to 60 characters.
    pub footer: Option<TextPart>,
}

/// `{ screen?, data? }`: where a `navigate` flow starts, and its data (an object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowActionPayload {
    /// The first screen's id.
    pub screen: Option<String>,
    /// The screen's data, passed through as written.
    pub data: Option<Value>,
}

/// A flow's header: `{ type: "text", text }` or `{ type: "image" | "video" |
/// "document", <type>: { link } }`.
#[derive(Debug, Clone, PartialEq)]
pub enum FlowHeader {
    /// A text header.
    Text(String),
    /// An image, video or document header: the type and the media's http(s) link.
    Media(&'static str, String),
}

impl Read for ChannelSpecific {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["messageType", "message"])?;
        let kind: String = fields.required("messageType")?;
        let message = at.key("message");
        let body = fields
            .get("message")
            .ok_or_else(|| message.invalid("is required"))?;
        Ok(match kind.as_str() {
            "FLOWS" => Self::Flows(Box::new(Flows::read(body, &message)?)),
            "ORDER_DETAILS" => Self::OrderDetails(an_object(body, &message)?),
            "ORDER_STATUS" => Self::OrderStatus(an_object(body, &message)?),
            _ => {
                return Err(at
                    .key("messageType")
                    .invalid(r#"must be one of "FLOWS", "ORDER_DETAILS", "ORDER_STATUS""#))
            }
        })
    }
}

/// `value` if it is an object.
fn an_object(value: &Value, at: &Path) -> Result<Value> {
    match value {
        Value::Object(_) => Ok(value.clone()),
        _ => Err(at.invalid("must be an object")),
    }
}

const FLOWS: &[&str] = &[
    "flowId",
    "flowCta",
    "flowToken",
    "flowMode",
    "flowAction",
    "flowActionPayload",
    "header",
    "body",
    "footer",
];

impl Read for Flows {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, FLOWS)?;
        let mut out = Self::default();
        fields.set(&mut out.flow_id, "flowId")?;
        fields.set(&mut out.flow_cta, "flowCta")?;
        fields.set_opt(&mut out.flow_token, "flowToken")?;
        fields.set_opt(&mut out.flow_mode, "flowMode")?;
        fields.set_opt(&mut out.flow_action, "flowAction")?;
        fields.set_opt(&mut out.flow_action_payload, "flowActionPayload")?;
        fields.set_opt(&mut out.header, "header")?;
        fields.set_opt(&mut out.body, "body")?;
        fields.set_opt(&mut out.footer, "footer")?;
        Ok(out)
    }
}

impl Read for FlowActionPayload {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["screen", "data"])?;
        let data = match fields.get("data") {
            Some(data) => Some(an_object(data, &at.key("data"))?),
            None => None,
        };
        Ok(Self {
            screen: fields.optional("screen")?,
            data,
        })
    }
}

impl Read for FlowHeader {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let kind = match tag(value, at, &["text", "image", "video", "document"])? {
            0 => {
                let text = object(value, at, &["type", "text"])?.required("text")?;
                return Ok(Self::Text(text));
            }
            1 => "image",
            2 => "video",
            _ => "document",
        };
        let media: Value = object(value, at, &["type", kind])?.required(kind)?;
        let link = object(&media, &at.key(kind), &["link"])?.required("link")?;
        Ok(Self::Media(kind, link))
    }
}

impl Extras {
    /// The first extra given, refused by name: the standalone API has none of them.
    pub(super) fn refuse(&self) -> Result<()> {
        let given = [
            ("correlationId", self.correlation_id.is_some()),
            ("ttl", self.ttl.is_some()),
            (
                "channelSpecificMessage",
                self.channel_specific_message.is_some(),
            ),
        ];
        match given.iter().find(|(_, is)| *is) {
            Some((name, _)) => Err(Error::invalid(name, r#"is only for api: "conversation""#)),
            None => Ok(()),
        }
    }
}
