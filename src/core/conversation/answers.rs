//! What the Conversation API's 2xx answers become for JS (brief §2.2, §3.2, §7.5).

use crate::core::error::Result;
use crate::core::json::{Object, Path, Value, Writer};
use crate::prelude::*;

/// One recipient's `messages:send` answer `{message_id, accepted_time}` → its
/// entry `{"id", "status": "success", "state": "queued"}` (the 200 itself means
/// queued; the JS face adds the recipient).
pub fn sent(body: &Value) -> Result<String> {
    let at = Path::root("body");
    let id: String = Object::lenient(body, &at)?.required("message_id")?;
    let mut out = Writer::new();
    out.open_object();
    out.field("id", &id);
    out.field("status", "success");
    out.field("state", "queued");
    out.close_object();
    Ok(out.finish())
}

/// One number's `capability:query` answer `{app_id, recipient, request_id}` →
/// `{"requestId"}`: the capability itself comes later, on the CAPABILITY webhook.
pub fn capability(body: &Value) -> Result<String> {
    let at = Path::root("body");
    let id: String = Object::lenient(body, &at)?.required("request_id")?;
    let mut out = Writer::new();
    out.open_object();
    out.field("requestId", &id);
    out.close_object();
    Ok(out.finish())
}

/// A stored message (`GET …/messages/{id}`, a ConversationMessage) → `{"message":
/// {id, direction?, acceptTime?, channel?, identity?, raw}}`: what it is, who it
/// was with and when Sinch took it (each where it is a string); `raw` keeps the
/// whole stored message (the deprecated `message_status` included) as Sinch sent it.
pub fn stored(body: &Value) -> Result<String> {
    let at = Path::root("body");
    let id: String = Object::lenient(body, &at)?.required("id")?;
    let mut out = Writer::new();
    out.open_object();
    out.key("message");
    out.open_object();
    out.field("id", &id);
    let identity = body.get("channel_identity");
    let found = [
        ("direction", body.get("direction")),
        ("acceptTime", body.get("accept_time")),
        ("channel", identity.and_then(|i| i.get("channel"))),
        ("identity", identity.and_then(|i| i.get("identity"))),
    ];
    for (name, value) in found {
        if let Some(text) = value.and_then(Value::as_str) {
            out.field(name, text);
        }
    }
    out.key("raw");
    out.raw(&body.to_text());
    out.close_object();
    out.close_object();
    Ok(out.finish())
}
