//! `verifyCallbackSignature` as JS calls it: the body and key as bytes, the headers
//! as JSON text (its UTF-8 bytes, as the crossing hands them over), and now with the
//! tolerance for a Conversation API webhook's timestamp. With no [`CallbackApi`]
//! given, a Conversation webhook (any `x-sinch-webhook-signature*` header) is
//! checked as [`verify_webhook_headers`](super::verify_webhook_headers) checks it,
//! any other callback as a standalone one, as
//! [`verify_signature_headers`](super::verify_signature_headers) does; with one
//! given, only that API's form (the other's headers count as none), both forms'
//! headers collected in one pass over the pairs (no list of pairs, no owned values;
//! the generic Rust functions hold their pairs in a `Vec` first: `signature::collect`).
//! The headers — `[[name, value], …]` pairs (from a `Headers` or an array) or an
//! object of name → value or values (as Node's `req.headers`, where a repeated
//! header holds an array).

use super::signature::{note, repeated, Values, STANDALONE};
use super::webhook::{check, Freshness, WEBHOOK};
use crate::core::error::{Error, Result};
use crate::core::json::trim;
use crate::core::json::{self, Path, Value};
use crate::prelude::*;

/// The API whose signature form a callback must carry (JS: `options.api`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackApi {
    /// `"whatsapp"`: the standalone API's `sinch-whatsapp-callback-signature*`.
    WhatsApp,
    /// `"conversation"`: the Conversation API's `x-sinch-webhook-signature*`.
    Conversation,
}

/// `Ok(true)` when the signature matches, `Ok(false)` when the headers are well
/// formed but it does not; an error when the headers cannot be read (not JSON,
/// or not UTF-8: `invalid_argument`, `field` naming them), the key is empty, or a signature
/// header is missing or malformed, or a webhook's timestamp is not within
/// `freshness` (`signature_invalid`, `field` naming it). Either form, chosen by the
/// headers: a receiver of one API's callbacks should name it
/// ([`verify_callback_from`]).
pub fn verify_callback(
    raw_body: &[u8],
    headers: impl AsRef<[u8]>,
    key: &[u8],
    freshness: Freshness,
) -> Result<bool> {
    verify_callback_from(raw_body, headers, key, freshness, None)
}

/// [`verify_callback`], taking only `api`'s form when it is given: a callback
/// without that form's headers is refused as missing its signature header,
/// whatever other signature it carries.
pub fn verify_callback_from(
    raw_body: &[u8],
    headers: impl AsRef<[u8]>,
    key: &[u8],
    freshness: Freshness,
    api: Option<CallbackApi>,
) -> Result<bool> {
    let headers = json::parse_utf8(headers.as_ref())
        .map_err(|_| Error::invalid("headers", "could not be read"))?;
    // One pass collects both forms' values; the first repeat with another value of
    // each form is kept for later, so that a malformed pair anywhere comes first and
    // the form not chosen never fails (as reading all pairs, then one form's, did).
    let mut standalone = (Values::default(), None);
    let mut webhook = (Values::default(), None);
    let mut is_webhook = false;
    each_pair(&headers, |name, value| {
        let (name, value) = (trim(name), trim(value));
        is_webhook |= keep(&mut webhook, &WEBHOOK[..4], name, value);
        keep(&mut standalone, &STANDALONE[..3], name, value);
    })?;
    let is_webhook = api.map_or(is_webhook, |api| api == CallbackApi::Conversation);
    let ((values, fault), form) = if is_webhook {
        (webhook, &WEBHOOK)
    } else {
        (standalone, &STANDALONE)
    };
    if let Some(header) = fault {
        return Err(repeated(header));
    }
    check(raw_body, values, form, key, freshness)
}

/// A form's values and the first header repeated with another value; whether
/// `name` is one of `names`.
fn keep<'v>(
    (values, fault): &mut (Values<'v>, Option<&'static str>),
    names: &[&'static str],
    name: &str,
    value: &'v str,
) -> bool {
    match note(values, names, name, value) {
        Ok(known) => known,
        Err(header) => {
            fault.get_or_insert(header);
            true
        }
    }
}

/// The `(name, value)` pairs of `headers`, borrowed from it.
pub fn header_pairs(headers: &Value) -> Result<Vec<(&str, &str)>> {
    let mut pairs = Vec::new();
    each_pair(headers, |name, value| pairs.push((name, value)))?;
    Ok(pairs)
}

/// Calls `each` with the `(name, value)` pairs of `headers` in order; an error names
/// the first malformed part.
fn each_pair<'v>(headers: &'v Value, mut each: impl FnMut(&'v str, &'v str)) -> Result<()> {
    let at = Path::root("headers");
    match headers {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = at.index(i);
                match strings(item, &at)? {
                    [Value::String(name), Value::String(value)] => each(name, value),
                    _ => return Err(at.invalid("must be a [name, value] pair")),
                }
            }
        }
        Value::Object(members) => {
            for (name, value) in members {
                let at = at.key(name);
                // One value, or the values of a repeated header.
                let values = match value {
                    Value::String(_) => core::slice::from_ref(value),
                    Value::Array(_) => strings(value, &at)?,
                    _ => return Err(at.invalid("must be a string or an array of strings")),
                };
                for value in values {
                    if let Value::String(value) = value {
                        each(name, value);
                    }
                }
            }
        }
        _ => {
            return Err(
                at.invalid("must be a Headers, an object or an array of [name, value] pairs")
            )
        }
    }
    Ok(())
}

/// The items of an array of strings; an error names the first item that is not one.
fn strings<'v>(value: &'v Value, at: &Path) -> Result<&'v [Value]> {
    let Value::Array(items) = value else {
        return Err(at.invalid("must be an array"));
    };
    match items
        .iter()
        .position(|item| !matches!(item, Value::String(_)))
    {
        Some(i) => Err(at.index(i).invalid("must be a string")),
        None => Ok(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::callback::{compute_signature, SIGNATURE_HEADER};
    use crate::core::error::ErrorCode;
    use crate::oracles::two_passes;

    const BODY: &[u8] = br#"{"type":"whatsapp"}"#;
    const NOW: Freshness = Freshness {
        now: 1_714_644_931,
        tolerance: 300,
    };

    /// The headers of `BODY` signed with `key` and nonce `n1`, in hex.
    fn signed(key: &[u8]) -> String {
        let mac = compute_signature(BODY, "n1", key).expect("a key");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        hex
    }

    #[test]
    fn pairs_and_objects_verify_alike() {
        let sig = signed(b"key");
        let pairs = format!(
            r#"[["content-type","application/json"],["sinch-whatsapp-callback-signature","{sig}"],
            ["Sinch-WhatsApp-Callback-Signature-Algorithm","HMAC_SHA_256"],
            ["sinch-whatsapp-callback-signature-nonce","n1"]]"#
        );
        assert_eq!(verify_callback(BODY, &pairs, b"key", NOW), Ok(true));
        assert_eq!(verify_callback(BODY, &pairs, b"other", NOW), Ok(false));
        let object = format!(
            r#"{{"set-cookie":["a","b"],"sinch-whatsapp-callback-signature":["{sig}","{sig}"],
            "sinch-whatsapp-callback-signature-algorithm":"HMAC_SHA_256",
            "sinch-whatsapp-callback-signature-nonce":"n1"}}"#
        );
        assert_eq!(verify_callback(BODY, &object, b"key", NOW), Ok(true));
        assert_eq!(verify_callback(b"{}", &object, b"key", NOW), Ok(false));
    }

    #[test]
    fn malformed_headers_are_named() {
        let field = |headers: &str| {
            let err = verify_callback(BODY, headers, b"key", NOW)
                .unwrap_err()
                .into_fields();
            (err.code, err.field.unwrap_or_default(), err.message)
        };
        let (code, name, _) = field("{}");
        assert_eq!(
            (code, name.as_str()),
            (ErrorCode::SignatureInvalid, SIGNATURE_HEADER)
        );
        let (code, name, message) = field(r#"{"x-secret":5}"#);
        assert_eq!(code, ErrorCode::InvalidArgument);
        assert_eq!(name, "headers.x-secret");
        assert_eq!(
            message,
            "headers.x-secret: must be a string or an array of strings"
        );
        assert_eq!(field(r#"[["a"]]"#).1, "headers[0]");
        assert_eq!(field(r#"[["a",["b"]]]"#).1, "headers[0][1]");
        assert_eq!(
            field(r#"[["a","b","c"]]"#).2,
            "headers[0]: must be a [name, value] pair"
        );
        assert_eq!(
            field(r#"[[1,"b","c"]]"#).2,
            "headers[0][0]: must be a string"
        );
        assert_eq!(field(r#"[5]"#).2, "headers[0]: must be an array");
        assert_eq!(field(r#"{"a":["b",1]}"#).1, "headers.a[1]");
        assert_eq!(field("null").1, "headers");
        assert_eq!(field("not json").2, "headers: could not be read");
        assert_eq!(field("").2, "headers: could not be read");
        // Bytes that are not UTF-8, as the crossing may hand them over.
        let err = verify_callback(BODY, b"[[\"a\",\"\xff\"]]", b"key", NOW).unwrap_err();
        assert_eq!(err.message, "headers: could not be read");
        let err = verify_callback(BODY, "[]", b"", NOW).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("key"));
    }

    #[test]
    fn one_pass_agrees_with_reading_every_pair_first() {
        let sig = signed(b"key");
        let hook = crate::core::callback::webhook_signature(BODY, "n1", "1714644931", b"key");
        let hook = crate::oracles::base64(&hook.expect("a key"));
        // Each item as an array's pair and as an object's member.
        let items: Vec<(String, String)> = [
            ("sinch-whatsapp-callback-signature", sig.as_str()),
            (" Sinch-WhatsApp-Callback-Signature ", "00"),
            (
                "sinch-whatsapp-callback-signature-algorithm",
                "HMAC_SHA_256",
            ),
            ("sinch-whatsapp-callback-signature-nonce", " n1 "),
            ("sinch-whatsapp-callback-signature-nonce", "n2"),
            ("x-sinch-webhook-signature", hook.as_str()),
            ("X-Sinch-Webhook-Signature-Nonce", "n1"),
            ("x-sinch-webhook-signature-nonce", ""),
            ("x-sinch-webhook-signature-timestamp", "1714644931"),
            ("x-sinch-webhook-signature-algorithm", "HmacSHA256"),
            ("content-type", "text/plain"),
        ]
        .iter()
        .map(|(name, value)| {
            (
                format!("[{name:?},{value:?}]"),
                format!("{name:?}:{value:?}"),
            )
        })
        .chain([
            ("[\"a\"]".into(), "\"a\":5".into()),
            ("5".into(), "\"x-sinch-webhook-signature\":[\"b\",1]".into()),
            (
                "[\"a\",1]".into(),
                "\"x-sinch-webhook-signature-nonce\":[\"n1\",\"n2\"]".into(),
            ),
        ])
        .collect();
        let mut lists: Vec<Vec<usize>> = vec![vec![]];
        for _ in 0..3 {
            let longer: Vec<Vec<usize>> = (lists.iter())
                .filter(|list| list.len() == lists.last().map_or(0, Vec::len))
                .flat_map(|list| (0..items.len()).map(move |i| [&list[..], &[i]].concat()))
                .collect();
            lists.extend(longer);
        }
        let mut checked = 0;
        for list in &lists {
            let text = |pick: fn(&(String, String)) -> &String| {
                let parts: Vec<&str> = list.iter().map(|&i| pick(&items[i]).as_str()).collect();
                parts.join(",")
            };
            let array = format!("[{}]", text(|item| &item.0));
            let object = format!("{{{}}}", text(|item| &item.1));
            for text in [array.as_str(), object.as_str()] {
                for key in [&b"key"[..], b"other", b""] {
                    assert_eq!(
                        verify_callback(BODY, text, key, NOW),
                        two_passes(BODY, text, key, NOW),
                        "{text}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
