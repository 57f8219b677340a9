//! UTF-8 read by hand, as `core::str::from_utf8` reads it: the reader takes bytes,
//! so an entry that only reads JSON links no `from_utf8` (its validator, with its
//! word-at-a-time fast path, is larger than this).

use crate::prelude::*;

/// The character `bytes` start with and its length in bytes, or `Err(n)` when they do
/// not start with well-formed UTF-8 (Unicode's table of well-formed sequences: no
/// overlong form, surrogate, or value past U+10FFFF): an invalid sequence of `n` bytes
/// (as `Utf8Error::error_len`), 0 when the bytes end inside a character or there are
/// none. Checked against `from_utf8` on every sequence of up to three bytes and the
/// four-byte ones' edges. The crate's one decoder: the JSON reader, the signature
/// headers and the preflight's text read through it.
pub(crate) fn char_at(bytes: &[u8]) -> Result<(char, usize), usize> {
    let Some(&first) = bytes.first() else {
        return Err(0);
    };
    // The length, and the range of the second byte.
    let (len, lo, hi) = match first {
        0x00..=0x7F => return Ok((char::from(first), 1)),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err(1),
    };
    let mut code = u32::from(first) & (0x7F >> len);
    for k in 1..len {
        let Some(&next) = bytes.get(k) else {
            return Err(0);
        };
        let (lo, hi) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if next < lo || next > hi {
            return Err(k);
        }
        code = code << 6 | u32::from(next & 0x3F);
    }
    char::from_u32(code).map(|c| (c, len)).ok_or(1)
}

/// Whether `c` is white space (Unicode's `White_Space`, as `char::is_whitespace`, whose
/// table this list replaces).
pub(crate) fn is_white_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Whether a character of `text` is one `which` holds for, each decoded by [`char_at`]:
/// `text.chars().any(which)` without core's `Chars` decoder.
pub(crate) fn any_char(text: &str, which: impl Fn(char) -> bool) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Ok((c, len)) = char_at(bytes.get(at..).unwrap_or_default()) {
        if which(c) {
            return true;
        }
        at += len;
    }
    false
}

/// `text` with each character `swap` takes replaced: it pushes what stands for it
/// onto the text and says so. Decoded by [`char_at`], as [`any_char`].
pub(crate) fn mapped(text: &str, swap: impl Fn(char, &mut String) -> bool) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 2);
    let mut at = 0;
    while let Ok((c, len)) = char_at(bytes.get(at..).unwrap_or_default()) {
        if !swap(c, &mut out) {
            out.push(c);
        }
        at += len;
    }
    out
}

/// `text` without the white space around it, as `str::trim`: one pass forward over the
/// characters as [`char_at`] decodes them, so that no `char` searcher or property table
/// is linked (checked against `str::trim` around every `char`).
pub(crate) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut at, mut start, mut end) = (0, None, 0);
    while let Ok((c, len)) = char_at(bytes.get(at..).unwrap_or_default()) {
        if !is_white_space(c) {
            start.get_or_insert(at);
            end = at + len;
        }
        at += len;
    }
    // Cut at the end, then the start: the `str::get` of `..n` and `n..` the writer and
    // schema use, not a third for `a..b`.
    text.get(..end)
        .and_then(|head| head.get(start.unwrap_or(end)..))
        .unwrap_or_default()
}

/// Where `bytes` stop being UTF-8 (`Utf8Error::valid_up_to`), if they do.
pub fn utf8_error(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        match char_at(bytes.get(at..).unwrap_or_default()) {
            Ok((_, len)) => at += len,
            Err(_) => return Some(at),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our reading of `bytes` against `from_utf8`'s.
    fn agrees(bytes: &[u8]) {
        let theirs = core::str::from_utf8(bytes);
        let valid = theirs.as_ref().err().map(|e| e.valid_up_to());
        assert_eq!(utf8_error(bytes), valid, "{bytes:x?}");
        let ours = char_at(bytes);
        match theirs {
            Ok(text) => {
                let first = text.chars().next().map(|c| (c, c.len_utf8()));
                assert_eq!(ours.ok(), first, "{bytes:x?}");
            }
            // An invalid first character: its length as `error_len` says (0: cut at the end).
            Err(e) if e.valid_up_to() == 0 => {
                assert_eq!(ours, Err(e.error_len().unwrap_or(0)), "{bytes:x?}");
            }
            Err(_) => assert!(ours.is_ok(), "{bytes:x?}"),
        }
    }

    #[test]
    fn trims_as_str_trim_does() {
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_white_space(c),
                c.is_whitespace(),
                "U+{:04X}",
                u32::from(c)
            );
            for text in [
                format!("{c}"),
                format!("{c}a{c}"),
                format!("{c}{c}é {c}"),
                format!("a{c}b"),
                format!("\u{2003}{c}\u{85}"),
            ] {
                assert_eq!(trim(&text), text.trim(), "U+{:04X}", u32::from(c));
                checked += 1;
            }
        }
        assert!(checked > 5_000_000);
    }

    #[test]
    fn walks_characters_as_chars_does() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}é-B{c}");
            assert_eq!(
                any_char(&text, char::is_control),
                text.chars().any(char::is_control)
            );
            assert!(any_char(&text, |d| d == c));
            let swapped = mapped(&text, |d, out| {
                let upper = d.is_ascii_uppercase();
                if upper {
                    out.push('_');
                    out.push(d.to_ascii_lowercase());
                }
                upper
            });
            let theirs: String = text
                .chars()
                .flat_map(|d| match d.is_ascii_uppercase() {
                    true => vec!['_', d.to_ascii_lowercase()],
                    false => vec![d],
                })
                .collect();
            assert_eq!(swapped, theirs, "U+{:04X}", u32::from(c));
        }
        assert!(!any_char("", |_| true));
        assert_eq!(mapped("", |_, _| false), "");
    }

    #[test]
    fn reads_as_from_utf8_reads() {
        for a in 0..=255u8 {
            agrees(&[a]);
            agrees(&[a, b'x']);
            for b in 0..=255u8 {
                agrees(&[a, b]);
                agrees(&[b'x', a, b]);
                for c in 0..=255u8 {
                    agrees(&[a, b, c]);
                }
            }
        }
        // Four bytes: every lead and second byte, the third and fourth at their edges.
        for a in 0xF0..=0xFFu8 {
            for b in 0..=255u8 {
                for c in [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF] {
                    for d in [0x00, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xFF] {
                        agrees(&[a, b, c, d]);
                        agrees(&[a, b, c, d, b'x']);
                    }
                }
            }
        }
        assert_eq!(char_at(b""), Err(0));
        assert_eq!(utf8_error(b""), None);
        assert_eq!(utf8_error("aé😀\u{FFFF}".as_bytes()), None);
        assert_eq!(utf8_error(b"ab\xC3"), Some(2));
    }
}
