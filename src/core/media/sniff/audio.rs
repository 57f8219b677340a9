//! MPEG audio (ID3 tag or frame sync; Layer III is MP3, Layers I and II are not), AAC in ADTS
//! frames, AMR, Ogg (Opus, Vorbis, FLAC, ...), FLAC.

use super::{settle, Detected, Step, Why};
use crate::core::media::codec::Codec;
use crate::core::media::kind::Kind;
use crate::core::media::view::{arr, has_at, u8_at, View};
use crate::prelude::*;

/// How much to read after an ID3 tag that ends beyond the bytes read so far.
const AFTER_TAG_WINDOW: u64 = 4096;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    if head.starts_with(b"ID3") {
        return Some(after_id3(v));
    }
    if head.starts_with(b"#!AMR-WB\n") {
        return Some(Ok(Detected::new(Kind::AmrWb)));
    }
    if head.starts_with(b"#!AMR\n") || head.starts_with(b"#!AMR_MC1.0\n") {
        let mut d = Detected::new(Kind::Amr);
        d.audio = Some(Codec::AmrNb);
        return Some(Ok(d));
    }
    if head.starts_with(b"OggS") {
        return Some(Ok(ogg(head)));
    }
    if head.starts_with(b"fLaC") {
        return Some(Ok(Detected::new(Kind::Flac)));
    }
    if head.starts_with(b"\xFF\xFE") {
        return None; // the UTF-16LE byte order mark, which also looks like an MPEG layer I sync
    }
    frames(head, 0, v.size).map(Ok)
}

/// An MPEG audio or ADTS stream whose first frame is at `at`, confirmed by the next frame
/// when that lies in `b`.
fn frames(b: &[u8], at: usize, size: u64) -> Option<Box<Detected>> {
    let (len, codec) = frame(b, at)?;
    let aac = matches!(codec, Codec::Aac);
    let kind = match codec {
        Codec::Aac => Kind::Aac,
        Codec::Mp3 => Kind::Mp3,
        _ => Kind::Mp2,
    };
    let next = at.checked_add(len)?;
    // The next frame, of the same family (an ADTS header is never an MPEG one: its layer is 0).
    if next + 4 <= b.len() && !frame(b, next).is_some_and(|(_, c)| matches!(c, Codec::Aac) == aac) {
        return None;
    }
    let mut d = Detected::new(kind);
    d.audio = Some(codec);
    if (next as u64) > size && at == 0 {
        d = d.broken(Why::FirstFrame);
    }
    Some(d)
}

/// The length and codec of the ADTS or MPEG audio frame at `i`, if its header is valid.
fn frame(b: &[u8], i: usize) -> Option<(usize, Codec)> {
    match adts_frame(b, i) {
        Some(len) => Some((len, Codec::Aac)),
        None => mpeg_frame(b, i),
    }
}

/// The length of the ADTS frame at `i`, if its header is valid.
fn adts_frame(b: &[u8], i: usize) -> Option<usize> {
    let [b0, b1, b2, b3, b4, b5, _] = arr::<7>(b, i)?;
    if b0 != 0xFF || b1 & 0xF6 != 0xF0 || (b2 >> 2) & 0x0F > 12 {
        return None;
    }
    let len = (usize::from(b3 & 3) << 11) | (usize::from(b4) << 3) | usize::from(b5 >> 5);
    let header = if b1 & 1 == 1 { 7 } else { 9 };
    (len > header).then_some(len)
}

/// The length and layer of the MPEG audio (layer I/II/III) frame at `i`, if its header is
/// valid. Free-format frames (bitrate index 0) count as one byte: the next frame is not checked.
fn mpeg_frame(b: &[u8], i: usize) -> Option<(usize, Codec)> {
    // Bitrates in units of 8 kbps (each a multiple of 8: a byte each): MPEG-1 layers I, II,
    // III, then MPEG-2/2.5 layer I and layers II/III.
    const KBPS: [[u8; 15]; 5] = [
        [0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56],
        [0, 4, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48],
        [0, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40],
        [0, 4, 6, 7, 8, 10, 12, 14, 16, 18, 20, 22, 24, 28, 32],
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 18, 20],
    ];
    let [b0, b1, b2, _] = arr::<4>(b, i)?;
    if b0 != 0xFF || b1 & 0xE0 != 0xE0 {
        return None;
    }
    let version = (b1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    let layer = (b1 >> 1) & 3; // 3: I, 2: II, 1: III
    let bitrate_index = usize::from(b2 >> 4);
    let rate_index = usize::from((b2 >> 2) & 3);
    if version == 1 || layer == 0 || bitrate_index == 15 || rate_index == 3 {
        return None;
    }
    // MPEG-1's rates, halved for MPEG-2 and quartered for MPEG-2.5.
    let shift = match version {
        3 => 0,
        2 => 1,
        _ => 2,
    };
    let rate = [44100u32, 48000, 32000].get(rate_index)? >> shift;
    let row = if version == 3 {
        3 - layer
    } else {
        3 + u8::from(layer != 3)
    };
    let kbps = KBPS.get(usize::from(row))?.get(bitrate_index)?;
    let codec = match layer {
        3 => Codec::Mp1,
        2 => Codec::Mp2,
        _ => Codec::Mp3,
    };
    if *kbps == 0 {
        return Some((1, codec));
    }
    let bps = u32::from(*kbps) * 8000;
    let pad = u32::from((b2 >> 1) & 1);
    // `checked_div`: the rates are never 0, but `/` would link a division-by-zero panic.
    let len = match layer {
        3 => ((12 * bps).checked_div(rate)? + pad) * 4,
        1 if version != 3 => (72 * bps).checked_div(rate)? + pad,
        _ => (144 * bps).checked_div(rate)? + pad,
    };
    Some((usize::try_from(len).ok()?, codec))
}

/// After one or more ID3v2 tags: MPEG frames (MP3), ADTS (AAC) or FLAC.
fn after_id3(v: &View<'_>) -> Step {
    let mut d = Detected::new(Kind::Mp3);
    d.audio = Some(Codec::Mp3);
    // The layer (MP3 or not) is in the first frame, after the tags.
    d.undecided = true;
    let mut off = 0u64;
    for _ in 0..4 {
        let b = match v.read_upto(off, 10, AFTER_TAG_WINDOW) {
            Ok(b) => b,
            Err(m) => return settle(v, m, d),
        };
        if !b.starts_with(b"ID3") {
            break;
        }
        let Some(size) = syncsafe(b.get(6..10).unwrap_or(&[])) else {
            return Ok(d.broken(Why::Id3));
        };
        let footer = if u8_at(b, 5).unwrap_or(0) & 0x10 != 0 {
            10
        } else {
            0
        };
        off = off.saturating_add(10 + footer + u64::from(size));
    }
    if off >= v.size {
        return Ok(d.broken(Why::OnlyId3));
    }
    // What was read after the tag will do if it holds a few frames or reaches the end.
    let mut b = v.avail(off, AFTER_TAG_WINDOW as usize);
    if b.len() < 1024 && (b.len() as u64) < v.size - off {
        b = match v.read_upto(off, AFTER_TAG_WINDOW as usize, AFTER_TAG_WINDOW) {
            Ok(b) => b,
            Err(m) => return settle(v, m, d),
        };
    }
    // Some taggers pad with zeros after the tag.
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    if has_at(b, start, b"fLaC") {
        return Ok(Detected::new(Kind::Flac));
    }
    Ok(frames(b, start, v.size.saturating_sub(off)).unwrap_or(d))
}

fn syncsafe(b: &[u8]) -> Option<u32> {
    if b.len() != 4 || b.iter().any(|&x| x & 0x80 != 0) {
        return None;
    }
    Some(b.iter().fold(0u32, |acc, &x| (acc << 7) | u32::from(x)))
}

/// The codec from the first packet of the first Ogg page.
fn ogg(head: &[u8]) -> Box<Detected> {
    let segments = usize::from(u8_at(head, 26).unwrap_or(0));
    let p = 27 + segments;
    let at = |pat: &[u8]| has_at(head, p, pat);
    let (kind, codec) = if at(b"OpusHead") {
        (Kind::Ogg, Some(Codec::Opus))
    } else if at(b"\x01vorbis") {
        (Kind::Ogg, Some(Codec::Vorbis))
    } else if at(b"\x7fFLAC") {
        (Kind::OggFlac, Some(Codec::Flac))
    } else if at(b"Speex   ") {
        (Kind::Ogg, Some(Codec::Speex))
    } else if at(b"\x80theora") {
        (Kind::OggVideo, None)
    } else {
        (Kind::OggOther, None)
    };
    let mut d = Detected::new(kind);
    d.audio = codec;
    if u8_at(head, 4) != Some(0) {
        d = d.broken(Why::OggPage);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::media::sniff::test_util::sniff_all;

    fn mp3_frames(n: usize) -> Vec<u8> {
        // MPEG-1 layer III, 128 kbps, 44.1 kHz, no padding: 417 bytes a frame.
        let mut f = vec![0xFF, 0xFB, 0x90, 0x00];
        f.resize(417, 0x55);
        f.repeat(n)
    }

    #[test]
    fn mpeg_frames_need_a_second_sync() {
        assert_eq!(mpeg_frame(&mp3_frames(1), 0), Some((417, Codec::Mp3)));
        let d = sniff_all(&mp3_frames(3));
        assert_eq!(d.kind, Some(Kind::Mp3));
        let mut bad = mp3_frames(3);
        bad[417] = 0;
        assert_eq!(sniff_all(&bad).kind, None);
    }

    #[test]
    fn layers_one_and_two_are_not_mp3() {
        // MPEG-1 layer II, 192 kbps, 48 kHz: 576 bytes a frame.
        let mut f = vec![0xFF, 0xFD, 0xA4, 0x00];
        f.resize(576, 0x55);
        let d = sniff_all(&f.repeat(3));
        assert_eq!((d.kind, d.audio), (Some(Kind::Mp2), Some(Codec::Mp2)));
        // MPEG-1 layer I, 384 kbps, 44.1 kHz: 12 * 384000 / 44100 = 104 slots of 4 bytes.
        let mut f = vec![0xFF, 0xFF, 0xC0, 0x00];
        f.resize(416, 0x55);
        let d = sniff_all(&f.repeat(3));
        assert_eq!((d.kind, d.audio), (Some(Kind::Mp2), Some(Codec::Mp1)));
    }

    #[test]
    fn id3_then_frames_beyond_the_head() {
        let mut b = b"ID3\x03\x00\x00".to_vec();
        let tag = 100_000u32;
        b.extend_from_slice(&[
            (tag >> 21) as u8 & 0x7F,
            (tag >> 14) as u8 & 0x7F,
            (tag >> 7) as u8 & 0x7F,
            tag as u8 & 0x7F,
        ]);
        b.resize(10 + tag as usize, 0);
        let mut adts = vec![0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC];
        adts.resize(16, 0x11);
        b.extend_from_slice(&adts.repeat(3));
        assert_eq!(sniff_all(&b).kind, Some(Kind::Aac));
        // A tag and nothing else.
        assert!(sniff_all(&b[..10 + tag as usize]).damage.unwrap().fatal);
        // A corrupt (not syncsafe) tag size.
        assert!(
            sniff_all(b"ID3\x03\x00\x00\xff\xff\xff\xff")
                .damage
                .unwrap()
                .fatal
        );
    }

    #[test]
    fn ogg_codecs() {
        let page = |packet: &[u8]| {
            let mut p = b"OggS\0\x02".to_vec();
            p.resize(26, 0);
            p.push(1);
            p.push(packet.len() as u8);
            p.extend_from_slice(packet);
            p
        };
        let d = sniff_all(&page(b"OpusHead\x01\x02"));
        assert_eq!((d.kind, d.audio), (Some(Kind::Ogg), Some(Codec::Opus)));
        let d = sniff_all(&page(b"\x01vorbis\0\0"));
        assert_eq!((d.kind, d.audio), (Some(Kind::Ogg), Some(Codec::Vorbis)));
        let d = sniff_all(&page(b"\x7fFLAC\x01\x00"));
        assert_eq!((d.kind, d.audio), (Some(Kind::OggFlac), Some(Codec::Flac)));
        assert_eq!(sniff_all(&page(b"\x80theora")).kind, Some(Kind::OggVideo));
        assert_eq!(sniff_all(b"OggS").kind, Some(Kind::OggOther));
    }

    #[test]
    fn amr() {
        assert_eq!(sniff_all(b"#!AMR\n\x3c").kind, Some(Kind::Amr));
        assert_eq!(sniff_all(b"#!AMR-WB\n\x3c").kind, Some(Kind::AmrWb));
    }
}
