//! Conversions between JS values and core types.

use crate::core::error::{Error, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/runtime.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeSinchError)]
    fn make_sinch_error(
        code: &str,
        message: &str,
        status: Option<u16>,
        field: Option<String>,
        details: Option<String>,
        retryable: bool,
        retry_after_ms: Option<f64>,
    ) -> JsValue;
}

/// The `SinchError` JS object for `err`.
pub fn to_js_error(err: Error) -> JsValue {
    make_sinch_error(
        err.code.as_str(),
        &err.message,
        err.status,
        err.field,
        err.details,
        err.retryable,
        // Milliseconds fit an f64 exactly far beyond any sane wait.
        err.retry_after_ms.map(|ms| ms as f64),
    )
}

/// Reads a JS value into a core type; a shape error names `what` and serde's reason.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, Error> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        let reason = e.to_string();
        Error::invalid(what, reason.strip_prefix("Error: ").unwrap_or(&reason))
    })
}

/// Turns a core value into plain JS objects (maps as objects, no BigInt).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Error::new(ErrorCode::InvalidResponse, e.to_string()))
}
