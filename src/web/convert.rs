//! Conversions between JS values and core types.

use crate::core::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Deepest nesting an input may have; the deepest documented shape (a list
/// message's rows) needs 6.
const MAX_DEPTH: u32 = 16;
/// Most objects, arrays and values an input may hold.
const MAX_NODES: u32 = 20_000;

/// Reads a JS value into a core type; a shape error names `what` and serde's reason.
/// The value is first walked with bounds, so a cyclic, very deep or huge input, a
/// throwing getter or a Proxy gives an error instead of exhausting the wasm stack.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T> {
    let mut budget = MAX_NODES;
    check_bounds(&value, 0, &mut budget).map_err(|rule| Error::invalid(what, rule))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        let reason = e.to_string();
        Error::invalid(what, reason.strip_prefix("Error: ").unwrap_or(&reason))
    })
}

/// Turns a core value into plain JS objects (maps as objects, no BigInt).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| Error::new(ErrorCode::InvalidResponse, e.to_string()))
}

/// Walks objects and arrays, failing on depth, size, or a read that throws.
fn check_bounds(
    value: &JsValue,
    depth: u32,
    budget: &mut u32,
) -> std::result::Result<(), &'static str> {
    *budget = budget.checked_sub(1).ok_or("is too large")?;
    if !value.is_object() || value.is_function() {
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Err("is nested too deeply (or is cyclic)");
    }
    let unreadable = "could not be read (a getter or Proxy threw)";
    let object: &js_sys::Object = value.unchecked_ref();
    let keys = js_sys::Reflect::own_keys(object).map_err(|_| unreadable)?;
    for key in keys.iter() {
        if key.is_symbol() {
            continue;
        }
        let child = js_sys::Reflect::get(object, &key).map_err(|_| unreadable)?;
        check_bounds(&child, depth + 1, budget)?;
    }
    Ok(())
}
