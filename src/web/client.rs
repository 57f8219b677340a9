//! `Core`: the client's one synchronous crossing. `js/package/client.js` makes
//! one per `WhatsAppClient` ([`create`]: it keeps the handle), asks it for each
//! request ([`prepare`]), does the `fetch`, and asks it what each attempt came to
//! ([`settle`]: an answer's [`Core::answer`] or a failure's `Core::fail`): the
//! result, or the typed error and whether to retry. Every export returns the JSON
//! text of an envelope (`core::error::envelope`).

use super::text;
use crate::core::config::{self, Api, Config, Host};
use crate::core::error::{envelope, Error, Result};
use crate::core::json::{decimal, Writer};
use crate::core::ops;
use crate::core::outcome::{self, Failure};
use crate::core::retry::Attempt;
use crate::core::whatwg::cut;
#[cfg(feature = "conversation")]
use crate::core::{config::Auth, conversation::auth};
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// A client's checked configuration (token included: it stays in wasm memory), or
/// the envelope of the error its options gave (every method answers with it).
pub struct Core {
    config: core::result::Result<Config, String>,
}

impl Core {
    /// Reads and checks the client options (JSON text, `onRetry` left out) for a
    /// client built in a browser page (`browser_page`) or elsewhere. Never fails:
    /// [`Core::refused`] says whether they were refused, [`Core::open`] why.
    pub fn new(options: &str, browser_page: bool) -> Core {
        let host = if browser_page {
            Host::BrowserPage
        } else {
            Host::Server
        };
        Core {
            config: Config::from_json(options, host).map_err(|err| envelope(Err(err))),
        }
    }

    /// Whether the options were refused. Building a client runs no more wasm than
    /// the options' check and [`create`]'s handle; the JS face asks [`Core::open`]
    /// for the facts on first use (README, "Startup").
    pub fn refused(&self) -> bool {
        self.config.is_err()
    }

    /// What the JS face keeps: `{baseUrl, timeoutMs, maxResponseBytes, botId,
    /// authorization?}` (the header value, for the private headers of its
    /// requests), or the options' error. Under `api: "conversation"`, `projectId`
    /// and `appId` instead of `botId`, `authorization` only for `auth: "basic"`,
    /// `token: {url, authorization, body}` when a bearer token must come from the
    /// token URL first (its request: a form-encoded POST), and `key: true` when a
    /// key secret is set.
    pub fn open(&self) -> JsValue {
        let config = match self.config() {
            Ok(config) => config,
            Err(refusal) => return refusal,
        };
        let mut out = Writer::new();
        out.open_object();
        out.field("baseUrl", &config.base_url);
        out.field("timeoutMs", &config.timeout_ms);
        out.field("maxResponseBytes", &config.max_response_bytes);
        match &config.api {
            Api::WhatsApp(bot) => {
                out.field("botId", &bot.bot_id);
                if let Some(token) = &bot.token {
                    out.field("authorization", &config::bearer(token.expose()));
                }
            }
            #[cfg(feature = "conversation")]
            Api::Conversation(project) => {
                out.field("api", "conversation");
                out.field("projectId", &project.project_id);
                out.field("appId", &project.app_id);
                out.field("key", &project.key.is_some());
                auth::write_token_request(&mut out, project);
                if let Some(basic) = project.basic().filter(|_| project.auth == Auth::Basic) {
                    out.field("authorization", basic);
                }
            }
        }
        out.close_object();
        text(envelope(Ok(out.finish())))
    }

    /// The request of the operation of row `op` of `core::ops::OPS` (JS's method
    /// by number: [`ops::row`]) with `args` (the JSON text of its argument array)
    /// and the call's timeout `ms` (the client's unless the call gave one; `NaN`
    /// for a value that is not a number): `{method, url}`, then the JSON text to
    /// send, when there is a body, after a line break (the envelope has none; the
    /// body crosses as it is, not quoted as a string); or the `invalid_argument` of
    /// a broken rule, `options.timeoutMs`'s first.
    pub fn prepare(&self, op: u32, args: &str, ms: f64) -> JsValue {
        let config = match self.config() {
            Ok(config) => config,
            Err(refusal) => return refusal,
        };
        let mut body = None;
        let mut crossing = envelope(request(config, op, args, ms, &mut body));
        if let Some(body) = body {
            crossing.push('\n');
            crossing.push_str(&body);
        }
        text(crossing)
    }

    /// What attempt `attempt` of row `op` came to when the server answered `status`
    /// with `body` (whole, within `maxResponseBytes`) and the raw `Retry-After`
    /// header: `{"ok":result}`, `{"error":…,"retryMs":n}` to retry after `n` ms,
    /// or the final `{"error":…}`. How safe a repeat is comes from the row
    /// ([`ops::repeat`]); `jitter` is a random number in [0, 1). Under
    /// `api: "conversation"`, a row past the table (JS: -1) is the token request's
    /// (its result `{"authorization", "refreshInMs"}`, the access token kept here
    /// for redaction).
    pub fn answer(
        &mut self,
        op: u32,
        status: u16,
        retry_after: Option<&str>,
        body: &str,
        attempt: u32,
        jitter: f64,
    ) -> JsValue {
        let config = match &mut self.config {
            Ok(config) => config,
            Err(refusal) => return JsValue::from_str(refusal),
        };
        let outcome = match &mut config.api {
            Api::WhatsApp(bot) => {
                let token = bot.token.as_ref().map_or("", |t| t.expose());
                ops::row(op as usize)
                    .and_then(|row| ops::answer(row, status, retry_after, body, token))
            }
            #[cfg(feature = "conversation")]
            Api::Conversation(project) => {
                ops::conversation::answer(op as usize, status, retry_after, body, project)
            }
        };
        settle_attempt(config, outcome, attempt, op, jitter)
    }

    /// What attempt `attempt` came to when it got no readable answer, as
    /// [`Core::answer`] says it. `fault`, numbered from 1 as in [`FAULTS`] (JS gives
    /// the number, [`settle`]): `redirect` (`status` 0 when hidden, `text` the
    /// `Location`), `too_large`, `timeout` (after `ms`), `network` (`status` 0
    /// before an answer, `text` the runtime's reason) or `aborted`, in a request of
    /// row `op`.
    #[allow(clippy::too_many_arguments)]
    fn fail(
        &self,
        fault: u32,
        status: u16,
        text: Option<&str>,
        ms: u32,
        attempt: u32,
        op: u32,
        jitter: f64,
    ) -> JsValue {
        let config = match self.config() {
            Ok(config) => config,
            Err(refusal) => return refusal,
        };
        let status_if_any = Some(status).filter(|s| *s != 0);
        let failure = match fault {
            1 => Failure::Redirect {
                status: status_if_any,
                location: text,
            },
            2 => Failure::TooLarge { status },
            3 => Failure::Timeout { ms },
            4 => Failure::Network {
                status: status_if_any,
                reason: text.unwrap_or("unknown failure"),
            },
            _ => Failure::Aborted,
        };
        settle_attempt(config, Err(failure.error(config)), attempt, op, jitter)
    }

    /// The configuration, or the options' error as every method answers it.
    fn config(&self) -> core::result::Result<&Config, JsValue> {
        self.config
            .as_ref()
            .map_err(|refusal| JsValue::from_str(refusal))
    }
}

/// The live clients' cores, a client's handle (the number JS keeps) its index; a
/// freed slot is `None` until [`create`] reuses it. Boxed: looking for a free slot
/// reads a word a slot. A lock, not a `RefCell`: no panic path. No export calls
/// back into JS, so it is never held twice, except after a call trapped holding it:
/// then every export answers [`UNKNOWN`] (`try_lock`), never spins forever.
static CORES: spin::Mutex<Vec<Option<Box<Core>>>> = spin::Mutex::new(Vec::new());

/// What a handle of no core (never given, or freed) answers, or any handle after
/// a call trapped: not reachable from the JS face otherwise, which frees a handle
/// only with its client or when it was refused.
pub const UNKNOWN: &str = r#"{"error":{"code":"internal","message":"client: no core under this handle (freed, or an earlier call trapped)","retryable":false}}"#;

/// `f` of the core of `handle`, or [`UNKNOWN`].
fn with(handle: u32, f: impl FnOnce(&mut Core) -> JsValue) -> JsValue {
    let Some(mut cores) = CORES.try_lock() else {
        return JsValue::from_str(UNKNOWN);
    };
    match cores.get_mut(handle as usize) {
        Some(Some(core)) => f(core),
        _ => JsValue::from_str(UNKNOWN),
    }
}

/// [`Core::new`] kept under a handle: `{"ok":handle}`, or the envelope of the
/// options' error (nothing kept). Free functions over a handle, not a
/// wasm-bindgen class: no borrow checks and their texts, no class in the glue
/// (−417 B on the full app); `client.js` frees the handle ([`free`]) when its
/// client is garbage-collected.
#[wasm_bindgen(js_name = "__create")]
pub fn create(options: &str, browser_page: bool) -> JsValue {
    let core = Core::new(options, browser_page);
    if let Err(refusal) = core.config() {
        return refusal;
    }
    let Some(mut cores) = CORES.try_lock() else {
        return JsValue::from_str(UNKNOWN);
    };
    let handle = match cores.iter().position(Option::is_none) {
        Some(free) => free,
        None => {
            cores.push(None);
            cores.len() - 1
        }
    };
    if let Some(slot) = cores.get_mut(handle) {
        *slot = Some(Box::new(core));
    }
    text(envelope(Ok(decimal(handle as u64))))
}

/// Frees the core of `handle` (none: nothing to do).
#[wasm_bindgen(js_name = "__free")]
pub fn free(handle: u32) {
    if let Some(slot) = CORES
        .try_lock()
        .as_mut()
        .and_then(|cores| cores.get_mut(handle as usize))
    {
        *slot = None;
    }
}

/// [`Core::open`] of the core of `handle`.
#[wasm_bindgen(js_name = "__open")]
pub fn open(handle: u32) -> JsValue {
    with(handle, |core| core.open())
}

/// [`Core::prepare`] of the core of `handle`.
#[wasm_bindgen(js_name = "__prepare")]
pub fn prepare(handle: u32, op: u32, args: &str, ms: f64) -> JsValue {
    with(handle, |core| core.prepare(op, args, ms))
}

/// What attempt `attempt` of row `op` of the client of `handle` came to, as JS
/// hands it over: with `fault` 0, [`Core::answer`] of the server's answer (`text`
/// its raw `Retry-After`, empty when absent, a line break, and the body: a header
/// has none); else `Core::fail` of that failure ([`FAULTS`]: `fault` 1 is its
/// first; `text` empty when it has no text, else its text and a line break; `ms`
/// the timeout). One export for both: one glue function, not two; the failure by
/// number, not name, and one string for both texts: fewer arguments to cross.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = "__settle")]
pub fn settle(
    handle: u32,
    op: u32,
    fault: u32,
    status: u16,
    text: &str,
    ms: u32,
    attempt: u32,
    jitter: f64,
) -> JsValue {
    with(handle, |core| {
        if fault == 0 {
            let (retry_after, body) = cut(text, b"\n").unwrap_or(("", text));
            core.answer(op, status, Some(retry_after), body, attempt, jitter)
        } else {
            let text = text.strip_suffix("\n");
            core.fail(fault, status, text, ms, attempt, op, jitter)
        }
    })
}

/// The failures JS meets, as [`settle`] numbers them from 1 (`client.js`'s
/// `settle`).
pub const FAULTS: [&str; 5] = ["redirect", "too_large", "timeout", "network", "aborted"];

/// The envelope of attempt `number` of a request of row `op` (`jitter` as
/// [`Core::answer`] takes it) under `config` that came to `outcome`.
fn settle_attempt(
    config: &Config,
    outcome: Result<String>,
    number: u32,
    op: u32,
    jitter: f64,
) -> JsValue {
    let attempt = Attempt {
        number,
        repeat: ops::repeat(op as usize),
        jitter,
    };
    text(outcome::settle(config, outcome, attempt))
}

/// [`Core::prepare`]'s request of row `op` with `args` and timeout `ms` under
/// `config`: its JSON text, and its body, if any, in `body`.
fn request(
    config: &Config,
    op: u32,
    args: &str,
    ms: f64,
    body: &mut Option<String>,
) -> Result<String> {
    config::timeout_ms(ms)
        .ok_or_else(|| Error::invalid("options.timeoutMs", config::TIMEOUT_RULE))?;
    let op = op as usize;
    #[cfg(feature = "conversation")]
    if let Api::Conversation(project) = &config.api {
        return ops::conversation::prepare(config, project, op, args);
    }
    let request = ops::prepare(config, ops::row(op)?, args)?;
    let mut out = ops::request(request.method.as_str(), &request.url);
    out.close_object();
    *body = request.body;
    Ok(out.finish())
}
