//! Client for the Sinch WhatsApp Business Messaging API, compiled to WebAssembly.
//!
//! The crate has two layers:
//! - [`core`]: plain Rust (types, validation, request building, response and error
//!   parsing, media sniffing, callbacks). It builds and tests natively.
//! - `web` (wasm32 only): the thin wasm-bindgen face and the `fetch` transport.
//!
//! The wasm build is `no_std` (core + alloc): no std panic machinery or message formatting
//! is linked, and a panic (none is reachable by policy) traps. Natively, and in the wasm
//! tests (the `std` feature), it keeps std, so the tests, fuzz targets and property tests
//! run as they are.

#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]

extern crate alloc;

pub mod core;
mod prelude;

/// Reference forms the tests and fuzz targets check the library against (`src/oracles.rs`):
/// the crate's unit tests and the feature `oracles` only, never a package build.
#[cfg(any(test, feature = "oracles"))]
#[doc(hidden)]
pub mod oracles;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The heap of the wasm build: lol_alloc's free list, a few hundred bytes of code where
/// std's dlmalloc is ~7 KB (the preflight's budget). The lock is a flag: wasm is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// The wasm build's panic: a trap, with no message formatted (no panic may cross into JS).
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &::core::panic::PanicInfo<'_>) -> ! {
    ::core::arch::wasm32::unreachable()
}
