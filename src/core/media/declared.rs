//! The declared MIME type and the file name's extension, compared with the sniffed type.
//!
//! A declared type that differs from the content is `media_type_mismatch`: an error, since the
//! file would be served with the wrong `Content-Type`, or a warning for near relatives
//! (`video/mp4` declared for MP4 audio, `application/zip` for a DOCX, `text/markdown` for
//! text, `application/vnd.ms-excel` for CSV as Windows browsers declare it). Aliases such as
//! `image/jpg`, `audio/x-m4a`, `audio/opus` or `text/rtf` count as the same type. A file name
//! whose extension is not usual for the content is `media_extension_mismatch` (a warning).

use super::kind::Kind;
use super::ooxml::Ooxml;
use super::report::Issue;
use super::says::{say_kind, Say};
use super::words::{line_where, part, trim};
use super::Options;
use crate::prelude::*;

/// Canonical form of a declared MIME type, to compare in any ASCII case (no copy in lower
/// case): no parameters, common aliases folded. `None` for an absent or generic type
/// (nothing to compare).
fn canonical(declared: &str) -> Option<&str> {
    // Up to the first `;`, by hand: `split` links a searcher whose slicing can panic.
    let m = trim(
        declared
            .as_bytes()
            .iter()
            .position(|&b| b == b';')
            .and_then(|end| declared.get(0..end))
            .unwrap_or(declared),
    );
    match line_where(ALIASES, b'=', 0, m).map(|(_, line)| part(line, b'=', 1)) {
        Some("") => None,
        Some(to) => Some(to),
        None => Some(m),
    }
}

/// Whether `s` is `word` in any ASCII case.
fn is(s: &str, word: &str) -> bool {
    s.eq_ignore_ascii_case(word)
}

/// Declared types folded into the one compared, a line of `alias=type` each (an empty type:
/// generic, nothing to compare).
const ALIASES: &str = concat!(
    "=\n",
    "application/octet-stream=\n",
    "binary/octet-stream=\n",
    "application/unknown=\n",
    "image/jpg=image/jpeg\n",
    "image/pjpeg=image/jpeg\n",
    "image/x-png=image/png\n",
    "audio/x-m4a=audio/mp4\n",
    "audio/m4a=audio/mp4\n",
    "audio/x-mp4=audio/mp4\n",
    "audio/mp4a-latm=audio/mp4\n",
    "audio/mp3=audio/mpeg\n",
    "audio/x-mp3=audio/mpeg\n",
    "audio/mpeg3=audio/mpeg\n",
    "audio/x-mpeg=audio/mpeg\n",
    "audio/mpg=audio/mpeg\n",
    "audio/x-aac=audio/aac\n",
    "audio/aacp=audio/aac\n",
    "audio/aac-adts=audio/aac\n",
    "audio/opus=audio/ogg\n",
    "video/3gp=video/3gpp\n",
    "text/rtf=application/rtf\n",
    "application/x-rtf=application/rtf\n",
    "application/rtf.0=application/rtf\n",
    "application/x-pdf=application/pdf\n",
    "text/x-csv=text/csv\n",
    "application/csv=text/csv\n",
    "text/comma-separated-values=text/csv\n",
    "application/tar=application/x-tar\n",
    "image/x-ms-bmp=image/bmp\n",
    "image/x-bmp=image/bmp\n",
    "audio/x-wav=audio/wav\n",
    "audio/wave=audio/wav\n",
    "audio/vnd.wave=audio/wav\n",
    "audio/x-flac=audio/flac\n",
    "application/x-msdownload=application/vnd.microsoft.portable-executable\n",
    "application/x-dosexec=application/vnd.microsoft.portable-executable\n",
    "application/x-msdos-program=application/vnd.microsoft.portable-executable\n",
    "application/x-zip-compressed=application/zip\n",
    "application/x-zip=application/zip\n",
    "application/x-gzip=application/gzip\n",
    "application/x-rar-compressed=application/vnd.rar\n",
    "text/xml=application/xml\n",
    "video/mkv=video/x-matroska\n",
    "video/avi=video/x-msvideo\n",
    "video/msvideo=video/x-msvideo",
);

/// What the caller says about the file, read once for every rule: the declared type (trimmed,
/// as the report gives it; `None` when absent or empty) and its canonical form, and the file
/// name's extension (each in its own case: compared in any ASCII case, not copied).
pub(crate) struct Said<'a> {
    pub declared: Option<&'a str>,
    canonical: Option<&'a str>,
    ext: Option<&'a str>,
}

impl<'a> Said<'a> {
    pub(crate) fn new(options: &Options<'a>) -> Said<'a> {
        let declared = match options.declared_mime.map(trim) {
            Some(s) if !s.is_empty() => Some(s),
            _ => None,
        };
        Said {
            declared,
            canonical: declared.and_then(canonical),
            ext: extension_of(options.file_name),
        }
    }
}

/// Declared types that are near relatives of some content (see [`mismatch`]), a line each.
const NEAR: &str = "video/mp4\naudio/mp4\nvideo/3gpp\naudio/3gpp\napplication/zip\napplication/vnd.ms-excel\napplication/ogg\ntext/html";

/// The MIME type of a password-protected OOXML file: the declared type when it names an
/// OOXML type, else the one usual for the file name's extension, else `None`.
pub(crate) fn encrypted_office_mime(said: &Said<'_>) -> Option<&'static str> {
    said.canonical
        .and_then(Ooxml::from_mime)
        .or_else(|| said.ext.and_then(Ooxml::from_extension))
        .map(Ooxml::mime)
}

/// Declared (trimmed: the report's `declaredMimeType`) vs sniffed: adds `media_type_mismatch`
/// when they differ.
pub(crate) fn mismatch(kind: Kind, said: &Said<'_>, out: &mut Vec<Issue>) {
    let (Some(declared_raw), Some(declared)) = (said.declared, said.canonical) else {
        return;
    };
    let sniffed = kind.mime();
    let office = |k: Kind| match k {
        Kind::Office(o) => Some(o),
        _ => None,
    };
    let declared_office = Ooxml::from_mime(declared);
    if declared.eq_ignore_ascii_case(sniffed)
        || (matches!(kind, Kind::EncryptedOffice) && declared_office.is_some())
    {
        return;
    }
    let text = matches!(kind, Kind::Text | Kind::Csv);
    let d = declared;
    if text && (is(d, "text/plain") || is(d, "text/csv")) {
        return; // CSV is plain text; the CSV test is a heuristic.
    }
    let zip_based = matches!(
        kind,
        Kind::Office(_) | Kind::Odt | Kind::Ods | Kind::Odp | Kind::Odg | Kind::Epub
    );
    // The declared types with near relatives, looked up in one text (no comparison per type).
    let near = match line_where(NEAR, b'\n', 0, d).map(|(n, _)| n) {
        // MP4 and 3GP, video or audio, for one another.
        Some(0..=3) => matches!(
            kind,
            Kind::Mp4Video | Kind::Mp4Audio | Kind::Video3gpp | Kind::Audio3gpp
        ),
        Some(4) => zip_based,
        Some(5) => matches!(kind, Kind::Csv),
        Some(6) => matches!(kind, Kind::Ogg),
        Some(_) => false, // text/html is not plain text
        None => text && d.get(0..5).is_some_and(|t| is(t, "text/")),
    } || office(kind)
        .zip(declared_office)
        .is_some_and(|(a, b)| a.application() == b.application());
    say_kind(
        out,
        if near {
            Say::NearMismatch
        } else {
            Say::Mismatch
        },
        kind,
        &[declared_raw],
    );
}

/// The file name's extension, if it has a plausible one.
fn extension_of(file_name: Option<&str>) -> Option<&str> {
    // By the view's `rfind`: `rsplit_once` links a `memrchr` whose slicing can panic (with
    // formatting), and a `rposition` of its own is one more search loop.
    let name = file_name?;
    let dot = super::view::rfind(name.as_bytes(), b".")?;
    let ext = name.get(dot + 1..name.len())?;
    if ext.is_empty() || ext.len() > 5 || ext.as_bytes().iter().any(|&b| b == b'/' || b == b'\\') {
        return None;
    }
    Some(ext)
}

/// File-name extension vs sniffed: adds `media_extension_mismatch` (a warning).
pub(crate) fn extension(kind: Kind, said: &Said<'_>, out: &mut Vec<Issue>) {
    let Some(ext) = said.ext else {
        return;
    };
    let usual = kind.extensions();
    // Each usual extension by `part` (one loop in the wasm, not a `split` iterator).
    let mut i = 0;
    loop {
        let word = part(usual, b' ', i);
        if word.is_empty() {
            break;
        }
        if word.eq_ignore_ascii_case(ext) {
            return;
        }
        i += 1;
    }
    if i == 0 {
        return;
    }
    // The message names it in lower case.
    let ext = ext.to_ascii_lowercase();
    say_kind(out, Say::Extension, kind, &[&ext, part(usual, b' ', 0)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm face passes an absent type or name as empty text: the rules must read both alike.
    #[test]
    fn empty_is_absent() {
        use crate::core::media::rules::evaluate;
        use crate::core::media::sniff::Detected;
        let kinds = [
            Kind::Png,
            Kind::Csv,
            Kind::EncryptedOffice,
            Kind::Office(Ooxml::Docx),
            Kind::Gif,
        ];
        for kind in kinds {
            let d = Detected::new(kind);
            let given = |declared_mime, file_name| Options {
                declared_mime,
                file_name,
                intended: None,
            };
            let absent = evaluate(10, &d, &given(None, None));
            assert_eq!(evaluate(10, &d, &given(Some(""), Some(""))), absent);
            assert_eq!(evaluate(10, &d, &given(Some(" "), None)), absent);
        }
    }

    #[test]
    fn aliases_fold() {
        assert_eq!(canonical(" Image/JPG ; charset=x"), Some("image/jpeg"));
        assert_eq!(canonical("audio/x-m4a"), Some("audio/mp4"));
        assert_eq!(canonical("application/rtf.0"), Some("application/rtf"));
        assert_eq!(canonical(" Text/CSV;x"), Some("Text/CSV"));
        assert_eq!(canonical("application/octet-stream"), None);
        assert_eq!(canonical(""), None);
    }

    /// What the caller says: a declared type and a file name.
    fn said<'a>(declared_mime: Option<&'a str>, file_name: Option<&'a str>) -> Said<'a> {
        Said::new(&Options {
            declared_mime,
            file_name,
            intended: None,
        })
    }

    /// The issue [`super::mismatch`] adds, if any (it adds at most one).
    fn mismatch(kind: Kind, declared: Option<&str>) -> Option<Issue> {
        let mut out = Vec::new();
        super::mismatch(kind, &said(declared, None), &mut out);
        assert!(out.len() <= 1);
        out.pop()
    }

    /// The issue [`super::extension`] adds, if any (it adds at most one).
    fn extension(kind: Kind, file_name: Option<&str>) -> Option<Issue> {
        let mut out = Vec::new();
        super::extension(kind, &said(None, file_name), &mut out);
        assert!(out.len() <= 1);
        out.pop()
    }

    #[test]
    fn near_relatives_are_warnings() {
        let sev = |k: Kind, m: &str| mismatch(k, Some(m)).map(|i| i.severity);
        use crate::core::media::Severity::{Error, Warning};
        assert_eq!(sev(Kind::Mp4Audio, "video/mp4"), Some(Warning));
        assert_eq!(
            sev(Kind::Office(Ooxml::Docx), "application/zip"),
            Some(Warning)
        );
        let docm = Kind::Office(Ooxml::Docm);
        assert_eq!(
            sev(docm, "application/vnd.ms-word.document.macroenabled.12"),
            None
        );
        assert_eq!(sev(docm, Ooxml::Docx.mime()), Some(Warning));
        assert_eq!(sev(docm, Ooxml::Xlsm.mime()), Some(Error));
        assert_eq!(sev(Kind::EncryptedOffice, Ooxml::Potx.mime()), None);
        assert_eq!(sev(Kind::EncryptedOffice, "application/pdf"), Some(Error));
        assert_eq!(sev(Kind::Text, "text/markdown"), Some(Warning));
        assert_eq!(sev(Kind::Csv, "text/plain"), None);
        assert_eq!(sev(Kind::Ogg, "audio/opus"), None);
        assert_eq!(sev(Kind::Html, "text/plain"), Some(Error));
        assert_eq!(sev(Kind::Jpeg, "image/png"), Some(Error));
        // Each near relative, and the same declared types for content that is not one.
        assert_eq!(sev(Kind::Video3gpp, "audio/mp4"), Some(Warning));
        assert_eq!(sev(Kind::Audio3gpp, "video/mp4"), Some(Warning));
        assert_eq!(sev(Kind::Jpeg, "video/mp4"), Some(Error));
        assert_eq!(sev(Kind::Epub, "application/zip"), Some(Warning));
        assert_eq!(sev(Kind::Pdf, "application/zip"), Some(Error));
        assert_eq!(sev(Kind::Csv, "application/vnd.ms-excel"), Some(Warning));
        assert_eq!(sev(Kind::Text, "application/vnd.ms-excel"), Some(Error));
        assert_eq!(sev(Kind::Ogg, "application/ogg"), Some(Warning));
        assert_eq!(sev(Kind::OggFlac, "application/ogg"), Some(Error));
        assert_eq!(sev(Kind::Text, "text/html"), Some(Error));
        assert_eq!(sev(Kind::Png, "text/markdown"), Some(Error));
        // In any ASCII case, as given.
        assert_eq!(sev(Kind::Csv, " Text/Plain ;x"), None);
        assert_eq!(sev(Kind::Text, "TEXT/CSV"), None);
        assert_eq!(sev(Kind::Text, "Text/Markdown"), Some(Warning));
        assert_eq!(sev(Kind::Mp4Audio, "Video/MP4"), Some(Warning));
        assert_eq!(sev(Kind::Jpeg, "IMAGE/JPG"), None);
        assert_eq!(sev(Kind::Png, "TEXT/x"), Some(Error));
    }

    #[test]
    fn extensions() {
        assert!(extension(Kind::Jpeg, Some("a.JPEG")).is_none());
        assert!(extension(Kind::Jpeg, Some("a.png")).is_some());
        // Compared in any ASCII case, named in lower case.
        assert_eq!(
            extension(Kind::Jpeg, Some("A.PnG")).map(|i| i.message),
            Some("Named .png but the content is a JPEG image (usually .jpg).".into())
        );
        assert!(extension(Kind::Office(Ooxml::Xlsm), Some("B.XLSM")).is_none());
        assert!(extension(Kind::Jpeg, Some("no-extension")).is_none());
        assert!(extension(Kind::Jpeg, Some("dir.d/file")).is_none());
        assert!(extension(Kind::Gif, Some("a.png")).is_none());
        assert!(extension(Kind::Office(Ooxml::Dotx), Some("a.docx")).is_some());
        assert!(extension(Kind::Office(Ooxml::Dotx), Some("a.dotx")).is_none());
        assert_eq!(
            encrypted_office_mime(&said(None, Some("Budget.XLSM"))),
            Some(Ooxml::Xlsm.mime())
        );
        assert_eq!(
            encrypted_office_mime(&said(Some(Ooxml::Pptx.mime()), Some("a.xlsx"))),
            Some(Ooxml::Pptx.mime())
        );
        assert_eq!(encrypted_office_mime(&said(None, Some("a.bin"))), None);
    }
}
