//! The video and audio codecs the sniffers name, with their report ids and names.

use super::words::{latin1, nth};
use crate::prelude::*;

/// A video or audio codec, from a sample entry, an Ogg header or a container's fixed codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    H264,
    Hevc,
    Mpeg4Visual,
    H263,
    Av1,
    Vp8,
    Vp9,
    Aac,
    Mp3,
    /// MPEG audio Layer II.
    Mp2,
    /// MPEG audio Layer I.
    Mp1,
    Alac,
    AmrNb,
    AmrWb,
    Opus,
    Vorbis,
    Flac,
    Speex,
    Ac3,
    Eac3,
    Pcm,
    Encrypted,
    /// Another four-character code.
    Other([u8; 4]),
}

/// The stable short ids for the report, by [`Codec::row`].
const CODEC_ID: &str = concat!(
    "h264\n",    // H264
    "hevc\n",    // Hevc
    "mpeg4\n",   // Mpeg4Visual
    "h263\n",    // H263
    "av1\n",     // Av1
    "vp8\n",     // Vp8
    "vp9\n",     // Vp9
    "aac\n",     // Aac
    "mp3\n",     // Mp3
    "mp2\n",     // Mp2
    "mp1\n",     // Mp1
    "alac\n",    // Alac
    "amr_nb\n",  // AmrNb
    "amr_wb\n",  // AmrWb
    "opus\n",    // Opus
    "vorbis\n",  // Vorbis
    "flac\n",    // Flac
    "speex\n",   // Speex
    "ac3\n",     // Ac3
    "eac3\n",    // Eac3
    "pcm\n",     // Pcm
    "encrypted", // Encrypted
);

/// The names for messages, by [`Codec::row`].
const CODEC_NAME: &str = concat!(
    "H.264\n",                 // H264
    "HEVC (H.265)\n",          // Hevc
    "MPEG-4 Part 2\n",         // Mpeg4Visual
    "H.263\n",                 // H263
    "AV1\n",                   // Av1
    "VP8\n",                   // Vp8
    "VP9\n",                   // Vp9
    "AAC\n",                   // Aac
    "MP3\n",                   // Mp3
    "MPEG Layer II\n",         // Mp2
    "MPEG Layer I\n",          // Mp1
    "Apple Lossless (ALAC)\n", // Alac
    "AMR\n",                   // AmrNb
    "AMR-WB\n",                // AmrWb
    "Opus\n",                  // Opus
    "Vorbis\n",                // Vorbis
    "FLAC\n",                  // Flac
    "Speex\n",                 // Speex
    "AC-3\n",                  // Ac3
    "E-AC-3\n",                // Eac3
    "uncompressed PCM\n",      // Pcm
    "an encrypted codec",      // Encrypted
);

impl Codec {
    /// A stable short id for the report (`"h264"`, `"aac"`, or the sample entry's code).
    pub fn id(self) -> String {
        match self {
            Codec::Other(mut cc) => {
                for b in &mut cc {
                    if !b.is_ascii_graphic() {
                        *b = b'_';
                    }
                }
                latin1(&cc)
            }
            _ => super::words::owned(nth(CODEC_ID, self.row())),
        }
    }

    /// A name for messages.
    pub fn name(self) -> String {
        match self {
            Codec::Other(_) => super::words::fill("an unknown codec ({})", &[&self.id()]),
            _ => super::words::owned(nth(CODEC_NAME, self.row())),
        }
    }

    /// The codec's row in [`CODEC_ID`] and [`CODEC_NAME`]: its place in the declaration.
    fn row(self) -> usize {
        match self {
            Codec::H264 => 0,
            Codec::Hevc => 1,
            Codec::Mpeg4Visual => 2,
            Codec::H263 => 3,
            Codec::Av1 => 4,
            Codec::Vp8 => 5,
            Codec::Vp9 => 6,
            Codec::Aac => 7,
            Codec::Mp3 => 8,
            Codec::Mp2 => 9,
            Codec::Mp1 => 10,
            Codec::Alac => 11,
            Codec::AmrNb => 12,
            Codec::AmrWb => 13,
            Codec::Opus => 14,
            Codec::Vorbis => 15,
            Codec::Flac => 16,
            Codec::Speex => 17,
            Codec::Ac3 => 18,
            Codec::Eac3 => 19,
            Codec::Pcm => 20,
            Codec::Encrypted => 21,
            Codec::Other(_) => 22,
        }
    }
}

#[cfg(test)]
mod tests;
