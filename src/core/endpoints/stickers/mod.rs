//! Stickerpacks and their stickers (third-party packs can be created and edited;
//! WhatsApp's own can only be read).

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::{decimal, Value};
use crate::core::message::schema::{Kind, Member, Need, Rule, STRING};
use crate::core::ops::typed;
use crate::core::request::Request;
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
/// a whole number or a string of up to 10 digits: the table's `Kind::Index`, which
/// checks it again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickerIndex(String);

impl StickerIndex {
    /// The index `index`.
    pub fn new(index: u32) -> Self {
        Self(decimal(index.into()))
    }
}

/// `stickerpackId`: a string, checked as an id.
pub(crate) const PACK: Member = Member("stickerpackId", STRING, Need::Required);
/// `index`: a whole number or a string of digits.
pub(crate) const INDEX: Member = Member("index", &Kind::Index, Need::Required);
/// `namespace?`.
pub(crate) const NAMESPACE: Member = Member(
    "namespace",
    &Kind::Any(Rule::OneOf(
        &["third_party", "whatsapp"],
        r#"must be one of "third_party", "whatsapp""#,
    )),
    Need::Optional,
);

/// Op `name` with a pack id `id` (when given) and `rest`, in its JS form.
fn call(config: &Config, name: &str, id: Option<&str>, rest: &[Value]) -> Result<Request<String>> {
    let mut args = Vec::with_capacity(3);
    if let Some(id) = id {
        args.push(Value::String(id.into()));
    }
    args.extend_from_slice(rest);
    typed(config, name, args)
}

fn name(namespace: Option<Namespace>) -> Value {
    namespace.map_or(Value::Null, |namespace| {
        Value::String(namespace.as_str().into())
    })
}

impl StickerIndex {
    fn js(&self) -> Value {
        Value::String(self.0.clone())
    }
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Result<Request<String>> {
    call(config, "listStickerpacks", None, &[name(namespace)])
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    call(config, "getStickerpack", Some(id), &[name(namespace)])
}

/// `POST /stickerpacks`: creates a third-party pack (not idempotent: each call makes one).
pub fn create_pack(config: &Config, fields: &StickerpackFields) -> Result<Request<String>> {
    call(config, "createStickerpack", None, &[fields.js()?])
}

/// `PATCH /stickerpacks/{id}`: overwrites the given fields.
pub fn update_pack(
    config: &Config,
    id: &str,
    fields: &StickerpackFields,
) -> Result<Request<String>> {
    call(config, "updateStickerpack", Some(id), &[fields.js()?])
}

/// `DELETE /stickerpacks/{id}`.
pub fn delete_pack(config: &Config, id: &str) -> Result<Request<String>> {
    call(config, "deleteStickerpack", Some(id), &[])
}

/// `GET /stickerpacks/{id}/stickers?namespace=…`.
pub fn list_stickers(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    call(config, "listStickers", Some(id), &[name(namespace)])
}

/// `GET /stickerpacks/{id}/stickers/{index}?namespace=…`.
pub fn get_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    call(
        config,
        "getSticker",
        Some(id),
        &[index.js(), name(namespace)],
    )
}

/// `POST /stickerpacks/{id}/stickers`: adds a sticker (not idempotent).
pub fn create_sticker(
    config: &Config,
    id: &str,
    fields: &StickerFields,
) -> Result<Request<String>> {
    call(config, "createSticker", Some(id), &[fields.js()?])
}

/// `PATCH /stickerpacks/{id}/stickers/{index}`.
pub fn update_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    fields: &StickerFields,
) -> Result<Request<String>> {
    call(
        config,
        "updateSticker",
        Some(id),
        &[index.js(), fields.js()?],
    )
}

/// `DELETE /stickerpacks/{id}/stickers/{index}`.
pub fn delete_sticker(config: &Config, id: &str, index: &StickerIndex) -> Result<Request<String>> {
    call(config, "deleteSticker", Some(id), &[index.js()])
}
