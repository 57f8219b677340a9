//! The JS face (wasm32 only): wasm-bindgen exports, JS↔Rust conversion and the
//! `fetch` transport. Nothing in [`crate::core`] knows about JS.

mod callbacks;
mod client;
mod media;
mod provision;
mod stickers;
pub use client::WhatsAppClient;
mod convert;
mod transport;
mod types;
