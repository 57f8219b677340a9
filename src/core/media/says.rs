//! The report's fixed messages: one text, a line each, with the issue's code and severity in
//! its first two bytes. A call site names its line ([`Say`]) and the words to fill in: one
//! constant where each call would otherwise pass a code, a severity and a template.

use super::kind::Kind;
use super::report::{add, Issue, IssueCode, IssueCode::*, Severity, Severity::*};
use super::words::nth;
use crate::prelude::*;

/// A line of [`SAYINGS`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Say {
    Empty,
    Unknown,
    NotAccepted,
    Broken,
    MaybeBroken,
    Macros,
    Legacy,
    Partial,
    OverUpload,
    OverProcessing,
    OverSticker,
    Ambiguous,
    NotForType,
    ImageCoding,
    AudioCodec,
    VideoCodec,
    VideoAudio,
    Unchecked,
    StickerSize,
    StickerUnread,
    Mismatch,
    NearMismatch,
    Extension,
}

/// Each [`Say`]'s code and severity, in its order.
const MEANING: [(IssueCode, Severity); 23] = [
    (MediaEmpty, Error),                 // Empty
    (MediaUnsupportedType, Error),       // Unknown
    (MediaUnsupportedType, Error),       // NotAccepted
    (MediaTruncated, Error),             // Broken
    (MediaTruncated, Warning),           // MaybeBroken
    (MediaMacroEnabled, Warning),        // Macros
    (MediaTextEncoding, Warning),        // Legacy
    (MediaNotFullyChecked, Warning),     // Partial
    (MediaTooLarge, Error),              // OverUpload
    (MediaOverProcessingLimit, Warning), // OverProcessing
    (MediaStickerTooLarge, Error),       // OverSticker
    (MediaSizeAmbiguous, Warning),       // Ambiguous
    (MediaNotForType, Error),            // NotForType
    (MediaImageCodec, Error),            // ImageCoding
    (MediaAudioCodec, Error),            // AudioCodec
    (MediaVideoCodec, Error),            // VideoCodec
    (MediaAudioCodec, Error),            // VideoAudio
    (MediaNotFullyChecked, Error),       // Unchecked
    (MediaStickerDimensions, Error),     // StickerSize
    (MediaStickerDimensions, Error),     // StickerUnread
    (MediaTypeMismatch, Error),          // Mismatch
    (MediaTypeMismatch, Warning),        // NearMismatch
    (MediaExtensionMismatch, Warning),   // Extension
];

/// A template per [`Say`], a line each in its order (see [`fill`](super::words::fill)); the size
/// messages fill one list: the size, the limit, what it is for, the upper and the lower reading,
/// then "over" and "at or under" ("at or over" and "under" for a strict limit).
const SAYINGS: &str = concat!(
    "The file is empty (0 bytes).\n",
    "The content{} is not recognised as any type WhatsApp accepts.\n",
    "The content is {} {} ({}), which WhatsApp does not accept for any message type.\n",
    "The {} {}.\n",
    "The {} {}.\n",
    "The file is {} {}: recipients' mail and security tools often block macro-enabled files, and Office opens them with macros disabled.\n",
    "The text is not UTF-8 or UTF-16 (it looks like a legacy single-byte encoding such as Latin-1); it may show wrong characters.\n",
    "Only part of the {} could be checked: a needed part of the file was not read.\n",
    "The file is {0} bytes, over the {1} limit for {2} ({3} bytes even if MB means 1,048,576 bytes).\n",
    "The file is {0} bytes, over the {1} limit for {2} after processing ({3} bytes even if MB means 1,048,576 bytes); WhatsApp may recompress it or fail to deliver it.\n",
    "The limit for {2} is less than {1}; this file is {0} bytes (not less than {3} bytes even if KB means 1,024 bytes).\n",
    "The file is {0} bytes: {5} the {1} limit for {2} if that means {4} bytes, within it if it means {3} bytes. Neither Sinch nor Meta says which; stay {6} {4} bytes to be safe.\n",
    "{3} {1} ({2}) cannot be sent as {4} message: {5} messages take {6}.\n",
    "Image messages need a baseline or progressive JPEG; this file is {}, which WhatsApp's decoder does not read.\n",
    "{} must use {} for audio messages; this file uses {}.\n",
    "Video messages need H.264 video; this file's video is {}.\n",
    "Video messages need AAC audio; this file's audio is {}.\n",
    "The {1} must use {3} for {4} messages; its {5} could not be checked (a needed part of the file was not read).\n",
    "Stickers must be 512x512 pixels; this WebP is {}x{}.\n",
    "Stickers must be 512x512 pixels; this WebP's size could not be read.\n",
    "The declared type is {3} but the content is {0} {1} ({2}).\n",
    "The declared type is {3} but the content is {0} {1} ({2}).\n",
    "The file name ends in .{3} but the content is {0} {1} (usually .{4}).",
);

/// Adds the issue of line `what` of [`SAYINGS`], its template filled with `args`.
#[inline(never)]
pub(crate) fn say(out: &mut Vec<Issue>, what: Say, args: &[&str]) {
    let (code, severity) = MEANING
        .get(what as usize)
        .copied()
        .unwrap_or((MediaEmpty, Error));
    add(out, code, severity, nth(SAYINGS, what as usize), args);
}

/// [`say`] about content of `kind`: its article, label and MIME type are `{0}`, `{1}` and `{2}`,
/// `more` from `{3}` on (one list built here, not at each call site).
#[inline(never)]
pub(crate) fn say_kind(out: &mut Vec<Issue>, what: Say, kind: Kind, more: &[&str]) {
    debug_assert!(more.len() <= 4, "say_kind takes at most four more words");
    let mut args = [kind.article(), kind.label(), kind.mime(), "", "", "", ""];
    for (i, m) in more.iter().enumerate() {
        if let Some(slot) = args.get_mut(3 + i) {
            *slot = m;
        }
    }
    say(out, what, &args);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line's code and severity are the ones its [`Say`] names.
    #[test]
    fn lines_carry_their_code_and_severity() {
        assert_eq!(SAYINGS.split('\n').count(), Say::Extension as usize + 1);
        assert_eq!(MEANING.len(), Say::Extension as usize + 1);
        let cases = [
            (Say::Empty, MediaEmpty, Severity::Error, "The file is empty (0 bytes)."),
            (Say::MaybeBroken, MediaTruncated, Severity::Warning, "The a b."),
            (Say::Partial, MediaNotFullyChecked, Severity::Warning, "Only part of the a could be checked: a needed part of the file was not read."),
            (Say::OverSticker, MediaStickerTooLarge, Severity::Error, "The limit for c is less than b; this file is a bytes (not less than d bytes even if KB means 1,024 bytes)."),
            (Say::VideoAudio, MediaAudioCodec, Severity::Error, "Video messages need AAC audio; this file's audio is a."),
            (Say::Unchecked, MediaNotFullyChecked, Severity::Error, "The b must use d for e messages; its  could not be checked (a needed part of the file was not read)."),
            (Say::NearMismatch, MediaTypeMismatch, Severity::Warning, "The declared type is d but the content is a b (c)."),
            (Say::Extension, MediaExtensionMismatch, Severity::Warning, "The file name ends in .d but the content is a b (usually .e)."),
        ];
        for (what, code, severity, message) in cases {
            let mut out = Vec::new();
            say(&mut out, what, &["a", "b", "c", "d", "e"]);
            let i = &out[0];
            assert_eq!(
                (i.code, i.severity, i.message.as_str()),
                (code, severity, message)
            );
        }
    }

    /// The content's article, label and MIME type come first, then the call's own words.
    #[test]
    fn say_kind_names_the_content() {
        let mut out = Vec::new();
        say_kind(&mut out, Say::Extension, Kind::Png, &["jpg", "png"]);
        say_kind(&mut out, Say::Mismatch, Kind::Mp4Audio, &["video/mp4"]);
        say_kind(
            &mut out,
            Say::NotForType,
            Kind::Pdf,
            &["A", "an image", "image", "JPEG"],
        );
        let messages: Vec<&str> = out.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "The file name ends in .jpg but the content is a PNG image (usually .png).",
                "The declared type is video/mp4 but the content is an MP4 (M4A) audio file (audio/mp4).",
                "A PDF document (application/pdf) cannot be sent as an image message: image messages take JPEG.",
            ]
        );
    }
}
