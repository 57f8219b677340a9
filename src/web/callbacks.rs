//! The callbacks' crossing (`js/package/callbacks.js` is its face): the body, key
//! and headers arrive as bytes and text, the answer leaves as an envelope
//! (`core::error::envelope`) that the face unwraps.

use super::text;
use crate::core::callback::webhook::{Freshness, DEFAULT_TOLERANCE_SECONDS};
use crate::core::callback::{self, CallbackApi};
use crate::core::error::envelope;
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// `parseCallback` and `verifyCallbackSignature` through one export (one glue
/// function and one shim, not two): the envelope of the callback's JSON text by the
/// schema pass (the typed model is not linked) when `headers_len` is 0, else of
/// `true` or `false`. `parts` is the body, then the UTF-8 of the JSON text of
/// `[name, value]` pairs or of an object of header values (never empty: the face
/// writes `null` for none), then the key, the first two `body_len` and
/// `headers_len` bytes long (one buffer: one copy into wasm memory in the glue, not
/// three; bytes: no string-passing glue in this entry; the headers' bytes go to
/// `verify_callback` as they are, its JSON reader checking their UTF-8, so no
/// `from_utf8` is linked). `now_ms` is `options.now`
/// (or the clock) in milliseconds, `tolerance` the `options.toleranceSeconds`
/// given, in seconds, or negative when not given: both checked by the face (a
/// finite time; a whole number, 0 or more), so that their rules and words are
/// written once. `api` is `options.api`'s index in `[undefined, "whatsapp",
/// "conversation"]`, also checked by the face.
#[wasm_bindgen(js_name = "__callbacks")]
pub fn callbacks(
    parts: &[u8],
    body_len: usize,
    headers_len: usize,
    now_ms: f64,
    tolerance: f64,
    api: u32,
) -> super::Answer {
    let (raw_body, rest) = parts.split_at_checked(body_len).unwrap_or_default();
    let answer = if headers_len == 0 {
        callback::pass::callback_json(raw_body)
    } else {
        let (headers, key) = rest.split_at_checked(headers_len).unwrap_or_default();
        let freshness = Freshness {
            now: (now_ms / 1000.0) as i64,
            tolerance: if tolerance < 0.0 {
                DEFAULT_TOLERANCE_SECONDS
            } else {
                tolerance as u64
            },
        };
        let api = match api {
            1 => Some(CallbackApi::WhatsApp),
            2 => Some(CallbackApi::Conversation),
            _ => None,
        };
        let verdict = callback::verify_callback_from(raw_body, headers, key, freshness, api);
        verdict.map(|ok| if ok { "true" } else { "false" }.to_owned())
    };
    text(envelope(answer))
}
