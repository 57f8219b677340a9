//! OLE2 compound files: Word 97-2003 (`WordDocument` stream), Excel (`Workbook` or `Book`),
//! PowerPoint (`PowerPoint Document`), told apart by the names in the directory.
//!
//! The directory is a chain of sectors, often at the end of the file: its first sector is
//! named in the 512-byte header, the next ones through the FAT (whose sectors the header lists).
//! At most [`MAX_DIR_SECTORS`] directory sectors are read. The root entry's class id (the
//! application that wrote the file) breaks ties and stands in when the chain cannot be read.
//!
//! Password protection: an encrypted OOXML file is an OLE2 file holding `EncryptionInfo` and
//! `EncryptedPackage` streams; a legacy file shows an `EncryptedSummary` stream, or its first
//! bytes do: the Word FIB's `fEncrypted` flag, an Excel `FilePass` record after the `BOF`
//! (read from the stream's first sector, through the mini stream for a small stream).

use super::{settle, Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::report::IssueCode;
use crate::core::media::view::{le16, le32, le64, u8_at, Miss, View};
use crate::core::media::words::nth;
use crate::prelude::*;

/// At most this many directory sectors are read.
const MAX_DIR_SECTORS: usize = 16;
/// How much to read at a directory or FAT sector not yet read.
const WINDOW: u64 = 4096;
/// How much of a stream's start is read to see whether it is encrypted.
const STREAM_HEAD: usize = 64;
/// At most this many sectors of the mini stream are followed.
const MAX_MINI_HOPS: u64 = 64;
const END_OF_CHAIN: u32 = 0xFFFF_FFFA;

const SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    head.starts_with(SIGNATURE).then(|| compound(v, head))
}

/// A stream's first sector and size, from its directory entry.
#[derive(Debug, Default, Clone, Copy)]
struct Stream {
    start: u32,
    size: u32,
}

#[derive(Debug, Default)]
struct Streams {
    word: Option<Stream>,
    excel: Option<Stream>,
    powerpoint: bool,
    root_class: Option<Kind>,
    root: Stream,
    encryption_info: bool,
    encrypted_package: bool,
    encrypted_summary: bool,
}

impl Streams {
    fn kind(&self) -> Option<Kind> {
        if self.encryption_info && self.encrypted_package {
            return Some(Kind::EncryptedOffice);
        }
        let (word, excel) = (self.word.is_some(), self.excel.is_some());
        // An embedded object adds the other application's streams: when more than one is
        // named, trust the root class if it names one of them.
        let class_named = match self.root_class {
            Some(Kind::Doc) => word,
            Some(Kind::Ppt) => self.powerpoint,
            Some(Kind::Xls) => excel,
            _ => false,
        };
        if class_named {
            return self.root_class;
        }
        let first = if word {
            Kind::Doc
        } else if self.powerpoint {
            Kind::Ppt
        } else if excel {
            Kind::Xls
        } else {
            return self.root_class;
        };
        Some(first)
    }

    fn detected(&self) -> Box<Detected> {
        let d = Detected::new(self.kind().unwrap_or(Kind::Ole));
        if self.encrypted_summary || matches!(d.kind, Some(Kind::EncryptedOffice)) {
            return encrypted(d);
        }
        d
    }
}

fn encrypted(d: Box<Detected>) -> Box<Detected> {
    d.note(
        IssueCode::MediaEncrypted,
        "The document is password-protected: the recipient needs the password.",
    )
}

/// The sector size's power of two, and reads at sectors.
#[derive(Clone, Copy)]
struct Layout<'h> {
    head: &'h [u8],
    shift: u16,
}

impl Layout<'_> {
    fn offset(self, sector: u32) -> u64 {
        (u64::from(sector) + 1) << self.shift
    }

    /// The sector after `sector` in its chain, from the FAT; [`END_OF_CHAIN`] past the
    /// header's FAT list (a plain number, no `Option` through every `?`).
    fn next(self, v: &View<'_>, sector: u32) -> Result<u32, Miss> {
        let per_fat_sector = 1u32 << (self.shift - 2);
        let index = usize::try_from(sector / per_fat_sector).unwrap_or(usize::MAX);
        let Some(fat_sector) = index
            .checked_mul(4)
            .and_then(|i| le32(self.head, 0x4C + i))
            .filter(|_| index < 109)
        else {
            return Ok(END_OF_CHAIN);
        };
        let at = self.offset(fat_sector) + u64::from(sector % per_fat_sector) * 4;
        Ok(le32(v.read(at, 4, WINDOW)?, 0).unwrap_or(END_OF_CHAIN))
    }

    /// The first [`STREAM_HEAD`] bytes of a stream (fewer if it is shorter), through the mini
    /// stream when it is smaller than the cutoff; `None` when the chain cannot be followed.
    fn stream_head<'v>(
        self,
        v: &'v View<'_>,
        s: Stream,
        root: Stream,
    ) -> Result<Option<&'v [u8]>, Miss> {
        let len = usize::try_from(s.size).unwrap_or(0).min(STREAM_HEAD);
        let cutoff = le32(self.head, 0x38).unwrap_or(4096);
        if s.size >= cutoff {
            return v
                .read(self.offset(s.start), len, STREAM_HEAD as u64)
                .map(Some);
        }
        let mini_shift = le16(self.head, 0x20).unwrap_or(6).min(12);
        let at = u64::from(s.start) << mini_shift;
        let hops = at >> self.shift;
        if hops > MAX_MINI_HOPS {
            return Ok(None);
        }
        let mut sector = root.start;
        for _ in 0..hops {
            sector = self.next(v, sector)?;
            if sector >= END_OF_CHAIN {
                return Ok(None);
            }
        }
        let within = at & ((1u64 << self.shift) - 1);
        let len = len.min(1 << mini_shift);
        v.read(self.offset(sector) + within, len, STREAM_HEAD as u64)
            .map(Some)
    }
}

fn compound(v: &View<'_>, head: &[u8]) -> Step {
    let mut streams = Streams::default();
    if head.len() < 512 {
        return Ok(Detected::new(Kind::Ole).broken(Why::OleShort));
    }
    let shift = le16(head, 0x1E).unwrap_or(0);
    if le16(head, 0x1C) != Some(0xFFFE) || !(shift == 9 || shift == 12) {
        return Ok(Detected::new(Kind::Ole).broken(Why::OleHeader));
    }
    let layout = Layout { head, shift };
    let read = directory(v, layout, &mut streams);
    let d = streams.detected();
    // An encrypted package needs no look at the streams' first bytes.
    let legacy = read.and_then(|()| {
        if d.notes.is_empty() {
            legacy_encryption(v, layout, &streams)
        } else {
            Ok(false)
        }
    });
    match legacy {
        Ok(true) => Ok(encrypted(d)),
        Ok(false) => Ok(d),
        Err(_) if v.eof() => Ok(d.broken(Why::OleDirectory)),
        Err(m) => settle(v, m, d),
    }
}

/// Reads the directory's entries into `streams`, sector by sector along its chain.
fn directory(v: &View<'_>, layout: Layout<'_>, streams: &mut Streams) -> Result<(), Miss> {
    let mut sector = le32(layout.head, 0x30).unwrap_or(END_OF_CHAIN);
    for _ in 0..MAX_DIR_SECTORS {
        if sector >= END_OF_CHAIN {
            break;
        }
        scan(
            v.read(layout.offset(sector), 1 << layout.shift, WINDOW)?,
            streams,
        );
        sector = layout.next(v, sector)?;
    }
    Ok(())
}

fn legacy_encryption(v: &View<'_>, layout: Layout<'_>, streams: &Streams) -> Result<bool, Miss> {
    let (stream, word) = match streams.kind() {
        Some(Kind::Doc) => (streams.word, true),
        Some(Kind::Xls) => (streams.excel, false),
        _ => return Ok(false),
    };
    let Some(s) = stream else {
        return Ok(false);
    };
    let head = layout.stream_head(v, s, streams.root)?;
    Ok(head.is_some_and(|h| {
        if word {
            // The FIB: its magic, then the flags word with fEncrypted (0x0100).
            le16(h, 0) == Some(0xA5EC) && le16(h, 0x0A).is_some_and(|f| f & 0x0100 != 0)
        } else {
            // BOF, then FilePass (0x002F) when the workbook is encrypted.
            le16(h, 0) == Some(0x0809)
                && le16(h, 2)
                    .and_then(|len| le16(h, 4 + usize::from(len)))
                    .is_some_and(|t| t == 0x002F)
        }
    }))
}

/// Scans the 128-byte directory entries of one sector.
fn scan(dir: &[u8], streams: &mut Streams) {
    for e in dir.chunks_exact(128) {
        let name_len = usize::from(le16(e, 64).unwrap_or(0)).min(64);
        let name = e.get(..name_len.saturating_sub(2)).unwrap_or(&[]);
        let kind = u8_at(e, 66).unwrap_or(0);
        let stream = Stream {
            start: le32(e, 116).unwrap_or(END_OF_CHAIN),
            size: le32(e, 120).unwrap_or(0),
        };
        if kind == 5 {
            streams.root_class = class_kind(e.get(80..96).unwrap_or(&[]));
            streams.root = stream;
        }
        if kind != 2 {
            continue;
        }
        match (0..7).find(|&i| utf16_is(name, nth(NAMES, i))) {
            Some(0) => streams.word = Some(stream),
            Some(1 | 2) => streams.excel = Some(stream),
            Some(3) => streams.powerpoint = true,
            Some(4) => streams.encryption_info = true,
            Some(5) => streams.encrypted_package = true,
            Some(6) => streams.encrypted_summary = true,
            _ => {}
        }
    }
}

/// The stream names looked for, a line each (as `scan` numbers them).
const NAMES: &str = "WordDocument\nWorkbook\nBook\nPowerPoint Document\nEncryptionInfo\nEncryptedPackage\nEncryptedSummary";

fn utf16_is(name: &[u8], s: &str) -> bool {
    // By index: `chunks_exact` with `zip` links a division-by-zero panic.
    name.len() == s.len() * 2
        && s.as_bytes()
            .iter()
            .enumerate()
            .all(|(i, &c)| matches!(name.get(2 * i..2 * i + 2), Some(&[b, 0]) if b == c))
}

/// The kind named by the root entry's class id (stored little-endian in the first 8 bytes).
fn class_kind(clsid: &[u8]) -> Option<Kind> {
    let first = le32(clsid, 0)?;
    // The rest, `00000000-C000-000000000046`, as two numbers: a slice pattern compares it
    // byte by byte.
    let office = le32(clsid, 4) == Some(0) && le64(clsid, 8) == Some(0x4600_0000_0000_00C0);
    match first {
        0x0002_0906 | 0x0002_0900 if office => Some(Kind::Doc),
        0x0002_0820 | 0x0002_0810 if office => Some(Kind::Xls),
        0x6481_8D10 => Some(Kind::Ppt),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
