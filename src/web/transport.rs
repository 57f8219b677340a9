//! The transport: one prepared [`Request`] → one `fetch` on `globalThis`, with a
//! deadline and the caller's `AbortSignal`. Works without `window` (Workers, Node).

use crate::core::config::Secret;
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::request::Request;
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
}

#[wasm_bindgen]
extern "C" {
    /// The runtime's own global `fetch`, called unbound as Workers require.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(request: &web_sys::Request) -> std::result::Result<js_sys::Promise, JsValue>;
}

/// Per-call settings.
pub struct CallOptions {
    /// Deadline for the whole exchange, body included.
    pub timeout_ms: u32,
    /// The caller's signal, if any.
    pub signal: Option<AbortSignal>,
}

/// What came back: status, body text and the `Retry-After` header.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Body text (possibly empty).
    pub body: String,
    /// Raw `Retry-After` header.
    pub retry_after: Option<String>,
}

/// Sends `request`, adding the bearer `token` when there is one.
pub async fn send<B: Serialize>(
    request: &Request<B>,
    token: Option<&Secret>,
    call: &CallOptions,
) -> Result<Reply> {
    let body = match &request.body {
        Some(body) => Some(to_json_text(body)?),
        None => None,
    };
    let deadline = Deadline::new(call.timeout_ms, call.signal.clone());
    let outcome = exchange(request, body.as_deref(), token, &deadline).await;
    deadline.dispose();
    outcome.map_err(|failure| failure_to_error(&failure, &deadline, call.timeout_ms))
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

async fn exchange(
    request: &Request<impl Serialize>,
    body: Option<&str>,
    token: Option<&Secret>,
    deadline: &Deadline,
) -> std::result::Result<Reply, JsValue> {
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if body.is_some() {
        headers.set("Content-Type", "application/json")?;
    }
    if let Some(token) = token {
        headers.set("Authorization", &["Bearer ", token.expose()].concat())?;
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
    Ok(Reply {
        status: response.status(),
        body: text.as_string().unwrap_or_default(),
        retry_after,
    })
}

/// A failed exchange becomes `aborted`, `timeout` or `network`, in that order of blame.
fn failure_to_error(failure: &JsValue, deadline: &Deadline, timeout_ms: u32) -> Error {
    if deadline.caller_aborted() {
        return Error::new(ErrorCode::Aborted, "the caller aborted the request");
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
