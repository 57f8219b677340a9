//! Inbound notifications: the sender, the time, the message replied to, the ad or post answered.

use super::message::InboundMessage;
use super::wire::{null_as_default, open_enum};
use super::Extra;
use serde::{Deserialize, Serialize};

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
