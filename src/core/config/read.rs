//! Reading the options object (JSON, as JS gives it) into [`ClientOptions`]: every
//! key known and given once, each option of its type; the rules are [`super::Config`]'s.

use super::{ClientOptions, Region, Secret, MAX_TIMEOUT_MS, RETRIES_RULE, TIMEOUT_RULE};
use crate::core::error::Result;
use crate::core::json::read::{object, whole};
use crate::core::json::{Object, Path, Read, Value};
use crate::core::retry::MAX_RETRIES;
use crate::prelude::*;

/// The option keys, as JS spells them. `onRetry` (a function, kept by the JS face)
/// is known but not read.
const OPTION_KEYS: &[&str] = &[
    "botId",
    "token",
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
    "api",
];

impl Read for ClientOptions {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let options = object(value, at, OPTION_KEYS)?;
        let bot_id = required(&options, "botId")?.to_owned();
        let token = text(&options, "token")?.map(|token| Secret(token.to_owned()));
        let region = match options.get("region") {
            Some(region) => Some(Region::read(region, &at.key("region"))?),
            None => None,
        };
        let mut out = Self {
            bot_id,
            token,
            region,
            ..Self::default()
        };
        out.read_shared(&options)?;
        Ok(out)
    }
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
        options.set_opt(&mut out.base_url, "baseUrl")?;
        options.set_opt(&mut out.allow_insecure_http, "allowInsecureHttp")?;
        out.timeout_ms = bounded(options, "timeoutMs", 1, MAX_TIMEOUT_MS, TIMEOUT_RULE)?;
        out.retries = bounded(options, "retries", 0, MAX_RETRIES, RETRIES_RULE)?;
        options.set_opt(&mut out.max_retry_after_ms, "maxRetryAfterMs")?;
        options.set_opt(
            &mut out.retry_messages_on_network_error,
            "retryMessagesOnNetworkError",
        )?;
        out.max_response_bytes = options
            .get("maxResponseBytes")
            .map(|value| whole(value, u64::MAX).unwrap_or(u64::MAX));
        options.set_opt(
            &mut out.dangerously_allow_browser,
            "dangerouslyAllowBrowser",
        )?;
        Ok(())
    }
}

/// The whole-number option `key` of `options`, from `min` to `max`: any other value
/// (a string, a fraction, one out of range) breaks `rule`, one text for all of them.
fn bounded(options: &Object, key: &str, min: u32, max: u32, rule: &str) -> Result<Option<u32>> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => whole_in(value, min, max)
            .map(Some)
            .ok_or_else(|| options.at().key(key).invalid(rule)),
    }
}

/// `value` when it is a JSON whole number from `min` to `max`.
fn whole_in(value: &Value, min: u32, max: u32) -> Option<u32> {
    let n = whole(value, max.into())?;
    (n >= u64::from(min)).then_some(n as u32)
}
