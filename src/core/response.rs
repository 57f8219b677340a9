//! Response parsing: typed results for 2xx answers, typed errors for the rest.

use crate::core::config::redact_all;
use crate::core::error::join;
use crate::core::error::{Error, ErrorCode};
use crate::core::json::{decimal, Object, Path, Value};
use crate::prelude::*;

/// An object of an answer being read ([`Object::lenient`]): unknown keys are
/// skipped (Sinch adds fields), a repeated key reads as its last (as `JSON.parse`
/// keeps it) and `null` reads as absent.
pub type Fields<'v, 'p> = Object<'v, 'p>;

/// The upstream error body, `{ message, details }` (an older draft said `reason`);
/// the Conversation API's also has a gRPC-style `status`
/// ([`crate::core::conversation::errors`] reads its forms).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorBody {
    /// General error text.
    pub message: Option<String>,
    /// Human-readable detail.
    pub details: Option<String>,
    /// The older draft's name for `details`.
    pub reason: Option<String>,
    /// The Conversation API's gRPC-style status name (`INVALID_ARGUMENT`).
    pub status: Option<String>,
}

impl ErrorBody {
    /// The error body in `value`, when it has the documented shape: an object whose
    /// `message`, `details` and `reason` are strings where given.
    pub fn read(value: &Value) -> Option<Self> {
        let at = Path::root("body");
        let fields = Fields::lenient(value, &at).ok()?;
        let mut out = Self::default();
        fields.set_opt(&mut out.message, "message").ok()?;
        fields.set_opt(&mut out.details, "details").ok()?;
        fields.set_opt(&mut out.reason, "reason").ok()?;
        Some(out)
    }

    /// The body with every occurrence of each of `secrets` (the token, the key)
    /// replaced by `[redacted]`, before anything is cut: a server may echo the
    /// `Authorization` header back.
    pub fn redacted(self, secrets: &[&str]) -> Self {
        let hide = |text: Option<String>| text.map(|text| redact_all(&text, secrets));
        Self {
            message: hide(self.message),
            details: hide(self.details),
            reason: hide(self.reason),
            status: self.status,
        }
    }
}

/// The text Sinch puts in the 500 it answers when a bot goes over 20 requests per second.
const RATE_LIMIT_MESSAGE: &str = "Request could not be processed";
/// Longest `details` kept from an error body; the rest is cut.
const MAX_DETAILS_CHARS: usize = 1000;

/// The typed error for a non-2xx answer. `body` is the parsed error body when it
/// was JSON of the documented shape; `retry_after` is the raw `Retry-After` header.
pub fn error_for_status(status: u16, body: Option<ErrorBody>, retry_after: Option<&str>) -> Error {
    answer_error(status, body, retry_after, false)
}

/// [`error_for_status`] of the standalone API, or of the Conversation API
/// (`conversation`): its summaries (a 404 hints at the region), the gRPC status
/// in the message, and every 5xx retryable (brief §5.2).
pub fn answer_error(
    status: u16,
    body: Option<ErrorBody>,
    retry_after: Option<&str>,
    conversation: bool,
) -> Error {
    let body = body.unwrap_or_default();
    let upstream = body.message.as_deref().unwrap_or_default();
    let code = match status {
        400 => ErrorCode::BadRequest,
        401 | 403 => ErrorCode::Unauthorized,
        404 => ErrorCode::NotFound,
        429 => ErrorCode::RateLimited,
        500 if upstream.trim() == RATE_LIMIT_MESSAGE => ErrorCode::RateLimited,
        500..=599 => ErrorCode::ServerError,
        _ => ErrorCode::UnexpectedStatus,
    };
    let summary = match (code, conversation) {
        (ErrorCode::BadRequest, _) => "Sinch rejected the request",
        (ErrorCode::Unauthorized, false) => {
            "Sinch refused the credentials (wrong token, or the bot lives in the other region)"
        }
        (ErrorCode::Unauthorized, true) => {
            "Sinch refused the credentials (a wrong key, or another project's)"
        }
        (ErrorCode::NotFound, false) => "Sinch found no such resource",
        (ErrorCode::NotFound, true) => {
            "Sinch found no such resource (is the app in another region?)"
        }
        (ErrorCode::RateLimited, false) => {
            "Sinch is rate-limiting this bot (20 requests per second)"
        }
        (ErrorCode::RateLimited, true) => "Sinch is rate-limiting this project",
        (ErrorCode::ServerError, _) => "Sinch had a server error",
        _ => "Sinch answered an unexpected status",
    };
    // A gRPC-style status joins the HTTP one: `(HTTP 400 INVALID_ARGUMENT)`.
    let grpc = match &body.status {
        Some(name)
            if name
                .as_bytes()
                .iter()
                .all(|&b| b.is_ascii_uppercase() || b == b'_') =>
        {
            name.as_str()
        }
        _ => "",
    };
    let space = if grpc.is_empty() { "" } else { " " };
    let head = [
        summary,
        " (HTTP ",
        &decimal(status.into()),
        space,
        grpc,
        ")",
    ];
    let message = if upstream.is_empty() {
        join(&head)
    } else {
        join(&[&join(&head), ": ", &truncate(upstream)])
    };
    let mut err = Error::new(code, message);
    err.status = Some(status);
    err.details = body.details.or(body.reason).map(|d| truncate(&d));
    err.retryable = code == ErrorCode::RateLimited
        || status == 503
        || (conversation && code == ErrorCode::ServerError);
    err.retry_after_ms = retry_after.and_then(parse_retry_after);
    err
}

/// `Retry-After` as delta-seconds. The HTTP-date form is ignored (treated as absent):
/// it needs a trustworthy clock, and Sinch documents neither form.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let value = value.trim();
    // As `u64`'s `FromStr`: one optional `+`, then digits.
    let seconds = crate::core::json::read::digits(value.strip_prefix('+').unwrap_or(value))?;
    seconds.checked_mul(1000)
}

/// The first `MAX_DETAILS_CHARS` characters of `text`.
fn truncate(text: &str) -> String {
    // Counted on bytes: each character starts with a byte that does not continue one.
    let mut chars = 0;
    for (i, byte) in text.as_bytes().iter().enumerate() {
        if byte & 0xC0 != 0x80 {
            if chars == MAX_DETAILS_CHARS {
                return text.get(..i).unwrap_or_default().to_owned();
            }
            chars += 1;
        }
    }
    text.to_owned()
}

/// The error for a 2xx answer whose body is not what the endpoint documents.
pub fn invalid_response(status: u16, why: &str) -> Error {
    let mut err = Error::new(
        ErrorCode::InvalidResponse,
        join(&[
            "Sinch answered HTTP ",
            &decimal(status.into()),
            " with a body this client cannot read: ",
            why,
        ]),
    );
    err.status = Some(status);
    err
}

/// The error for an answer longer than `max_bytes` (the `maxResponseBytes` option),
/// whatever its status: the rest of it was not read.
pub fn too_large(status: u16, max_bytes: u32) -> Error {
    let mut err = Error::new(
        ErrorCode::InvalidResponse,
        join(&[
            "Sinch answered HTTP ",
            &decimal(status.into()),
            " with a body over maxResponseBytes (",
            &decimal(max_bytes.into()),
            " bytes); the rest was not read",
        ]),
    );
    err.status = Some(status);
    err
}

/// The error for a redirect, which Sinch never sends: it is not followed, so a
/// message never goes to another server or twice. `status` is `None` when the
/// runtime hides it (a browser's opaque redirect); `location` is kept in `details`.
pub fn unexpected_redirect(status: Option<u16>, location: Option<&str>) -> Error {
    let shown = status.map_or_else(
        || "a redirect".to_owned(),
        |s| join(&["HTTP ", &decimal(s.into())]),
    );
    let mut err = Error::new(
        ErrorCode::UnexpectedRedirect,
        join(&[
            "Sinch answered ",
            &shown,
            ", which it never does; the redirect was not followed",
        ]),
    );
    err.status = status;
    err.details = location.map(|l| join(&["Location: ", &truncate(l)]));
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Read as `u64`'s `FromStr` read it (after trimming), times 1000.
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
            let from_str = text
                .trim()
                .parse::<u64>()
                .ok()
                .and_then(|s| s.checked_mul(1000));
            assert_eq!(parse_retry_after(text), from_str, "{text:?}");
        }
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
    fn error_bodies_of_the_documented_shape_only() {
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
        for bad in [
            r#"{"message":5}"#,
            r#"{"details":{}}"#,
            "[]",
            r#""m""#,
            "null",
        ] {
            assert_eq!(body(bad), None, "{bad}");
        }
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
        assert!(err.message.contains("Validation error") && !err.retryable);

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
            (err.code, err.retryable, err.retry_after_ms),
            (ErrorCode::RateLimited, true, Some(2000))
        );

        let err = error_for_status(500, body(r#"{"message":"500"}"#), None);
        assert_eq!((err.code, err.retryable), (ErrorCode::ServerError, false));
        let err = error_for_status(503, None, Some("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(
            (err.code, err.retryable, err.retry_after_ms),
            (ErrorCode::ServerError, true, None)
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
        assert_eq!(echo.clone().redacted(&[""]), echo);
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
}
