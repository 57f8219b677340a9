//! Raw callback body to a typed [`Callback`].
//!
//! The body is strict JSON (RFC 8259: no comments, no trailing commas), read by
//! [`crate::core::json::parse`], whose nesting limit (128) turns hostile deep
//! nesting into an error instead of a stack overflow. A leading UTF-8 byte-order
//! mark is skipped. No error quotes the body.

use super::model::Callback;
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{self, decimal, Value};
use crate::prelude::*;
use core::str::FromStr;

/// What every error of a body that is not a callback starts with.
pub(super) const NOT_A_CALLBACK: &str = "the callback is not a Sinch WhatsApp callback: ";

/// The error for a body that is not a Sinch WhatsApp callback (the reason taken
/// as built, not copied).
fn invalid_callback(reason: String) -> Error {
    Error::new(ErrorCode::InvalidCallback, reason)
}

/// Parses a callback body.
///
/// Errors ([`ErrorCode::InvalidCallback`]) only when the body is not a Sinch
/// WhatsApp callback at all: empty, not JSON (or nested deeper than 128), not an
/// object with `type: "whatsapp"`, a known top-level field of the wrong type (e.g.
/// `statuses` not an array; `field` names it). A malformed entry of a list (a
/// missing required field, a field of the wrong type) is kept in its place as an
/// [`InvalidEntry`](super::entry::InvalidEntry), and the other entries are typed.
/// Unknown fields and unknown message types are kept, not errors.
///
/// ```
/// use sinch_whatsapp::core::callback::{parse, DeliveryState};
/// use sinch_whatsapp::core::error::ErrorCode;
///
/// let cb = parse(r#"{"type":"whatsapp","statuses":[{"status":"success","state":"delivered",
///     "message_id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122"}]}"#)?;
/// assert_eq!(cb.statuses[0].valid().map(|s| &s.state), Some(&DeliveryState::Delivered));
/// assert_eq!(parse("{}").unwrap_err().code, ErrorCode::InvalidCallback);
/// let partly = parse(r#"{"type":"whatsapp","statuses":[{"state":"read"}]}"#)?;
/// let bad = partly.statuses[0].invalid().map(|e| e.error.field.as_str());
/// assert_eq!(bad, Some("statuses[0].status"));
/// # Ok::<(), sinch_whatsapp::core::error::Error>(())
/// ```
pub fn parse(raw: &str) -> Result<Callback> {
    parse_bytes(raw.as_bytes())
}

/// Parses a callback body given as bytes: like [`parse()`], after checking that the
/// bytes are UTF-8 (the error gives the offset of the first bad byte).
pub fn parse_bytes(raw: &[u8]) -> Result<Callback> {
    Callback::from_value(&body(raw)?).map_err(not_a_callback)
}

/// The body's JSON value (a leading byte-order mark skipped), or why it has none:
/// its bytes are not UTF-8 (checked first, over the whole body), it is blank, or
/// it is not JSON.
pub(super) fn body(raw: &[u8]) -> Result<Value> {
    if let Some(at) = json::utf8_error(raw) {
        return Err(invalid_callback(super::join(&[
            "the callback body is not valid UTF-8 at byte ",
            &decimal(at as u64),
        ])));
    }
    let text = match raw {
        [0xEF, 0xBB, 0xBF, rest @ ..] => rest,
        _ => raw,
    };
    if json::blank(text) {
        return Err(invalid_callback("the callback body is empty".into()));
    }
    json::parse_utf8(text).map_err(|err| {
        invalid_callback(super::join(&[
            "the callback body is not JSON: ",
            err.reason,
            " at byte ",
            &decimal(err.offset as u64),
        ]))
    })
}

/// A reader's error on the body's value, as `invalid_callback` keeping its `field`.
fn not_a_callback(err: Error) -> Error {
    let mut out = invalid_callback(super::join(&[NOT_A_CALLBACK, &err.message]));
    out.field = err.into_fields().field;
    out
}

impl FromStr for Callback {
    type Err = Error;

    fn from_str(raw: &str) -> Result<Self> {
        parse(raw)
    }
}
