//! `verifyCallbackSignature` as JS calls it: the body and key as bytes, the headers
//! as JSON text, and now with the tolerance for a Conversation API webhook's
//! timestamp. A Conversation webhook (any `x-sinch-webhook-signature*` header) is
//! checked by [`verify_webhook_headers`], any other callback as a standalone one
//! by [`verify_signature_headers`]. The headers — `[[name, value], …]` pairs (from a `Headers` or an array) or an
//! object of name → value or values (as Node's `req.headers`, where a repeated
//! header holds an array).

use super::signature::verify_signature_headers;
use super::webhook::{verify_webhook_headers, Freshness, WEBHOOK_HEADERS};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{self, Path, Value};
use crate::prelude::*;

/// `Ok(true)` when the signature matches, `Ok(false)` when the headers are well
/// formed but it does not; an error when the headers cannot be read
/// (`invalid_argument`, `field` naming them), the key is empty, or a signature
/// header is missing or malformed, or a webhook's timestamp is not within
/// `freshness` (`signature_invalid`, `field` naming it).
pub fn verify_callback(
    raw_body: &[u8],
    headers: &str,
    key: &[u8],
    freshness: Freshness,
) -> Result<bool> {
    let headers =
        json::parse(headers).map_err(|_| Error::invalid("headers", "could not be read"))?;
    let headers = header_pairs(&headers)?;
    let webhook = headers.iter().any(|(name, _)| {
        let name = name.trim();
        WEBHOOK_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
    });
    let verdict = if webhook {
        verify_webhook_headers(raw_body, headers, key, freshness)
    } else {
        verify_signature_headers(raw_body, headers, key)
    };
    match verdict {
        Ok(()) => Ok(true),
        Err(err) if err.code == ErrorCode::SignatureInvalid && err.field.is_none() => Ok(false),
        Err(err) => Err(err),
    }
}

/// The `(name, value)` pairs of `headers`, borrowed from it.
pub fn header_pairs(headers: &Value) -> Result<Vec<(&str, &str)>> {
    let at = Path::root("headers");
    let mut pairs = Vec::new();
    match headers {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let at = at.index(i);
                match strings(item, &at)? {
                    [name, value] => pairs.push((text(name), text(value))),
                    _ => return Err(at.invalid("must be a [name, value] pair")),
                }
            }
        }
        Value::Object(members) => {
            for (name, value) in members {
                let at = at.key(name);
                match value {
                    Value::String(value) => pairs.push((name.as_str(), value.as_str())),
                    Value::Array(_) => {
                        for value in strings(value, &at)? {
                            pairs.push((name.as_str(), text(value)));
                        }
                    }
                    _ => return Err(at.invalid("must be a string or an array of strings")),
                }
            }
        }
        _ => {
            return Err(at.invalid(
                "must be a Headers, an object of header values or an array of [name, value] pairs",
            ))
        }
    }
    Ok(pairs)
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

/// The text of an item [`strings`] checked.
fn text(item: &Value) -> &str {
    item.as_str().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::callback::{compute_signature, SIGNATURE_HEADER};

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
        let err = verify_callback(BODY, "[]", b"", NOW).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("key"));
    }
}
