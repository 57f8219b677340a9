//! The JS face (wasm32 only): synchronous wasm-bindgen exports that take and give
//! text (JSON) or bytes. The JS modules in `js/package/` do the `fetch`, the
//! deadlines and the waiting; nothing in [`crate::core`] knows about JS.

#[cfg(feature = "callbacks")]
mod callbacks;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
pub use client::Core;
#[cfg(feature = "preflight")]
mod media;

/// An envelope as a JS string. Every export returns one value: a `String` return
/// would leave as a pointer and a length, and Node 20's V8 builds an optimized
/// JS-to-wasm wrapper for each export returning two values when it compiles the
/// module (README, "Startup").
#[cfg(any(feature = "client", feature = "callbacks", feature = "preflight"))]
fn text(envelope: crate::prelude::String) -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(&envelope)
}
