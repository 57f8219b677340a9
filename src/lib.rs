//! Client for the Sinch WhatsApp Business Messaging API, compiled to WebAssembly.
//!
//! The crate has two layers:
//! - [`core`]: plain Rust (types, validation, request building, response and error
//!   parsing, media sniffing, callbacks). It builds and tests natively.
//! - `web` (wasm32 only): the thin wasm-bindgen face and the `fetch` transport.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;
