//! What the Conversation API's 2xx answers become for JS (brief §2.2, §3.2, §7.5).

use super::find;
use crate::core::error::Result;
use crate::core::json::{Value, Writer};
use crate::core::ops::answers::{pass, Kind, Member, Need};
use crate::prelude::*;

/// The one required string member `wire` of answer `body`, as JS's `js`: read by the
/// op tables' pass ([`pass`]), so its errors are theirs (`body.message_id: is required`).
const fn id(wire: &'static str, js: &'static str) -> [Member; 1] {
    [Member {
        wire,
        js,
        kind: &Kind::Str,
        need: Need::Required,
    }]
}

const MESSAGE_ID: [Member; 1] = id("message_id", "id");
const REQUEST_ID: [Member; 1] = id("request_id", "requestId");
const ID: [Member; 1] = id("id", "id");

/// Writes `{"<js>": …` (left open) into `out`: `id` of answer `body`.
fn with_id(out: &mut Writer, body: &Value, id: &'static [Member]) -> Result<()> {
    let object = pass(body, id)?;
    out.raw(object.strip_suffix("}").unwrap_or_default());
    Ok(())
}

/// One recipient's `messages:send` answer `{message_id, accepted_time}` → its
/// entry `{"id", "status": "success", "state": "queued"}` (the 200 itself means
/// queued; the JS face adds the recipient).
pub fn sent(body: &Value) -> Result<String> {
    let mut out = Writer::new();
    with_id(&mut out, body, &MESSAGE_ID)?;
    out.field("status", "success");
    out.field("state", "queued");
    out.close_object();
    Ok(out.finish())
}

/// One number's `capability:query` answer `{app_id, recipient, request_id}` →
/// `{"requestId"}`: the capability itself comes later, on the CAPABILITY webhook.
pub fn capability(body: &Value) -> Result<String> {
    pass(body, &REQUEST_ID)
}

/// A stored message (`GET …/messages/{id}`, a ConversationMessage) → `{"message":
/// {id, direction?, acceptTime?, channel?, identity?, raw}}`: what it is, who it
/// was with and when Sinch took it (each where it is a string); `raw` keeps the
/// whole stored message (the deprecated `message_status` included) as Sinch sent it.
pub fn stored(body: &Value) -> Result<String> {
    let mut out = Writer::new();
    out.open_object();
    out.key("message");
    with_id(&mut out, body, &ID)?;
    const FOUND: &[(&str, &str)] = &[
        ("direction", "direction"),
        ("acceptTime", "accept_time"),
        ("channel", "channel_identity.channel"),
        ("identity", "channel_identity.identity"),
    ];
    for (name, path) in FOUND {
        if let Some(Value::String(text)) = find(body, path) {
            out.field(name, text);
        }
    }
    out.field("raw", body);
    out.close_object();
    out.close_object();
    Ok(out.finish())
}
