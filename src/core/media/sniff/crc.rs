//! CRC-32 (ISO 3309, as PNG and ZIP use it), from a table built at compile time.

const TABLE: [u32; 256] = table();

const fn table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
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

/// The CRC-32 of `parts` read one after the other.
pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut c = u32::MAX;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        let i = usize::from((c as u8) ^ b);
        c = TABLE.get(i).copied().unwrap_or(0) ^ (c >> 8);
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
    }
}
