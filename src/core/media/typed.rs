//! The checks of one message type: whether it takes the content, and the content's limits for
//! it (processing size, codecs, JPEG coding, sticker dimensions and size).

use super::codec::Codec;
use super::kind::Kind;
use super::report::{Issue, MessageType};
use super::rules::limit;
use super::says::{say, say_kind, Say};
use super::sniff::Detected;
use super::words::{decimal, nth, part};
use crate::prelude::*;

/// The message type made for content of `kind`, the document type when none is: each kind
/// fits at most one of the others.
pub(super) fn preferred(kind: Kind) -> MessageType {
    match kind {
        Kind::Jpeg | Kind::Png => MessageType::Image,
        Kind::Aac | Kind::Mp4Audio | Kind::Amr | Kind::Mp3 | Kind::Mp2 | Kind::Ogg => {
            MessageType::Audio
        }
        Kind::Mp4Video | Kind::Video3gpp => MessageType::Video,
        Kind::Webp => MessageType::Sticker,
        _ => MessageType::Document,
    }
}

/// Whether message type `t` takes content of `kind`: the document type takes every accepted
/// kind, the others the kinds made for them.
pub(super) fn takes(t: MessageType, kind: Kind) -> bool {
    match t {
        MessageType::Document => kind.accepted(),
        _ => preferred(kind) == t,
    }
}

/// What each message type takes, a line per type in [`MessageType::ALL`]'s order.
const ACCEPTED: &str = concat!(
    "image/jpeg or image/png\n",
    "audio/aac, audio/mp4, audio/amr, audio/mpeg or audio/ogg (Opus)\n",
    "video/mp4 or video/3gpp (H.264 video, AAC audio)\n",
    "image/webp (512x512; static under 100 KB, animated under 500 KB)\n",
    "any accepted type",
);

/// The issues of sending content of `kind` as message type `t`.
pub(super) fn for_type(t: MessageType, size: u64, kind: Kind, d: &Detected) -> Vec<Issue> {
    let mut out = Vec::new();
    if !takes(t, kind) {
        say_kind(
            &mut out,
            Say::NotForType,
            kind,
            &[
                if kind.article().len() == 2 { "An" } else { "A" }, // "an" or "a"
                t.with_article(),
                t.as_str(),
                nth(ACCEPTED, t as usize),
            ],
        );
        return out;
    }
    match t {
        MessageType::Image => {
            limit(size, 1, &mut out); // 5 MB
            if let Some(coding) = d.image_coding {
                say(&mut out, Say::ImageCoding, &[coding]);
            }
        }
        MessageType::Audio => {
            limit(size, 2, &mut out); // 16 MB
            audio_codec(kind, d, &mut out);
        }
        MessageType::Video => {
            limit(size, 3, &mut out); // 16 MB
            video_codecs(d, &mut out);
        }
        MessageType::Sticker => sticker(size, d, &mut out),
        MessageType::Document => {}
    }
    unchecked(t, kind, d, &mut out);
    out
}

/// When the check that decides whether `t` takes the content was not reached (an MP4's
/// codecs, a JPEG's frame type, the MPEG audio layer), `media_not_fully_checked` as an error
/// naming it (as the best fit, `rules::choose` keeps it as a warning and picks the document
/// type, which depends on none of them).
fn unchecked(t: MessageType, kind: Kind, d: &Detected, out: &mut Vec<Issue>) {
    // What the type needs, then what could not be checked.
    let decides = match t {
        MessageType::Image => "baseline or progressive coding;frame type",
        MessageType::Video => "H.264 video and AAC audio;codecs",
        MessageType::Audio if kind == Kind::Mp3 => "MPEG Layer III;layer",
        MessageType::Audio => "AAC;codec",
        _ => return,
    };
    if d.unchecked() {
        let words = [part(decides, b';', 0), t.as_str(), part(decides, b';', 1)];
        say_kind(out, Say::Unchecked, kind, &words);
    }
}

fn audio_codec(kind: Kind, d: &Detected, out: &mut Vec<Issue>) {
    let (need, container) = match kind {
        Kind::Mp4Audio => (Codec::Aac, "MP4 audio"),
        Kind::Ogg => (Codec::Opus, "Ogg audio"),
        Kind::Mp2 => (Codec::Mp3, "MPEG audio (audio/mpeg)"),
        _ => return,
    };
    if let Some(c) = d.audio.filter(|&c| c != need) {
        say(out, Say::AudioCodec, &[container, &need.name(), &c.name()]);
    }
}

fn video_codecs(d: &Detected, out: &mut Vec<Issue>) {
    if let Some(c) = d.video.filter(|&c| c != Codec::H264) {
        say(out, Say::VideoCodec, &[&c.name()]);
    }
    if let Some(c) = d.audio.filter(|&c| c != Codec::Aac) {
        say(out, Say::VideoAudio, &[&c.name()]);
    }
}

fn sticker(size: u64, d: &Detected, out: &mut Vec<Issue>) {
    match (d.width, d.height) {
        (Some(512), Some(512)) => {}
        (Some(w), Some(h)) => say(
            out,
            Say::StickerSize,
            &[&decimal(w.into()), &decimal(h.into())],
        ),
        _ => say(out, Say::StickerUnread, &[]),
    }
    limit(size, 4 + usize::from(d.animated), out); // 100 KB static, 500 KB animated
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rules::choose` relies on it: the document type takes every accepted kind, whatever
    /// its size or codecs, without an issue of its own.
    #[test]
    fn documents_take_every_accepted_kind_without_issues() {
        use crate::core::media::ooxml::Ooxml;
        let kinds = [
            Kind::Jpeg,
            Kind::Webp,
            Kind::Mp4Video,
            Kind::Mp2,
            Kind::Ogg,
            Kind::Pdf,
            Kind::Office(Ooxml::Docm),
            Kind::EncryptedOffice,
            Kind::Csv,
        ];
        for kind in kinds {
            assert!(kind.accepted(), "{kind:?}");
            let mut d = Detected::new(kind);
            d.video = Some(Codec::Hevc);
            d.audio = Some(Codec::Vorbis);
            d.image_coding = Some("a lossless JPEG");
            for size in [1, 200_000_000] {
                assert!(for_type(MessageType::Document, size, kind, &d).is_empty());
            }
        }
    }

    #[test]
    fn each_type_names_what_it_takes() {
        assert_eq!(ACCEPTED.split('\n').count(), MessageType::ALL.len());
        assert!(nth(ACCEPTED, MessageType::Image as usize).starts_with("image/jpeg"));
        assert!(nth(ACCEPTED, MessageType::Document as usize).starts_with("any accepted"));
    }
}
