//! Delivery reports: the status and state of a sent message.

use super::conversation::ReportDetails;
use super::fields::{object, Extra, Fields};
use super::wire::open_enum;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

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

/// A delivery report: the status and state of one sent message.
///
/// Sinch retries callbacks, so the same report can arrive twice and out of order.
#[derive(Debug, Clone, PartialEq)]
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
    pub timestamp: Option<String>,
    /// Detailed text, typically for failures.
    pub details: Option<String>,
    /// Unknown fields (e.g. the conversation and pricing fields of later releases).
    pub extra: Extra,
    /// What only a Conversation API report carries (`None` for the standalone API's).
    pub conversation: Option<ReportDetails>,
}

impl Read for DeliveryReport {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            status: fields.required("status")?,
            state: fields.required("state")?,
            message_id: fields.required("message_id")?,
            recipient: fields.required("recipient")?,
            timestamp: fields.optional("timestamp")?,
            details: fields.optional("details")?,
            extra: fields.extra(&[
                "kind",
                "status",
                "state",
                "message_id",
                "messageId",
                "recipient",
                "timestamp",
                "details",
            ]),
            conversation: None,
        })
    }
}

impl Write for DeliveryReport {
    fn write(&self, out: &mut Writer) {
        if let Some(details) = &self.conversation {
            return details.write(self, out);
        }
        object(out, &self.extra, |out| {
            out.field("status", &self.status);
            out.field("state", &self.state);
            out.field("messageId", &self.message_id);
            out.field("recipient", &self.recipient);
            out.field_opt("timestamp", &self.timestamp);
            out.field_opt("details", &self.details);
        });
    }
}
