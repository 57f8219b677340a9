//! The preflight report: the verdict, the sniffed and declared types, and the issues found;
//! written as JSON by [`Report::to_json`].

use crate::core::json::{Write, Writer};
use crate::prelude::*;

/// A WhatsApp media message type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageType {
    /// `image`: JPEG or PNG, 5 MB after processing.
    Image,
    /// `audio`: AAC, MP4 audio, AMR, MP3, Ogg Opus; 16 MB after processing.
    Audio,
    /// `video`: MP4 or 3GP with H.264 video and AAC audio; 16 MB after processing.
    Video,
    /// `sticker`: 512x512 WebP, static under 100 KB, animated under 500 KB.
    Sticker,
    /// `document`: the document types and any type accepted for the others; 100 MB.
    Document,
}

impl MessageType {
    /// All message types.
    pub const ALL: [MessageType; 5] = [
        MessageType::Image,
        MessageType::Audio,
        MessageType::Video,
        MessageType::Sticker,
        MessageType::Document,
    ];

    /// The lower-case name used in JSON (`"image"`, ...).
    pub fn as_str(self) -> &'static str {
        super::words::nth("image\naudio\nvideo\nsticker\ndocument", self as usize)
    }

    /// Parses the lower-case name; `None` for anything else.
    pub fn parse(name: &str) -> Option<MessageType> {
        MessageType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// "an image", "a video", ... for messages.
    pub(crate) fn with_article(self) -> &'static str {
        super::words::nth(
            "an image\nan audio\na video\na sticker\na document",
            self as usize,
        )
    }
}

/// How bad an issue is: an error makes the report not `ok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The file will be refused or fail: `ok` is false.
    Error,
    /// The file may be sent but something may go wrong or look odd.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A stable issue code; serialized in snake_case (`"media_empty"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IssueCode {
    /// The file is empty (error).
    MediaEmpty,
    /// The content is not a type WhatsApp accepts for any message type, or not recognised (error).
    MediaUnsupportedType,
    /// The declared MIME type differs from the content (error; warning for near relatives such
    /// as `video/mp4` declared for MP4 audio, or `application/zip` for a DOCX).
    MediaTypeMismatch,
    /// The file name's extension does not fit the content (warning).
    MediaExtensionMismatch,
    /// Over 100 MB even if MB means 2^20 bytes: over the upload limit (error).
    MediaTooLarge,
    /// Between the 10^6 and 2^20 readings of a limit (warning; at the lower reading of a
    /// strict limit, a sticker's, too).
    MediaSizeAmbiguous,
    /// Over the post-processing limit of the message type, not over 100 MB: WhatsApp may
    /// recompress the file or fail to deliver it (warning).
    MediaOverProcessingLimit,
    /// The file is truncated or corrupt (error; warning where the format tolerates it, such as
    /// a JPEG without its end marker or a PDF without `%%EOF`).
    MediaTruncated,
    /// A sticker that is not 512x512 (error).
    MediaStickerDimensions,
    /// A static sticker of 100 KB or more, or an animated one of 500 KB or more (error; the
    /// limits are strict: "less than 100 KB").
    MediaStickerTooLarge,
    /// Video that is not H.264 (error for video messages).
    MediaVideoCodec,
    /// Audio that is not AAC (video, MP4 audio) or not Opus (Ogg) (error for those types).
    MediaAudioCodec,
    /// The intended message type does not take this content type (error).
    MediaNotForType,
    /// A JPEG coding WhatsApp's decoder does not read: lossless or arithmetic-coded (error
    /// for image messages); hierarchical (warning).
    MediaImageCodec,
    /// Text that is not UTF-8 or UTF-16 (warning: it may show wrong characters).
    MediaTextEncoding,
    /// Bytes before the format's header, such as junk before `%PDF-` (warning).
    MediaLeadingData,
    /// Bytes after the format's end (after a JPEG's end marker, a PNG's `IEND`): possibly
    /// another file appended (warning).
    MediaTrailingData,
    /// A password-protected document: the recipient needs the password to open it (warning).
    MediaEncrypted,
    /// A macro-enabled Office file, which recipients' mail and security tools often block
    /// (warning).
    MediaMacroEnabled,
    /// The read budget ran out or a requested range was not supplied (warning). When that
    /// left unread what decides the message type (an MP4's codecs, a JPEG's frame type, the
    /// MPEG audio layer after an ID3 tag): an error for that type when it was asked for; as
    /// the best fit the document type is chosen, with a warning naming what was not checked.
    MediaNotFullyChecked,
}

/// The codes, one a line, in the order of [`IssueCode`]'s variants ([`IssueCode::as_str`] picks by
/// discriminant).
const CODES: &str = concat!(
    "media_empty\n",
    "media_unsupported_type\n",
    "media_type_mismatch\n",
    "media_extension_mismatch\n",
    "media_too_large\n",
    "media_size_ambiguous\n",
    "media_over_processing_limit\n",
    "media_truncated\n",
    "media_sticker_dimensions\n",
    "media_sticker_too_large\n",
    "media_video_codec\n",
    "media_audio_codec\n",
    "media_not_for_type\n",
    "media_image_codec\n",
    "media_text_encoding\n",
    "media_leading_data\n",
    "media_trailing_data\n",
    "media_encrypted\n",
    "media_macro_enabled\n",
    "media_not_fully_checked",
);

impl IssueCode {
    /// The stable snake_case code.
    pub fn as_str(self) -> &'static str {
        super::words::nth(CODES, self as usize)
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The stable code.
    pub code: IssueCode,
    /// Error or warning.
    pub severity: Severity,
    /// Plain words for a person, naming the limit where there is one.
    pub message: String,
}

/// Adds an issue whose message is `template` with its `{}`s filled by `args` (see
/// [`fill`](super::words::fill)), out of line: one push for every finding, not one inlined
/// per message.
#[inline(never)]
pub(crate) fn add(
    out: &mut Vec<Issue>,
    code: IssueCode,
    severity: Severity,
    template: &str,
    args: &[&str],
) {
    out.push(Issue {
        code,
        severity,
        message: super::words::fill(template, args),
    });
}

/// What the sniffers measured, where it applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    /// Image width in pixels (JPEG, PNG, WebP, GIF).
    pub width: Option<u32>,
    /// Image height in pixels.
    pub height: Option<u32>,
    /// Whether a WebP is animated.
    pub animated: Option<bool>,
    /// The first video track's codec id (`"h264"`, `"hevc"`, `"mpeg4"`, ...).
    pub video_codec: Option<String>,
    /// The first audio track's codec id (`"aac"`, `"mp3"`, `"opus"`, `"vorbis"`, ...).
    pub audio_codec: Option<String>,
}

/// The preflight verdict. JSON (camelCase):
/// `{ ok, messageType, mimeType, declaredMimeType, size, issues: [{ code, severity, message }],
/// details: { width?, height?, animated?, videoCodec?, audioCodec? } }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// No issue is an error.
    pub ok: bool,
    /// The intended message type, or the best fit when none was given (`None`: nothing fits).
    pub message_type: Option<MessageType>,
    /// The MIME type sniffed from the content (`None`: empty or not recognised).
    pub mime_type: Option<String>,
    /// The declared MIME type as given (trimmed; `None` when absent or empty).
    pub declared_mime_type: Option<String>,
    /// The file size in bytes.
    pub size: u64,
    /// Errors and warnings, in a stable order.
    pub issues: Vec<Issue>,
    /// Measurements (dimensions, codecs).
    pub details: Details,
}

impl Report {
    /// Whether an issue with this code is present.
    pub fn has(&self, code: IssueCode) -> bool {
        self.issues.iter().any(|i| i.code == code)
    }

    /// The codes of the issues, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.issues.iter().map(|i| i.code.as_str()).collect()
    }
}

impl Report {
    /// The JSON text JS callers get (camelCase; an absent type is `null`, an absent detail
    /// is left out).
    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.finish()
    }
}

/// `"key": value`, written in place: `Writer::field` and `field_opt` are a function per type
/// of value in the wasm (eleven here, 55 B gzip), this none.
macro_rules! put {
    ($out:expr, $key:expr, $value:expr) => {{
        $out.key($key);
        $value.write($out);
    }};
}

impl Write for MessageType {
    fn write(&self, out: &mut Writer) {
        out.string(self.as_str());
    }
}

impl Write for Issue {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        put!(out, "code", self.code.as_str());
        put!(out, "severity", self.severity.as_str());
        put!(out, "message", self.message);
        out.close_object();
    }
}

impl Write for Details {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        if let Some(v) = &self.width {
            put!(out, "width", v);
        }
        if let Some(v) = &self.height {
            put!(out, "height", v);
        }
        if let Some(v) = &self.animated {
            put!(out, "animated", v);
        }
        if let Some(v) = &self.video_codec {
            put!(out, "videoCodec", v);
        }
        if let Some(v) = &self.audio_codec {
            put!(out, "audioCodec", v);
        }
        out.close_object();
    }
}

impl Write for Report {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        put!(out, "ok", self.ok);
        nullable(out, "messageType", &self.message_type);
        nullable(out, "mimeType", &self.mime_type);
        nullable(out, "declaredMimeType", &self.declared_mime_type);
        put!(out, "size", self.size);
        put!(out, "issues", self.issues);
        put!(out, "details", self.details);
        out.close_object();
    }
}

/// `"key": value`, or `"key": null` when there is none.
fn nullable<T: Write>(out: &mut Writer, key: &str, value: &Option<T>) {
    match value {
        Some(value) => put!(out, key, value),
        None => {
            out.key(key);
            out.raw("null");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_names() {
        assert_eq!(IssueCode::MediaEmpty.as_str(), "media_empty");
        assert_eq!(
            IssueCode::MediaOverProcessingLimit.as_str(),
            "media_over_processing_limit"
        );
        assert_eq!(
            IssueCode::MediaNotFullyChecked.as_str(),
            "media_not_fully_checked"
        );
        assert_eq!(IssueCode::MediaTruncated.as_str(), "media_truncated");
        assert_eq!(CODES.split('\n').count(), 20);
        assert_eq!(Severity::Warning.as_str(), "warning");
        assert_eq!(MessageType::Sticker.as_str(), "sticker");
        for t in MessageType::ALL {
            assert!(t.with_article().ends_with(t.as_str()), "{t:?}");
        }
        assert_eq!(MessageType::parse("video"), Some(MessageType::Video));
        assert_eq!(MessageType::parse("Video"), None);
        assert_eq!(MessageType::parse("document"), Some(MessageType::Document));
    }

    #[test]
    fn an_empty_report_writes_nulls_and_no_details() {
        let report = Report {
            ok: false,
            message_type: None,
            mime_type: None,
            declared_mime_type: None,
            size: 0,
            issues: vec![Issue {
                code: IssueCode::MediaEmpty,
                severity: Severity::Error,
                message: "The file is \"empty\".".into(),
            }],
            details: Details::default(),
        };
        assert_eq!(
            report.to_json(),
            r#"{"ok":false,"messageType":null,"mimeType":null,"declaredMimeType":null,"size":0,"issues":[{"code":"media_empty","severity":"error","message":"The file is \"empty\"."}],"details":{}}"#
        );
        let serde: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(serde["issues"][0]["message"], "The file is \"empty\".");
    }
}
