//! The transport: one prepared [`Request`] → `fetch` on `globalThis`, with a
//! deadline per attempt, the caller's `AbortSignal`, and retries as the core's
//! [`RetryPolicy`] decides. Works without `window` (Workers, Node).

use super::convert::{from_answer, to_js_error};
use crate::core::config::Config;
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::request::Request;
use crate::core::response::{error_for_status, ErrorBody};
use crate::core::retry::Decision;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

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
        Some(body) => Some(to_json_text(body)?),
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
    let outcome = exchange(request, body, token, &deadline).await;
    deadline.dispose();
    let (status, body, retry_after) =
        outcome.map_err(|failure| failure_to_error(&failure, &deadline, call.timeout_ms))?;
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

fn to_json_text<B: Serialize>(body: &B) -> Result<String> {
    let value = crate::web::convert::to_js(body)?;
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidArgument,
                "the request body could not be turned into JSON",
            )
        })
}

/// The fetch itself: status, body text and `Retry-After`, or the JS failure.
async fn exchange(
    request: &Request<impl Serialize>,
    body: Option<&str>,
    token: Option<&str>,
    deadline: &Deadline,
) -> std::result::Result<(u16, String, Option<String>), JsValue> {
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
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let js_request = web_sys::Request::new_with_str_and_init(&request.url, &init)?;
    let response: web_sys::Response = JsFuture::from(global_fetch(&js_request)?)
        .await?
        .dyn_into()?;
    let retry_after = response.headers().get("Retry-After")?;
    let text = JsFuture::from(response.text()?).await?;
    Ok((
        response.status(),
        text.as_string().unwrap_or_default(),
        retry_after,
    ))
}

/// A failed exchange becomes `aborted`, `timeout` or `network`, in that order of blame.
fn failure_to_error(failure: &JsValue, deadline: &Deadline, timeout_ms: u32) -> Error {
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
    let mut err = Error::new(
        ErrorCode::Network,
        format!("the request did not reach Sinch: {reason}"),
    );
    err.retryable = true;
    err
}
