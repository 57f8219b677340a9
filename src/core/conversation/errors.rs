//! The Conversation API's errors (brief §5): both body forms, `{"error": {code,
//! message, status, details}}` and the flat `{code, message, status}` (and the
//! token URL's OAuth2 `{error, error_description}`), an empty or non-JSON body
//! tolerated; a 404 hints at the region; 429 and 5xx are retryable.

use crate::core::config::redact_all;
use crate::core::error::{Error, ErrorCode};
use crate::core::json::{self, Object, Path, Value};
use crate::core::response::{parse_retry_after, truncate};
use crate::prelude::*;

/// What an error body says: its message, gRPC-style status and details, as far
/// as they are strings (anything else is left out).
fn read_body(body: &str) -> (Option<String>, Option<String>, Option<String>) {
    let Ok(value) = json::parse(body) else {
        return (None, None, None);
    };
    let inner = match value.get("error") {
        Some(error @ Value::Object(_)) => error,
        _ => &value,
    };
    let at = Path::root("body");
    let Ok(fields) = Object::lenient(inner, &at) else {
        return (None, None, None);
    };
    let text = |key| fields.optional::<String>(key).ok().flatten();
    // `details: [{type_url, value}]` as "type_url: value; …" (a string kept as it is).
    let details = match fields.get("details") {
        Some(Value::Array(items)) => {
            let mut text = String::new();
            for item in items {
                for key in ["type_url", "value"] {
                    if let Some(part) = item.get(key).and_then(Value::as_str) {
                        if !text.is_empty() {
                            text.push_str(if key == "value" { ": " } else { "; " });
                        }
                        text.push_str(part);
                    }
                }
            }
            Some(text).filter(|t| !t.is_empty())
        }
        Some(Value::String(text)) => Some(text.clone()),
        _ => None,
    };
    // The token URL answers in OAuth2's form, `{error, error_description}`.
    let message = text("message").or_else(|| text("error_description"));
    (message, text("status"), details)
}

/// The typed error of a non-2xx answer `status` with `body` and the raw
/// `Retry-After` header, every one of `secrets` redacted from what the body says.
pub fn error_for_status(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    secrets: &[&str],
) -> Error {
    let (upstream, grpc, details) = read_body(body);
    let (code, summary) = match status {
        400 => (ErrorCode::BadRequest, "Sinch rejected the request"),
        401 | 403 => (
            ErrorCode::Unauthorized,
            "Sinch refused the credentials (a wrong key, or another project's)",
        ),
        404 => (
            ErrorCode::NotFound,
            "Sinch found no such resource (is the app in another region?)",
        ),
        429 => (
            ErrorCode::RateLimited,
            "Sinch is rate-limiting this project",
        ),
        500..=599 => (ErrorCode::ServerError, "Sinch had a server error"),
        _ => (
            ErrorCode::UnexpectedStatus,
            "Sinch answered an unexpected status",
        ),
    };
    let mut message = [summary, " (HTTP ", &u32::from(status).to_string()].concat();
    if let Some(grpc) = grpc.filter(|g| g.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')) {
        message.push(' ');
        message.push_str(&grpc);
    }
    message.push(')');
    if let Some(text) = upstream.filter(|text| !text.is_empty()) {
        message.push_str(": ");
        message.push_str(&truncate(&redact_all(&text, secrets)));
    }
    let mut err = Error::new(code, message);
    err.status = Some(status);
    err.details = details.map(|text| truncate(&redact_all(&text, secrets)));
    err.retryable = code == ErrorCode::RateLimited || code == ErrorCode::ServerError;
    err.retry_after_ms = retry_after.and_then(parse_retry_after);
    err
}

/// The `unsupported` error of method `name` under `api: "conversation"`: `why`
/// says why and what to use instead.
pub fn unsupported(name: &str, why: &str) -> Error {
    Error::new(
        ErrorCode::Unsupported,
        [name, " is not supported with api: \"conversation\": ", why].concat(),
    )
}
