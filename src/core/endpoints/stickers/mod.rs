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
                if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) =>
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

fn pack_path<'a>(id: &'a str, rest: &[&'a str]) -> Result<Vec<&'a str>> {
    check_id("stickerpackId", id)?;
    let mut path = Vec::with_capacity(2 + rest.len());
    path.extend_from_slice(&["stickerpacks", id]);
    path.extend_from_slice(rest);
    Ok(path)
}

/// `GET` of `path`, with `?namespace=…` when one is given.
fn read_request(config: &Config, path: &[&str], namespace: Option<Namespace>) -> Request<String> {
    Request::new(config, Method::Get, path, None)
        .query("namespace", namespace.map(Namespace::as_str))
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Request<String> {
    read_request(config, &["stickerpacks"], namespace)
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    Ok(read_request(config, &pack_path(id, &[])?, namespace))
}

/// `POST /stickerpacks`: creates a third-party pack (not idempotent: each call makes one).
pub fn create_pack(config: &Config, fields: &StickerpackFields) -> Result<Request<String>> {
    fields.validate(true)?;
    let body = Some(fields.body());
    Ok(Request::new(config, Method::Post, &["stickerpacks"], body))
}

/// `PATCH /stickerpacks/{id}`: overwrites the given fields.
pub fn update_pack(
    config: &Config,
    id: &str,
    fields: &StickerpackFields,
) -> Result<Request<String>> {
    fields.validate(false)?;
    let path = pack_path(id, &[])?;
    Ok(Request::new(
        config,
        Method::Patch,
        &path,
        Some(fields.body()),
    ))
}

/// `DELETE /stickerpacks/{id}`.
pub fn delete_pack(config: &Config, id: &str) -> Result<Request<String>> {
    let path = pack_path(id, &[])?;
    Ok(Request::new(config, Method::Delete, &path, None))
}

/// `GET /stickerpacks/{id}/stickers?namespace=…`.
pub fn list_stickers(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    Ok(read_request(
        config,
        &pack_path(id, &["stickers"])?,
        namespace,
    ))
}

/// `GET /stickerpacks/{id}/stickers/{index}?namespace=…`.
pub fn get_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(read_request(config, &path, namespace))
}

/// `POST /stickerpacks/{id}/stickers`: adds a sticker (not idempotent).
pub fn create_sticker(
    config: &Config,
    id: &str,
    fields: &StickerFields,
) -> Result<Request<String>> {
    fields.validate(true)?;
    let path = pack_path(id, &["stickers"])?;
    Ok(Request::new(
        config,
        Method::Post,
        &path,
        Some(fields.body()),
    ))
}

/// `PATCH /stickerpacks/{id}/stickers/{index}`.
pub fn update_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    fields: &StickerFields,
) -> Result<Request<String>> {
    fields.validate(false)?;
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(Request::new(
        config,
        Method::Patch,
        &path,
        Some(fields.body()),
    ))
}

/// `DELETE /stickerpacks/{id}/stickers/{index}`.
pub fn delete_sticker(config: &Config, id: &str, index: &StickerIndex) -> Result<Request<String>> {
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(Request::new(config, Method::Delete, &path, None))
}
