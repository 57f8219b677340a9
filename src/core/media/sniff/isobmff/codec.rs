//! The codec of a track's first sample entry: by its type, and for `mp4a` by the object
//! type its `esds` names.

use super::{child, BoxHdr, WINDOW};
use crate::core::media::codec::Codec;
use crate::core::media::view::{be16, u8_at, Miss, View};

/// Video sample entry types and their codecs.
const VIDEO: [([u8; 4], Codec); 13] = [
    (*b"avc1", Codec::H264),
    (*b"avc2", Codec::H264),
    (*b"avc3", Codec::H264),
    (*b"avc4", Codec::H264),
    (*b"hvc1", Codec::Hevc),
    (*b"hev1", Codec::Hevc),
    (*b"mp4v", Codec::Mpeg4Visual),
    (*b"s263", Codec::H263),
    (*b"h263", Codec::H263),
    (*b"av01", Codec::Av1),
    (*b"vp08", Codec::Vp8),
    (*b"vp09", Codec::Vp9),
    (*b"encv", Codec::Encrypted),
];

/// Audio sample entry types (but `mp4a`, see [`mp4a_codec`]) and their codecs.
const AUDIO: [([u8; 4], Codec); 14] = [
    (*b"samr", Codec::AmrNb),
    (*b"sawb", Codec::AmrWb),
    (*b"Opus", Codec::Opus),
    (*b"fLaC", Codec::Flac),
    (*b"alac", Codec::Alac),
    (*b"ac-3", Codec::Ac3),
    (*b"ec-3", Codec::Eac3),
    (*b".mp3", Codec::Mp3),
    (*b"lpcm", Codec::Pcm),
    (*b"sowt", Codec::Pcm),
    (*b"twos", Codec::Pcm),
    (*b"ipcm", Codec::Pcm),
    (*b"fpcm", Codec::Pcm),
    (*b"enca", Codec::Encrypted),
];

/// The codec `cc` names in `table`, or `Codec::Other`.
fn lookup(table: &[([u8; 4], Codec)], cc: &[u8; 4]) -> Codec {
    for (t, c) in table {
        if t == cc {
            return *c;
        }
    }
    Codec::Other(*cc)
}

pub(super) fn video_codec(cc: &[u8; 4]) -> Codec {
    lookup(&VIDEO, cc)
}

pub(super) fn audio_codec(v: &View<'_>, cc: &[u8; 4], start: u64, end: u64) -> Result<Codec, Miss> {
    if cc == b"mp4a" {
        return mp4a_codec(v, start, end);
    }
    Ok(lookup(&AUDIO, cc))
}

/// `mp4a` is AAC unless its `esds` names another object type (MP3 in MP4 is `mp4a` too).
fn mp4a_codec(v: &View<'_>, start: u64, end: u64) -> Result<Codec, Miss> {
    // Sound sample entry: 8 header + 8 + version(2) at 16...; children after 28 + 8 bytes,
    // 16 more for QuickTime version 1, 36 more for version 2.
    let b = v.read(start, 18, WINDOW)?;
    let extra = match be16(b, 16) {
        Some(1) => 16,
        Some(2) => 36,
        _ => 0,
    };
    let entry = BoxHdr {
        kind: *b"mp4a",
        payload: start + 36 + extra,
        end,
    };
    // `esds`, or `wave/esds`.
    let mut esds = entry;
    let found = child(v, &mut esds, b"esds")?
        || (child(v, &mut esds, b"wave")? && child(v, &mut esds, b"esds")?);
    if !found {
        return Ok(Codec::Aac);
    }
    let len = esds.end.min(v.size).saturating_sub(esds.payload).min(64) as usize;
    let b = v.read(esds.payload, len, WINDOW)?;
    Ok(match object_type(b) {
        Some(0x40 | 0x66 | 0x67 | 0x68) | None => Codec::Aac,
        Some(0x69 | 0x6B) => Codec::Mp3,
        Some(0xA5) => Codec::Ac3,
        Some(0xA6) => Codec::Eac3,
        Some(0xAD) => Codec::Opus,
        Some(t) => Codec::Other([b'o', b't', hex(t >> 4), hex(t & 15)]),
    })
}

fn hex(n: u8) -> u8 {
    b"0123456789abcdef"
        .get(usize::from(n))
        .copied()
        .unwrap_or(b'?')
}

/// The objectTypeIndication in an `esds` payload (after version/flags).
pub(super) fn object_type(b: &[u8]) -> Option<u8> {
    let mut i = 4;
    let descriptor = |i: &mut usize, tag: u8| -> Option<()> {
        if u8_at(b, *i)? != tag {
            return None;
        }
        *i += 1;
        for _ in 0..4 {
            let c = u8_at(b, *i)?;
            *i += 1;
            if c & 0x80 == 0 {
                break;
            }
        }
        Some(())
    };
    descriptor(&mut i, 0x03)?;
    let flags = u8_at(b, i + 2)?;
    i += 3;
    if flags & 0x80 != 0 {
        i += 2;
    }
    if flags & 0x40 != 0 {
        i += 1 + usize::from(u8_at(b, i)?);
    }
    if flags & 0x20 != 0 {
        i += 2;
    }
    descriptor(&mut i, 0x04)?;
    u8_at(b, i)
}
