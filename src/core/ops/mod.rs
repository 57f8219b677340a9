//! The one crossing between JS and Rust for the client: every method is an
//! operation named as its JS method (`sendText`, `listStickers`), its arguments one
//! JSON array as JS got them. Each operation is a row of [`OPS`] (its HTTP method,
//! how safe it is to repeat ([`Repeat`]), its path, its arguments as a table of the
//! message model's language, what its body is, and its answer's shape), read by one
//! runner (`ops/run.rs`): [`prepare`] reads and checks the arguments and builds the
//! request; [`answer`] turns the status and body of the answer into the JSON text of
//! the JS result, or the typed error. The JS face does the `fetch`, the deadline
//! and the retry loop, asking [`crate::core::retry`] whether and when to retry.

use crate::prelude::*;

pub mod answers;
#[cfg(feature = "conversation")]
pub mod conversation;
mod messages;
mod run;
#[cfg(test)]
mod tests;

pub use messages::text_request;

use crate::core::config::Config;
use crate::core::endpoints::numbers::{NUMBERS, PAGE};
use crate::core::endpoints::providers::{PROVIDER, PROVIDER_NAME};
use crate::core::endpoints::stickers::fields::{
    param, CREATE_PACK, CREATE_STICKER, UPDATE_PACK, UPDATE_STICKER,
};
use crate::core::endpoints::stickers::{INDEX, NAMESPACE, PACK};
use crate::core::endpoints::store::{FILTER, MESSAGE_ID};
use crate::core::error::{Error, Result};
use crate::core::json::{self, Value, Writer};
use crate::core::message::arguments;
use crate::core::message::schema::{Member, Need, STRING};
use crate::core::request::{Method, Request};
use crate::core::retry::Repeat;
use answers::{Kind as Answer, NOTHING, SENT, STORED};
use answers::{BLACKLIST_PAGE, CAPABILITIES, OPT_IN, PROVIDERS};
use answers::{PACK_ID, PACK_INFO, PACK_LIST, STICKER_INDEX, STICKER_INFO, STICKER_LIST};
use Body::{Fields, Provider, Read, Send, Text, Wrapped};
use Method::{Delete, Get, Patch, Post};

/// One operation, as data.
pub struct Op {
    /// The JS method's name.
    pub name: &'static str,
    pub(crate) method: Method,
    /// How safe it is to repeat after a failure that may mean it went through.
    pub(crate) repeat: Repeat,
    /// The path below `/whatsapp/v1/{bot}/`: each `*` is the next of the first
    /// arguments, required (a string checked as an id or by its rule, a provider's
    /// name; or a sticker's index: a test holds every row to this).
    pub(crate) path: &'static str,
    /// The arguments: each one's name, kind and need, checked by one walk.
    pub(crate) params: &'static [Member],
    /// What the arguments after the path's become.
    pub(crate) body: Body,
    /// How a 2xx answer's body (parsed; an empty body reads as `{}`) becomes the
    /// JSON text of the JS result (`null` for "nothing of use": JS gets `undefined`).
    pub(crate) answer: &'static Answer,
}

/// Where the arguments after the path's go.
#[derive(Clone, Copy)]
pub(crate) enum Body {
    /// In the query, each under its name (an object's members each under theirs in
    /// snake_case; a whole number not given as `0`); no body.
    Query,
    /// The body is the object argument, written by its table.
    Fields,
    /// The body is an object of the arguments, each under its name in snake_case.
    Wrapped,
    /// [`Body::Wrapped`] after `"type": "read"` (a read event).
    Read,
    /// A provider's body (`endpoints::providers`).
    Provider,
    /// `send`'s body, checked and written by the message model.
    Send,
    /// `sendText`'s body: the send of [`text_request`].
    Text,
}

const fn op(
    name: &'static str,
    method: Method,
    path: &'static str,
    params: &'static [Member],
    body: Body,
    answer: &'static Answer,
) -> Op {
    Op {
        name,
        method,
        repeat: Repeat::Safe,
        path,
        params,
        body,
        answer,
    }
}

/// A message send: repeated after an ambiguous failure only when the caller opts in.
const fn send(op: Op) -> Op {
    Op {
        repeat: Repeat::Send,
        ..op
    }
}

/// A create: never repeated after an ambiguous failure (each call adds something).
const fn once(op: Op) -> Op {
    Op {
        repeat: Repeat::Never,
        ..op
    }
}

const NEW_PACK: &[Member] = &[param(CREATE_PACK)];
const PACK_FIELDS: &[Member] = &[PACK, param(UPDATE_PACK)];
const NEW_STICKER: &[Member] = &[PACK, param(CREATE_STICKER)];
const IN_STICKER: &[Member] = &[PACK, INDEX, NAMESPACE];
const STICKER: &[Member] = &[PACK, INDEX];
const STICKER_FIELDS: &[Member] = &[PACK, INDEX, param(UPDATE_STICKER)];
const IN_PACK: &[Member] = &[PACK, NAMESPACE];
const Q: Body = Body::Query;

/// Every operation of the client, one row each (kept one line a row: a table).
#[rustfmt::skip]
pub const OPS: &[Op] = &[
    send(op("send", Post, "messages", &[], Send, SENT)),
    send(op("sendText", Post, "messages", &[], Text, SENT)),
    op("markRead", Post, "events", MESSAGE_ID, Read, NOTHING),
    op("capability", Post, "capability", NUMBERS, Wrapped, &Answer::Object(CAPABILITIES)),
    op("optIn", Post, "provision/optin", NUMBERS, Wrapped, &Answer::Object(OPT_IN)),
    op("optOut", Delete, "provision/optin", NUMBERS, Wrapped, &Answer::Object(OPT_IN)),
    op("addToBlacklist", Post, "provision/blacklist", NUMBERS, Wrapped, NOTHING),
    op("removeFromBlacklist", Delete, "provision/blacklist", NUMBERS, Wrapped, NOTHING),
    op("blacklist", Get, "provision/blacklist", PAGE, Q, &Answer::Object(BLACKLIST_PAGE)),
    op("callbackStatus", Get, "callbacks/status/*", MESSAGE_ID, Q, STORED),
    op("callbackNotifications", Get, "callbacks/notifications", FILTER, Q, STORED),
    op("addProvider", Post, "provision/provider", PROVIDER, Provider, NOTHING),
    op("listProviders", Get, "provision/provider", &[], Q, &Answer::Object(PROVIDERS)),
    op("deleteProvider", Delete, "provision/provider/*", PROVIDER_NAME, Q, NOTHING),
    op("listStickerpacks", Get, "stickerpacks", &[NAMESPACE], Q, &Answer::Object(PACK_LIST)),
    op("getStickerpack", Get, "stickerpacks/*", IN_PACK, Q, &Answer::Object(PACK_INFO)),
    once(op("createStickerpack", Post, "stickerpacks", NEW_PACK, Fields, &Answer::Object(PACK_ID))),
    op("updateStickerpack", Patch, "stickerpacks/*", PACK_FIELDS, Fields, NOTHING),
    op("deleteStickerpack", Delete, "stickerpacks/*", &[PACK], Q, NOTHING),
    op("listStickers", Get, "stickerpacks/*/stickers", IN_PACK, Q, &Answer::Object(STICKER_LIST)),
    op("getSticker", Get, "stickerpacks/*/stickers/*", IN_STICKER, Q, &Answer::Object(STICKER_INFO)),
    once(op("createSticker", Post, "stickerpacks/*/stickers", NEW_STICKER, Fields, &Answer::Object(STICKER_INDEX))),
    op("updateSticker", Patch, "stickerpacks/*/stickers/*", STICKER_FIELDS, Fields, NOTHING),
    op("deleteSticker", Delete, "stickerpacks/*/stickers/*", STICKER, Q, NOTHING),
];

/// The operation named `name`.
pub fn find(name: &str) -> Result<&'static Op> {
    row(OPS
        .iter()
        .position(|op| op.name == name)
        .unwrap_or(OPS.len()))
}

/// The operation of row `index` of [`OPS`], as the JS face names it (one number
/// crosses, not a name: `client.js`'s methods).
pub fn row(index: usize) -> Result<&'static Op> {
    OPS.get(index)
        .ok_or_else(|| Error::invalid("operation", "is not an operation of this client"))
}

/// How safe a repeat of a request of row `index` is: its operation's [`Repeat`];
/// a row past [`OPS`] (the token request's) is safe.
pub fn repeat(index: usize) -> Repeat {
    OPS.get(index).map_or(Repeat::Safe, |op| op.repeat)
}

/// The open object `{"method", "url"}` of a prepared request, as JS gets it, for
/// both APIs.
pub fn request(method: &str, url: &str) -> Writer {
    let mut out = Writer::new();
    out.open_object();
    out.field("method", method);
    out.field("url", url);
    out
}

/// The request of operation `op` with `args` (the JSON text of the argument
/// array), every rule checked before anything is sent.
pub fn prepare(config: &Config, op: &Op, args: &str) -> Result<Request<String>> {
    let args = crate::core::json::parse(args)
        .map_err(|_| Error::invalid("arguments", "could not be read"))?;
    run::request(config, op, &Args::new(&args)?)
}

/// The request of operation `name` with `args` given as values (a Rust caller's
/// typed arguments in their JS form), checked as a JS caller's are.
pub(crate) fn typed(config: &Config, name: &str, args: Vec<Value>) -> Result<Request<String>> {
    let args = Value::Array(args);
    run::request(config, find(name)?, &Args::new(&args)?)
}

/// What an answer to `op` means: for a 2xx, the JS result's JSON text (an empty
/// body reads as `{}`; a body that is not JSON or not the documented shape is
/// `invalid_response`); otherwise the typed error of its status
/// ([`crate::core::response`]; a body over its `MAX_ERROR_BODY_BYTES` is not
/// parsed). `token` is redacted from everything taken from the
/// body before it is cut. `retry_after` is the raw `Retry-After` header.
pub fn answer(
    op: &Op,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    token: &str,
) -> Result<String> {
    use crate::core::response::{error_for_status, error_json, ErrorBody};
    if !(200..300).contains(&status) {
        let parsed = error_json(body);
        let error_body = parsed.as_ref().and_then(ErrorBody::read);
        let error_body = error_body.map(|error_body| error_body.redacted(&[token]));
        return Err(error_for_status(status, error_body, retry_after));
    }
    reply(status, body, &[token], &|value| {
        answers::answer(value, op.answer)
    })
}

/// The JS result of a 2xx answer `body` (empty reads as `{}`) read by `answer`; a
/// body that is not JSON or not its shape is `invalid_response`, whose reason (a
/// path: a server may echo a secret into a key) has every one of `secrets` redacted.
pub fn reply(
    status: u16,
    body: &str,
    secrets: &[&str],
    answer: &dyn Fn(&Value) -> Result<String>,
) -> Result<String> {
    use crate::core::response::invalid_response;
    // A body that opens an object or array is not blank: no walk over it to say so.
    let blank =
        !matches!(body.as_bytes().first(), Some(b'{' | b'[')) && json::trim(body).is_empty();
    let text = if blank { "{}" } else { body };
    let value = crate::core::json::parse(text)
        .map_err(|_| invalid_response(status, "the body is not JSON"))?;
    answer(&value).map_err(|err| {
        let reason = crate::core::config::redact_all(&err.message, secrets);
        invalid_response(status, &reason)
    })
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
