//! Text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or legacy
//! single-byte text (no NUL, no control characters but the usual ones, at least
//! [`MIN_LEGACY`] bytes, mostly ASCII). Then: markup posing as text (HTML, SVG, XML), CSV (a
//! consistent delimiter count over the lines), or plain text.

use super::{Detected, Step};
use crate::core::media::kind::Kind;
use crate::core::media::view::{arr, View};
use crate::core::media::words::{decode_utf8, latin1, nth, trim_start};
use crate::prelude::*;

/// At most this many records are looked at for CSV.
const MAX_RECORDS: usize = 200;
/// Text in a legacy encoding is at least this long: a few stray bytes are not text.
const MIN_LEGACY: usize = 8;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    let complete = head.len() as u64 >= v.size;
    let (text, not_utf8) = decode(head, complete)?;
    let kind = markup(&text).unwrap_or_else(|| {
        if is_csv(&text, complete) {
            Kind::Csv
        } else {
            Kind::Text
        }
    });
    let mut d = Detected::new(kind);
    d.not_utf8 = not_utf8;
    Some(Ok(d))
}

/// Whether `b` holds no control byte but those text allows (one loop for both encodings).
fn printable(b: &[u8]) -> bool {
    b.iter().all(|&b| b >= 0x20 || allowed_control(b))
}

/// The text, and whether it was decoded as a legacy single-byte encoding.
fn decode(head: &[u8], complete: bool) -> Option<(String, bool)> {
    let text = if let Some(rest) = after(head, b"\xEF\xBB\xBF") {
        utf8(rest, complete)?
    } else if let Some(rest) = after(head, b"\xFF\xFE") {
        utf16(rest, complete, false)?
    } else if let Some(rest) = after(head, b"\xFE\xFF") {
        utf16(rest, complete, true)?
    } else if let Some(t) = utf8(head, complete) {
        t
    } else {
        let mut ascii = 0;
        for b in head {
            ascii += usize::from(b.is_ascii());
        }
        if head.len() < MIN_LEGACY || ascii * 4 < head.len() * 3 || !printable(head) {
            return None;
        }
        return Some((latin1(head), true));
    };
    // Bytes: every byte of a longer UTF-8 sequence is 0x80 or more.
    printable(text.as_bytes()).then_some((text, false))
}

/// The byte offset of character `n` of `t` (counted from 0), or `t.len()` when it has no more
/// (a loop over the bytes, where `char_indices().nth` links the iterator machinery).
fn char_offset(t: &str, n: usize) -> usize {
    let mut chars = 0;
    for (i, &b) in t.as_bytes().iter().enumerate() {
        // A character starts at every byte that is not a UTF-8 continuation byte.
        if b & 0xC0 != 0x80 {
            if chars == n {
                return i;
            }
            chars += 1;
        }
    }
    t.len()
}

/// `b` after `prefix`, if it starts so (`<[u8]>::strip_prefix` links `split_at`'s panic).
fn after<'a>(b: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    b.starts_with(prefix)
        .then(|| b.get(prefix.len()..))
        .flatten()
}

fn allowed_control(b: u8) -> bool {
    // Tab, line feed, vertical tab, form feed, carriage return, DOS end-of-file, escape.
    matches!(b, 0x09..=0x0D | 0x1A | 0x1B)
}

fn utf8(b: &[u8], complete: bool) -> Option<String> {
    // Control bytes first, on the bytes (as in the text): no character decoded for a binary
    // file of valid UTF-8. A character cut at the end of the head is fine.
    printable(b)
        .then(|| decode_utf8(b, false, !complete))
        .flatten()
}

/// UTF-16 text as `char::decode_utf16` reads it, by hand (no iterator state machine): an
/// unpaired surrogate is refused, but as the last unit of a head that is not the whole file.
fn utf16(b: &[u8], complete: bool, big_endian: bool) -> Option<String> {
    if complete && b.len() % 2 != 0 {
        return None;
    }
    // Little-endian, its bytes swapped for big-endian text (no function pointer: one
    // indirect call and two table entries fewer).
    let unit_at = |i: usize| {
        arr(b, i)
            .map(u16::from_le_bytes)
            .map(|u| if big_endian { u.swap_bytes() } else { u })
    };
    let mut out = String::new();
    let mut bad_at_end = false;
    let mut i = 0;
    while let Some(u) = unit_at(i) {
        if bad_at_end {
            return None;
        }
        i += 2;
        let c = match u {
            0xD800..=0xDBFF => match unit_at(i) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    i += 2;
                    let high = u32::from(u) - 0xD800;
                    char::from_u32(0x10000 + (high << 10) + (u32::from(low) - 0xDC00))
                }
                _ => None,
            },
            // A lone low surrogate is no char.
            _ => char::from_u32(u32::from(u)),
        };
        match c {
            Some(c) => out.push(c),
            None if !complete => bad_at_end = true,
            None => return None,
        }
    }
    Some(out)
}

fn starts_ci(t: &str, pat: &str) -> bool {
    t.get(0..pat.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(pat))
}

/// Whether `hay` holds `needle` (ASCII, lower case) in any ASCII case. A plain window
/// scan: `str::contains` would link the two-way searcher and its panic formatting.
fn holds_ci(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// How markup starts, a line each: the kind's letter (`h` HTML, `s` SVG, `x` XML, `c` a
/// comment, which the lead decides) and the start, in any ASCII case.
const LEADS: &str =
    "h<!doctype html\nh<html\nh<head\nh<body\nh<script\nh<iframe\ns<svg\ns<!doctype svg\nx<?xml\nc<!--";

/// HTML, SVG or XML posing as text.
pub(super) fn markup(text: &str) -> Option<Kind> {
    let t = trim_start(text, true);
    if !t.starts_with("<") {
        return None;
    }
    // The first lead that fits, as one text (no pointer per tag): HTML, then SVG, XML, a comment.
    let mut lead = b' ';
    for i in 0..10 {
        let line = nth(LEADS, i);
        if starts_ci(t, line.get(1..line.len()).unwrap_or_default()) {
            lead = line.as_bytes().first().copied().unwrap_or(b' ');
            break;
        }
    }
    match lead {
        b'h' => return Some(Kind::Html),
        b's' => return Some(Kind::Svg),
        _ => {}
    }
    let xml = lead == b'x';
    if xml || lead == b'c' {
        // The first 2048 characters.
        let end = char_offset(t, 2048);
        let lead = t.as_bytes().get(..end).unwrap_or_default();
        if holds_ci(lead, "<svg") {
            return Some(Kind::Svg);
        }
        if holds_ci(lead, "<html") || holds_ci(lead, "<!doctype html") {
            return Some(Kind::Html);
        }
        if xml {
            return Some(Kind::Xml);
        }
    }
    None
}

/// Whether every record has the same number (at least one) of `,` or `;` delimiters outside
/// quotes, over at least two records. A record cut at the end of the head is left out.
fn is_csv(text: &str, complete: bool) -> bool {
    // Bytes, not `char`s: the quote, the line end and the delimiters are ASCII, which no byte
    // of a longer UTF-8 sequence is.
    [b',', b';'].iter().any(|&delim| {
        let mut fields = Fields::default();
        let mut count = 0usize;
        let mut quoted = false;
        let mut fresh = true;
        for &b in text.as_bytes() {
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => {
                    fields.record(count);
                    count = 0;
                    fresh = true;
                    if fields.records >= MAX_RECORDS {
                        break;
                    }
                    continue;
                }
                b if b == delim && !quoted => count += 1,
                _ => {}
            }
            fresh = false;
        }
        if complete && !fresh && fields.records < MAX_RECORDS {
            if quoted {
                return false;
            }
            fields.record(count);
        }
        // Trailing blank lines do not count.
        !fields.uneven && fields.counted >= 2
    })
}

/// The delimiter counts of a text's records, as far as the CSV test needs them.
#[derive(Default)]
struct Fields {
    /// Records seen.
    records: usize,
    /// Records up to the last with a delimiter.
    counted: usize,
    /// The first record's count.
    first: usize,
    /// Records without a delimiter since the last with one.
    blank: usize,
    /// A count differs from the first, or a record without a delimiter comes before one with.
    uneven: bool,
}

impl Fields {
    fn record(&mut self, count: usize) {
        self.records += 1;
        if count == 0 {
            self.blank += 1;
            return;
        }
        if self.counted == 0 {
            self.first = count;
        }
        self.uneven |= self.blank > 0 || count != self.first;
        self.counted += 1 + self.blank;
        self.blank = 0;
    }
}

#[cfg(test)]
mod tests;
