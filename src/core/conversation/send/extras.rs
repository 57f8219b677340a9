//! `channelSpecificMessage` → `message.channel_specific_message.WHATSAPP {
//! message_type, message }`: a Flow (checked by brief §2.3 with the rest of the send,
//! `message::schema`) or an order's object, written by the message writer: the
//! schema's names in snake_case are the wire's (`flowId` → `flow_id`, …), an order's
//! object and `flowActionPayload.data` as written.

use crate::core::json::{Value, Writer};
use crate::core::message::{one, schema::CHANNEL_SPECIFIC};

/// `"channel_specific_message": …` of `request` (the caller's, checked), if it has one.
pub(super) fn channel_specific(request: &Value, out: &mut Writer) {
    if let Some(value) = super::find(request, "channelSpecificMessage") {
        out.key("channel_specific_message");
        out.open_object();
        out.key("WHATSAPP");
        one(value, CHANNEL_SPECIFIC, out);
        out.close_object();
    }
}
