//! Response parsing: typed results for 2xx answers, typed errors for the rest.

use crate::core::config::redact_all;
use crate::core::error::join;
use crate::core::error::{Error, ErrorCode};
use crate::core::json::read::shifted;
use crate::core::json::{decimal, trim, Object, Path, Value};
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
    /// The error body in `value` when it is an object: its `message`, `details`
    /// and `reason`, each read on its own (one that is not a string is left out,
    /// the others kept).
    pub fn read(value: &Value) -> Option<Self> {
        let at = Path::root("body");
        let Ok(fields) = Fields::lenient(value, &at) else {
            return None;
        };
        Some(Self {
            message: Self::text(&fields, "message"),
            details: Self::text(&fields, "details"),
            reason: Self::text(&fields, "reason"),
            status: None,
        })
    }

    /// The member `key` of an error body's `fields`, if it is a string.
    pub(crate) fn text(fields: &Fields, key: &str) -> Option<String> {
        match fields.get(key) {
            Some(Value::String(text)) => Some(text.as_str().to_owned()),
            _ => None,
        }
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

/// The text Sinch puts in the 500 it answers when a bot goes over 20 requests per
/// second (whatsapp-capability.md; looked for in `message`, `details` and `reason`).
const RATE_LIMIT_MESSAGE: &str = "Request could not be processed";
/// Longest error (non-2xx) body parsed: Sinch's are a few hundred bytes, and a
/// parse costs many times its text; a longer one reads as a body that is not JSON.
pub const MAX_ERROR_BODY_BYTES: usize = 64 << 10;
/// The most milliseconds a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The JSON of a non-2xx answer's `body`, unless it is not JSON or is longer than
/// [`MAX_ERROR_BODY_BYTES`].
pub fn error_json(body: &str) -> Option<Value> {
    if body.len() > MAX_ERROR_BODY_BYTES {
        return None;
    }
    crate::core::json::parse(body).ok()
}
/// Longest `details` kept from an error body; the rest is cut.
const MAX_DETAILS_CHARS: usize = crate::core::config::MAX_TEXT_CHARS;

/// The typed error for a non-2xx answer. `body` is the parsed error body when it
/// was JSON of the documented shape; `retry_after` is the raw `Retry-After` header.
pub fn error_for_status(status: u16, body: Option<ErrorBody>, retry_after: Option<&str>) -> Error {
    answer_error(status, body, retry_after, None)
}

/// [`error_for_status`] of the standalone API (`not_found` `None`), or of the
/// Conversation API: its summaries (`not_found` a 404's, which hints at the region)
/// and the gRPC status in the message. Whether it is retried is
/// [`crate::core::retry`]'s to say.
pub fn answer_error(
    status: u16,
    body: Option<ErrorBody>,
    retry_after: Option<&str>,
    not_found: Option<&str>,
) -> Error {
    let body = body.unwrap_or_default();
    let upstream = match &body.message {
        Some(message) => message.as_str(),
        None => "",
    };
    let says_rate_limit = [&body.message, &body.details, &body.reason]
        .iter()
        .any(|text| matches!(text, Some(text) if trim(text) == RATE_LIMIT_MESSAGE));
    let code = match status {
        400 => ErrorCode::BadRequest,
        401 | 403 => ErrorCode::Unauthorized,
        404 => ErrorCode::NotFound,
        429 => ErrorCode::RateLimited,
        500 if says_rate_limit => ErrorCode::RateLimited,
        500..=599 => ErrorCode::ServerError,
        _ => ErrorCode::UnexpectedStatus,
    };
    let summary = match (code, not_found) {
        (ErrorCode::BadRequest, _) => "Sinch rejected the request",
        (ErrorCode::Unauthorized, None) => {
            "Sinch refused the credentials (a wrong token, or another region's bot)"
        }
        (ErrorCode::Unauthorized, Some(_)) => {
            "Sinch refused the credentials (a wrong key, or another project's)"
        }
        (ErrorCode::NotFound, None) => "Sinch found no such resource",
        (ErrorCode::NotFound, Some(summary)) => summary,
        (ErrorCode::RateLimited, None) => {
            "Sinch is rate-limiting this bot (20 requests per second)"
        }
        (ErrorCode::RateLimited, Some(_)) => "Sinch is rate-limiting this project",
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
    let colon = if upstream.is_empty() { "" } else { ": " };
    let message = join(&[
        summary,
        " (HTTP ",
        &decimal(status.into()),
        space,
        grpc,
        ")",
        colon,
        &truncate(upstream),
    ]);
    let mut err = Error::new(code, message);
    err.status = Some(status);
    err.details = body.details.or(body.reason).map(|d| truncate(&d));
    err.retry_after_ms = retry_after.and_then(parse_retry_after);
    err
}

/// `Retry-After` as delta-seconds, in milliseconds. The HTTP-date form is ignored
/// (treated as absent): it needs a trustworthy clock, and Sinch documents neither
/// form. A number too big to count saturates (RFC 9111 §1.2.2), at the most a JS
/// number holds exactly: a wait that long is refused by `maxRetryAfterMs`.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let value = trim(value);
    // As `u64`'s `FromStr` reads its form: one optional `+`, then digits.
    let value = value.strip_prefix("+").unwrap_or(value);
    let mut seconds: u64 = 0;
    for byte in value.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        seconds = shifted(seconds, 10, u64::from(byte - b'0')).unwrap_or(u64::MAX);
    }
    (!value.is_empty()).then(|| {
        shifted(seconds, 1000, 0)
            .unwrap_or(u64::MAX)
            .min(MAX_SAFE_INTEGER)
    })
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
    let why = join(&[
        "over maxResponseBytes (",
        &decimal(max_bytes.into()),
        " bytes)",
    ]);
    invalid_response(status, &why)
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
        join(&["Sinch answered ", &shown, "; the redirect was not followed"]),
    );
    err.status = status;
    err.details = location.map(|l| join(&["Location: ", &truncate(l)]));
    err
}

#[cfg(test)]
mod tests;
