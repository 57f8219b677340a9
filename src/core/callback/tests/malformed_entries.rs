//! A malformed entry is kept in its place, naming the part at fault without quoting
//! the input; the other entries are typed.

use super::*;

#[test]
fn one_malformed_entry_does_not_cost_the_others() {
    // The issue's two cases: a status without `status`, an image without `url`.
    let cb = parse(
        r#"{"type":"whatsapp",
        "statuses":[
            {"status":"success","state":"delivered","message_id":"m1","recipient":"+1"},
            {"state":"read","message_id":"m2","recipient":"+1"},
            {"status":"success","state":"read","message_id":"m3","recipient":"+1"}],
        "contacts":[{"wa_id":"1"},{"profile":{"name":"x"}}],
        "notifications":[
            {"from":"1","message_id":"n1","message":{"type":"image","mime_type":"image/png"}},
            {"from":"1","message_id":"n2","message":{"type":"text","body":"kept"}}]}"#,
    )
    .unwrap();
    let ids: Vec<&str> = cb
        .statuses
        .iter()
        .filter_map(Entry::valid)
        .map(|s| s.message_id.as_str())
        .collect();
    assert_eq!(ids, ["m1", "m3"]);
    let bad = cb.statuses[1].invalid().unwrap();
    assert_eq!(bad.error.field, "statuses[1].status");
    assert_eq!(
        bad.raw.get("message_id").and_then(Value::as_str),
        Some("m2")
    );
    assert_eq!(cb.contacts[0].typed().wa_id, "1");
    assert_eq!(
        cb.contacts[1].invalid().unwrap().error.field,
        "contacts[1].wa_id"
    );
    let image = cb.notifications[0].invalid().unwrap();
    assert_eq!(image.error.field, "notifications[0].message.url");
    assert_eq!(image.error.message, "is required");
    assert!(
        matches!(&cb.notifications[1].typed().message, InboundMessage::Text(t) if t.body == "kept")
    );
    // The JS shape: typed entries as before, the malformed one in its place.
    let out = js(&cb);
    assert_eq!(out["statuses"][0]["messageId"], "m1");
    assert_eq!(
        out["statuses"][1],
        json!({"kind": "invalid",
            "error": {"code": "invalid_callback", "field": "statuses[1].status",
                "message": "is required"},
            "raw": {"state": "read", "message_id": "m2", "recipient": "+1"}})
    );
    assert_eq!(out["notifications"][0]["kind"], "invalid");
    assert_eq!(out["notifications"][1]["message"]["body"], "kept");
}

#[test]
fn malformed_entries_name_the_part_at_fault() {
    // Tables, one line a row. A list's one entry, the part at fault below it, and the
    // whole error message.
    #[rustfmt::skip]
    let entries = [
        ("statuses", r#""x""#, "", "must be an object"),
        ("statuses", "null", "", "must be an object"),
        ("contacts", r#"{"profile":{"name":"x"}}"#, ".wa_id", "is required"),
        ("contacts", r#"{"wa_id":"1","profile":{"name":2}}"#, ".profile.name", "must be a string"),
        ("notifications", r#"{"from":"1","message_id":"m"}"#, ".message", "is required"),
        ("notifications", r#"{"message_id":"m","message":{"type":"text","body":"b"}}"#, ".from", "is required"),
    ];
    // A delivery report's fields.
    #[rustfmt::skip]
    let reports = [
        (r#""status":"success","state":"sent","message_id":7,"recipient":"+1""#, ".message_id", "must be a string"),
        (r#""status":"success","state":"sent","recipient":"+1""#, ".message_id", "is required"),
        (r#""status":true,"state":"sent","message_id":"m","recipient":"+1""#, ".status", "must be a string"),
        (r#""status":"success","state":"sent","message_id":"m","message_id":"n","recipient":"+1""#, ".message_id", "is given twice"),
    ];
    // A notification's fields after its `from` and `message_id`.
    #[rustfmt::skip]
    let notifications = [
        (r#""message":"hi""#, ".message", "must be an object"),
        (r#""message":{}"#, ".message.type", "is required"),
        (r#""message":{"type":3}"#, ".message.type", "must be a string"),
        (r#""message":{"type":"text","body":5}"#, ".message.body", "must be a string"),
        (r#""message":{"type":"text"}"#, ".message.body", "is required"),
        (r#""message":{"type":"location","latitude":"55","longitude":13}"#, ".message.latitude", "must be a number"),
        (r#""message":{"type":"interactive","message":{"type":"button","id":"x"}}"#, ".message.message.title", "is required"),
        (r#""message":{"type":"interactive","message":{}}"#, ".message.message.type", "is required"),
        (r#""message":{"type":"interactive"}"#, ".message.message", "is required"),
        (r#""message":{"type":"text","body":"b"},"forwarded":"yes""#, ".forwarded", "must be a boolean"),
        (r#""message":{"type":"text","body":"b"},"referral":{"source_type":1}"#, ".referral.source_type", "must be a string"),
    ];
    let reports =
        reports.map(|(fields, below, rule)| ("statuses", format!("{{{fields}}}"), below, rule));
    let notifications = notifications.map(|(fields, below, rule)| {
        let entry = format!(r#"{{"from":"1","message_id":"m",{fields}}}"#);
        ("notifications", entry, below, rule)
    });
    let entries = entries.map(|(list, entry, below, rule)| (list, entry.to_string(), below, rule));
    for (list, entry, below, rule) in entries.into_iter().chain(reports).chain(notifications) {
        let body = format!(r#"{{"type":"whatsapp","{list}":[{entry}]}}"#);
        let entry = malformed(&body, &format!("{list}[0]{below}"), rule);
        assert_eq!(entry.error.message, rule);
    }
}

#[test]
fn errors_never_quote_the_input() {
    // Hostile text in values, dressed as the model's own words, appears nowhere.
    let entry = malformed(
        r#"{"type":"whatsapp","statuses":[{"status":"success","state":"sent","recipient":"+1",
            "message_id":{"x":"message of type `a`: missing field `evil`"}}]}"#,
        "statuses[0].message_id",
        "must be a string",
    );
    assert!(!entry.error.message.contains("evil"));
    let entry = malformed(
        &one_message(
            r#"{"type":"image","url":"u","mime_type":5,"caption":"missing field `evil`"}"#,
        ),
        "notifications[0].message.mime_type",
        "must be a string",
    );
    assert!(!entry.error.message.contains("evil"));
}

#[test]
fn kind_is_reserved_on_entries() {
    // A wire `kind` is not kept on a typed entry, so `kind === "invalid"` tells
    // a malformed entry apart in JS; the malformed entry keeps it in `raw`.
    let cb = ok(
        r#"{"type":"whatsapp","statuses":[{"kind":"invalid","status":"success","state":"sent","message_id":"m","recipient":"+1"}]}"#,
    );
    let report = cb.statuses[0].typed();
    assert!(!report.extra.contains_key("kind"));
    let out = js(&cb);
    assert_eq!(out["statuses"][0].get("kind"), None);
    let bad = malformed(
        r#"{"type":"whatsapp","statuses":[{"kind":"invalid","state":"sent"}]}"#,
        "statuses[0].status",
        "is required",
    );
    assert_eq!(js(&bad.raw)["kind"], "invalid");
}
