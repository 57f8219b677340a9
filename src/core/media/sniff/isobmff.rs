//! ISO base media files (MP4, M4A, 3GP, MOV, HEIF/AVIF): the `ftyp` brand, then the boxes of
//! the movie (`moov`) down to each track's handler (`hdlr`) and first sample entry (`stsd`).

use super::{settle, Detected, Step, Why};
use crate::core::media::codec::Codec;
use crate::core::media::kind::Kind;
use crate::core::media::view::{arr, be32, be64, le32, tag, Miss, View};
use crate::core::media::words::{fill, lossy};
use crate::prelude::*;
use codec::{audio_codec, video_codec};

/// How much to read when a box lies beyond the bytes read so far.
const WINDOW: u64 = 16 * 1024;
/// How much to read at a top-level box header beyond the bytes read so far, but after the
/// media data (where the movie usually is): the header and any small boxes after it, so a
/// hop over a large box of padding or metadata costs a small read, not a window.
const HOP: u64 = 256;
/// At most this many boxes are looked at on one level.
const MAX_BOXES: usize = 64;
/// A top-level box no longer than a [`WINDOW`] is likely one of a run of small ones (padding,
/// metadata): the hop after it reads a [`WINDOW`], which holds the next header and, after
/// shorter ones, the next few, not one [`HOP`] a box.
const SMALL_BOX: u64 = WINDOW;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Mp4,
    M4a,
    ThreeGp,
    ThreeG2,
    QuickTime,
}

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    // Four-character codes compared as numbers (see `tag`).
    let box_type = le32(head, 4)?;
    if box_type != tag(b"ftyp") {
        // Old QuickTime files start with a movie or data box and have no `ftyp`.
        let plausible = be32(head, 0).is_some_and(|s| s >= 8);
        let qt = box_type == tag(b"moov")
            || box_type == tag(b"mdat")
            || box_type == tag(b"wide")
            || box_type == tag(b"pnot");
        return (plausible && qt).then(|| Ok(Detected::new(Kind::QuickTime)));
    }
    let ftyp_len = usize::try_from(be32(head, 0)?).ok()?;
    let major: [u8; 4] = arr(head, 8)?;
    // The compatible brands: at most 32, up to the end of `ftyp` or of the head.
    let compat = head
        .get(16..ftyp_len.min(head.len()).min(16 + 4 * 32))
        .unwrap_or_default();
    let family = match classify(&major, compat) {
        Ok(f) => f,
        Err(kind) => return Some(Ok(Detected::new(kind))),
    };
    Some(walk(v, family))
}

/// Major brands that alone give the family, or an image kind.
const BRANDS: [([u8; 4], Result<Family, Kind>); 14] = [
    (*b"qt  ", Ok(Family::QuickTime)),
    (*b"M4A ", Ok(Family::M4a)),
    (*b"M4B ", Ok(Family::M4a)),
    (*b"M4P ", Ok(Family::M4a)),
    (*b"f4a ", Ok(Family::M4a)),
    (*b"F4A ", Ok(Family::M4a)),
    (*b"heic", Err(Kind::Heic)),
    (*b"heix", Err(Kind::Heic)),
    (*b"heim", Err(Kind::Heic)),
    (*b"heis", Err(Kind::Heic)),
    (*b"hevc", Err(Kind::Heic)),
    (*b"hevx", Err(Kind::Heic)),
    (*b"avif", Err(Kind::Avif)),
    (*b"avis", Err(Kind::Avif)),
];

/// The family by brand; an image kind for HEIF/AVIF.
fn classify(major: &[u8; 4], compat: &[u8]) -> Result<Family, Kind> {
    let has = |b: &[u8; 4]| compat.chunks_exact(4).any(|c| c == b);
    if let Some(&(_, found)) = BRANDS.iter().find(|(b, _)| b == major) {
        return found;
    }
    let major = tag(major);
    if major == tag(b"mif1") || major == tag(b"msf1") || major == tag(b"miaf") {
        if has(b"avif") || has(b"avis") {
            Err(Kind::Avif)
        } else if has(b"heic") || has(b"heix") || has(b"hevc") {
            Err(Kind::Heic)
        } else {
            Err(Kind::Heif)
        }
    } else if major & 0xFF_FFFF == tag(b"3g2 ") & 0xFF_FFFF {
        // The first three bytes, then the first two (a code's first bytes are its low ones).
        Ok(Family::ThreeG2)
    } else if major & 0xFFFF == tag(b"3g  ") & 0xFFFF {
        Ok(Family::ThreeGp)
    } else {
        Ok(Family::Mp4)
    }
}

#[derive(Debug, Default)]
struct Found {
    video: Option<Codec>,
    audio: Option<Codec>,
    moov: bool,
}

fn decide(family: Family, f: &Found) -> Box<Detected> {
    let kind = match family {
        Family::QuickTime => Kind::QuickTime,
        Family::ThreeG2 => Kind::Video3gpp2,
        Family::M4a => Kind::Mp4Audio,
        Family::ThreeGp if f.video.is_none() && f.audio.is_some() => Kind::Audio3gpp,
        Family::ThreeGp => Kind::Video3gpp,
        Family::Mp4 if f.video.is_none() && f.audio.is_some() => Kind::Mp4Audio,
        Family::Mp4 => Kind::Mp4Video,
    };
    let mut d = Detected::new(kind);
    d.video = f.video;
    d.audio = f.audio;
    d
}

/// A box header: its type, where its payload starts and where it ends (maybe past the file).
#[derive(Debug, Clone, Copy)]
struct BoxHdr {
    kind: [u8; 4],
    payload: u64,
    end: u64,
}

/// Reads the box header at `off` (inside a parent ending at `parent_end`), asking for `want`
/// bytes from there when it was not read.
fn header(v: &View<'_>, off: u64, parent_end: u64, want: u64) -> Result<Result<BoxHdr, Why>, Miss> {
    let b = v.read_upto(off, 16, want)?;
    if b.len() < 8 {
        return Ok(Err(Why::BoxHeaderShort));
    }
    let kind: [u8; 4] = arr(b, 4).unwrap_or_default();
    if !kind
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || c == b' ' || c == 0xA9)
    {
        return Ok(Err(Why::BoxType));
    }
    let (size, hl) = match be32(b, 0).unwrap_or(0) {
        0 => (parent_end.saturating_sub(off), 8),
        1 => match be64(b, 8) {
            Some(s) => (s, 16),
            None => return Ok(Err(Why::BoxHeaderShort)),
        },
        s => (u64::from(s), 8),
    };
    if size < hl {
        return Ok(Err(Why::BoxSize));
    }
    Ok(Ok(BoxHdr {
        kind,
        payload: off + hl,
        end: off.saturating_add(size),
    }))
}

/// Walks the top-level boxes ([`boxes`]); the finding from what they held, made in one place.
fn walk(v: &View<'_>, family: Family) -> Step {
    let mut found = Found::default();
    let broken = boxes(v, &mut found);
    let mut d = decide(family, &found);
    // The codecs are known once the movie has been walked.
    d.undecided = !found.moov;
    match broken {
        // MAX_BOXES walked short of the end and of the movie: not all was read.
        Ok(None) => {
            d.incomplete = d.undecided;
            Ok(d)
        }
        Ok(Some(Broken::Why(why))) => Ok(d.broken(why)),
        Ok(Some(Broken::Box(kind))) => Ok(d.damaged(
            true,
            fill("is shorter than its '{}' box says", &[&lossy(&kind)]),
        )),
        Err(m) => settle(v, m, d),
    }
}

/// Why the top-level boxes are broken.
enum Broken {
    Why(Why),
    /// A box (of this type) runs past the end of the file.
    Box([u8; 4]),
}

/// Reads the top-level boxes into `found`, and the movie box; stops once the movie and the
/// media data have been seen. Gives why the file is broken, if it is.
fn boxes(v: &View<'_>, found: &mut Found) -> Result<Option<Broken>, Miss> {
    let mut mdat = false;
    // Whether the box before was the media data: the movie follows it when not first.
    let mut after_mdat = false;
    let mut off = 0u64;
    // Whether the box before was small (see `SMALL_BOX`).
    let mut after_small = false;
    for _ in 0..MAX_BOXES {
        if off >= v.size {
            break;
        }
        let want = if (after_mdat && !found.moov) || after_small {
            WINDOW
        } else {
            HOP
        };
        let h = match header(v, off, v.size, want)? {
            Ok(h) => h,
            Err(why) => return Ok(Some(Broken::Why(why))),
        };
        if &h.kind == b"moov" {
            movie(v, h, found)?;
            found.moov = true;
        }
        after_mdat = &h.kind == b"mdat";
        after_small = h.end - off <= SMALL_BOX;
        mdat |= after_mdat;
        if h.end > v.size {
            return Ok(Some(Broken::Box(h.kind)));
        }
        if found.moov && mdat {
            break;
        }
        off = h.end;
    }
    // Without the movie at the end of the file the file is broken; short of the end, unread.
    Ok((!found.moov && off >= v.size).then_some(Broken::Why(Why::NoMoov)))
}

/// Makes `parent` its first child box of type `kind`, if it has one; gives whether it had
/// (in place: no `Option` of a box header carried up through every `?`). At most `MAX_BOXES`
/// boxes are looked at.
fn child(v: &View<'_>, parent: &mut BoxHdr, kind: &[u8; 4]) -> Result<bool, Miss> {
    child_of(v, parent, kind, &mut 0)
}

/// [`child`], counting the boxes looked at in `seen` (one walker for a single child and for
/// the movie's tracks, which go on after each from where it ends).
fn child_of(
    v: &View<'_>,
    parent: &mut BoxHdr,
    kind: &[u8; 4],
    seen: &mut usize,
) -> Result<bool, Miss> {
    let end = parent.end.min(v.size);
    let mut off = parent.payload;
    while *seen < MAX_BOXES {
        *seen += 1;
        if off.saturating_add(8) > end {
            break;
        }
        let Ok(h) = header(v, off, end, WINDOW)? else {
            break;
        };
        if &h.kind == kind {
            *parent = h;
            return Ok(true);
        }
        off = h.end;
    }
    Ok(false)
}

/// The movie's tracks, until a video and an audio codec are found.
fn movie(v: &View<'_>, moov: BoxHdr, found: &mut Found) -> Result<(), Miss> {
    let mut seen = 0;
    let mut at = moov;
    loop {
        let mut trak = at;
        if !child_of(v, &mut trak, b"trak", &mut seen)? {
            return Ok(());
        }
        track(v, trak, found)?;
        if found.video.is_some() && found.audio.is_some() {
            return Ok(());
        }
        at.payload = trak.end;
    }
}

fn track(v: &View<'_>, trak: BoxHdr, found: &mut Found) -> Result<(), Miss> {
    let mut mdia = trak;
    if !child(v, &mut mdia, b"mdia")? {
        return Ok(());
    }
    let mut hdlr = mdia;
    if !child(v, &mut hdlr, b"hdlr")? {
        return Ok(());
    }
    let handler: [u8; 4] = arr(v.read(hdlr.payload + 8, 4, WINDOW)?, 0).unwrap_or_default();
    let is_video = &handler == b"vide";
    if !is_video && &handler != b"soun" {
        return Ok(());
    }
    if (is_video && found.video.is_some()) || (!is_video && found.audio.is_some()) {
        return Ok(());
    }
    // `mdia`, then down to `minf/stbl/stsd`.
    let mut stsd = mdia;
    if !(child(v, &mut stsd, b"minf")?
        && child(v, &mut stsd, b"stbl")?
        && child(v, &mut stsd, b"stsd")?)
    {
        return Ok(());
    }
    // version/flags, entry count, then the first sample entry.
    let start = stsd.payload + 8;
    let b = v.read(start, 8, WINDOW)?;
    let end = start.saturating_add(u64::from(be32(b, 0).unwrap_or(0)));
    let cc: [u8; 4] = arr(b, 4).unwrap_or_default();
    if is_video {
        found.video = Some(video_codec(&cc));
    } else {
        found.audio = Some(audio_codec(v, &cc, start, end)?);
    }
    Ok(())
}

mod codec;
#[cfg(test)]
mod tests;
