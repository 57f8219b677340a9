//! JPEG, PNG, WebP (and the other RIFF forms: WAV, AVI), GIF, BMP, TIFF.

use super::{settle, Detected, Step};
use crate::core::media::kind::Kind;
use crate::core::media::view::{be16, be32, find, has_at, le16, le32, u8_at, View};

/// How much to read when a JPEG segment lies beyond the bytes read so far.
const JPEG_WINDOW: u64 = 4096;
/// How much of the end to read to find the JPEG / PNG end marker.
const END_WINDOW: u64 = 64;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(jpeg(v));
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(png(v, head));
    }
    if head.starts_with(b"RIFF") {
        return riff(v, head);
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        let mut d = Detected::new(Kind::Gif);
        d.width = le16(head, 6).map(u32::from);
        d.height = le16(head, 8).map(u32::from);
        return Some(Ok(d));
    }
    if is_bmp(head) {
        return Some(Ok(Detected::new(Kind::Bmp)));
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        return Some(Ok(Detected::new(Kind::Tiff)));
    }
    None
}

fn is_bmp(head: &[u8]) -> bool {
    head.starts_with(b"BM")
        && le32(head, 6) == Some(0)
        && matches!(le32(head, 14), Some(12 | 40 | 52 | 56 | 64 | 108 | 124))
}

/// Walks the JPEG segments up to the start of the scan; checks the end marker.
fn jpeg(v: &View<'_>) -> Step {
    let mut d = Detected::new(Kind::Jpeg);
    let mut off: u64 = 2;
    let mut scan_found = false;
    for _ in 0..512 {
        let b = match v.read_upto(off, 9, JPEG_WINDOW) {
            Ok(b) => b,
            Err(m) => return settle(v, m, d),
        };
        if b.len() < 4 {
            return Ok(d.damaged(true, "ends before its image data: it is truncated"));
        }
        if u8_at(b, 0) != Some(0xFF) {
            return Ok(d.damaged(true, "has a broken segment structure: it is corrupt"));
        }
        let marker = u8_at(b, 1).unwrap_or(0);
        match marker {
            0xFF => off += 1, // fill byte
            0xDA => {
                scan_found = true;
                break;
            }
            0xD9 => return Ok(d.damaged(true, "ends before its image data: it is corrupt")),
            0xD0..=0xD7 | 0x01 => off += 2,
            0x00 | 0xD8 => {
                return Ok(d.damaged(true, "has a broken segment structure: it is corrupt"))
            }
            _ => {
                let len = u64::from(be16(b, 2).unwrap_or(0));
                if len < 2 {
                    return Ok(d.damaged(true, "has a broken segment structure: it is corrupt"));
                }
                if is_sof(marker) {
                    if b.len() < 9 {
                        return Ok(d.damaged(true, "ends inside its frame header: it is truncated"));
                    }
                    d.height = be16(b, 5).map(u32::from);
                    d.width = be16(b, 7).map(u32::from);
                }
                off += 2 + len;
            }
        }
    }
    if !scan_found {
        d.incomplete = true;
        return Ok(d);
    }
    match v.tail(END_WINDOW) {
        Ok(t) => {
            let end = t.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
            if !t.get(..end).is_some_and(|t| t.ends_with(&[0xFF, 0xD9])) {
                // A warning only: phones append data after the image (motion photos).
                d = d.damaged(
                    false,
                    "does not end with an end-of-image marker: it may be truncated",
                );
            }
            Ok(d)
        }
        Err(m) => settle(v, m, d),
    }
}

fn is_sof(m: u8) -> bool {
    matches!(m, 0xC0..=0xCF) && !matches!(m, 0xC4 | 0xC8 | 0xCC)
}

fn png(v: &View<'_>, head: &[u8]) -> Step {
    let mut d = Detected::new(Kind::Png);
    if v.size < 33 || head.len() < 33 {
        return Ok(d.damaged(true, "ends before its header chunk (IHDR): it is truncated"));
    }
    if be32(head, 8) != Some(13) || !has_at(head, 12, b"IHDR") {
        return Ok(d.damaged(
            true,
            "does not start with a PNG header chunk (IHDR): it is corrupt",
        ));
    }
    d.width = be32(head, 16);
    d.height = be32(head, 20);
    match v.tail(END_WINDOW) {
        Ok(t) => {
            if find(t, b"IEND\xAE\x42\x60\x82").is_none() {
                d = d.damaged(true, "has no PNG end chunk (IEND): it is truncated");
            }
            Ok(d)
        }
        Err(m) => settle(v, m, d),
    }
}

fn riff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    let form = head.get(8..12)?;
    let kind = match form {
        b"WEBP" => Kind::Webp,
        b"WAVE" => Kind::Wav,
        b"AVI " => Kind::Avi,
        _ => return None,
    };
    let mut d = Detected::new(kind);
    let riff_end = u64::from(le32(head, 4)?) + 8;
    if riff_end > v.size {
        d = d.damaged(
            true,
            "is shorter than its RIFF header says: it is truncated",
        );
    }
    if kind != Kind::Webp {
        return Some(Ok(d));
    }
    Some(Ok(webp(head, d)))
}

fn webp(head: &[u8], mut d: Detected) -> Detected {
    let le24 = |i: usize| -> Option<u32> {
        Some(u32::from(u8_at(head, i)?) | u32::from(le16(head, i + 1)?) << 8)
    };
    match head.get(12..16) {
        Some(b"VP8 ") => {
            if !has_at(head, 23, &[0x9D, 0x01, 0x2A]) {
                return d.damaged(true, "has a broken WebP (VP8) frame header: it is corrupt");
            }
            d.width = le16(head, 26).map(|w| u32::from(w & 0x3FFF));
            d.height = le16(head, 28).map(|h| u32::from(h & 0x3FFF));
        }
        Some(b"VP8L") => {
            let Some(bits) = le32(head, 21).filter(|_| u8_at(head, 20) == Some(0x2F)) else {
                return d.damaged(true, "has a broken WebP (VP8L) header: it is corrupt");
            };
            d.width = Some((bits & 0x3FFF) + 1);
            d.height = Some(((bits >> 14) & 0x3FFF) + 1);
        }
        Some(b"VP8X") => {
            let flags = u8_at(head, 20).unwrap_or(0);
            d.animated = flags & 0x02 != 0;
            d.width = le24(24).map(|w| w + 1);
            d.height = le24(27).map(|h| h + 1);
            // Also look for the animation chunks in what was read.
            let mut off = 12usize;
            for _ in 0..64 {
                let (Some(cc), Some(len)) = (head.get(off..off + 4), le32(head, off + 4)) else {
                    break;
                };
                if cc == b"ANIM" || cc == b"ANMF" {
                    d.animated = true;
                }
                let Some(next) = usize::try_from(len)
                    .ok()
                    .and_then(|l| l.checked_add(8 + (l & 1)))
                    .and_then(|l| off.checked_add(l))
                else {
                    break;
                };
                off = next;
            }
        }
        _ => {
            return d.damaged(
                true,
                "has no WebP image chunk where one must be: it is corrupt",
            )
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::core::media::kind::Kind;
    use crate::core::media::sniff::test_util::{sniff_all, sniff_sized};

    fn png_bytes(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b.extend_from_slice(b"\0\0\0\0IEND\xAE\x42\x60\x82");
        b
    }

    #[test]
    fn png_dimensions_and_truncation() {
        let d = sniff_all(&png_bytes(640, 480));
        assert_eq!(d.kind, Some(Kind::Png));
        assert_eq!((d.width, d.height), (Some(640), Some(480)));
        assert!(d.damage.is_none());
        let b = png_bytes(1, 1);
        assert!(sniff_all(&b[..20]).damage.unwrap().fatal);
        assert!(sniff_all(&b[..40]).damage.unwrap().fatal);
        let mut wrong = b.clone();
        wrong[12] = b'X';
        assert!(sniff_all(&wrong).damage.unwrap().fatal);
    }

    #[test]
    fn jpeg_walk_handles_hostile_lengths() {
        // SOI, APP0 with length 0 (invalid).
        let d = sniff_all(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0x00]);
        assert!(d.damage.unwrap().fatal);
        // SOI, APP0 claiming 65535 bytes in a 10-byte file.
        let d = sniff_all(&[0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0, 0, 0]);
        assert!(d.damage.unwrap().fatal);
        // SOI, SOF0 (8x16), SOS, data, EOI.
        let mut b = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 16, 0, 8, 1, 1, 0x11, 0,
        ];
        b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 1, 2, 3, 0xFF, 0xD9]);
        let d = sniff_all(&b);
        assert_eq!((d.width, d.height, d.damage), (Some(8), Some(16), None));
        // Without the end marker: a warning, not an error.
        let d = sniff_all(&b[..b.len() - 2]);
        assert!(!d.damage.unwrap().fatal);
    }

    #[test]
    fn jpeg_segments_beyond_the_head_are_read_on_demand() {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1, 0xEA, 0x60]; // APP1 of 60000 bytes
        b.resize(6 + 59998, 0x20);
        b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 8, 0, 2, 0, 3, 1, 1, 0x11, 0]);
        b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        let d = sniff_all(&b);
        assert_eq!((d.width, d.height, d.incomplete), (Some(3), Some(2), false));
        // Only the head was read: incomplete but still a JPEG.
        let d = sniff_sized(&b[..4100], b.len() as u64);
        assert_eq!(d.kind, Some(Kind::Jpeg));
    }

    fn webp_vp8x(flags: u8, w: u32, h: u32, riff_extra: u32) -> Vec<u8> {
        let mut b = b"RIFF".to_vec();
        b.extend_from_slice(&(22u32 + riff_extra).to_le_bytes());
        b.extend_from_slice(b"WEBPVP8X\x0a\0\0\0");
        b.extend_from_slice(&[flags, 0, 0, 0]);
        b.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
        b.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
        b
    }

    #[test]
    fn webp_vp8x_flags_and_truncation() {
        let d = sniff_all(&webp_vp8x(0x02, 512, 512, 0));
        assert_eq!(d.kind, Some(Kind::Webp));
        assert!(d.animated);
        assert_eq!((d.width, d.height), (Some(512), Some(512)));
        let d = sniff_all(&webp_vp8x(0x10, 300, 200, 0));
        assert!(!d.animated && d.damage.is_none());
        let d = sniff_all(&webp_vp8x(0, 300, 200, 1000));
        assert!(d.damage.unwrap().fatal);
        // Hostile: a RIFF WEBP with nothing after the form type.
        let d = sniff_all(b"RIFF\x04\0\0\0WEBP");
        assert!(d.damage.unwrap().fatal);
    }

    #[test]
    fn look_alikes() {
        assert_eq!(sniff_all(b"GIF89a\x01\0\x01\0").kind, Some(Kind::Gif));
        let mut bmp = b"BM\0\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0".to_vec();
        bmp.resize(64, 0);
        assert_eq!(sniff_all(&bmp).kind, Some(Kind::Bmp));
        assert_eq!(sniff_all(b"BMW is a car brand\n").kind, Some(Kind::Text));
        assert_eq!(sniff_all(b"RIFF\x04\0\0\0WAVE").kind, Some(Kind::Wav));
    }
}
