//! PNG: the chunks in the bytes read (lengths that chain, CRCs that match), and the `IEND`
//! chunk at the end, or data after it.
//!
//! The chunks are walked from the signature through the head; each chunk read whole has its
//! CRC checked (IHDR always is). A file that fits the head is walked to `IEND`; a larger one
//! has its last [`TAIL`] bytes searched for `IEND`, and the chunks whole in them before it
//! (found by a length that leads exactly to the next chunk) checked too. The chunks between
//! head and tail are not read.

use super::crc::crc32;
use super::{settle, Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::report::IssueCode;
use crate::core::media::view::{be32, has_at, rfind, View};
use crate::core::media::words::{decimal, fill, lossy};
use crate::prelude::*;

/// How much of the end is read to find `IEND`.
const TAIL: u64 = 1024;
/// The `IEND` chunk: no data, fixed CRC.
const IEND: &[u8] = b"\0\0\0\0IEND\xAE\x42\x60\x82";

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    head.starts_with(b"\x89PNG\r\n\x1a\n").then(|| png(v, head))
}

fn png(v: &View<'_>, head: &[u8]) -> Step {
    let mut d = Detected::new(Kind::Png);
    if v.size < 33 || head.len() < 33 {
        return Ok(d.broken(Why::NoIhdr));
    }
    // The first chunk: 13 bytes long (a big-endian length), `IHDR`.
    if !has_at(head, 8, b"\0\0\0\x0dIHDR") {
        return Ok(d.broken(Why::BadIhdr));
    }
    d.width = be32(head, 16);
    d.height = be32(head, 20);
    match walk(head, v.size) {
        Walk::Broken(reason) => return Ok(d.damaged(true, reason)),
        Walk::End(at) => return Ok(after_end(d, at, v.size)),
        Walk::Beyond => {}
    }
    match v.tail(TAIL) {
        Ok(t) => {
            let base = v.size - t.len() as u64;
            Ok(match rfind(t, IEND) {
                Some(i) => match backwards(t, i) {
                    Some(reason) => d.damaged(true, reason),
                    None => after_end(d, base + i as u64 + IEND.len() as u64, v.size),
                },
                None => d.broken(Why::NoIend),
            })
        }
        Err(m) => settle(v, m, d),
    }
}

/// Where the chunk walk through the head ended.
enum Walk {
    /// A chunk is impossible or its CRC is wrong.
    Broken(String),
    /// `IEND` ends at this offset.
    End(u64),
    /// The next chunk lies beyond the head.
    Beyond,
}

fn walk(head: &[u8], size: u64) -> Walk {
    let mut off = 8usize;
    loop {
        let (Some(len), Some(kind)) = (be32(head, off), head.get(off + 4..off + 8)) else {
            return Walk::Beyond;
        };
        let name = || lossy(kind);
        if len > 0x7FFF_FFFF || !is_name(kind) {
            return Walk::Broken(fill(
                "has an impossible chunk ({}, {} bytes)",
                &[&name(), &decimal(len.into())],
            ));
        }
        let end = off as u64 + 12 + u64::from(len);
        if end > size {
            return Walk::Broken(fill("is shorter than its {} chunk says", &[&name()]));
        }
        let Some((data, crc)) = usize::try_from(end)
            .ok()
            .and_then(|e| Some((head.get(off + 4..e - 4)?, be32(head, e - 4)?)))
        else {
            return Walk::Beyond;
        };
        if crc32(&[data]) != crc {
            return Walk::Broken(crc_wrong(kind));
        }
        if kind == b"IEND" {
            return Walk::End(end);
        }
        off = end as usize;
    }
}

/// Walks back from `IEND` at `end` through the chunks that lie whole in `tail` (a chunk whose
/// length leads exactly to the next one), checking their CRCs; a reason when one is wrong.
fn backwards(tail: &[u8], mut end: usize) -> Option<String> {
    for _ in 0..64 {
        let start = (0..end.checked_sub(12)?).rev().find(|&q| {
            let ascii = tail.get(q + 4..q + 8).is_some_and(is_name);
            ascii && be32(tail, q).and_then(|l| usize::try_from(l).ok()) == Some(end - q - 12)
        })?;
        let data = tail.get(start + 4..end - 4)?;
        if crc32(&[data]) != be32(tail, end - 4)? {
            return Some(crc_wrong(data.get(..4)?));
        }
        end = start;
    }
    None
}

/// Whether a chunk type is all ASCII letters (a plain loop: `all` is a function of its own).
fn is_name(kind: &[u8]) -> bool {
    for b in kind {
        if !b.is_ascii_alphabetic() {
            return false;
        }
    }
    true
}

fn crc_wrong(kind: &[u8]) -> String {
    fill("has a wrong CRC in its {} chunk", &[&lossy(kind)])
}

fn after_end(d: Box<Detected>, end: u64, size: u64) -> Box<Detected> {
    if end >= size {
        return d;
    }
    d.note(
        IssueCode::MediaTrailingData,
        &fill(
            "The PNG image has {} bytes after its IEND chunk: maybe an appended file.",
            &[&decimal(size - end)],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::media::sniff::test_util::sniff_all;

    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
        c
    }

    fn png_bytes(w: u32, h: u32, idat: usize) -> Vec<u8> {
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(chunk(b"IHDR", &ihdr));
        b.extend(chunk(b"IDAT", &vec![0x55; idat]));
        b.extend(chunk(b"IEND", b""));
        b
    }

    #[test]
    fn dimensions_and_truncation() {
        let d = sniff_all(&png_bytes(640, 480, 10));
        assert_eq!(d.kind, Some(Kind::Png));
        assert_eq!((d.width, d.height), (Some(640), Some(480)));
        assert!(d.damage.is_none() && d.notes.is_empty());
        let b = png_bytes(1, 1, 10);
        assert!(sniff_all(&b[..20]).damage.unwrap().fatal);
        assert!(sniff_all(&b[..40]).damage.unwrap().fatal);
        let mut wrong = b.clone();
        wrong[12] = b'X';
        assert!(sniff_all(&wrong).damage.unwrap().fatal);
        // Large: IDAT beyond the head, IEND found in the tail.
        let big = png_bytes(1, 1, 20_000);
        assert!(sniff_all(&big).damage.is_none());
        assert!(sniff_all(&big[..15_000]).damage.unwrap().fatal);
    }

    #[test]
    fn bad_crc_and_impossible_lengths() {
        let mut b = png_bytes(2, 3, 10);
        b[17] ^= 1; // the width, under the IHDR CRC
        let damage = sniff_all(&b).damage.unwrap();
        assert!(damage.fatal && damage.reason.contains("IHDR"), "{damage:?}");
        let mut b = png_bytes(2, 3, 10);
        b[33..37].copy_from_slice(&0x8000_0000u32.to_be_bytes());
        assert!(sniff_all(&b).damage.unwrap().fatal);
        let mut b = png_bytes(2, 3, 10);
        b[33..37].copy_from_slice(&5000u32.to_be_bytes());
        assert!(sniff_all(&b).damage.unwrap().fatal);
    }

    #[test]
    fn chunks_before_iend_in_the_tail_are_checked() {
        let mut b = png_bytes(2, 3, 20_000);
        let iend = b.len() - 12;
        b.splice(iend..iend, chunk(b"tEXt", b"date:create\x002026"));
        assert!(sniff_all(&b).damage.is_none());
        let at = b.len() - 20;
        b[at] ^= 1; // inside the tEXt data
        let damage = sniff_all(&b).damage.unwrap();
        assert!(damage.fatal && damage.reason.contains("tEXt"), "{damage:?}");
    }

    #[test]
    fn data_after_iend_is_a_warning() {
        for idat in [10, 20_000] {
            let mut b = png_bytes(2, 3, idat);
            b.extend_from_slice(b"PK\x05\x06 and more");
            let d = sniff_all(&b);
            assert_eq!(d.damage, None);
            assert_eq!(d.notes[0].code, IssueCode::MediaTrailingData);
            assert!(d.notes[0].message.contains("13 bytes"), "{:?}", d.notes);
        }
    }
}
