//! Redaction of a client's secrets from text that came from the network, which may
//! echo the `Authorization` header as it is or percent-encoded (into a `Location`, a
//! form, an error message).

use crate::core::json::hex_digit;
use crate::prelude::*;

/// The most characters of a text from the network that an error keeps.
pub const MAX_TEXT_CHARS: usize = 1000;

/// The first [`MAX_TEXT_CHARS`] characters of `text` with every one of `secrets`
/// replaced by `[redacted]`, left to right as `str::replace` does (the longest secret
/// where several start), each found as itself and percent-encoded (`%2B` or `%2b` for
/// `+`, and `+` too for a space, as a form encodes it), wholly or in part, once or up to
/// 16 times over (`%252B`: a nested URL re-encoded). One pass, one `String`, and no scan
/// past the cut, so a long hostile text costs no more than a short one: a plain scan rather than `str::replace`, whose two-way searcher (≈2.5 KB of wasm)
/// nothing else in the client needs. A match starts on a character boundary of `text`:
/// at a `%`, a `+`, or a byte that begins a character of the secret.
pub fn redact_all(text: &str, secrets: &[&str]) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let (mut kept, mut at, mut chars) = (0, 0, 0);
    while let Some(rest) = bytes.get(at..).filter(|rest| !rest.is_empty()) {
        // Each character counts at its first byte (one that does not continue another).
        let starts = rest.first().is_some_and(|byte| byte & 0xC0 != 0x80);
        if starts && chars >= MAX_TEXT_CHARS {
            break;
        }
        let mut found = 0;
        for secret in secrets {
            found = found.max(echoed(rest, secret.as_bytes()));
        }
        if found > 0 {
            out.push_str(text.get(kept..at).unwrap_or_default());
            out.push_str(REDACTED);
            chars += REDACTED.len();
            kept = at + found;
        } else {
            chars += usize::from(starts);
        }
        at += found.max(1);
    }
    out.push_str(text.get(kept..at).unwrap_or_default());
    // Past the cut only by the last `[redacted]`, whose characters are single bytes
    // (cut by a copy: `String::truncate` would link its panic for a cut in a character).
    match chars.checked_sub(MAX_TEXT_CHARS) {
        Some(past @ 1..) => out.get(..out.len() - past).unwrap_or_default().to_owned(),
        _ => out,
    }
}

/// What stands in for a secret.
const REDACTED: &str = "[redacted]";

/// How many times over a secret is looked for percent-encoded, at most (each further
/// encoding, as a proxy re-encoding a nested URL, writes every `%` again as `%25`).
const MAX_ENCODINGS: usize = 16;

/// How many bytes at the start of `text` spell `secret` (0: none, or an empty secret),
/// the longest of: as itself, and each byte as itself or percent-encoded one to
/// [`MAX_ENCODINGS`] times (hex in either case), a space also as `+`.
fn echoed(text: &[u8], secret: &[u8]) -> usize {
    // Both: a secret with `%` in it is a prefix of its encoded form, and may be sent as itself.
    let mut longest = if text.starts_with(secret) {
        secret.len()
    } else {
        0
    };
    // Up to the first `%` every byte is itself, whatever the depth: a deeper one is tried
    // only while that `%` has one more `25` after it.
    let mut again = 0;
    while again < MAX_ENCODINGS {
        let (spelled, deeper) = spelled(text, secret, again);
        longest = longest.max(spelled);
        if !deeper {
            break;
        }
        again += 1;
    }
    longest
}

/// How many bytes at the start of `text` spell `secret` with each byte as itself or
/// encoded `1 + again` times: `%`, `again` times `25`, the byte's hex (0: none); and
/// whether the first `%` met has one `25` more (so a deeper encoding may match).
fn spelled(text: &[u8], secret: &[u8], again: usize) -> (usize, bool) {
    let mut deeper = None;
    let mut at = 0;
    for &byte in secret {
        let rest = text.get(at..).unwrap_or_default();
        let mut skip = 1;
        if let Some(b'%') = rest.first() {
            while skip <= 2 * again && matches!(rest.get(skip..skip + 2), Some(b"25")) {
                skip += 2;
            }
            deeper = deeper.or(Some(matches!(rest.get(skip..skip + 2), Some(b"25"))));
        }
        at += match (rest.first(), rest.get(skip..skip + 2)) {
            (Some(b'%'), Some([high, low]))
                if skip == 1 + 2 * again && hex(*high, *low) == Some(byte) =>
            {
                skip + 2
            }
            (Some(first), _) if *first == byte || (*first == b'+' && byte == b' ') => 1,
            _ => return (0, deeper.unwrap_or(false)),
        };
    }
    (at, deeper.unwrap_or(false))
}

/// The byte of the two hex digits `high` `low` (either case).
fn hex(high: u8, low: u8) -> Option<u8> {
    Some(hex_digit(high)? << 4 | hex_digit(low)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_as_str_replace_does() {
        for (text, secret) in [
            ("Bearer tok and tok", "tok"),
            ("aaaaa", "aa"),
            ("é-tök-ü tök", "tök"),
            ("tok", "tok"),
            ("to", "tok"),
            ("", "tok"),
            ("no secret here", ""),
        ] {
            let expected = if secret.is_empty() {
                text.to_owned()
            } else {
                text.replace(secret, "[redacted]")
            };
            assert_eq!(redact_all(text, &[secret]), expected, "{text} / {secret}");
        }
    }

    #[test]
    fn redacts_every_percent_encoded_form() {
        let secret = "ab+cd/ef==";
        for echo in [
            "ab%2Bcd%2Fef%3D%3D",   // encodeURIComponent
            "ab%2bcd%2fef%3d%3d",   // lowercase hex
            "%61%62%2B%63d%2Fef==", // anything encoded, or not
        ] {
            assert_eq!(
                redact_all(&format!("?a=Bearer%20{echo}&b=1"), &[secret]),
                "?a=Bearer%20[redacted]&b=1",
                "{echo}"
            );
        }
        // A form writes a space as `+`; a `+` of the secret is `+` or `%2B`, never a space.
        assert_eq!(redact_all("a=x+y%20z", &["x y z"]), "a=[redacted]");
        assert_eq!(redact_all("ab cd%2Fef==", &[secret]), "ab cd%2Fef==");
        // Multi-byte characters, byte by byte as encodeURIComponent writes them.
        assert_eq!(redact_all("é %C3%A9é", &["éé"]), "é [redacted]");
        // A `%` of the secret as itself, or as `%25`; a `%` not followed by hex is text.
        assert_eq!(
            redact_all("50%25 50%2525 50%252525 50%2", &["50%25"]),
            "[redacted] [redacted] [redacted] 50%2"
        );
        // encodeURIComponent once, twice, three times (a nested `?next=` URL re-encoded by
        // a proxy), in either case: `+` is `%2B`, `%252B`, `%25252b`.
        for echo in [
            "ab%2Bcd%2Fef%3D%3D",
            "ab%252Bcd%252Fef%253D%253D",
            "ab%25252Bcd%25252Fef%25253D%25253D",
            "ab%25252bcd%25252fef%25253d%25253d",
        ] {
            assert_eq!(
                redact_all(&format!("?next={echo}&b=1"), &[secret]),
                "?next=[redacted]&b=1",
                "{echo}"
            );
        }
        // A secret with `%` in it, every byte encoded twice: its own `%25` is not taken for an encoding.
        let text = "%2535%2530%2525%2532%2535 %25%25%25";
        assert_eq!(
            redact_all(text, &["50%25", "%%"]),
            "[redacted] [redacted]%25"
        );
        assert_eq!(redact_all("%zz%4", &["%4"]), "%zz[redacted]");
    }

    #[test]
    fn keeps_the_first_characters_and_scans_no_further() {
        let secret = "é-tök";
        for len in [
            MAX_TEXT_CHARS - 8,
            MAX_TEXT_CHARS - 1,
            MAX_TEXT_CHARS,
            MAX_TEXT_CHARS + 3,
        ] {
            let text = format!("{}{secret}{}", "ü".repeat(len), "x".repeat(50));
            let whole = text.replace(secret, "[redacted]");
            let expected: String = whole.chars().take(MAX_TEXT_CHARS).collect();
            assert_eq!(redact_all(&text, &[secret]), expected, "{len}");
        }
        // A hostile text of a near-miss repeated: the work stops at the cut.
        let secret = format!("{}Z", "A".repeat(4095));
        let text = "A".repeat(1 << 22);
        assert_eq!(redact_all(&text, &[&secret]), "A".repeat(MAX_TEXT_CHARS));
    }

    #[test]
    fn redacts_the_longest_of_several_secrets_in_one_pass() {
        assert_eq!(
            redact_all("Basic a%2Bb, k-secret; tok", &["k-secret", "a+b", "tok"]),
            "Basic [redacted], [redacted]; [redacted]"
        );
        assert_eq!(redact_all("abcdef", &["abc", "abcdef"]), "[redacted]");
        assert_eq!(redact_all("abc", &["b", "abc"]), "[redacted]");
    }
}
