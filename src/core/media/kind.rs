//! The file types the sniffers tell apart, their MIME names and usual file-name extensions.

use super::ooxml::Ooxml;

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

impl Kind {
    /// The MIME type, as named in the accepted-media table where it is listed there.
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Webp => "image/webp",
            Kind::Mp4Video => "video/mp4",
            Kind::Mp4Audio => "audio/mp4",
            Kind::Video3gpp => "video/3gpp",
            Kind::Aac => "audio/aac",
            Kind::Amr => "audio/amr",
            Kind::Mp3 | Kind::Mp2 => "audio/mpeg",
            Kind::Ogg => "audio/ogg",
            Kind::Pdf => "application/pdf",
            Kind::Doc => "application/msword",
            Kind::Xls => "application/vnd.ms-excel",
            Kind::Ppt => "application/vnd.ms-powerpoint",
            Kind::Office(o) => o.mime(),
            // The report names the type from the declared type or the extension instead.
            Kind::EncryptedOffice => "application/octet-stream",
            Kind::Odt => "application/vnd.oasis.opendocument.text",
            Kind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Kind::Odp => "application/vnd.oasis.opendocument.presentation",
            Kind::Tar => "application/x-tar",
            Kind::Rtf => "application/rtf",
            Kind::Text => "text/plain",
            Kind::Csv => "text/csv",
            Kind::JpegLs => "image/jls",
            Kind::Gif => "image/gif",
            Kind::Bmp => "image/bmp",
            Kind::Tiff => "image/tiff",
            Kind::Heic => "image/heic",
            Kind::Heif => "image/heif",
            Kind::Avif => "image/avif",
            Kind::QuickTime => "video/quicktime",
            Kind::Audio3gpp => "audio/3gpp",
            Kind::Video3gpp2 => "video/3gpp2",
            Kind::Webm => "video/webm",
            Kind::Matroska => "video/x-matroska",
            Kind::Avi => "video/x-msvideo",
            Kind::Wav => "audio/wav",
            Kind::Flac => "audio/flac",
            Kind::OggFlac => "audio/ogg",
            Kind::AmrWb => "audio/amr-wb",
            Kind::OggVideo => "video/ogg",
            Kind::OggOther => "application/ogg",
            Kind::Zip => "application/zip",
            Kind::Gzip => "application/gzip",
            Kind::SevenZip => "application/x-7z-compressed",
            Kind::Rar => "application/vnd.rar",
            Kind::Exe => "application/vnd.microsoft.portable-executable",
            Kind::Elf => "application/x-executable",
            Kind::MachO => "application/x-mach-binary",
            Kind::Html => "text/html",
            Kind::Svg => "image/svg+xml",
            Kind::Xml => "application/xml",
            Kind::Ole => "application/x-ole-storage",
            Kind::Odg => "application/vnd.oasis.opendocument.graphics",
            Kind::Epub => "application/epub+zip",
        }
    }

    /// A short name for messages ("a PNG image").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Jpeg => "JPEG image",
            Kind::Png => "PNG image",
            Kind::Webp => "WebP image",
            Kind::Mp4Video => "MP4 video",
            Kind::Mp4Audio => "MP4 (M4A) audio file",
            Kind::Video3gpp => "3GP video",
            Kind::Aac => "AAC (ADTS) audio file",
            Kind::Amr => "AMR audio file",
            Kind::Mp3 => "MP3 audio file",
            Kind::Mp2 => "MPEG Layer I/II audio file",
            Kind::Ogg => "Ogg audio file",
            Kind::Pdf => "PDF document",
            Kind::Doc => "Word 97-2003 document",
            Kind::Xls => "Excel 97-2003 workbook",
            Kind::Ppt => "PowerPoint 97-2003 presentation",
            Kind::Office(o) => o.label(),
            Kind::EncryptedOffice => "password-protected Office document",
            Kind::Odt => "OpenDocument text",
            Kind::Ods => "OpenDocument spreadsheet",
            Kind::Odp => "OpenDocument presentation",
            Kind::Tar => "tar archive",
            Kind::Rtf => "RTF document",
            Kind::Text => "plain text file",
            Kind::Csv => "CSV file",
            Kind::JpegLs => "JPEG-LS image",
            Kind::Gif => "GIF image",
            Kind::Bmp => "BMP image",
            Kind::Tiff => "TIFF image",
            Kind::Heic => "HEIC image",
            Kind::Heif => "HEIF image",
            Kind::Avif => "AVIF image",
            Kind::QuickTime => "QuickTime (MOV) video",
            Kind::Audio3gpp => "3GP audio file",
            Kind::Video3gpp2 => "3G2 video",
            Kind::Webm => "WebM video",
            Kind::Matroska => "Matroska (MKV) video",
            Kind::Avi => "AVI video",
            Kind::Wav => "WAV audio file",
            Kind::Flac => "FLAC audio file",
            Kind::OggFlac => "FLAC audio file in Ogg",
            Kind::AmrWb => "AMR-WB audio file",
            Kind::OggVideo => "Ogg video",
            Kind::OggOther => "Ogg file",
            Kind::Zip => "ZIP archive",
            Kind::Gzip => "gzip archive",
            Kind::SevenZip => "7-Zip archive",
            Kind::Rar => "RAR archive",
            Kind::Exe => "Windows executable",
            Kind::Elf => "ELF executable",
            Kind::MachO => "Mach-O executable",
            Kind::Html => "HTML page",
            Kind::Svg => "SVG image",
            Kind::Xml => "XML file",
            Kind::Ole => "OLE2 compound file (not Word, Excel or PowerPoint)",
            Kind::Odg => "OpenDocument drawing",
            Kind::Epub => "EPUB book",
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

    /// File-name extensions usual for this type (lower case, without the dot). Empty: no check.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Kind::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            Kind::Png => &["png"],
            Kind::Webp => &["webp"],
            Kind::Mp4Video => &["mp4", "m4v"],
            Kind::Mp4Audio => &["m4a", "mp4", "m4b", "aac"],
            Kind::Video3gpp => &["3gp", "3gpp"],
            Kind::Aac => &["aac", "adts"],
            Kind::Amr => &["amr"],
            Kind::Mp3 => &["mp3", "mpga"],
            Kind::Mp2 => &["mp2", "mp1", "mpa", "mpga", "m2a"],
            Kind::Ogg => &["ogg", "oga", "opus"],
            Kind::Pdf => &["pdf"],
            Kind::Doc => &["doc", "dot"],
            Kind::Xls => &["xls", "xlt"],
            Kind::Ppt => &["ppt", "pps", "pot"],
            Kind::Office(o) => o.extensions(),
            Kind::Odt => &["odt"],
            Kind::Ods => &["ods"],
            Kind::Odp => &["odp"],
            Kind::Tar => &["tar"],
            Kind::Rtf => &["rtf"],
            Kind::Text | Kind::Csv => &["txt", "text", "csv", "tsv", "log", "md"],
            _ => &[],
        }
    }

    /// Whether WhatsApp accepts this type for some message type (and so as a document).
    pub fn accepted(self) -> bool {
        matches!(
            self,
            Kind::Jpeg
                | Kind::Png
                | Kind::Webp
                | Kind::Mp4Video
                | Kind::Mp4Audio
                | Kind::Video3gpp
                | Kind::Aac
                | Kind::Amr
                | Kind::Mp3
                | Kind::Mp2
                | Kind::Ogg
                | Kind::Pdf
                | Kind::Doc
                | Kind::Xls
                | Kind::Ppt
                | Kind::Office(_)
                | Kind::EncryptedOffice
                | Kind::Odt
                | Kind::Ods
                | Kind::Odp
                | Kind::Tar
                | Kind::Rtf
                | Kind::Text
                | Kind::Csv
        )
    }
}

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

impl Codec {
    /// A stable short id for the report (`"h264"`, `"aac"`, or the sample entry's code).
    pub fn id(self) -> String {
        let s = match self {
            Codec::H264 => "h264",
            Codec::Hevc => "hevc",
            Codec::Mpeg4Visual => "mpeg4",
            Codec::H263 => "h263",
            Codec::Av1 => "av1",
            Codec::Vp8 => "vp8",
            Codec::Vp9 => "vp9",
            Codec::Aac => "aac",
            Codec::Mp3 => "mp3",
            Codec::Mp2 => "mp2",
            Codec::Mp1 => "mp1",
            Codec::Alac => "alac",
            Codec::AmrNb => "amr_nb",
            Codec::AmrWb => "amr_wb",
            Codec::Opus => "opus",
            Codec::Vorbis => "vorbis",
            Codec::Flac => "flac",
            Codec::Speex => "speex",
            Codec::Ac3 => "ac3",
            Codec::Eac3 => "eac3",
            Codec::Pcm => "pcm",
            Codec::Encrypted => "encrypted",
            Codec::Other(cc) => {
                return cc
                    .iter()
                    .map(|&b| if b.is_ascii_graphic() { b as char } else { '_' })
                    .collect();
            }
        };
        s.to_string()
    }

    /// A name for messages.
    pub fn name(self) -> String {
        let s = match self {
            Codec::H264 => "H.264",
            Codec::Hevc => "HEVC (H.265)",
            Codec::Mpeg4Visual => "MPEG-4 Part 2",
            Codec::H263 => "H.263",
            Codec::Av1 => "AV1",
            Codec::Vp8 => "VP8",
            Codec::Vp9 => "VP9",
            Codec::Aac => "AAC",
            Codec::Mp3 => "MP3",
            Codec::Mp2 => "MPEG Layer II",
            Codec::Mp1 => "MPEG Layer I",
            Codec::Alac => "Apple Lossless (ALAC)",
            Codec::AmrNb => "AMR",
            Codec::AmrWb => "AMR-WB",
            Codec::Opus => "Opus",
            Codec::Vorbis => "Vorbis",
            Codec::Flac => "FLAC",
            Codec::Speex => "Speex",
            Codec::Ac3 => "AC-3",
            Codec::Eac3 => "E-AC-3",
            Codec::Pcm => "uncompressed PCM",
            Codec::Encrypted => "an encrypted codec",
            Codec::Other(_) => return ["an unknown codec (", &self.id(), ")"].concat(),
        };
        s.to_string()
    }
}
