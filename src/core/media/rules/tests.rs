//! WhatsApp's media rules applied to detected files.

use super::*;

fn report(size: u64, d: &Detected, intended: Option<MessageType>) -> Report {
    let options = Options {
        intended,
        ..Options::default()
    };
    evaluate(size, d, &options)
}

fn kind(k: Kind) -> Detected {
    Detected::new(k)
}

#[test]
fn image_sizes_under_both_readings() {
    let jpeg = kind(Kind::Jpeg);
    assert!(report(5_000_000, &jpeg, None).issues.is_empty());
    let r = report(5_100_000, &jpeg, None);
    assert_eq!(r.codes(), ["media_size_ambiguous"]);
    assert!(r.ok);
    let r = report(5 * MIB + 1, &jpeg, None);
    assert_eq!(r.codes(), ["media_over_processing_limit"]);
    assert_eq!(r.message_type, Some(MessageType::Image));
    assert!(r.ok);
    let r = report(100_000_001, &jpeg, None);
    assert_eq!(
        r.codes(),
        ["media_size_ambiguous", "media_over_processing_limit"]
    );
    assert!(r.ok);
    let r = report(100 * MIB + 1, &jpeg, None);
    assert_eq!(
        r.codes(),
        ["media_too_large", "media_over_processing_limit"]
    );
    assert!(!r.ok);
    assert!(r.issues[0].message.contains("100 MB"));
}

#[test]
fn stickers_fall_back_to_documents() {
    let mut webp = kind(Kind::Webp);
    webp.width = Some(512);
    webp.height = Some(512);
    let r = report(50_000, &webp, None);
    assert_eq!((r.message_type, r.ok), (Some(MessageType::Sticker), true));
    let r = report(101_000, &webp, None);
    assert_eq!(r.codes(), ["media_size_ambiguous"]);
    // A KB limit is read as 1,000 or 1,024 bytes (not "MB").
    assert!(
        r.issues[0].message.contains(
            "over the 100 KB limit for static stickers if that means 100,000 bytes, within it if it means 102,400 bytes."
        ),
        "{}",
        r.issues[0].message
    );
    let r = report(200_000, &webp, None);
    assert_eq!(r.message_type, Some(MessageType::Document));
    assert_eq!(r.codes(), ["media_sticker_too_large"]);
    assert_eq!(r.issues[0].severity, Severity::Warning);
    assert!(r.ok);
    let r = report(200_000, &webp, Some(MessageType::Sticker));
    assert!(!r.ok);
    // Animated: up to 500 KB.
    webp.animated = true;
    let r = report(450_000, &webp, None);
    assert_eq!((r.message_type, r.ok), (Some(MessageType::Sticker), true));
    let r = report(505_000, &webp, Some(MessageType::Sticker));
    assert_eq!((r.codes(), r.ok), (vec!["media_size_ambiguous"], true));
    let r = report(600_000, &webp, Some(MessageType::Sticker));
    assert_eq!((r.codes(), r.ok), (vec!["media_sticker_too_large"], false));
    webp.width = Some(100);
    let r = report(1000, &webp, Some(MessageType::Sticker));
    assert_eq!(r.codes(), ["media_sticker_dimensions"]);
    let r = report(1000, &webp, Some(MessageType::Image));
    assert_eq!(r.codes(), ["media_not_for_type"]);
}

#[test]
fn codecs() {
    let mut mp4 = kind(Kind::Mp4Video);
    mp4.video = Some(Codec::Hevc);
    mp4.audio = Some(Codec::Mp3);
    let r = report(1000, &mp4, Some(MessageType::Video));
    assert_eq!(r.codes(), ["media_video_codec", "media_audio_codec"]);
    assert!(!r.ok);
    let r = report(1000, &mp4, None);
    assert_eq!(r.message_type, Some(MessageType::Document));
    assert!(r.ok);
    let mut ogg = kind(Kind::Ogg);
    ogg.audio = Some(Codec::Vorbis);
    let r = report(1000, &ogg, Some(MessageType::Audio));
    assert_eq!(r.codes(), ["media_audio_codec"]);
}

#[test]
fn declared_types_and_names() {
    let d = kind(Kind::Jpeg);
    let check = |declared: &str, name: &str| {
        let options = Options {
            declared_mime: Some(declared),
            file_name: Some(name),
            intended: None,
        };
        evaluate(10, &d, &options)
    };
    assert!(check("image/jpeg", "a.JPG").issues.is_empty());
    assert!(check("IMAGE/JPG; q=1", "a.jpeg").issues.is_empty());
    assert!(check("application/octet-stream", "noext").issues.is_empty());
    let r = check("image/png", "a.png");
    assert_eq!(
        r.codes(),
        ["media_type_mismatch", "media_extension_mismatch"]
    );
    assert_eq!(r.issues[0].severity, Severity::Error);
    assert_eq!(r.issues[1].severity, Severity::Warning);
    let csv = kind(Kind::Csv);
    let options = Options {
        declared_mime: Some("application/vnd.ms-excel"),
        file_name: Some("data.csv"),
        intended: None,
    };
    let r = evaluate(10, &csv, &options);
    assert_eq!(r.codes(), ["media_type_mismatch"]);
    assert!(r.ok);
}

#[test]
fn encrypted_office_files_take_their_type_from_the_name() {
    let d = kind(Kind::EncryptedOffice);
    let mime = |declared, name| {
        let options = Options {
            declared_mime: declared,
            file_name: name,
            intended: None,
        };
        let r = evaluate(10, &d, &options);
        assert_eq!(r.message_type, Some(MessageType::Document));
        r.mime_type.unwrap()
    };
    assert_eq!(
        mime(None, Some("q3.pptx")),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    );
    assert_eq!(
        mime(
            Some("application/vnd.ms-excel.sheet.macroEnabled.12"),
            Some("x")
        ),
        "application/vnd.ms-excel.sheet.macroEnabled.12"
    );
    assert_eq!(mime(None, None), "application/octet-stream");
}

#[test]
fn empty_and_unknown() {
    let r = report(0, &Detected::unknown(), None);
    assert_eq!(
        (r.codes(), r.ok, r.message_type),
        (vec!["media_empty"], false, None)
    );
    let r = report(10, &Detected::unknown(), Some(MessageType::Document));
    assert_eq!(r.codes(), ["media_unsupported_type"]);
    assert_eq!(r.message_type, Some(MessageType::Document));
    let r = report(10, &kind(Kind::Gif), None);
    assert_eq!(
        (r.codes(), r.message_type),
        (vec!["media_unsupported_type"], None)
    );
}
