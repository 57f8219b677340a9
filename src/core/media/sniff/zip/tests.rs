//! The ZIP sniffer: OOXML, ODF, EPUB and plain archives, and broken structure.

use super::*;
use crate::core::media::sniff::test_util::{sniff_all, sniff_sized};

/// A stored-only ZIP with the given entries.
fn zip(entries: &[(&str, &[u8])], comment: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut dir = Vec::new();
    for (name, data) in entries {
        let off = out.len() as u32;
        let mut local = b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&[0, 0]);
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(data);
        out.extend_from_slice(&local);
        let mut c = b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
        c.extend_from_slice(&(data.len() as u32).to_le_bytes());
        c.extend_from_slice(&(data.len() as u32).to_le_bytes());
        c.extend_from_slice(&(name.len() as u16).to_le_bytes());
        c.extend_from_slice(&[0; 12]);
        c.extend_from_slice(&off.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        dir.extend_from_slice(&c);
    }
    let cd_off = out.len() as u32;
    out.extend_from_slice(&dir);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    let n = entries.len() as u16;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_off.to_le_bytes());
    out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
    out.extend_from_slice(comment);
    out
}

#[test]
fn office_open_xml_and_odf() {
    let docx = zip(
        &[
            ("_rels/.rels", b"x"),
            ("word/document.xml", b"x"),
            ("[Content_Types].xml", b"x"),
        ],
        b"",
    );
    assert_eq!(sniff_all(&docx).kind, Some(Kind::Office(Ooxml::Docx)));
    let xlsx = zip(
        &[("[Content_Types].xml", b"x"), ("xl/workbook.xml", b"x")],
        b"",
    );
    assert_eq!(sniff_all(&xlsx).kind, Some(Kind::Office(Ooxml::Xlsx)));
    let no_types = zip(&[("word/document.xml", b"x")], b"");
    assert_eq!(sniff_all(&no_types).kind, Some(Kind::Zip));
    let odp = zip(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.presentation",
            ),
            ("content.xml", b"x"),
        ],
        b"",
    );
    assert_eq!(sniff_all(&odp).kind, Some(Kind::Odp));
}

#[test]
fn exact_office_types() {
    let types = b"<Types><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml\"/></Types>";
    let ppsx = zip(
        &[
            ("[Content_Types].xml", types),
            ("ppt/presentation.xml", b"x"),
        ],
        b"",
    );
    assert_eq!(sniff_all(&ppsx).kind, Some(Kind::Office(Ooxml::Ppsx)));
    // Unreadable content types: the names decide, macros by a VBA project.
    let xlsm = zip(
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"x"),
            ("xl/vbaProject.bin", b"x"),
        ],
        b"",
    );
    assert_eq!(sniff_all(&xlsm).kind, Some(Kind::Office(Ooxml::Xlsm)));
}

#[test]
fn a_main_part_named_late_in_deflated_content_types() {
    // `[Content_Types].xml` deflated (as stored DEFLATE blocks), the main part named after
    // `pad` bytes of other types: found in the first part inflated, or in the whole.
    for pad in [0, 3000] {
        let mut xml = b"<Types>".to_vec();
        xml.resize(7 + pad, b' ');
        xml.extend_from_slice(b"<Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml\"/></Types>");
        // One final stored block.
        let len = xml.len() as u16;
        let mut deflated = vec![1];
        deflated.extend_from_slice(&len.to_le_bytes());
        deflated.extend_from_slice(&(!len).to_le_bytes());
        deflated.extend_from_slice(&xml);
        let mut ppsx = zip(
            &[
                ("[Content_Types].xml", &deflated),
                ("ppt/presentation.xml", b"x"),
            ],
            b"",
        );
        // Method 8 (deflated) in the local header and in the central directory record.
        ppsx[8] = 8;
        let central = find(&ppsx, b"PK\x01\x02").unwrap();
        ppsx[central + 10] = 8;
        assert_eq!(
            sniff_all(&ppsx).kind,
            Some(Kind::Office(Ooxml::Ppsx)),
            "{pad}"
        );
    }
}

#[test]
fn end_record_behind_a_long_comment() {
    let mut big = vec![b'A'; 1_000_000];
    big.push(b'B');
    let docx = zip(
        &[
            ("[Content_Types].xml", b"x"),
            ("ppt/presentation.xml", &big),
        ],
        &[b'c'; 40_000],
    );
    let d = sniff_all(&docx);
    assert_eq!((d.kind, d.damage), (Some(Kind::Office(Ooxml::Pptx)), None));
}

#[test]
fn truncated_and_hostile() {
    let docx = zip(
        &[
            ("[Content_Types].xml", b"x"),
            ("word/document.xml", &[7; 100]),
        ],
        b"",
    );
    let d = sniff_all(&docx[..docx.len() - 30]);
    assert_eq!(d.kind, Some(Kind::Office(Ooxml::Docx)));
    assert!(d.damage.unwrap().fatal);
    // A directory offset beyond the end record.
    let mut bad = docx.clone();
    let at = bad.len() - 6;
    bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(sniff_all(&bad).damage.unwrap().fatal);
    // An entry count far larger than the directory.
    let mut bad = docx.clone();
    let at = bad.len() - 12;
    bad[at..at + 2].copy_from_slice(&[0xFE, 0xFF]);
    assert!(sniff_all(&bad).damage.unwrap().fatal);
    // Only the head read (last pass): a guess, marked incomplete.
    let d = sniff_sized(&docx[..30], 1_000_000);
    assert!(d.incomplete);
    assert_eq!(sniff_all(b"PK\x03\x04").kind, Some(Kind::Zip));
}
