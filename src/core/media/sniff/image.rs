//! WebP (and the other RIFF forms: WAV, AVI), GIF, BMP, TIFF.

use super::{Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::view::{arr, has_at, le16, le32, tag, u8_at, View};
use crate::prelude::*;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
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

fn riff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    // Four-character codes compared as numbers (see `tag`).
    let form = le32(head, 8)?;
    let kind = if form == tag(b"WEBP") {
        Kind::Webp
    } else if form == tag(b"WAVE") {
        Kind::Wav
    } else if form == tag(b"AVI ") {
        Kind::Avi
    } else {
        return None;
    };
    let mut d = Detected::new(kind);
    let riff_end = u64::from(le32(head, 4)?) + 8;
    if riff_end > v.size {
        d = d.broken(Why::RiffShort);
    }
    if !matches!(kind, Kind::Webp) {
        return Some(Ok(d));
    }
    Some(Ok(webp(head, d)))
}

fn webp(head: &[u8], mut d: Box<Detected>) -> Box<Detected> {
    // A 24-bit little-endian size less one.
    let le24 = |i: usize| arr::<3>(head, i).map(|[a, b, c]| u32::from_le_bytes([a, b, c, 0]) + 1);
    let chunk = le32(head, 12);
    if chunk == Some(tag(b"VP8 ")) {
        if !has_at(head, 23, &[0x9D, 0x01, 0x2A]) {
            return d.broken(Why::Vp8);
        }
        d.width = le16(head, 26).map(|w| u32::from(w & 0x3FFF));
        d.height = le16(head, 28).map(|h| u32::from(h & 0x3FFF));
    } else if chunk == Some(tag(b"VP8L")) {
        let Some(bits) = le32(head, 21).filter(|_| u8_at(head, 20) == Some(0x2F)) else {
            return d.broken(Why::Vp8l);
        };
        d.width = Some((bits & 0x3FFF) + 1);
        d.height = Some(((bits >> 14) & 0x3FFF) + 1);
    } else if chunk == Some(tag(b"VP8X")) {
        let flags = u8_at(head, 20).unwrap_or(0);
        d.animated = flags & 0x02 != 0;
        d.width = le24(24);
        d.height = le24(27);
        // Also look for the animation chunks in what was read.
        let mut off = 12usize;
        for _ in 0..64 {
            let (Some(cc), Some(len)) = (le32(head, off), le32(head, off + 4)) else {
                break;
            };
            if cc == tag(b"ANIM") || cc == tag(b"ANMF") {
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
    } else {
        return d.broken(Why::NoWebpChunk);
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::core::media::kind::Kind;
    use crate::core::media::sniff::test_util::sniff_all;

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
