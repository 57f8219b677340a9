//! Status and body to typed error, `Retry-After`, cutting and redaction.

use super::*;

/// Read as `u64`'s `FromStr` reads it (after trimming), times 1000; a number too
/// big to count saturates at `Number.MAX_SAFE_INTEGER` ms (RFC 9111 §1.2.2).
#[test]
fn retry_after_is_delta_seconds_as_from_str_reads_them() {
    for text in [
        "5",
        " 7 ",
        "+5",
        "+",
        "",
        "-1",
        "1.5",
        "0",
        "007",
        "++5",
        "5s",
        "18446744073709551",
        "18446744073709552",
        "18446744073709551615",
        "18446744073709551616",
        "Wed, 21 Oct 2026 07:28:00 GMT",
    ] {
        let from_str = match text.trim().parse::<u64>() {
            Ok(seconds) => Some(seconds.saturating_mul(1000).min(MAX_SAFE_INTEGER)),
            Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Some(MAX_SAFE_INTEGER),
            Err(_) => None,
        };
        assert_eq!(parse_retry_after(text), from_str, "{text:?}");
    }
    assert_eq!(
        parse_retry_after("9007199254740"),
        Some(9_007_199_254_740_000)
    );
    assert_eq!(parse_retry_after("9007199254741"), Some(MAX_SAFE_INTEGER));
    let huge = "9".repeat(400);
    assert_eq!(parse_retry_after(&huge), Some(MAX_SAFE_INTEGER));
    assert_eq!(parse_retry_after(&[&huge, "x"].concat()), None);
}

#[test]
fn truncate_keeps_the_first_characters_not_bytes() {
    for len in [
        0,
        1,
        MAX_DETAILS_CHARS - 1,
        MAX_DETAILS_CHARS,
        MAX_DETAILS_CHARS + 1,
        3000,
    ] {
        let text: String = "é😀x".chars().cycle().take(len).collect();
        let expected: String = text.chars().take(MAX_DETAILS_CHARS).collect();
        assert_eq!(truncate(&text), expected, "{len}");
    }
}

fn body(json: &str) -> Option<ErrorBody> {
    crate::core::json::parse(json)
        .ok()
        .as_ref()
        .and_then(ErrorBody::read)
}

#[test]
fn error_bodies_are_read_field_by_field() {
    assert_eq!(
        body(r#"{"message":"m","details":null,"reason":"r","x":[1],"message":"last"}"#),
        Some(ErrorBody {
            message: Some("last".into()),
            details: None,
            reason: Some("r".into()),
            status: None,
        })
    );
    assert_eq!(body("{}"), Some(ErrorBody::default()));
    // A field of another type is left out; the others are kept.
    let kept = body(r#"{"message":"kept","details":{"a":1},"reason":5}"#).unwrap();
    assert_eq!(kept.message.as_deref(), Some("kept"));
    assert_eq!((kept.details, kept.reason), (None, None));
    let details = body(r#"{"message":5,"details":"d"}"#).unwrap();
    assert_eq!(
        (details.message, details.details.as_deref()),
        (None, Some("d"))
    );
    for bad in ["[]", r#""m""#, "null"] {
        assert_eq!(body(bad), None, "{bad}");
    }
}

#[test]
fn a_long_error_body_is_not_parsed() {
    let padded = |len: usize| {
        let head = r#"{"message":"Request could not be processed","pad":""#;
        [head, &"x".repeat(len - head.len() - 2), "\"}"].concat()
    };
    let fits = padded(MAX_ERROR_BODY_BYTES);
    assert_eq!(fits.len(), MAX_ERROR_BODY_BYTES);
    let read = |text: &str| error_json(text).as_ref().and_then(ErrorBody::read);
    let err = error_for_status(500, read(&fits), None);
    assert_eq!(err.code, ErrorCode::RateLimited);
    // One byte more reads as a body that is not JSON: the status alone speaks.
    let err = error_for_status(500, read(&padded(MAX_ERROR_BODY_BYTES + 1)), None);
    assert_eq!(
        (err.code, err.message.as_str()),
        (
            ErrorCode::ServerError,
            "Sinch had a server error (HTTP 500)"
        )
    );
}

#[test]
fn maps_statuses_to_codes() {
    let err = error_for_status(
        400,
        body(r#"{"message":"Validation error","details":"Field [to] can not be empty."}"#),
        None,
    );
    assert_eq!(err.code, ErrorCode::BadRequest);
    assert_eq!(err.details.as_deref(), Some("Field [to] can not be empty."));
    assert!(err.message.contains("Validation error"));

    let err = error_for_status(
        401,
        body(r#"{"message":"401","reason":"Unauthorized bot"}"#),
        None,
    );
    assert_eq!(
        (err.code, err.details.as_deref()),
        (ErrorCode::Unauthorized, Some("Unauthorized bot"))
    );

    let err = error_for_status(
        500,
        body(r#"{"message":"Request could not be processed"}"#),
        Some("2"),
    );
    assert_eq!(
        (err.code, err.retry_after_ms),
        (ErrorCode::RateLimited, Some(2000))
    );
    // The rate-limit phrase may come in `details` or `reason`, next to a
    // `message` of any type.
    for rate in [
        r#"{"message":"500","details":" Request could not be processed "}"#,
        r#"{"message":5,"reason":"Request could not be processed"}"#,
    ] {
        let err = error_for_status(500, body(rate), None);
        assert_eq!(err.code, ErrorCode::RateLimited, "{rate}");
    }

    let err = error_for_status(500, body(r#"{"message":"500"}"#), None);
    assert_eq!(err.code, ErrorCode::ServerError);
    let err = error_for_status(503, None, Some("Wed, 21 Oct 2015 07:28:00 GMT"));
    assert_eq!(
        (err.code, err.retry_after_ms),
        (ErrorCode::ServerError, None)
    );
    assert_eq!(
        error_for_status(429, None, None).code,
        ErrorCode::RateLimited
    );
    assert_eq!(
        error_for_status(418, None, None).code,
        ErrorCode::UnexpectedStatus
    );
}

#[test]
fn redacts_the_token_before_cutting() {
    let secret = "tok_5ecret";
    let long = format!("{}Bearer {secret}", "x".repeat(MAX_DETAILS_CHARS - 10));
    let echo = ErrorBody {
        message: Some(format!("Authorization: Bearer {secret}")),
        details: Some(long),
        reason: Some(secret.to_owned()),
        status: None,
    };
    let err = error_for_status(400, Some(echo.clone().redacted(&[secret])), None);
    let texts = [
        err.message.as_str(),
        err.details.as_deref().unwrap_or_default(),
    ];
    assert!(texts.iter().all(|text| !text.contains("tok_")), "{texts:?}");
    assert!(err.message.ends_with("Bearer [redacted]"));
    // No secret: the same text, cut as every network text in an error is.
    let cut = echo.clone().redacted(&[""]);
    assert_eq!((cut.message, cut.reason), (echo.message, echo.reason));
    assert_eq!(
        cut.details.map(|d| d.chars().count()),
        Some(MAX_DETAILS_CHARS)
    );
}

#[test]
fn redirects_and_oversized_bodies_are_typed_and_final() {
    let err = unexpected_redirect(Some(307), Some("https://elsewhere.example/messages"));
    assert_eq!(
        (err.code.as_str(), err.status, err.retryable),
        ("unexpected_redirect", Some(307), false)
    );
    assert_eq!(
        err.details.as_deref(),
        Some("Location: https://elsewhere.example/messages")
    );
    let opaque = unexpected_redirect(None, None);
    assert_eq!((opaque.status, opaque.details.clone()), (None, None));
    assert!(
        opaque.message.contains("not followed"),
        "{}",
        opaque.message
    );

    let err = too_large(503, 1_048_576);
    assert_eq!(
        (err.code, err.status, err.retryable),
        (ErrorCode::InvalidResponse, Some(503), false)
    );
    assert!(
        err.message.contains("maxResponseBytes (1048576 bytes)"),
        "{}",
        err.message
    );
}
