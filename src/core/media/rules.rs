//! The WhatsApp rules (api.md, "Accepted media") applied to what the sniffers found.
//!
//! Sizes: every limit is checked under both readings of "MB" (10^6 and 2^20 bytes). Between
//! them: `media_size_ambiguous` (warning). Above the 2^20 reading: over 100 MB is
//! `media_too_large` (error); over a post-processing limit (image 5 MB, audio and video 16 MB)
//! is `media_over_processing_limit` (warning: WhatsApp may recompress the file); a static
//! sticker over 100 KB, or an animated one over 500 KB, is `media_sticker_too_large` (error).
//! Limits are inclusive.
//!
//! Best fit when no message type is intended: JPEG/PNG → image, WebP → sticker, MP4/3GP with
//! video → video, audio types → audio, documents → document. When the preferred type has
//! errors that the document type has not (a 300x200 WebP, an HEVC MP4, an Ogg Vorbis file, a
//! lossless JPEG, MPEG Layer II audio), the document type is chosen and the preferred type's
//! errors are kept as warnings.

use super::declared::{encrypted_office_mime, extension, mismatch};
use super::kind::{Codec, Kind};
use super::report::{add, Details, Issue, IssueCode, MessageType, Report, Severity};
use super::sniff::Detected;
use super::typed::{for_type, preferred};
use super::words::{fill, group, trim};
use super::Options;
use crate::prelude::*;
use IssueCode::*;
use Severity::{Error, Warning};

const MB: u64 = 1_000_000;
const MIB: u64 = 1 << 20;
/// Every upload: 100 MB.
const UPLOAD_MB: u64 = 100;

/// Builds the report for a file of `size` bytes.
pub(crate) fn evaluate(size: u64, d: &Detected, options: &Options<'_>) -> Report {
    let declared = match options.declared_mime.map(trim) {
        Some(s) if !s.is_empty() => Some(s.to_string()),
        _ => None,
    };
    let mut report = Report {
        ok: false,
        message_type: options.intended,
        mime_type: d.kind.map(|k| match k {
            Kind::EncryptedOffice => {
                encrypted_office_mime(options.declared_mime, options.file_name)
                    .unwrap_or(k.mime())
                    .to_string()
            }
            _ => k.mime().to_string(),
        }),
        declared_mime_type: declared,
        size,
        issues: Vec::new(),
        details: details(d),
    };
    if size == 0 {
        add(
            &mut report.issues,
            MediaEmpty,
            Error,
            "The file is empty (0 bytes).",
            &[],
        );
        return report;
    }
    let mut issues = common(size, d, options, report.declared_mime_type.as_deref());
    if let Some(kind) = d.kind.filter(|k| k.accepted()) {
        let (chosen, mut typed) = choose(size, kind, d, options.intended);
        report.message_type = Some(chosen);
        issues.append(&mut typed);
    }
    report.ok = !issues.iter().any(|i| i.severity == Severity::Error);
    report.issues = issues;
    report
}

fn details(d: &Detected) -> Details {
    Details {
        width: d.width,
        height: d.height,
        animated: matches!(d.kind, Some(Kind::Webp)).then_some(d.animated),
        video_codec: d.video.map(Codec::id),
        audio_codec: d.audio.map(Codec::id),
    }
}

/// Issues that do not depend on the message type (`declared`: the declared type, trimmed).
fn common(size: u64, d: &Detected, options: &Options<'_>, declared: Option<&str>) -> Vec<Issue> {
    let mut out = Vec::new();
    let what = d.kind.map_or("file", Kind::label);
    // A broken ZIP or OLE2 file whose inner type could not be read: only the damage is sure.
    let fatal = d.damage.as_ref().is_some_and(|x| x.fatal);
    let unreadable = fatal && matches!(d.kind, Some(Kind::Zip | Kind::Ole));
    match d.kind {
        None => {
            let declared = declared.map_or(String::new(), |m| fill(" (declared as {})", &[m]));
            add(
                &mut out,
                MediaUnsupportedType,
                Error,
                "The content{} is not recognised as any type WhatsApp accepts.",
                &[&declared],
            );
        }
        Some(_) if unreadable => {}
        Some(k) if !k.accepted() => add(
            &mut out,
            MediaUnsupportedType,
            Error,
            "The content is {} {} ({}), which WhatsApp does not accept for any message type.",
            &[k.article(), k.label(), k.mime()],
        ),
        Some(_) => {}
    }
    if let Some(damage) = &d.damage {
        let severity = if damage.fatal { Error } else { Warning };
        add(
            &mut out,
            MediaTruncated,
            severity,
            "The {} {}.",
            &[what, &damage.reason],
        );
    }
    for note in &d.notes {
        add(&mut out, note.code, Warning, "{}", &[&note.message]);
    }
    if let Some(Kind::Office(o)) = d
        .kind
        .filter(|k| matches!(k, Kind::Office(o) if o.macros()))
    {
        add(
            &mut out,
            MediaMacroEnabled,
            Warning,
"The file is {} {}: recipients' mail and security tools often block macro-enabled files, and Office opens them with macros disabled.",
&[Kind::Office(o).article(), o.label()],
        );
    }
    if let Some(kind) = d.kind.filter(|_| !unreadable) {
        mismatch(kind, declared, &mut out);
        extension(kind, options.file_name, &mut out);
    }
    if d.not_utf8 {
        add(
            &mut out,
            MediaTextEncoding,
            Warning,
            "The text is not UTF-8 or UTF-16 (it looks like a legacy single-byte encoding such as Latin-1); it may show wrong characters.",
            &[],
        );
    }
    if d.incomplete {
        add(
            &mut out,
            MediaNotFullyChecked,
            Warning,
            "Only part of the {} could be checked: a needed part of the file was not read.",
            &[what],
        );
    }
    size_against(
        size,
        UPLOAD_MB,
        "100 MB",
        "any upload",
        &mut out,
        |out, over| {
            add(
            out,
            MediaTooLarge,
            Error,
"The file is {} bytes, over the 100 MB limit for any upload ({} bytes even if MB means 1,048,576 bytes).",
&[&group(size), &group(over)],
        )
        },
    );
    out
}

/// Adds `media_size_ambiguous` between the two readings of `mb` (`limit`: the same as text,
/// "5 MB"), or calls `over(out, limit)` above the 2^20 reading.
pub(super) fn size_against(
    size: u64,
    mb: u64,
    limit: &str,
    what: &str,
    out: &mut Vec<Issue>,
    over: impl FnOnce(&mut Vec<Issue>, u64),
) {
    let (lo, hi) = (mb * MB, mb * MIB);
    if size > hi {
        over(out, hi);
    } else if size > lo {
        ambiguous(out, size, limit, what, lo, hi);
    }
}

/// Adds `media_size_ambiguous`: `size` is over `limit` (`lo` bytes) but not over `hi`.
pub(super) fn ambiguous(
    out: &mut Vec<Issue>,
    size: u64,
    limit: &str,
    what: &str,
    lo: u64,
    hi: u64,
) {
    add(
        out,
        MediaSizeAmbiguous,
        Warning,
"The file is {} bytes: over the {} limit for {} if that means {} bytes, within it if it means {} bytes. Neither Sinch nor Meta says which; stay at or under {} bytes to be safe.",
&[&group(size), limit, what, &group(lo), &group(hi), &group(lo)],
    );
}

/// Picks the message type (the intended one, or the best fit) and returns its issues.
fn choose(
    size: u64,
    kind: Kind,
    d: &Detected,
    intended: Option<MessageType>,
) -> (MessageType, Vec<Issue>) {
    let t = intended.unwrap_or(preferred(kind));
    let issues = for_type(t, size, kind, d);
    // The intended type is kept whatever its issues; the best fit only when it has no error.
    if intended.is_some()
        || t == MessageType::Document
        || !issues.iter().any(|i| i.severity == Severity::Error)
    {
        return (t, issues);
    }
    // The document type takes every accepted kind (the only kinds chosen for) and has no
    // limit of its own: sendable as a document. Keep why not as the preferred type, as
    // warnings.
    let mut out = Vec::new();
    for i in issues.iter().filter(|i| i.severity == Severity::Error) {
        add(
            &mut out,
            i.code,
            Warning,
            "{} It can still be sent as a document.",
            &[&i.message],
        );
    }
    (MessageType::Document, out)
}

#[cfg(test)]
mod tests {
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
}
