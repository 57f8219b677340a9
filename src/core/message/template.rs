//! A template message: a template made in Sinch's dashboard, filled with parameters.
//!
//! Upstream limits header and body by the whole rendered text ("up to 60 characters
//! for all parameters and predefined template header text", 1024 for the body); the
//! template's own text is not known here, so the safe reading is checked: the
//! parameters alone must fit, and the rest is Sinch's to refuse.

use super::media::{DocumentLink, MediaLink};
use super::tagged::tagged;
use super::{item, sub};
use crate::core::error::{Error, Result};
use crate::core::rules::{check_chars, check_language, check_required};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// All header parameters together, in characters.
pub const MAX_HEADER_PARAM_CHARS: usize = 60;
/// All body parameters together, in characters.
pub const MAX_BODY_PARAM_CHARS: usize = 1024;

/// `{ templateName, language?, headerParams?, bodyParams?, media?, buttons? }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct Template {
    /// The template's name as registered.
    pub template_name: String,
    /// Language or locale code (`en`, `en_US`); upstream default `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Parameters of a text header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_params: Option<Vec<String>>,
    /// Parameters of the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_params: Option<Vec<String>>,
    /// The header's media; `{ type: "text" }` for a template without media.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<TemplateMedia>,
    /// Values for the template's buttons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buttons: Option<Vec<TemplateButton>>,
    /// Retired upstream on 2021-06-29: refused with a clear error.
    #[serde(default, skip_serializing)]
    pub ttl: Option<Retired>,
    /// Retired upstream (replaced by `bodyParams`): refused with a clear error.
    #[serde(default, skip_serializing)]
    pub params: Option<Retired>,
}

/// A field upstream no longer takes; any value is read so it can be refused by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retired;

impl<'de> Deserialize<'de> for Retired {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Retired)
    }
}

/// The header of a template: text (no media), or an image, video or document without caption.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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

tagged!(TemplateMedia {
    "text" => Text,
    "image" => Image(MediaLink),
    "video" => Video(MediaLink),
    "document" => Document(DocumentLink),
});

/// A value for one of the template's buttons, in the template's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TemplateButton {
    /// A call button: nothing to fill in.
    Call,
    /// A URL button; `parameter` fills the variable part of a dynamic URL.
    Url(UrlButton),
    /// A quick-reply button; `payload` comes back in the callback when pressed.
    QuickReply(QuickReplyButton),
}

tagged!(TemplateButton {
    "call" => Call,
    "url" => Url(UrlButton),
    "quick_reply" => QuickReply(QuickReplyButton),
});

/// `{ type: "url", parameter? }`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlButton {
    /// The variable part of a dynamic URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// `{ type: "quick_reply", payload? }`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickReplyButton {
    /// Returned in the callback when the button is pressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
}

impl Template {
    pub(super) fn validate(&self, path: &str) -> Result<()> {
        for (name, value) in [("ttl", &self.ttl), ("params", &self.params)] {
            if value.is_some() {
                return Err(Error::invalid(
                    &sub(path, name),
                    RETIRED[usize::from(name == "params")],
                ));
            }
        }
        check_chars(&sub(path, "templateName"), &self.template_name, 1, 512)?;
        if let Some(language) = &self.language {
            check_language(&sub(path, "language"), language)?;
        }
        check_params(
            &sub(path, "headerParams"),
            self.header_params.as_deref(),
            MAX_HEADER_PARAM_CHARS,
        )?;
        check_params(
            &sub(path, "bodyParams"),
            self.body_params.as_deref(),
            MAX_BODY_PARAM_CHARS,
        )?;
        match &self.media {
            Some(TemplateMedia::Image(link) | TemplateMedia::Video(link)) => {
                link.validate(&sub(path, "media"))?
            }
            Some(TemplateMedia::Document(link)) => link.validate(&sub(path, "media"))?,
            Some(TemplateMedia::Text) | None => {}
        }
        let buttons = sub(path, "buttons");
        for (i, button) in self.buttons.iter().flatten().enumerate() {
            match button {
                TemplateButton::Url(UrlButton {
                    parameter: Some(value),
                }) => check_required(&sub(&item(&buttons, i), "parameter"), value)?,
                TemplateButton::QuickReply(QuickReplyButton {
                    payload: Some(value),
                }) => check_required(&sub(&item(&buttons, i), "payload"), value)?,
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
fn check_params(field: &str, params: Option<&[String]>, max: usize) -> Result<()> {
    let params = params.unwrap_or_default();
    for (i, param) in params.iter().enumerate() {
        check_required(&item(field, i), param)?;
    }
    let total: usize = params.iter().map(|p| p.chars().count()).sum();
    if total > max {
        let rule = format!(
            "must be at most {max} characters all together (has {total}), template text included"
        );
        return Err(Error::invalid(field, &rule));
    }
    Ok(())
}
