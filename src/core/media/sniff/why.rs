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
    "ends inside its first audio frame: it is truncated\n",
    "has a corrupt ID3 tag\n",
    "holds only an ID3 tag and no audio: it is truncated\n",
    "has a corrupt Ogg page header\n",
    "has a corrupt ZIP entry ([Content_Types].xml)\n",
    "is shorter than its RIFF header says: it is truncated\n",
    "has a broken WebP (VP8) frame header: it is corrupt\n",
    "has a broken WebP (VP8L) header: it is corrupt\n",
    "has no WebP image chunk where one must be: it is corrupt\n",
    "has no movie box (moov): it is truncated or corrupt\n",
    "is not a whole number of tar records: it is truncated\n",
    "ends too early: it is truncated\n",
    "ends inside its OLE2 header: it is truncated\n",
    "has a corrupt OLE2 header\n",
    "is shorter than its OLE2 directory says: it is truncated\n",
    "ends before its header chunk (IHDR): it is truncated\n",
    "does not start with a PNG header chunk (IHDR): it is corrupt\n",
    "has no PNG end chunk (IEND): it is truncated\n",
    "ends inside a box header: it is truncated\n",
    "has an invalid box type: it is corrupt\n",
    "has an invalid box size: it is corrupt\n",
    "ends before its image data: it is truncated\n",
    "has a broken segment structure: it is corrupt\n",
    "ends before its image data: it is corrupt\n",
    "ends inside its frame header: it is truncated\n",
    "has no ZIP end record (central directory): it is truncated or corrupt\n",
    "has a corrupt ZIP64 end record\n",
    "has a ZIP central directory that points outside the file: it is truncated or corrupt\n",
    "has a corrupt ZIP central directory\n",
    "does not end with an end-of-image marker: it may be truncated\n",
    "has no PDF end marker (%%EOF): it may be truncated",
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
        assert_eq!(
            Why::FirstFrame.text(),
            "ends inside its first audio frame: it is truncated"
        );
        assert_eq!(
            Why::ZipDirectory.text(),
            "has a corrupt ZIP central directory"
        );
    }
}
