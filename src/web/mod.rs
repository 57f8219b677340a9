//! The JS face (wasm32 only): synchronous wasm-bindgen exports that take and give
//! text (JSON) or bytes. The JS modules in `js/package/` do the `fetch`, the
//! deadlines and the waiting; nothing in [`crate::core`] knows about JS.

#[cfg(feature = "callbacks")]
mod callbacks;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
pub use client::{create, free, open, prepare, settle, Core, FAULTS, UNKNOWN};
#[cfg(feature = "preflight")]
mod media;

/// How an envelope leaves an export. In the full entry, as a JS string (an
/// `externref`): every export there returns one value, because Node 20's V8 builds
/// an optimized JS-to-wasm wrapper for each export returning two values when it
/// compiles the module, and the full entry's startup has a budget (README,
/// "Startup"). In an entry without the client, as a `String` (a pointer and a
/// length the glue reads and frees): the `externref` table's slot allocation is not
/// linked there, −336 B gzip in `./callbacks` and −335 in `./preflight`, for ≈ 0.5 ms
/// more CPU compiling `./callbacks` in Node 20 (README, "Startup").
#[cfg(feature = "client")]
type Answer = wasm_bindgen::JsValue;
#[cfg(all(
    not(feature = "client"),
    any(feature = "callbacks", feature = "preflight")
))]
type Answer = crate::prelude::String;

/// An envelope as the export's answer ([`Answer`]).
#[cfg(any(feature = "client", feature = "callbacks", feature = "preflight"))]
fn text(envelope: crate::prelude::String) -> Answer {
    Answer::from(envelope)
}
