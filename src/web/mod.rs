//! The JS face (wasm32 only): wasm-bindgen exports, JS↔Rust conversion and the
//! `fetch` transport. Nothing in [`crate::core`] knows about JS.

mod convert;
mod de;
mod media;

#[cfg(feature = "callbacks")]
mod callbacks;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod provision;
#[cfg(feature = "client")]
mod stickers;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "client")]
mod types;

#[cfg(feature = "client")]
pub use client::WhatsAppClient;
