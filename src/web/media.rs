//! The media preflight's crossing, synchronous: JS asks which byte range is needed next,
//! reads that slice (of a `Blob`, or of bytes it holds) and hands the bytes in, until
//! nothing more is needed; then it takes the report. `js/package/preflight.js` drives it
//! as `validateMedia` and `validateMediaBytes`. Only the ranges asked for cross into wasm
//! memory (which never shrinks), never the whole file.

use super::text;
use crate::core::media::{MessageType, Options, Preflight};
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// One file being checked (internal to `preflight.js`, not in the TypeScript API).
#[wasm_bindgen(skip_typescript)]
pub struct MediaCheck {
    preflight: Preflight,
    /// The message type the file is meant for.
    intended: Option<MessageType>,
    /// The declared MIME type.
    declared: Option<String>,
    /// The file name.
    name: Option<String>,
    /// The end of the range [`MediaCheck::next`] last gave.
    end: u64,
}

#[wasm_bindgen]
impl MediaCheck {
    /// A check of a file of `size` bytes with the options `preflight.js` has read and checked:
    /// `intended` an index into [`MessageType::ALL`] (any other number: none), the declared
    /// type and the file name as UTF-8 (bytes, so no string-passing glue ships; empty when
    /// absent, which the rules read as absent too).
    #[wasm_bindgen(constructor)]
    pub fn new(size: f64, intended: u32, declared: &[u8], name: &[u8]) -> MediaCheck {
        MediaCheck {
            // A Blob's size is a whole number below 2^53: exact in an f64.
            preflight: Preflight::new(size as u64),
            intended: MessageType::ALL.get(intended as usize).copied(),
            declared: utf8(declared),
            name: utf8(name),
            end: 0,
        }
    }

    /// The start of the next range to read (its end is [`MediaCheck::end`]), or -1 when
    /// nothing more is needed.
    pub fn next(&mut self) -> f64 {
        match self.preflight.next_read() {
            Some(range) => {
                self.end = range.end;
                range.start as f64
            }
            None => -1.0,
        }
    }

    /// The end (exclusive) of the range [`MediaCheck::next`] gave.
    pub fn end(&self) -> f64 {
        self.end as f64
    }

    /// The bytes read at `offset`.
    pub fn supply(&mut self, offset: f64, bytes: &[u8]) {
        self.preflight.supply(offset as u64, bytes);
    }

    /// The report as JSON text. It is never an error, so it crosses without the
    /// `{"ok":…}` envelope (and this entry links none of the error writer).
    pub fn report(&self) -> JsValue {
        let options = Options {
            declared_mime: self.declared.as_deref(),
            file_name: self.name.as_deref(),
            intended: self.intended,
        };
        text(self.preflight.finish(&options).to_json())
    }
}

/// Text `TextEncoder` wrote (always UTF-8; anything else, and nothing, is absent).
fn utf8(bytes: &[u8]) -> Option<String> {
    core::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.is_empty())
        .map(String::from)
}
