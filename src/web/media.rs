//! The media preflight's crossing, synchronous: JS asks which byte range is needed next,
//! reads that slice (of a `Blob`, or of bytes it holds) and hands the bytes in, until
//! nothing more is needed; then it takes the report. `js/package/preflight.js` drives it
//! as `validateMedia` and `validateMediaBytes`. Only the ranges asked for cross into wasm
//! memory (which never shrinks), never the whole file.

use crate::core::error::{envelope, Result};
use crate::core::media::{OwnedOptions, Preflight};
use wasm_bindgen::prelude::*;

/// One file being checked (internal to `preflight.js`, not in the TypeScript API).
#[wasm_bindgen(skip_typescript)]
pub struct MediaCheck {
    preflight: Preflight,
    /// The options read, or why they were refused (then nothing is read).
    options: Result<OwnedOptions>,
    /// The end of the range [`MediaCheck::next`] last gave.
    end: u64,
}

#[wasm_bindgen]
impl MediaCheck {
    /// A check of a file of `size` bytes: the options argument as JSON text, and the
    /// file's own type and name (`blob.type`, `file.name`) for what the options leave out.
    #[wasm_bindgen(constructor)]
    pub fn new(
        size: f64,
        options: &str,
        declared: Option<String>,
        name: Option<String>,
    ) -> MediaCheck {
        MediaCheck {
            // A Blob's size is a whole number below 2^53: exact in an f64.
            preflight: Preflight::new(size as u64),
            options: OwnedOptions::from_json(options).map(|o| o.or_from_file(declared, name)),
            end: 0,
        }
    }

    /// The start of the next range to read (its end is [`MediaCheck::end`]), or -1 when
    /// nothing more is needed or the options were refused.
    pub fn next(&mut self) -> f64 {
        match self.options.as_ref().ok().and(self.preflight.next_read()) {
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

    /// The report's envelope: `{"ok":report}`, or `{"error":…}` for refused options.
    pub fn report(&self) -> String {
        envelope(match &self.options {
            Ok(options) => Ok(self.preflight.finish(&options.as_options()).to_json()),
            Err(err) => Err(err.clone()),
        })
    }
}
