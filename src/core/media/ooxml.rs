//! The Office Open XML file types: documents, templates and slide shows of Word, Excel and
//! PowerPoint, with and without macros, told apart by the content type of the main part in
//! `[Content_Types].xml`.

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

/// One row of [`TABLE`].
struct Row {
    kind: Ooxml,
    /// The usual extension.
    ext: &'static str,
    /// The file's MIME type.
    mime: &'static str,
    /// The content type of the main part (`word/document.xml`, ...), without `.main+xml`.
    main: &'static str,
    label: &'static str,
}

const fn row(
    kind: Ooxml,
    ext: &'static str,
    mime: &'static str,
    main: &'static str,
    label: &'static str,
) -> Row {
    Row {
        kind,
        ext,
        mime,
        main,
        label,
    }
}

const OXML: &str = "application/vnd.openxmlformats-officedocument.";

const TABLE: [Row; 14] = [
    row(
        Ooxml::Docx,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "wordprocessingml.document",
        "Word document",
    ),
    row(
        Ooxml::Docm,
        "docm",
        "application/vnd.ms-word.document.macroEnabled.12",
        "application/vnd.ms-word.document.macroEnabled",
        "macro-enabled Word document",
    ),
    row(
        Ooxml::Dotx,
        "dotx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        "wordprocessingml.template",
        "Word template",
    ),
    row(
        Ooxml::Dotm,
        "dotm",
        "application/vnd.ms-word.template.macroEnabled.12",
        "application/vnd.ms-word.template.macroEnabledTemplate",
        "macro-enabled Word template",
    ),
    row(
        Ooxml::Xlsx,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "spreadsheetml.sheet",
        "Excel workbook",
    ),
    row(
        Ooxml::Xlsm,
        "xlsm",
        "application/vnd.ms-excel.sheet.macroEnabled.12",
        "application/vnd.ms-excel.sheet.macroEnabled",
        "macro-enabled Excel workbook",
    ),
    row(
        Ooxml::Xltx,
        "xltx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
        "spreadsheetml.template",
        "Excel template",
    ),
    row(
        Ooxml::Xltm,
        "xltm",
        "application/vnd.ms-excel.template.macroEnabled.12",
        "application/vnd.ms-excel.template.macroEnabled",
        "macro-enabled Excel template",
    ),
    row(
        Ooxml::Pptx,
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "presentationml.presentation",
        "PowerPoint presentation",
    ),
    row(
        Ooxml::Pptm,
        "pptm",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
        "application/vnd.ms-powerpoint.presentation.macroEnabled",
        "macro-enabled PowerPoint presentation",
    ),
    row(
        Ooxml::Potx,
        "potx",
        "application/vnd.openxmlformats-officedocument.presentationml.template",
        "presentationml.template",
        "PowerPoint template",
    ),
    row(
        Ooxml::Potm,
        "potm",
        "application/vnd.ms-powerpoint.template.macroEnabled.12",
        "application/vnd.ms-powerpoint.template.macroEnabled",
        "macro-enabled PowerPoint template",
    ),
    row(
        Ooxml::Ppsx,
        "ppsx",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
        "presentationml.slideshow",
        "PowerPoint slide show",
    ),
    row(
        Ooxml::Ppsm,
        "ppsm",
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.12",
        "application/vnd.ms-powerpoint.slideshow.macroEnabled",
        "macro-enabled PowerPoint slide show",
    ),
];

impl Ooxml {
    fn row(self) -> Option<&'static Row> {
        TABLE.iter().find(|r| r.kind == self)
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        self.row().map_or("application/octet-stream", |r| r.mime)
    }

    /// A short name ("Word template").
    pub fn label(self) -> &'static str {
        self.row().map_or("Office document", |r| r.label)
    }

    /// The usual extension.
    pub fn extensions(self) -> &'static str {
        self.row().map_or("", |r| r.ext)
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
        let base = ct.trim().strip_suffix(".main+xml")?;
        TABLE
            .iter()
            .find(|r| {
                base.eq_ignore_ascii_case(r.main)
                    || base
                        .strip_prefix(OXML)
                        .is_some_and(|rest| rest.eq_ignore_ascii_case(r.main))
            })
            .map(|r| r.kind)
    }

    /// The type with this MIME type (compared without case), if any.
    pub fn from_mime(mime: &str) -> Option<Ooxml> {
        TABLE
            .iter()
            .find(|r| r.mime.eq_ignore_ascii_case(mime))
            .map(|r| r.kind)
    }

    /// The type usual for this extension (lower case, without the dot), if any.
    pub fn from_extension(ext: &str) -> Option<Ooxml> {
        TABLE.iter().find(|r| r.ext == ext).map(|r| r.kind)
    }

    /// Word, Excel or PowerPoint: types of one application are near relatives.
    pub fn application(self) -> &'static str {
        match self {
            Ooxml::Docx | Ooxml::Docm | Ooxml::Dotx | Ooxml::Dotm => "Word",
            Ooxml::Xlsx | Ooxml::Xlsm | Ooxml::Xltx | Ooxml::Xltm => "Excel",
            _ => "PowerPoint",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_round_trips() {
        for r in &TABLE {
            assert_eq!(Ooxml::from_mime(r.mime), Some(r.kind));
            assert_eq!(Ooxml::from_extension(r.ext), Some(r.kind));
            let main = if r.main.starts_with("application/") {
                format!("{}.main+xml", r.main)
            } else {
                format!("{OXML}{}.main+xml", r.main)
            };
            assert_eq!(Ooxml::from_main_content_type(&main), Some(r.kind), "{main}");
            assert_eq!(r.kind.macros(), r.ext.ends_with('m'));
            assert!(r.kind.with_macros().macros());
        }
        assert_eq!(Ooxml::Docx.with_macros(), Ooxml::Docm);
        assert_eq!(Ooxml::from_main_content_type("application/xml"), None);
    }
}
