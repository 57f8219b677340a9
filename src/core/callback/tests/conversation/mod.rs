//! Conversation API callbacks: each kind in today's shape, every status, unknown
//! kinds and keys kept, malformed entries kept with their place; the typed model and
//! the schema pass held to the same text by [`parse`].

use super::*;

/// What JS gets for a body, through the harness (model and pass compared).
fn js_of(raw: &str) -> serde_json::Value {
    js(&parse(raw).unwrap_or_else(|e| panic!("{e}\n{raw}")))
}

/// A body of `kind` with the envelope Sinch sends.
fn body(kind: &str, payload: serde_json::Value) -> String {
    json!({
        "app_id": "APP", "accepted_time": "2024-05-02T10:15:31Z", "event_time": "2024-05-02T10:15:30Z",
        "project_id": "PROJ", kind: payload, "message_metadata": "meta", "correlation_id": "corr-1"
    })
    .to_string()
}

fn report(status: &str) -> String {
    body(
        "message_delivery_report",
        json!({ "message_id": "M1", "status": status, "channel_identity": { "channel": "WHATSAPP", "identity": "46732001122", "app_id": "APP" },
                "conversation_id": "", "contact_id": "", "metadata": "order-42", "processing_mode": "DISPATCH" }),
    )
}

fn inbound(contact_message: serde_json::Value) -> String {
    body(
        "message",
        json!({ "id": "IN1", "direction": "TO_APP", "channel_identity": { "channel": "WHATSAPP", "identity": "46700000001", "app_id": "APP" },
                "contact_message": contact_message, "sender_id": "46732000000", "accept_time": "2024-05-02T10:15:29Z", "processing_mode": "DISPATCH", "injected": false }),
    )
}

const ENVELOPE: [(&str, &str); 6] = [
    ("timestamp", "2024-05-02T10:15:30Z"),
    ("acceptedTime", "2024-05-02T10:15:31Z"),
    ("correlationId", "corr-1"),
    ("messageMetadata", "meta"),
    ("appId", "APP"),
    ("projectId", "PROJ"),
];

fn with_envelope(mut entry: serde_json::Value) -> serde_json::Value {
    for (key, value) in ENVELOPE {
        entry[key] = json!(value);
    }
    entry
}

mod inbound;
mod kinds;
mod malformed;
mod reports;
