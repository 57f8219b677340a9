//! Client configuration: which API the client speaks, who we are there (a bot id and
//! token, or a Conversation API project, app and access key: [`conversation`]) and where
//! Sinch lives (region or base URL).

use crate::core::error::{Error, Result};
use crate::core::json::read::object;
use crate::core::json::{self, Path, Read, Value, Write, Writer};
use crate::core::retry::RetryPolicy;
use crate::prelude::*;
use core::fmt;

mod checks;
#[cfg(feature = "conversation")]
pub mod conversation;
mod read;
mod redact;
#[cfg(feature = "conversation")]
use checks::check_url;
use checks::{base_url, check_name, check_token, in_browser_page, ranges};
#[cfg(feature = "conversation")]
pub use conversation::{Auth, Project};
#[cfg(feature = "conversation")]
pub(crate) use read::required;
pub use redact::{redact_all, MAX_TEXT_CHARS};

/// The regions Sinch hosts bots in. A bot lives in one; the other answers 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// `https://us1.whatsapp.api.sinch.com`
    Us,
    /// `https://eu1.whatsapp.api.sinch.com`
    Eu,
}

impl Region {
    /// The region's base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Self::Us => "https://us1.whatsapp.api.sinch.com",
            Self::Eu => "https://eu1.whatsapp.api.sinch.com",
        }
    }
}

/// A credential (the bearer token, a media provider's password or token). Its
/// `Debug` form is redacted; it is written as itself only because request bodies
/// that carry it to Sinch must.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Read for Secret {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        String::read(value, at).map(Self)
    }
}

impl Write for Secret {
    fn write(&self, out: &mut Writer) {
        out.string(&self.0);
    }
}

impl Secret {
    /// The token itself, for the `Authorization` header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The `Authorization` header value of bearer `token`.
pub fn bearer(token: &str) -> String {
    let mut header = String::from("Bearer ");
    header.push_str(token);
    header
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// What a Rust caller passes to build a standalone client ([`Config::new`]); from JS's
/// `WhatsAppClient` options object (`Config::from_json`) only the options both APIs
/// share are read into one.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// The bot identifier given by Sinch.
    pub bot_id: String,
    /// The bearer token. May be left out when `base_url` points at a relay that adds it.
    pub token: Option<Secret>,
    /// US or EU; mutually exclusive with `base_url`.
    pub region: Option<Region>,
    /// A custom base URL (a relay, or the local emulator); mutually exclusive with `region`.
    pub base_url: Option<String>,
    /// Allow a plain-http `base_url` that is not loopback. Off by default.
    pub allow_insecure_http: Option<bool>,
    /// Per-request timeout in milliseconds (default [`DEFAULT_TIMEOUT_MS`]).
    pub timeout_ms: Option<u32>,
    /// Retries after a failed attempt (0–10, default 2).
    pub retries: Option<u32>,
    /// Longest `Retry-After` the client waits for (default 30 000 ms, at most
    /// [`MAX_RETRY_AFTER_MS`](crate::core::retry::MAX_RETRY_AFTER_MS)).
    pub max_retry_after_ms: Option<u64>,
    /// Repeat a message send after a network error or timeout (it may arrive twice). Default false.
    pub retry_messages_on_network_error: Option<bool>,
    /// Longest answer body read, in bytes (default [`DEFAULT_MAX_RESPONSE_BYTES`]):
    /// [`Config::new`] refuses anything out of range, naming the option without
    /// repeating the value. Read from JSON, a value that is not a whole number is
    /// `u64::MAX`: refused by the same rule, its type not known until then (as before
    /// the other options' rules).
    pub max_response_bytes: Option<u64>,
    /// Allow a token inside a browser page, where any script on the page can read it.
    /// Off by default: pages should call a relay (a Worker) that holds the token.
    pub dangerously_allow_browser: Option<bool>,
}

/// Default per-request timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Longest timeout a caller may set (10 minutes).
pub const MAX_TIMEOUT_MS: u32 = 600_000;
/// The rule of `timeoutMs`, the client's and a call's alike.
pub const TIMEOUT_RULE: &str = "must be a whole number from 1 to 600000";
/// The rule of `retries`.
const RETRIES_RULE: &str = "must be a whole number from 0 to 10";
/// Default cap on an answer body: 1 MiB, far above any answer Sinch documents.
pub const DEFAULT_MAX_RESPONSE_BYTES: u32 = 1 << 20;
/// Highest `maxResponseBytes` a caller may set (32 MiB): parsing an answer costs up
/// to ~16 times its text in wasm memory (a 32 MiB `[{},{},…]` grows the process by
/// ~530 MB), which must stay well inside wasm32's 4 GiB.
pub const MAX_RESPONSE_BYTES_LIMIT: u32 = 1 << 25;
/// The rule of `maxRetryAfterMs` ([`MAX_RETRY_AFTER_MS`](crate::core::retry::MAX_RETRY_AFTER_MS): what `setTimeout` holds).
pub const RETRY_AFTER_RULE: &str = "must be a whole number from 0 to 2147483647";

/// A validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Which API the client speaks, and who it is there.
    pub api: Api,
    /// Base URL without a trailing slash.
    pub base_url: String,
    /// Per-request timeout in milliseconds.
    pub timeout_ms: u32,
    /// When and how to retry.
    pub retry: RetryPolicy,
    /// Longest answer body read, in bytes.
    pub max_response_bytes: u32,
}

/// The API a client speaks (JS: the `api` option).
#[derive(Debug, Clone, PartialEq)]
pub enum Api {
    /// `"whatsapp"` (the default): the standalone WhatsApp API, as a bot.
    WhatsApp(Bot),
    /// `"conversation"`: the Conversation API's WhatsApp channel, as a project's app.
    #[cfg(feature = "conversation")]
    Conversation(Project),
}

/// A bot of the standalone API.
#[derive(Debug, Clone, PartialEq)]
pub struct Bot {
    /// The bot identifier.
    pub bot_id: String,
    /// The bearer token, if any.
    pub token: Option<Secret>,
}

impl Config {
    /// The standalone bot id; empty under `api: "conversation"`, whose op table
    /// reaches no standalone endpoint.
    pub fn bot_id(&self) -> &str {
        match &self.api {
            Api::WhatsApp(bot) => &bot.bot_id,
            #[cfg(feature = "conversation")]
            Api::Conversation(_) => "",
        }
    }

    /// Every secret of this client that a server could echo (the token; the key
    /// secret, its Basic header and the current access token), for [`redact_all`];
    /// empty where there is none (an empty secret matches nothing).
    pub fn secrets(&self) -> [&str; 3] {
        match &self.api {
            Api::WhatsApp(Bot {
                token: Some(token), ..
            }) => [token.expose(), "", ""],
            Api::WhatsApp(_) => [""; 3],
            #[cfg(feature = "conversation")]
            Api::Conversation(project) => project.secrets(),
        }
    }
}

/// Where the client is being built; only a browser page (a `window` with a
/// `document`, not a Worker) changes the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// A browser page: a bearer token there is readable by every script on it.
    BrowserPage,
    /// Node, a Worker, workerd, or native code.
    Server,
}

impl Config {
    /// The configuration of the options object whose JSON text is `options` (JS:
    /// `JSON.stringify` of the constructor's options, `onRetry` taken out). A wrong
    /// shape and a broken rule alike name their path below `options`
    /// (`options.region`, `options.baseUrl`). Neither repeats a value.
    pub fn from_json(options: &str, host: Host) -> Result<Self> {
        Self::read_json(options, host).map_err(under_options)
    }

    /// [`Config::from_json`] before its errors are put under `options`: the `api`
    /// switch, an option of the other API, an unknown key, then the API's reader.
    fn read_json(options: &str, host: Host) -> Result<Self> {
        let at = Path::root("options");
        let value = json::parse(options).map_err(|_| at.invalid("must be an object"))?;
        #[cfg_attr(not(feature = "conversation"), allow(unused_variables))]
        let is_conversation = match value.get("api").map(|api| (api, api.as_str())) {
            None | Some((Value::Null, _) | (_, Some("whatsapp"))) => false,
            Some((_, Some("conversation"))) if cfg!(feature = "conversation") => true,
            // Only a build made to measure the backend's weight lacks it (README, "Size").
            Some((_, Some("conversation"))) => {
                return Err(Error::invalid(
                    "api",
                    "\"conversation\" is not in this build (Cargo feature conversation)",
                ))
            }
            Some(_) => {
                return Err(Error::invalid(
                    "api",
                    r#"must be one of "whatsapp", "conversation""#,
                ))
            }
        };
        #[cfg(feature = "conversation")]
        {
            let (other, rule) = if is_conversation {
                (
                    conversation::STANDALONE_ONLY,
                    r#"is only for api: "whatsapp""#,
                )
            } else {
                (conversation::ONLY, ONLY_CONVERSATION)
            };
            only_for(&value, other, rule)?;
        }
        let fields = object(&value, &at, read::KNOWN)?;
        #[cfg(feature = "conversation")]
        if is_conversation {
            return conversation::config(&fields, host);
        }
        read::standalone(&fields, host)
    }

    /// Checks `options` for a client running in `host` and fills in defaults.
    /// Errors name the option and the rule.
    pub fn new(options: ClientOptions, host: Host) -> Result<Self> {
        let token = options.token.as_ref().map(Secret::expose);
        let region = options.region.map(Region::base_url);
        Self::standalone::<false>(&options.bot_id, token, region, &options, host)
    }

    /// The standalone config of bot `bot_id` with `token`, at `region` (its base URL)
    /// or `options`' `baseUrl`, for `host`: the rules of [`Config::new`]. `READ` says
    /// whether `options`' ranges were checked as they were read ([`Config::with`]).
    fn standalone<const READ: bool>(
        bot_id: &str,
        token: Option<&str>,
        region: Option<&'static str>,
        options: &ClientOptions,
        host: Host,
    ) -> Result<Self> {
        if host == Host::BrowserPage
            && token.is_some()
            && options.dangerously_allow_browser != Some(true)
        {
            return Err(in_browser_page("token"));
        }
        let bot_id = check_name("botId", bot_id)?.to_owned();
        if let Some(token) = token {
            check_token("token", token)?;
        }
        let base_url = base_url(
            options,
            region,
            "give a region (\"us\" or \"eu\") or a baseUrl",
        )?;
        if token.is_none() && options.base_url.is_none() {
            return Err(Error::invalid(
                "token",
                "is required unless baseUrl is a relay",
            ));
        }
        let token = token.map(|token| Secret(token.to_owned()));
        Self::with::<READ>(Api::WhatsApp(Bot { bot_id, token }), base_url, options)
    }

    /// The config of `api` at `base_url`, with the shared options' rules checked:
    /// `timeoutMs`, `retries` and `maxRetryAfterMs` unless `READ` says they were as
    /// they were read (from JSON, `read_shared`: a constant, so the wasm, which only
    /// reads JSON, has those checks once), then `maxResponseBytes`.
    fn with<const READ: bool>(api: Api, base_url: String, options: &ClientOptions) -> Result<Self> {
        if !READ {
            ranges(options)?;
        }
        Ok(Self {
            api,
            base_url,
            timeout_ms: options.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
            retry: retry_policy(options),
            max_response_bytes: max_response_bytes(options.max_response_bytes)?,
        })
    }
}

/// `err` with its field under `options`, the JS argument: a rule names the bare option
/// (`timeoutMs`), as the Rust API's [`ClientOptions`] has it.
fn under_options(mut err: Error) -> Error {
    let fields = &mut *err;
    if let Some(field) = &mut fields.field {
        if field != "options" && !field.starts_with("options.") {
            fields.message.insert_str(0, "options.");
            field.insert_str(0, "options.");
        }
    }
    err
}

/// The rule of an option or member only `api: "conversation"` takes.
pub const ONLY_CONVERSATION: &str = r#"is only for api: "conversation""#;

/// Refuses the first of `keys` that `options` has (an option of the other API)
/// by `rule`.
#[cfg(feature = "conversation")]
fn only_for(options: &Value, keys: &[&str], rule: &str) -> Result<()> {
    match keys.iter().find(|key| options.get(key).is_some()) {
        Some(key) => Err(Error::invalid(key, rule)),
        None => Ok(()),
    }
}

/// The retry policy of `options` (in their ranges, [`ranges`]).
fn retry_policy(options: &ClientOptions) -> RetryPolicy {
    let mut policy = RetryPolicy::default();
    if let Some(retries) = options.retries {
        policy.max_retries = retries;
    }
    if let Some(max) = options.max_retry_after_ms {
        policy.max_retry_after_ms = max;
    }
    policy.retry_unsafe = options.retry_messages_on_network_error.unwrap_or(false);
    policy
}

/// The per-request timeout rule, for the client option `timeoutMs` and the per-call
/// option alike: a whole number of milliseconds from 1 to [`MAX_TIMEOUT_MS`]. `None`
/// when `ms` breaks it; each caller words the error for its own option.
pub fn timeout_ms(ms: f64) -> Option<u32> {
    whole_number(ms, MAX_TIMEOUT_MS)
}

/// `value` as a `u32` when it is a whole number from 1 to `max`.
/// (In range, the cast truncates: it is whole when converting back gives it again.)
fn whole_number(value: f64, max: u32) -> Option<u32> {
    let whole = value as u32;
    ((1.0..=f64::from(max)).contains(&value) && f64::from(whole) == value).then_some(whole)
}

/// `maxResponseBytes`: a whole number of bytes from 1 to [`MAX_RESPONSE_BYTES_LIMIT`].
fn max_response_bytes(option: Option<u64>) -> Result<u32> {
    match option {
        None => Ok(DEFAULT_MAX_RESPONSE_BYTES),
        Some(bytes) if (1..=u64::from(MAX_RESPONSE_BYTES_LIMIT)).contains(&bytes) => {
            Ok(bytes as u32)
        }
        Some(_) => Err(Error::invalid(
            "maxResponseBytes",
            "must be a whole number from 1 to 33554432",
        )),
    }
}

/// A server-side config for `bot_id` at `base_url` with token `t`, for unit tests.
#[cfg(test)]
pub(crate) fn test_config(bot_id: &str, base_url: &str) -> Config {
    let options = ClientOptions {
        bot_id: bot_id.into(),
        token: Some(Secret("t".into())),
        base_url: Some(base_url.into()),
        ..ClientOptions::default()
    };
    Config::new(options, Host::Server).expect("a valid test config")
}

#[cfg(test)]
mod tests;
