//! Conversions between JS values and core types.

use super::de::{self, Limits};
use crate::core::error::{Error, ErrorCode, Result};
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

/// A string argument, or `invalid_argument` naming `field`.
#[cfg(feature = "client")]
pub fn string_arg(value: JsValue, field: &str) -> Result<String> {
    value
        .as_string()
        .ok_or_else(|| Error::invalid(field, "must be a string"))
}

/// An optional argument: `undefined` and `null` mean "not given".
pub fn optional_arg<T: DeserializeOwned>(value: Option<JsValue>, field: &str) -> Result<Option<T>> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => from_js(value, field).map(Some),
        _ => Ok(None),
    }
}

/// Bounds of a caller's input: the deepest documented shape (a list message's
/// rows) needs 6 levels.
const INPUT: Limits = Limits {
    depth: 16,
    nodes: 20_000,
};
/// Bounds of an answer after `JSON.parse`: generous, yet far from the wasm stack's.
#[cfg(feature = "client")]
const ANSWER: Limits = Limits {
    depth: 64,
    nodes: 1_000_000,
};

/// Reads a caller's JS value into a core type. A shape error is `invalid_argument`
/// naming the deepest wrong path below `what` (`request.to[0]`) and the expected
/// type, never the value. A cyclic, very deep or huge input, a throwing getter or a
/// Proxy gives an error too; only own properties are read.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T> {
    de::read(value, INPUT).map_err(|e| Error::invalid(&e.field(what), e.rule()))
}

/// Reads an answer after `JSON.parse`; the error text names the path. (A parser of
/// the core, such as the callback model's, may quote a value: callers redact it.)
#[cfg(feature = "client")]
pub fn from_answer<T: DeserializeOwned>(value: JsValue) -> std::result::Result<T, String> {
    de::read(value, ANSWER).map_err(|e| [e.field("body"), e.rule().to_owned()].join(": "))
}

/// Turns a core value into plain JS objects (maps as objects, no BigInt). It crosses
/// as JSON text read by `JSON.parse`, so a key such as `__proto__` becomes an own
/// data property and never a prototype.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue> {
    js_sys::JSON::parse(&to_json_text(value, ErrorCode::InvalidResponse)?).map_err(|_| {
        Error::new(
            ErrorCode::InvalidResponse,
            "a result could not be read back",
        )
    })
}

/// The JSON text of a core value (a result, or a request body written once, with no
/// trip through JS objects); a failure is an error of `code`.
pub fn to_json_text<T: Serialize>(value: &T, code: ErrorCode) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::new(code, e.to_string()))
}
