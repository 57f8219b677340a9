//! Client for the Sinch WhatsApp Business Messaging API, compiled to WebAssembly.
//!
//! The crate has two layers:
//! - [`core`]: plain Rust (types, validation, request building, response and error
//!   parsing, media sniffing, callbacks). It builds and tests natively.
//! - `web` (wasm32 only): the thin wasm-bindgen face and the `fetch` transport.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The heap of the wasm build: lol_alloc's free list, a few hundred bytes of code where
/// std's dlmalloc is ~7 KB (the preflight's budget). The lock is a flag: wasm is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
