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
