//! `validateMedia` and `validateMediaBytes`: the media preflight. Only the ranges the
//! core asks for cross into wasm memory (which never shrinks), never the whole file.

use super::convert::{optional_arg, to_js, to_js_error};
use crate::core::error::{Error, Result};
use crate::core::media::{MessageType, Options, Preflight};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The optional options argument, typed `MediaOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "MediaOptions")]
    pub type MediaOptionsArg;
}

/// `{ as?, declaredType?, fileName? }` as JS callers write it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MediaOptions {
    #[serde(rename = "as")]
    intended: Option<MessageType>,
    declared_type: Option<String>,
    file_name: Option<String>,
}

impl MediaOptions {
    fn read(value: Option<MediaOptionsArg>) -> Result<Self> {
        Ok(optional_arg(value.map(Into::into), "options")?.unwrap_or_default())
    }

    fn core(&self) -> Options<'_> {
        Options {
            declared_mime: self.declared_type.as_deref(),
            file_name: self.file_name.as_deref(),
            intended: self.intended,
        }
    }
}

/// Checks a `Blob` or `File` before upload: its real type from its bytes, the
/// message type it fits, the size limits. Reads only a few ranges via
/// `blob.slice()`. `declaredType` defaults to `blob.type`, `fileName` to `file.name`.
#[wasm_bindgen(js_name = validateMedia, unchecked_return_type = "Promise<MediaReport>")]
pub fn validate_media(
    #[wasm_bindgen(unchecked_param_type = "Blob")] blob: JsValue,
    options: Option<MediaOptionsArg>,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let report = async {
            let blob = blob
                .dyn_into::<web_sys::Blob>()
                .map_err(|_| Error::invalid("blob", "must be a Blob or File"))?;
            let mut options = MediaOptions::read(options)?;
            if options.declared_type.is_none() && !blob.type_().is_empty() {
                options.declared_type = Some(blob.type_());
            }
            if options.file_name.is_none() {
                options.file_name = blob.dyn_ref::<web_sys::File>().map(web_sys::File::name);
            }
            let mut preflight = Preflight::new(blob.size() as u64);
            while let Some(range) = preflight.next_read() {
                let bytes = read_range(&blob, range.start, range.end).await?;
                preflight.supply(range.start, &bytes);
            }
            to_js(&preflight.finish(&options.core()))
        };
        report.await.map_err(to_js_error)
    })
}

/// The same check on bytes already in memory. Only the ranges asked for are
/// copied into wasm, so a 100 MB array costs kilobytes there.
#[wasm_bindgen(js_name = validateMediaBytes, unchecked_return_type = "MediaReport")]
pub fn validate_media_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    options: Option<MediaOptionsArg>,
) -> std::result::Result<JsValue, JsValue> {
    let report = || {
        let bytes = bytes
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| Error::invalid("bytes", "must be a Uint8Array"))?;
        let options = MediaOptions::read(options)?;
        let mut preflight = Preflight::new(u64::from(bytes.length()));
        while let Some(range) = preflight.next_read() {
            // Ranges lie within `size`, which came from a u32 length.
            let slice = bytes.subarray(range.start as u32, range.end as u32);
            preflight.supply(range.start, &slice.to_vec());
        }
        to_js(&preflight.finish(&options.core()))
    };
    report().map_err(to_js_error)
}

async fn read_range(blob: &web_sys::Blob, start: u64, end: u64) -> Result<Vec<u8>> {
    let unreadable = |_| Error::invalid("blob", "could not be read");
    // Offsets below 2^53 are exact in an f64.
    let part = blob
        .slice_with_f64_and_f64(start as f64, end as f64)
        .map_err(unreadable)?;
    let buffer = JsFuture::from(part.array_buffer())
        .await
        .map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

// The TypeScript declarations of `MediaOptions`, `MediaReport` and their parts, included in the
// generated sinch_whatsapp.d.ts (of the full and of the preflight build).
#[wasm_bindgen(typescript_custom_section)]
const MEDIA_TYPES: &str = include_str!("../../js/package/types/media.d.ts");
