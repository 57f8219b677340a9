//! CRC-32 (ISO 3309, as PNG and ZIP use it), four bits at a time from a 16-entry table
//! built at compile time (64 bytes of data where a byte-wise table takes 1 KiB).

const TABLE: [u32; 16] = table();

const fn table() -> [u32; 16] {
    let mut t = [0u32; 16];
    let mut n = 0;
    while n < 16 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 4 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[n] = c;
        n += 1;
    }
    t
}

/// `c` advanced by its low four bits.
fn nibble(c: u32) -> u32 {
    TABLE.get((c & 15) as usize).copied().unwrap_or(0) ^ (c >> 4)
}

/// The CRC-32 of `parts` read one after the other.
pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut c = u32::MAX;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        c = nibble(nibble(c ^ u32::from(b)));
    }
    !c
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(super::crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(super::crc32(&[b"IEND"]), 0xAE42_6082);
        assert_eq!(super::crc32(&[b"IE", b"ND"]), 0xAE42_6082);
        assert_eq!(super::crc32(&[]), 0);
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(super::crc32(&[&all]), 0x2905_8C73);
    }
}
