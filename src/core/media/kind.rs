//! The file types the sniffers tell apart, their MIME names and usual file-name extensions.

use super::ooxml::{self, Ooxml};
use super::words::nth;

/// A file type recognised by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    // Accepted by WhatsApp (api.md, "Accepted media").
    Jpeg,
    Png,
    Webp,
    Mp4Video,
    Mp4Audio,
    Video3gpp,
    Aac,
    Amr,
    Mp3,
    /// MPEG audio Layer I or II: `audio/mpeg`, but not MP3.
    Mp2,
    Ogg,
    Pdf,
    Doc,
    Xls,
    Ppt,
    /// An OOXML document, template or slide show.
    Office(Ooxml),
    /// A password-protected OOXML file (an OLE2 file holding the encrypted package).
    EncryptedOffice,
    Odt,
    Ods,
    Odp,
    Tar,
    Rtf,
    Text,
    Csv,
    // Recognised look-alikes, rejected with their real type.
    JpegLs,
    Gif,
    Bmp,
    Tiff,
    Heic,
    Heif,
    Avif,
    QuickTime,
    Audio3gpp,
    Video3gpp2,
    Webm,
    Matroska,
    Avi,
    Wav,
    Flac,
    OggFlac,
    AmrWb,
    OggVideo,
    OggOther,
    Zip,
    Gzip,
    SevenZip,
    Rar,
    Exe,
    Elf,
    MachO,
    Html,
    Svg,
    Xml,
    Ole,
    Odg,
    Epub,
}

/// The MIME types, as named in the accepted-media table where listed there, by [`Kind::row`] (OOXML: [`Ooxml`]'s own).
const MIME: &str = concat!(
    "image/jpeg\n",                    // Jpeg
    "image/png\n",                     // Png
    "image/webp\n",                    // Webp
    "video/mp4\n",                     // Mp4Video
    "audio/mp4\n",                     // Mp4Audio
    "video/3gpp\n",                    // Video3gpp
    "audio/aac\n",                     // Aac
    "audio/amr\n",                     // Amr
    "audio/mpeg\n",                    // Mp3
    "audio/mpeg\n",                    // Mp2
    "audio/ogg\n",                     // Ogg
    "application/pdf\n",               // Pdf
    "application/msword\n",            // Doc
    "application/vnd.ms-excel\n",      // Xls
    "application/vnd.ms-powerpoint\n", // Ppt
    "\n",                              // Office
    // EncryptedOffice: the report names the type from the declared type or the extension.
    "application/octet-stream\n",
    "application/vnd.oasis.opendocument.text\n", // Odt
    "application/vnd.oasis.opendocument.spreadsheet\n", // Ods
    "application/vnd.oasis.opendocument.presentation\n", // Odp
    "application/x-tar\n",                       // Tar
    "application/rtf\n",                         // Rtf
    "text/plain\n",                              // Text
    "text/csv\n",                                // Csv
    "image/jls\n",                               // JpegLs
    "image/gif\n",                               // Gif
    "image/bmp\n",                               // Bmp
    "image/tiff\n",                              // Tiff
    "image/heic\n",                              // Heic
    "image/heif\n",                              // Heif
    "image/avif\n",                              // Avif
    "video/quicktime\n",                         // QuickTime
    "audio/3gpp\n",                              // Audio3gpp
    "video/3gpp2\n",                             // Video3gpp2
    "video/webm\n",                              // Webm
    "video/x-matroska\n",                        // Matroska
    "video/x-msvideo\n",                         // Avi
    "audio/wav\n",                               // Wav
    "audio/flac\n",                              // Flac
    "audio/ogg\n",                               // OggFlac
    "audio/amr-wb\n",                            // AmrWb
    "video/ogg\n",                               // OggVideo
    "application/ogg\n",                         // OggOther
    "application/zip\n",                         // Zip
    "application/gzip\n",                        // Gzip
    "application/x-7z-compressed\n",             // SevenZip
    "application/vnd.rar\n",                     // Rar
    "application/vnd.microsoft.portable-executable\n", // Exe
    "application/x-executable\n",                // Elf
    "application/x-mach-binary\n",               // MachO
    "text/html\n",                               // Html
    "image/svg+xml\n",                           // Svg
    "application/xml\n",                         // Xml
    "application/x-ole-storage\n",               // Ole
    "application/vnd.oasis.opendocument.graphics\n", // Odg
    "application/epub+zip",                      // Epub
);

/// The usual extensions by [`Kind::row`], a space between two, for the accepted kinds (the rows
/// after these have none; OOXML: [`Ooxml`]'s own). Plain text and CSV have the same: either may
/// be either (the CSV test is a heuristic).
const EXTENSIONS: &str = concat!(
    "jpg jpeg jpe jfif\n",       // Jpeg
    "png\n",                     // Png
    "webp\n",                    // Webp
    "mp4 m4v\n",                 // Mp4Video
    "m4a mp4 m4b aac\n",         // Mp4Audio
    "3gp 3gpp\n",                // Video3gpp
    "aac adts\n",                // Aac
    "amr\n",                     // Amr
    "mp3 mpga\n",                // Mp3
    "mp2 mp1 mpa mpga m2a\n",    // Mp2
    "ogg oga opus\n",            // Ogg
    "pdf\n",                     // Pdf
    "doc dot\n",                 // Doc
    "xls xlt\n",                 // Xls
    "ppt pps pot\n",             // Ppt
    "\n",                        // Office
    "\n",                        // EncryptedOffice
    "odt\n",                     // Odt
    "ods\n",                     // Ods
    "odp\n",                     // Odp
    "tar\n",                     // Tar
    "rtf\n",                     // Rtf
    "txt text csv tsv log md\n", // Text
    "txt text csv tsv log md",   // Csv
);

/// The short names for messages, by [`Kind::row`] (OOXML: [`Ooxml`]'s own).
const LABEL: &str = concat!(
    "JPEG image\n",                                         // Jpeg
    "PNG image\n",                                          // Png
    "WebP image\n",                                         // Webp
    "MP4 video\n",                                          // Mp4Video
    "MP4 (M4A) audio file\n",                               // Mp4Audio
    "3GP video\n",                                          // Video3gpp
    "AAC (ADTS) audio file\n",                              // Aac
    "AMR audio file\n",                                     // Amr
    "MP3 audio file\n",                                     // Mp3
    "MPEG Layer I/II audio file\n",                         // Mp2
    "Ogg audio file\n",                                     // Ogg
    "PDF document\n",                                       // Pdf
    "Word 97-2003 document\n",                              // Doc
    "Excel 97-2003 workbook\n",                             // Xls
    "PowerPoint 97-2003 presentation\n",                    // Ppt
    "\n",                                                   // Office
    "password-protected Office document\n",                 // EncryptedOffice
    "OpenDocument text\n",                                  // Odt
    "OpenDocument spreadsheet\n",                           // Ods
    "OpenDocument presentation\n",                          // Odp
    "tar archive\n",                                        // Tar
    "RTF document\n",                                       // Rtf
    "plain text file\n",                                    // Text
    "CSV file\n",                                           // Csv
    "JPEG-LS image\n",                                      // JpegLs
    "GIF image\n",                                          // Gif
    "BMP image\n",                                          // Bmp
    "TIFF image\n",                                         // Tiff
    "HEIC image\n",                                         // Heic
    "HEIF image\n",                                         // Heif
    "AVIF image\n",                                         // Avif
    "QuickTime (MOV) video\n",                              // QuickTime
    "3GP audio file\n",                                     // Audio3gpp
    "3G2 video\n",                                          // Video3gpp2
    "WebM video\n",                                         // Webm
    "Matroska (MKV) video\n",                               // Matroska
    "AVI video\n",                                          // Avi
    "WAV audio file\n",                                     // Wav
    "FLAC audio file\n",                                    // Flac
    "FLAC audio file in Ogg\n",                             // OggFlac
    "AMR-WB audio file\n",                                  // AmrWb
    "Ogg video\n",                                          // OggVideo
    "Ogg file\n",                                           // OggOther
    "ZIP archive\n",                                        // Zip
    "gzip archive\n",                                       // Gzip
    "7-Zip archive\n",                                      // SevenZip
    "RAR archive\n",                                        // Rar
    "Windows executable\n",                                 // Exe
    "ELF executable\n",                                     // Elf
    "Mach-O executable\n",                                  // MachO
    "HTML page\n",                                          // Html
    "SVG image\n",                                          // Svg
    "XML file\n",                                           // Xml
    "OLE2 compound file (not Word, Excel or PowerPoint)\n", // Ole
    "OpenDocument drawing\n",                               // Odg
    "EPUB book",                                            // Epub
);

impl Kind {
    /// The MIME type, as named in the accepted-media table where it is listed there.
    pub fn mime(self) -> &'static str {
        self.column(MIME, ooxml::MIME)
    }

    /// A short name for messages ("a PNG image").
    pub fn label(self) -> &'static str {
        self.column(LABEL, ooxml::LABEL)
    }

    /// The kind's line in `table`, or an OOXML type's field `field` of [`Ooxml`]'s table (one
    /// body for the MIME types, labels and extensions).
    fn column(self, table: &'static str, field: usize) -> &'static str {
        match self {
            Kind::Office(o) => o.field(field),
            _ => nth(table, self.row()),
        }
    }

    /// The kind's row in [`MIME`] and [`LABEL`]: its place in the declaration (tables, not
    /// matches of string pairs: a smaller wasm).
    fn row(self) -> usize {
        match self {
            Kind::Jpeg => 0,
            Kind::Png => 1,
            Kind::Webp => 2,
            Kind::Mp4Video => 3,
            Kind::Mp4Audio => 4,
            Kind::Video3gpp => 5,
            Kind::Aac => 6,
            Kind::Amr => 7,
            Kind::Mp3 => 8,
            Kind::Mp2 => 9,
            Kind::Ogg => 10,
            Kind::Pdf => 11,
            Kind::Doc => 12,
            Kind::Xls => 13,
            Kind::Ppt => 14,
            Kind::Office(_) => 15,
            Kind::EncryptedOffice => 16,
            Kind::Odt => 17,
            Kind::Ods => 18,
            Kind::Odp => 19,
            Kind::Tar => 20,
            Kind::Rtf => 21,
            Kind::Text => 22,
            Kind::Csv => 23,
            Kind::JpegLs => 24,
            Kind::Gif => 25,
            Kind::Bmp => 26,
            Kind::Tiff => 27,
            Kind::Heic => 28,
            Kind::Heif => 29,
            Kind::Avif => 30,
            Kind::QuickTime => 31,
            Kind::Audio3gpp => 32,
            Kind::Video3gpp2 => 33,
            Kind::Webm => 34,
            Kind::Matroska => 35,
            Kind::Avi => 36,
            Kind::Wav => 37,
            Kind::Flac => 38,
            Kind::OggFlac => 39,
            Kind::AmrWb => 40,
            Kind::OggVideo => 41,
            Kind::OggOther => 42,
            Kind::Zip => 43,
            Kind::Gzip => 44,
            Kind::SevenZip => 45,
            Kind::Rar => 46,
            Kind::Exe => 47,
            Kind::Elf => 48,
            Kind::MachO => 49,
            Kind::Html => 50,
            Kind::Svg => 51,
            Kind::Xml => 52,
            Kind::Ole => 53,
            Kind::Odg => 54,
            Kind::Epub => 55,
        }
    }

    /// "a" or "an", for the label.
    pub fn article(self) -> &'static str {
        match self {
            Kind::Mp4Video
            | Kind::Mp4Audio
            | Kind::Aac
            | Kind::Amr
            | Kind::AmrWb
            | Kind::Mp3
            | Kind::Mp2
            | Kind::Ogg
            | Kind::OggVideo
            | Kind::OggOther
            | Kind::Xls
            | Kind::Office(Ooxml::Xlsx | Ooxml::Xltx)
            | Kind::Odt
            | Kind::Ods
            | Kind::Odp
            | Kind::Odg
            | Kind::Rtf
            | Kind::Html
            | Kind::Svg
            | Kind::Xml
            | Kind::Ole
            | Kind::Epub
            | Kind::Elf
            | Kind::Heic
            | Kind::Heif
            | Kind::Avif
            | Kind::Avi => "an",
            _ => "a",
        }
    }

    /// File-name extensions usual for this type (lower case, without the dot; a space between
    /// two), the most usual first. Empty: no check.
    pub fn extensions(self) -> &'static str {
        self.column(EXTENSIONS, ooxml::EXT)
    }

    /// Whether WhatsApp accepts this type for some message type (and so as a document): the
    /// accepted kinds are the rows up to [`Kind::Csv`]'s.
    pub fn accepted(self) -> bool {
        self.row() <= Kind::Csv.row()
    }
}

#[cfg(test)]
mod tests;
