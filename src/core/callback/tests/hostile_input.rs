//! Hostile input: nesting too deep, huge bodies and strings, text that is not UTF-8.

use super::*;

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [129, 10_000, 1_000_000] {
        let deep = nested(depth);
        fails(&deep, "not JSON: nested too deeply");
        let objects = format!("{}{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        // In unknown content: of the callback (arrays, objects), a message, a report.
        let bodies = [
            format!(r#"{{"type":"whatsapp","x":{deep}}}"#),
            format!(r#"{{"type":"whatsapp","x":{objects}}}"#),
            one_message(&format!(r#"{{"type":"order","x":{deep}}}"#)),
            format!(
                r#"{{"type":"whatsapp","statuses":[{{"status":"success","state":"sent","message_id":"m","recipient":"+1","x":{deep}}}]}}"#
            ),
        ];
        for body in bodies {
            fails(&body, "nested too deeply");
        }
    }
    // Ordinary nesting inside unknown content is fine.
    let cb = ok(&format!(r#"{{"type":"whatsapp","x":{}}}"#, nested(100)));
    assert!(matches!(cb.extra.get("x"), Some(Value::Array(_))));
}

#[test]
fn huge_inputs() {
    // 100 000 delivery reports.
    let one = r#"{"status":"success","state":"read","message_id":"m","recipient":"+1"}"#;
    let raw = format!(
        r#"{{"type":"whatsapp","statuses":[{}]}}"#,
        vec![one; 100_000].join(",")
    );
    assert_eq!(ok(&raw).statuses.len(), 100_000);
    // A huge array of junk in an unknown field.
    let raw = format!(
        r#"{{"type":"whatsapp","junk":[{}]}}"#,
        vec!["0"; 500_000].join(",")
    );
    let Some(Value::Array(junk)) = ok(&raw).extra.get("junk").cloned() else {
        panic!("no junk")
    };
    assert_eq!(junk.len(), 500_000);
    // A huge string does not make a huge error message.
    let long = "x".repeat(5_000_000);
    let err = fails(&format!(r#"{{"type":"{long}"}}"#), "must be \"whatsapp\"");
    assert!(err.message.len() < 100, "{}", err.message.len());
    let entry = malformed(
        &format!(r#"{{"type":"whatsapp","statuses":[{{"status":1,"state":"{long}"}}]}}"#),
        "statuses[0].status",
        "must be a string",
    );
    assert!(entry.error.message.len() < 100);
}

#[test]
fn invalid_utf8() {
    let err = parse_bytes(b"{\"type\":\"whats\xffapp\"}").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidCallback);
    assert!(err.message.contains("not valid UTF-8"), "{}", err.message);
    assert!(err.message.contains("at byte 14"), "{}", err.message);
    // Overlong encoding, lone surrogate, truncated sequence.
    for bad in [
        &b"{\"type\":\"\xc0\xaf\"}"[..],
        b"{\"type\":\"\xed\xa0\x80\"}",
        b"{\"type\":\"whatsapp\"}\xe2\x82",
    ] {
        assert!(parse_bytes(bad)
            .unwrap_err()
            .message
            .contains("not valid UTF-8"));
    }
    let text = one_message("{\"type\":\"text\",\"body\":\"h\u{e9}j \u{1f600}\"}");
    let cb = parse_bytes(text.as_bytes()).unwrap();
    assert!(
        matches!(&only_notification(&cb).message, InboundMessage::Text(t) if t.body == "h\u{e9}j \u{1f600}")
    );
    // JSON escapes of a lone surrogate are not valid text either.
    fails(
        &one_message(r#"{"type":"text","body":"\ud800"}"#),
        "not JSON: lone surrogate",
    );
}
