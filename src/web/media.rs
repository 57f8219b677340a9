//! The media preflight's crossing: one synchronous, stateless export. JS holds the ranges
//! read so far and hands them all in at each step; Rust answers with the next range to read
//! or, when nothing more is needed, the report. `js/package/preflight.js` drives it as
//! `validateMedia` and `validateMediaBytes`. Only the ranges asked for cross into wasm
//! memory (which never shrinks), never the whole file; no object lives between calls (no
//! class, handle or `free` in the glue).

use super::text;
use crate::core::json::decimal;
use crate::core::media::{MessageType, Options, Preflight};
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// One step of the check of a file of `size` bytes: the ranges read so far are `held`, one
/// after another, placed by `at`, a little-endian `f64` pair (offset, length) per range (a
/// `Float64Array`'s bytes). Gives `[start,end]`, the range to read next, or the report, as
/// JSON text. The options as `preflight.js` has read and checked them: `intended` an index
/// into [`MessageType::ALL`] (any other number: none), the declared type and the file name
/// as UTF-8 (bytes, so no string-passing glue ships; empty when absent, which the rules read
/// as absent too).
#[wasm_bindgen(skip_typescript)]
pub fn media_step(
    size: f64,
    intended: u32,
    declared: &[u8],
    name: &[u8],
    held: &[u8],
    at: &[u8],
) -> JsValue {
    // A Blob's size and offsets are whole numbers below 2^53: exact in an f64.
    let mut preflight = Preflight::new(size as u64);
    let mut rest = held;
    for pair in at.chunks_exact(16) {
        let number = |i: usize| {
            pair.get(i..i + 8)
                .and_then(|b| b.try_into().ok())
                .map_or(0, |b| f64::from_le_bytes(b) as u64)
        };
        let len = usize::try_from(number(8))
            .unwrap_or(usize::MAX)
            .min(rest.len());
        let (bytes, after) = rest.split_at_checked(len).unwrap_or_default();
        preflight.supply(number(0), bytes);
        rest = after;
    }
    text(match preflight.next_read() {
        Some(range) => {
            let mut out = String::from("[");
            out.push_str(&decimal(range.start));
            out.push(',');
            out.push_str(&decimal(range.end));
            out.push(']');
            out
        }
        None => preflight
            .finish(&Options {
                declared_mime: utf8(declared),
                file_name: utf8(name),
                intended: MessageType::ALL.get(intended as usize).copied(),
            })
            .to_json(),
    })
}

/// Text `TextEncoder` wrote (always UTF-8; anything else, and nothing, is absent).
fn utf8(bytes: &[u8]) -> Option<&str> {
    core::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.is_empty())
}
