//! The transport: one prepared [`Request`] → `fetch` on `globalThis`, with a
//! deadline per attempt, the caller's `AbortSignal`, and retries as the core's
//! [`RetryPolicy`] decides. Redirects are never followed and an answer body is
//! read only up to `maxResponseBytes`. Works without `window` (Workers, Node).

use super::convert::{from_answer, to_js_error, to_json_text};
use crate::core::config::Config;
use crate::core::error::{redact, Error, ErrorCode, Result};
use crate::core::request::Request;
use crate::core::response::{error_for_status, too_large, unexpected_redirect, ErrorBody};
use crate::core::retry::Decision;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestRedirect, ResponseType};

#[wasm_bindgen(module = "/js/runtime.js")]
extern "C" {
    type Deadline;
    #[wasm_bindgen(constructor)]
    fn new(ms: u32, signal: Option<AbortSignal>) -> Deadline;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &Deadline) -> AbortSignal;
    #[wasm_bindgen(method, getter, js_name = timedOut)]
    fn timed_out(this: &Deadline) -> bool;
    #[wasm_bindgen(method, getter, js_name = callerAborted)]
    fn caller_aborted(this: &Deadline) -> bool;
    #[wasm_bindgen(method)]
    fn dispose(this: &Deadline);

    fn sleep(ms: f64, signal: Option<AbortSignal>) -> js_sys::Promise;

    #[wasm_bindgen(js_name = readBody)]
    fn read_body(response: &web_sys::Response, max_bytes: u32) -> js_sys::Promise;
    fn discard(response: &web_sys::Response);
}

#[wasm_bindgen]
extern "C" {
    /// The runtime's own global `fetch`, called unbound as Workers require.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(request: &web_sys::Request) -> std::result::Result<js_sys::Promise, JsValue>;
}

/// Per-call settings.
pub struct CallOptions {
    /// Deadline for one attempt, body included.
    pub timeout_ms: u32,
    /// The caller's signal, if any.
    pub signal: Option<AbortSignal>,
    /// The caller's `onRetry` hook: `(info) => boolean | void`; `false` stops retrying.
    pub on_retry: Option<js_sys::Function>,
}

/// A 2xx answer: status and body text.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Body text (possibly empty).
    pub body: String,
}

/// Sends `request` until it succeeds or the retry policy gives up. Non-2xx
/// answers come back as the core's typed errors.
pub async fn send<B: Serialize>(
    config: &Config,
    request: &Request<B>,
    call: &CallOptions,
) -> Result<Reply> {
    let body = match &request.body {
        Some(body) => Some(to_json_text(body, ErrorCode::InvalidArgument)?),
        None => None,
    };
    let mut attempt = 0;
    loop {
        let err = match send_once(config, request, body.as_deref(), call).await {
            Ok(reply) => return Ok(reply),
            Err(err) => err,
        };
        let jitter = js_sys::Math::random();
        let (delay_ms, err) = match config
            .retry
            .decide(attempt, err, request.idempotent, jitter)
        {
            Decision::Fail(err) => return Err(err),
            Decision::Retry { delay_ms, error } => (delay_ms, error),
        };
        attempt += 1;
        if !retry_allowed(call, attempt, delay_ms, &err) {
            return Err(err);
        }
        if JsFuture::from(sleep(delay_ms as f64, call.signal.clone()))
            .await
            .is_err()
        {
            return Err(aborted());
        }
    }
}

/// Asks the caller's `onRetry` hook; an explicit `false` or a throw vetoes.
fn retry_allowed(call: &CallOptions, attempt: u32, delay_ms: u64, err: &Error) -> bool {
    let Some(hook) = &call.on_retry else {
        return true;
    };
    let info = js_sys::Object::new();
    for (key, value) in [
        ("attempt", JsValue::from(attempt)),
        ("delayMs", JsValue::from(delay_ms as f64)),
        ("error", to_js_error(err.clone())),
    ] {
        // A plain data property on a fresh object: cannot fail.
        let _ = js_sys::Reflect::set(&info, &JsValue::from_str(key), &value);
    }
    hook.call1(&JsValue::UNDEFINED, &info)
        .is_ok_and(|verdict| verdict != JsValue::FALSE)
}

/// One attempt under its own deadline.
async fn send_once<B: Serialize>(
    config: &Config,
    request: &Request<B>,
    body: Option<&str>,
    call: &CallOptions,
) -> Result<Reply> {
    let deadline = Deadline::new(call.timeout_ms, call.signal.clone());
    let token = config.token.as_ref().map(|t| t.expose());
    let outcome = exchange(request, body, token, config.max_response_bytes, &deadline).await;
    deadline.dispose();
    let Answer {
        status,
        body,
        retry_after,
    } = outcome.map_err(|failure| match failure {
        Failure::Answered(err) => err,
        Failure::Js { error, status } => {
            failure_to_error(&error, status, &deadline, call.timeout_ms)
        }
    })?;
    if !(200..300).contains(&status) {
        let error_body = js_sys::JSON::parse(&body)
            .ok()
            .and_then(|value| from_answer::<ErrorBody>(value).ok())
            .map(|error_body| error_body.redacted(token.unwrap_or_default()));
        return Err(error_for_status(status, error_body, retry_after.as_deref()));
    }
    Ok(Reply { status, body })
}

fn aborted() -> Error {
    Error::new(ErrorCode::Aborted, "the caller aborted the request")
}

/// A complete answer of a status that is not a redirect, its body within the cap.
struct Answer {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

/// Why an exchange gave no [`Answer`].
enum Failure {
    /// The server answered something this client refuses (a redirect, an oversized body).
    Answered(Error),
    /// A JS failure, after the answer's `status` arrived if it is set.
    Js { error: JsValue, status: Option<u16> },
}

impl From<JsValue> for Failure {
    fn from(error: JsValue) -> Self {
        Self::Js {
            error,
            status: None,
        }
    }
}

/// The fetch itself, with `redirect: "manual"` so that no request is ever sent
/// again somewhere else; the body read up to `max_bytes`.
async fn exchange(
    request: &Request<impl Serialize>,
    body: Option<&str>,
    token: Option<&str>,
    max_bytes: u32,
    deadline: &Deadline,
) -> std::result::Result<Answer, Failure> {
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if body.is_some() {
        headers.set("Content-Type", "application/json")?;
    }
    if let Some(token) = token {
        headers.set("Authorization", &["Bearer ", token].concat())?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&headers);
    init.set_signal(Some(&deadline.signal()));
    init.set_redirect(RequestRedirect::Manual);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let js_request = web_sys::Request::new_with_str_and_init(&request.url, &init)?;
    let response: web_sys::Response = JsFuture::from(global_fetch(&js_request)?)
        .await?
        .dyn_into()?;
    let status = response.status();
    // A browser hides a manual redirect as an "opaqueredirect" of status 0.
    if response.type_() == ResponseType::Opaqueredirect || (300..400).contains(&status) {
        discard(&response);
        let location = response.headers().get("Location").ok().flatten();
        let location = location.map(|text| redact(&text, token.unwrap_or_default()));
        let status = Some(status).filter(|s| *s != 0);
        return Err(Failure::Answered(unexpected_redirect(
            status,
            location.as_deref(),
        )));
    }
    let retry_after = response.headers().get("Retry-After")?;
    let text = JsFuture::from(read_body(&response, max_bytes))
        .await
        .map_err(|error| Failure::Js {
            error,
            status: Some(status),
        })?;
    match text.as_string() {
        Some(body) => Ok(Answer {
            status,
            body,
            retry_after,
        }),
        None => Err(Failure::Answered(too_large(status, max_bytes))),
    }
}

/// A failed exchange becomes `aborted`, `timeout` or `network`, in that order of
/// blame; `status` is set when the answer had begun and then broke off.
fn failure_to_error(
    failure: &JsValue,
    status: Option<u16>,
    deadline: &Deadline,
    timeout_ms: u32,
) -> Error {
    if deadline.caller_aborted() {
        return aborted();
    }
    if deadline.timed_out() {
        let mut err = Error::new(
            ErrorCode::Timeout,
            format!("no complete answer within {timeout_ms} ms"),
        );
        err.retryable = true;
        return err;
    }
    let reason = failure
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "unknown failure".to_owned());
    let message = match status {
        Some(status) => format!("Sinch's answer (HTTP {status}) broke off: {reason}"),
        None => format!("the request did not reach Sinch: {reason}"),
    };
    let mut err = Error::new(ErrorCode::Network, message);
    err.status = status;
    err.retryable = true;
    err
}
