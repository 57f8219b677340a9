//! The callbacks' crossing (`js/package/callbacks.js` is its face): the body, key
//! and headers arrive as bytes and text, the answer leaves as an envelope
//! (`core::error::envelope`) that the face unwraps.

use super::text;
use crate::core::callback;
use crate::core::error::{envelope, Error};
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// `parseCallback`: the envelope of the callback's JSON text as JS gets it, by the
/// schema pass (the typed model is not linked).
#[wasm_bindgen(js_name = "__parseCallback")]
pub fn parse_callback(raw_body: &[u8]) -> JsValue {
    text(envelope(callback::pass::callback_json(raw_body)))
}

/// `verifyCallbackSignature`: the envelope of `true` or `false`. `headers` is the
/// UTF-8 of the JSON text of `[name, value]` pairs or of an object of values (bytes,
/// as the body and key are: no string-passing glue in this entry).
#[wasm_bindgen(js_name = "__verifyCallback")]
pub fn verify_callback(raw_body: &[u8], headers: &[u8], key: &[u8]) -> JsValue {
    let verdict = core::str::from_utf8(headers)
        .map_err(|_| Error::invalid("headers", "could not be read"))
        .and_then(|headers| callback::verify_callback(raw_body, headers, key));
    text(envelope(
        verdict.map(|ok| if ok { "true" } else { "false" }.to_owned()),
    ))
}
