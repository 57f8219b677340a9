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
    "The file is empty.\n",
    "Unknown content{}: not a type WhatsApp accepts.\n",
    "WhatsApp does not accept {} {} ({}).\n",
    "The {} {}.\n",
    "The {} {}.\n",
    "The file is {} {}: mail and security tools often block these.\n",
    "The text is neither UTF-8 nor UTF-16: it may show wrong characters.\n",
    "Only part of the {} was checked: a range it needs was not read.\n",
    "The file is {0} bytes, over the {1} limit for {2} even as {3} bytes.\n",
    "The file is {0} bytes, over the {1} processing limit for {2} even as {3} bytes: it may be recompressed.\n",
    "The file is {0} bytes, not under the {1} limit for {2} even as {3} bytes.\n",
    "The file is {0} bytes: {5} the {1} limit for {2} as {4} bytes, within it as {3}; stay {6} {4} to be safe.\n",
    "{3} {1} ({2}) cannot be sent as {4} message: {5} messages take {6}.\n",
    "Image messages need a baseline or progressive JPEG, not {}.\n",
    "Audio messages need {1} in {0}, not {2}.\n",
    "Video messages need H.264 video, not {}.\n",
    "Video messages need AAC audio, not {}.\n",
    "The {1} must use {3} for {4} messages; its {5} was not read.\n",
    "Stickers must be 512x512, not {}x{}.\n",
    "Stickers must be 512x512; the size was not read.\n",
    "Declared as {3} but the content is {0} {1} ({2}).\n",
    "Declared as {3} but the content is {0} {1} ({2}).\n",
    "Named .{3} but the content is {0} {1} (usually .{4}).",
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
            (
                Say::Empty,
                MediaEmpty,
                Severity::Error,
                "The file is empty.",
            ),
            (
                Say::MaybeBroken,
                MediaTruncated,
                Severity::Warning,
                "The a b.",
            ),
            (
                Say::Partial,
                MediaNotFullyChecked,
                Severity::Warning,
                "Only part of the a was checked: a range it needs was not read.",
            ),
            (
                Say::OverSticker,
                MediaStickerTooLarge,
                Severity::Error,
                "The file is a bytes, not under the b limit for c even as d bytes.",
            ),
            (
                Say::VideoAudio,
                MediaAudioCodec,
                Severity::Error,
                "Video messages need AAC audio, not a.",
            ),
            (
                Say::Unchecked,
                MediaNotFullyChecked,
                Severity::Error,
                "The b must use d for e messages; its  was not read.",
            ),
            (
                Say::NearMismatch,
                MediaTypeMismatch,
                Severity::Warning,
                "Declared as d but the content is a b (c).",
            ),
            (
                Say::Extension,
                MediaExtensionMismatch,
                Severity::Warning,
                "Named .d but the content is a b (usually .e).",
            ),
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
                "Named .jpg but the content is a PNG image (usually .png).",
                "Declared as video/mp4 but the content is an MP4 (M4A) audio file (audio/mp4).",
                "A PDF document (application/pdf) cannot be sent as an image message: image messages take JPEG.",
            ]
        );
    }
}
