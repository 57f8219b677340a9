//! What JS gets: unknown message types and fields kept as sent, camelCase names, no
//! wire field standing in for a typed one, numbers exactly as sent.

use super::*;

// ---- unknown content is kept ----

#[test]
fn unknown_message_types_are_kept_raw() {
    let raw = r#"{"type":"whatsapp","notifications":[
        {"from":"1","message_id":"m1","message":{"type":"order","order":{"catalog_id":"c","product_items":[{"product_retailer_id":"p","quantity":2}]},"text":"hi"}},
        {"from":"1","message_id":"m2","message":{"type":"interactive","message":{"type":"nfm_reply","response_json":"{}"}}},
        {"from":"1","message_id":"m3","message":{"type":"text","body":"still typed"}}]}"#;
    let cb = ok(raw);
    let InboundMessage::Other(order) = &cb.notifications[0].typed().message else {
        panic!("{:?}", cb.notifications[0].typed().message)
    };
    assert_eq!(order.kind, "order");
    assert_eq!(cb.notifications[0].typed().message.kind(), "order");
    assert_eq!(js(&order.raw)["order"]["product_items"][0]["quantity"], 2);
    assert_eq!(js(&order.raw)["type"], "order");
    // JS gets `type: "unknown"`, the wire type and the object verbatim, wire names and all.
    let expected: serde_json::Value = serde_json::from_str(raw).unwrap();
    let out = js(&cb);
    let order = &out["notifications"][0]["message"];
    assert_eq!(order["type"], "unknown");
    assert_eq!(order["rawType"], "order");
    assert_eq!(order["raw"], expected["notifications"][0]["message"]);
    let reply = &out["notifications"][1]["message"]["message"];
    assert_eq!(out["notifications"][1]["message"]["type"], "interactive");
    assert_eq!(reply["type"], "unknown");
    assert_eq!(reply["rawType"], "nfm_reply");
    assert_eq!(
        reply["raw"],
        expected["notifications"][1]["message"]["message"]
    );
    let InboundMessage::Interactive(i) = &cb.notifications[1].typed().message else {
        panic!()
    };
    assert_eq!(i.reply.kind(), "nfm_reply");
    assert!(
        matches!(&cb.notifications[2].typed().message, InboundMessage::Text(t) if t.body == "still typed")
    );
}

#[test]
fn unknown_fields_are_kept() {
    let cb = ok(r#"{"type":"whatsapp","callback_version":2,
        "statuses":[{"status":"success","state":"sent","message_id":"m","recipient":"+1",
            "conversation":{"id":"c1","origin":{"type":"user_initiated"}},
            "pricing":{"billable":true,"pricing_model":"CBP"}}],
        "contacts":[{"wa_id":"1","profile":{"name":"N","about":"x"},"user_id":"U1"}],
        "notifications":[{"from":"1","message_id":"m","in_group":"g","context":{"x":1},
            "message":{"type":"text","body":"b","preview":false}}]}"#);
    assert_eq!(extra(&cb.extra)["callback_version"], 2);
    let report = extra(&cb.statuses[0].typed().extra);
    assert_eq!(report["conversation"]["id"], "c1");
    assert_eq!(report["pricing"]["billable"], true);
    assert_eq!(extra(&cb.contacts[0].typed().extra)["user_id"], "U1");
    assert_eq!(extra(&cb.notifications[0].typed().extra)["in_group"], "g");
    let InboundMessage::Text(t) = &cb.notifications[0].typed().message else {
        panic!()
    };
    assert_eq!(extra(&t.extra)["preview"], false);
    assert!(!t.extra.contains_key("type"));
}

// ---- the JS shape ----

#[test]
fn serializes_camel_case_for_js() {
    let cb = ok(r#"{"type":"whatsapp",
        "statuses":[{"status":"success","state":"read","message_id":"s1","recipient":"+46732001122",
            "timestamp":"2020-05-02T18:40:42Z","pricing":{"billable":false}}],
        "contacts":[{"profile":{"name":"John Smith"},"wa_id":"46732001122"}],
        "notifications":[{"from":"46732001122","to":"sinchbot","message_id":"n1",
            "message":{"type":"interactive","message":{"type":"list","id":"r1","title":"T"}},
            "timestamp":"2021-06-07T13:38:36Z","replying_to":{"from":"4475","message_id":"o1"},
            "frequently_forwarded":true}]}"#);
    let out = js(&cb);
    assert_eq!(
        out,
        json!({
            "type": "whatsapp",
            "statuses": [{"status": "success", "state": "read", "messageId": "s1",
                "recipient": "+46732001122", "timestamp": "2020-05-02T18:40:42Z",
                "pricing": {"billable": false}}],
            "contacts": [{"waId": "46732001122", "profile": {"name": "John Smith"}}],
            "notifications": [{"from": "46732001122", "to": "sinchbot", "messageId": "n1",
                "message": {"type": "interactive", "message": {"type": "list", "id": "r1", "title": "T"}},
                "timestamp": "2021-06-07T13:38:36Z",
                "replyingTo": {"messageId": "o1", "from": "4475"},
                "forwarded": false, "frequentlyForwarded": true}]
        })
    );
    let empty = js(&ok(r#"{"type":"whatsapp"}"#));
    assert_eq!(
        empty,
        json!({"type":"whatsapp","statuses":[],"contacts":[],"notifications":[]})
    );
}

#[test]
fn unknown_fields_cannot_stand_in_for_typed_ones() {
    // A wire field spelled as a typed field's JS name would repeat that key in the
    // JSON text, and JS's JSON.parse keeps the last: it is not kept.
    let cb = ok(r#"{"type":"whatsapp",
        "statuses":[{"status":"success","state":"sent","message_id":"m","recipient":"+1","messageId":"spoof"}],
        "notifications":[{"from":"1","message_id":"n","replyingTo":{"from":"x"},"frequentlyForwarded":true,
            "message":{"type":"image","url":"u","mime_type":"a/b","mimeType":"spoof"}}]}"#);
    let out = js(&cb);
    assert_eq!(out["statuses"][0]["messageId"], "m");
    let n = &out["notifications"][0];
    assert_eq!(n.get("replyingTo"), None);
    assert_eq!(n["frequentlyForwarded"], false);
    assert_eq!(n["message"]["mimeType"], "a/b");
    assert!(!js_text(&cb).contains("spoof"));
}

#[test]
fn numbers_reach_js_exactly_as_sent() {
    let cb = ok(
        r#"{"type":"whatsapp","big":123456789012345678901234567890,"e":1E+2,
        "notifications":[{"from":"1","message_id":"m",
        "message":{"type":"location","latitude":59.330000,"longitude":-0.0}}]}"#,
    );
    let text = js_text(&cb);
    for number in [
        "123456789012345678901234567890",
        "1E+2",
        "59.330000",
        "-0.0",
    ] {
        assert!(text.contains(number), "{number} in {text}");
    }
}
