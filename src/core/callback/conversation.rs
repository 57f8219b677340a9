//! The Conversation API's callbacks as tables for the [`pass`](super::pass), in
//! today's shape: a `message_delivery_report` is one entry of `statuses`, a
//! `message` one entry of `notifications`, each with the envelope's fields
//! (`event_time` as `timestamp`, `correlation_id`, …) written into it. The typed
//! [`model`](super::model) reads the same fields in the same order.
//!
//! A body is a Conversation callback when it has no `type` and has `app_id` (a
//! field of every Conversation callback); its kind is [`kind`].

use super::schema::{next_word, same};
use crate::core::json::Value;
use crate::prelude::*;

/// The payload keys that name a callback's kind, in the order Sinch's Node SDK
/// looks for them (`ConversationCallbackWebhooks.parseEvent`).
const PAYLOADS: &str = concat!(
    "message message_redaction message_submit_notification message_delivery_report ",
    "event event_delivery_report conversation_start_notification ",
    "conversation_stop_notification conversation_delete_notification ",
    "contact_create_notification contact_delete_notification contact_merge_notification ",
    "contact_update_notification duplicated_identities capability_notification ",
    "opt_in_notification opt_out_notification channel_event_notification ",
    "unsupported_callback smart_conversation_notification record_notification"
);

/// A Conversation callback's kind: the first of [`PAYLOADS`] among its keys,
/// wherever it stands; without one, its first key `envelope` does not name (`""`
/// for none).
pub(super) fn kind(members: &[(String, Value)], envelope: impl Fn(&str) -> bool) -> &str {
    let mut words = PAYLOADS;
    while let Some(word) = next_word(&mut words) {
        if members.iter().any(|(key, _)| same(key, word)) {
            return word;
        }
    }
    let other = members.iter().find(|(key, _)| !envelope(key));
    other.map_or("", |(key, _)| key)
}

/// The envelope's fields, as written into the entry.
macro_rules! envelope {
    () => {
        concat!(
            "s.event_time>timestamp s.accepted_time s.correlation_id ",
            "s.message_metadata s.app_id s.project_id"
        )
    };
}

/// The envelope's fields (a body with no payload key of [`PAYLOADS`] is of the
/// kind of its first field outside them).
pub(super) const ENVELOPE: &str = envelope!();

/// The names an entry gets from the envelope: never kept from the payload.
macro_rules! from_envelope {
    () => {
        "~kind ~timestamp ~acceptedTime ~correlationId ~messageMetadata ~appId ~projectId"
    };
}

/// A `message_delivery_report` callback (the whole body) as a `statuses` entry
/// (`report_body`), a `message` callback as a `notifications` entry (`inbound_body`):
/// each its payload, then the envelope; and the shapes below them. (A macro: the
/// schema's one text is put together from it at compile time.)
macro_rules! lines {
    () => {
        concat!(
            "report_body F!message_delivery_report@report ",
            $crate::core::callback::conversation::envelope!(),
            "\n",
            "inbound_body F!message@inbound ",
            $crate::core::callback::conversation::envelope!(),
            "\n",
            "report+ O!status S!status>state s!message_id F!channel_identity@recipient ",
            "o.reason F.reason@details s!status>conversationStatus s.conversation_id ",
            "s.contact_id s.metadata s.processing_mode ",
            "~recipient ~channel ~details ",
            $crate::core::callback::conversation::from_envelope!(),
            "\n",
            "recipient s!identity>recipient s.channel\n",
            "details s.description>details\n",
            // A delivery report's or a fallback message's `reason`.
            "reason+ s.code s.description s.sub_code a.channel_code\n",
            "inbound+ F!channel_identity@sender s.sender_id>to s!id>messageId ",
            "k!contact_message>message@contents F!contact_message@reply f.forwarded ",
            "f.frequently_forwarded s.conversation_id ",
            "s.contact_id s.metadata s.accept_time s.processing_mode ",
            "s.direction a.injected ~from ~channel ~replyingTo ~referral ",
            $crate::core::callback::conversation::from_envelope!(),
            "\n",
            "sender s!identity>from s.channel\n",
            "reply o.reply_to>replyingTo\n",
            "reply_to s.message_id\n",
            // The kinds of a `contact_message`; another is kept as sent.
            "contents text_message>text@c_text media_message>media@c_media ",
            "media_card_message>media_card@media_card location_message>location@c_location ",
            "choice_response_message>choice@choice^interactive ",
            "product_response_message>product_response@products fallback_message>fallback@fallback ",
            "channel_specific_message>channel_specific@channel_specific\n",
            "c_text+ s!text>body ~type\n",
            "c_media+ s!url s.thumbnail_url s.filename_override>filename ~type ~mimeType\n",
            "media_card+ s!url s.caption ~type ~mimeType\n",
            "c_location+ F!coordinates s.title>name s.label>address ",
            "~type ~latitude ~longitude\n",
            "coordinates n!latitude n!longitude\n",
            "choice+ s!postback_data>id s.message_id ~type ~title\n",
            "products+ lo.products@product s.text s.catalog_id ~type\n",
            "product+ s.id s.marketplace n.quantity n.item_price s.currency\n",
            "fallback+ s.raw_message o.reason ~type\n",
            "channel_specific+ s!message_type a.message ~type\n",
        )
    };
}
pub(super) use {envelope, from_envelope, lines};
