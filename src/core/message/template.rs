//! A template message: a template made in Sinch's dashboard, filled with parameters.
//!
//! Upstream limits header and body by the whole rendered text ("up to 60 characters
//! for all parameters and predefined template header text", 1024 for the body); the
//! template's own text is not known here, so the safe reading is checked: the
//! parameters alone must fit, and the rest is Sinch's to refuse.

use super::media::{DocumentLink, MediaLink};
use super::{write_tagged, Members};
use crate::core::error::Result;
use crate::core::json::read::{object, tag};
use crate::core::json::{decimal, Path, Read, Value, Write, Writer};
use crate::core::rules::{check_chars_at, check_language_at, check_required_at};
use crate::prelude::*;

/// All header parameters together, in characters.
pub const MAX_HEADER_PARAM_CHARS: usize = 60;
/// All body parameters together, in characters.
pub const MAX_BODY_PARAM_CHARS: usize = 1024;

/// `{ templateName, language?, headerParams?, bodyParams?, media?, buttons? }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Template {
    /// The template's name as registered.
    pub template_name: String,
    /// Language or locale code (`en`, `en_US`); upstream default `en`.
    pub language: Option<String>,
    /// Parameters of a text header.
    pub header_params: Option<Vec<String>>,
    /// Parameters of the body.
    pub body_params: Option<Vec<String>>,
    /// The header's media; `{ type: "text" }` for a template without media.
    pub media: Option<TemplateMedia>,
    /// Values for the template's buttons.
    pub buttons: Option<Vec<TemplateButton>>,
    /// Retired upstream on 2021-06-29: refused with a clear error.
    pub ttl: Option<Retired>,
    /// Retired upstream (replaced by `bodyParams`): refused with a clear error.
    pub params: Option<Retired>,
}

/// A field upstream no longer takes; any value is read so it can be refused by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retired;

impl Read for Retired {
    fn read(_: &Value, _: &Path) -> Result<Self> {
        Ok(Self)
    }
}

/// The header of a template: text (no media), or an image, video or document without caption.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateMedia {
    /// No media: `{ type: "text" }`.
    Text,
    /// `{ type: "image", url, provider? }`
    Image(MediaLink),
    /// `{ type: "video", url, provider? }`
    Video(MediaLink),
    /// `{ type: "document", url, filename?, provider? }`
    Document(DocumentLink),
}

impl Read for TemplateMedia {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(
            match tag(value, at, &["text", "image", "video", "document"])? {
                // A variant without members ignores the rest, as serde's derive did.
                0 => Self::Text,
                1 => Self::Image(MediaLink::read(value, at)?),
                2 => Self::Video(MediaLink::read(value, at)?),
                _ => Self::Document(DocumentLink::read(value, at)?),
            },
        )
    }
}

impl Write for TemplateMedia {
    fn write(&self, out: &mut Writer) {
        let (tag, members): (&str, &dyn Members) = match self {
            Self::Text => ("text", &()),
            Self::Image(link) => ("image", link),
            Self::Video(link) => ("video", link),
            Self::Document(link) => ("document", link),
        };
        write_tagged(out, tag, members);
    }
}

/// A value for one of the template's buttons, in the template's order.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateButton {
    /// A call button: nothing to fill in.
    Call,
    /// A URL button; `parameter` fills the variable part of a dynamic URL.
    Url(UrlButton),
    /// A quick-reply button; `payload` comes back in the callback when pressed.
    QuickReply(QuickReplyButton),
}

impl Read for TemplateButton {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(match tag(value, at, &["call", "url", "quick_reply"])? {
            0 => Self::Call,
            1 => Self::Url(UrlButton::read(value, at)?),
            _ => Self::QuickReply(QuickReplyButton::read(value, at)?),
        })
    }
}

impl Write for TemplateButton {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Call => write_tagged(out, "call", &()),
            Self::Url(button) => write_tagged(out, "url", button),
            Self::QuickReply(button) => write_tagged(out, "quick_reply", button),
        }
    }
}

/// `{ type: "url", parameter? }`
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlButton {
    /// The variable part of a dynamic URL.
    pub parameter: Option<String>,
}

/// `{ type: "quick_reply", payload? }`
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuickReplyButton {
    /// Returned in the callback when the button is pressed.
    pub payload: Option<String>,
}

impl Read for UrlButton {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "parameter"])?;
        let mut out = Self::default();
        fields.set_opt(&mut out.parameter, "parameter")?;
        Ok(out)
    }
}

impl Members for UrlButton {
    fn members(&self, out: &mut Writer) {
        out.field_opt("parameter", &self.parameter);
    }
}

impl Read for QuickReplyButton {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "payload"])?;
        let mut out = Self::default();
        fields.set_opt(&mut out.payload, "payload")?;
        Ok(out)
    }
}

impl Members for QuickReplyButton {
    fn members(&self, out: &mut Writer) {
        out.field_opt("payload", &self.payload);
    }
}

const TEMPLATE: &[&str] = &[
    "type",
    "templateName",
    "language",
    "headerParams",
    "bodyParams",
    "media",
    "buttons",
    "ttl",
    "params",
];

impl Read for Template {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, TEMPLATE)?;
        let mut out = Self::default();
        fields.set(&mut out.template_name, "templateName")?;
        fields.set_opt(&mut out.language, "language")?;
        fields.set_opt(&mut out.header_params, "headerParams")?;
        fields.set_opt(&mut out.body_params, "bodyParams")?;
        fields.set_opt(&mut out.media, "media")?;
        fields.set_opt(&mut out.buttons, "buttons")?;
        fields.set_opt(&mut out.ttl, "ttl")?;
        fields.set_opt(&mut out.params, "params")?;
        Ok(out)
    }
}

/// `ttl` and `params` are never written: a template with them is refused.
impl Members for Template {
    fn members(&self, out: &mut Writer) {
        out.field("template_name", &self.template_name);
        out.field_opt("language", &self.language);
        out.field_opt("header_params", &self.header_params);
        out.field_opt("body_params", &self.body_params);
        out.field_opt("media", &self.media);
        out.field_opt("buttons", &self.buttons);
    }
}

impl Template {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        self.validate_at(at, self.language.as_deref())
    }

    /// [`Template::validate`] with `language` checked in place of the template's own
    /// (the Conversation API sends `en-US` as `en_US`).
    #[cfg(feature = "conversation")]
    pub(crate) fn validate_as(&self, path: &str, language: Option<&str>) -> Result<()> {
        self.validate_at(&Path::root(path), language)
    }

    /// [`Template::validate_as`] at `at`.
    fn validate_at(&self, at: &Path, language: Option<&str>) -> Result<()> {
        for (name, value) in [("ttl", &self.ttl), ("params", &self.params)] {
            if value.is_some() {
                return Err(at.key(name).invalid(RETIRED[usize::from(name == "params")]));
            }
        }
        check_chars_at(&at.key("templateName"), &self.template_name, 1, 512)?;
        if let Some(language) = language {
            check_language_at(&at.key("language"), language)?;
        }
        check_params(
            &at.key("headerParams"),
            self.header_params.as_deref(),
            MAX_HEADER_PARAM_CHARS,
        )?;
        check_params(
            &at.key("bodyParams"),
            self.body_params.as_deref(),
            MAX_BODY_PARAM_CHARS,
        )?;
        let media = at.key("media");
        match &self.media {
            Some(TemplateMedia::Image(link) | TemplateMedia::Video(link)) => {
                link.validate(&media)?
            }
            Some(TemplateMedia::Document(link)) => link.validate(&media)?,
            Some(TemplateMedia::Text) | None => {}
        }
        let buttons = at.key("buttons");
        for (i, button) in self.buttons.iter().flatten().enumerate() {
            match button {
                TemplateButton::Url(UrlButton {
                    parameter: Some(value),
                }) => check_required_at(&buttons.index(i).key("parameter"), value)?,
                TemplateButton::QuickReply(QuickReplyButton {
                    payload: Some(value),
                }) => check_required_at(&buttons.index(i).key("payload"), value)?,
                _ => {}
            }
        }
        Ok(())
    }
}

const RETIRED: [&str; 2] = [
    "is retired upstream (Sinch dropped template time-to-live on 2021-06-29): remove it",
    "is retired upstream: use bodyParams (and headerParams) instead",
];

/// Each parameter non-empty; all together at most `max` characters.
fn check_params(at: &Path, params: Option<&[String]>, max: usize) -> Result<()> {
    let mut total = 0;
    for (i, param) in params.unwrap_or_default().iter().enumerate() {
        check_required_at(&at.index(i), param)?;
        total += crate::core::rules::count_chars(param);
    }
    if total > max {
        let rule = [
            "must be at most ",
            &decimal(max as u64),
            " characters all together (has ",
            &decimal(total as u64),
            "), template text included",
        ]
        .concat();
        return Err(at.invalid(&rule));
    }
    Ok(())
}
