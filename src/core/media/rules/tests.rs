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
    *Detected::new(k)
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
            "at or over the 100 KB limit for static stickers as 100,000 bytes, within it as 102,400;"
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

/// Every size message word for word: each limit (upload, processing per type, sticker per
/// animation) over both readings and between them.
#[test]
fn size_messages_word_for_word() {
    let messages = |size: u64, d: &Detected, t: MessageType| -> Vec<String> {
        let r = report(size, d, Some(t));
        r.issues.into_iter().map(|i| i.message).collect()
    };
    let jpeg = kind(Kind::Jpeg);
    assert_eq!(
        messages(100 * MIB + 1, &jpeg, MessageType::Document),
        ["The file is 104,857,601 bytes, over the 100 MB limit for any upload even as 104,857,600 bytes."]
    );
    assert_eq!(
        messages(100_000_001, &jpeg, MessageType::Document),
        ["The file is 100,000,001 bytes: over the 100 MB limit for any upload as 100,000,000 bytes, within it as 104,857,600; stay at or under 100,000,000 to be safe."]
    );
    assert_eq!(
        messages(5 * MIB + 1, &jpeg, MessageType::Image),
        ["The file is 5,242,881 bytes, over the 5 MB processing limit for images even as 5,242,880 bytes: it may be recompressed."]
    );
    assert_eq!(
        messages(5_000_001, &jpeg, MessageType::Image),
        ["The file is 5,000,001 bytes: over the 5 MB limit for images as 5,000,000 bytes, within it as 5,242,880; stay at or under 5,000,000 to be safe."]
    );
    let mut mp4 = kind(Kind::Mp4Video);
    mp4.video = Some(Codec::H264);
    assert_eq!(
        messages(16_000_001, &mp4, MessageType::Video),
        ["The file is 16,000,001 bytes: over the 16 MB limit for videos as 16,000,000 bytes, within it as 16,777,216; stay at or under 16,000,000 to be safe."]
    );
    let ogg = kind(Kind::Ogg);
    assert_eq!(
        messages(16 * MIB + 1, &ogg, MessageType::Audio),
        ["The file is 16,777,217 bytes, over the 16 MB processing limit for audio even as 16,777,216 bytes: it may be recompressed."]
    );
    let mut webp = kind(Kind::Webp);
    webp.width = Some(512);
    webp.height = Some(512);
    assert_eq!(
        messages(102_401, &webp, MessageType::Sticker),
        ["The file is 102,401 bytes, not under the 100 KB limit for static stickers even as 102,400 bytes."]
    );
    webp.animated = true;
    assert_eq!(
        messages(512_001, &webp, MessageType::Sticker),
        ["The file is 512,001 bytes, not under the 500 KB limit for animated stickers even as 512,000 bytes."]
    );
    assert_eq!(
        messages(500_001, &webp, MessageType::Sticker),
        ["The file is 500,001 bytes: at or over the 500 KB limit for animated stickers as 500,000 bytes, within it as 512,000; stay under 500,000 to be safe."]
    );
    // The sticker limits are strict ("less than"): at a reading is past it.
    assert_eq!(
        messages(512_000, &webp, MessageType::Sticker),
        ["The file is 512,000 bytes, not under the 500 KB limit for animated stickers even as 512,000 bytes."]
    );
    webp.animated = false;
    assert_eq!(
        messages(100_000, &webp, MessageType::Sticker),
        ["The file is 100,000 bytes: at or over the 100 KB limit for static stickers as 100,000 bytes, within it as 102,400; stay under 100,000 to be safe."]
    );
    assert!(messages(99_999, &webp, MessageType::Sticker).is_empty());
    // The others are inclusive ("at most"): at the upper reading is within it.
    assert_eq!(
        report(100 * MIB, &jpeg, None).codes(),
        ["media_size_ambiguous", "media_over_processing_limit"]
    );
}

/// Every codec message word for word.
#[test]
fn codec_messages_word_for_word() {
    let messages = |d: &Detected, t: MessageType| -> Vec<String> {
        let r = report(1000, d, Some(t));
        r.issues.into_iter().map(|i| i.message).collect()
    };
    let mut mp4 = kind(Kind::Mp4Video);
    mp4.video = Some(Codec::Hevc);
    mp4.audio = Some(Codec::Other(*b"ab\0c"));
    assert_eq!(
        messages(&mp4, MessageType::Video),
        [
            "Video messages need H.264 video, not HEVC (H.265).",
            "Video messages need AAC audio, not an unknown codec (ab_c)."
        ]
    );
    let cases = [
        (
            Kind::Mp4Audio,
            Codec::Mp3,
            "Audio messages need AAC in MP4 audio, not MP3.",
        ),
        (
            Kind::Ogg,
            Codec::Vorbis,
            "Audio messages need Opus in Ogg audio, not Vorbis.",
        ),
        (
            Kind::Mp2,
            Codec::Mp2,
            "Audio messages need MP3 in MPEG audio (audio/mpeg), not MPEG Layer II.",
        ),
    ];
    for (k, c, message) in cases {
        let mut d = kind(k);
        d.audio = Some(c);
        assert_eq!(messages(&d, MessageType::Audio), [message]);
    }
    let mut aac = kind(Kind::Aac);
    aac.audio = Some(Codec::Mp3);
    assert!(messages(&aac, MessageType::Audio).is_empty());
}

/// Bytes missing before what decides the message type: an error naming it when the type was
/// asked for; as the best fit, the document type with it as a warning. Word for word.
#[test]
fn unchecked_deciding_parts_word_for_word() {
    let cases = [
        (Kind::Jpeg, MessageType::Image, "The JPEG image must use baseline or progressive coding for image messages; its frame type was not read."),
        (Kind::Mp4Video, MessageType::Video, "The MP4 video must use H.264 video and AAC audio for video messages; its codecs was not read."),
        (Kind::Mp4Audio, MessageType::Audio, "The MP4 (M4A) audio file must use AAC for audio messages; its codec was not read."),
        (Kind::Mp3, MessageType::Audio, "The MP3 audio file must use MPEG Layer III for audio messages; its layer was not read."),
    ];
    for (k, t, message) in cases {
        let mut d = kind(k);
        d.incomplete = true;
        d.undecided = true;
        let r = report(1000, &d, Some(t));
        assert_eq!(
            r.codes(),
            ["media_not_fully_checked", "media_not_fully_checked"]
        );
        assert_eq!((r.ok, r.issues[1].severity), (false, Severity::Error));
        assert_eq!(r.issues[1].message, message);
        let r = report(1000, &d, None);
        assert_eq!((r.ok, r.message_type), (true, Some(MessageType::Document)));
        assert_eq!(r.issues[1].severity, Severity::Warning);
        assert_eq!(
            r.issues[1].message,
            format!("{message} It can be sent as a document.")
        );
        // Undecided but all read (a broken file), or read in part but decided: no such issue.
        for (incomplete, undecided) in [(false, true), (true, false)] {
            d.incomplete = incomplete;
            d.undecided = undecided;
            let r = report(1000, &d, Some(t));
            assert!(
                r.issues.iter().all(|i| i.severity == Severity::Warning),
                "{k:?}"
            );
        }
    }
}
