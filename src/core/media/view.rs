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
/// they have instead of asking for more. [`View::new`] joins chunks that touch or overlap
/// (copied) so a range read in two parts reads as one; [`View::runs`] takes runs the JS face
/// has joined already.
#[derive(Debug, Clone)]
pub(crate) struct View<'a> {
    pub size: u64,
    pub chunks: &'a [Chunk<'a>],
    pub last_pass: bool,
    joined: Vec<(u64, Vec<u8>)>,
    /// The range of the last [`Miss`] inside the file.
    need: Cell<ByteRange>,
    /// Whether the last read was past the end of the file (any read resets it, so a
    /// sniffer settles straight after its miss).
    eof: Cell<bool>,
}

impl<'a> View<'a> {
    pub fn new(size: u64, chunks: &'a [Chunk<'a>], last_pass: bool) -> View<'a> {
        let mut v = View::runs(size, chunks, last_pass);
        v.joined = join(chunks);
        v
    }

    /// A view of chunks that neither touch nor overlap (the caller joined them): nothing to
    /// join, so a build that only calls this ships no joining code.
    pub fn runs(size: u64, chunks: &'a [Chunk<'a>], last_pass: bool) -> View<'a> {
        View {
            size,
            chunks,
            last_pass,
            joined: Vec::new(),
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
        let joined = self.joined.iter().map(|(o, b)| (*o, b.as_slice()));
        let chunks = self.chunks.iter().map(|c| (c.offset, c.bytes));
        for (at, bytes) in joined.chain(chunks) {
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

/// A four-character code as a big-endian number: compared as one `u32`, where a match on
/// byte strings compares byte by byte.
pub(crate) const fn tag(code: &[u8; 4]) -> u32 {
    u32::from_be_bytes(*code)
}

/// Big-endian u32 at `i`.
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

/// First index of `pat` in `b`.
pub(crate) fn find(b: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(0);
    }
    b.windows(pat.len()).position(|w| w == pat)
}

/// Last index of `pat` in `b`.
pub(crate) fn rfind(b: &[u8], pat: &[u8]) -> Option<usize> {
    if pat.is_empty() {
        return Some(b.len());
    }
    b.windows(pat.len()).rposition(|w| w == pat)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(size: u64, chunks: &'a [Chunk<'a>]) -> View<'a> {
        View::new(size, chunks, false)
    }

    #[test]
    fn reads_inside_chunks_and_asks_for_the_rest() {
        let head = [1u8, 2, 3, 4];
        let tail = [9u8, 9];
        let chunks = [
            Chunk {
                offset: 0,
                bytes: &head,
            },
            Chunk {
                offset: 98,
                bytes: &tail,
            },
        ];
        let v = view(100, &chunks);
        assert_eq!(v.read(1, 2, 0), Ok(&head[1..3]));
        assert_eq!(v.read(98, 2, 0), Ok(&tail[..]));
        assert_eq!(v.tail(2), Ok(&tail[..]));
        assert_eq!(v.read(3, 2, 50), Err(Miss));
        assert!(!v.eof());
        assert_eq!(v.needed(), ByteRange { start: 3, end: 53 });
        assert_eq!(v.read(90, 2, 50), Err(Miss));
        assert!(!v.eof());
        assert_eq!(
            v.needed(),
            ByteRange {
                start: 90,
                end: 100
            }
        );
        assert_eq!(v.read(99, 2, 0), Err(Miss));
        assert!(v.eof());
        assert_eq!(v.read(1, 2, 0), Ok(&head[1..3]));
        assert_eq!(v.read(3, 2, 50), Err(Miss));
        assert!(!v.eof());
        assert_eq!(v.read(u64::MAX, 2, 0), Err(Miss));
        assert!(v.eof());
        assert_eq!(v.avail(2, 10), &head[2..]);
        assert_eq!(v.avail(50, 10), &[] as &[u8]);
    }

    #[test]
    fn touching_chunks_read_as_one() {
        let a = [1u8, 2, 3];
        let b = [4u8, 5];
        let c = [3u8, 4, 5, 6];
        let chunks = [
            Chunk {
                offset: 0,
                bytes: &a,
            },
            Chunk {
                offset: 3,
                bytes: &b,
            },
            Chunk {
                offset: 2,
                bytes: &c,
            },
            Chunk {
                offset: 9,
                bytes: &b,
            },
        ];
        let v = view(20, &chunks);
        assert_eq!(v.read(1, 5, 0), Ok(&[2u8, 3, 4, 5, 6][..]));
        assert_eq!(v.avail(0, 100), &[1u8, 2, 3, 4, 5, 6]);
        assert_eq!(v.read(9, 2, 0), Ok(&b[..]));
    }

    /// The join as a stable sort by offset and a merge of each run (the previous code): the
    /// oracle of [`join`].
    fn join_sorted(chunks: &[Chunk<'_>]) -> Vec<(u64, Vec<u8>)> {
        let mut order: Vec<&Chunk<'_>> = chunks.iter().filter(|c| !c.bytes.is_empty()).collect();
        order.sort_by_key(|c| c.offset);
        let mut out = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let start = order[i].offset;
            let mut end = start + order[i].bytes.len() as u64;
            let mut j = i + 1;
            while j < order.len() && order[j].offset <= end {
                end = end.max(order[j].offset + order[j].bytes.len() as u64);
                j += 1;
            }
            if j - i > 1 {
                let mut buf = Vec::new();
                for c in &order[i..j] {
                    let skip = (start + buf.len() as u64).saturating_sub(c.offset) as usize;
                    buf.extend_from_slice(c.bytes.get(skip..).unwrap_or_default());
                }
                out.push((start, buf));
            }
            i = j;
        }
        out
    }

    #[test]
    fn joins_as_a_sort_and_merge_would() {
        // Every set of up to four chunks at offsets 0..6 of lengths 0..4, each chunk's bytes
        // its own (overlaps disagree: the first by offset, then by order, must win).
        let mut x = 7u64;
        let mut runs = 0;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = (x % 5) as usize;
            let data: Vec<Vec<u8>> = (0..n)
                .map(|k| {
                    let len = ((x >> (8 * k + 3)) % 5) as usize;
                    (0..len).map(|b| (k * 16 + b) as u8).collect()
                })
                .collect();
            let chunks: Vec<Chunk<'_>> = (0..n)
                .map(|k| Chunk {
                    offset: (x >> (4 * k + 40)) % 7,
                    bytes: &data[k],
                })
                .collect();
            // Runs never touch one another: their order does not matter to the readers.
            let mut joined = join(&chunks);
            joined.sort();
            runs += joined.len();
            assert_eq!(joined, join_sorted(&chunks), "{:?}", chunks);
        }
        assert!(runs > 1000, "{runs}");
    }

    #[test]
    fn chunk_bytes_beyond_the_declared_size_are_ignored() {
        let head = [1u8; 10];
        let chunks = [Chunk {
            offset: 0,
            bytes: &head,
        }];
        let v = view(4, &chunks);
        assert_eq!(v.head(100).len(), 4);
        assert_eq!(v.read(3, 2, 0), Err(Miss));
        assert!(v.eof());
    }

    #[test]
    fn integer_readers_never_panic() {
        let b = [0x12u8, 0x34, 0x56];
        assert_eq!(be16(&b, 0), Some(0x1234));
        assert_eq!(le16(&b, 1), Some(0x5634));
        assert_eq!(be32(&b, 0), None);
        assert_eq!(le64(&b, usize::MAX), None);
        assert!(has_at(&b, 1, &[0x34]));
        assert!(!has_at(&b, usize::MAX, &[0x34]));
        assert_eq!(find(&b, &[0x56]), Some(2));
    }
}
