//! The Office Open XML file types: documents, templates and slide shows of Word, Excel and
//! PowerPoint, with and without macros, told apart by the content type of the main part in
//! `[Content_Types].xml`.

use super::words::{line_where, nth, part, trim};

/// An OOXML file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ooxml {
    Docx,
    Docm,
    Dotx,
    Dotm,
    Xlsx,
    Xlsm,
    Xltx,
    Xltm,
    Pptx,
    Pptm,
    Potx,
    Potm,
    Ppsx,
    Ppsm,
}

const OXML: &str = "application/vnd.openxmlformats-officedocument.";

/// The types, in the order of [`TABLE`]'s lines.
const ALL: [Ooxml; 14] = [
    Ooxml::Docx,
    Ooxml::Docm,
    Ooxml::Dotx,
    Ooxml::Dotm,
    Ooxml::Xlsx,
    Ooxml::Xlsm,
    Ooxml::Xltx,
    Ooxml::Xltm,
    Ooxml::Pptx,
    Ooxml::Pptm,
    Ooxml::Potx,
    Ooxml::Potm,
    Ooxml::Ppsx,
    Ooxml::Ppsm,
];

/// A line per type, in [`ALL`]'s order, of four fields with a `;` between: the usual
/// extension, the file's MIME type, the content type of the main part (`word/document.xml`,
/// ...) without `.main+xml` (and without [`OXML`] where it starts so), and the label.
const TABLE: &str = concat!(
    "docx;application/vnd.openxmlformats-officedocument.wordprocessingml.document;wordprocessingml.document;Word document\n",
    "docm;application/vnd.ms-word.document.macroEnabled.12;application/vnd.ms-word.document.macroEnabled;macro-enabled Word document\n",
    "dotx;application/vnd.openxmlformats-officedocument.wordprocessingml.template;wordprocessingml.template;Word template\n",
    "dotm;application/vnd.ms-word.template.macroEnabled.12;application/vnd.ms-word.template.macroEnabledTemplate;macro-enabled Word template\n",
    "xlsx;application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;spreadsheetml.sheet;Excel workbook\n",
    "xlsm;application/vnd.ms-excel.sheet.macroEnabled.12;application/vnd.ms-excel.sheet.macroEnabled;macro-enabled Excel workbook\n",
    "xltx;application/vnd.openxmlformats-officedocument.spreadsheetml.template;spreadsheetml.template;Excel template\n",
    "xltm;application/vnd.ms-excel.template.macroEnabled.12;application/vnd.ms-excel.template.macroEnabled;macro-enabled Excel template\n",
    "pptx;application/vnd.openxmlformats-officedocument.presentationml.presentation;presentationml.presentation;PowerPoint presentation\n",
    "pptm;application/vnd.ms-powerpoint.presentation.macroEnabled.12;application/vnd.ms-powerpoint.presentation.macroEnabled;macro-enabled PowerPoint presentation\n",
    "potx;application/vnd.openxmlformats-officedocument.presentationml.template;presentationml.template;PowerPoint template\n",
    "potm;application/vnd.ms-powerpoint.template.macroEnabled.12;application/vnd.ms-powerpoint.template.macroEnabled;macro-enabled PowerPoint template\n",
    "ppsx;application/vnd.openxmlformats-officedocument.presentationml.slideshow;presentationml.slideshow;PowerPoint slide show\n",
    "ppsm;application/vnd.ms-powerpoint.slideshow.macroEnabled.12;application/vnd.ms-powerpoint.slideshow.macroEnabled;macro-enabled PowerPoint slide show",
);

/// Field numbers in a line of [`TABLE`].
pub(super) const EXT: usize = 0;
pub(super) const MIME: usize = 1;
const MAIN: usize = 2;
pub(super) const LABEL: usize = 3;

impl Ooxml {
    /// Field `field` of the type's line in [`TABLE`].
    pub(super) fn field(self, field: usize) -> &'static str {
        part(nth(TABLE, self as usize), b';', field)
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        self.field(MIME)
    }

    /// Whether the file may hold macros.
    pub fn macros(self) -> bool {
        matches!(
            self,
            Ooxml::Docm
                | Ooxml::Dotm
                | Ooxml::Xlsm
                | Ooxml::Xltm
                | Ooxml::Pptm
                | Ooxml::Potm
                | Ooxml::Ppsm
        )
    }

    /// The macro-enabled form of a type with the same form (for a `vbaProject.bin` part when
    /// the content types could not be read).
    pub fn with_macros(self) -> Ooxml {
        match self {
            Ooxml::Docx => Ooxml::Docm,
            Ooxml::Dotx => Ooxml::Dotm,
            Ooxml::Xlsx => Ooxml::Xlsm,
            Ooxml::Xltx => Ooxml::Xltm,
            Ooxml::Pptx => Ooxml::Pptm,
            Ooxml::Potx => Ooxml::Potm,
            Ooxml::Ppsx => Ooxml::Ppsm,
            other => other,
        }
    }

    /// The type whose main part has this content type (`...main+xml`), if any.
    pub fn from_main_content_type(ct: &str) -> Option<Ooxml> {
        let base = trim(ct).strip_suffix(".main+xml")?;
        // At most one of the two matches: a table value starts with `application/` only
        // where it does not start with OXML.
        find(MAIN, base).or_else(|| find(MAIN, base.strip_prefix(OXML)?))
    }

    /// The type with this MIME type (compared without case), if any.
    pub fn from_mime(mime: &str) -> Option<Ooxml> {
        find(MIME, mime)
    }

    /// The type usual for this extension (lower case, without the dot), if any.
    pub fn from_extension(ext: &str) -> Option<Ooxml> {
        find(EXT, ext)
    }

    /// Word (0), Excel (1) or PowerPoint (2): types of one application are near relatives.
    /// By the declaration's order: four Word types, four Excel types, then PowerPoint's.
    pub fn application(self) -> u8 {
        (self as u8 / 4).min(2)
    }
}

/// The first type whose field `field` is `value` in any ASCII case.
fn find(field: usize, value: &str) -> Option<Ooxml> {
    line_where(TABLE, b';', field, value).and_then(|(n, _)| ALL.get(n).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trips() {
        assert_eq!(TABLE.split('\n').count(), ALL.len());
        for (i, kind) in ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i);
            let ext = kind.field(EXT);
            let main_field = kind.field(MAIN);
            assert_eq!(nth(TABLE, i).split(';').count(), 4);
            assert_eq!(Ooxml::from_mime(kind.mime()), Some(kind));
            assert_eq!(Ooxml::from_extension(ext), Some(kind));
            let main = if main_field.starts_with("application/") {
                format!("{main_field}.main+xml")
            } else {
                format!("{OXML}{main_field}.main+xml")
            };
            assert_eq!(Ooxml::from_main_content_type(&main), Some(kind), "{main}");
            assert_eq!(kind.macros(), ext.ends_with('m'));
            assert!(kind.with_macros().macros());
        }
        assert_eq!(Ooxml::Dotx.field(LABEL), "Word template");
        for (i, kind) in ALL.into_iter().enumerate() {
            let app = ["Word", "Excel", "PowerPoint"][usize::from(kind.application())];
            assert!(kind.field(LABEL).contains(app), "{i}");
        }
        assert_eq!(Ooxml::Docx.with_macros(), Ooxml::Docm);
        assert_eq!(Ooxml::from_main_content_type("application/xml"), None);
    }
}
