//! Malformed entries: kept, each naming its place from the root.

use super::*;

/// The one malformed entry of a Conversation body: its place, its rule, and the whole body as `raw`.
fn malformed_conversation(raw: &str, field: &str, words: &str) {
    let cb = parse(raw).unwrap_or_else(|e| panic!("{e}\n{raw}"));
    let bad = (cb.statuses.iter().filter_map(Entry::invalid))
        .chain(cb.notifications.iter().filter_map(Entry::invalid))
        .collect::<Vec<_>>();
    let [entry] = bad[..] else {
        panic!("not one malformed entry: {bad:?}")
    };
    assert_eq!(entry.error.field, field, "{}", entry.error.message);
    assert!(
        entry.error.message.contains(words),
        "{}",
        entry.error.message
    );
    assert_eq!(
        js(&entry.raw),
        serde_json::from_str::<serde_json::Value>(raw).unwrap()
    );
}

#[test]
fn malformed_entries_name_the_place_from_the_root() {
    let no_identity = body(
        "message_delivery_report",
        json!({ "message_id": "M1", "status": "READ" }),
    );
    malformed_conversation(
        &no_identity,
        "message_delivery_report.channel_identity",
        "is required",
    );
    let no_status = body(
        "message_delivery_report",
        json!({ "message_id": "M1", "channel_identity": { "identity": "1" } }),
    );
    malformed_conversation(&no_status, "message_delivery_report.status", "is required");
    let number = body(
        "message_delivery_report",
        json!({ "message_id": "M1", "status": 5, "channel_identity": { "identity": "1" } }),
    );
    malformed_conversation(
        &number,
        "message_delivery_report.status",
        "must be a string",
    );
    let reason = body(
        "message_delivery_report",
        json!({ "message_id": "M1", "status": "FAILED", "channel_identity": { "identity": "1" }, "reason": { "code": 1, "description": 2 } }),
    );
    malformed_conversation(
        &reason,
        "message_delivery_report.reason.code",
        "must be a string",
    );
    malformed_conversation(
        &report("READ").replace(
            r#""event_time":"2024-05-02T10:15:30Z""#,
            r#""event_time":7"#,
        ),
        "event_time",
        "must be a string",
    );
    malformed_conversation(
        &body("message_delivery_report", json!([])),
        "message_delivery_report",
        "must be an object",
    );
    malformed_conversation(
        &inbound(json!({})),
        "message.contact_message",
        "must hold a message",
    );
    malformed_conversation(
        &inbound(json!({ "reply_to": { "message_id": "M" } })),
        "message.contact_message",
        "must hold a message",
    );
    malformed_conversation(
        &inbound(json!({ "text_message": null })),
        "message.contact_message.text_message",
        "must be an object",
    );
    malformed_conversation(
        &inbound(json!({ "text_message": { "text": 1 } })),
        "message.contact_message.text_message.text",
        "must be a string",
    );
    malformed_conversation(
        &inbound(json!({ "location_message": { "coordinates": { "latitude": "55" } } })),
        "message.contact_message.location_message.coordinates.latitude",
        "must be a number",
    );
    malformed_conversation(
        &inbound(json!({ "media_message": {} })),
        "message.contact_message.media_message.url",
        "is required",
    );
    malformed_conversation(
        &inbound(json!({ "choice_response_message": { "message_id": "M" } })),
        "message.contact_message.choice_response_message.postback_data",
        "is required",
    );
    malformed_conversation(
        &inbound(json!({ "product_response_message": { "products": [{ "quantity": "2" }] } })),
        "message.contact_message.product_response_message.products[0].quantity",
        "must be a number",
    );
    malformed_conversation(
        &inbound(json!("text")),
        "message.contact_message",
        "must be an object",
    );
    let no_from = body(
        "message",
        json!({ "id": "IN", "contact_message": { "text_message": { "text": "x" } } }),
    );
    malformed_conversation(&no_from, "message.channel_identity", "is required");
    let twice =
        report("READ").replace(r#""status":"READ""#, r#""status":"READ","status":"FAILED""#);
    malformed_conversation(&twice, "message_delivery_report.status", "is given twice");
}
