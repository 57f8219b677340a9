//! What crosses the wasm boundary, compiled to wasm and run by wasm-bindgen-test in
//! Node, in headless Chromium and in a dedicated Worker (no `window`): the client
//! exports' and their `Core`'s envelopes for options, a prepared request, answers, the failures only
//! JS sees and the retry decision. (The fetch loop around it is JS: the package
//! tests in tests/js drive it against the emulator.)
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sinch_whatsapp::core::json::{parse, Value};
use sinch_whatsapp::web::{create, free, open, prepare, settle, Core, FAULTS, UNKNOWN};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const TOKEN: &str = "test-token";
const OPTIONS: &str = r#"{"botId":"bot-wasm","token":"test-token","region":"eu"}"#;
const RECEIPT: &str = r#"{"type":"whatsapp","statuses":[{"message_id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122","status":"success","state":"queued"}]}"#;

/// The `ok` value of an envelope, or a panic showing the error.
fn ok(envelope: &str) -> Value {
    let value = parse(envelope).unwrap();
    match value.get("ok") {
        Some(ok) => ok.clone(),
        None => panic!("not ok: {envelope}"),
    }
}

/// The error object of an envelope.
fn error(envelope: &str) -> Value {
    let value = parse(envelope).unwrap();
    value
        .get("error")
        .cloned()
        .unwrap_or_else(|| panic!("not an error: {envelope}"))
}

/// The text of an envelope as JS gets it.
fn s(envelope: JsValue) -> String {
    envelope.as_string().expect("a string")
}

/// A prepared request as JS gets it: the envelope's `ok` value, and the body on
/// the line after it, if any.
fn prepared(crossing: &str) -> (Value, Option<&str>) {
    match crossing.split_once('\n') {
        Some((envelope, body)) => (ok(envelope), Some(body)),
        None => (ok(crossing), None),
    }
}

/// The row of method `name` as JS passes it (`core::ops::OPS`); any other name is
/// a row past the table.
fn row(name: &str) -> u32 {
    let mut rows = sinch_whatsapp::core::ops::OPS.iter();
    rows.position(|op| op.name == name)
        .map_or(u32::MAX, |row| row as u32)
}

fn text<'v>(value: &'v Value, key: &str) -> &'v str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

#[wasm_bindgen_test]
fn options_open_a_client_or_name_the_wrong_field() {
    let core = Core::new(OPTIONS, false);
    assert!(!core.refused());
    let facts = ok(&s(core.open()));
    assert_eq!(text(&facts, "botId"), "bot-wasm");
    assert_eq!(
        text(&facts, "baseUrl"),
        "https://eu1.whatsapp.api.sinch.com"
    );
    assert_eq!(text(&facts, "authorization"), "Bearer test-token");
    for (options, field) in [
        (
            r#"{"botId":"b","token":"tok_secret","region":"tok_secret"}"#,
            "options.region",
        ),
        (
            r#"{"botId":"b","token":"tok_secret","region":"eu","timeout":1}"#,
            "options.timeout",
        ),
        ("null", "options"),
        ("[1]", "options"),
    ] {
        let core = Core::new(options, false);
        assert!(core.refused(), "{options}");
        let shown = s(core.open());
        let err = error(&shown);
        assert_eq!(text(&err, "code"), "invalid_argument");
        assert_eq!(text(&err, "field"), field, "{shown}");
        assert!(!shown.contains("tok_secret"), "{shown}");
    }
    // A token in a browser page is refused unless the caller accepts the risk.
    let page = Core::new(OPTIONS, true);
    assert!(page.refused());
    assert_eq!(text(&error(&s(page.open())), "field"), "options.token");
    let allowed = r#"{"botId":"b","token":"t","region":"eu","dangerouslyAllowBrowser":true}"#;
    let allowed = Core::new(allowed, true);
    assert!(!allowed.refused());
    ok(&s(allowed.open()));
}

#[wasm_bindgen_test]
fn a_prepared_request_carries_the_wire_body() {
    let core = Core::new(OPTIONS, false);
    let crossing = s(core.prepare(
        row("sendText"),
        r#"["+46732001122","Hello\nthere"]"#,
        30_000.0,
    ));
    let (request, body) = prepared(&crossing);
    assert_eq!(text(&request, "method"), "POST");
    assert_eq!(
        text(&request, "url"),
        "https://eu1.whatsapp.api.sinch.com/whatsapp/v1/bot-wasm/messages"
    );
    // The body crosses as it is sent, after the envelope: a line break in the
    // text is escaped in it, so the first line break is the envelope's end.
    assert_eq!(
        body,
        Some(r#"{"to":["+46732001122"],"message":{"type":"text","text":"Hello\nthere"}}"#)
    );
    assert_eq!(request.get("body"), None);
    let get = s(core.prepare(row("listProviders"), "[]", 1.0));
    let (get, body) = prepared(&get);
    assert_eq!((text(&get, "method"), body), ("GET", None));
}

#[wasm_bindgen_test]
fn broken_arguments_are_refused_by_path() {
    let core = Core::new(OPTIONS, false);
    for (op, args, field) in [
        ("sendText", r#"[5,"x"]"#, "to"),
        (
            "send",
            r#"[{"to":["+46732001122",7],"message":{"type":"text","text":"x"}}]"#,
            "request.to[1]",
        ),
        ("markRead", "[null]", "messageId"),
        ("noSuchMethod", "[]", "operation"),
    ] {
        let err = error(&s(core.prepare(row(op), args, 600_000.0)));
        assert_eq!(text(&err, "code"), "invalid_argument");
        assert_eq!(text(&err, "field"), field, "{op}");
    }
}

#[wasm_bindgen_test]
fn answers_become_results_errors_or_retries() {
    let mut core = Core::new(OPTIONS, false);
    let sent = ok(&s(core.answer(row("sendText"), 201, None, RECEIPT, 0, 0.0)));
    let Some(Value::Array(messages)) = sent.get("messages") else {
        panic!("{sent:?}");
    };
    assert_eq!(text(&messages[0], "id"), "01DPNXZ0WCF9XD19MH84XD0P62");
    assert_eq!(
        s(core.answer(row("markRead"), 200, None, "", 0, 0.0)),
        r#"{"ok":null}"#
    );
    // A server echoing the token gets it redacted.
    let echo = r#"{"message":"Bearer test-token refused"}"#;
    let shown = s(core.answer(row("sendText"), 401, None, echo, 0, 0.0));
    assert_eq!(text(&error(&shown), "code"), "unauthorized");
    assert!(
        !shown.contains(TOKEN) && shown.contains("[redacted]"),
        "{shown}"
    );
    // 429 with Retry-After: retried after it, unless it is longer than allowed.
    let busy = parse(&s(core.answer(row("sendText"), 429, Some("2"), "", 0, 0.5))).unwrap();
    assert_eq!(busy.get("retryMs"), Some(&Value::Number("2000".into())));
    let long = s(core.answer(row("sendText"), 429, Some("3600"), "", 0, 0.5));
    assert!(
        !long.contains("retryMs") && long.contains("maxRetryAfterMs"),
        "{long}"
    );
    let bad = error(&s(core.answer(
        row("sendText"),
        201,
        None,
        "not json",
        0,
        0.0,
    )));
    assert_eq!(text(&bad, "code"), "invalid_response");
}

#[wasm_bindgen_test]
fn failures_only_js_sees_keep_their_codes_and_retry_rules() {
    let core = handle(create(OPTIONS, false));
    // Of a request of `op` (how safe a repeat is comes from its row), through the
    // export JS calls: the failure by its number (1 is the first of FAULTS), its
    // text, if any, ending in a line break.
    let fail = |kind: &str, status, text: Option<&str>, op| {
        let fault = FAULTS.iter().position(|name| *name == kind).unwrap() as u32 + 1;
        let text = text.map_or(String::new(), |text| format!("{text}\n"));
        s(settle(core, row(op), fault, status, &text, 250, 0, 0.0))
    };
    let redirect = error(&fail(
        "redirect",
        307,
        Some("https://x.example/?t=test-token"),
        "markRead",
    ));
    assert_eq!(text(&redirect, "code"), "unexpected_redirect");
    assert_eq!(
        text(&redirect, "details"),
        "Location: https://x.example/?t=[redacted]"
    );
    let big = error(&fail("too_large", 200, None, "markRead"));
    assert!(text(&big, "message").contains("maxResponseBytes (1048576 bytes)"));
    assert_eq!(
        text(&error(&fail("timeout", 0, None, "send")), "message"),
        "no complete answer within 250 ms"
    );
    // A send that may have arrived is not repeated; a safe request is.
    assert!(!fail("network", 0, Some("fetch failed"), "send").contains("retryMs"));
    assert!(fail("network", 0, Some("fetch failed"), "markRead").contains("retryMs"));
    // A create is never repeated; the token request (a row past the table) is safe.
    assert!(!fail("network", 0, Some("fetch failed"), "createSticker").contains("retryMs"));
    assert!(fail("network", 0, Some("fetch failed"), "token").contains("retryMs"));
    assert_eq!(
        text(&error(&fail("aborted", 0, None, "markRead")), "code"),
        "aborted"
    );
    free(core);
}

#[wasm_bindgen_test]
fn the_per_call_timeout_rule_comes_first() {
    let core = Core::new(OPTIONS, false);
    prepared(&s(core.prepare(row("markRead"), r#"["m"]"#, 5000.0)));
    for wrong in [0.0, 1.5, 600_001.0, f64::NAN] {
        let err = error(&s(core.prepare(row("markRead"), "[null]", wrong)));
        assert_eq!(text(&err, "field"), "options.timeoutMs");
    }
}

/// The handle of a created core (`web::create`'s `{"ok":handle}`).
fn handle(created: JsValue) -> u32 {
    let shown = s(created);
    match ok(&shown) {
        Value::Number(n) => n.parse().unwrap(),
        _ => panic!("not a handle: {shown}"),
    }
}

/// The handle of a core created for bot `id`.
fn created(id: &str) -> u32 {
    let options = format!(r#"{{"botId":"{id}","token":"t","region":"eu"}}"#);
    handle(create(&options, false))
}

/// The bot id of the core of `handle`.
fn bot(handle: u32) -> String {
    text(&ok(&s(open(handle))), "botId").to_string()
}

#[wasm_bindgen_test]
fn the_exports_reach_a_core_by_handle_until_it_is_freed() {
    // Refused options keep nothing and answer their error.
    let refused = error(&s(create(r#"{"botId":"b"}"#, false)));
    assert_eq!(text(&refused, "code"), "invalid_argument");
    let a = handle(create(OPTIONS, false));
    let b = created("bot-b");
    assert_ne!(a, b);
    assert_eq!(bot(a), "bot-wasm");
    assert_eq!(bot(b), "bot-b");
    let (request, _) = prepared(&s(prepare(b, row("markRead"), r#"["m"]"#, 5000.0)));
    assert!(text(&request, "url").contains("bot-b"));
    let sent = s(settle(
        a,
        row("sendText"),
        0,
        201,
        &format!("\n{RECEIPT}"),
        0,
        0,
        0.0,
    ));
    ok(&sent);
    // A freed handle, or one never given, answers a clear error: no core, no trap.
    free(b);
    free(b);
    assert_eq!(s(open(b)), UNKNOWN);
    assert_eq!(s(prepare(b, row("markRead"), r#"["m"]"#, 5000.0)), UNKNOWN);
    assert_eq!(s(settle(b, 0, 4, 0, "", 0, 0, 0.0)), UNKNOWN);
    assert_eq!(s(open(u32::MAX)), UNKNOWN);
    assert_eq!(text(&error(UNKNOWN), "code"), "internal");
    // A freed slot is reused; the other core is untouched.
    let c = created("bot-c");
    assert_eq!(c, b);
    assert_eq!(bot(c), "bot-c");
    assert_eq!(bot(a), "bot-wasm");
    free(a);
    free(c);
}
