//! `correlationId` → `correlation_id` (≤128 characters), `ttl` → `"<n>s"` (3 to
//! 315576000000 seconds), and `channelSpecificMessage` →
//! `message.channel_specific_message.WHATSAPP { message_type, message }`: a Flow
//! checked by brief §2.3 and written in its wire names (`flowId` → `flow_id`, …;
//! `flowActionPayload.data` as written), an order's object passed through as written.

use super::walk;
use crate::core::error::{Error, Result};
use crate::core::json::{Value, Writer};
use crate::core::message::{sub, ChannelSpecific, Extras, FlowHeader, Flows};
use crate::core::rules::{check_chars, check_http_url, check_required};
use crate::prelude::*;

/// Longest `correlation_id`.
const MAX_CORRELATION_ID_CHARS: usize = 128;
/// Shortest and longest `ttl`, in seconds.
const TTL_SECONDS: core::ops::RangeInclusive<u64> = 3..=315_576_000_000;
const FLOW: &str = "channelSpecificMessage.message";

/// The Conversation rules on the extras.
pub(super) fn validate(extras: &Extras) -> Result<()> {
    if let Some(id) = &extras.correlation_id {
        check_chars("correlationId", id, 1, MAX_CORRELATION_ID_CHARS)?;
    }
    if extras.ttl.is_some_and(|ttl| !TTL_SECONDS.contains(&ttl)) {
        return Err(Error::invalid(
            "ttl",
            "must be whole seconds from 3 to 315576000000",
        ));
    }
    match &extras.channel_specific_message {
        Some(ChannelSpecific::Flows(flows)) => validate_flows(flows),
        _ => Ok(()),
    }
}

/// Brief §2.3: `flow_id` required, `flow_cta` ≤20, body ≤1024, footer ≤60, the
/// enums, and a header's text (≤60, WhatsApp's header limit) or http(s) link.
fn validate_flows(flows: &Flows) -> Result<()> {
    check_required(&sub(FLOW, "flowId"), &flows.flow_id)?;
    check_chars(&sub(FLOW, "flowCta"), &flows.flow_cta, 1, 20)?;
    one_of(
        &flows.flow_mode,
        "flowMode",
        &["draft", "published"],
        r#"must be "draft" or "published""#,
    )?;
    one_of(
        &flows.flow_action,
        "flowAction",
        &["navigate", "data_exchange"],
        r#"must be "navigate" or "data_exchange""#,
    )?;
    match &flows.header {
        Some(FlowHeader::Text(text)) => check_chars(&sub(FLOW, "header.text"), text, 1, 60)?,
        Some(FlowHeader::Media(kind, link)) => {
            check_http_url(&[FLOW, ".header.", kind, ".link"].concat(), link)?
        }
        None => {}
    }
    if let Some(body) = &flows.body {
        check_chars(&sub(FLOW, "body.text"), &body.text, 1, 1024)?;
    }
    match &flows.footer {
        Some(footer) => check_chars(&sub(FLOW, "footer.text"), &footer.text, 1, 60),
        None => Ok(()),
    }
}

/// `value`, when given, is one of `allowed`; otherwise the error says `rule`.
fn one_of(value: &Option<String>, leaf: &str, allowed: &[&str], rule: &str) -> Result<()> {
    match value {
        Some(given) if !allowed.contains(&given.as_str()) => {
            Err(Error::invalid(&sub(FLOW, leaf), rule))
        }
        _ => Ok(()),
    }
}

/// `"channel_specific_message": { WHATSAPP: { message_type, message } }` (a table
/// for [`walk`]): a Flow in its wire names (an order: as written, see
/// [`channel_specific`]).
const FLOWS: &str =
    "channelSpecificMessage.messageType>channel_specific_message.WHATSAPP.message_type;\
    channelSpecificMessage.message>channel_specific_message.WHATSAPP.message(\
    flowId>flow_id;flowCta>flow_cta;flowToken>flow_token;flowMode>flow_mode;\
    flowAction>flow_action;flowActionPayload>flow_action_payload(screen;data);\
    header(type;text;image;video;document);body(text);footer(text))";
/// `"channel_specific_message": …` of `request` (the caller's), if `extras` has one.
pub(super) fn channel_specific(extras: &Extras, request: &Value, out: &mut Writer) {
    // An order's message is written as it is: the table without the Flow's part.
    let table = match extras.channel_specific_message {
        Some(ChannelSpecific::Flows(_)) => FLOWS,
        _ => FLOWS.split_once('(').map_or(FLOWS, |(order, _)| order),
    };
    walk(request, table, out);
}
