//! A template message: a template made in Sinch's dashboard, filled with parameters.
//!
//! Upstream limits header and body by the whole rendered text ("up to 60 characters
//! for all parameters and predefined template header text", 1024 for the body); the
//! template's own text is not known here, so the safe reading is checked: the
//! parameters alone must fit, and the rest is Sinch's to refuse.

use super::media::{DocumentLink, MediaLink};
use super::{write_tagged, Members};
use crate::core::json::{Write, Writer};
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

/// A field upstream no longer takes: a template with one is refused by its name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retired;

/// Written as `true`: given, so the check refuses it.
impl Write for Retired {
    fn write(&self, out: &mut Writer) {
        true.write(out);
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

impl Members for UrlButton {
    fn members(&self, out: &mut Writer) {
        out.field_opt("parameter", &self.parameter);
    }
}

impl Members for QuickReplyButton {
    fn members(&self, out: &mut Writer) {
        out.field_opt("payload", &self.payload);
    }
}

/// `ttl` and `params` are written when given, so the check refuses them.
impl Members for Template {
    fn members(&self, out: &mut Writer) {
        out.field("templateName", &self.template_name);
        out.field_opt("language", &self.language);
        out.field_opt("headerParams", &self.header_params);
        out.field_opt("bodyParams", &self.body_params);
        out.field_opt("media", &self.media);
        out.field_opt("buttons", &self.buttons);
        out.field_opt("ttl", &self.ttl);
        out.field_opt("params", &self.params);
    }
}
