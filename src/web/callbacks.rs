//! Callbacks: `parseCallback`, `verifyCallbackSignature`, and the client's
//! callback-store methods.

use super::client::WhatsAppClient;
use super::convert::{from_js, optional_arg, string_arg, to_js, to_js_error};
use super::types::CallOptionsArg;
use crate::core::callback::{self, CallbackStoreResults};
use crate::core::endpoints::store::{self, NotificationFilter};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::response::OneOrMany;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parses a callback body (the raw text, or its bytes) into typed delivery reports,
/// contacts and inbound notifications; a malformed entry stays in its place as
/// `{ kind: "invalid", error: { code, field, message }, raw }`. Throws `SinchError`
/// (`invalid_callback`) only when the body is not a Sinch WhatsApp callback at all.
#[wasm_bindgen(js_name = parseCallback, unchecked_return_type = "Callback")]
pub fn parse_callback(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] raw_body: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    bytes_arg(raw_body, "rawBody")
        .and_then(|bytes| callback::parse_bytes(&bytes))
        .and_then(|event| to_js(&event))
        .map_err(to_js_error)
}

/// Checks the HMAC-SHA256 signature Sinch puts on a callback. `true` when it
/// matches, `false` when it does not; throws `SinchError` (`signature_invalid`,
/// `field` naming the header) when a signature header is missing or malformed or
/// the algorithm is not `HMAC_SHA_256`. Pass the body exactly as received: bytes
/// are safest, since text decoding may alter invalid UTF-8.
#[wasm_bindgen(js_name = verifyCallbackSignature)]
pub fn verify_callback_signature(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] raw_body: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Headers | Record<string, string | string[]> | [string, string][]"
    )]
    headers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
) -> std::result::Result<bool, JsValue> {
    let verdict = bytes_arg(raw_body, "rawBody").and_then(|body| {
        let key = bytes_arg(key, "key")?;
        callback::verify_signature_headers(&body, header_pairs(&headers)?, &key)
    });
    match verdict {
        Ok(()) => Ok(true),
        Err(err) if err.code == ErrorCode::SignatureInvalid && err.field.is_none() => Ok(false),
        Err(err) => Err(to_js_error(err)),
    }
}

#[wasm_bindgen]
impl WhatsAppClient {
    /// The stored delivery reports of one message (`GET /callbacks/status/{id}`).
    #[wasm_bindgen(js_name = callbackStatus, unchecked_return_type = "Promise<CallbackStoreResults>")]
    pub fn callback_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] message_id: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let id = string_arg(message_id, "messageId")?;
            let request = store::status(&inner.config, &id)?;
            inner
                .execute::<_, CallbackStoreResults, CallbackStoreResults>(&request, &call)
                .await
        })
    }

    /// Stored inbound messages (`GET /callbacks/notifications`), filtered by
    /// `{ startTime?, endTime?, from?, page?, pageSize? }`.
    #[wasm_bindgen(js_name = callbackNotifications, unchecked_return_type = "Promise<CallbackStoreResults>")]
    pub fn callback_notifications(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NotificationFilter | undefined")] filter: JsValue,
        options: Option<CallOptionsArg>,
    ) -> js_sys::Promise {
        self.run(options, |inner, call| async move {
            let filter: NotificationFilter =
                optional_arg(Some(filter), "filter")?.unwrap_or_default();
            let request = store::notifications(&inner.config, &filter)?;
            inner
                .execute::<_, CallbackStoreResults, CallbackStoreResults>(&request, &call)
                .await
        })
    }
}

/// A string (as UTF-8), a `Uint8Array` or an `ArrayBuffer`, as bytes.
fn bytes_arg(value: JsValue, field: &str) -> Result<Vec<u8>> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(Error::invalid(
        field,
        "must be a string, a Uint8Array or an ArrayBuffer",
    ))
}

/// The signature headers from a `Headers`, a plain object, or `[name, value]` pairs.
fn header_pairs(headers: &JsValue) -> Result<Vec<(String, String)>> {
    if let Some(headers) = headers.dyn_ref::<web_sys::Headers>() {
        let names = [
            callback::SIGNATURE_HEADER,
            callback::SIGNATURE_ALGORITHM_HEADER,
            callback::SIGNATURE_NONCE_HEADER,
        ];
        let pairs = names.iter().filter_map(|name| {
            let value = headers.get(name).ok().flatten()?;
            Some(((*name).to_owned(), value))
        });
        return Ok(pairs.collect());
    }
    if js_sys::Array::is_array(headers) {
        return from_js(headers.clone(), "headers");
    }
    // A plain object, as Node's `req.headers`: a repeated header holds an array.
    let map: BTreeMap<String, OneOrMany<String>> = from_js(headers.clone(), "headers")?;
    let pairs = map.into_iter().flat_map(|(name, values)| {
        let values = values.into_vec();
        values.into_iter().map(move |value| (name.clone(), value))
    });
    Ok(pairs.collect())
}

// The TypeScript declarations of `Callback`, `CallbackStoreResults`, `NotificationFilter` and
// their parts, included in the generated sinch_whatsapp.d.ts.
#[wasm_bindgen(typescript_custom_section)]
const CALLBACK_TYPES: &str = include_str!("../../js/package/types/callbacks.d.ts");
