//! Error answers: both body forms, and the region's hint on a 404.

use super::*;

#[test]
fn errors_read_both_body_forms_and_hint_at_the_region() {
    let err = |status, body| answered("send", status, None, body).unwrap_err();
    let wrapped = err(
        400,
        r#"{"error":{"code":400,"message":"bad s3cr3t-key","status":"INVALID_ARGUMENT",
        "details":[{"type_url":"t/BadRequest","value":"app_id jwt-1"}]}}"#,
    );
    assert_eq!(
        (wrapped.code, wrapped.status, wrapped.retryable),
        (ErrorCode::BadRequest, Some(400), false)
    );
    assert_eq!(
        wrapped.message,
        "Sinch rejected the request (HTTP 400 INVALID_ARGUMENT): bad [redacted]"
    );
    assert_eq!(
        wrapped.details.as_deref(),
        Some("t/BadRequest: app_id [redacted]")
    );
    let flat = err(
        401,
        r#"{"code":401,"message":"expired","status":"UNAUTHENTICATED"}"#,
    );
    assert_eq!(flat.code, ErrorCode::Unauthorized);
    assert!(
        flat.message
            .ends_with("(HTTP 401 UNAUTHENTICATED): expired"),
        "{}",
        flat.message
    );
    let lost = err(404, "");
    assert_eq!(lost.code, ErrorCode::NotFound);
    assert!(lost.message.contains("another region"), "{}", lost.message);
    for body in [
        "<html>oops</html>",
        "[]",
        r#"{"error":"x"}"#,
        r#"{"message":5}"#,
    ] {
        assert_eq!(err(502, body).code, ErrorCode::ServerError, "{body}");
    }
    let busy = answered("send", 429, Some("2"), "").unwrap_err();
    assert_eq!(
        (busy.code, retried(&busy, Repeat::Send), busy.retry_after_ms),
        (ErrorCode::RateLimited, true, Some(2000))
    );
    // Every 5xx is retried for a safe request; for a send, only 503 unless opted in.
    for status in [500, 502, 503, 504] {
        assert!(retried(&err(status, ""), Repeat::Safe), "{status}");
        assert_eq!(retried(&err(status, ""), Repeat::Send), status == 503);
    }
    assert!(!retried(&err(403, ""), Repeat::Safe));
    assert_eq!(err(418, "").code, ErrorCode::UnexpectedStatus);
    let oauth = err(
        401,
        r#"{"error":"invalid_client","error_description":"bad key"}"#,
    );
    assert!(
        oauth.message.ends_with("(HTTP 401): bad key"),
        "{}",
        oauth.message
    );
}
