//! Stickerpacks and stickers: their arguments and results. The ten methods are one
//! reader driven by a row each ([`Spec`]) over one request builder
//! ([`api::request`]).

use super::answers::{self, pass};
use super::Args;
use crate::core::config::Config;
use crate::core::endpoints::stickers::{self as api, Namespace, StickerIndex};
use crate::core::endpoints::stickers::{StickerFields, StickerpackFields};
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::{Method, Request};
use crate::prelude::*;

/// What follows a method's pack id and sticker index among its arguments.
enum Rest {
    /// Nothing.
    Nothing,
    /// The optional `namespace`.
    Namespace,
    /// A pack's `fields`, for a create (`true`) or an update.
    Pack(bool),
    /// A sticker's `fields`, for a create (`true`) or an update.
    Sticker(bool),
}

/// One sticker method: its HTTP method, whether it takes a `stickerpackId`, whether
/// its path goes on to `/stickers`, whether it takes a sticker's `index`, and the rest.
struct Spec(Method, bool, bool, bool, Rest);

/// Reads the arguments of the method `spec` in order (`stickerpackId`, `index`, then
/// `fields` or `namespace`), checks the fields, then builds the request.
fn run(config: &Config, args: &Args, spec: &Spec) -> Result<Request<String>> {
    let Spec(method, takes_pack, stickers, takes_index, rest) = spec;
    let mut next = 0;
    let pack = match takes_pack {
        true => {
            next += 1;
            Some(args.read::<String>(0, "stickerpackId")?)
        }
        false => None,
    };
    let index = match takes_index {
        true => {
            next += 1;
            Some(args.read::<StickerIndex>(next - 1, "index")?)
        }
        false => None,
    };
    let (body, namespace) = match rest {
        Rest::Nothing => (None, None),
        Rest::Namespace => (None, args.read::<Option<Namespace>>(next, "namespace")?),
        Rest::Pack(creating) => {
            let fields = args.read::<StickerpackFields>(next, "fields")?;
            (Some(fields.checked_body(*creating)?), None)
        }
        Rest::Sticker(creating) => {
            let fields = args.read::<StickerFields>(next, "fields")?;
            (Some(fields.checked_body(*creating)?), None)
        }
    };
    let (pack, index) = (pack.as_deref(), index.as_ref());
    api::request(config, *method, pack, *stickers, index, body, namespace)
}

/// `listStickerpacks(namespace?)`.
pub fn list_packs(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Get, false, false, false, Rest::Namespace),
    )
}

/// `getStickerpack(stickerpackId, namespace?)`.
pub fn get_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Get, true, false, false, Rest::Namespace),
    )
}

/// `createStickerpack(fields)`.
pub fn create_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Post, false, false, false, Rest::Pack(true)),
    )
}

/// `updateStickerpack(stickerpackId, fields)`.
pub fn update_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Patch, true, false, false, Rest::Pack(false)),
    )
}

/// `deleteStickerpack(stickerpackId)`.
pub fn delete_pack(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Delete, true, false, false, Rest::Nothing),
    )
}

/// `listStickers(stickerpackId, namespace?)`.
pub fn list_stickers(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Get, true, true, false, Rest::Namespace),
    )
}

/// `getSticker(stickerpackId, index, namespace?)`.
pub fn get_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Get, true, true, true, Rest::Namespace),
    )
}

/// `createSticker(stickerpackId, fields)`.
pub fn create_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Post, true, true, false, Rest::Sticker(true)),
    )
}

/// `updateSticker(stickerpackId, index, fields)`.
pub fn update_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Patch, true, true, true, Rest::Sticker(false)),
    )
}

/// `deleteSticker(stickerpackId, index)`.
pub fn delete_sticker(config: &Config, args: &Args) -> Result<Request<String>> {
    run(
        config,
        args,
        &Spec(Method::Delete, true, true, true, Rest::Nothing),
    )
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
