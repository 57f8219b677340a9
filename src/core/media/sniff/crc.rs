//! CRC-32 (ISO 3309, as PNG and ZIP use it), a bit at a time: no table in the data (the
//! sniffers check at most a few KiB of chunks).

/// The CRC-32 of `parts` read one after the other.
pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut c = u32::MAX;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = (c >> 1) ^ (0xEDB8_8320 & (c & 1).wrapping_neg());
        }
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
