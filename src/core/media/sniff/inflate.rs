//! A small raw DEFLATE decoder (RFC 1951), for the one ZIP entry the sniffer reads
//! (`[Content_Types].xml`). It stops at `limit` output bytes and returns what it has when the
//! input is cut short or broken: the caller searches the text, it does not trust it.

use crate::prelude::*;

/// Base lengths and extra bits of length codes 257..=285.
const LENGTH: [(u16, u8); 29] = [
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
/// Base distances and extra bits of distance codes 0..=29.
const DISTANCE: [(u16, u8); 30] = [
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
/// The order code length code lengths are stored in.
const ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Decompresses raw DEFLATE `input`, at most `limit` bytes of output.
pub(crate) fn inflate(input: &[u8], limit: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut bits = Bits { input, pos: 0 };
    let _ = blocks(&mut bits, &mut out, limit);
    out.truncate(limit);
    out
}

struct Bits<'a> {
    input: &'a [u8],
    /// In bits.
    pos: usize,
}

impl Bits<'_> {
    fn bit(&mut self) -> Option<u32> {
        let byte = self.input.get(self.pos / 8)?;
        let b = (byte >> (self.pos % 8)) & 1;
        self.pos += 1;
        Some(u32::from(b))
    }

    fn take(&mut self, n: u8) -> Option<u32> {
        (0..n).try_fold(0u32, |acc, i| Some(acc | (self.bit()? << i)))
    }
}

/// A canonical Huffman code: the count of codes per length and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Huffman {
        let mut counts = [0u16; 16];
        for &l in lengths {
            if let Some(c) = counts.get_mut(usize::from(l)) {
                *c += 1;
            }
        }
        counts[0] = 0;
        let mut symbols = Vec::with_capacity(lengths.len());
        for len in 1..16u8 {
            for (s, &l) in lengths.iter().enumerate() {
                if l == len {
                    symbols.push(s as u16);
                }
            }
        }
        Huffman { counts, symbols }
    }

    fn decode(&self, bits: &mut Bits<'_>) -> Option<u16> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.bit()? as i32;
            let count = i32::from(*self.counts.get(len)?);
            if code - first < count {
                return self
                    .symbols
                    .get(usize::try_from(index + code - first).ok()?)
                    .copied();
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        None
    }
}

fn blocks(bits: &mut Bits<'_>, out: &mut Vec<u8>, limit: usize) -> Option<()> {
    loop {
        let last = bits.take(1)? == 1;
        match bits.take(2)? {
            0 => stored(bits, out)?,
            1 => {
                let lengths: [u8; 288] = core::array::from_fn(|i| match i {
                    144..=255 => 9,
                    256..=279 => 7,
                    _ => 8,
                });
                let lit = Huffman::new(&lengths);
                let dist = Huffman::new(&[5u8; 30]);
                codes(bits, out, limit, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic(bits)?;
                codes(bits, out, limit, &lit, &dist)?;
            }
            _ => return None,
        }
        if last || out.len() >= limit {
            return Some(());
        }
    }
}

fn stored(bits: &mut Bits<'_>, out: &mut Vec<u8>) -> Option<()> {
    let at = bits.pos.div_ceil(8);
    let len = usize::from(u16::from_le_bytes(
        bits.input.get(at..at + 2)?.try_into().ok()?,
    ));
    let data = bits.input.get(at + 4..at + 4 + len)?;
    out.extend_from_slice(data);
    bits.pos = (at + 4 + len) * 8;
    Some(())
}

fn dynamic(bits: &mut Bits<'_>) -> Option<(Huffman, Huffman)> {
    let nlen = bits.take(5)? as usize + 257;
    let ndist = bits.take(5)? as usize + 1;
    let ncode = bits.take(4)? as usize + 4;
    let mut code_lengths = [0u8; 19];
    for &i in ORDER.get(..ncode)? {
        *code_lengths.get_mut(i)? = bits.take(3)? as u8;
    }
    let code = Huffman::new(&code_lengths);
    let mut lengths = Vec::with_capacity(nlen + ndist);
    while lengths.len() < nlen + ndist {
        let sym = code.decode(bits)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => (*lengths.last()?, 3 + bits.take(2)?),
            17 => (0, 3 + bits.take(3)?),
            18 => (0, 11 + bits.take(7)?),
            _ => return None,
        };
        lengths.extend(core::iter::repeat(value).take(repeat as usize));
    }
    let lit = Huffman::new(lengths.get(..nlen)?);
    let dist = Huffman::new(lengths.get(nlen..nlen + ndist)?);
    Some((lit, dist))
}

fn codes(
    bits: &mut Bits<'_>,
    out: &mut Vec<u8>,
    limit: usize,
    lit: &Huffman,
    dist: &Huffman,
) -> Option<()> {
    while out.len() < limit {
        let sym = lit.decode(bits)?;
        if sym < 256 {
            out.push(sym as u8);
            continue;
        }
        if sym == 256 {
            return Some(());
        }
        let (base, extra) = *LENGTH.get(usize::from(sym - 257))?;
        let len = usize::from(base) + bits.take(extra)? as usize;
        let (base, extra) = *DISTANCE.get(usize::from(dist.decode(bits)?))?;
        let back = usize::from(base) + bits.take(extra)? as usize;
        let from = out.len().checked_sub(back)?;
        for i in 0..len {
            let b = *out.get(from + i)?;
            out.push(b);
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::inflate;

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
