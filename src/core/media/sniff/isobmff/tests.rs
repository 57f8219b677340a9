//! The ISO BMFF sniffer: brands, boxes, tracks and broken structure.

use super::codec::object_type;
use super::*;
use crate::core::media::sniff::test_util::{sniff_all, sniff_sized};

fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

fn ftyp(major: &[u8; 4]) -> Vec<u8> {
    let mut body = major.to_vec();
    body.extend_from_slice(&[0, 0, 2, 0]);
    body.extend_from_slice(b"isomiso2mp41");
    bx(b"ftyp", &body)
}

fn trak(handler: &[u8; 4], entry: &[u8; 4], entry_body: &[u8]) -> Vec<u8> {
    let mut hdlr = vec![0u8; 8];
    hdlr.extend_from_slice(handler);
    hdlr.extend_from_slice(&[0; 13]);
    let mut stsd = vec![0, 0, 0, 0, 0, 0, 0, 1];
    stsd.extend_from_slice(&bx(entry, entry_body));
    let stbl = bx(b"stbl", &bx(b"stsd", &stsd));
    let minf = bx(b"minf", &stbl);
    let mut mdia = bx(b"hdlr", &hdlr);
    mdia.extend_from_slice(&minf);
    bx(b"trak", &bx(b"mdia", &mdia))
}

fn esds(oti: u8) -> Vec<u8> {
    let mut e = vec![0u8; 28]; // sound sample entry fields (version 0)
    let body = [0, 0, 0, 0, 0x03, 0x19, 0, 1, 0, 0x04, 0x11, oti, 0x15];
    e.extend_from_slice(&bx(b"esds", &body));
    e
}

fn movie(traks: &[Vec<u8>]) -> Vec<u8> {
    bx(b"moov", &traks.concat())
}

#[test]
fn tracks_and_codecs() {
    let moov = movie(&[
        trak(b"vide", b"avc1", &[0; 70]),
        trak(b"soun", b"mp4a", &esds(0x40)),
    ]);
    let file = [ftyp(b"isom"), moov.clone(), bx(b"mdat", &[1, 2, 3])].concat();
    let d = sniff_all(&file);
    assert_eq!(d.kind, Some(Kind::Mp4Video));
    assert_eq!((d.video, d.audio), (Some(Codec::H264), Some(Codec::Aac)));
    assert!(d.damage.is_none(), "{:?}", d.damage);
    // The same with the movie at the end, after a large media data box.
    let file = [ftyp(b"isom"), bx(b"mdat", &vec![7u8; 200_000]), moov].concat();
    let d = sniff_all(&file);
    assert_eq!((d.video, d.audio), (Some(Codec::H264), Some(Codec::Aac)));
    assert!(d.damage.is_none());
    // MP3 inside mp4a; audio only: audio/mp4.
    let file = [
        ftyp(b"isom"),
        movie(&[trak(b"soun", b"mp4a", &esds(0x6B))]),
        bx(b"mdat", &[]),
    ]
    .concat();
    let d = sniff_all(&file);
    assert_eq!((d.kind, d.audio), (Some(Kind::Mp4Audio), Some(Codec::Mp3)));
}

#[test]
fn truncation_and_hostile_sizes() {
    let moov = movie(&[trak(b"vide", b"hvc1", &[0; 70])]);
    let mut file = [ftyp(b"isom"), moov, bx(b"mdat", &[0; 100])].concat();
    file.truncate(file.len() - 50);
    let d = sniff_all(&file);
    assert_eq!(d.video, Some(Codec::Hevc));
    assert!(d.damage.unwrap().fatal);
    // A box claiming a huge 64-bit size.
    let mut hostile = ftyp(b"isom");
    hostile.extend_from_slice(&[0, 0, 0, 1, b'm', b'o', b'o', b'v']);
    hostile.extend_from_slice(&u64::MAX.to_be_bytes());
    assert!(sniff_all(&hostile).damage.unwrap().fatal);
    // A box claiming size 3.
    let hostile = [ftyp(b"isom"), vec![0, 0, 0, 3, b'f', b'r', b'e', b'e']].concat();
    assert!(sniff_all(&hostile).damage.unwrap().fatal);
    // No movie at all.
    let d = sniff_all(&[ftyp(b"isom"), bx(b"mdat", &[0; 10])].concat());
    assert!(d.damage.unwrap().fatal);
    // Movie beyond the bytes supplied, last pass: incomplete, typed by brand.
    let file = [ftyp(b"M4A "), bx(b"mdat", &vec![0u8; 10_000])].concat();
    let d = sniff_sized(&file, file.len() as u64 + 5000);
    assert_eq!(d.kind, Some(Kind::Mp4Audio));
    assert!(d.incomplete || d.damage.is_some());
}

#[test]
fn brands() {
    let img = |major: &[u8; 4]| sniff_all(&[ftyp(major), bx(b"meta", &[0; 8])].concat()).kind;
    assert_eq!(img(b"heic"), Some(Kind::Heic));
    assert_eq!(img(b"avif"), Some(Kind::Avif));
    assert_eq!(img(b"mif1"), Some(Kind::Heif));
    let moov = movie(&[trak(b"soun", b"samr", &[0; 28])]);
    let d = sniff_all(&[ftyp(b"3gp4"), moov, bx(b"mdat", &[])].concat());
    assert_eq!(
        (d.kind, d.audio),
        (Some(Kind::Audio3gpp), Some(Codec::AmrNb))
    );
    assert_eq!(object_type(&[]), None);
    // The family by the major brand's leading bytes; the other HEIF brands by the compatible ones.
    let family = |major: &[u8; 4]| classify(major, b"isomavif");
    assert_eq!(family(b"3g2a"), Ok(Family::ThreeG2));
    assert_eq!(family(b"3g2 "), Ok(Family::ThreeG2));
    assert_eq!(family(b"3gp4"), Ok(Family::ThreeGp));
    assert_eq!(family(b"3ge6"), Ok(Family::ThreeGp));
    for other in [b"3G2a", b"g3p4", b"isom", b"3x2a", b" 3g2"] {
        assert_eq!(family(other), Ok(Family::Mp4), "{other:?}");
    }
    for heif in [b"mif1", b"msf1", b"miaf"] {
        assert_eq!(family(heif), Err(Kind::Avif));
        assert_eq!(classify(heif, b"isomheix"), Err(Kind::Heic));
        assert_eq!(classify(heif, b"isom"), Err(Kind::Heif));
    }
    assert_eq!(family(b"mif2"), Ok(Family::Mp4));
}
