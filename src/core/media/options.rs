//! The caller's options as JS gives them, `{ as?, declaredType?, fileName? }`, read from
//! JSON text; an error names `options.<key>` and the rule, never the value.

use super::{MessageType, Options};
use crate::core::error::Result;
use crate::core::json::{self, read, Path, Read, Value};

/// The options, owned: what [`Options`] borrows from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnedOptions {
    /// `as`: the message type the file is meant for.
    pub intended: Option<MessageType>,
    /// `declaredType`: the MIME type the file claims.
    pub declared_type: Option<String>,
    /// `fileName`: the file's name.
    pub file_name: Option<String>,
}

impl OwnedOptions {
    /// Reads the JSON text of the options argument (`null`: none given).
    pub fn from_json(text: &str) -> Result<Self> {
        let at = Path::root("options");
        let value = json::parse(text).map_err(|_| at.invalid("could not be read"))?;
        Self::read(&value, &at)
    }

    /// Fills what the caller left out from the file itself: its type (`blob.type`, ignored
    /// when empty) and its name (`file.name`).
    pub fn or_from_file(mut self, declared: Option<String>, name: Option<String>) -> Self {
        if self.declared_type.is_none() {
            self.declared_type = declared.filter(|t| !t.is_empty());
        }
        if self.file_name.is_none() {
            self.file_name = name;
        }
        self
    }

    /// The borrowed form the preflight takes.
    pub fn as_options(&self) -> Options<'_> {
        Options {
            declared_mime: self.declared_type.as_deref(),
            file_name: self.file_name.as_deref(),
            intended: self.intended,
        }
    }
}

impl Read for OwnedOptions {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        if *value == Value::Null {
            return Ok(Self::default());
        }
        let o = read::object(value, at, &["as", "declaredType", "fileName"])?;
        Ok(Self {
            intended: o.optional("as")?,
            declared_type: o.optional("declaredType")?,
            file_name: o.optional("fileName")?,
        })
    }
}

impl Read for MessageType {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let name = String::read(value, at)?;
        MessageType::parse(&name).ok_or_else(|| {
            at.invalid(r#"must be one of "image", "audio", "video", "sticker", "document""#)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> (String, String) {
        let err = OwnedOptions::from_json(text).unwrap_err().into_fields();
        (err.field.unwrap_or_default(), err.message)
    }

    #[test]
    fn reads_every_option_and_none() {
        let o = OwnedOptions::from_json(
            r#"{"as":"sticker","declaredType":"image/webp","fileName":"s.webp"}"#,
        )
        .unwrap();
        assert_eq!(o.intended, Some(MessageType::Sticker));
        assert_eq!(o.as_options().declared_mime, Some("image/webp"));
        assert_eq!(o.as_options().file_name, Some("s.webp"));
        assert_eq!(
            OwnedOptions::from_json("null").unwrap(),
            OwnedOptions::default()
        );
        assert_eq!(
            OwnedOptions::from_json("{}").unwrap(),
            OwnedOptions::default()
        );
        assert_eq!(
            OwnedOptions::from_json(r#"{"as":null}"#).unwrap(),
            OwnedOptions::default()
        );
    }

    #[test]
    fn refuses_with_the_old_readers_words() {
        assert_eq!(
            refused(r#"{"fileNmae":"a.png"}"#),
            (
                "options.fileNmae".into(),
                "options.fileNmae: is not a known field".into()
            )
        );
        assert_eq!(
            refused(r#"{"as":"Image"}"#),
            (
                "options.as".into(),
                r#"options.as: must be one of "image", "audio", "video", "sticker", "document""#
                    .into()
            )
        );
        assert_eq!(refused(r#"{"as":5}"#).1, "options.as: must be a string");
        assert_eq!(
            refused(r#"{"fileName":true}"#).1,
            "options.fileName: must be a string"
        );
        assert_eq!(refused(r#""image""#).1, "options: must be an object");
        assert_eq!(refused("[]").1, "options: must be an object");
        assert_eq!(refused("{").1, "options: could not be read");
    }

    #[test]
    fn the_file_fills_only_what_is_left_out() {
        let given = OwnedOptions::from_json(r#"{"declaredType":"image/png"}"#).unwrap();
        let o = given.or_from_file(Some("image/jpeg".into()), Some("a.jpg".into()));
        assert_eq!(o.declared_type.as_deref(), Some("image/png"));
        assert_eq!(o.file_name.as_deref(), Some("a.jpg"));
        let o = OwnedOptions::default().or_from_file(Some(String::new()), None);
        assert_eq!(o.declared_type, None);
    }
}
