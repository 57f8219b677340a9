//! Stickerpacks and their stickers (third-party packs can be created and edited;
//! WhatsApp's own can only be read).

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::read::whole;
use crate::core::json::{decimal, Path, Read, Value};
use crate::core::request::{Method, Request};
use crate::core::rules::check_id;
use crate::prelude::*;

mod fields;
#[cfg(test)]
mod tests;

pub use fields::{StickerFields, StickerpackFields};

/// Which packs to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// Packs you created (upstream default is `whatsapp`).
    ThirdParty,
    /// WhatsApp's own packs.
    Whatsapp,
}

impl Namespace {
    fn as_str(self) -> &'static str {
        match self {
            Self::ThirdParty => "third_party",
            Self::Whatsapp => "whatsapp",
        }
    }
}

impl Read for Namespace {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value.as_str() {
            Some("third_party") => Ok(Self::ThirdParty),
            Some("whatsapp") => Ok(Self::Whatsapp),
            _ => Err(at.invalid(r#"must be one of "third_party", "whatsapp""#)),
        }
    }
}

/// A sticker's index in its pack: a non-negative whole number, given as a number
/// or a string of up to 10 digits; kept as its path segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickerIndex(String);

impl Read for StickerIndex {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let segment = match value {
            Value::String(s)
                if !s.is_empty()
                    && s.len() <= 10
                    && s.as_bytes().iter().all(|&b| b.is_ascii_digit()) =>
            {
                Some(s.clone())
            }
            Value::Number(_) => whole(value, u64::from(u32::MAX)).map(decimal),
            _ => None,
        };
        segment
            .map(Self)
            .ok_or_else(|| at.invalid("must be a non-negative whole number"))
    }
}

/// Every sticker request: `method` on `/stickerpacks[/{pack}][/stickers][/{index}]`
/// with `body`, and `?namespace=…` when one is given; the pack id is checked
/// (`stickerpackId`) first. One builder for the ten methods.
pub fn request(
    config: &Config,
    method: Method,
    pack: Option<&str>,
    stickers: bool,
    index: Option<&StickerIndex>,
    body: Option<String>,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    let mut path = Vec::with_capacity(4);
    path.push("stickerpacks");
    if let Some(id) = pack {
        check_id("stickerpackId", id)?;
        path.push(id);
    }
    if stickers {
        path.push("stickers");
    }
    if let Some(index) = index {
        path.push(&index.0);
    }
    let namespace = namespace.map(Namespace::as_str);
    Ok(Request::new(config, method, &path, body).query("namespace", namespace))
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Request<String> {
    Request::new(config, Method::Get, &["stickerpacks"], None)
        .query("namespace", namespace.map(Namespace::as_str))
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    request(config, Method::Get, Some(id), false, None, None, namespace)
}

/// `POST /stickerpacks`: creates a third-party pack (not idempotent: each call makes one).
pub fn create_pack(config: &Config, fields: &StickerpackFields) -> Result<Request<String>> {
    let body = fields.checked_body(true)?;
    request(config, Method::Post, None, false, None, Some(body), None)
}

/// `PATCH /stickerpacks/{id}`: overwrites the given fields.
pub fn update_pack(
    config: &Config,
    id: &str,
    fields: &StickerpackFields,
) -> Result<Request<String>> {
    let body = fields.checked_body(false)?;
    request(
        config,
        Method::Patch,
        Some(id),
        false,
        None,
        Some(body),
        None,
    )
}

/// `DELETE /stickerpacks/{id}`.
pub fn delete_pack(config: &Config, id: &str) -> Result<Request<String>> {
    request(config, Method::Delete, Some(id), false, None, None, None)
}

/// `GET /stickerpacks/{id}/stickers?namespace=…`.
pub fn list_stickers(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    request(config, Method::Get, Some(id), true, None, None, namespace)
}

/// `GET /stickerpacks/{id}/stickers/{index}?namespace=…`.
pub fn get_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    request(
        config,
        Method::Get,
        Some(id),
        true,
        Some(index),
        None,
        namespace,
    )
}

/// `POST /stickerpacks/{id}/stickers`: adds a sticker (not idempotent).
pub fn create_sticker(
    config: &Config,
    id: &str,
    fields: &StickerFields,
) -> Result<Request<String>> {
    let body = fields.checked_body(true)?;
    request(config, Method::Post, Some(id), true, None, Some(body), None)
}

/// `PATCH /stickerpacks/{id}/stickers/{index}`.
pub fn update_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    fields: &StickerFields,
) -> Result<Request<String>> {
    let body = fields.checked_body(false)?;
    let pack = Some(id);
    request(
        config,
        Method::Patch,
        pack,
        true,
        Some(index),
        Some(body),
        None,
    )
}

/// `DELETE /stickerpacks/{id}/stickers/{index}`.
pub fn delete_sticker(config: &Config, id: &str, index: &StickerIndex) -> Result<Request<String>> {
    request(
        config,
        Method::Delete,
        Some(id),
        true,
        Some(index),
        None,
        None,
    )
}
