//! Stickerpacks and stickers: their arguments and results.

use super::answers::{self, pass};
use super::Args;
use crate::core::config::Config;
use crate::core::endpoints::stickers::{self as api, Namespace, StickerIndex};
use crate::core::endpoints::stickers::{StickerFields, StickerpackFields};
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;
use crate::prelude::*;

/// Argument `index`: `stickerpackId`.
fn pack_arg(args: &Args, index: usize) -> Result<String> {
    args.read(index, "stickerpackId")
}

/// Argument `index`: the optional `namespace`.
fn namespace_arg(args: &Args, index: usize) -> Result<Option<Namespace>> {
    args.read(index, "namespace")
}

/// Argument `index`: a sticker's `index`.
fn index_arg(args: &Args, index: usize) -> Result<StickerIndex> {
    args.read(index, "index")
}

/// `listStickerpacks(namespace?)`.
pub fn list_packs(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::list_packs(config, namespace_arg(args, 0)?))
}

/// `getStickerpack(stickerpackId, namespace?)`.
pub fn get_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    api::get_pack(config, &pack_arg(args, 0)?, namespace_arg(args, 1)?)
}

/// `createStickerpack(fields)`.
pub fn create_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    api::create_pack(config, &args.read::<StickerpackFields>(0, "fields")?)
}

/// `updateStickerpack(stickerpackId, fields)`.
pub fn update_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    let id = pack_arg(args, 0)?;
    api::update_pack(config, &id, &args.read::<StickerpackFields>(1, "fields")?)
}

/// `deleteStickerpack(stickerpackId)`.
pub fn delete_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    api::delete_pack(config, &pack_arg(args, 0)?)
}

/// `listStickers(stickerpackId, namespace?)`.
pub fn list_stickers(config: &Config, args: &Args) -> Result<Request<String>> {
    api::list_stickers(config, &pack_arg(args, 0)?, namespace_arg(args, 1)?)
}

/// `getSticker(stickerpackId, index, namespace?)`.
pub fn get_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let id = pack_arg(args, 0)?;
    let index = index_arg(args, 1)?;
    api::get_sticker(config, &id, &index, namespace_arg(args, 2)?)
}

/// `createSticker(stickerpackId, fields)`.
pub fn create_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let id = pack_arg(args, 0)?;
    api::create_sticker(config, &id, &args.read::<StickerFields>(1, "fields")?)
}

/// `updateSticker(stickerpackId, index, fields)`.
pub fn update_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let id = pack_arg(args, 0)?;
    let index = index_arg(args, 1)?;
    let fields = args.read::<StickerFields>(2, "fields")?;
    api::update_sticker(config, &id, &index, &fields)
}

/// `deleteSticker(stickerpackId, index)`.
pub fn delete_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    let id = pack_arg(args, 0)?;
    api::delete_sticker(config, &id, &index_arg(args, 1)?)
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
