//! What the Conversation API's 2xx answers become for JS (brief §2.2, §3.2, §7.5).

use super::find;
use crate::core::error::Result;
use crate::core::json::{Object, Path, Value, Writer};
use crate::prelude::*;

/// Writes `{"<name>": …` (left open) into `out` with the string `key` of answer
/// `body`, which must have it.
fn with_id(out: &mut Writer, body: &Value, key: &str, name: &str) -> Result<()> {
    let id: String = Object::lenient(body, &Path::root("body"))?.required(key)?;
    out.open_object();
    out.field(name, &id);
    Ok(())
}

/// One recipient's `messages:send` answer `{message_id, accepted_time}` → its
/// entry `{"id", "status": "success", "state": "queued"}` (the 200 itself means
/// queued; the JS face adds the recipient).
pub fn sent(body: &Value) -> Result<String> {
    let mut out = Writer::new();
    with_id(&mut out, body, "message_id", "id")?;
    out.field("status", "success");
    out.field("state", "queued");
    out.close_object();
    Ok(out.finish())
}

/// One number's `capability:query` answer `{app_id, recipient, request_id}` →
/// `{"requestId"}`: the capability itself comes later, on the CAPABILITY webhook.
pub fn capability(body: &Value) -> Result<String> {
    let mut out = Writer::new();
    with_id(&mut out, body, "request_id", "requestId")?;
    out.close_object();
    Ok(out.finish())
}

/// A stored message (`GET …/messages/{id}`, a ConversationMessage) → `{"message":
/// {id, direction?, acceptTime?, channel?, identity?, raw}}`: what it is, who it
/// was with and when Sinch took it (each where it is a string); `raw` keeps the
/// whole stored message (the deprecated `message_status` included) as Sinch sent it.
pub fn stored(body: &Value) -> Result<String> {
    let mut out = Writer::new();
    out.open_object();
    out.key("message");
    with_id(&mut out, body, "id", "id")?;
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
