//! Reading the options object (JSON, as JS gives it): every key known and given
//! once, each option of its type, read borrowed (the options both APIs share into a
//! [`ClientOptions`]); the rules are [`super::Config`]'s.

use super::{ClientOptions, Config, Host, Region, MAX_TIMEOUT_MS, RETRIES_RULE};
use super::{RETRY_AFTER_RULE, TIMEOUT_RULE};
use crate::core::error::{Error, Result};
use crate::core::json::read::whole;
use crate::core::json::{Object, Value};
use crate::core::retry::{MAX_RETRIES, MAX_RETRY_AFTER_MS};
use crate::prelude::*;

/// Every option key of both APIs, as JS spells them: those only `api: "conversation"`
/// takes, those only `api: "whatsapp"` takes, then the shared ones. `onRetry` (a
/// function, kept by the JS face) is known but not read.
pub(super) const KEYS: &[&str] = &[
    "projectId",
    "appId",
    "keyId",
    "keySecret",
    "authUrl",
    "auth",
    "botId",
    "token",
    "api",
    "region",
    "baseUrl",
    "allowInsecureHttp",
    "timeoutMs",
    "retries",
    "maxRetryAfterMs",
    "retryMessagesOnNetworkError",
    "maxResponseBytes",
    "dangerouslyAllowBrowser",
    "onRetry",
];

/// How many of [`KEYS`]' first keys only `api: "conversation"` takes.
pub(super) const CONVERSATION_KEYS: usize = 6;
/// Where the keys only `api: "whatsapp"` takes end in [`KEYS`] (the shared ones follow).
#[cfg(feature = "conversation")]
pub(super) const STANDALONE_KEYS_END: usize = 8;

/// The keys this build knows, one list for both APIs: an option of the other API is
/// refused by name before they are read (`Config::from_json`). Without the Cargo
/// feature `conversation`, its options are unknown.
pub(super) const KNOWN: &[&str] = KEYS
    .split_at(if cfg!(feature = "conversation") {
        0
    } else {
        CONVERSATION_KEYS
    })
    .1;

/// The config of standalone options `options` (their keys checked), for `host`:
/// `botId`, `token` and the region read borrowed, checked by [`Config::standalone`]
/// as a Rust caller's [`ClientOptions`] are (the shared ones' ranges as they are read).
pub(super) fn standalone(options: &Object, host: Host) -> Result<Config> {
    let bot_id = required(options, "botId")?;
    let token = text(options, "token")?;
    let region = match options.get("region").map(Value::as_str) {
        None => None,
        Some(Some("us")) => Some(Region::Us.base_url()),
        Some(Some("eu")) => Some(Region::Eu.base_url()),
        Some(_) => return Err(Error::invalid("region", r#"must be one of "us", "eu""#)),
    };
    let mut shared = ClientOptions::default();
    shared.read_shared(options)?;
    Config::standalone::<true>(bot_id, token, region, &shared, host)
}

/// The string option `key` of `fields`, borrowed, if given: `….key: must be a string`.
pub(crate) fn text<'v>(fields: &Object<'v, '_>, key: &str) -> Result<Option<&'v str>> {
    match fields.get(key) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(fields.at().key(key).invalid("must be a string")),
    }
}

/// [`text`], required: `….key: is required`.
pub(crate) fn required<'v>(fields: &Object<'v, '_>, key: &str) -> Result<&'v str> {
    text(fields, key)?.ok_or_else(|| fields.at().key(key).invalid("is required"))
}

impl ClientOptions {
    /// Reads the options both APIs share (all but `botId`, `token` and `region`).
    pub(super) fn read_shared(&mut self, options: &Object) -> Result<()> {
        let out = self;
        out.base_url = text(options, "baseUrl")?.map(str::to_owned);
        out.allow_insecure_http = flag(options, "allowInsecureHttp")?;
        let timeout = bounded(options, "timeoutMs", 1, MAX_TIMEOUT_MS.into(), TIMEOUT_RULE)?;
        out.timeout_ms = timeout.map(|ms| ms as u32);
        let retries = bounded(options, "retries", 0, MAX_RETRIES.into(), RETRIES_RULE)?;
        out.retries = retries.map(|n| n as u32);
        out.max_retry_after_ms = bounded(
            options,
            "maxRetryAfterMs",
            0,
            MAX_RETRY_AFTER_MS,
            RETRY_AFTER_RULE,
        )?;
        out.retry_messages_on_network_error = flag(options, "retryMessagesOnNetworkError")?;
        out.max_response_bytes = options
            .get("maxResponseBytes")
            .map(|value| whole(value, u64::MAX).unwrap_or(u64::MAX));
        out.dangerously_allow_browser = flag(options, "dangerouslyAllowBrowser")?;
        Ok(())
    }
}

/// The boolean option `key` of `options`, if given: `key: must be a boolean` (put
/// under `options` by `Config::from_json`, as the rules are).
fn flag(options: &Object, key: &str) -> Result<Option<bool>> {
    match options.get(key) {
        None => Ok(None),
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(_) => Err(Error::invalid(key, "must be a boolean")),
    }
}

/// The whole-number option `key` of `options`, from `min` to `max`: any other value
/// (a string, a fraction, one out of range) breaks `rule`, one text for all of them
/// (named as [`flag`] names it).
fn bounded(options: &Object, key: &str, min: u64, max: u64, rule: &str) -> Result<Option<u64>> {
    match options.get(key) {
        None => Ok(None),
        Some(value) => whole(value, max)
            .filter(|n| *n >= min)
            .map(Some)
            .ok_or_else(|| Error::invalid(key, rule)),
    }
}
