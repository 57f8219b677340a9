//! What makes a body a Conversation callback, and its kind: a known payload key wherever
//! it stands, unknown keys kept beside it and never standing in for typed ones.

use super::*;

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
