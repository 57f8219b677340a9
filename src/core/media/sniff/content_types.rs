//! An OOXML file's exact type (document, template or slide show, with or without macros): the
//! content type of its main part in `[Content_Types].xml`, an entry read at its local header
//! (at most [`MAX_TYPES`] bytes, compressed) and inflated (at most [`MAX_TYPES_XML`] bytes).
//! Office writes it first (inside the head), LibreOffice last (inside the tail already read).

use super::inflate::inflate;
use super::zip::Stop;
use super::Why;
use crate::core::media::ooxml::Ooxml;
use crate::core::media::view::{find, le16, View};
use crate::core::media::words::decode_utf8;

/// At most this much of `[Content_Types].xml` is read (compressed), and inflated.
const MAX_TYPES: u64 = 8 * 1024;
const MAX_TYPES_XML: usize = 64 * 1024;
/// The main part is named in the first KiB or so (at 571 to 962 bytes in the corpus' OOXML
/// files, of 1.3 to 5.2 KB): this much is inflated first, all of it only when it is not there.
const FIRST_XML: usize = 2 * 1024;

/// Where an entry's data is, from its central directory record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub method: u16,
    pub compressed: u64,
    pub local: u64,
}

/// The exact OOXML type from `[Content_Types].xml`; `None` when it does not name one (or is
/// too large, or stored in a way this does not read).
pub(super) fn content_types(v: &View<'_>, e: Entry) -> Result<Option<Ooxml>, Stop> {
    if e.compressed > MAX_TYPES || !matches!(e.method, 0 | 8) {
        return Ok(None);
    }
    let want = 30 + 64 + e.compressed;
    let header = v.read(e.local, 30, want)?;
    let (Some(n), Some(extra)) = (le16(header, 26), le16(header, 28)) else {
        return Ok(None);
    };
    if !header.starts_with(b"PK\x03\x04") {
        return Err(Stop::Broken(Why::TypesEntry));
    }
    let start = e.local + 30 + u64::from(n) + u64::from(extra);
    let data = v.read(start, e.compressed as usize, e.compressed)?;
    // Stored: read in place; deflated: inflated into a buffer of its own, the first
    // [`FIRST_XML`] bytes first (the inflated text's prefix: what it names, the whole names).
    if e.method == 0 {
        return Ok(main_part(data));
    }
    Ok(main_part(&inflate(data, FIRST_XML)).or_else(|| main_part(&inflate(data, MAX_TYPES_XML))))
}

/// The type named by the first main-part content type in `[Content_Types].xml`.
fn main_part(xml: &[u8]) -> Option<Ooxml> {
    const ATTR: &[u8] = b"ContentType=\"";
    let mut rest = xml;
    while let Some(i) = find(rest, ATTR) {
        rest = rest.get(i + ATTR.len()..)?;
        let end = find(rest, b"\"")?;
        let raw = rest.get(..end)?;
        // Only a main part's type is decoded (an allocation each): it ends in `.main+xml`.
        if find(raw, b".main+xml").is_none() {
            continue;
        }
        let value = decode_utf8(raw, false, false).unwrap_or_default();
        if let Some(o) = Ooxml::from_main_content_type(&value) {
            return Some(o);
        }
    }
    None
}
