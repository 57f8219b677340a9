//! Content sniffers, one module per family. Each looks at the head and returns `None` when the
//! file is not of its family, or a [`Step`]: the finding, or a range it needs read first.

use crate::prelude::*;

mod audio;
mod content_types;
mod crc;
mod image;
mod inflate;
mod isobmff;
mod jpeg;
mod magic;
mod ole;
mod png;
mod text;
mod why;
mod zip;

use super::codec::Codec;
use super::kind::Kind;
use super::report::IssueCode;
use super::view::{Miss, View};
use super::words::owned;
use super::{ByteRange, HEAD_LEN};
pub(crate) use why::Why;

/// A sniffer's answer: what the file is, or [`Ask`]: a range to read before it can tell. The
/// finding is boxed and the range waits in the view: a pointer, not the whole finding or a
/// range, moves through every return and `?`.
pub(crate) type Step = Result<Box<Detected>, Ask>;

/// Read [`View::needed`] before the sniffer can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ask;

/// Something wrong with the file's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Damage {
    /// `true`: the file is broken (an error). `false`: it may be (a warning).
    pub fatal: bool,
    /// Plain words, to follow "The file ...".
    pub reason: String,
}

/// A finding that does not stop the file being sent: a warning in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub code: IssueCode,
    /// A whole sentence.
    pub message: String,
}

/// What the sniffers found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Detected {
    /// `None`: not recognised.
    pub kind: Option<Kind>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub animated: bool,
    pub video: Option<Codec>,
    pub audio: Option<Codec>,
    pub damage: Option<Damage>,
    /// The read budget ran out (or a range was not supplied) before the check was complete.
    pub incomplete: bool,
    /// The check that decides whether the kind's own message type takes the file (an MP4's
    /// codecs, a JPEG's frame type, the MPEG audio layer after an ID3 tag) was not reached;
    /// it counts only with `incomplete` (see [`Detected::unchecked`]).
    pub undecided: bool,
    /// Text that is not valid UTF-8 or UTF-16 (a legacy single-byte encoding).
    pub not_utf8: bool,
    /// An image coding that image messages do not take (a lossless JPEG, ...).
    pub image_coding: Option<&'static str>,
    /// Warnings found along the way, in order.
    pub notes: Vec<Note>,
}

impl Detected {
    #[inline(never)]
    pub fn new(kind: Kind) -> Box<Self> {
        let mut d = Detected::unknown();
        d.kind = Some(kind);
        d
    }

    #[inline(never)]
    pub fn unknown() -> Box<Self> {
        Box::default()
    }

    /// Not recognised, and not all read: what is left when bytes are missing.
    #[inline(never)]
    pub fn unread() -> Box<Self> {
        let mut d = Detected::unknown();
        d.incomplete = true;
        d
    }

    /// Bytes went missing before the deciding check: the kind's own message type cannot be
    /// said to take the file.
    pub fn unchecked(&self) -> bool {
        self.incomplete && self.undecided
    }

    /// Adds a warning.
    #[inline(always)]
    pub fn note(mut self: Box<Self>, code: IssueCode, message: &str) -> Box<Self> {
        self.add_note(code, message);
        self
    }

    /// [`Detected::note`] in place, out of line.
    #[inline(never)]
    fn add_note(&mut self, code: IssueCode, message: &str) {
        self.notes.push(Note {
            code,
            message: owned(message),
        });
    }

    /// Marks the file as broken (`fatal`) or possibly broken, for `reason` (made for it: moved
    /// in, not copied); the first finding wins.
    #[inline(always)]
    pub fn damaged(mut self: Box<Self>, fatal: bool, reason: String) -> Box<Self> {
        self.mark(fatal, reason);
        self
    }

    /// Marks the file as broken (or, for the last reasons of [`Why`], possibly broken), for
    /// the fixed reason `why`; the first finding wins.
    #[inline(always)]
    pub fn broken(mut self: Box<Self>, why: Why) -> Box<Self> {
        self.mark_why(why);
        self
    }

    /// [`Detected::broken`] in place, out of line: one constant at each call site.
    #[inline(never)]
    fn mark_why(&mut self, why: Why) {
        self.mark(why.fatal(), owned(why.text()));
    }

    /// [`Detected::damaged`] in place, out of line: the finding is not moved in and out.
    #[inline(never)]
    fn mark(&mut self, fatal: bool, reason: String) {
        if self.damage.is_none() {
            self.damage = Some(Damage { fatal, reason });
        }
    }
}

/// After a miss: in a planning pass asks for the range the view keeps; in the last pass (or
/// at the end of the file) settles for `fallback`, marked incomplete when bytes were missing.
pub(crate) fn settle(v: &View<'_>, _miss: Miss, mut fallback: Box<Detected>) -> Step {
    if v.eof() {
        return Ok(fallback.broken(Why::TooEarly));
    }
    if !v.last_pass {
        return Err(Ask);
    }
    fallback.incomplete = true;
    Ok(fallback)
}

/// A family's sniffer: `None` when the head is not of its family.
type Sniffer = fn(&View<'_>, &[u8]) -> Option<Step>;

/// The sniffers, in the order they are asked (a table in the data, not built per call).
const SNIFFERS: [Sniffer; 9] = [
    jpeg::sniff,
    png::sniff,
    image::sniff,
    isobmff::sniff,
    zip::sniff,
    ole::sniff,
    audio::sniff,
    magic::sniff,
    text::sniff,
];

/// Sniffs the file's type from the bytes read so far: the finding, or the range to read next.
pub(crate) fn sniff(v: &View<'_>) -> Result<Box<Detected>, ByteRange> {
    if v.size == 0 {
        return Ok(Detected::unknown());
    }
    let head_len = v.size.min(HEAD_LEN as u64) as usize;
    let head = v.head(HEAD_LEN);
    if head.len() < head_len {
        if !v.last_pass {
            return Err(ByteRange {
                start: 0,
                end: head_len as u64,
            });
        }
        if head.is_empty() {
            return Ok(Detected::unread());
        }
    }
    for s in SNIFFERS {
        if let Some(step) = s(v, head) {
            return step.map_err(|Ask| v.needed());
        }
    }
    Ok(Detected::unknown())
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;
    use crate::core::media::view::joined;
    use crate::core::media::Chunk;

    /// Sniffs `bytes` as a whole file, supplying every range asked for (up to 32 rounds).
    pub fn sniff_all(bytes: &[u8]) -> Detected {
        sniff_sized(bytes, bytes.len() as u64)
    }

    /// Sniffs a file of `size` bytes whose first bytes are `bytes` (the rest unread).
    pub fn sniff_sized(bytes: &[u8], size: u64) -> Detected {
        let mut ranges: Vec<ByteRange> = Vec::new();
        for _ in 0..32 {
            let chunks: Vec<Chunk<'_>> = ranges
                .iter()
                .filter_map(|r| {
                    let s = usize::try_from(r.start).ok()?;
                    let e = usize::try_from(r.end).ok()?.min(bytes.len());
                    Some(Chunk {
                        offset: r.start,
                        bytes: bytes.get(s..e)?,
                    })
                })
                .collect();
            match joined(size, &chunks, false, sniff) {
                Ok(d) => return *d,
                Err(r) => {
                    if ranges.contains(&r) {
                        return joined(size, &chunks, true, sniff)
                            .map(|d| *d)
                            .unwrap_or_default();
                    }
                    ranges.push(r);
                }
            }
        }
        panic!("too many rounds");
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::sniff_all;
    use super::*;

    #[test]
    fn empty_and_unknown() {
        assert_eq!(sniff_all(b"").kind, None);
        assert_eq!(sniff_all(&[0u8, 1, 2, 3, 0, 0, 0, 9]).kind, None);
    }

    /// A small deterministic generator (xorshift64).
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn hostile_bytes_after_every_signature_never_panic() {
        let mut tar = vec![b'a'; 257];
        tar.extend_from_slice(b"ustar\0");
        let signatures: [&[u8]; 20] = [
            &[0xFF, 0xD8, 0xFF],
            b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR",
            b"RIFF\xff\xff\0\0WEBPVP8X",
            b"RIFF\x10\0\0\0WEBPVP8 ",
            b"RIFF\x10\0\0\0WEBPVP8L",
            b"\0\0\0\x18ftypisom",
            b"\0\0\0\x18ftypM4A ",
            b"PK\x03\x04",
            b"PK\x05\x06",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            b"ID3\x04\0\0",
            b"OggS\0",
            b"#!AMR\n",
            b"%PDF-1.4",
            &tar,
            &[0x1A, 0x45, 0xDF, 0xA3],
            b"MZ",
            b"\xFF\xFE",
            &[0xFF, 0xFB, 0x90, 0x00],
            &[0xFF, 0xF1, 0x50, 0x80],
        ];
        for (i, sig) in signatures.iter().enumerate() {
            for (j, len) in [0usize, 1, 5, 30, 200, 600, 5000, 70_000]
                .into_iter()
                .enumerate()
            {
                let mut b = sig.to_vec();
                b.extend_from_slice(&noise((i * 31 + j) as u64 + 7, len));
                let _ = test_util::sniff_all(&b);
                // Claim a much larger file: the sniffers ask for ranges beyond the bytes.
                let _ = test_util::sniff_sized(&b, b.len() as u64 * 3 + 100_000);
                let options = crate::core::media::Options::default();
                let report = crate::core::media::validate_bytes(&b, &options);
                assert_eq!(report.size, b.len() as u64);
            }
        }
    }

    #[test]
    fn asks_for_the_head_first() {
        let v = View::new(10_000, &[], false);
        assert_eq!(
            sniff(&v),
            Err(ByteRange {
                start: 0,
                end: HEAD_LEN as u64
            })
        );
        let v = View::new(10_000, &[], true);
        let d = sniff(&v).unwrap();
        assert!(d.incomplete);
        assert_eq!(d.kind, None);
    }
}
