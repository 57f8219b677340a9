//! Inbound notifications: the sender, the time, the message replied to, the ad or post answered.

use super::conversation::InboundDetails;
use super::fields::{object, optional_strings, Extra, Fields};
use super::message::InboundMessage;
use super::wire::open_enum;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

open_enum! {
    /// A referral's `source_type`.
    pub enum ReferralSourceType {
        /// `ad`.
        Ad = "ad",
        /// `post`.
        Post = "post",
    }
}

/// An inbound (mobile-originated) message.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    /// MSISDN of the sender.
    pub from: String,
    /// The receiving bot.
    pub to: Option<String>,
    /// The id of this inbound message (for read receipts).
    pub message_id: String,
    /// The message.
    pub message: InboundMessage,
    /// ISO-8601 time, as sent.
    pub timestamp: Option<String>,
    /// The message this one replies to.
    pub replying_to: Option<ReplyingTo>,
    /// Whether the message was forwarded (absent means `false`).
    pub forwarded: bool,
    /// Whether the message was frequently forwarded (absent means `false`).
    pub frequently_forwarded: bool,
    /// The ad or post the message answers.
    pub referral: Option<Referral>,
    /// Unknown fields.
    pub extra: Extra,
    /// What only a Conversation API message carries (`None` for the standalone API's).
    pub conversation: Option<InboundDetails>,
}

impl Read for Notification {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            from: fields.required("from")?,
            to: fields.optional("to")?,
            message_id: fields.required("message_id")?,
            message: fields.required("message")?,
            timestamp: fields.optional("timestamp")?,
            replying_to: fields.optional("replying_to")?,
            forwarded: fields.flag("forwarded")?,
            frequently_forwarded: fields.flag("frequently_forwarded")?,
            referral: fields.optional("referral")?,
            extra: fields.extra(&[
                "kind",
                "from",
                "to",
                "message_id",
                "messageId",
                "message",
                "timestamp",
                "replying_to",
                "replyingTo",
                "forwarded",
                "frequently_forwarded",
                "frequentlyForwarded",
                "referral",
            ]),
            conversation: None,
        })
    }
}

impl Write for Notification {
    fn write(&self, out: &mut Writer) {
        if let Some(details) = &self.conversation {
            return details.write(self, out);
        }
        object(out, &self.extra, |out| {
            out.field("from", &self.from);
            out.field_opt("to", &self.to);
            out.field("messageId", &self.message_id);
            out.field("message", &self.message);
            out.field_opt("timestamp", &self.timestamp);
            out.field_opt("replyingTo", &self.replying_to);
            out.field("forwarded", &self.forwarded);
            out.field("frequentlyForwarded", &self.frequently_forwarded);
            out.field_opt("referral", &self.referral);
        });
    }
}

optional_strings! {
    /// The context of a reply (`replying_to`).
    pub struct ReplyingTo {
        /// The id of the message replied to.
        message_id: "message_id" => "messageId",
        /// MSISDN of the sender of that message.
        from: "from" => "from",
    }
}

/// The ad or post an inbound message answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    /// Headline of the ad or post.
    pub headline: Option<String>,
    /// Body of the ad or post.
    pub body: Option<String>,
    /// `ad` or `post`.
    pub source_type: Option<ReferralSourceType>,
    /// Facebook id of the ad or post.
    pub source_id: Option<String>,
    /// URL of the ad or post.
    pub source_url: Option<String>,
    /// The media in the ad or post.
    pub referral_media: Option<ReferralMedia>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Read for Referral {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            headline: fields.optional("headline")?,
            body: fields.optional("body")?,
            source_type: fields.optional("source_type")?,
            source_id: fields.optional("source_id")?,
            source_url: fields.optional("source_url")?,
            referral_media: fields.optional("referral_media")?,
            extra: fields.extra(&[
                "headline",
                "body",
                "source_type",
                "sourceType",
                "source_id",
                "sourceId",
                "source_url",
                "sourceUrl",
                "referral_media",
                "referralMedia",
            ]),
        })
    }
}

impl Write for Referral {
    fn write(&self, out: &mut Writer) {
        object(out, &self.extra, |out| {
            out.field_opt("headline", &self.headline);
            out.field_opt("body", &self.body);
            out.field_opt("sourceType", &self.source_type);
            out.field_opt("sourceId", &self.source_id);
            out.field_opt("sourceUrl", &self.source_url);
            out.field_opt("referralMedia", &self.referral_media);
        });
    }
}

optional_strings! {
    /// The media of a referral.
    pub struct ReferralMedia {
        /// The media type.
        kind: "type" => "type",
        /// Public URL of a copy of the media.
        url: "url" => "url",
    }
}
