//! `correlationId` → `correlation_id` (≤128 characters), `ttl` → `"<n>s"` (3 to
//! 315576000000 seconds), and `channelSpecificMessage` →
//! `message.channel_specific_message.WHATSAPP { message_type, message }`: a Flow
//! (checked by brief §2.3 with the rest of the send, `message::schema`) written in its wire names (`flowId` → `flow_id`, …;
//! `flowActionPayload.data` as written), an order's object passed through as written.

use super::{find, walk};
use crate::core::error::Result;
use crate::core::json::{Path, Value, Writer};
use crate::core::whatwg::cut;

/// `"channel_specific_message": { WHATSAPP: { message_type, message } }` (a table
/// for [`walk`]): a Flow in its wire names (an order: as written, see
/// [`channel_specific`]).
const FLOWS: &str =
    "channelSpecificMessage.messageType>channel_specific_message.WHATSAPP.message_type;\
    channelSpecificMessage.message>channel_specific_message.WHATSAPP.message(\
    flowId>flow_id;flowCta>flow_cta;flowToken>flow_token;flowMode>flow_mode;\
    flowAction>flow_action;flowActionPayload>flow_action_payload(screen;data);\
    header(type;text;image;video;document);body(text);footer(text))";
/// `"channel_specific_message": …` of `request` (the caller's, checked), if it has one.
pub(super) fn channel_specific(request: &Value, out: &mut Writer) -> Result<()> {
    // An order's message is written as it is: the table without the Flow's part.
    let table = match find(request, "channelSpecificMessage.messageType") {
        Some(Value::String(kind)) if kind == "FLOWS" => FLOWS,
        _ => cut(FLOWS, b"(").map_or(FLOWS, |(order, _)| order),
    };
    walk(request, &Path::root(""), table, out)
}
