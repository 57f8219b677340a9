//! The WhatsApp rules (api.md, "Accepted media") applied to what the sniffers found.
//!
//! Sizes: every limit is checked under both readings of "MB" (10^6 and 2^20 bytes). Between
//! them: `media_size_ambiguous` (warning). Above the 2^20 reading: over 100 MB is
//! `media_too_large` (error); over a post-processing limit (image 5 MB, audio and video 16 MB)
//! is `media_over_processing_limit` (warning: WhatsApp may recompress the file); a static
//! sticker of 100 KB or more, or an animated one of 500 KB or more, is
//! `media_sticker_too_large` (error). The sticker limits are strict ("less than 100 KB"), the
//! others inclusive ("at most 100 MB").
//!
//! Best fit when no message type is intended: JPEG/PNG → image, WebP → sticker, MP4/3GP with
//! video → video, audio types → audio, documents → document. When the preferred type has
//! errors that the document type has not (a 300x200 WebP, an HEVC MP4, an Ogg Vorbis file, a
//! lossless JPEG, MPEG Layer II audio), the document type is chosen and the preferred type's
//! errors are kept as warnings.

use super::codec::Codec;
use super::declared::{encrypted_office_mime, extension, mismatch, Said};
use super::kind::Kind;
use super::report::{add, Details, Issue, MessageType, Report, Severity};
use super::says::{say, say_kind, Say};
use super::sniff::Detected;
use super::typed::{for_type, preferred};
use super::words::{fill, group, nth, owned, part};
use super::Options;
use crate::prelude::*;
use Severity::Warning;

const MB: u64 = 1_000_000;
const MIB: u64 = 1 << 20;

/// Builds the report for a file of `size` bytes.
pub(crate) fn evaluate(size: u64, d: &Detected, options: &Options<'_>) -> Report {
    let said = Said::new(options);
    let mut report = Report {
        ok: false,
        message_type: options.intended,
        mime_type: d.kind.map(|k| {
            owned(match k {
                Kind::EncryptedOffice => encrypted_office_mime(&said).unwrap_or(k.mime()),
                _ => k.mime(),
            })
        }),
        declared_mime_type: said.declared.map(owned),
        size,
        issues: Vec::new(),
        details: details(d),
    };
    if size == 0 {
        say(&mut report.issues, Say::Empty, &[]);
        return report;
    }
    let issues = &mut report.issues;
    common(size, d, &said, issues);
    if let Some(kind) = d.kind.filter(|k| k.accepted()) {
        report.message_type = Some(choose(size, kind, d, options.intended, issues));
    }
    report.ok = !issues.iter().any(|i| i.severity == Severity::Error);
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

/// Adds the issues that do not depend on the message type.
fn common(size: u64, d: &Detected, said: &Said<'_>, out: &mut Vec<Issue>) {
    let what = d.kind.map_or("file", Kind::label);
    // A broken ZIP or OLE2 file whose inner type could not be read: only the damage is sure.
    let fatal = d.damage.as_ref().is_some_and(|x| x.fatal);
    let unreadable = fatal && matches!(d.kind, Some(Kind::Zip | Kind::Ole));
    match d.kind {
        None => {
            let declared = said
                .declared
                .map_or(String::new(), |m| fill(" (declared as {})", &[m]));
            say(out, Say::Unknown, &[&declared]);
        }
        Some(_) if unreadable => {}
        Some(k) if !k.accepted() => say_kind(out, Say::NotAccepted, k, &[]),
        Some(_) => {}
    }
    if let Some(damage) = &d.damage {
        let broken = if damage.fatal {
            Say::Broken
        } else {
            Say::MaybeBroken
        };
        say(out, broken, &[what, &damage.reason]);
    }
    for note in &d.notes {
        add(out, note.code, Warning, "{}", &[&note.message]);
    }
    if let Some(Kind::Office(o)) = d
        .kind
        .filter(|k| matches!(k, Kind::Office(o) if o.macros()))
    {
        say_kind(out, Say::Macros, Kind::Office(o), &[]);
    }
    if let Some(kind) = d.kind.filter(|_| !unreadable) {
        mismatch(kind, said, out);
        extension(kind, said, out);
    }
    if d.not_utf8 {
        say(out, Say::Legacy, &[]);
    }
    if d.incomplete {
        say(out, Say::Partial, &[what]);
    }
    limit(size, 0, out); // 100 MB, any upload
}

/// The size limits, a line each: the limit as written, then what it is for. Line 0 is every
/// upload's; the rest are the message types' (processing in MB, stickers in KB). A limit
/// marked `<` is strict: the docs say a sticker "must be less than 100 KB" (api.md: "< 100
/// KB", animated "< 500 KB"); the others are inclusive (an upload "can be at most 100 MB";
/// the processing limits are a "size limit").
const LIMITS: &str = "100 MB;any upload\n5 MB;images\n16 MB;audio\n16 MB;videos\n<100 KB;static stickers\n<500 KB;animated stickers";

/// Checks `size` against line `row` of [`LIMITS`] under both readings of its unit (MB: 10^6 or
/// 2^20 bytes; KB: 10^3 or 2^10): over the upper one (at it, for a strict limit), the limit's
/// issue; between them, `media_size_ambiguous`. One body for every limit, its numbers read
/// from its text.
pub(super) fn limit(size: u64, row: usize, out: &mut Vec<Issue>) {
    let line = nth(LIMITS, row);
    let text = part(line, b';', 0);
    let strict = text.starts_with("<");
    let text = text.get(usize::from(strict)..).unwrap_or(text);
    let mut n = 0;
    let mut kb = false;
    for &b in text.as_bytes() {
        match b {
            b'0'..=b'9' => n = n * 10 + u64::from(b - b'0'),
            b'K' => kb = true,
            _ => {}
        }
    }
    let (lo, hi) = if kb {
        (n * 1000, n << 10)
    } else {
        (n * MB, n * MIB)
    };
    // Past a limit: over it, or at it when it is strict.
    let past = |limit: u64| size > limit || (strict && size == limit);
    if !past(lo) {
        return;
    }
    let (over, stay) = if strict {
        ("at or over", "under")
    } else {
        ("over", "at or under")
    };
    let what = match (past(hi), kb, row) {
        (false, ..) => Say::Ambiguous,
        (_, true, _) => Say::OverSticker,
        (_, _, 0) => Say::OverUpload,
        _ => Say::OverProcessing,
    };
    say(
        out,
        what,
        &[
            &group(size),
            text,
            part(line, b';', 1),
            &group(hi),
            &group(lo),
            over,
            stay,
        ],
    );
}

/// Picks the message type (the intended one, or the best fit) and adds its issues to `out`.
fn choose(
    size: u64,
    kind: Kind,
    d: &Detected,
    intended: Option<MessageType>,
    out: &mut Vec<Issue>,
) -> MessageType {
    let t = intended.unwrap_or(preferred(kind));
    let mut issues = for_type(t, size, kind, d);
    // The intended type is kept whatever its issues; the best fit only when it has no error.
    if intended.is_some()
        || t == MessageType::Document
        || !issues.iter().any(|i| i.severity == Severity::Error)
    {
        out.append(&mut issues);
        return t;
    }
    // The document type takes every accepted kind (the only kinds chosen for) and has no
    // limit of its own: sendable as a document. Keep why not as the preferred type, as
    // warnings.
    for i in issues.iter().filter(|i| i.severity == Severity::Error) {
        add(
            out,
            i.code,
            Warning,
            "{} It can be sent as a document.",
            &[&i.message],
        );
    }
    MessageType::Document
}

#[cfg(test)]
mod tests;
