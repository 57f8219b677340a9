//! A small raw DEFLATE decoder (RFC 1951), for the one ZIP entry the sniffer reads
//! (`[Content_Types].xml`). It stops at `limit` output bytes and returns what it has when the
//! input is cut short or broken: the caller searches the text, it does not trust it. Small
//! by design: bits read one at a time, codes decoded bit by bit (as zlib's `puff`), tables
//! on the stack (no `Vec` but the output), the length and distance bases worked out.

use crate::core::media::view::le16;
use crate::prelude::*;

/// The order code length code lengths are stored in.
const ORDER: [u8; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Decompresses raw DEFLATE `input`, at most `limit` bytes of output.
pub(crate) fn inflate(input: &[u8], limit: usize) -> Vec<u8> {
    let mut s = Inflate {
        input,
        pos: 0,
        out: Vec::new(),
        limit,
    };
    let _ = s.blocks();
    s.out.truncate(limit);
    s.out
}

struct Inflate<'a> {
    input: &'a [u8],
    /// In bits.
    pos: usize,
    out: Vec<u8>,
    limit: usize,
}

/// A canonical Huffman code: the count of codes per length and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: [u16; 288],
}

impl Huffman {
    fn new(lengths: &[u8]) -> Huffman {
        let mut h = Huffman {
            counts: [0; 16],
            symbols: [0; 288],
        };
        let mut n = 0;
        for len in 1..16u8 {
            for (symbol, &l) in lengths.iter().enumerate() {
                if l == len {
                    if let (Some(slot), Some(count)) =
                        (h.symbols.get_mut(n), h.counts.get_mut(usize::from(len)))
                    {
                        *slot = symbol as u16;
                        *count += 1;
                    }
                    n += 1;
                }
            }
        }
        h
    }
}

impl Inflate<'_> {
    /// The next `n` bits, the first read the lowest.
    fn bits(&mut self, n: u8) -> Option<u32> {
        let mut value = 0;
        for i in 0..n {
            let byte = self.input.get(self.pos / 8)?;
            value |= u32::from((byte >> (self.pos % 8)) & 1) << i;
            self.pos += 1;
        }
        Some(value)
    }

    fn decode(&mut self, h: &Huffman) -> Option<usize> {
        let (mut code, mut first, mut index) = (0usize, 0usize, 0usize);
        for &count in h.counts.get(1..)? {
            code |= self.bits(1)? as usize;
            let count = usize::from(count);
            let offset = code.wrapping_sub(first);
            if offset < count {
                return h.symbols.get(index + offset).map(|&s| usize::from(s));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        None
    }

    /// A length (`dist` false: code 0 is symbol 257) or a distance from its code and extra
    /// bits: the bases grow by `1 << extra`, the extra bits by one every four length codes
    /// or two distance codes after the first eight or four.
    fn span(&mut self, code: usize, dist: bool) -> Option<usize> {
        let (codes, shift, mut base) = if dist { (30, 1, 1) } else { (29, 2, 3) };
        if code >= codes {
            return None;
        }
        if !dist && code == 28 {
            return Some(258);
        }
        let extra = |k: usize| (k >> shift).saturating_sub(1) as u8;
        for k in 0..code {
            base += 1 << extra(k);
        }
        Some(base + self.bits(extra(code))? as usize)
    }

    fn blocks(&mut self) -> Option<()> {
        loop {
            let last = self.bits(1)?;
            let kind = self.bits(2)?;
            if kind == 0 {
                self.stored()?;
            } else {
                // Literal/length code lengths, then distance code lengths.
                let mut lengths = [5u8; 320];
                let (nlen, ndist) = match kind {
                    1 => {
                        for (i, l) in lengths.iter_mut().enumerate().take(288) {
                            *l = match i {
                                144..=255 => 9,
                                256..=279 => 7,
                                _ => 8,
                            };
                        }
                        (288, 30)
                    }
                    2 => self.dynamic(&mut lengths)?,
                    _ => return None,
                };
                let lit = Huffman::new(lengths.get(..nlen)?);
                let dist = Huffman::new(lengths.get(nlen..nlen + ndist)?);
                self.codes(&lit, &dist)?;
            }
            if last == 1 || self.out.len() >= self.limit {
                return Some(());
            }
        }
    }

    fn stored(&mut self) -> Option<()> {
        let at = self.pos.div_ceil(8);
        let len = usize::from(le16(self.input, at)?);
        let data = self.input.get(at + 4..at + 4 + len)?;
        self.out.extend_from_slice(data);
        self.pos = (at + 4 + len) * 8;
        Some(())
    }

    /// Reads a dynamic block's code lengths into `lengths`; gives their two counts.
    fn dynamic(&mut self, lengths: &mut [u8; 320]) -> Option<(usize, usize)> {
        let nlen = self.bits(5)? as usize + 257;
        let ndist = self.bits(5)? as usize + 1;
        let ncode = self.bits(4)? as usize + 4;
        let mut code_lengths = [0u8; 19];
        for &i in ORDER.get(..ncode)? {
            *code_lengths.get_mut(usize::from(i))? = self.bits(3)? as u8;
        }
        let code = Huffman::new(&code_lengths);
        let mut i = 0;
        while i < nlen + ndist {
            let sym = self.decode(&code)?;
            // 16: the last length again, 3-6 times; 17 and 18: zeros, 3-10 and 11-138 times
            // (one read for the three, their bases and widths from a table).
            let (value, repeat) = match sym.checked_sub(16).map(|k| k.min(2)) {
                None => (sym as u8, 1),
                Some(k) => (
                    if k == 0 {
                        *lengths.get(i.checked_sub(1)?)?
                    } else {
                        0
                    },
                    u32::from(*b"\x03\x03\x0b".get(k)?) + self.bits(*b"\x02\x03\x07".get(k)?)?,
                ),
            };
            for _ in 0..repeat {
                if let Some(l) = lengths.get_mut(i) {
                    *l = value;
                }
                i += 1;
            }
        }
        Some((nlen, ndist))
    }

    // Bytes appended by `extend_from_slice`, not `push`: `Vec<u8>::push` grows through
    // alloc's precompiled `RawVec<u8>::grow_one`, a second copy of the growth code every
    // other `Vec` uses (−105 B gzip on `./preflight`'s wasm).
    fn codes(&mut self, lit: &Huffman, dist: &Huffman) -> Option<()> {
        while self.out.len() < self.limit {
            let sym = self.decode(lit)?;
            if sym < 256 {
                self.out.extend_from_slice(&[sym as u8]);
                continue;
            }
            if sym == 256 {
                return Some(());
            }
            let len = self.span(sym - 257, false)?;
            let code = self.decode(dist)?;
            let back = self.span(code, true)?;
            let from = self.out.len().checked_sub(back)?;
            for i in from..from + len {
                let b = *self.out.get(i)?;
                self.out.extend_from_slice(&[b]);
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::{inflate, Inflate};

    #[test]
    fn length_and_distance_bases_are_rfc_1951s() {
        // RFC 1951, 3.2.5: (base, extra bits) of length codes 257..=285 and distance codes.
        let lengths: [(usize, u8); 29] = [
            (3, 0),
            (4, 0),
            (5, 0),
            (6, 0),
            (7, 0),
            (8, 0),
            (9, 0),
            (10, 0),
            (11, 1),
            (13, 1),
            (15, 1),
            (17, 1),
            (19, 2),
            (23, 2),
            (27, 2),
            (31, 2),
            (35, 3),
            (43, 3),
            (51, 3),
            (59, 3),
            (67, 4),
            (83, 4),
            (99, 4),
            (115, 4),
            (131, 5),
            (163, 5),
            (195, 5),
            (227, 5),
            (258, 0),
        ];
        let distances: [(usize, u8); 30] = [
            (1, 0),
            (2, 0),
            (3, 0),
            (4, 0),
            (5, 1),
            (7, 1),
            (9, 2),
            (13, 2),
            (17, 3),
            (25, 3),
            (33, 4),
            (49, 4),
            (65, 5),
            (97, 5),
            (129, 6),
            (193, 6),
            (257, 7),
            (385, 7),
            (513, 8),
            (769, 8),
            (1025, 9),
            (1537, 9),
            (2049, 10),
            (3073, 10),
            (4097, 11),
            (6145, 11),
            (8193, 12),
            (12289, 12),
            (16385, 13),
            (24577, 13),
        ];
        for (dist, table) in [(false, &lengths[..]), (true, &distances[..])] {
            for (code, &(base, extra)) in table.iter().enumerate() {
                // With every extra bit clear, then every one set.
                for (fill, add) in [(0x00u8, 0), (0xFF, (1usize << extra) - 1)] {
                    let input = [fill; 4];
                    let mut s = Inflate {
                        input: &input,
                        pos: 0,
                        out: Vec::new(),
                        limit: 0,
                    };
                    assert_eq!(s.span(code, dist), Some(base + add), "{dist} {code}");
                    assert_eq!(s.pos, usize::from(extra));
                }
            }
            let mut s = Inflate {
                input: &[0; 4],
                pos: 0,
                out: Vec::new(),
                limit: 0,
            };
            assert_eq!(s.span(table.len(), dist), None);
        }
    }

    #[test]
    fn stored_fixed_and_dynamic_blocks() {
        // Stored: "hi".
        assert_eq!(
            inflate(&[0x01, 0x02, 0x00, 0xFD, 0xFF, b'h', b'i'], 100),
            b"hi"
        );
        // Fixed Huffman (zlib's output for "hello hello hello hello", raw).
        let fixed = [0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x57, 0xC8, 0x40, 0x27, 0x01];
        assert_eq!(inflate(&fixed, 100), b"hello hello hello hello");
        assert_eq!(inflate(&fixed, 7), b"hello h");
        // Dynamic Huffman (zlib, level 9).
        let dynamic = [
            0x45, 0x8C, 0x31, 0x0E, 0x83, 0x30, 0x0C, 0x45, 0xAF, 0x82, 0x58, 0xAB, 0x26, 0x17,
            0x28, 0x2C, 0x55, 0x57, 0x60, 0xE0, 0x02, 0x6E, 0xEC, 0x21, 0x52, 0x6C, 0x47, 0xC6,
            0x40, 0x7B, 0x7B, 0x60, 0x62, 0xFC, 0x4F, 0xEF, 0xFD, 0xD7, 0xB8, 0x91, 0x59, 0x46,
            0x6A, 0x26, 0x30, 0x1F, 0x80, 0xA9, 0x6B, 0xE3, 0xAE, 0x86, 0x11, 0x35, 0xAD, 0x4C,
            0xE2, 0xE1, 0xC7, 0xA5, 0x6D, 0xDE, 0x2A, 0x7E, 0x8E, 0xF9, 0x5F, 0x4F, 0x01, 0x6A,
            0x2D, 0x39, 0x81, 0x67, 0x95, 0xB8, 0x09, 0x06, 0x5E, 0x9E, 0x57, 0x12, 0x9C, 0xB8,
            0x16, 0x70, 0x0A, 0x0C, 0xC9, 0xF4, 0x23, 0xF0, 0x2D, 0x84, 0xF3, 0x0D, 0xB3, 0x3C,
            0xAE, 0xB3, 0xD8, 0x1F,
        ];
        let text: &[u8] = b"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.template.macroEnabledTemplate.main+xml\"/>";
        assert_eq!(inflate(&dynamic, 1000), text);
        // Garbage and an empty input give what could be read, without panicking.
        let _ = inflate(&[0xFF; 64], 1000);
        assert!(inflate(&[], 10).is_empty());
    }
}
