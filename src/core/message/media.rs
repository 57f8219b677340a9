//! Media messages (image, video, audio, document, sticker) and the media objects
//! reused by template and interactive headers.
//!
//! Sinch states no limit on `caption` or `filename`, so none is checked here. Each
//! is only ever read as a variant of a `type`-tagged object, so `type` is a known key.

use super::{check_provider, Members};
use crate::core::error::Result;
use crate::core::json::read::object;
use crate::core::json::{Path, Read, Value, Writer};
use crate::core::rules::{check_http_url_at, check_https_or_loopback_url_at, check_required_at};
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

impl Read for Media {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "url", "caption", "provider"])?;
        let mut out = Self::default();
        fields.set(&mut out.url, "url")?;
        fields.set_opt(&mut out.caption, "caption")?;
        fields.set_opt(&mut out.provider, "provider")?;
        Ok(out)
    }
}

impl Members for Media {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("caption", &self.caption);
        out.field_opt("provider", &self.provider);
    }
}

impl Read for MediaLink {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "url", "provider"])?;
        let mut out = Self::default();
        fields.set(&mut out.url, "url")?;
        fields.set_opt(&mut out.provider, "provider")?;
        Ok(out)
    }
}

impl Members for MediaLink {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("provider", &self.provider);
    }
}

impl Read for Document {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(
            value,
            at,
            &["type", "url", "caption", "filename", "provider"],
        )?;
        let mut out = Self::default();
        fields.set(&mut out.url, "url")?;
        fields.set_opt(&mut out.caption, "caption")?;
        fields.set_opt(&mut out.filename, "filename")?;
        fields.set_opt(&mut out.provider, "provider")?;
        Ok(out)
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

impl Read for DocumentLink {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "url", "filename", "provider"])?;
        let mut out = Self::default();
        fields.set(&mut out.url, "url")?;
        fields.set_opt(&mut out.filename, "filename")?;
        fields.set_opt(&mut out.provider, "provider")?;
        Ok(out)
    }
}

impl Members for DocumentLink {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("filename", &self.filename);
        out.field_opt("provider", &self.provider);
    }
}

impl Read for Sticker {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "url", "id", "provider"])?;
        let mut out = Self::default();
        fields.set_opt(&mut out.url, "url")?;
        fields.set_opt(&mut out.id, "id")?;
        fields.set_opt(&mut out.provider, "provider")?;
        Ok(out)
    }
}

impl Members for Sticker {
    fn members(&self, out: &mut Writer) {
        out.field_opt("url", &self.url);
        out.field_opt("id", &self.id);
        out.field_opt("provider", &self.provider);
    }
}

/// The URL and provider shared by every media object at `at`.
fn check_link(at: &Path, url: &str, provider: Option<&String>) -> Result<()> {
    check_http_url_at(&at.key("url"), url)?;
    check_provider(at, provider)
}

impl Media {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        check_link(at, &self.url, self.provider.as_ref())
    }
}

impl MediaLink {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        check_link(at, &self.url, self.provider.as_ref())
    }
}

impl Document {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        check_link(at, &self.url, self.provider.as_ref())
    }
}

impl DocumentLink {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        check_link(at, &self.url, self.provider.as_ref())
    }
}

impl Sticker {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        match (&self.url, &self.id) {
            (Some(url), None) => {
                check_https_or_loopback_url_at(&at.key("url"), url)?;
                check_provider(at, self.provider.as_ref())
            }
            (None, Some(id)) => {
                check_sticker_id(&at.key("id"), id)?;
                if self.provider.is_some() {
                    let provider = at.key("provider");
                    return Err(provider.invalid("can only be used with url, not with id"));
                }
                Ok(())
            }
            _ => Err(at.key("url").invalid("give exactly one of url or id")),
        }
    }
}

/// A stickerpack sticker's id (a UUID upstream). One with `:` or `/` is a URL
/// given as an id, and is refused rather than sent as a name Sinch cannot find.
fn check_sticker_id(at: &Path, id: &str) -> Result<()> {
    check_required_at(at, id)?;
    if id.as_bytes().iter().any(|&b| b == b':' || b == b'/') {
        return Err(at.invalid(
            "contains ':' or '/', so it is a URL: give it as url (https, or http on loopback)",
        ));
    }
    Ok(())
}
