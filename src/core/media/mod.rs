//! Media preflight: sniffs a file's real type from bounded reads and checks it against the
//! WhatsApp rules (api.md, "Accepted media"). Plain Rust; the wasm face lives elsewhere.
//!
//! # Reading contract
//! The caller never hands over the whole file. It reads ranges that the core asks for:
//! 1. `next_read(size, &chunks)` returns the next [`ByteRange`] to read (`start..end`, for
//!    `blob.slice(start, end)`), or `None` when the core has what it needs. The first range
//!    is always the head, `0..min(size, HEAD_LEN)`.
//! 2. The caller reads it, appends it to `chunks` as a [`Chunk`] at its offset, and asks again.
//!    A range never repeats bytes already held (it starts where a held chunk ends; touching
//!    chunks are read as one).
//! 3. `validate(&Input { size, chunks, options })` gives the [`Report`]. It reads nothing:
//!    a range that was asked for but not supplied gives `media_not_fully_checked`.
//!
//! Which ranges follow the head (each bounded, all together at most [`MAX_READ_BYTES`] in at
//! most [`MAX_READS`] reads; in practice 0 to 3 reads of at most 16 KiB, 64 KiB + 22 for a ZIP
//! with a long comment, and a small read per box or segment hopped over beyond the head):
//! - ZIP (OOXML, ODF, plain): the last 16 KiB (end record and central directory), then the
//!   last 64 KiB + 22 if the end record is not there, then the central directory if it starts
//!   before the tail (at most 64 KiB of it).
//! - MP4/3GP/M4A/MOV: 256 bytes at each top-level box header beyond the head until the movie
//!   box is found (16 KiB after a box of at most 16 KiB: a run of small boxes is read a window
//!   at a time), but 16 KiB at the box after the media data (without "faststart" the movie
//!   sits there, near the end); 16 KiB at the movie and at each track that starts beyond what
//!   was read, then 256 bytes at the box after the movie (the media data header: is the file
//!   as long as it says?).
//!   Then `[Content_Types].xml` of an OOXML file where it is not read yet (at most 8 KiB; Office
//!   writes it first, LibreOffice last, so it is usually in the head or the tail).
//! - OLE2 (doc/xls/ppt): 4 KiB at each directory sector and FAT sector of the directory chain
//!   not yet read (the directory is usually at the end), at most 16 directory sectors; then
//!   64 bytes at the start of the Word or Excel stream (is it encrypted?).
//! - MP3 with a large ID3 tag (cover art): 4 KiB after the tag.
//! - JPEG: 1 KiB at each segment beyond the head up to the first scan (16 KiB after a segment
//!   of at most 16 KiB: a run of small segments is read a window at a time); the last 1024 bytes
//!   (end marker, or data after it). PNG: the last 1024 bytes (`IEND`, or data after it).
//!   PDF: the last 1024 bytes (`%%EOF`).
//!
//! [`Preflight`] wraps the loop with owned buffers (for the wasm side: only these bytes cross
//! into wasm memory). [`validate_bytes`] runs it over a slice already in memory.
//!
//! # Why not the `infer` crate
//! `infer` 0.22 was run on this corpus (tests/media/make-corpus.sh), on the 4100-byte head a
//! bounded reader has and on the whole file. Alone it is wrong or short for: DOCX and PPTX
//! (`application/zip`, even on the whole file), XLS and PPT (`application/msword` without the
//! `cfb` feature; `application/x-ole-storage` with it on a bounded head), M4A (`audio/m4a`, not
//! `audio/mp4`) and MP4 holding only audio (`video/mp4`), 3GP (not recognised), Ogg Vorbis vs
//! Ogg FLAC (both `audio/ogg`; no codec), all text: plain text, CSV, UTF-16 (not recognised),
//! SVG (`text/xml`); and it checks no structure: truncated PNG/JPEG/MP4/DOCX/WebP pass, no
//! WebP dimensions or animation flag, no MP4 codecs. It is right on the plain signatures
//! (JPEG, PNG, WebP, GIF, BMP, TIFF, PDF, RTF, tar, gzip, ZIP, ODF, MP3, AAC, AMR, FLAC, WAV,
//! AVI, MKV, WebM, MOV, HEIF/AVIF, ELF, PE), but those are a few bytes each here, while
//! linking it costs about 27 KB of wasm (10.7 KB gzipped; measured on a size-optimised
//! cdylib calling `infer::get`). So it is not used.

use crate::prelude::*;

mod codec;
mod declared;
mod kind;
mod ooxml;
mod report;
mod rules;
mod says;
mod sniff;
mod typed;
mod view;
pub(crate) mod words;

pub use report::{Details, Issue, IssueCode, MessageType, Report, Severity};

use view::View;

/// How many bytes of the head are read first.
pub const HEAD_LEN: usize = 4100;
/// At most this many bytes are read in all (head included).
pub const MAX_READ_BYTES: u64 = 256 * 1024;
/// At most this many reads (head included): room for a hop over each of the 64 boxes an
/// MP4's top level is walked for (or as many JPEG segments), each a small read.
pub const MAX_READS: usize = 64;

/// A half-open byte range `start..end` of the file (as for `Blob.slice(start, end)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ByteRange {
    /// First byte.
    pub start: u64,
    /// One past the last byte.
    pub end: u64,
}

impl ByteRange {
    /// The number of bytes.
    pub fn len(&self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range holds no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Bytes read from the file at `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk<'a> {
    /// Where the bytes start in the file.
    pub offset: u64,
    /// The bytes.
    pub bytes: &'a [u8],
}

/// What the caller says about the file. All optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options<'a> {
    /// The declared MIME type (in a browser, `File.type`). Compared with the content.
    pub declared_mime: Option<&'a str>,
    /// The file name. Its extension is compared with the content.
    pub file_name: Option<&'a str>,
    /// The message type the file is meant for; `None` picks the best fit.
    pub intended: Option<MessageType>,
}

/// A file to validate: its size, the chunks read, the caller's options.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The file size in bytes.
    pub size: u64,
    /// The ranges read so far (see [`next_read`]).
    pub chunks: &'a [Chunk<'a>],
    /// Declared type, name, intended message type.
    pub options: Options<'a>,
}

fn bytes_held(chunks: &[Chunk<'_>]) -> u64 {
    let mut held = 0;
    for c in chunks {
        held += c.bytes.len() as u64;
    }
    held
}

/// The next range to read, or `None` when the chunks suffice (or the read budget is spent).
///
/// ```
/// use sinch_whatsapp::core::media::{next_read, ByteRange, Chunk, HEAD_LEN};
/// let size = 1_000_000;
/// assert_eq!(next_read(size, &[]), Some(ByteRange { start: 0, end: HEAD_LEN as u64 }));
/// let head = [0u8; HEAD_LEN];
/// assert_eq!(next_read(size, &[Chunk { offset: 0, bytes: &head }]), None);
/// ```
pub fn next_read(size: u64, chunks: &[Chunk<'_>]) -> Option<ByteRange> {
    step::<false>(size, chunks, chunks.len()).err().flatten()
}

/// `f` on a view of `chunks`: as they are when the caller joined touching ones (`RUNS`),
/// else joined here first ([`view::joined`]).
fn viewed<const RUNS: bool, T>(
    size: u64,
    chunks: &[Chunk<'_>],
    last_pass: bool,
    f: impl FnOnce(&View<'_>) -> T,
) -> T {
    if RUNS {
        f(&View::new(size, chunks, last_pass))
    } else {
        view::joined(size, chunks, last_pass, f)
    }
}

/// What the sniffers make of `chunks` (from `reads` reads): the finding when they need
/// nothing more, else the range to read next (`None`: the read budget is spent).
fn step<const RUNS: bool>(
    size: u64,
    chunks: &[Chunk<'_>],
    reads: usize,
) -> Result<Box<sniff::Detected>, Option<ByteRange>> {
    let held = bytes_held(chunks);
    if reads >= MAX_READS || held >= MAX_READ_BYTES {
        return Err(None);
    }
    let sniffed = viewed::<RUNS, _>(size, chunks, false, |v| {
        // Ask only for bytes not held yet: a range starting inside a run of held bytes starts
        // at its end (the view joins touching chunks into one run; what it gives lies below
        // `size`, so the sum cannot overflow)…
        sniff::sniff(v).map_err(|want| {
            (
                want,
                want.start + v.avail(want.start, usize::MAX).len() as u64,
            )
        })
    });
    let (want, start) = match sniffed {
        Ok(found) => return Ok(found),
        Err(want) => want,
    };
    // …and ends where the next held chunk begins, so no byte is ever read twice.
    let mut next_held = u64::MAX;
    for c in chunks {
        if c.offset > start {
            next_held = next_held.min(c.offset);
        }
    }
    let end = want
        .end
        .min(size)
        .min(next_held)
        .min(start.saturating_add(MAX_READ_BYTES - held));
    let range = ByteRange { start, end };
    Err((!range.is_empty()).then_some(range))
}

/// Validates a file from the chunks read (see [`next_read`]). Never reads more: what is
/// missing is reported as `media_not_fully_checked`.
pub fn validate(input: &Input<'_>) -> Report {
    rules::evaluate(input.size, &last_pass::<false>(input), &input.options)
}

/// What the sniffers make of the chunks when no more can be read.
fn last_pass<const RUNS: bool>(input: &Input<'_>) -> Box<sniff::Detected> {
    viewed::<RUNS, _>(input.size, input.chunks, true, |v| {
        sniff::sniff(v).unwrap_or_else(|_| sniff::Detected::unread())
    })
}

/// One step of a stateless read loop: the report when `chunks` suffice (or the read budget
/// is spent), else the next range to read. A file is sniffed once per step: the pass that
/// needs nothing more gives the report.
pub fn next_or_report(input: &Input<'_>) -> Result<Report, ByteRange> {
    report_step::<false>(input, input.chunks.len())
}

/// [`next_or_report`] for a caller that joins touching chunks itself (the JS face; the
/// ranges asked for never overlap): `input.chunks` neither touch nor overlap, and hold what
/// `reads` reads gave (the budget counts reads). Nothing is joined in here.
pub fn next_or_report_runs(input: &Input<'_>, reads: usize) -> Result<Report, ByteRange> {
    report_step::<true>(input, reads)
}

fn report_step<const RUNS: bool>(input: &Input<'_>, reads: usize) -> Result<Report, ByteRange> {
    let found = match step::<RUNS>(input.size, input.chunks, reads) {
        Ok(found) => found,
        Err(Some(range)) => return Err(range),
        Err(None) => last_pass::<RUNS>(input),
    };
    Ok(rules::evaluate(input.size, &found, &input.options))
}

/// Validates a file held in memory, reading only the ranges the sniffers ask for.
///
/// ```
/// use sinch_whatsapp::core::media::{validate_bytes, MessageType, Options};
/// let report = validate_bytes(b"name,qty\napples,3\n", &Options::default());
/// assert!(report.ok);
/// assert_eq!(report.mime_type.as_deref(), Some("text/csv"));
/// assert_eq!(report.message_type, Some(MessageType::Document));
/// ```
pub fn validate_bytes(bytes: &[u8], options: &Options<'_>) -> Report {
    let size = bytes.len() as u64;
    let mut chunks: Vec<Chunk<'_>> = Vec::new();
    while let Some(r) = next_read(size, &chunks) {
        let slice = usize::try_from(r.start)
            .ok()
            .zip(usize::try_from(r.end).ok())
            .and_then(|(s, e)| bytes.get(s..e));
        let Some(slice) = slice else { break };
        chunks.push(Chunk {
            offset: r.start,
            bytes: slice,
        });
    }
    validate(&Input {
        size,
        chunks: &chunks,
        options: *options,
    })
}

/// The read loop with owned buffers: ask [`Preflight::next_read`], read that range,
/// [`Preflight::supply`] it, repeat; then [`Preflight::finish`].
///
/// ```
/// use sinch_whatsapp::core::media::{Options, Preflight};
/// let file = b"%PDF-1.7\n...\n%%EOF\n";
/// let mut p = Preflight::new(file.len() as u64);
/// while let Some(r) = p.next_read() {
///     p.supply(r.start, &file[r.start as usize..r.end as usize]);
/// }
/// let report = p.finish(&Options::default());
/// assert_eq!(report.mime_type.as_deref(), Some("application/pdf"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Preflight {
    size: u64,
    chunks: Vec<(u64, Vec<u8>)>,
    /// What the last [`Preflight::next_read`] found when it needed nothing more: `finish`
    /// then sniffs no second time (the last pass would find the same, as nothing is missing).
    found: Option<Box<sniff::Detected>>,
}

impl Preflight {
    /// A preflight of a file of `size` bytes.
    pub fn new(size: u64) -> Preflight {
        Preflight {
            size,
            chunks: Vec::new(),
            found: None,
        }
    }

    /// The file size.
    pub fn size(&self) -> u64 {
        self.size
    }

    fn with_chunks<T>(&self, f: impl FnOnce(&[Chunk<'_>]) -> T) -> T {
        let chunks: Vec<Chunk<'_>> = self
            .chunks
            .iter()
            .map(|(offset, bytes)| Chunk {
                offset: *offset,
                bytes,
            })
            .collect();
        f(&chunks)
    }

    /// The next range to read, or `None` when done.
    pub fn next_read(&mut self) -> Option<ByteRange> {
        match self.with_chunks(|c| step::<false>(self.size, c, c.len())) {
            Ok(found) => {
                self.found = Some(found);
                None
            }
            Err(range) => range,
        }
    }

    /// Stores bytes read at `offset` (copied; cut to what is left of [`MAX_READ_BYTES`]).
    pub fn supply(&mut self, offset: u64, bytes: &[u8]) {
        let left = MAX_READ_BYTES.saturating_sub(self.bytes_read());
        let keep = usize::try_from(left).unwrap_or(usize::MAX).min(bytes.len());
        if keep > 0 && self.chunks.len() < MAX_READS {
            self.found = None;
            self.chunks
                .push((offset, bytes.get(..keep).unwrap_or(bytes).to_vec()));
        }
    }

    /// How many bytes were supplied.
    pub fn bytes_read(&self) -> u64 {
        self.chunks.iter().map(|(_, b)| b.len() as u64).sum()
    }

    /// The report.
    pub fn finish(&self, options: &Options<'_>) -> Report {
        if let Some(found) = &self.found {
            return rules::evaluate(self.size, found, options);
        }
        self.with_chunks(|chunks| {
            validate(&Input {
                size: self.size,
                chunks,
                options: *options,
            })
        })
    }
}

#[cfg(test)]
mod tests;
