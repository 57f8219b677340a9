//! The bytes read so far, as a sparse view of the file, and panic-free integer readers.

use super::{ByteRange, Chunk};
use crate::prelude::*;
use core::cell::Cell;

/// Bytes could not be had. Why waits in the view, as the range to ask for does: the range
/// lies (partly) beyond the end of the file ([`View::eof`]: the file is too short), or inside
/// it but was not read (ask for [`View::needed`]). A miss carried up through every `?` is
/// nothing at all: `Result<&[u8], Miss>` is a pointer and a length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Miss;

/// The chunks read so far. `last_pass` is set by `validate`: sniffers then decide with what
/// they have instead of asking for more. A read is served by one chunk: [`joined`] gives a
/// view of chunks that may touch or overlap, their runs joined first, so a range read in two
/// parts reads as one; [`View::new`] takes runs the JS face has joined already.
#[derive(Debug, Clone)]
pub(crate) struct View<'a> {
    pub size: u64,
    pub chunks: &'a [Chunk<'a>],
    pub last_pass: bool,
    /// The range of the last [`Miss`] inside the file.
    need: Cell<ByteRange>,
    /// Whether the last read was past the end of the file (any read resets it, so a
    /// sniffer settles straight after its miss).
    eof: Cell<bool>,
}

impl<'a> View<'a> {
    /// A view of `chunks` as they are (the caller joined touching ones, or [`joined`] did): a
    /// build that only calls this ships no joining code.
    pub fn new(size: u64, chunks: &'a [Chunk<'a>], last_pass: bool) -> View<'a> {
        View {
            size,
            chunks,
            last_pass,
            need: Cell::new(ByteRange { start: 0, end: 0 }),
            eof: Cell::new(false),
        }
    }

    /// The bytes at `offset..offset + len`, if one chunk holds them all. `want` is how many
    /// bytes to ask for when they are missing (at least `len`; clipped to the file).
    pub fn read(&self, offset: u64, len: usize, want: u64) -> Result<&[u8], Miss> {
        let len64 = len as u64;
        let end = offset.checked_add(len64);
        self.eof.set(!end.is_some_and(|e| e <= self.size));
        if self.eof.get() {
            return Err(Miss);
        }
        // The longest run read from `offset` holds them all when any run does.
        let b = self.avail(offset, len);
        if b.len() == len {
            return Ok(b);
        }
        let want_end = offset.saturating_add(want.max(len64)).min(self.size);
        self.need.set(ByteRange {
            start: offset,
            end: want_end,
        });
        Err(Miss)
    }

    /// The range the last [`Miss`] asked for (when it was not past the end).
    pub fn needed(&self) -> ByteRange {
        self.need.get()
    }

    /// Whether the last read was past the end of the file: the file is too short (any
    /// read resets it, so this is asked straight after the miss).
    pub fn eof(&self) -> bool {
        self.eof.get()
    }

    /// Like [`View::read`] but clipped at the end of the file: fewer than `len` bytes near the end.
    pub fn read_upto(&self, offset: u64, len: usize, want: u64) -> Result<&[u8], Miss> {
        let avail = self.size.saturating_sub(offset).min(len as u64) as usize;
        self.read(offset, avail, want)
    }

    /// The longest run of read bytes starting at `offset`, at most `max` long (maybe empty).
    pub fn avail(&self, offset: u64, max: usize) -> &[u8] {
        let mut best: &[u8] = &[];
        for &Chunk { offset: at, bytes } in self.chunks {
            let Some(skip) = offset.checked_sub(at).and_then(|s| usize::try_from(s).ok()) else {
                continue;
            };
            let in_file = usize::try_from(self.size.saturating_sub(at)).unwrap_or(usize::MAX);
            let bytes = bytes.get(..bytes.len().min(in_file)).unwrap_or(&[]);
            if let Some(b) = bytes.get(skip..) {
                let b = b.get(..b.len().min(max)).unwrap_or(b);
                if b.len() > best.len() {
                    best = b;
                }
            }
        }
        best
    }

    /// The head: the bytes read from offset 0 (at most `max`).
    pub fn head(&self, max: usize) -> &[u8] {
        self.avail(0, max)
    }

    /// The last `len` bytes of the file (fewer if the file is shorter).
    pub fn tail(&self, len: u64) -> Result<&[u8], Miss> {
        let len = len.min(self.size);
        self.read(self.size - len, len as usize, len)
    }
}

/// `f` on a view of `chunks`, which may touch or overlap: the runs of two or more of them
/// joined (copied) come first in the view, then the chunks themselves (a read takes the
/// longest run from its offset, the first of equal ones).
pub(crate) fn joined<T>(
    size: u64,
    chunks: &[Chunk<'_>],
    last_pass: bool,
    f: impl FnOnce(&View<'_>) -> T,
) -> T {
    let runs = join(chunks);
    let mut all: Vec<Chunk<'_>> = Vec::new();
    for (offset, bytes) in &runs {
        all.push(Chunk {
            offset: *offset,
            bytes,
        });
    }
    all.extend_from_slice(chunks);
    f(&View::new(size, &all, last_pass))
}

/// Copies of the runs of two or more chunks that touch or overlap. Plain loops over at most
/// MAX_READS chunks, no sorting: a run starts at a chunk that no chunk before it (by offset,
/// then by index) reaches, and grows by the first chunk (the same order) that reaches past
/// its end, as a stable sort and a merge would have it.
fn join(chunks: &[Chunk<'_>]) -> Vec<(u64, Vec<u8>)> {
    let end = |c: &Chunk<'_>| c.offset.saturating_add(c.bytes.len() as u64);
    let mut out = Vec::new();
    for (i, first) in chunks.iter().enumerate() {
        let mut starts = !first.bytes.is_empty();
        for (k, c) in chunks.iter().enumerate() {
            let before = c.offset < first.offset || (c.offset == first.offset && k < i);
            if before && !c.bytes.is_empty() && end(c) >= first.offset {
                starts = false;
            }
        }
        if !starts {
            continue;
        }
        let mut buf = first.bytes.to_vec();
        loop {
            let at = first.offset.saturating_add(buf.len() as u64);
            let mut next: Option<&Chunk<'_>> = None;
            for c in chunks {
                if c.offset <= at && end(c) > at && !matches!(next, Some(n) if n.offset <= c.offset)
                {
                    next = Some(c);
                }
            }
            let Some(c) = next else { break };
            let skip = usize::try_from(at - c.offset).unwrap_or(usize::MAX);
            buf.extend_from_slice(c.bytes.get(skip..).unwrap_or_default());
        }
        // The run holds every chunk that starts in it (one wholly inside adds no byte).
        let run_end = first.offset.saturating_add(buf.len() as u64);
        let mut members = 0;
        for c in chunks {
            if !c.bytes.is_empty() && c.offset >= first.offset && c.offset <= run_end {
                members += 1;
            }
        }
        if members > 1 {
            out.push((first.offset, buf));
        }
    }
    out
}

/// Byte `i` of `b`.
pub(crate) fn u8_at(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).copied()
}

/// `N` bytes of `b` from `i`.
pub(crate) fn arr<const N: usize>(b: &[u8], i: usize) -> Option<[u8; N]> {
    b.get(i..i.checked_add(N)?)?.try_into().ok()
}

/// Big-endian u16 at `i`.
pub(crate) fn be16(b: &[u8], i: usize) -> Option<u16> {
    arr(b, i).map(u16::from_be_bytes)
}

/// A four-character code as a number, compared as one `u32` where a match on byte strings
/// compares byte by byte: little-endian (read by [`le32`]), a plain load where big-endian
/// swaps the bytes in wasm; its first bytes are its low ones.
pub(crate) const fn tag(code: &[u8; 4]) -> u32 {
    u32::from_le_bytes(*code)
}

/// Big-endian u32 at `i`, out of line: wasm swaps the bytes by hand, one copy of that.
#[inline(never)]
pub(crate) fn be32(b: &[u8], i: usize) -> Option<u32> {
    arr(b, i).map(u32::from_be_bytes)
}

/// Big-endian u64 at `i`.
pub(crate) fn be64(b: &[u8], i: usize) -> Option<u64> {
    arr(b, i).map(u64::from_be_bytes)
}

/// Little-endian u16 at `i`.
pub(crate) fn le16(b: &[u8], i: usize) -> Option<u16> {
    arr(b, i).map(u16::from_le_bytes)
}

/// Little-endian u32 at `i`.
pub(crate) fn le32(b: &[u8], i: usize) -> Option<u32> {
    arr(b, i).map(u32::from_le_bytes)
}

/// Little-endian u64 at `i`.
pub(crate) fn le64(b: &[u8], i: usize) -> Option<u64> {
    arr(b, i).map(u64::from_le_bytes)
}

/// Whether `b` has `pat` at `i`.
pub(crate) fn has_at(b: &[u8], i: usize, pat: &[u8]) -> bool {
    i.checked_add(pat.len())
        .and_then(|end| b.get(i..end))
        .is_some_and(|s| s == pat)
}

/// First index of `pat` in `b`: a window is compared only where it starts with `pat`'s first
/// byte (a byte test at each index, not a slice comparison).
pub(crate) fn find(b: &[u8], pat: &[u8]) -> Option<usize> {
    let Some(first) = pat.first() else {
        return Some(0);
    };
    b.windows(pat.len())
        .position(|w| w.first() == Some(first) && w == pat)
}

/// Last index of `pat` in `b` (the same test from the end).
pub(crate) fn rfind(b: &[u8], pat: &[u8]) -> Option<usize> {
    let Some(first) = pat.first() else {
        return Some(b.len());
    };
    b.windows(pat.len())
        .rposition(|w| w.first() == Some(first) && w == pat)
}

#[cfg(test)]
mod tests;
