//! A signature header's text to the 32 bytes of an HMAC-SHA256: hex (exactly 64
//! digits, either case) or standard base64 (padding optional, as the `base64`
//! crate's indifferent mode reads it: the bits after the last byte must be zero).

use crate::core::json::hex_digit;

/// Bytes in an HMAC-SHA256.
pub const MAC_LEN: usize = super::sha256::DIGEST_LEN;
/// Base64 characters of 32 bytes, without the one `=` of padding.
const BASE64_LEN: usize = 43;

/// Writes the MAC in `text` to `out`, saying whether it is one: `false` when it
/// is neither encoding of 32 bytes; when `padded`, only standard base64 with its one
/// `=` of padding, the only form the Conversation API sends. (Into `out`: an
/// `Option` of the array would be copied at each step out.)
pub fn decode_signature(text: &str, padded: bool, out: &mut [u8; MAC_LEN]) -> bool {
    let text = text.as_bytes();
    // The encoding by the length (64 hex digits; 43 base64 characters, then an
    // optional `=`), and the characters to decode.
    let (chars, width) = match text {
        _ if text.len() == 2 * MAC_LEN && !padded => (text, 4),
        [chars @ .., b'='] if chars.len() == BASE64_LEN => (chars, 6),
        _ if text.len() == BASE64_LEN && !padded => (text, 6),
        _ => return false,
    };
    decode(chars, width, out).is_some()
}

/// The 32 bytes that `chars`, each worth `width` bits (4: hex digits, else base64
/// characters), spell, when the bits after the last byte are zero (hex has none; 43
/// base64 characters are 258 bits: 32 bytes and 2 bits). One loop for both
/// encodings, the digit's reader chosen by `width`, not passed as a function pointer
/// (no indirect call).
fn decode(chars: &[u8], width: u32, out: &mut [u8; MAC_LEN]) -> Option<()> {
    let (mut bits, mut held, mut at) = (0u32, 0u32, 0);
    for &c in chars {
        let value = if width == 4 {
            hex_digit(c)
        } else {
            base64_value(c)
        };
        bits = (bits << width) | u32::from(value?);
        held += width;
        if held >= 8 {
            held -= 8;
            *out.get_mut(at)? = (bits >> held) as u8;
            at += 1;
        }
    }
    (bits & ((1 << held) - 1) == 0).then_some(())
}

fn base64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    use crate::core::error::{ErrorCode, Result};
    use crate::oracles::base64;

    /// `result` is a signature mismatch (no header to blame).
    pub(crate) fn mismatch(result: Result<()>) {
        let err = result.unwrap_err();
        assert_eq!(err.code, ErrorCode::SignatureInvalid);
        assert_eq!(err.field, None, "{err}");
        assert!(err.message.contains("does not match"), "{err}");
    }

    /// `result` is `signature_invalid` naming `header`, its message saying `words`.
    pub(crate) fn header_fault(result: Result<()>, header: &str, words: &str) {
        let err = result.unwrap_err();
        assert_eq!(err.code.as_str(), "signature_invalid", "{err}");
        assert_eq!(err.field.as_deref(), Some(header), "{err}");
        assert!(err.message.contains(header), "{err}");
        assert!(err.message.contains(words), "{err}");
    }

    /// 64 hex digits as the MAC they spell.
    pub(in crate::core::callback) fn decode_hex(text: &str) -> Option<[u8; MAC_LEN]> {
        (text.len() == 2 * MAC_LEN).then(|| decoded(text, false))?
    }

    /// The MAC [`decode_signature`] reads in `text`.
    fn decoded(text: &str, padded: bool) -> Option<[u8; MAC_LEN]> {
        let mut out = [0; MAC_LEN];
        decode_signature(text, padded, &mut out).then_some(out)
    }

    const SIG_B64: &str = "MUh93HbAsCH8/DRiQUr5shJdSly6vMtTX2kN0ojgca4=";
    const SIG_HEX: &str = "31487ddc76c0b021fcfc3462414af9b2125d4a5cbabccb535f690dd288e071ae";

    #[test]
    fn hex_and_base64_decoding() {
        let bytes = decode_hex(SIG_HEX).unwrap();
        assert_eq!(base64(&bytes), SIG_B64);
        assert_eq!(decoded(SIG_B64, false), Some(bytes));
        assert_eq!(decoded(&SIG_HEX.to_ascii_uppercase(), false), Some(bytes));
        assert_eq!(decoded(SIG_B64.trim_end_matches('='), false), Some(bytes));
        assert_eq!(decoded("", false), None);
        // Padded: base64 with its `=` only.
        assert_eq!(decoded(SIG_B64, true), Some(bytes));
        assert_eq!(decoded(SIG_B64.trim_end_matches('='), true), None);
        assert_eq!(decoded(SIG_HEX, true), None);
        assert_eq!(decode_hex(&"0".repeat(62)), None);
        // Every 32-byte value round-trips; non-zero trailing bits, `==`, or another
        // alphabet do not decode.
        for seed in 0..=255u8 {
            let mac: [u8; MAC_LEN] =
                core::array::from_fn(|i| seed.wrapping_mul(31) ^ (i as u8 * 7));
            assert_eq!(decoded(&base64(&mac), false), Some(mac));
        }
        assert_eq!(
            decoded("MUh93HbAsCH8/DRiQUr5shJdSly6vMtTX2kN0ojgca5=", false),
            None
        );
        assert_eq!(
            decoded("MUh93HbAsCH8/DRiQUr5shJdSly6vMtTX2kN0ojgca4==", false),
            None
        );
        assert_eq!(
            decoded("MUh93HbAsCH8_DRiQUr5shJdSly6vMtTX2kN0ojgca4=", false),
            None
        );
    }

    /// The first reading (hex, else base64 with one optional `=`; when padded, the
    /// `=` required), kept as the oracle of the one that picks by the length.
    fn two_steps(text: &str, padded: bool) -> Option<[u8; MAC_LEN]> {
        if padded && !text.ends_with("=") {
            return None;
        }
        let read = |chars: &str, width| {
            let mut out = [0; MAC_LEN];
            decode(chars.as_bytes(), width, &mut out).map(|()| out)
        };
        let hex = (text.len() == 2 * MAC_LEN).then(|| read(text, 4));
        hex.flatten().or_else(|| {
            let chars = text.strip_suffix("=").unwrap_or(text);
            (chars.len() == BASE64_LEN).then(|| read(chars, 6))?
        })
    }

    #[test]
    fn the_length_picks_the_encoding_as_trying_both_did() {
        let mut texts = vec![String::new(), "=".into(), "==".into()];
        for base in [SIG_B64.trim_end_matches('='), SIG_HEX] {
            for len in base.len().saturating_sub(2)..=base.len() {
                for tail in ["", "=", "==", "0", "A", "0=", "A="] {
                    let text = format!("{}{tail}", &base[..len]);
                    texts.push(text.to_ascii_uppercase());
                    texts.push(text);
                }
            }
        }
        texts.push("=".repeat(44));
        texts.push(format!("{}=", &SIG_HEX[..43]));
        for text in &texts {
            for padded in [false, true] {
                assert_eq!(
                    decoded(text, padded),
                    two_steps(text, padded),
                    "{text} {padded}"
                );
            }
        }
    }
}
