//! The text sniffer on made-up and real-shaped inputs.

use super::*;
use crate::core::media::sniff::test_util::{sniff_all, sniff_sized};

/// The CSV test as it was, on a list of counts: the oracle of [`Fields`].
fn is_csv_by_list(text: &str, complete: bool) -> bool {
    [',', ';'].iter().any(|&delim| {
        let mut counts: Vec<usize> = Vec::new();
        let (mut count, mut quoted, mut fresh) = (0usize, false, true);
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                '\n' if !quoted => {
                    counts.push(count);
                    (count, fresh) = (0, true);
                    if counts.len() >= MAX_RECORDS {
                        break;
                    }
                    continue;
                }
                c if c == delim && !quoted => count += 1,
                _ => {}
            }
            fresh = false;
        }
        if complete && !fresh && counts.len() < MAX_RECORDS {
            if quoted {
                return false;
            }
            counts.push(count);
        }
        while counts.last() == Some(&0) {
            counts.pop();
        }
        counts.len() >= 2
            && counts
                .first()
                .is_some_and(|&n| n >= 1 && counts.iter().all(|&c| c == n))
    })
}

#[test]
fn csv_test_as_on_a_list_of_counts() {
    // Every text of up to 6 characters from a small alphabet, then longer ones.
    let alphabet = [",", ";", "\n", "\"", "a", "é"];
    let mut texts = vec![String::new()];
    let mut last = texts.clone();
    for _ in 0..6 {
        last = last
            .iter()
            .flat_map(|t| alphabet.map(|a| format!("{t}{a}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    texts.push("a,b\n".repeat(300));
    texts.push("a;b\n\n1;2\n\n".to_string());
    for t in &texts {
        for complete in [false, true] {
            assert_eq!(is_csv(t, complete), is_csv_by_list(t, complete), "{t:?}");
        }
    }
}

/// The decoding before the hand-written one, as the oracle.
fn utf16_by_std(b: &[u8], complete: bool) -> Option<String> {
    if complete && b.len() % 2 != 0 {
        return None;
    }
    let units = b.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]]));
    let mut out = String::new();
    let mut bad_at_end = false;
    for c in char::decode_utf16(units) {
        if bad_at_end {
            return None;
        }
        match c {
            Ok(c) => out.push(c),
            Err(_) if !complete => bad_at_end = true,
            Err(_) => return None,
        }
    }
    Some(out)
}

#[test]
fn utf16_decodes_as_std_does() {
    let units = [
        0x41, 0xE9, 0xD83D, 0xDE00, 0xD800, 0xDC00, 0xDBFF, 0xDFFF, 0xFFFF,
    ];
    // Every sequence of up to three of these units, with and without a stray last byte.
    let mut cases: Vec<Vec<u16>> = vec![vec![]];
    for _ in 0..3 {
        let longer: Vec<Vec<u16>> = cases
            .iter()
            .flat_map(|c| units.iter().map(move |&u| [c.as_slice(), &[u]].concat()))
            .collect();
        cases.extend(longer);
    }
    for c in &cases {
        let mut bytes: Vec<u8> = c.iter().flat_map(|u| u.to_le_bytes()).collect();
        // The same units big-endian: the same text.
        let mut big: Vec<u8> = c.iter().flat_map(|u| u.to_be_bytes()).collect();
        for odd in [false, true] {
            if odd {
                bytes.push(0x41);
                big.push(0x41);
            }
            for complete in [false, true] {
                let want = utf16_by_std(&bytes, complete);
                assert_eq!(
                    utf16(&bytes, complete, false),
                    want,
                    "{c:x?} {odd} {complete}"
                );
                assert_eq!(
                    utf16(&big, complete, true),
                    want,
                    "{c:x?} {odd} {complete} BE"
                );
            }
        }
    }
}

#[test]
fn char_offsets_are_char_indices() {
    for t in ["", "abc", "é€😀x", "ü"] {
        for n in 0..6 {
            let want = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
            assert_eq!(char_offset(t, n), want, "{t:?} {n}");
        }
    }
}

#[test]
fn encodings() {
    assert_eq!(sniff_all(b"hello\n").kind, Some(Kind::Text));
    let d = sniff_all(b"caf\xe9 cr\xe8me\n");
    assert_eq!((d.kind, d.not_utf8), (Some(Kind::Text), true));
    assert_eq!(sniff_all(b"\xFF\xFEh\0i\0\n\0").kind, Some(Kind::Text));
    assert_eq!(sniff_all(b"\xFE\xFF\0h\0i").kind, Some(Kind::Text));
    // UTF-16 with a NUL character, or an unpaired surrogate: not text.
    assert_eq!(sniff_all(b"\xFF\xFEh\0\0\0").kind, None);
    assert_eq!(sniff_all(b"\xFF\xFE\x00\xD8a\0").kind, None);
    assert_eq!(sniff_all(b"text with a \0 NUL").kind, None);
    assert_eq!(sniff_all(b"bell \x07").kind, None);
    // A few stray bytes, or mostly high bytes, are not text.
    assert_eq!(sniff_all(b"\xFF").kind, None);
    assert_eq!(
        sniff_all(b"\xE9\xE8\xE0\xF9 \xE9\xE8\xE0\xF9 \xE9\xE8\xE0\xF9 \xE9\xE8").kind,
        None
    );
    // A UTF-8 character cut by the end of the head.
    let mut b = "é".repeat(3000).into_bytes();
    b.truncate(4101);
    let d = sniff_sized(&b, 6000);
    assert_eq!((d.kind, d.not_utf8), (Some(Kind::Text), false));
}

#[test]
fn markup_posing_as_text() {
    assert_eq!(sniff_all(b"  <!DOCTYPE html><p>x").kind, Some(Kind::Html));
    assert_eq!(sniff_all(b"\xEF\xBB\xBF<HTML>").kind, Some(Kind::Html));
    assert_eq!(
        sniff_all(b"<svg xmlns='http://www.w3.org/2000/svg'/>").kind,
        Some(Kind::Svg)
    );
    assert_eq!(
        sniff_all(b"<?xml version='1.0'?>\n<svg/>").kind,
        Some(Kind::Svg)
    );
    assert_eq!(
        sniff_all(b"<?xml version='1.0'?>\n<a/>").kind,
        Some(Kind::Xml)
    );
    assert_eq!(
        sniff_all(b"<b>bold</b> is not a page").kind,
        Some(Kind::Text)
    );
}

#[test]
fn csv() {
    assert_eq!(sniff_all(b"a,b\n1,2\n").kind, Some(Kind::Csv));
    assert_eq!(sniff_all(b"a;b;c\r\n1;2;3\r\n\r\n").kind, Some(Kind::Csv));
    assert_eq!(sniff_all(b"\"x,\ny\",b\n1,2").kind, Some(Kind::Csv));
    assert_eq!(sniff_all(b"a,b\n1,2,3\n").kind, Some(Kind::Text));
    assert_eq!(
        sniff_all(b"one line, with a comma\n").kind,
        Some(Kind::Text)
    );
    assert_eq!(sniff_all(b"a,b\n\"open,2\n").kind, Some(Kind::Text));
}
