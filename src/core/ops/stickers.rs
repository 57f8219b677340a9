//! Stickerpacks and stickers: their arguments and results. The ten methods are one
//! check and one request builder ([`api::request`]) driven by a row each ([`Spec`]):
//! the arguments as a table of the message model's language.

use super::answers::{self, pass};
use super::Args;
use crate::core::config::Config;
use crate::core::endpoints::stickers::fields::{self, param};
use crate::core::endpoints::stickers::{self as api};
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::message::schema::{Kind, Member, Need, Rule, STRING};
use crate::core::message::{index, write};
use crate::core::request::{Method, Request};
use crate::prelude::*;

/// `stickerpackId`: a string (its rule, a path segment's id, is the builder's).
const PACK: Member = Member("stickerpackId", STRING, Need::Required);
/// `index`: a whole number or a string of digits.
const INDEX: Member = Member("index", &Kind::Index, Need::Required);
/// `namespace?`.
const NAMESPACE: Member = Member(
    "namespace",
    &Kind::Any(Rule::OneOf(
        &["third_party", "whatsapp"],
        r#"must be one of "third_party", "whatsapp""#,
    )),
    Need::Optional,
);

/// One sticker method: its HTTP method, whether its path goes on to `/stickers`,
/// and its arguments in order (each known by its kind: the pack id a string, the
/// index, the namespace, the fields an object).
struct Spec<'a>(Method, bool, &'a [Member]);

/// Checks the arguments of the method `spec` (every shape, then every rule), then
/// builds the request, which checks the pack id (`stickerpackId`) last.
fn run(config: &Config, args: &Args, spec: &Spec) -> Result<Request<String>> {
    let Spec(method, stickers, params) = spec;
    let values = args.checked(params)?;
    let (mut pack, mut at, mut body, mut namespace) = (None, None, None, None);
    for (i, Member(_, kind, _)) in params.iter().enumerate() {
        let value: &Value = values.get(i).copied().unwrap_or(&Value::Null);
        match kind {
            Kind::Index => at = index(value),
            Kind::Object(_) => body = Some(write(value, kind)),
            Kind::Any(_) => namespace = value.as_str(),
            _ => pack = value.as_str(),
        }
    }
    api::request(
        config,
        *method,
        pack,
        *stickers,
        at.as_deref(),
        body,
        namespace,
    )
}

/// `listStickerpacks(namespace?)`.
pub fn list_packs(config: &Config, args: &Args) -> Result<Request<String>> {
    run(config, args, &Spec(Method::Get, false, &[NAMESPACE]))
}

/// `getStickerpack(stickerpackId, namespace?)`.
pub fn get_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(config, args, &Spec(Method::Get, false, &[PACK, NAMESPACE]))
}

/// `createStickerpack(fields)`.
pub fn create_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    let params = &[param(fields::CREATE_PACK)];
    run(config, args, &Spec(Method::Post, false, params))
}

/// `updateStickerpack(stickerpackId, fields)`.
pub fn update_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    let params = &[PACK, param(fields::UPDATE_PACK)];
    run(config, args, &Spec(Method::Patch, false, params))
}

/// `deleteStickerpack(stickerpackId)`.
pub fn delete_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(config, args, &Spec(Method::Delete, false, &[PACK]))
}

/// `listStickers(stickerpackId, namespace?)`.
pub fn list_stickers(config: &Config, args: &Args) -> Result<Request<String>> {
    run(config, args, &Spec(Method::Get, true, &[PACK, NAMESPACE]))
}

/// `getSticker(stickerpackId, index, namespace?)`.
pub fn get_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Get, true, &[PACK, INDEX, NAMESPACE]),
    )
}

/// `createSticker(stickerpackId, fields)`.
pub fn create_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let params = &[PACK, param(fields::CREATE_STICKER)];
    run(config, args, &Spec(Method::Post, true, params))
}

/// `updateSticker(stickerpackId, index, fields)`.
pub fn update_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let params = &[PACK, INDEX, param(fields::UPDATE_STICKER)];
    run(config, args, &Spec(Method::Patch, true, params))
}

/// `deleteSticker(stickerpackId, index)`.
pub fn delete_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(config, args, &Spec(Method::Delete, true, &[PACK, INDEX]))
}

/// `{ stickerpacks: [{ id }] }`.
pub fn pack_list(body: &Value) -> Result<String> {
    pass(body, answers::PACK_LIST)
}

/// `{ publisher, name, iosAppStoreLink?, androidAppStoreLink? }`.
pub fn pack_info(body: &Value) -> Result<String> {
    pass(body, answers::PACK_INFO)
}

/// `{ id }` of the created pack.
pub fn pack_id(body: &Value) -> Result<String> {
    pass(body, answers::PACK_ID)
}

/// `{ stickers: [{ index }] }`.
pub fn sticker_list(body: &Value) -> Result<String> {
    pass(body, answers::STICKER_LIST)
}

/// `{ id, emojis }`.
pub fn sticker_info(body: &Value) -> Result<String> {
    pass(body, answers::STICKER_INFO)
}

/// `{ index }` of the created sticker.
pub fn sticker_index(body: &Value) -> Result<String> {
    pass(body, answers::STICKER_INDEX)
}
