//! The report's words without `core::fmt`: numbers written digit by digit, names decoded
//! and white space trimmed by hand, tables of strings held as one text each (the
//! preflight's wasm carries no formatting or Unicode machinery, and no pointer per entry).
//! Text is sliced by `a..b` ranges only (`get(0..n)`, not `get(..n)`): each kind of range is a
//! `str::get` of its own in the wasm.

pub(crate) use crate::core::json::trim;
use crate::core::json::{char_at, is_white_space};
use crate::prelude::*;

pub(crate) use crate::core::json::decimal;

/// `n` in decimal with a comma every three digits: `1234567` → `"1,234,567"` (from
/// [`decimal`]'s digits: one digit loop in the wasm, not two).
#[inline(never)]
pub(crate) fn group(n: u64) -> String {
    let digits = decimal(n);
    let mut out = String::with_capacity(26);
    let mut left = digits.len();
    for &d in digits.as_bytes() {
        if left % 3 == 0 && left < digits.len() {
            out.push(',');
        }
        out.push(char::from(d));
        left -= 1;
    }
    out
}

/// Bytes read as Latin-1 (each byte the character of its value), by a loop: collecting
/// `char`s links `String`'s `FromIterator` machinery.
pub(crate) fn latin1(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        out.push(char::from(b));
    }
    out
}

/// Line `n` (from 0) of `lines`, or `""` past the last: a table of strings as one text, so
/// the wasm holds no pointer and length per entry.
pub(crate) fn nth(lines: &'static str, n: usize) -> &'static str {
    part(lines, b'\n', n)
}

/// Part `n` (from 0) of `text` cut at each `sep`, or `""` past the last.
#[inline(never)]
pub(crate) fn part(text: &'static str, sep: u8, n: usize) -> &'static str {
    let mut start = 0;
    let mut at = 0;
    // The end of the text ends the last part: one slicing for every part.
    for i in 0..text.len() + 1 {
        if !matches!(text.as_bytes().get(i), Some(&b) if b != sep) {
            if at == n {
                return text.get(start..i).unwrap_or_default();
            }
            at += 1;
            start = i + 1;
        }
    }
    ""
}

/// The first line of `lines` whose field `field` (cut at `sep`) is `value` in any ASCII case,
/// with its number (from 0): a lookup in a table held as one text.
#[inline(never)]
pub(crate) fn line_where(
    lines: &'static str,
    sep: u8,
    field: usize,
    value: &str,
) -> Option<(usize, &'static str)> {
    let mut rest = lines;
    let mut n = 0;
    loop {
        let end = rest
            .as_bytes()
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(rest.len());
        let line = rest.get(0..end)?;
        if part(line, sep, field).eq_ignore_ascii_case(value) {
            return Some((n, line));
        }
        rest = rest.get(end + 1..rest.len())?;
        n += 1;
    }
}

/// Whether `c` is white space or, with `bom`, U+FEFF.
fn is_space(c: char, bom: bool) -> bool {
    is_white_space(c) || (bom && c == '\u{FEFF}')
}

/// `s` without leading white space (and, with `bom`, U+FEFF), as `str::trim_start`: a plain
/// loop over the characters as the crate's one decoder reads them (`chars()` links a decoder
/// of its own, and `str`'s pattern machinery is not linked).
pub(crate) fn trim_start(s: &str, bom: bool) -> &str {
    let mut at = 0;
    while let Ok((c, len)) = char_at(s.as_bytes().get(at..).unwrap_or_default()) {
        if !is_space(c, bom) {
            break;
        }
        at += len;
    }
    s.get(at..s.len()).unwrap_or_default()
}

/// `template` with each `{}` replaced by the next of `args`, in order, and each `{N}` (one
/// digit) by `args[N]` (`format!` without `core::fmt`; one string per message instead of a
/// piece per word, and one argument list for templates that name them in different orders).
#[inline(never)]
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut next = 0;
    let mut rest = template;
    while let Some(at) = super::view::find(rest.as_bytes(), b"{") {
        out.push_str(rest.get(0..at).unwrap_or_default());
        let (arg, skip) = match rest.as_bytes().get(at + 1) {
            Some(&d) if d != b'}' => (usize::from(d.wrapping_sub(b'0')), 3),
            _ => {
                next += 1;
                (next - 1, 2)
            }
        };
        out.push_str(args.get(arg).copied().unwrap_or_default());
        rest = rest.get(at + skip..rest.len()).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `s` as an owned `String`, out of line: one copy loop for every owned name and reason, not
/// one inlined per `to_string`.
#[inline(never)]
pub(crate) fn owned(s: &str) -> String {
    String::from(s)
}

/// `bytes` as text, each invalid UTF-8 sequence replaced by U+FFFD (as
/// `String::from_utf8_lossy`).
pub(crate) fn lossy(bytes: &[u8]) -> String {
    decode_utf8(bytes, true, false).unwrap_or_default()
}

/// `bytes` decoded as UTF-8: `None` at the first invalid sequence, or each replaced by U+FFFD
/// when `lossy`; a character cut at the end left out when `cut` (by the crate's one decoder,
/// `json::char_at`, which the JSON reader uses too: smaller than `core::str::from_utf8`).
pub(crate) fn decode_utf8(bytes: &[u8], lossy: bool, cut: bool) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let (c, n) = match char_at(bytes.get(i..).unwrap_or_default()) {
            Ok(found) => found,
            Err(0) if cut => break,
            // A character cut at the end: the rest is one replacement.
            Err(n) if lossy => ('\u{FFFD}', if n == 0 { bytes.len() } else { n }),
            Err(_) => return None,
        };
        out.push(c);
        i += n;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers() {
        for n in [0, 7, 10, 999, 1000, 65_535, 104_857_600, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(104_857_600), "104,857,600");
        assert_eq!(group(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn picks_lines() {
        for n in 0..4 {
            assert_eq!(nth("a\n\nccc", n), ["a", "", "ccc", ""][n]);
        }
        assert_eq!(nth("", 0), "");
    }

    #[test]
    fn finds_lines() {
        let table = "=\na=1\nab=\nb=2;x";
        let value = |key| line_where(table, b'=', 0, key).map(|(n, l)| (n, part(l, b'=', 1)));
        assert_eq!(value(""), Some((0, "")));
        assert_eq!(value("A"), Some((1, "1")));
        assert_eq!(value("ab"), Some((2, "")));
        assert_eq!(value("b"), Some((3, "2;x")));
        for missing in ["c", "a=1", "b=2", "=", "ab="] {
            assert_eq!(value(missing), None, "{missing}");
        }
        assert_eq!(line_where(table, b';', 1, "x"), Some((3, "b=2;x")));
    }

    #[test]
    fn trims_as_std_does() {
        let mut all = String::new();
        for c in (0..=0x3000u32).chain([0xFEFF]).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(trim(&one), one.trim(), "{c:?}");
            assert_eq!(trim_start(&one, false), one.trim_start(), "{c:?}");
            assert_eq!(
                trim_start(&one, true).is_empty(),
                c.is_whitespace() || c == '\u{FEFF}'
            );
            all.push(c);
        }
        for s in [
            " a ",
            "\u{3000}é\u{2028}",
            "\u{85}\u{A0}",
            "",
            "x\u{202F}y\u{205F}",
            &all,
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            assert_eq!(trim_start(s, true), t);
        }
    }

    #[test]
    fn fills_in_order() {
        assert_eq!(fill("a {} b {}.", &["1", "two"]), "a 1 b two.");
        assert_eq!(fill("{}{}", &["x", "{}"]), "x{}");
        assert_eq!(fill("no holes", &[]), "no holes");
        assert_eq!(fill("é {} ü", &["ß"]), "é ß ü");
        assert_eq!(fill("{2}{0}, {1}{0}.", &["a", "b", "c"]), "ca, ba.");
        assert_eq!(fill("{} {1} {}", &["x", "y"]), "x y y");
    }

    #[test]
    fn decodes_like_from_utf8_lossy() {
        let cases: [&[u8]; 8] = [
            b"IHDR",
            b"",
            b"\xff\xfeAB",
            b"a\xc3\xa9b",
            b"a\xc3",
            b"\xe2\x82",
            b"\xf0\x9f\x98\x80x\x80",
            b"\xed\xa0\x80z",
        ];
        for b in cases {
            assert_eq!(lossy(b), String::from_utf8_lossy(b), "{b:?}");
        }
    }

    /// The decoder against `from_utf8` and `from_utf8_lossy`: every two-byte sequence,
    /// and three- and four-byte ones over every first two bytes and the bytes where UTF-8's
    /// ranges turn.
    #[test]
    fn decodes_utf8_as_std_does() {
        let turns = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ];
        let check = |b: &[u8]| {
            let std = core::str::from_utf8(b);
            assert_eq!(decode_utf8(b, false, false).as_deref(), std.ok(), "{b:?}");
            assert_eq!(lossy(b), String::from_utf8_lossy(b), "{b:?}");
            let cut = match std {
                Ok(s) => Some(s),
                Err(e) if e.error_len().is_none() => {
                    core::str::from_utf8(&b[..e.valid_up_to()]).ok()
                }
                Err(_) => None,
            };
            assert_eq!(decode_utf8(b, false, true).as_deref(), cut, "{b:?}");
            // Lossy and cut: what `from_utf8_lossy` makes of all but a character cut at the end.
            let mut end = 0;
            while let Err(e) = core::str::from_utf8(&b[end..]) {
                match e.error_len() {
                    Some(n) => end += e.valid_up_to() + n,
                    None => break,
                }
            }
            let kept = match core::str::from_utf8(&b[end..]) {
                Ok(_) => b.len(),
                Err(e) => end + e.valid_up_to(),
            };
            let lossy_cut = String::from_utf8_lossy(&b[..kept]);
            assert_eq!(
                decode_utf8(b, true, true).as_deref(),
                Some(&*lossy_cut),
                "{b:?}"
            );
        };
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                check(&[a, b]);
                for c in turns {
                    check(&[a, b, c]);
                    if a >= 0xE0 {
                        for d in turns {
                            check(&[a, b, c, d]);
                        }
                    }
                }
            }
        }
    }
}
