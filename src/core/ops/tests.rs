//! The rows' runner: the callback store's requests and results (the other rows are
//! held by `tests/ops_endpoints.rs` and each endpoint's tests).

use super::*;
use crate::core::config::test_config;
use crate::core::json::parse;
use crate::core::message::schema::{Kind, Member, Need, Rule};

/// The URL of op `name` with `args` (JSON text); it has no body.
fn request(name: &str, args: &str) -> Result<String> {
    let request = prepare(&test_config("b", "https://x"), find(name)?, args)?;
    assert_eq!(request.body, None);
    Ok(request.url)
}

#[test]
fn arguments_build_the_requests() {
    let (status, notifications) = ("callbackStatus", "callbackNotifications");
    assert_eq!(
        request(status, r#"["m/1"]"#).unwrap(),
        "https://x/whatsapp/v1/b/callbacks/status/m%2F1"
    );
    let err = request(status, "[5]").unwrap_err();
    assert_eq!(err.message, "messageId: must be a string");
    assert_eq!(
        request(notifications, "[]").unwrap(),
        "https://x/whatsapp/v1/b/callbacks/notifications"
    );
    assert_eq!(
        request(notifications, r#"[null]"#).unwrap(),
        "https://x/whatsapp/v1/b/callbacks/notifications"
    );
    assert_eq!(
        request(notifications, r#"[{"pageSize":5,"page":1}]"#).unwrap(),
        "https://x/whatsapp/v1/b/callbacks/notifications?page=1&page_size=5"
    );
    let err = request(notifications, r#"[{"frm":"+46732001122"}]"#).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("filter.frm"));
    assert!(!err.message.contains("4673"), "{}", err.message);
    let err = request(notifications, r#"[{"page":0}]"#).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("page"));
}

#[test]
fn results_are_callbacks_as_js_gets_them() {
    let results = |body: &Value| answers::answer(body, find("callbackStatus")?.answer);
    let body = parse(
        r#"{"results":[{"type":"whatsapp","statuses":[{"status":"success","state":"read",
        "message_id":"m1","recipient":"+1"},{"state":"read"}]}],"next":"ignored"}"#,
    )
    .expect("JSON");
    let answer: serde_json::Value =
        serde_json::from_str(&results(&body).expect("results")).expect("JSON text");
    assert_eq!(
        answer,
        serde_json::json!({"results":[{"type":"whatsapp","statuses":[
            {"status":"success","state":"read","messageId":"m1","recipient":"+1"},
            {"kind":"invalid","error":{"code":"invalid_callback","field":"statuses[1].status",
                "message":"is required"},"raw":{"state":"read"}}],
            "contacts":[],"notifications":[]}]})
    );
    let empty = parse("{}").expect("JSON");
    assert_eq!(results(&empty).expect("empty"), r#"{"results":[]}"#);
    let bad = parse(r#"{"results":[{"type":"sms"}]}"#).expect("JSON");
    let err = results(&bad).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("body.results[0].type"));
}

#[test]
fn every_row_is_one_operation_with_paths_of_its_arguments() {
    for (i, op) in OPS.iter().enumerate() {
        assert!(
            OPS[..i].iter().all(|other| other.name != op.name),
            "{}",
            op.name
        );
        let stars = op.path.split('/').filter(|s| *s == "*").count();
        assert!(stars <= op.params.len(), "{}", op.name);
        // What fills a `*` is required and can be neither empty nor `.` or `..`: an id
        // (its rule refuses them), a provider's name (`A-Z a-z 0-9 - _`) or an index.
        for Member(name, kind, need) in &op.params[..stars] {
            assert!(matches!(need, Need::Required), "{}.{name}", op.name);
            let segment_safe = matches!(
                kind,
                Kind::Str(Rule::None) | Kind::Str(Rule::Provider) | Kind::Index
            );
            assert!(segment_safe, "{}.{name}", op.name);
        }
        // A send may be repeated when opted in, a create never; addProvider adds
        // or replaces the provider of its name (api.md): harmless.
        let repeat = match op.name {
            name if name.starts_with("send") => Repeat::Send,
            name if name.starts_with("create") => Repeat::Never,
            _ => Repeat::Safe,
        };
        assert_eq!(op.repeat, repeat, "{}", op.name);
        assert_eq!(super::repeat(i), repeat, "{}", op.name);
    }
    // A row past the table (the token request's, JS's -1) is safe to repeat.
    assert_eq!(super::repeat(OPS.len()), Repeat::Safe);
    assert_eq!(super::repeat(u32::MAX as usize), Repeat::Safe);
}
