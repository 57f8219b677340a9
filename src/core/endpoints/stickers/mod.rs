//! Stickerpacks and their stickers (third-party packs can be created and edited;
//! WhatsApp's own can only be read).

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::decimal;
use crate::core::request::{Method, Request};
use crate::core::rules::check_id;
use crate::prelude::*;

pub(crate) mod fields;
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

/// A sticker's index in its pack, kept as its path segment (JS callers give it as
/// a whole number or a string of up to 10 digits: the table's `Kind::Index`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickerIndex(String);

impl StickerIndex {
    /// The index `index`.
    pub fn new(index: u32) -> Self {
        Self(decimal(index.into()))
    }
}

/// Every sticker request: `method` on `/stickerpacks[/{pack}][/stickers][/{index}]`
/// with `body`, and `?namespace=…` when one is given; the pack id is checked
/// (`stickerpackId`) here. One builder for the ten methods. Crate-internal: `index`
/// goes into the path as given, so its callers hand in only a checked index (a
/// [`StickerIndex`]'s, or the table's `Kind::Index`: digits only).
pub(crate) fn request(
    config: &Config,
    method: Method,
    pack: Option<&str>,
    stickers: bool,
    index: Option<&str>,
    body: Option<String>,
    namespace: Option<&str>,
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
        path.push(index);
    }
    Ok(Request::new(config, method, &path, body).query("namespace", namespace))
}

fn name(namespace: Option<Namespace>) -> Option<&'static str> {
    namespace.map(Namespace::as_str)
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Request<String> {
    Request::new(config, Method::Get, &["stickerpacks"], None).query("namespace", name(namespace))
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    request(
        config,
        Method::Get,
        Some(id),
        false,
        None,
        None,
        name(namespace),
    )
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
    request(
        config,
        Method::Get,
        Some(id),
        true,
        None,
        None,
        name(namespace),
    )
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
        Some(&index.0),
        None,
        name(namespace),
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
        Some(&index.0),
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
        Some(&index.0),
        None,
        None,
    )
}
