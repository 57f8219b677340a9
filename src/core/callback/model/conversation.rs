//! Conversation API callbacks, typed into today's shape: a `message_delivery_report`
//! is one [`DeliveryReport`], a `message` one [`Notification`], each with what only
//! the Conversation API sends in its `conversation` part; another kind is kept raw.
//!
//! JS gets the report as `{ status, state, messageId, recipient, channel?, reason?,
//! details?, conversationStatus, conversationId?, contactId?, metadata?,
//! processingMode?, …extra, timestamp?, acceptedTime?, correlationId?,
//! messageMetadata?, appId?, projectId? }` and the inbound message as `{ from,
//! channel?, to?, messageId, message, replyingTo?, forwarded, frequentlyForwarded,
//! conversationId?, contactId?, metadata?, acceptTime?, processingMode?, direction?,
//! injected?, …extra, timestamp?, …the envelope }`.

use super::conversation_content::{Content, Reason};
use super::envelope::Callback;
use super::fields::{Extra, Fields};
use super::notification::{Notification, ReplyingTo};
use super::status::DeliveryReport;
use super::unknown::UnknownMessage;
use crate::core::callback::entry::Entry;
use crate::core::callback::lenient;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Writer};
use crate::prelude::*;

/// The envelope's fields, beside `event_time` (the entry's `timestamp`).
const ENVELOPE: [&str; 6] = [
    "event_time",
    "accepted_time",
    "correlation_id",
    "message_metadata",
    "app_id",
    "project_id",
];

/// The names an entry gets from elsewhere than its payload: never kept from it.
const FROM_ENVELOPE: [&str; 7] = [
    "kind",
    "timestamp",
    "acceptedTime",
    "correlationId",
    "messageMetadata",
    "appId",
    "projectId",
];

/// The envelope of a Conversation callback, as written into its entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Envelope {
    /// When Sinch received the report or message.
    pub accepted_time: Option<String>,
    /// The `correlation_id` given when sending.
    pub correlation_id: Option<String>,
    /// The `message_metadata` given when sending.
    pub message_metadata: Option<String>,
    /// The app.
    pub app_id: Option<String>,
    /// The project.
    pub project_id: Option<String>,
}

impl Envelope {
    /// Reads the envelope and its `event_time`.
    fn read(body: &Fields) -> Result<(Option<String>, Self)> {
        Ok((
            body.optional("event_time")?,
            Self {
                accepted_time: body.optional("accepted_time")?,
                correlation_id: body.optional("correlation_id")?,
                message_metadata: body.optional("message_metadata")?,
                app_id: body.optional("app_id")?,
                project_id: body.optional("project_id")?,
            },
        ))
    }

    fn write(&self, timestamp: &Option<String>, out: &mut Writer) {
        out.field_opt("timestamp", timestamp);
        out.field_opt("acceptedTime", &self.accepted_time);
        out.field_opt("correlationId", &self.correlation_id);
        out.field_opt("messageMetadata", &self.message_metadata);
        out.field_opt("appId", &self.app_id);
        out.field_opt("projectId", &self.project_id);
    }
}

/// A Conversation callback's body (it has no `type` and has `app_id`).
pub(super) fn callback(body: &Fields) -> Callback {
    let members = body.members();
    let kind = crate::core::callback::conversation::kind(members, |key| ENVELOPE.contains(&key));
    let raw = Value::Object(members.to_vec());
    let mut out = Callback {
        kind: super::Channel::Whatsapp,
        conversation: true,
        statuses: Vec::new(),
        contacts: Vec::new(),
        notifications: Vec::new(),
        unknown: None,
        extra: Extra::default(),
    };
    match kind {
        "message_delivery_report" => out.statuses.push(Entry::from_result(report(body), &raw)),
        "message" => out
            .notifications
            .push(Entry::from_result(inbound(body), &raw)),
        _ => {
            out.unknown = Some(UnknownMessage {
                kind: kind.to_owned(),
                raw,
            })
        }
    }
    let top = ["api", "unknown", "statuses", "contacts", "notifications"];
    let kept = members.iter().filter(|(key, _)| {
        key != kind && !ENVELOPE.contains(&key.as_str()) && !top.contains(&key.as_str())
    });
    out.extra = Extra(kept.cloned().collect());
    out
}

/// What only a Conversation delivery report carries.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDetails {
    /// The channel (`WHATSAPP`) of `channel_identity`.
    pub channel: Option<String>,
    /// Why it failed (or switched channel).
    pub reason: Option<Reason>,
    /// The status as sent (`QUEUED_ON_CHANNEL`, `DELIVERED`, `READ`, `FAILED`,
    /// `SWITCHING_CHANNEL`, or a later value).
    pub status: String,
    /// The conversation (empty in DISPATCH mode).
    pub conversation_id: Option<String>,
    /// The contact (empty in DISPATCH mode).
    pub contact_id: Option<String>,
    /// The send-time `message_metadata`.
    pub metadata: Option<String>,
    /// `CONVERSATION` or `DISPATCH`.
    pub processing_mode: Option<String>,
    /// The envelope.
    pub envelope: Envelope,
}

/// The `message_delivery_report` of `body` as today's report.
fn report(body: &Fields) -> Result<DeliveryReport> {
    let mut report = body.required::<Report>("message_delivery_report")?.0;
    let (timestamp, envelope) = Envelope::read(body)?;
    report.timestamp = timestamp;
    if let Some(details) = &mut report.conversation {
        details.envelope = envelope;
    }
    Ok(report)
}

/// A `channel_identity`: the identity (required) and its channel.
struct Identity(String, Option<String>);

impl Read for Identity {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self(
            fields.required("identity")?,
            fields.optional("channel")?,
        ))
    }
}

/// A `message_delivery_report` (the envelope is read after it).
struct Report(DeliveryReport);

impl Read for Report {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        read_report(&Fields::new(value, at)?).map(Self)
    }
}

fn read_report(fields: &Fields) -> Result<DeliveryReport> {
    let status: String = fields.required("status")?;
    let message_id = fields.required("message_id")?;
    let Identity(recipient, channel) = fields.required("channel_identity")?;
    let reason: Option<Reason> = fields.optional("reason")?;
    let mut known = vec![
        "status",
        "state",
        "message_id",
        "messageId",
        "channel_identity",
        "recipient",
        "channel",
        "reason",
        "details",
        "conversationStatus",
        "conversation_id",
        "conversationId",
        "contact_id",
        "contactId",
        "metadata",
        "processing_mode",
        "processingMode",
    ];
    known.extend(FROM_ENVELOPE);
    let details = ReportDetails {
        channel,
        status: status.clone(),
        conversation_id: fields.optional("conversation_id")?,
        contact_id: fields.optional("contact_id")?,
        metadata: fields.optional("metadata")?,
        processing_mode: fields.optional("processing_mode")?,
        envelope: Envelope::default(),
        reason,
    };
    Ok(DeliveryReport {
        status: lenient::outcome(&status).into(),
        state: lenient::state(&status).as_str().into(),
        message_id,
        recipient,
        timestamp: None,
        details: details.reason.as_ref().and_then(|r| r.description.clone()),
        extra: fields.extra(&known),
        conversation: Some(details),
    })
}

impl ReportDetails {
    /// Writes `report` in the order the schema pass does.
    pub(super) fn write(&self, report: &DeliveryReport, out: &mut Writer) {
        out.open_object();
        out.field("status", &report.status);
        out.field("state", &report.state);
        out.field("messageId", &report.message_id);
        out.field("recipient", &report.recipient);
        out.field_opt("channel", &self.channel);
        out.field_opt("reason", &self.reason);
        out.field_opt("details", &report.details);
        out.field("conversationStatus", &self.status);
        out.field_opt("conversationId", &self.conversation_id);
        out.field_opt("contactId", &self.contact_id);
        out.field_opt("metadata", &self.metadata);
        out.field_opt("processingMode", &self.processing_mode);
        report.extra.write_into(out);
        self.envelope.write(&report.timestamp, out);
        out.close_object();
    }
}

/// What only a Conversation inbound message carries.
#[derive(Debug, Clone, PartialEq)]
pub struct InboundDetails {
    /// The channel (`WHATSAPP`) of `channel_identity`.
    pub channel: Option<String>,
    /// The conversation (empty in DISPATCH mode).
    pub conversation_id: Option<String>,
    /// The contact (empty in DISPATCH mode).
    pub contact_id: Option<String>,
    /// Metadata of the message.
    pub metadata: Option<String>,
    /// When Sinch accepted the message.
    pub accept_time: Option<String>,
    /// `CONVERSATION` or `DISPATCH`.
    pub processing_mode: Option<String>,
    /// `TO_APP`.
    pub direction: Option<String>,
    /// Whether the message was injected, as sent.
    pub injected: Option<Value>,
    /// The envelope.
    pub envelope: Envelope,
}

/// The `message` of `body` as today's notification.
fn inbound(body: &Fields) -> Result<Notification> {
    let mut message = body.required::<Inbound>("message")?.0;
    let (timestamp, envelope) = Envelope::read(body)?;
    message.timestamp = timestamp;
    if let Some(details) = &mut message.conversation {
        details.envelope = envelope;
    }
    Ok(message)
}

/// A `message` (the envelope is read after it).
struct Inbound(Notification);

impl Read for Inbound {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        read_inbound(&Fields::new(value, at)?).map(Self)
    }
}

fn read_inbound(fields: &Fields) -> Result<Notification> {
    let Identity(from, channel) = fields.required("channel_identity")?;
    let to = fields.optional("sender_id")?;
    let message_id = fields.required("id")?;
    let message = fields.required::<Content>("contact_message")?.0;
    let reply = fields.required::<Reply>("contact_message")?.0;
    let mut known = vec![
        "channel_identity",
        "from",
        "channel",
        "sender_id",
        "to",
        "id",
        "messageId",
        "contact_message",
        "message",
        "replyingTo",
        "forwarded",
        "frequently_forwarded",
        "frequentlyForwarded",
        "referral",
        "conversation_id",
        "conversationId",
        "contact_id",
        "contactId",
        "metadata",
        "accept_time",
        "acceptTime",
        "processing_mode",
        "processingMode",
        "direction",
        "injected",
    ];
    known.extend(FROM_ENVELOPE);
    Ok(Notification {
        from,
        to,
        message_id,
        message,
        timestamp: None,
        replying_to: reply,
        forwarded: fields.flag("forwarded")?,
        frequently_forwarded: fields.flag("frequently_forwarded")?,
        referral: None,
        conversation: Some(InboundDetails {
            channel,
            conversation_id: fields.optional("conversation_id")?,
            contact_id: fields.optional("contact_id")?,
            metadata: fields.optional("metadata")?,
            accept_time: fields.optional("accept_time")?,
            processing_mode: fields.optional("processing_mode")?,
            direction: fields.optional("direction")?,
            injected: fields.optional("injected")?,
            envelope: Envelope::default(),
        }),
        extra: fields.extra(&known),
    })
}

/// `contact_message.reply_to` as today's `replying_to`.
struct Reply(Option<ReplyingTo>);

impl Read for Reply {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        let reply: Option<ReplyTo> = fields.optional("reply_to")?;
        Ok(Self(reply.map(|r| ReplyingTo {
            message_id: r.0,
            from: None,
        })))
    }
}

/// A `reply_to`: the quoted message's id.
struct ReplyTo(Option<String>);

impl Read for ReplyTo {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(Self(Fields::new(value, at)?.optional("message_id")?))
    }
}

impl InboundDetails {
    /// Writes `message` in the order the schema pass does.
    pub(super) fn write(&self, message: &Notification, out: &mut Writer) {
        out.open_object();
        out.field("from", &message.from);
        out.field_opt("channel", &self.channel);
        out.field_opt("to", &message.to);
        out.field("messageId", &message.message_id);
        out.field("message", &message.message);
        out.field_opt("replyingTo", &message.replying_to);
        out.field("forwarded", &message.forwarded);
        out.field("frequentlyForwarded", &message.frequently_forwarded);
        out.field_opt("conversationId", &self.conversation_id);
        out.field_opt("contactId", &self.contact_id);
        out.field_opt("metadata", &self.metadata);
        out.field_opt("acceptTime", &self.accept_time);
        out.field_opt("processingMode", &self.processing_mode);
        out.field_opt("direction", &self.direction);
        out.field_opt("injected", &self.injected);
        message.extra.write_into(out);
        self.envelope.write(&message.timestamp, out);
        out.close_object();
    }
}
