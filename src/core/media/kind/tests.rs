//! The kinds' and codecs' tables: names, MIME types, labels and extensions.

use super::*;

#[test]
fn the_tables_follow_the_declaration() {
    let named = [
        (Kind::Jpeg, "image/jpeg", "JPEG image"),
        (Kind::Mp2, "audio/mpeg", "MPEG Layer I/II audio file"),
        (
            Kind::Ppt,
            "application/vnd.ms-powerpoint",
            "PowerPoint 97-2003 presentation",
        ),
        (
            Kind::EncryptedOffice,
            "application/octet-stream",
            "password-protected Office document",
        ),
        (Kind::OggFlac, "audio/ogg", "FLAC audio file in Ogg"),
        (Kind::Epub, "application/epub+zip", "EPUB book"),
    ];
    for (kind, mime, label) in named {
        assert_eq!((kind.mime(), kind.label()), (mime, label));
    }
    assert_eq!(Kind::Epub.row(), MIME.split('\n').count() - 1);
    assert_eq!(MIME.split('\n').count(), LABEL.split('\n').count());
    let docx = Kind::Office(Ooxml::Docx);
    assert_eq!(
        (docx.mime(), docx.label()),
        (Ooxml::Docx.mime(), Ooxml::Docx.field(ooxml::LABEL))
    );
    assert!(
        MIME.split('\n')
            .chain(LABEL.split('\n'))
            .filter(|s| s.is_empty())
            .count()
            == 2
    );
    let usual = [
        (Kind::Jpeg, "jfif"),
        (Kind::Mp2, "m2a"),
        (Kind::Ppt, "pot"),
        (Kind::Odt, "odt"),
        (Kind::Csv, "md"),
    ];
    for (kind, ext) in usual {
        assert_eq!(
            kind.extensions().split(' ').next_back(),
            Some(ext),
            "{kind:?}"
        );
    }
    assert_eq!(Kind::Csv.row(), EXTENSIONS.split('\n').count() - 1);
    for kind in [Kind::EncryptedOffice, Kind::JpegLs, Kind::Epub] {
        assert!(kind.extensions().is_empty(), "{kind:?}");
    }
    assert_eq!(Kind::Office(Ooxml::Pptm).extensions(), "pptm");
}
