//! The OLE2 sniffer on made-up compound files.

use super::*;
use crate::core::media::sniff::test_util::sniff_all;

fn entry(name: &str, kind: u8) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    for (i, c) in name.bytes().enumerate() {
        e[i * 2] = c;
    }
    e[64..66].copy_from_slice(&((name.len() as u16 + 1) * 2).to_le_bytes());
    e[66] = kind;
    e
}

/// A v3 file: header, FAT in sector 0, directory in sectors 1 and 2 (chained).
fn compound(first: &[&str], second: &[&str]) -> Vec<u8> {
    let mut b = vec![0u8; 512];
    b[..8].copy_from_slice(SIGNATURE);
    b[0x1A] = 3;
    b[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
    b[0x1E] = 9;
    b[0x2C] = 1;
    b[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
    b[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes());
    for i in 1..109 {
        b[0x4C + i * 4..0x50 + i * 4].copy_from_slice(&u32::MAX.to_le_bytes());
    }
    let mut fat = vec![0xFFu8; 512];
    fat[..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
    fat[4..8].copy_from_slice(&2u32.to_le_bytes());
    fat[8..12].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
    b.extend_from_slice(&fat);
    for names in [first, second] {
        let mut sector = Vec::new();
        for (i, n) in names.iter().enumerate() {
            sector.extend_from_slice(&entry(n, if i == 0 && *n == "Root Entry" { 5 } else { 2 }));
        }
        sector.resize(512, 0);
        b.extend_from_slice(&sector);
    }
    b
}

#[test]
fn root_class_ids() {
    // {00020906-0000-0000-C000-000000000046} as stored: the first three fields little-endian.
    let mut word = vec![
        0x06, 0x09, 0x02, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46,
    ];
    assert_eq!(class_kind(&word), Some(Kind::Doc));
    word[0] = 0x00;
    assert_eq!(class_kind(&word), Some(Kind::Doc));
    word[0] = 0x20;
    word[1] = 0x08;
    assert_eq!(class_kind(&word), Some(Kind::Xls));
    // Any other byte of the Office tail, and the id is not Office's.
    for i in 4..16 {
        let mut other = word.clone();
        other[i] ^= 0x01;
        assert_eq!(class_kind(&other), None, "{i}");
    }
    assert_eq!(class_kind(&word[..15]), None);
    let ppt = [
        0x10, 0x8D, 0x81, 0x64, 0x9B, 0x4F, 0xCF, 0x11, 0x86, 0xEA, 0, 0xAA, 0, 0xB9, 0x29, 0xE8,
    ];
    assert_eq!(class_kind(&ppt), Some(Kind::Ppt));
}

#[test]
fn follows_the_directory_chain() {
    let b = compound(&["Root Entry", "\u{1}CompObj"], &["PowerPoint Document"]);
    assert_eq!(sniff_all(&b).kind, Some(Kind::Ppt));
    let b = compound(&["Root Entry", "Book"], &[]);
    assert_eq!(sniff_all(&b).kind, Some(Kind::Xls));
    let b = compound(&["Root Entry", "Contents"], &[]);
    assert_eq!(sniff_all(&b).kind, Some(Kind::Ole));
}

#[test]
fn encrypted_files() {
    let b = compound(
        &["Root Entry", "EncryptionInfo"],
        &["EncryptedPackage", "\u{6}DataSpaces"],
    );
    let d = sniff_all(&b);
    assert_eq!(d.kind, Some(Kind::EncryptedOffice));
    assert_eq!(d.notes[0].code, IssueCode::MediaEncrypted);
    let b = compound(
        &["Root Entry", "PowerPoint Document"],
        &["EncryptedSummary"],
    );
    let d = sniff_all(&b);
    assert_eq!((d.kind, d.notes.len()), (Some(Kind::Ppt), 1));
    // One of the two streams alone is not an encrypted package.
    let d = sniff_all(&compound(&["Root Entry", "EncryptionInfo"], &[]));
    assert_eq!((d.kind, d.notes.len()), (Some(Kind::Ole), 0));
}

#[test]
fn truncated_and_hostile() {
    let b = compound(&["Root Entry"], &["WordDocument"]);
    let d = sniff_all(&b[..1100]);
    assert!(d.damage.unwrap().fatal);
    assert!(sniff_all(&b[..100]).damage.unwrap().fatal);
    // A directory chain that loops on itself stops after MAX_DIR_SECTORS.
    let mut looped = compound(&["Root Entry"], &["Nothing"]);
    looped[512 + 8..512 + 12].copy_from_slice(&1u32.to_le_bytes());
    assert_eq!(sniff_all(&looped).kind, Some(Kind::Ole));
    // A first directory sector far beyond the file.
    let mut far = b.clone();
    far[0x30..0x34].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    assert!(sniff_all(&far).damage.unwrap().fatal);
}
