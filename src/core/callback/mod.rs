//! Callbacks (webhooks): typed parsing of delivery reports and inbound messages, and signature verification.
//!
//! - [`model`]: the types of a callback payload. They are read from the snake_case
//!   wire names and written ([`Callback::to_json`]) in camelCase (the names JS
//!   sees), so a parsed [`Callback`] does not round-trip through its own output.
//!   Fields the model does not know are kept, under their wire names, in the
//!   `extra` lists, which are written back beside the typed fields.
//! - [`entry`]: one entry of a callback list, typed, or kept raw with a typed error
//!   when malformed, so that one bad entry does not cost the others.
//! - [`parse`](mod@parse): [`parse()`], [`parse_bytes`]: raw body text to a [`Callback`],
//!   with [`ErrorCode::InvalidCallback`](crate::core::error::ErrorCode::InvalidCallback)
//!   errors.
//! - [`pass`]: the same body straight to the JSON text JS gets, driven by tables
//!   (`schema`) instead of the typed model: what the wasm ships (the model stays
//!   for Rust callers; the tests and the fuzz target hold the two to the same output).
//! - [`signature`]: [`verify_signature`] and [`verify_signature_headers`]
//!   (HMAC-SHA256 over `body.nonce`, signature in base64 or hex), with
//!   [`ErrorCode::SignatureInvalid`](crate::core::error::ErrorCode::SignatureInvalid)
//!   errors.
//! - [`webhook`]: the Conversation API's signature ([`verify_webhook`]:
//!   `x-sinch-webhook-signature*`, HMAC-SHA256 over `body.nonce.timestamp`, base64,
//!   the timestamp within a tolerance of now).
//! - [`verify_callback`]: either, chosen by the headers, with the headers as JSON
//!   text, as JS gives them; [`verify_callback_from`]: only one API's form.
//!
//! ```
//! use sinch_whatsapp::core::callback::{parse, DeliveryState, InboundMessage};
//!
//! let event = parse(r#"{"type":"whatsapp",
//!     "statuses":[{"status":"success","state":"read","message_id":"m1","recipient":"+46732001122"}],
//!     "notifications":[{"from":"46732001122","message_id":"m2","message":{"type":"text","body":"Hi"}}]}"#)?;
//! let report = event.statuses[0].valid().ok_or("a malformed report")?;
//! assert_eq!(report.state, DeliveryState::Read);
//! let inbound = event.notifications[0].valid().ok_or("a malformed message")?;
//! assert!(matches!(&inbound.message, InboundMessage::Text(t) if t.body == "Hi"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod conversation;
pub mod entry;
pub mod headers;
mod lenient;
mod mac_text;
pub mod model;
pub mod parse;
pub mod pass;
mod schema;
mod sha256;
pub mod signature;
pub mod webhook;

#[cfg(test)]
mod tests;

use crate::core::error::join;
pub use entry::{Entry, EntryError, InvalidEntry, ListEntry};
pub use headers::{verify_callback, verify_callback_from, CallbackApi};
pub use model::*;
pub use parse::{parse, parse_bytes};
pub use signature::{
    compute_signature, verify_signature, verify_signature_headers, HMAC_SHA_256,
    SIGNATURE_ALGORITHM_HEADER, SIGNATURE_HEADER, SIGNATURE_NONCE_HEADER,
};
pub use webhook::{verify_webhook, verify_webhook_headers, webhook_signature, Freshness};
