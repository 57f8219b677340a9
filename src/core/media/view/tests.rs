//! The view's reads, its join and the integer and pattern readers.
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
    joined(20, &chunks, false, |v| {
        assert_eq!(v.read(1, 5, 0), Ok(&[2u8, 3, 4, 5, 6][..]));
        assert_eq!(v.avail(0, 100), &[1u8, 2, 3, 4, 5, 6]);
        assert_eq!(v.read(9, 2, 0), Ok(&b[..]));
    });
    // Unjoined, a read is served by one chunk: the longest from its offset.
    let v = view(20, &chunks);
    assert_eq!(v.read(1, 5, 0), Err(Miss));
    assert_eq!(v.avail(2, 100), &c);
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
    // A four-character code reads as `tag` makes it, its first bytes the low ones.
    assert_eq!(le32(b"ftyp", 0), Some(tag(b"ftyp")));
    assert_eq!(tag(b"3g2a") & 0xFF_FFFF, tag(b"3g2 ") & 0xFF_FFFF);
    assert_ne!(tag(b"3g2a") & 0xFFFF, tag(b"g32a") & 0xFFFF);
}

#[test]
fn find_and_rfind_agree_with_a_window_scan() {
    let naive = |b: &[u8], p: &[u8]| b.windows(p.len()).position(|w| w == p);
    let naive_r = |b: &[u8], p: &[u8]| b.windows(p.len()).rposition(|w| w == p);
    // Short texts over a 3-letter alphabet: every overlap, a match at each end, none.
    let mut x = 11u64;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let b: Vec<u8> = (0..(x % 13) as usize)
            .map(|k| b'a' + ((x >> (2 * k + 8)) % 3) as u8)
            .collect();
        let p: Vec<u8> = (0..(x >> 60) as usize % 5 + 1)
            .map(|k| b'a' + ((x >> (2 * k + 40)) % 3) as u8)
            .collect();
        assert_eq!(find(&b, &p), naive(&b, &p), "{b:?} {p:?}");
        assert_eq!(rfind(&b, &p), naive_r(&b, &p), "{b:?} {p:?}");
    }
    assert_eq!(find(b"abc", b""), Some(0));
    assert_eq!(rfind(b"abc", b""), Some(3));
    assert_eq!(find(b"", b"a"), None);
    assert_eq!(rfind(b"ab", b"abc"), None);
    assert_eq!(rfind(b"xPKPK", b"PK"), Some(3));
}
