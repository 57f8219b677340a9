//! Plain-Rust core: everything that does not need JavaScript.

pub mod callback;
pub mod config;
#[cfg(feature = "conversation")]
pub mod conversation;
pub mod endpoints;
pub mod error;
pub mod json;
pub mod media;
pub mod message;
pub mod ops;
pub mod outcome;
pub mod request;
pub mod response;
pub mod retry;
pub mod rules;
pub mod whatwg;
