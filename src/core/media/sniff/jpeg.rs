//! JPEG: the marker segments up to the first scan, the frame type (SOF) and the end.
//!
//! WhatsApp's decoder reads Huffman-coded baseline, extended and progressive frames
//! (SOF0-SOF2). A lossless (SOF3, SOF7, SOF11, SOF15) or arithmetic-coded (SOF9, SOF10, SOF13,
//! SOF14) frame is refused for image messages; a hierarchical JPEG (a DHP segment or a
//! differential SOF5/SOF6 frame) is a warning; JPEG-LS (SOF55, `FFF7`) is another format.

use super::{settle, Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::report::IssueCode;
use crate::core::media::view::{be16, find, u8_at, Miss, View};
use crate::core::media::words::fill;

/// How much to read when a segment lies beyond the bytes read so far: its header and the
/// small table segments that usually follow the last large one (DQT, SOF, DHT, SOS: well
/// under 1 KiB together), so a hop over a run of large segments (EXIF, ICC, extended XMP)
/// costs a small read each.
const WINDOW: u64 = 1024;
/// How much to read after a small segment.
const AHEAD: u64 = 16 * 1024;
/// A segment no longer than [`AHEAD`] is likely one of a run of small ones (metadata split
/// into segments): the hop after it reads [`AHEAD`], which holds the next header and, after
/// shorter ones, the next few, not one [`WINDOW`] a segment.
const SMALL_SEGMENT: u64 = AHEAD;
/// How much of the end is read to find the end-of-image marker and what follows it.
const TAIL: u64 = 1024;
/// JPEG-LS start of frame (SOF55).
const SOF55: u8 = 0xF7;
/// Define hierarchical progression.
const DHP: u8 = 0xDE;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    head.starts_with(&[0xFF, 0xD8, 0xFF]).then(|| jpeg(v))
}

/// Walks the segments up to the start of the scan; checks the frame type and the end.
fn jpeg(v: &View<'_>) -> Step {
    let mut d = Detected::new(Kind::Jpeg);
    match walk(v, &mut d) {
        Ok(()) => Ok(d),
        Err(m) => settle(v, m, d),
    }
}

/// Walks the segments up to the first scan into `d`, then reads the end of the file.
fn walk(v: &View<'_>, d: &mut Detected) -> Result<(), Miss> {
    let mut off: u64 = 2;
    let mut scan_found = false;
    // Where the entropy-coded data of the first scan starts.
    let mut data_at = 0u64;
    let mut frame = false;
    let mut hierarchical = false;
    // Until the frame header is read, its type (what decides an image message) is not known.
    d.undecided = true;
    // What is wrong, when the walk stops at a broken segment (one exit for every finding).
    let mut broken = None;
    let mut want = WINDOW;
    for _ in 0..512 {
        let b = v.read_upto(off, 9, want)?;
        if b.len() < 4 {
            broken = Some(Why::JpegNoData);
            break;
        }
        if !matches!(u8_at(b, 0), Some(0xFF)) {
            broken = Some(Why::JpegSegments);
            break;
        }
        let marker = u8_at(b, 1).unwrap_or(0);
        let len = u64::from(be16(b, 2).unwrap_or(0));
        match marker {
            0xFF => off += 1, // fill byte
            0xDA => {
                scan_found = true;
                data_at = off + 2 + len;
                break;
            }
            0xD9 => {
                broken = Some(Why::JpegEoi);
                break;
            }
            0xD0..=0xD7 | 0x01 => off += 2,
            _ if len < 2 || matches!(marker, 0x00 | 0xD8) => {
                broken = Some(Why::JpegSegments);
                break;
            }
            _ => {
                hierarchical |= marker == DHP;
                if is_sof(marker) && !frame {
                    if b.len() < 9 {
                        broken = Some(Why::JpegFrameShort);
                        break;
                    }
                    frame = true;
                    d.height = be16(b, 5).map(u32::from);
                    d.width = be16(b, 7).map(u32::from);
                    // A DHP segment comes before the frames: `hierarchical` is known.
                    frame_type(d, marker, hierarchical);
                }
                off += 2 + len;
                want = if len <= SMALL_SEGMENT { AHEAD } else { WINDOW };
            }
        }
    }
    if let Some(why) = broken {
        d.mark_why(why);
        return Ok(());
    }
    if !scan_found {
        d.incomplete = true;
        return Ok(());
    }
    let t = v.tail(TAIL)?;
    let skip = data_at.saturating_sub(v.size - t.len() as u64);
    let t = usize::try_from(skip)
        .ok()
        .and_then(|s| t.get(s..))
        .unwrap_or(&[]);
    end(d, t);
    Ok(())
}

fn is_sof(m: u8) -> bool {
    (matches!(m, 0xC0..=0xCF) && !matches!(m, 0xC4 | 0xC8 | 0xCC)) || m == SOF55
}

/// What the first frame header (of type `sof`) says about the coding.
fn frame_type(d: &mut Detected, sof: u8, hierarchical: bool) {
    d.undecided = false;
    match sof {
        SOF55 => d.kind = Some(Kind::JpegLs),
        0xC3 | 0xC7 | 0xCB | 0xCF => d.image_coding = Some("a lossless JPEG"),
        0xC9 | 0xCA | 0xCD | 0xCE => d.image_coding = Some("an arithmetic-coded JPEG"),
        _ => {}
    }
    if hierarchical || matches!(sof, 0xC5 | 0xC6) {
        d.add_note(
            IssueCode::MediaImageCodec,
            "The JPEG image is hierarchical: few decoders read it.",
        );
    }
}

/// The end of the file (`tail`: its last bytes after the start of the scan data): the
/// end-of-image marker, or what follows it.
fn end(d: &mut Detected, tail: &[u8]) {
    // Trailing zeros are padding, not data.
    let mut t = tail;
    while let [rest @ .., 0] = t {
        t = rest;
    }
    if t.ends_with(&[0xFF, 0xD9]) {
        return;
    }
    let zip = find(tail, b"PK\x05\x06").is_some();
    // Inside the entropy-coded data a 0xFF byte is followed only by 0x00, a restart marker,
    // fill, or the segments between progressive scans; the end marker or anything else means
    // the image ended earlier.
    let foreign = t.windows(2).any(|w| {
        matches!(w.first(), Some(0xFF))
            && !matches!(
                w.get(1),
                Some(0x00 | 0xD0..=0xD7 | 0xFF | 0xC4 | 0xDA | 0xDB | 0xDD | 0xE0..=0xEF | 0xFE) | None
            )
    });
    if zip || foreign {
        let what = if zip {
            " (a ZIP archive ends there)"
        } else {
            ""
        };
        return d.add_note(
            IssueCode::MediaTrailingData,
            &fill(
                "The JPEG image has data after its end: maybe an appended file{}.",
                &[what],
            ),
        );
    }
    // A warning only: the viewer shows what there is.
    d.mark_why(Why::JpegNoEoi);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::media::sniff::test_util::{sniff_all, sniff_sized};

    /// SOI, a frame header of the given type (8x16), a scan, data, EOI.
    fn jpeg_with(sof: u8) -> Vec<u8> {
        let mut b = vec![
            0xFF, 0xD8, 0xFF, sof, 0x00, 0x0B, 8, 0, 16, 0, 8, 1, 1, 0x11, 0,
        ];
        b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 1, 2, 3, 0xFF, 0xD9]);
        b
    }

    #[test]
    fn walk_handles_hostile_lengths() {
        // SOI, APP0 with length 0 (invalid).
        let d = sniff_all(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0x00]);
        assert!(d.damage.unwrap().fatal);
        // SOI, APP0 claiming 65535 bytes in a 10-byte file.
        let d = sniff_all(&[0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0, 0, 0]);
        assert!(d.damage.unwrap().fatal);
        let b = jpeg_with(0xC0);
        let d = sniff_all(&b);
        assert_eq!((d.width, d.height, d.damage), (Some(8), Some(16), None));
        // Without the end marker: a warning, not an error.
        let d = sniff_all(&b[..b.len() - 2]);
        assert!(!d.damage.unwrap().fatal);
    }

    #[test]
    fn frame_types() {
        for sof in [0xC0, 0xC1, 0xC2] {
            let d = sniff_all(&jpeg_with(sof));
            assert_eq!(
                (d.kind, d.image_coding),
                (Some(Kind::Jpeg), None),
                "{sof:x}"
            );
            assert!(d.notes.is_empty());
        }
        for sof in [0xC3, 0xC7, 0xCB, 0xCF] {
            assert_eq!(
                sniff_all(&jpeg_with(sof)).image_coding,
                Some("a lossless JPEG")
            );
        }
        for sof in [0xC9, 0xCA, 0xCD, 0xCE] {
            let coding = sniff_all(&jpeg_with(sof)).image_coding;
            assert_eq!(coding, Some("an arithmetic-coded JPEG"));
        }
        let d = sniff_all(&jpeg_with(SOF55));
        assert_eq!(
            (d.kind, d.width, d.height),
            (Some(Kind::JpegLs), Some(8), Some(16))
        );
        let d = sniff_all(&jpeg_with(0xC5));
        assert_eq!(d.notes[0].code, IssueCode::MediaImageCodec);
        // DHP then a baseline frame: hierarchical.
        let mut b = vec![0xFF, 0xD8, 0xFF, DHP, 0x00, 0x04, 0, 0];
        b.extend_from_slice(&jpeg_with(0xC0)[2..]);
        let d = sniff_all(&b);
        assert_eq!((d.image_coding, d.notes.len()), (None, 1));
    }

    #[test]
    fn data_after_the_end_is_not_truncation() {
        let mut b = jpeg_with(0xC0);
        b.extend_from_slice(
            b"PK\x03\x04 a zip archive PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
        );
        let d = sniff_all(&b);
        assert_eq!(
            (d.damage, d.notes[0].code),
            (None, IssueCode::MediaTrailingData)
        );
        // Entropy-coded data cut short: may be truncated.
        let mut b = jpeg_with(0xC0);
        b.truncate(b.len() - 2);
        b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56]);
        let d = sniff_all(&b);
        assert!(d.notes.is_empty() && !d.damage.unwrap().fatal);
        // Foreign bytes after an earlier end marker.
        let mut b = jpeg_with(0xC0);
        b.extend_from_slice(&[0x00, 0x00, 0x00, 0x18, 0xFF, 0x66, 0x74, 0x79, 0x70]);
        assert_eq!(sniff_all(&b).notes[0].code, IssueCode::MediaTrailingData);
    }

    #[test]
    fn segments_beyond_the_head_are_read_on_demand() {
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
}
