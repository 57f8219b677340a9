//! Callback signature verification.
//!
//! When signing is configured, Sinch sends three headers with each callback:
//! [`SIGNATURE_HEADER`], [`SIGNATURE_ALGORITHM_HEADER`] (value [`HMAC_SHA_256`])
//! and [`SIGNATURE_NONCE_HEADER`]. The signature is HMAC-SHA256, keyed with the
//! customer's key, over the raw body bytes, a `.`, and the nonce. Sinch does not
//! say how the signature is encoded, so both base64 (standard alphabet, with or
//! without padding) and hex (either case) are accepted. The comparison is constant
//! time. Verify the raw bytes as received, never a re-serialized JSON.
//!
//! Errors: an empty key is [`ErrorCode::InvalidArgument`] (`field: "key"`); every
//! other failure is [`ErrorCode::SignatureInvalid`], with `field` naming the header
//! at fault (missing, empty, duplicated with different values, unsupported
//! algorithm, undecodable signature, a nonce with a `.`) or `None` when the
//! headers are well formed but the signature does not match the body, nonce and
//! key. A nonce with a `.` is refused because a Conversation webhook's signature,
//! over `body.nonce.timestamp`, would verify here with the nonce
//! `nonce.timestamp`, and this form is never stale: a captured webhook could be
//! replayed for ever.

use super::mac_text::MAC_LEN;
use super::sha256::HmacSha256;
use super::webhook::{check, mac_over, Form, Freshness};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{char_at, trim};
use crate::prelude::*;

/// The header with the signature.
pub const SIGNATURE_HEADER: &str = "sinch-whatsapp-callback-signature";
/// The header naming the algorithm.
pub const SIGNATURE_ALGORITHM_HEADER: &str = "sinch-whatsapp-callback-signature-algorithm";
/// The header with the nonce.
pub const SIGNATURE_NONCE_HEADER: &str = "sinch-whatsapp-callback-signature-nonce";
/// The only documented algorithm.
pub const HMAC_SHA_256: &str = "HMAC_SHA_256";

/// Longest header value quoted in an error.
const MAX_QUOTED_CHARS: usize = 40;

/// Checks a callback's signature given the three header values.
///
/// `raw_body` is the body exactly as received; `signature`, `algorithm` and `nonce`
/// are the values of [`SIGNATURE_HEADER`], [`SIGNATURE_ALGORITHM_HEADER`] and
/// [`SIGNATURE_NONCE_HEADER`] (an empty value counts as a missing header;
/// surrounding whitespace is ignored; the algorithm name is matched ignoring ASCII
/// case). `Ok(())` means the signature matches. See the [module docs](self) for
/// the errors.
///
/// ```
/// use sinch_whatsapp::core::callback::verify_signature;
///
/// let body = br#"{"type":"whatsapp"}"#;
/// // printf '%s' '{"type":"whatsapp"}.n1' | openssl dgst -sha256 -hmac key -binary | base64
/// let sig = "H8zVi8eAMNw6TbV76wyDaUFMx9iYCy8zhraG9truo+I=";
/// verify_signature(body, sig, "HMAC_SHA_256", "n1", b"key")?;
/// assert!(verify_signature(body, sig, "HMAC_SHA_256", "n2", b"key").is_err());
/// # Ok::<(), sinch_whatsapp::core::error::Error>(())
/// ```
pub fn verify_signature(
    raw_body: &[u8],
    signature: &str,
    algorithm: &str,
    nonce: &str,
    key: &[u8],
) -> Result<()> {
    // The time is not read: a form with no timestamp is never stale.
    let values = [Some(signature), Some(algorithm), Some(nonce), None];
    if check(raw_body, values, &STANDALONE, key, Freshness::at(0))? {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::SignatureInvalid,
            "the callback signature does not match the body, nonce and key \
             (wrong key, or the body was changed)",
        ))
    }
}

/// The standalone API's form.
pub(super) const STANDALONE: Form = [
    SIGNATURE_HEADER,
    SIGNATURE_ALGORITHM_HEADER,
    SIGNATURE_NONCE_HEADER,
    "",
    HMAC_SHA_256,
    "is not a hex or base64 HMAC-SHA256",
];

/// Checks a callback's signature given its headers as `(name, value)` pairs
/// (names matched ignoring ASCII case; other headers ignored), as
/// [`verify_signature`] does. A header repeated with the same value is accepted;
/// repeated with different values it is an error.
///
/// ```
/// use sinch_whatsapp::core::callback::verify_signature_headers;
///
/// let headers = [
///     ("Content-Type", "application/json"),
///     ("Sinch-WhatsApp-Callback-Signature", "H8zVi8eAMNw6TbV76wyDaUFMx9iYCy8zhraG9truo+I="),
///     ("Sinch-WhatsApp-Callback-Signature-Algorithm", "HMAC_SHA_256"),
///     ("Sinch-WhatsApp-Callback-Signature-Nonce", "n1"),
/// ];
/// verify_signature_headers(br#"{"type":"whatsapp"}"#, headers, b"key")?;
/// # Ok::<(), sinch_whatsapp::core::error::Error>(())
/// ```
pub fn verify_signature_headers<I, N, V>(raw_body: &[u8], headers: I, key: &[u8]) -> Result<()>
where
    I: IntoIterator<Item = (N, V)>,
    N: AsRef<str>,
    V: AsRef<str>,
{
    collect(
        headers,
        &STANDALONE[..3],
        |[signature, algorithm, nonce, _]| {
            verify_signature(raw_body, signature, algorithm, nonce, key)
        },
    )
}

/// The values of up to four headers, in the order of their names, borrowed.
pub(super) type Values<'a> = [Option<&'a str>; 4];

/// `verify` of the values of the headers `names` (at most four; matched ignoring
/// ASCII case, trimmed; others ignored), in their order, empty when missing. A header
/// repeated with the same value is accepted; with different values it is an error
/// naming it.
pub(super) fn collect<I, N, V>(
    headers: I,
    names: &[&'static str],
    verify: impl FnOnce([&str; 4]) -> Result<()>,
) -> Result<()>
where
    I: IntoIterator<Item = (N, V)>,
    N: AsRef<str>,
    V: AsRef<str>,
{
    let pairs: Vec<(N, V)> = headers.into_iter().collect();
    let mut values = Values::default();
    for (name, value) in &pairs {
        note(
            &mut values,
            names,
            trim(name.as_ref()),
            trim(value.as_ref()),
        )
        .map_err(repeated)?;
    }
    verify(texts(&values))
}

/// Notes one header, its name and value already trimmed, in `values` when it is one
/// of `names` (not generic: one copy), saying whether it is; a header seen before
/// with another value is the error, its name (see [`repeated`]).
pub(super) fn note<'a>(
    values: &mut Values<'a>,
    names: &[&'static str],
    name: &str,
    value: &'a str,
) -> core::result::Result<bool, &'static str> {
    for (header, slot) in names.iter().zip(values.iter_mut()) {
        if header.eq_ignore_ascii_case(name) {
            return match slot {
                Some(seen) if !super::schema::same(seen, value) => Err(header),
                _ => {
                    *slot = Some(value);
                    Ok(true)
                }
            };
        }
    }
    Ok(false)
}

/// The values [`note`] found, empty when missing.
pub(super) fn texts<'a>(values: &Values<'a>) -> [&'a str; 4] {
    let [a, b, c, d] = *values;
    [
        a.unwrap_or_default(),
        b.unwrap_or_default(),
        c.unwrap_or_default(),
        d.unwrap_or_default(),
    ]
}

/// The HMAC-SHA256 of `raw_body`, `.`, `nonce` under `key`: what Sinch signs (for
/// tests and local emulators; encode it as you need).
pub fn compute_signature(raw_body: &[u8], nonce: &str, key: &[u8]) -> Result<[u8; MAC_LEN]> {
    let mut mac = keyed(key)?;
    mac_over(&mut mac, raw_body, nonce, None);
    Ok(mac.finish())
}

pub(super) fn keyed(key: &[u8]) -> Result<HmacSha256> {
    usable(key)?;
    Ok(HmacSha256::new(key))
}

/// That `key` is not empty.
pub(super) fn usable(key: &[u8]) -> Result<()> {
    if key.is_empty() {
        return Err(Error::invalid("key", "must not be empty"));
    }
    Ok(())
}

/// That `header` names the algorithm `expected` (ignoring ASCII case).
pub(super) fn algorithm_is(
    header: &'static str,
    value: Option<&str>,
    expected: &str,
) -> Result<()> {
    let algorithm = required(header, value)?;
    if algorithm.eq_ignore_ascii_case(expected) {
        return Ok(());
    }
    Err(header_error(
        header,
        &super::join(&["is `", &quote(algorithm), "`, not `", expected, "`"]),
    ))
}

/// The trimmed value (`None`: the header is missing), or the "missing header" error.
pub(super) fn required<'a>(header: &'static str, value: Option<&'a str>) -> Result<&'a str> {
    let value = trim(value.unwrap_or_default());
    if value.is_empty() {
        return Err(header_error(header, "is missing or empty"));
    }
    Ok(value)
}

/// The error of a header given twice with different values.
pub(super) fn repeated(header: &'static str) -> Error {
    header_error(header, "appears more than once with different values")
}

pub(super) fn header_error(header: &'static str, rule: &str) -> Error {
    let mut err = Error::new(
        ErrorCode::SignatureInvalid,
        super::join(&["header `", header, "` ", rule]),
    );
    err.field = Some(header.to_owned());
    err
}

/// `value` for an error: its first [`MAX_QUOTED_CHARS`] characters, control
/// characters as `?`, `…` when cut (a loop over [`char_at`]: no `char` collect, and
/// no `Chars` decoder beside the crate's one).
fn quote(value: &str) -> String {
    let mut text = String::new();
    let (mut at, mut n) = (0, 0);
    while let Ok((c, len)) = char_at(value.as_bytes().get(at..).unwrap_or_default()) {
        if n == MAX_QUOTED_CHARS {
            text.push('…');
            break;
        }
        text.push(if c.is_control() { '?' } else { c });
        at += len;
        n += 1;
    }
    text
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
