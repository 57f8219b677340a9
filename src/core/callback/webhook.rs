//! Conversation API webhook signatures.
//!
//! A webhook registered with a `secret` (or a message's `callback_url`, signed with
//! the app's `secret_for_overridden_callback_urls`) carries four headers:
//! [`WEBHOOK_SIGNATURE_HEADER`], [`WEBHOOK_NONCE_HEADER`],
//! [`WEBHOOK_TIMESTAMP_HEADER`] (Unix seconds) and [`WEBHOOK_ALGORITHM_HEADER`]
//! ([`HMAC_SHA256`]). The signature is standard base64 (padded) of HMAC-SHA256,
//! keyed with the secret's UTF-8 bytes, over the raw body, `.`, the nonce, `.`, the
//! timestamp. The comparison is constant time. Beyond Sinch's SDKs, a timestamp
//! further than a tolerance ([`Freshness`]) from now is refused, so that a captured
//! callback cannot be replayed later; remember the nonces of the tolerance window
//! to refuse a replay within it.
//!
//! Errors are those of [`verify_signature`](super::verify_signature): an empty
//! secret is `invalid_argument` (`field: "key"`); a missing, malformed or
//! duplicated header, another algorithm, or a timestamp outside the tolerance is
//! `signature_invalid` naming the header; a signature that does not match is
//! `signature_invalid` with no `field`.

use super::mac_text::{decode_signature, MAC_LEN};
use super::sha256::HmacSha256;
use super::signature::{algorithm_is, collect, header_error, keyed, required, usable, Values};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::decimal;

/// The header with the signature.
pub const WEBHOOK_SIGNATURE_HEADER: &str = "x-sinch-webhook-signature";
/// The header with the nonce.
pub const WEBHOOK_NONCE_HEADER: &str = "x-sinch-webhook-signature-nonce";
/// The header with the time of signing, in Unix seconds.
pub const WEBHOOK_TIMESTAMP_HEADER: &str = "x-sinch-webhook-signature-timestamp";
/// The header naming the algorithm.
pub const WEBHOOK_ALGORITHM_HEADER: &str = "x-sinch-webhook-signature-algorithm";
/// The only algorithm accepted (matched ignoring ASCII case).
pub const HMAC_SHA256: &str = "HmacSHA256";
/// The four headers, in the order [`verify_webhook`] takes their values.
pub const WEBHOOK_HEADERS: [&str; 4] = [
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_NONCE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WEBHOOK_ALGORITHM_HEADER,
];
/// The default tolerance: five minutes either side of now.
pub const DEFAULT_TOLERANCE_SECONDS: u64 = 300;

/// Now, and how far from it (either way) a webhook's timestamp may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// Now, in Unix seconds.
    pub now: i64,
    /// Seconds a timestamp may be from `now`, older or newer.
    pub tolerance: u64,
}

impl Freshness {
    /// `now` with the default tolerance ([`DEFAULT_TOLERANCE_SECONDS`]).
    pub fn at(now: i64) -> Self {
        Self {
            now,
            tolerance: DEFAULT_TOLERANCE_SECONDS,
        }
    }
}

/// Checks a webhook's signature given the values of [`WEBHOOK_HEADERS`], in that
/// order (an empty value counts as missing; surrounding whitespace is ignored).
///
/// ```
/// use sinch_whatsapp::core::callback::webhook::{verify_webhook, Freshness};
///
/// // Test vector A of Sinch's Node SDK (a contact-create callback).
/// let body = include_bytes!("testdata/vector-a-body.json");
/// let sig = "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=";
/// let headers = [sig, "01FJA8B4A7BM43YGWSG9GBV067", "1634579353", "HmacSHA256"];
/// verify_webhook(body, headers, b"foo_secret1234", Freshness::at(1634579400))?;
/// let stale = verify_webhook(body, headers, b"foo_secret1234", Freshness::at(1634580000));
/// assert!(stale.is_err());
/// # Ok::<(), sinch_whatsapp::core::error::Error>(())
/// ```
pub fn verify_webhook(
    raw_body: &[u8],
    [signature, nonce, timestamp, algorithm]: [&str; 4],
    secret: &[u8],
    freshness: Freshness,
) -> Result<()> {
    let values = [
        Some(signature),
        Some(algorithm),
        Some(nonce),
        Some(timestamp),
    ];
    if check(raw_body, values, &WEBHOOK, secret, freshness)? {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::SignatureInvalid,
            "the webhook signature does not match the body, nonce, timestamp and secret \
             (wrong secret, or the body was changed or re-serialised)",
        ))
    }
}

/// A form of signature: the names of its signature, algorithm, nonce and timestamp
/// headers (`""`: none), the algorithm it takes and the rule an undecodable
/// signature breaks.
pub(super) type Form = [&'static str; 6];

/// The Conversation API's form.
pub(super) const WEBHOOK: Form = [
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_ALGORITHM_HEADER,
    WEBHOOK_NONCE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    HMAC_SHA256,
    "is not a padded base64 HMAC-SHA256",
];

/// Both forms' one check, of the values of `form`'s signature, algorithm, nonce and
/// timestamp headers: whether the signature matches (the mismatch is no error
/// here: `verify_callback` answers `false`, and the texts of the two mismatch
/// errors are not linked in the wasm). A form with no timestamp header
/// (`""`: the standalone API) takes a signature in hex or base64, signed over the
/// body and nonce, and is never stale (its time is `freshness.now`), so its nonce
/// may not hold a `.` (a webhook's signature would verify with the nonce
/// `nonce.timestamp`, never stale); the webhook's,
/// in padded base64 over the body, nonce and timestamp, the timestamp within
/// `freshness`.
pub(super) fn check(
    raw_body: &[u8],
    [signature, algorithm, nonce, timestamp]: Values,
    &[signature_header, algorithm_header, nonce_header, timestamp_header, expected, undecodable]: &Form,
    key: &[u8],
    freshness: Freshness,
) -> Result<bool> {
    usable(key)?;
    let signature = required(signature_header, signature)?;
    algorithm_is(algorithm_header, algorithm, expected)?;
    let nonce = required(nonce_header, nonce)?;
    let webhook = !timestamp_header.is_empty();
    // Not `contains`: it links core's `memchr` (+164 B gzip); not `bytes()`: a `Copied` fold.
    #[allow(clippy::manual_contains)]
    let dotted = nonce.as_bytes().iter().any(|&b| b == b'.');
    let (timestamp, seconds) = if webhook {
        let timestamp = required(timestamp_header, timestamp)?;
        let seconds = unix_seconds(timestamp)
            .ok_or_else(|| header_error(timestamp_header, "is not a time in Unix seconds"))?;
        (Some(timestamp), seconds)
    } else if dotted {
        // `body.nonce.timestamp` is also `body.` and the nonce `nonce.timestamp`.
        return Err(header_error(nonce_header, "contains a `.`"));
    } else {
        (None, freshness.now)
    };
    let mut expected = [0; MAC_LEN];
    if !decode_signature(signature, webhook, &mut expected) {
        return Err(header_error(signature_header, undecodable));
    }
    if seconds.abs_diff(freshness.now) > freshness.tolerance {
        let rule = if seconds < freshness.now {
            "is older than"
        } else {
            "is further ahead than"
        };
        return Err(header_error(
            timestamp_header,
            &super::join(&[
                rule,
                " the tolerance of ",
                &decimal(freshness.tolerance),
                " s allows",
            ]),
        ));
    }
    let mut mac = HmacSha256::new(key);
    mac_over(&mut mac, raw_body, nonce, timestamp);
    Ok(mac.verify(&expected))
}

/// Checks a webhook's signature given its headers as `(name, value)` pairs (names
/// matched ignoring ASCII case; other headers ignored), as [`verify_webhook`] does.
pub fn verify_webhook_headers<I, N, V>(
    raw_body: &[u8],
    headers: I,
    secret: &[u8],
    freshness: Freshness,
) -> Result<()>
where
    I: IntoIterator<Item = (N, V)>,
    N: AsRef<str>,
    V: AsRef<str>,
{
    collect(headers, &WEBHOOK_HEADERS, |values| {
        verify_webhook(raw_body, values, secret, freshness)
    })
}

/// The HMAC-SHA256 of `raw_body`, `.`, `nonce`, `.`, `timestamp` under `secret`:
/// what Sinch signs (for tests and local emulators; base64 it for the header).
pub fn webhook_signature(
    raw_body: &[u8],
    nonce: &str,
    timestamp: &str,
    secret: &[u8],
) -> Result<[u8; MAC_LEN]> {
    let mut mac = keyed(secret)?;
    mac_over(&mut mac, raw_body, nonce, Some(timestamp));
    Ok(mac.finish())
}

/// `mac` over the body, `.`, the nonce, and `.` and the timestamp when there is one (by
/// reference: the 164-byte hasher is not copied in and out).
pub(super) fn mac_over(
    mac: &mut HmacSha256,
    raw_body: &[u8],
    nonce: &str,
    timestamp: Option<&str>,
) {
    mac.update(raw_body);
    mac.update(b".");
    mac.update(nonce.as_bytes());
    if let Some(timestamp) = timestamp {
        mac.update(b".");
        mac.update(timestamp.as_bytes());
    }
}

/// A timestamp of 1 to 18 ASCII digits as seconds.
fn unix_seconds(text: &str) -> Option<i64> {
    let digits = text.as_bytes();
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut seconds = 0;
    for &digit in digits {
        seconds = seconds * 10 + i64::from(digit.checked_sub(b'0').filter(|d| *d < 10)?);
    }
    Some(seconds)
}

#[cfg(test)]
#[path = "webhook_tests.rs"]
mod tests;
