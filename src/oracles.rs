//! Test oracles: the reference forms the unit tests, the integration tests and the fuzz
//! targets hold the library to, written once. Compiled for the crate's own unit tests and
//! with the Cargo feature `oracles`, which only the crate's dev-dependency on itself and the
//! fuzz crate turn on: no package build has it (scripts/build.sh builds with
//! `--no-default-features`), so none of this ships.

use crate::core::callback::headers::header_pairs;
use crate::core::callback::webhook::{Freshness, WEBHOOK_HEADERS};
use crate::core::callback::{verify_signature_headers, verify_webhook_headers};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json;

/// `verify_callback` as it was written first: every pair read, then the form chosen by
/// the names, then that form's headers collected (the wasm's one pass must agree).
pub fn two_passes(body: &[u8], headers: &str, key: &[u8], freshness: Freshness) -> Result<bool> {
    let headers =
        json::parse(headers).map_err(|_| Error::invalid("headers", "could not be read"))?;
    let pairs = header_pairs(&headers)?;
    let webhook = pairs.iter().any(|(name, _)| {
        let name = name.trim();
        WEBHOOK_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
    });
    let verdict = if webhook {
        verify_webhook_headers(body, pairs, key, freshness)
    } else {
        verify_signature_headers(body, pairs, key)
    };
    match verdict {
        Ok(()) => Ok(true),
        Err(err) if err.code == ErrorCode::SignatureInvalid && err.field.is_none() => Ok(false),
        Err(err) => Err(err),
    }
}
