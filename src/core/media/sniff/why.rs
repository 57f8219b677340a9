//! Why a file is broken, or may be, for the fixed reasons: one text, a line each, named by
//! [`Why`] (a call site passes one constant, not a pointer, a length and a flag).

use crate::core::media::words::nth;

/// A line of [`WHY`]: a reason the file is broken (to follow "The JPEG image ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    FirstFrame,
    Id3,
    OnlyId3,
    OggPage,
    TypesEntry,
    RiffShort,
    Vp8,
    Vp8l,
    NoWebpChunk,
    NoMoov,
    TarRecords,
    TooEarly,
    OleShort,
    OleHeader,
    OleDirectory,
    NoIhdr,
    BadIhdr,
    NoIend,
    BoxHeaderShort,
    BoxType,
    BoxSize,
    JpegNoData,
    JpegSegments,
    JpegEoi,
    JpegFrameShort,
    ZipNoEnd,
    Zip64,
    ZipOutside,
    ZipDirectory,
    /// The first of the reasons that say the file may be broken (a warning), not that it is.
    JpegNoEoi,
    PdfNoEof,
}

/// The reasons, a line per [`Why`] in its order.
const WHY: &str = concat!(
    "ends inside its first audio frame\n",
    "has a corrupt ID3 tag\n",
    "holds only an ID3 tag, no audio\n",
    "has a corrupt Ogg page header\n",
    "has a corrupt [Content_Types].xml entry\n",
    "is shorter than its RIFF header says\n",
    "has a corrupt VP8 frame header\n",
    "has a corrupt VP8L header\n",
    "has no image chunk\n",
    "has no movie box (moov)\n",
    "is not a whole number of tar records\n",
    "ends too early\n",
    "ends inside its OLE2 header\n",
    "has a corrupt OLE2 header\n",
    "is shorter than its OLE2 directory says\n",
    "ends before its IHDR chunk\n",
    "does not start with an IHDR chunk\n",
    "has no IEND chunk\n",
    "ends inside a box header\n",
    "has an invalid box type\n",
    "has an invalid box size\n",
    "ends before its image data\n",
    "has a corrupt segment structure\n",
    "has its end marker before its image data\n",
    "ends inside its frame header\n",
    "has no ZIP end record\n",
    "has a corrupt ZIP64 end record\n",
    "has a central directory outside the file\n",
    "has a corrupt central directory\n",
    "has no end marker: it may be truncated\n",
    "has no %%EOF marker: it may be truncated",
);

impl Why {
    /// Whether the file is broken for this reason (an error), not only maybe (a warning).
    pub(crate) fn fatal(self) -> bool {
        (self as u8) < Why::JpegNoEoi as u8
    }

    /// The reason's words.
    pub(crate) fn text(self) -> &'static str {
        nth(WHY, self as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_per_reason() {
        assert_eq!(WHY.split('\n').count(), Why::PdfNoEof as usize + 1);
        assert!(Why::ZipDirectory.fatal() && !Why::JpegNoEoi.fatal() && !Why::PdfNoEof.fatal());
        assert_eq!(Why::FirstFrame.text(), "ends inside its first audio frame");
        assert_eq!(Why::ZipDirectory.text(), "has a corrupt central directory");
    }
}
