//! Formats told by a fixed signature alone: PDF, RTF, tar, Matroska/WebM, gzip, 7-Zip, RAR,
//! Windows (PE), ELF and Mach-O executables.

use super::{settle, Detected, Step};
use crate::core::media::kind::Kind;
use crate::core::media::view::{find, has_at, le32, u8_at, View};

/// PDF readers look for `%%EOF` in the last 1024 bytes.
const PDF_TAIL: u64 = 1024;

pub(super) fn sniff(v: &View<'_>, head: &[u8]) -> Option<Step> {
    if let Some(at) = find(head.get(..1024).unwrap_or(head), b"%PDF-") {
        // Readers accept junk before the header; text that merely mentions it is not a PDF.
        let junk = head.get(..at).unwrap_or(&[]);
        if at == 0 || junk.iter().any(|&b| b == 0 || b >= 0x80) {
            return Some(pdf(v));
        }
    }
    if head.starts_with(b"{\\rtf") {
        return Some(Ok(Detected::new(Kind::Rtf)));
    }
    if has_at(head, 257, b"ustar") {
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
        return None;
    };
    Some(Ok(Detected::new(kind)))
}

fn pdf(v: &View<'_>) -> Step {
    let d = Detected::new(Kind::Pdf);
    match v.tail(PDF_TAIL) {
        Ok(t) if find(t, b"%%EOF").is_some() => Ok(d),
        Ok(_) => Ok(d.damaged(false, "has no PDF end marker (%%EOF): it may be truncated")),
        Err(m) => settle(v, m, d),
    }
}

/// A tar archive is whole 512-byte records.
fn tar(v: &View<'_>) -> Detected {
    let d = Detected::new(Kind::Tar);
    if v.size % 512 != 0 {
        return d.damaged(
            true,
            "is not a whole number of tar records: it is truncated",
        );
    }
    d
}

/// Matroska or WebM, by the EBML header's DocType.
fn ebml(head: &[u8]) -> Detected {
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
    let magics: [[u8; 4]; 4] = [
        [0xFE, 0xED, 0xFA, 0xCE],
        [0xFE, 0xED, 0xFA, 0xCF],
        [0xCE, 0xFA, 0xED, 0xFE],
        [0xCF, 0xFA, 0xED, 0xFE],
    ];
    magics.iter().any(|m| head.starts_with(m))
}

/// `MZ`, and either the PE signature where the DOS header points or binary bytes (text that
/// happens to start with "MZ" has no NUL).
fn is_exe(head: &[u8]) -> bool {
    if !head.starts_with(b"MZ") || head.len() < 64 {
        return false;
    }
    let pe = le32(head, 0x3C)
        .and_then(|at| usize::try_from(at).ok())
        .is_some_and(|at| has_at(head, at, b"PE\0\0"));
    pe || head.get(..64).is_some_and(|h| h.contains(&0))
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
        let mut tar = vec![0u8; 1024];
        tar[..4].copy_from_slice(b"a.tx");
        tar[257..263].copy_from_slice(b"ustar\0");
        assert_eq!(sniff_all(&tar).kind, Some(Kind::Tar));
        assert!(sniff_all(&tar[..700]).damage.unwrap().fatal);
        let webm = [
            0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84, b'w', b'e', b'b',
            b'm',
        ];
        assert_eq!(sniff_all(&webm).kind, Some(Kind::Webm));
        assert_eq!(sniff_all(&webm[..9]).kind, Some(Kind::Matroska));
        assert_eq!(sniff_all(b"\x7FELF\x02\x01\x01").kind, Some(Kind::Elf));
        let mut exe = b"MZ".to_vec();
        exe.resize(64, 0);
        assert_eq!(sniff_all(&exe).kind, Some(Kind::Exe));
        let text = b"MZ is how this line of plain text starts, and it goes on long enough.";
        assert_eq!(sniff_all(text).kind, Some(Kind::Text));
    }
}
