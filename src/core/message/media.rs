//! Media messages (image, video, audio, document, sticker) and the media objects
//! reused by template and interactive headers.
//!
//! Sinch states no limit on `caption` or `filename`, so none is checked.

use super::Members;
use crate::core::json::Writer;
use crate::prelude::*;

/// An image or video: `{ url, caption?, provider? }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Media {
    /// Public http(s) URL of the file.
    pub url: String,
    /// Text shown under the media.
    pub caption: Option<String>,
    /// Name of a media provider whose credentials Sinch uses to fetch `url`.
    pub provider: Option<String>,
}

/// A media URL without caption: an audio message, or an image or video header
/// (`{ url, provider? }`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MediaLink {
    /// Public http(s) URL of the file.
    pub url: String,
    /// Name of a media provider whose credentials Sinch uses to fetch `url`.
    pub provider: Option<String>,
}

/// A document message: `{ url, caption?, filename?, provider? }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Public http(s) URL of the file.
    pub url: String,
    /// Shown as the document's title.
    pub caption: Option<String>,
    /// The file name the recipient sees.
    pub filename: Option<String>,
    /// Name of a media provider whose credentials Sinch uses to fetch `url`.
    pub provider: Option<String>,
}

/// A document header (template media or interactive button header): no caption,
/// `{ url, filename?, provider? }`. Upstream names a template document
/// "Filename" when `filename` is left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentLink {
    /// Public http(s) URL of the file.
    pub url: String,
    /// The file name the recipient sees.
    pub filename: Option<String>,
    /// Name of a media provider whose credentials Sinch uses to fetch `url`.
    pub provider: Option<String>,
}

/// A sticker: exactly one of `url` (a webp file) or `id` (from a stickerpack);
/// `provider` only with `url`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sticker {
    /// Public http(s) URL of the sticker file.
    pub url: Option<String>,
    /// Id of a sticker in a stickerpack.
    pub id: Option<String>,
    /// Name of a media provider whose credentials Sinch uses to fetch `url`.
    pub provider: Option<String>,
}

impl Members for Media {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("caption", &self.caption);
        out.field_opt("provider", &self.provider);
    }
}

impl Members for MediaLink {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("provider", &self.provider);
    }
}

impl Members for Document {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("caption", &self.caption);
        out.field_opt("filename", &self.filename);
        out.field_opt("provider", &self.provider);
    }
}

impl Members for DocumentLink {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("filename", &self.filename);
        out.field_opt("provider", &self.provider);
    }
}

impl Members for Sticker {
    fn members(&self, out: &mut Writer) {
        out.field_opt("url", &self.url);
        out.field_opt("id", &self.id);
        out.field_opt("provider", &self.provider);
    }
}
