//! Every endpoint's arguments and typed Rust functions; their requests are built by
//! the operations' one runner (`ops::run`), validated before anything is sent. Sending
//! is [`messages`]; the message types and their rules are [`crate::core::message`].
//! The other endpoints' arguments are tables of the message model's language, here,
//! checked by its one walk; Rust callers' typed arguments are written in their JS
//! form and checked the same way.
//! Request bodies are JSON text with snake_case names; the answers become the JS
//! results in camelCase by tables ([`crate::core::ops::answers`]).

pub mod messages;
pub mod numbers;
pub mod providers;
pub mod stickers;
pub mod store;
