//! UTF-8 read by hand, as `core::str::from_utf8` reads it: the reader takes bytes,
//! so an entry that only reads JSON links no `from_utf8` (its validator, with its
//! word-at-a-time fast path, is larger than this).

/// The character `bytes` start with and its length in bytes, or `None` when they do
/// not start with well-formed UTF-8 (no overlong form, surrogate, or value past
/// U+10FFFF; checked against `from_utf8` on every sequence of up to three bytes and
/// on the four-byte ones' edges).
pub(crate) fn char_at(bytes: &[u8]) -> Option<(char, usize)> {
    let &first = bytes.first()?;
    // The length, and the least value that needs it.
    let (len, least) = match first {
        0x00..=0x7F => return Some((char::from(first), 1)),
        0xC0..=0xDF => (2, 0x80),
        0xE0..=0xEF => (3, 0x800),
        0xF0..=0xF7 => (4, 0x1_0000),
        _ => return None,
    };
    let mut code = u32::from(first) & (0x7F >> len);
    for k in 1..len {
        let next = *bytes.get(k)?;
        if next & 0xC0 != 0x80 {
            return None;
        }
        code = code << 6 | u32::from(next & 0x3F);
    }
    if code < least {
        return None;
    }
    Some((char::from_u32(code)?, len))
}

/// Where `bytes` stop being UTF-8 (`Utf8Error::valid_up_to`), if they do.
pub fn utf8_error(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        match char_at(bytes.get(at..).unwrap_or_default()) {
            Some((_, len)) => at += len,
            None => return Some(at),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our reading of `bytes` against `from_utf8`'s.
    fn agrees(bytes: &[u8]) {
        let theirs = core::str::from_utf8(bytes).err().map(|e| e.valid_up_to());
        assert_eq!(utf8_error(bytes), theirs, "{bytes:x?}");
        if let Ok(text) = core::str::from_utf8(bytes) {
            let first = text.chars().next().map(|c| (c, c.len_utf8()));
            assert_eq!(char_at(bytes), first, "{bytes:x?}");
        }
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
        assert_eq!(utf8_error(b""), None);
        assert_eq!(utf8_error("aé😀\u{FFFF}".as_bytes()), None);
        assert_eq!(utf8_error(b"ab\xC3"), Some(2));
    }
}
