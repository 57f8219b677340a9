//! What a send may carry only over the Conversation API (`api: "conversation"`):
//! `correlationId`, `ttl` and `channelSpecificMessage`. Checked with the rest of a
//! send (`super::schema`): refused by name on the standalone API, held to the
//! Conversation rules on the other, and mapped by `crate::core::conversation::send`.

use super::{objects, Members, TextPart};
use crate::core::json::{Value, Write, Writer};
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

/// The JS form, each member given (a typed send is checked as the caller's JSON).
impl Members for Extras {
    fn members(&self, out: &mut Writer) {
        out.field_opt("correlationId", &self.correlation_id);
        out.field_opt("ttl", &self.ttl);
        out.field_opt("channelSpecificMessage", &self.channel_specific_message);
    }
}

impl Write for ChannelSpecific {
    fn write(&self, out: &mut Writer) {
        let (kind, message): (&str, &dyn Write) = match self {
            Self::Flows(flows) => ("FLOWS", &**flows),
            Self::OrderDetails(value) => ("ORDER_DETAILS", value),
            Self::OrderStatus(value) => ("ORDER_STATUS", value),
        };
        out.open_object();
        out.field("messageType", kind);
        out.key("message");
        message.write(out);
        out.close_object();
    }
}

impl Members for Flows {
    fn members(&self, out: &mut Writer) {
        out.field("flowId", &self.flow_id);
        out.field("flowCta", &self.flow_cta);
        out.field_opt("flowToken", &self.flow_token);
        out.field_opt("flowMode", &self.flow_mode);
        out.field_opt("flowAction", &self.flow_action);
        out.field_opt("flowActionPayload", &self.flow_action_payload);
        out.field_opt("header", &self.header);
        out.field_opt("body", &self.body);
        out.field_opt("footer", &self.footer);
    }
}

impl Members for FlowActionPayload {
    fn members(&self, out: &mut Writer) {
        out.field_opt("screen", &self.screen);
        out.field_opt("data", &self.data);
    }
}

impl Write for FlowHeader {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        match self {
            Self::Text(text) => {
                out.field("type", "text");
                out.field("text", text);
            }
            Self::Media(kind, link) => {
                out.field("type", kind);
                out.key(kind);
                out.open_object();
                out.field("link", link);
                out.close_object();
            }
        }
        out.close_object();
    }
}

objects!(Flows, FlowActionPayload);
