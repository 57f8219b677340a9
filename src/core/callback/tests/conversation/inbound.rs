//! Inbound messages: a text with its quote, every kind of contact message, other kinds raw.

use super::*;

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
    let raw = std::str::from_utf8(include_bytes!("../../testdata/vector-a-body.json")).unwrap();
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
