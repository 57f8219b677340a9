//! The one crossing between JS and Rust for the client: every method is an
//! operation named as its JS method (`sendText`, `listStickers`), its arguments one
//! JSON array as JS got them. [`prepare`] reads and checks them and builds the
//! request; [`answer`] turns the status and body of the answer into the JSON text of
//! the JS result, or the typed error. The JS face does the `fetch`, the deadline and
//! the retry loop, asking [`crate::core::retry`] whether and when to retry.
//!
//! Each area has its own module: the reading of its arguments and the writing of
//! its results. The request building and rules stay in [`crate::core::endpoints`]
//! and [`crate::core::message`].

use crate::prelude::*;

pub mod answers;
#[cfg(feature = "conversation")]
pub mod conversation;
mod messages;
mod numbers;
mod providers;
mod stickers;
mod store;

use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::json::Value;
use crate::core::message::arguments;
use crate::core::message::schema::{Member, Need, STRING};
use crate::core::request::Request;

/// One operation: how its request is built from its arguments, and how a 2xx
/// answer's body (parsed; an empty body reads as `{}`) becomes the JSON text of
/// the JS result (`null` for "nothing of use": JS gets `undefined`).
pub struct Op {
    /// The JS method's name.
    pub name: &'static str,
    /// Reads the arguments, checks every rule, builds the request (body as JSON text).
    pub request: fn(&Config, &Args) -> Result<Request<String>>,
    /// Reads a 2xx answer's body into the JS result's JSON text. An error here is
    /// turned into `invalid_response` by [`answer`].
    pub answer: fn(&Value) -> Result<String>,
}

/// Every operation of the client.
pub const OPS: &[Op] = &[
    op("send", messages::send, messages::sent),
    op("sendText", messages::send_text, messages::sent),
    op("markRead", numbers::mark_read, nothing),
    op("capability", numbers::capability, numbers::capabilities),
    op("optIn", numbers::opt_in, numbers::opt_in_result),
    op("optOut", numbers::opt_out, numbers::opt_in_result),
    op("addToBlacklist", numbers::add_to_blacklist, nothing),
    op(
        "removeFromBlacklist",
        numbers::remove_from_blacklist,
        nothing,
    ),
    op("blacklist", numbers::blacklist, numbers::blacklist_page),
    op("callbackStatus", store::status, store::results),
    op(
        "callbackNotifications",
        store::notifications,
        store::results,
    ),
    op("addProvider", providers::add, nothing),
    op("listProviders", providers::list, providers::listed),
    op("deleteProvider", providers::delete, nothing),
    op(
        "listStickerpacks",
        stickers::list_packs,
        stickers::pack_list,
    ),
    op("getStickerpack", stickers::get_pack, stickers::pack_info),
    op(
        "createStickerpack",
        stickers::create_pack,
        stickers::pack_id,
    ),
    op("updateStickerpack", stickers::update_pack, nothing),
    op("deleteStickerpack", stickers::delete_pack, nothing),
    op(
        "listStickers",
        stickers::list_stickers,
        stickers::sticker_list,
    ),
    op("getSticker", stickers::get_sticker, stickers::sticker_info),
    op(
        "createSticker",
        stickers::create_sticker,
        stickers::sticker_index,
    ),
    op("updateSticker", stickers::update_sticker, nothing),
    op("deleteSticker", stickers::delete_sticker, nothing),
];

const fn op(
    name: &'static str,
    request: fn(&Config, &Args) -> Result<Request<String>>,
    answer: fn(&Value) -> Result<String>,
) -> Op {
    Op {
        name,
        request,
        answer,
    }
}

/// The operation named `name`.
pub fn find(name: &str) -> Result<&'static Op> {
    OPS.iter()
        .find(|op| op.name == name)
        .ok_or_else(|| Error::invalid("operation", "is not an operation of this client"))
}

/// The request of operation `name` with `args` (the JSON text of the argument
/// array), every rule checked before anything is sent.
pub fn prepare(config: &Config, name: &str, args: &str) -> Result<Request<String>> {
    let op = find(name)?;
    let args = crate::core::json::parse(args)
        .map_err(|_| Error::invalid("arguments", "could not be read"))?;
    (op.request)(config, &Args::new(&args)?)
}

/// What an answer to `op` means: for a 2xx, the JS result's JSON text (an empty
/// body reads as `{}`; a body that is not JSON or not the documented shape is
/// `invalid_response`); otherwise the typed error of its status
/// ([`crate::core::response`]). `token` is redacted from everything taken from the
/// body before it is cut. `retry_after` is the raw `Retry-After` header.
pub fn answer(
    op: &Op,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    token: &str,
) -> Result<String> {
    use crate::core::response::{error_for_status, ErrorBody};
    if !(200..300).contains(&status) {
        let parsed = crate::core::json::parse(body).ok();
        let error_body = parsed.as_ref().and_then(ErrorBody::read);
        let error_body = error_body.map(|error_body| error_body.redacted(&[token]));
        return Err(error_for_status(status, error_body, retry_after));
    }
    reply(status, body, &[token], op.answer)
}

/// The JS result of a 2xx answer `body` (empty reads as `{}`) read by `answer`; a
/// body that is not JSON or not its shape is `invalid_response`, whose reason (a
/// path: a server may echo a secret into a key) has every one of `secrets` redacted.
pub fn reply(
    status: u16,
    body: &str,
    secrets: &[&str],
    answer: fn(&Value) -> Result<String>,
) -> Result<String> {
    use crate::core::response::invalid_response;
    let text = if body.trim().is_empty() { "{}" } else { body };
    let value = crate::core::json::parse(text)
        .map_err(|_| invalid_response(status, "the body is not JSON"))?;
    answer(&value).map_err(|err| {
        let reason = crate::core::config::redact_all(&err.message, secrets);
        invalid_response(status, &reason)
    })
}

/// The result of an answer that is "nothing of use": JS gets `undefined`.
pub fn nothing(_: &Value) -> Result<String> {
    Ok("null".to_owned())
}

/// A method's arguments, read by position; each has the name errors give it
/// (`to`, `messageId`), and a missing one reads as `null`.
pub struct Args<'v> {
    items: &'v [Value],
}

impl<'v> Args<'v> {
    /// The arguments in `value`, a JSON array.
    pub fn new(value: &'v Value) -> Result<Self> {
        match value {
            Value::Array(items) => Ok(Self { items }),
            _ => Err(Error::invalid("arguments", "must be an array")),
        }
    }

    /// Argument `index`, `null` when not given.
    pub fn value(&self, index: usize) -> &'v Value {
        const NULL: &Value = &Value::Null;
        self.items.get(index).unwrap_or(NULL)
    }

    /// Argument `index`, a string; an error names it `name` (`messageId: must be a string`).
    pub fn string(&self, index: usize, name: &'static str) -> Result<&'v str> {
        let value = self.value(index);
        arguments(&[value], &[Member(name, STRING, Need::Required)], false)?;
        Ok(value.as_str().unwrap_or_default())
    }

    /// The first `params.len()` arguments, once every shape and rule of `params`
    /// (each an argument's name, kind and need, in order) holds.
    pub(crate) fn checked(&self, params: &[Member]) -> Result<Vec<&'v Value>> {
        let mut values = Vec::with_capacity(params.len());
        for i in 0..params.len() {
            values.push(self.value(i));
        }
        arguments(&values, params, false)?;
        Ok(values)
    }
}
