//! `WhatsAppClient`: the exported class. Each method converts its JS arguments,
//! lets the core validate and build the request, and hands it to the transport.

use super::convert::{from_answer, from_js, string_arg, to_js, to_js_error};
use super::transport::{self, CallOptions};
use super::types::CallOptionsArg;
use crate::core::config::{self, ClientOptions, Config, Host};
use crate::core::endpoints::messages;
use crate::core::error::{redact, Error, Result};
use crate::core::message::{Message, SendRequest, Text};
use crate::core::request::Request;
use crate::core::response::{invalid_response, OneOrMany, Receipt, SendResult};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A client for one bot. Holds the token inside wasm memory; `toJSON`, `toString`
/// and errors never show it.
#[wasm_bindgen]
pub struct WhatsAppClient {
    inner: Rc<Inner>,
}

/// What every call needs; shared with the futures of calls in flight.
pub(super) struct Inner {
    pub(super) config: Config,
    on_retry: Option<js_sys::Function>,
}

#[wasm_bindgen]
impl WhatsAppClient {
    /// Checks the options and builds a client; throws `SinchError` (`invalid_argument`) on bad options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions")] options: JsValue,
    ) -> std::result::Result<WhatsAppClient, JsValue> {
        let on_retry = function_option(&options, "onRetry").map_err(to_js_error)?;
        let config = from_js::<ClientOptions>(options, "options")
            .and_then(|options| Config::new(options, host()))
            .map_err(to_js_error)?;
        Ok(Self {
            inner: Rc::new(Inner { config, on_retry }),
        })
    }

    /// The bot id this client sends as.
    #[wasm_bindgen(getter, js_name = botId)]
    pub fn bot_id(&self) -> String {
        self.inner.config.bot_id.clone()
    }

    /// The base URL requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.config.base_url.clone()
    }

    /// Sends any message object to 1–20 recipients (`POST /messages`).
    #[wasm_bindgen(unchecked_return_type = "Promise<SendResult>")]
    pub fn send(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SendRequest")] request: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let send = from_js::<SendRequest>(request, "request")?;
            inner.send_message(send, &call).await
        })
    }

    /// Sends a text message: `sendText("+46732001122", "Hello")`.
    #[wasm_bindgen(js_name = sendText, unchecked_return_type = "Promise<SendResult>")]
    pub fn send_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] to: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let to = from_js::<OneOrMany<String>>(to, "to")?.into_vec();
            let text = string_arg(text, "text")?;
            let message = Message::Text(Text {
                text,
                preview_url: None,
            });
            let send = SendRequest {
                to,
                message,
                callback: None,
            };
            inner.send_message(send, &call).await
        })
    }

    /// A safe summary for logs and `JSON.stringify`: bot id, base URL, and whether a token is set.
    #[wasm_bindgen(
        js_name = toJSON,
        unchecked_return_type = "{ botId: string; baseUrl: string; token: string | null }"
    )]
    pub fn to_json(&self) -> JsValue {
        let config = &self.inner.config;
        let token = config.token.as_ref().map(|_| "[redacted]");
        let summary = js_sys::Object::new();
        for (key, value) in [
            ("botId", JsValue::from_str(&config.bot_id)),
            ("baseUrl", JsValue::from_str(&config.base_url)),
            ("token", token.map_or(JsValue::NULL, JsValue::from_str)),
        ] {
            // A plain data property on a fresh object: cannot fail.
            let _ = js_sys::Reflect::set(&summary, &JsValue::from_str(key), &value);
        }
        summary.into()
    }

    /// `WhatsAppClient(bot-id @ base-url)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let config = &self.inner.config;
        [
            "WhatsAppClient(",
            &config.bot_id,
            " @ ",
            &config.base_url,
            ")",
        ]
        .concat()
    }
}

impl WhatsAppClient {
    /// Runs a call as a Promise that rejects with a `SinchError`. Even bad per-call
    /// options reject rather than throw, so every method fails the same way.
    pub(super) fn run<F, Fut>(&self, options: Option<CallOptionsArg>, call: F) -> js_sys::Promise
    where
        F: FnOnce(Rc<Inner>, CallOptions) -> Fut + 'static,
        Fut: Future<Output = Result<JsValue>> + 'static,
    {
        let inner = Rc::clone(&self.inner);
        wasm_bindgen_futures::future_to_promise(async move {
            let options = inner
                .call_options(&options.map_or(JsValue::UNDEFINED, Into::into))
                .map_err(to_js_error)?;
            call(inner, options).await.map_err(to_js_error)
        })
    }
}

impl Inner {
    async fn send_message(&self, send: SendRequest, call: &CallOptions) -> Result<JsValue> {
        let request = messages::send_message(&self.config, send)?;
        self.execute::<_, Receipt, SendResult>(&request, call).await
    }

    /// One request through the transport; a 2xx body is parsed as `W` (an empty
    /// body as `{}`) and returned to JS as `R`.
    pub(super) async fn execute<B, W, R>(
        &self,
        request: &Request<B>,
        call: &CallOptions,
    ) -> Result<JsValue>
    where
        B: Serialize,
        W: DeserializeOwned,
        R: From<W> + Serialize,
    {
        let reply = transport::send(&self.config, request, call).await?;
        let text = if reply.body.trim().is_empty() {
            "{}"
        } else {
            &reply.body
        };
        let value = js_sys::JSON::parse(text)
            .map_err(|_| invalid_response(reply.status, "the body is not JSON"))?;
        let wire: W = from_answer(value).map_err(|why| {
            // The reason may quote the answer, and a server may echo the token.
            let token = self.config.token.as_ref().map_or("", |t| t.expose());
            invalid_response(reply.status, &redact(&why, token))
        })?;
        // `Done` serializes as null; JS callers get `undefined` for "nothing of use".
        to_js(&R::from(wire)).map(|value| {
            if value.is_null() {
                JsValue::UNDEFINED
            } else {
                value
            }
        })
    }

    /// Reads `{ signal?, timeoutMs?, onRetry? }`; what is missing comes from the client.
    fn call_options(&self, options: &JsValue) -> Result<CallOptions> {
        let mut call = CallOptions {
            timeout_ms: self.config.timeout_ms,
            signal: None,
            on_retry: self.on_retry.clone(),
        };
        if options.is_undefined() || options.is_null() {
            return Ok(call);
        }
        if !options.is_object() {
            return Err(Error::invalid("options", "must be an object"));
        }
        from_js::<CallOptionKeys>(options.clone(), "options")?;
        if let Some(hook) = function_option(options, "onRetry")? {
            call.on_retry = Some(hook);
        }
        let signal = property(options, "signal");
        if !signal.is_undefined() {
            let signal = signal
                .dyn_into::<web_sys::AbortSignal>()
                .map_err(|_| Error::invalid("options.signal", "must be an AbortSignal"))?;
            call.signal = Some(signal);
        }
        let timeout = property(options, "timeoutMs");
        if !timeout.is_undefined() {
            call.timeout_ms = timeout
                .as_f64()
                .and_then(config::timeout_ms)
                .ok_or_else(|| {
                    Error::invalid(
                        "options.timeoutMs",
                        "must be a whole number from 1 to 600000",
                    )
                })?;
        }
        Ok(call)
    }
}

/// A browser page has both `window` and `document`; Workers, workerd and Node do not.
fn host() -> Host {
    let global = js_sys::global();
    let has = |name: &str| property(&global, name).is_object();
    if has("window") && has("document") {
        Host::BrowserPage
    } else {
        Host::Server
    }
}

/// `object[key]`, or `undefined` when `object` is not an object or the read throws.
fn property(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An optional function-valued option such as `onRetry`.
fn function_option(object: &JsValue, key: &str) -> Result<Option<js_sys::Function>> {
    let value = property(object, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<js_sys::Function>()
        .map(Some)
        .map_err(|_| Error::invalid(&["options.", key].concat(), "must be a function"))
}

/// The keys the per-call options `{ signal?, timeoutMs?, onRetry? }` may have, so that
/// a typo is refused by name; their values are read from the JS object itself.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallOptionKeys {
    #[serde(rename = "signal")]
    _signal: Option<serde::de::IgnoredAny>,
    #[serde(rename = "timeoutMs")]
    _timeout_ms: Option<serde::de::IgnoredAny>,
    #[serde(rename = "onRetry")]
    _on_retry: Option<serde::de::IgnoredAny>,
}
