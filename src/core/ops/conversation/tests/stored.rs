//! `callbackStatus`: the stored message, read from one source, then the other.

use super::*;

#[test]
fn callback_status_reads_the_stored_message() {
    let got = prepared("callbackStatus", r#"["m/1"]"#).unwrap();
    let at = "http://127.0.0.1:9/v1/projects/p%201/messages/m%2F1?messages_source=";
    let (url, fallback) = (
        [at, "DISPATCH_SOURCE"].concat(),
        [at, "CONVERSATION_SOURCE"].concat(),
    );
    assert_eq!(
        got,
        serde_json::json!({"method":"GET","url":url,"fallback":fallback})
    );
    assert_eq!(
        prepared("callbackStatus", r#"[".."]"#)
            .unwrap_err()
            .field
            .as_deref(),
        Some("messageId")
    );
    let stored = r#"{"id":"m1","direction":"TO_CONTACT","app_message":{"text_message":{"text":"Hi"}},
        "channel_identity":{"channel":"WHATSAPP","identity":"46732001122","app_id":"app-1"},
        "accept_time":"2026-01-01T00:00:00Z","message_status":{"status":"DELIVERED"}}"#;
    let got: serde_json::Value =
        serde_json::from_str(&answered("callbackStatus", 200, None, stored).unwrap()).unwrap();
    let raw: serde_json::Value = serde_json::from_str(stored).unwrap();
    assert_eq!(
        got,
        serde_json::json!({"message":{"id":"m1","direction":"TO_CONTACT","acceptTime":"2026-01-01T00:00:00Z",
            "channel":"WHATSAPP","identity":"46732001122","raw":raw}})
    );
    let minimal = answered("callbackStatus", 200, None, r#"{"id":"m2"}"#).unwrap();
    assert_eq!(minimal, r#"{"message":{"id":"m2","raw":{"id":"m2"}}}"#);
}

#[test]
fn a_stored_message_in_neither_source_is_not_found_saying_where_it_looked() {
    let body = r#"{"error":{"code":404,"message":"gone","status":"NOT_FOUND"}}"#;
    let err = answered("callbackStatus", 404, None, body).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(
        err.message,
        "Sinch found no such message in either source: it expired, or the app is in \
         another region (HTTP 404 NOT_FOUND): gone"
    );
    assert!(!retried(&err, Repeat::Safe));
    // Any other method's 404 keeps the region hint alone; other statuses are as before.
    let other = answered("send", 404, None, body).unwrap_err();
    assert_eq!(
        other.message,
        "Sinch found no such resource (is the app in another region?) (HTTP 404 NOT_FOUND): gone"
    );
    let denied = answered("callbackStatus", 403, None, "").unwrap_err();
    assert_eq!(denied.code, ErrorCode::Unauthorized);
    assert!(
        !denied.message.contains("either source"),
        "{}",
        denied.message
    );
}
