//! Formats told by a fixed signature alone: PDF, RTF, tar, Matroska/WebM, gzip, 7-Zip, RAR,
//! Windows (PE), ELF and Mach-O executables.

use super::text::markup;
use super::{settle, Detected, Step, Why};
use crate::core::media::kind::Kind;
use crate::core::media::report::IssueCode;
use crate::core::media::view::{find, has_at, le32, u8_at, View};
use crate::core::media::words::{decimal, fill, latin1};
use crate::prelude::*;

/// PDF readers look for `%%EOF` in the last 1024 bytes, and for the header in the first 1024.
const PDF_TAIL: u64 = 1024;
const PDF_HEAD: usize = 1024;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    if head.starts_with(b"{\\rtf") {
        return Some(Ok(Detected::new(Kind::Rtf)));
    }
    if has_at(head, 257, b"ustar") || is_v7_tar(head) {
        return Some(Ok(tar(v)));
    }
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some(Ok(ebml(head)));
    }
    let kind = if head.starts_with(&[0x1F, 0x8B, 0x08]) {
        Kind::Gzip
    } else if head.starts_with(b"7z\xBC\xAF\x27\x1C") {
        Kind::SevenZip
    } else if head.starts_with(b"Rar!\x1A\x07") {
        Kind::Rar
    } else if head.starts_with(b"\x7FELF") {
        Kind::Elf
    } else if is_macho(head) {
        Kind::MachO
    } else if is_exe(head) {
        Kind::Exe
    } else {
        // The PDF header last: a signature at offset 0 wins over a `%PDF-` further on (an
        // executable or an archive with a PDF appended is not a PDF).
        let at = find(head.get(..PDF_HEAD).unwrap_or(head), b"%PDF-")?;
        return pdf(v, head, at);
    };
    Some(Ok(Detected::new(kind)))
}

/// A PDF whose header is at `at`. Readers accept bytes before it (a byte order mark, junk,
/// blank lines): a warning. Text before it must be followed by a PDF end (`%%EOF`), or the
/// file is text that mentions the header: `None`. Markup before it (an HTML or SVG page
/// with a PDF after its script), after a byte order mark or not, is that markup, which
/// browsers render.
fn pdf(v: &View<'_>, head: &[u8], at: usize) -> Option<Step> {
    let before = head.get(..at).unwrap_or(&[]);
    let binary = before.iter().any(|&b| b == 0 || b >= 0x80);
    // Markup after a UTF-8 byte order mark is markup too, as the text sniffer reads it
    // (`get`, where `<[u8]>::strip_prefix` links `split_at`'s panic).
    let bom = usize::from(before.starts_with(b"\xEF\xBB\xBF")) * 3;
    let lead = before.get(bom..).unwrap_or(before);
    if let Some(kind) = markup(&latin1(lead)) {
        return Some(Ok(Detected::new(kind)));
    }
    let mut d = Detected::new(Kind::Pdf);
    if at > 0 {
        d = d.note(
            IssueCode::MediaLeadingData,
            &fill(
"The PDF document has {} bytes before its %PDF- header: some tools may not read it.",
&[&decimal(at as u64)],
),
        );
    }
    Some(match v.tail(PDF_TAIL) {
        Ok(t) if find(t, b"%%EOF").is_some() => Ok(d),
        Ok(_) if at > 0 && !binary => return None,
        Ok(_) => Ok(d.broken(Why::PdfNoEof)),
        Err(m) => settle(v, m, d),
    })
}

/// A pre-POSIX (v7) tar header: no magic, but a name and a checksum that adds up (the sum of
/// the header's bytes, with the checksum field counted as spaces, in octal).
fn is_v7_tar(head: &[u8]) -> bool {
    let Some(h) = head.get(..512) else {
        return false;
    };
    let field = h.get(148..156).unwrap_or(&[]);
    // The octal digits after any spaces, read by hand (at most 8: no overflow); none, or an
    // 8 or 9 among them, is no checksum.
    let digits = field
        .iter()
        .skip_while(|&&b| b == b' ')
        .take_while(|b| b.is_ascii_digit());
    let mut stored = None;
    for &b in digits {
        if b > b'7' {
            return false;
        }
        stored = Some(stored.unwrap_or(0u32) * 8 + u32::from(b - b'0'));
    }
    let Some(stored) = stored else {
        return false;
    };
    let mut sum = 0u32;
    for (i, &b) in h.iter().enumerate() {
        sum += if (148..156).contains(&i) {
            32
        } else {
            u32::from(b)
        };
    }
    // A name, and not an all-zero block (whose checksum would be 256 spaces).
    h.first().is_some_and(|&b| b != 0) && stored == sum
}

/// A tar archive is whole 512-byte records.
fn tar(v: &View<'_>) -> Box<Detected> {
    let d = Detected::new(Kind::Tar);
    if v.size % 512 != 0 {
        return d.broken(Why::TarRecords);
    }
    d
}

/// Matroska or WebM, by the EBML header's DocType.
fn ebml(head: &[u8]) -> Box<Detected> {
    let top = head.get(..64).unwrap_or(head);
    let webm = find(top, &[0x42, 0x82])
        .and_then(|i| {
            let len = usize::from(u8_at(top, i + 2)? & 0x7F);
            top.get(i + 3..i + 3 + len)
        })
        .is_some_and(|t| t == b"webm");
    Detected::new(if webm { Kind::Webm } else { Kind::Matroska })
}

fn is_macho(head: &[u8]) -> bool {
    // The four magic numbers, each read little-endian (`FEEDFACE`, `FEEDFACF` and their
    // byte-swapped forms): one read, not a slice comparison each.
    matches!(
        le32(head, 0),
        Some(0xCEFA_EDFE | 0xCFFA_EDFE | 0xFEED_FACE | 0xFEED_FACF)
    )
}

/// `MZ`, and either the PE signature where the DOS header points or binary bytes (text that
/// happens to start with "MZ" has no NUL).
// A plain scan for the NUL, not `contains(&0)`: that links the word-at-a-time `memchr`
// (129 B gzip more in the preflight's wasm).
#[allow(clippy::manual_contains)]
fn is_exe(head: &[u8]) -> bool {
    if !head.starts_with(b"MZ") || head.len() < 64 {
        return false;
    }
    let pe = le32(head, 0x3C)
        .and_then(|at| usize::try_from(at).ok())
        .is_some_and(|at| has_at(head, at, b"PE\0\0"));
    pe || head.get(..64).is_some_and(|h| h.iter().any(|&b| b == 0))
}

#[cfg(test)]
mod tests {
    use crate::core::media::kind::Kind;
    use crate::core::media::sniff::test_util::sniff_all;

    #[test]
    fn signatures() {
        assert_eq!(sniff_all(b"{\\rtf1\\ansi hello}").kind, Some(Kind::Rtf));
        let d = sniff_all(b"%PDF-1.7\n1 0 obj\n%%EOF\n");
        assert_eq!((d.kind, d.damage), (Some(Kind::Pdf), None));
        assert!(!sniff_all(b"%PDF-1.7\n1 0 obj\n").damage.unwrap().fatal);
        // Leading bytes: a PDF with a warning; text that mentions the header is text.
        let d = sniff_all(b"\r\n  junk\n%PDF-1.4\n1 0 obj\n%%EOF\n");
        assert_eq!((d.kind, d.notes.len()), (Some(Kind::Pdf), 1));
        let d = sniff_all(b"A PDF starts with %PDF-1.4 and ends with a marker.\n");
        assert_eq!(d.kind, Some(Kind::Text));
        let mut tar = vec![0u8; 1024];
        tar[..4].copy_from_slice(b"a.tx");
        tar[257..263].copy_from_slice(b"ustar\0");
        assert_eq!(sniff_all(&tar).kind, Some(Kind::Tar));
        assert!(sniff_all(&tar[..700]).damage.unwrap().fatal);
        // v7: no magic, the checksum adds up.
        let mut v7 = vec![0u8; 1024];
        v7[..5].copy_from_slice(b"a.txt");
        v7[100..107].copy_from_slice(b"000644 ");
        let sum: u32 = v7[..512].iter().map(|&b| u32::from(b)).sum::<u32>() + 8 * 32;
        v7[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        assert_eq!(sniff_all(&v7).kind, Some(Kind::Tar));
        v7[0] = b'b';
        assert_eq!(sniff_all(&v7).kind, None);
        let webm = [
            0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84, b'w', b'e', b'b',
            b'm',
        ];
        assert_eq!(sniff_all(&webm).kind, Some(Kind::Webm));
        assert_eq!(sniff_all(&webm[..9]).kind, Some(Kind::Matroska));
        assert_eq!(sniff_all(b"\x7FELF\x02\x01\x01").kind, Some(Kind::Elf));
        for magic in [
            [0xFE, 0xED, 0xFA, 0xCE],
            [0xFE, 0xED, 0xFA, 0xCF],
            [0xCE, 0xFA, 0xED, 0xFE],
            [0xCF, 0xFA, 0xED, 0xFE],
        ] {
            assert_eq!(
                sniff_all(&[&magic[..], &[7, 0, 0, 1]].concat()).kind,
                Some(Kind::MachO)
            );
            assert_ne!(sniff_all(&magic[..3]).kind, Some(Kind::MachO));
        }
        let mut exe = b"MZ".to_vec();
        exe.resize(64, 0);
        assert_eq!(sniff_all(&exe).kind, Some(Kind::Exe));
        let text = b"MZ is how this line of plain text starts, and it goes on long enough.";
        assert_eq!(sniff_all(text).kind, Some(Kind::Text));
    }

    /// A signature at offset 0 wins over a `%PDF-` within the first 1024 bytes; markup before
    /// the header is that markup; other text before it is junk in a PDF.
    #[test]
    fn a_pdf_after_another_format_is_that_format() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let mut exe = b"MZ".to_vec();
        exe.resize(64, 0);
        let mut tar = vec![0u8; 512];
        tar[..5].copy_from_slice(b"a.pdf");
        tar[257..263].copy_from_slice(b"ustar\0");
        let cases: [(&[u8], Kind); 9] = [
            (&exe, Kind::Exe),
            (b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", Kind::Elf),
            (&[0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1], Kind::MachO),
            (&tar, Kind::Tar),
            (
                b"<!DOCTYPE html><html><script>alert(1)</script><!--\n",
                Kind::Html,
            ),
            (
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script><!--",
                Kind::Svg,
            ),
            (
                b"\xEF\xBB\xBF<html><script>alert(1)</script><!--\n",
                Kind::Html,
            ),
            (b"\xEF\xBB\xBF <svg onload='alert(1)'><!--", Kind::Svg),
            (b"HTTP/1.1 200 OK\r\n\r\n", Kind::Pdf),
        ];
        for (lead, kind) in cases {
            let mut b = lead.to_vec();
            b.extend_from_slice(pdf);
            assert_eq!(sniff_all(&b).kind, Some(kind), "{kind:?}");
        }
    }
}
