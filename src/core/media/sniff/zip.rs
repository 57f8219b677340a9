//! ZIP-based files: OpenDocument (a stored `mimetype` first entry), OOXML (`[Content_Types].xml`
//! and a `word/`, `xl/` or `ppt/` part in the central directory), EPUB, plain ZIP.
//!
//! An OOXML file's exact type is read from `[Content_Types].xml` (see `content_types`); when
//! that cannot be read, the part names decide: the application's base type, macro-enabled with
//! a `vbaProject.bin` part.
//!
//! The central directory sits at the end: the end record (EOCD) is found in a tail read of
//! [`TAIL`] bytes, or of up to 64 KiB + 22 when the archive has a long comment; the directory
//! itself is read from where the end record points (at most [`MAX_DIRECTORY`] bytes of it).

use super::content_types::{content_types, Entry};
use super::{settle, Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::ooxml::Ooxml;
use crate::core::media::view::{find, has_at, le16, le32, le64, rfind, tag, Miss, View};

/// The first tail read for the end record and (usually) the whole central directory.
pub(crate) const TAIL: u64 = 16 * 1024;
/// The largest tail that can hold the end record (22 bytes plus a 65535-byte comment).
const MAX_TAIL: u64 = 22 + 65_535;
/// At most this much of the central directory is read.
const MAX_DIRECTORY: u64 = 64 * 1024;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    // The three signatures as numbers (see `tag`): one read, not a slice comparison each.
    let sig = le32(head, 0)?;
    if sig != tag(b"PK\x03\x04") && sig != tag(b"PK\x05\x06") && sig != tag(b"PK\x07\x08") {
        return None;
    }
    Some(archive(v, head))
}

/// What the entry names say.
#[derive(Debug, Default)]
struct Names {
    content_types: bool,
    /// Where `[Content_Types].xml` is (from the central directory).
    types_entry: Option<Entry>,
    word: bool,
    xl: bool,
    ppt: bool,
    vba: bool,
}

impl Names {
    /// Notes an entry's name; gives whether it is `[Content_Types].xml`.
    fn add(&mut self, name: &[u8]) -> bool {
        let types = name == b"[Content_Types].xml";
        self.content_types |= types;
        self.word |= name.starts_with(b"word/");
        self.xl |= name.starts_with(b"xl/");
        self.ppt |= name.starts_with(b"ppt/");
        self.vba |= name.ends_with(b"/vbaProject.bin");
        types
    }

    /// The OOXML kind by the part names; `sure` when `[Content_Types].xml` need not have been
    /// seen.
    fn kind(&self, sure: bool) -> Kind {
        if !(self.content_types || sure) {
            return Kind::Zip;
        }
        let base = if self.word {
            Ooxml::Docx
        } else if self.ppt {
            Ooxml::Pptx
        } else if self.xl {
            Ooxml::Xlsx
        } else {
            return Kind::Zip;
        };
        Kind::Office(if self.vba { base.with_macros() } else { base })
    }
}

/// Why the central directory (or `[Content_Types].xml`) could not be read.
pub(super) enum Stop {
    /// It is broken, for this reason.
    Broken(Why),
    /// Bytes were missing.
    Missing(Miss),
}

impl From<Miss> for Stop {
    fn from(m: Miss) -> Stop {
        Stop::Missing(m)
    }
}

fn archive(v: &View<'_>, head: &[u8]) -> Step {
    let odf = mimetype_entry(head);
    let mut names = Names::default();
    // The kind by the central directory's names, once it is read.
    let mut by_names = None;
    let read = directory(v, &mut names).and_then(|partial| {
        let kind = odf.unwrap_or_else(|| names.kind(partial));
        by_names = Some(kind);
        match (kind, names.types_entry) {
            (Kind::Office(_), Some(entry)) => content_types(v, entry),
            _ => Ok(None),
        }
    });
    // Every way it fails ends in one place; without the directory, a guess from the head's
    // local entries.
    let kind = by_names.unwrap_or_else(|| odf.unwrap_or_else(|| local_names(head).kind(true)));
    let d = Detected::new(match read {
        Ok(Some(exact)) => Kind::Office(exact),
        _ => kind,
    });
    match read {
        Ok(_) => Ok(d),
        Err(Stop::Broken(why)) => Ok(d.broken(why)),
        Err(Stop::Missing(m)) => settle(v, m, d),
    }
}

/// Reads the central directory's names into `names`; gives whether only part of it was read.
fn directory(v: &View<'_>, names: &mut Names) -> Result<bool, Stop> {
    let mut eocd = Eocd::default();
    if !end_record(v, &mut eocd)? {
        return Err(Stop::Broken(Why::ZipNoEnd));
    }
    if !eocd.zip64(v)? {
        return Err(Stop::Broken(Why::Zip64));
    }
    let dir_end = eocd.cd_off.checked_add(eocd.cd_size);
    if !dir_end.is_some_and(|e| e <= eocd.pos) {
        return Err(Stop::Broken(Why::ZipOutside));
    }
    let partial = eocd.cd_size > MAX_DIRECTORY;
    let len = eocd.cd_size.min(MAX_DIRECTORY) as usize;
    let dir = v.read(eocd.cd_off, len, len as u64)?;
    let corrupt = Stop::Broken(Why::ZipDirectory);
    let mut i = 0usize;
    let mut seen = 0u64;
    while seen < eocd.entries {
        if !has_at(dir, i, b"PK\x01\x02") {
            if partial && i + 46 > dir.len() {
                break;
            }
            return Err(corrupt);
        }
        let n = usize::from(le16(dir, i + 28).unwrap_or(0));
        let extra = usize::from(le16(dir, i + 30).unwrap_or(0));
        let comment = usize::from(le16(dir, i + 32).unwrap_or(0));
        match dir.get(i + 46..i + 46 + n) {
            // The record's fields lie before its name: they are there.
            Some(name) if names.add(name) && names.types_entry.is_none() => {
                names.types_entry = Some(Entry {
                    method: le16(dir, i + 10).unwrap_or(0),
                    compressed: u64::from(le32(dir, i + 20).unwrap_or(0)),
                    local: u64::from(le32(dir, i + 42).unwrap_or(0)),
                });
            }
            Some(_) => {}
            None if partial => break,
            None => return Err(corrupt),
        }
        i += 46 + n + extra + comment;
        seen += 1;
    }
    Ok(partial)
}

/// The end of central directory record.
#[derive(Debug, Clone, Copy, Default)]
struct Eocd {
    pos: u64,
    entries: u64,
    cd_size: u64,
    cd_off: u64,
}

impl Eocd {
    /// Takes the ZIP64 values when the classic record defers to them; `false` when they are
    /// corrupt (in place, as the readers below: no record carried up through every `?`).
    fn zip64(&mut self, v: &View<'_>) -> Result<bool, Miss> {
        let deferred =
            self.entries == 0xFFFF || self.cd_size == 0xFFFF_FFFF || self.cd_off == 0xFFFF_FFFF;
        if !deferred {
            return Ok(true);
        }
        let Some(loc_at) = self.pos.checked_sub(20) else {
            return Ok(false);
        };
        let loc = v.read(loc_at, 20, 20)?;
        if !loc.starts_with(b"PK\x06\x07") {
            return Ok(false);
        }
        let Some(at) = le64(loc, 8).filter(|&a| a < loc_at) else {
            return Ok(false);
        };
        let r = v.read(at, 56, 56)?;
        if !r.starts_with(b"PK\x06\x06") {
            return Ok(false);
        }
        *self = Eocd {
            pos: at,
            entries: le64(r, 32).unwrap_or(0),
            cd_size: le64(r, 40).unwrap_or(0),
            cd_off: le64(r, 48).unwrap_or(0),
        };
        Ok(true)
    }
}

/// Finds the end record (into `e`) in a [`TAIL`] read, then in a [`MAX_TAIL`] one.
fn end_record(v: &View<'_>, e: &mut Eocd) -> Result<bool, Miss> {
    if scan_end(v.tail(TAIL)?, v.size, e) {
        return Ok(true);
    }
    Ok(v.size > TAIL && scan_end(v.tail(MAX_TAIL)?, v.size, e))
}

/// The last end record in `tail` (the file's last bytes) whose comment reaches the end of the
/// file, or failing that the last one whose fields are consistent, into `out`; whether found.
fn scan_end(tail: &[u8], size: u64, out: &mut Eocd) -> bool {
    let base = size - tail.len() as u64;
    // Whether `out` holds a record whose fields are consistent (the fallback).
    let mut found = false;
    let mut end = tail.len();
    while let Some(i) = tail.get(..end).and_then(|t| rfind(t, b"PK\x05\x06")) {
        end = i + 3;
        let pos = base + i as u64;
        let (Some(entries), Some(cd_size), Some(cd_off), Some(comment)) = (
            le16(tail, i + 10),
            le32(tail, i + 12),
            le32(tail, i + 16),
            le16(tail, i + 20),
        ) else {
            continue;
        };
        let e = Eocd {
            pos,
            entries: u64::from(entries),
            cd_size: u64::from(cd_size),
            cd_off: u64::from(cd_off),
        };
        let reach = pos + 22 + u64::from(comment);
        if reach == size || (!found && reach <= size) {
            *out = e;
            found = true;
            if reach == size {
                return true;
            }
        }
    }
    found
}

/// The OpenDocument (or EPUB) kind named by a stored `mimetype` first entry.
fn mimetype_entry(head: &[u8]) -> Option<Kind> {
    if !head.starts_with(b"PK\x03\x04") || le16(head, 8) != Some(0) {
        return None;
    }
    let n = usize::from(le16(head, 26)?);
    let extra = usize::from(le16(head, 28)?);
    if head.get(30..30 + n)? != b"mimetype" {
        return None;
    }
    let len = usize::try_from(le32(head, 18)?).ok()?.min(200);
    let start = 30 + n + extra;
    let value = head.get(start..start + len)?;
    // The value is the kind's MIME type.
    let kinds = [Kind::Odt, Kind::Ods, Kind::Odp, Kind::Odg, Kind::Epub];
    Some(
        kinds
            .into_iter()
            .find(|k| k.mime().as_bytes() == value)
            .unwrap_or(Kind::Zip),
    )
}

/// Names of the local entries found in the head (for a guess when the directory is missing).
fn local_names(head: &[u8]) -> Names {
    let mut names = Names::default();
    let mut from = 0usize;
    for _ in 0..64 {
        let Some(i) = head
            .get(from..)
            .and_then(|h| find(h, b"PK\x03\x04"))
            .map(|i| i + from)
        else {
            break;
        };
        let n = usize::from(le16(head, i + 26).unwrap_or(0));
        if let Some(name) = head.get(i + 30..i + 30 + n) {
            names.add(name);
        }
        from = i + 4;
    }
    names
}

#[cfg(test)]
mod tests;
