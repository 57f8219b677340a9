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

#[test]
fn vector_b_is_a_failed_report_in_todays_shape() {
    let raw = std::str::from_utf8(include_bytes!("testdata/tv-body.json")).unwrap();
    let cb = ok(raw);
    assert!(cb.conversation && cb.unknown.is_none());
    let report = cb.statuses[0].typed();
    assert_eq!(
        (&report.status, &report.state),
        (&DeliveryStatus::Failure, &DeliveryState::Failed)
    );
    assert_eq!(report.details.as_deref(), Some("Räksmörgås window closed"));
    assert_eq!(
        js(&cb),
        json!({ "type": "whatsapp", "api": "conversation", "contacts": [], "notifications": [], "statuses": [{
            "status": "failure", "state": "failed", "messageId": "01EXAMPLEMSG0000000000000", "recipient": "46732001122",
            "channel": "WHATSAPP", "details": "Räksmörgås window closed", "conversationStatus": "FAILED",
            "reason": { "code": "OUTSIDE_ALLOWED_SENDING_WINDOW", "description": "Räksmörgås window closed", "subCode": "UNSPECIFIED_SUB_CODE" },
            "metadata": "order-42", "processingMode": "DISPATCH", "timestamp": "2024-05-02T10:15:30Z",
            "acceptedTime": "2024-05-02T10:15:31.512Z", "messageMetadata": "", "appId": "01EXAMPLEAPP0000000000000",
            "projectId": "11111111-2222-3333-4444-555555555555" }] })
    );
}

#[test]
fn every_status_maps_to_todays_state_and_is_kept() {
    for (status, outcome, state) in [
        ("QUEUED_ON_CHANNEL", "success", "dispatched"),
        ("DELIVERED", "success", "delivered"),
        ("READ", "success", "read"),
        ("FAILED", "failure", "failed"),
        ("SWITCHING_CHANNEL", "success", "switching_channel"),
        ("QUEUED", "success", "queued"),
        ("SOMETHING_NEW", "success", "something_new"),
        ("failed", "success", "failed"),
    ] {
        let out = js_of(&report(status));
        assert_eq!(
            out["statuses"][0],
            with_envelope(
                json!({ "status": outcome, "state": state, "messageId": "M1", "recipient": "46732001122",
                "channel": "WHATSAPP", "conversationStatus": status, "conversationId": "", "contactId": "",
                "metadata": "order-42", "processingMode": "DISPATCH" })
            ),
            "{status}"
        );
    }
}

#[test]
fn a_failure_keeps_its_reason() {
    let raw = body(
        "message_delivery_report",
        json!({ "message_id": "M2", "status": "FAILED", "channel_identity": { "identity": "46732001999" },
                "reason": { "code": "RECIPIENT_NOT_OPTED_IN", "description": "no opt-in", "sub_code": "UNSPECIFIED_SUB_CODE", "channel_code": 131047, "new": 1 } }),
    );
    let out = js_of(&raw);
    let report = &out["statuses"][0];
    assert_eq!(report["status"], "failure");
    assert_eq!(report["details"], "no opt-in");
    assert_eq!(
        report["reason"],
        json!({ "code": "RECIPIENT_NOT_OPTED_IN", "description": "no opt-in", "subCode": "UNSPECIFIED_SUB_CODE", "channelCode": 131047, "new": 1 })
    );
}

#[test]
fn an_inbound_text_with_a_quote() {
    let out = js_of(&inbound(
        json!({ "text_message": { "text": "Hej!" }, "reply_to": { "message_id": "M1" } }),
    ));
    assert_eq!(
        out["notifications"][0],
        with_envelope(
            json!({ "from": "46700000001", "channel": "WHATSAPP", "to": "46732000000", "messageId": "IN1",
            "message": { "type": "text", "body": "Hej!" }, "replyingTo": { "messageId": "M1" },
            "forwarded": false, "frequentlyForwarded": false, "acceptTime": "2024-05-02T10:15:29Z",
            "processingMode": "DISPATCH", "direction": "TO_APP", "injected": false })
        )
    );
    assert_eq!(out["statuses"], json!([]));
    let cb = ok(&inbound(json!({ "text_message": { "text": "Hej!" } })));
    let n = cb.notifications[0].typed();
    assert!(matches!(&n.message, InboundMessage::Text(t) if t.body == "Hej!"));
    assert_eq!(n.timestamp.as_deref(), Some("2024-05-02T10:15:30Z"));
    assert_eq!(
        n.conversation
            .as_ref()
            .and_then(|c| c.envelope.correlation_id.as_deref()),
        Some("corr-1")
    );
}

#[test]
fn every_kind_of_contact_message() {
    let message =
        |contact_message| js_of(&inbound(contact_message))["notifications"][0]["message"].clone();
    for (sent, expected) in [
        (
            json!({ "media_message": { "url": "https://x/a.jpg", "thumbnail_url": "https://x/t.jpg", "filename_override": "a.jpg", "sha": "1" } }),
            json!({ "type": "media", "url": "https://x/a.jpg", "thumbnailUrl": "https://x/t.jpg", "filename": "a.jpg", "sha": "1" }),
        ),
        (
            json!({ "media_card_message": { "url": "https://x/v.mp4", "caption": "look", "mimeType": "video/mp4" } }),
            json!({ "type": "media_card", "url": "https://x/v.mp4", "caption": "look" }),
        ),
        (
            json!({ "location_message": { "coordinates": { "latitude": 55.7047, "longitude": 13.191 }, "title": "Office", "label": "Lund" } }),
            json!({ "type": "location", "latitude": 55.7047, "longitude": 13.191, "name": "Office", "address": "Lund" }),
        ),
        (
            json!({ "choice_response_message": { "message_id": "M1", "postback_data": "yes" } }),
            json!({ "type": "interactive", "message": { "type": "choice", "id": "yes", "messageId": "M1" } }),
        ),
        (
            json!({ "product_response_message": { "products": [{ "id": "p1", "marketplace": "FACEBOOK", "quantity": 2, "item_price": 9.5, "currency": "SEK" }], "text": "cart", "catalog_id": "c1" } }),
            json!({ "type": "product_response", "products": [{ "id": "p1", "marketplace": "FACEBOOK", "quantity": 2, "itemPrice": 9.5, "currency": "SEK" }], "text": "cart", "catalogId": "c1" }),
        ),
        (
            json!({ "fallback_message": { "raw_message": "{…}", "reason": { "code": "UNSUPPORTED_OPERATION" } } }),
            json!({ "type": "fallback", "rawMessage": "{…}", "reason": { "code": "UNSUPPORTED_OPERATION" } }),
        ),
        (
            json!({ "channel_specific_message": { "message_type": "nfm_reply", "message": { "type": "nfm_reply", "nfm_reply": { "name": "flow", "response_json": "{\"a\":1}", "body": "Sent" } } } }),
            json!({ "type": "channel_specific", "messageType": "nfm_reply", "message": { "type": "nfm_reply", "nfm_reply": { "name": "flow", "response_json": "{\"a\":1}", "body": "Sent" } } }),
        ),
        (
            json!({ "reply_to": { "message_id": "M0" }, "contact_info_message": { "name": "x" } }),
            json!({ "type": "unknown", "rawType": "contact_info_message", "raw": { "reply_to": { "message_id": "M0" }, "contact_info_message": { "name": "x" } } }),
        ),
        (
            json!({ "product_response_message": {} }),
            json!({ "type": "product_response", "products": [] }),
        ),
    ] {
        assert_eq!(message(sent.clone()), expected, "{sent}");
    }
}

#[test]
fn other_kinds_are_kept_raw() {
    let raw = std::str::from_utf8(include_bytes!("testdata/vector-a-body.json")).unwrap();
    let out = js_of(raw);
    assert_eq!(out["unknown"]["type"], "unknown");
    assert_eq!(out["unknown"]["rawType"], "contact_create_notification");
    assert_eq!(
        out["unknown"]["raw"],
        serde_json::from_str::<serde_json::Value>(raw).unwrap()
    );
    assert_eq!(
        (out["statuses"].clone(), out["notifications"].clone()),
        (json!([]), json!([]))
    );
    // A reaction (EVENT_INBOUND) has no place in today's model: kept raw too.
    let reaction = body(
        "event",
        json!({ "contact_message_event": { "reaction_event": { "emoji": "👍", "action": "REACTION_ACTION_REACT", "message_id": "M1" } } }),
    );
    assert_eq!(js_of(&reaction)["unknown"]["rawType"], "event");
    // No payload at all; an unknown key alone is the kind.
    assert_eq!(js_of(r#"{"app_id":""}"#)["unknown"]["rawType"], "");
    assert_eq!(js_of(r#"{"app_id":"","x":1}"#)["unknown"]["rawType"], "x");
}

/// The kind is the first payload key in the SDK's order, wherever it stands; the other
/// keys (a `trigger`, a second payload) are kept beside it. The reviewer's two bodies
/// first: a `trigger` before the report no longer makes it `unknown`.
#[test]
fn the_kind_is_a_known_payload_key_wherever_it_stands() {
    let report = r#"{"message_id":"m1","status":"DELIVERED","channel_identity":{"identity":"1"}}"#;
    let trigger = r#""trigger":"MESSAGE_DELIVERY""#;
    for raw in [
        format!(r#"{{"app_id":"A","message_delivery_report":{report},{trigger}}}"#),
        format!(r#"{{"app_id":"A",{trigger},"message_delivery_report":{report}}}"#),
    ] {
        let out = js_of(&raw);
        assert_eq!(out["statuses"][0]["state"], "delivered", "{raw}");
        assert!(out.get("unknown").is_none(), "{raw}");
        assert_eq!(out["trigger"], "MESSAGE_DELIVERY");
    }
    let event = js_of(r#"{"app_id":"A","trigger":"EVENT_INBOUND","event":{}}"#);
    assert_eq!(event["unknown"]["rawType"], "event");
    let two = format!(
        r#"{{"app_id":"A","message_delivery_report":{report},"x":[1],"message":{{}},"api":1}}"#
    );
    let two = js_of(&two);
    assert_eq!(two["notifications"][0]["kind"], "invalid");
    assert_eq!(two["statuses"], json!([]));
    assert_eq!(two["message_delivery_report"]["message_id"], "m1");
    assert_eq!(
        (two["x"].clone(), two["api"].clone()),
        (json!([1]), json!("conversation"))
    );
}

#[test]
fn unknown_keys_are_kept_and_cannot_stand_in_for_typed_ones() {
    let raw = body(
        "message_delivery_report",
        json!({ "message_id": "M1", "status": "READ", "channel_identity": { "identity": "1" }, "new_field": [1],
                "recipient": "forged", "timestamp": "forged", "state": "forged", "details": "forged", "kind": "invalid", "correlationId": "forged" }),
    );
    let report = js_of(&raw)["statuses"][0].clone();
    assert_eq!(report["new_field"], json!([1]));
    assert_eq!(
        (report["recipient"].clone(), report["state"].clone()),
        (json!("1"), json!("read"))
    );
    assert_eq!(
        (report["timestamp"].clone(), report["correlationId"].clone()),
        (json!("2024-05-02T10:15:30Z"), json!("corr-1"))
    );
    assert!(report.get("kind").is_none() && report.get("details").is_none());
    let raw = inbound(
        json!({ "text_message": { "text": "x", "body": "forged", "type": "forged", "lang": "sv" } }),
    );
    let message = js_of(&raw)["notifications"][0]["message"].clone();
    assert_eq!(
        message,
        json!({ "type": "text", "body": "x", "lang": "sv" })
    );
}

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

#[test]
fn what_is_a_conversation_callback() {
    // No `type` and an `app_id`: Conversation. A `type` keeps today's rules.
    fails("{}", "type: is required");
    fails(r#"{"message":{}}"#, "type: is required");
    fails(
        r#"{"type":"sms","app_id":"A"}"#,
        r#"type: must be "whatsapp""#,
    );
    let standalone = ok(r#"{"type":"whatsapp","app_id":"A"}"#);
    assert!(!standalone.conversation);
    assert_eq!(js(&standalone)["app_id"], "A");
    assert!(ok(r#"{"type":null,"app_id":"A"}"#).conversation);
    fails(
        r#"{"type":"whatsapp","type":null,"app_id":"A"}"#,
        "type: is given twice",
    );
}
