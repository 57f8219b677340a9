//! The Conversation API's errors (brief §5): both body forms, `{"error": {code,
//! message, status, details}}` and the flat `{code, message, status}` (and the
//! token URL's OAuth2 `{error, error_description}`), an empty or non-JSON body
//! tolerated (so is one over [`crate::core::response::MAX_ERROR_BODY_BYTES`], as
//! one that is not JSON); a 404 hints at the region (a stored message's says
//! where it looked, [`STORED_NOT_FOUND`]).

use crate::core::error::{join, Error, ErrorCode};
use crate::core::json::{Object, Path, Value};
use crate::core::response::{answer_error, error_json, ErrorBody};
use crate::prelude::*;

/// What an error body says (its message, gRPC-style status and details, as far as
/// they are strings; anything else is left out), every one of `secrets` redacted.
fn read_body(body: &str, secrets: &[&str]) -> Option<ErrorBody> {
    let value = error_json(body)?;
    let inner = match value.get("error") {
        Some(error @ Value::Object(_)) => error,
        _ => &value,
    };
    let at = Path::root("body");
    let Ok(fields) = Object::lenient(inner, &at) else {
        return None;
    };
    let text = |key| ErrorBody::text(&fields, key);
    // `details: [{type_url, value}]` as "type_url: value; …" (a string kept as it is).
    let details = match fields.get("details") {
        Some(Value::Array(items)) => {
            let mut text = String::new();
            for item in items {
                for (key, before) in &[("type_url", "; "), ("value", ": ")] {
                    if let Some(Value::String(part)) = item.get(key) {
                        if !text.is_empty() {
                            text.push_str(before);
                        }
                        text.push_str(part);
                    }
                }
            }
            Some(text).filter(|t| !t.is_empty())
        }
        Some(Value::String(text)) => Some(text.as_str().to_owned()),
        _ => None,
    };
    let body = ErrorBody {
        // The token URL answers in OAuth2's form, `{error, error_description}`.
        message: text("message").or_else(|| text("error_description")),
        details,
        reason: None,
        status: text("status"),
    };
    Some(body.redacted(secrets))
}

/// What a 404 says: no such resource, or an app in another region.
pub const NOT_FOUND: &str = "Sinch found no such resource (is the app in another region?)";
/// What a 404 to `callbackStatus` says. It is only ever shown for the second source
/// asked (the JS face asks CONVERSATION_SOURCE after a first 404 from
/// DISPATCH_SOURCE, and drops that one), so it speaks of both.
pub const STORED_NOT_FOUND: &str =
    "Sinch found no such message in either source: it expired, or the \
    app is in another region";

/// The typed error of a non-2xx answer `status` with `body` and the raw
/// `Retry-After` header, every one of `secrets` redacted from what the body says;
/// a 404 says `not_found` ([`NOT_FOUND`] or [`STORED_NOT_FOUND`]).
pub fn error_for_status(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
    secrets: &[&str],
    not_found: &str,
) -> Error {
    answer_error(
        status,
        read_body(body, secrets),
        retry_after,
        Some(not_found),
    )
}

/// The `unsupported` error of method `name` under `api: "conversation"`: `why`
/// says why and what to use instead.
pub fn unsupported(name: &str, why: &str) -> Error {
    Error::new(
        ErrorCode::Unsupported,
        join(&[name, " is not supported with api: \"conversation\": ", why]),
    )
}
