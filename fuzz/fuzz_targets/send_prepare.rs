//! A `send` argument cut from the input (as `JSON.stringify` gives it), prepared by
//! both op tables: the standalone body, or each Conversation API body as the JS face
//! puts it together (`head`, the recipient without `+`, `tail`), is JSON,
//! and anything refused is `invalid_argument` naming a field; a `sendText` body is
//! one `send` takes and writes as it is; never a panic (the message model's one
//! check and writer, `message::schema`, walk it all). The same
//! input as the argument array of every standalone operation (their tables are
//! checked by the same walk): a body, when there is one, is JSON, and a refusal
//! names a field.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::config::{Api, Config, Host};
use sinch_whatsapp::core::error::ErrorCode;
use sinch_whatsapp::core::json;
use sinch_whatsapp::core::ops::{conversation, prepare, OPS};

const STANDALONE: &str = r#"{"botId":"bot","token":"t","baseUrl":"http://127.0.0.1:9"}"#;
const CONVERSATION: &str = r#"{"api":"conversation","projectId":"p","appId":"app",
    "keyId":"k","keySecret":"s","baseUrl":"http://127.0.0.1:9"}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let args = ["[", text, "]"].concat();
    let refused = |err: sinch_whatsapp::core::error::Error| {
        let err = err.into_fields();
        assert_eq!(err.code, ErrorCode::InvalidArgument, "{text}");
        assert!(err.field.is_some_and(|f| !f.is_empty()), "{text}");
    };
    let standalone = Config::from_json(STANDALONE, Host::Server).unwrap();
    // `send` and `sendText`, the first two rows. `sendText` checks its arguments by
    // their own kinds and sends the text it writes: `send` takes that body as it is
    // (its check passes, and its writer writes the same bytes).
    for op in &OPS[..2] {
        match prepare(&standalone, op, &args) {
            Ok(request) => {
                let body = request.body.unwrap();
                assert!(json::parse(&body).is_ok(), "{text}");
                if op.name == "sendText" {
                    let sent = prepare(&standalone, &OPS[0], &["[", &body, "]"].concat());
                    assert_eq!(sent.unwrap().body.as_deref(), Some(body.as_str()), "{text}");
                }
            }
            Err(err) => refused(err),
        }
    }
    for op in OPS {
        match prepare(&standalone, op, text) {
            Ok(request) => {
                let body = request.body.unwrap_or_else(|| "null".into());
                assert!(json::parse(&body).is_ok(), "{text}");
            }
            Err(err) => refused(err),
        }
    }
    let config = Config::from_json(CONVERSATION, Host::Server).unwrap();
    let Api::Conversation(project) = &config.api else {
        panic!("not a conversation config");
    };
    for row in 0..2 {
        match conversation::prepare(&config, project, row, &args) {
            Ok(parts) => bodies_are_json(&parts, text),
            Err(err) => refused(err),
        }
    }
});

/// Each body of a prepared Conversation fan-out, put together as the JS face does
/// (`head`, the recipient's number without `+`, `tail`), is JSON, and what was spliced
/// is digits: the body's one identity, never JSON of its own.
fn bodies_are_json(parts: &str, text: &str) {
    let value = json::parse(parts).unwrap_or_else(|_| panic!("{text}"));
    let field = |key| {
        value
            .get(key)
            .and_then(json::Value::as_str)
            .unwrap_or_default()
    };
    let Some(json::Value::Array(recipients)) = value.get("parts") else {
        panic!("{text}");
    };
    for recipient in recipients {
        let number = recipient.as_str().unwrap_or_default();
        let digits = number.strip_prefix('+').unwrap_or(number);
        assert!(
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
            "{text}"
        );
        let body = [field("head"), digits, field("tail")].concat();
        let body = json::parse(&body).unwrap_or_else(|_| panic!("{text}"));
        let identity = body
            .get("recipient")
            .and_then(|r| r.get("identified_by"))
            .and_then(|r| r.get("channel_identities"))
            .and_then(|r| match r {
                json::Value::Array(all) => all.first(),
                _ => None,
            })
            .and_then(|r| r.get("identity"))
            .and_then(json::Value::as_str);
        assert_eq!(identity, Some(digits), "{text}");
    }
}
