//! `WhatsAppClient`: the exported class. Each method converts its JS arguments,
//! lets the core validate and build the request, and hands it to the transport.

use super::convert::{from_js, to_js, to_js_error};
use super::transport::{self, CallOptions};
use crate::core::config::{ClientOptions, Config, MAX_TIMEOUT_MS};
use crate::core::error::{Error, Result};
use crate::core::message::{Message, SendRequest, Text};
use crate::core::request::{self, Request};
use crate::core::response::{
    error_for_status, invalid_response, ErrorBody, OneOrMany, Receipt, SendResult,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A client for one bot. Holds the token inside wasm memory; `toJSON`, `toString`
/// and errors never show it.
#[wasm_bindgen]
pub struct WhatsAppClient {
    config: Rc<Config>,
}

#[wasm_bindgen]
impl WhatsAppClient {
    /// Checks the options and builds a client; throws `SinchError` (`invalid_argument`) on bad options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions")] options: JsValue,
    ) -> std::result::Result<WhatsAppClient, JsValue> {
        from_js::<ClientOptions>(options, "options")
            .and_then(Config::new)
            .map(|config| Self {
                config: Rc::new(config),
            })
            .map_err(to_js_error)
    }

    /// The bot id this client sends as.
    #[wasm_bindgen(getter, js_name = botId)]
    pub fn bot_id(&self) -> String {
        self.config.bot_id.clone()
    }

    /// The base URL requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.config.base_url.clone()
    }

    /// Sends any message object to 1–20 recipients (`POST /messages`).
    #[wasm_bindgen(unchecked_return_type = "Promise<SendResult>")]
    pub fn send(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SendRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> js_sys::Promise {
        let config = Rc::clone(&self.config);
        run(async move {
            let send = from_js::<SendRequest>(request, "request")?;
            send_message(&config, send, options).await
        })
    }

    /// Sends a text message: `sendText("+46732001122", "Hello")`.
    #[wasm_bindgen(js_name = sendText, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] to: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CallOptions | undefined")] options: JsValue,
    ) -> js_sys::Promise {
        let config = Rc::clone(&self.config);
        run(async move {
            let to = from_js::<OneOrMany<String>>(to, "to")?.into_vec();
            let text = text
                .as_string()
                .ok_or_else(|| Error::invalid("text", "must be a string"))?;
            let message = Message::Text(Text {
                text,
                preview_url: None,
            });
            send_message(
                &config,
                SendRequest {
                    to,
                    message,
                    callback: None,
                },
                options,
            )
            .await
        })
    }

    /// A safe summary for logs and `JSON.stringify`: bot id, base URL, and whether a token is set.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "{ botId: string; baseUrl: string; token: string | null }")]
    pub fn to_json(&self) -> JsValue {
        let summary = js_sys::Object::new();
        let token = self.config.token.as_ref().map(|_| "[redacted]");
        for (key, value) in [
            ("botId", JsValue::from_str(&self.config.bot_id)),
            ("baseUrl", JsValue::from_str(&self.config.base_url)),
            ("token", token.map_or(JsValue::NULL, JsValue::from_str)),
        ] {
            // Setting a plain data property on a fresh object cannot fail.
            let _ = js_sys::Reflect::set(&summary, &JsValue::from_str(key), &value);
        }
        summary.into()
    }

    /// `WhatsAppClient(bot-id @ base-url)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        [
            "WhatsAppClient(",
            &self.config.bot_id,
            " @ ",
            &self.config.base_url,
            ")",
        ]
        .concat()
    }
}

/// Runs a call as a Promise that rejects with a `SinchError`.
fn run(call: impl std::future::Future<Output = Result<JsValue>> + 'static) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move { call.await.map_err(to_js_error) })
}

async fn send_message(config: &Config, send: SendRequest, options: JsValue) -> Result<JsValue> {
    let call = call_options(config, options)?;
    let request = request::send_message(config, send)?;
    execute::<_, Receipt, SendResult>(config, &request, &call).await
}

/// One request: send it, then parse a 2xx body as `W` and return it as `R`, or
/// turn anything else into the typed error.
async fn execute<B, W, R>(
    config: &Config,
    request: &Request<B>,
    call: &CallOptions,
) -> Result<JsValue>
where
    B: Serialize,
    W: DeserializeOwned,
    R: From<W> + Serialize,
{
    let reply = transport::send(request, config.token.as_ref(), call).await?;
    let parsed = js_sys::JSON::parse(&reply.body).ok();
    if !(200..300).contains(&reply.status) {
        let body = parsed.and_then(|v| serde_wasm_bindgen::from_value::<ErrorBody>(v).ok());
        return Err(error_for_status(
            reply.status,
            body,
            reply.retry_after.as_deref(),
        ));
    }
    let value = parsed.ok_or_else(|| invalid_response(reply.status, "the body is not JSON"))?;
    let wire: W = serde_wasm_bindgen::from_value(value)
        .map_err(|e| invalid_response(reply.status, &e.to_string()))?;
    to_js(&R::from(wire))
}

/// Reads `{ signal?, timeoutMs? }`; missing options mean the client's defaults.
fn call_options(config: &Config, options: JsValue) -> Result<CallOptions> {
    let mut call = CallOptions {
        timeout_ms: config.timeout_ms,
        signal: None,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(call);
    }
    if !options.is_object() {
        return Err(Error::invalid("options", "must be an object"));
    }
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let signal = get("signal");
    if !signal.is_undefined() {
        let signal = signal
            .dyn_into::<web_sys::AbortSignal>()
            .map_err(|_| Error::invalid("options.signal", "must be an AbortSignal"))?;
        call.signal = Some(signal);
    }
    let timeout = get("timeoutMs");
    if !timeout.is_undefined() {
        call.timeout_ms = timeout
            .as_f64()
            .filter(|ms| ms.fract() == 0.0 && *ms >= 1.0 && *ms <= f64::from(MAX_TIMEOUT_MS))
            .map(|ms| ms as u32)
            .ok_or_else(|| {
                Error::invalid(
                    "options.timeoutMs",
                    "must be a whole number from 1 to 600000",
                )
            })?;
    }
    Ok(call)
}
