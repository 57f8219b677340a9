//! Every endpoint: request builders (validated before anything is sent) and the
//! typed answers. Sending is [`messages`]; the message types and their rules are
//! [`crate::core::message`]. Request bodies are JSON text with snake_case names;
//! answers are read leniently ([`crate::core::response::Fields`]) and written as
//! the JS results in camelCase ([`crate::core::response::reply`]).

pub mod messages;
pub mod numbers;
pub mod providers;
pub mod stickers;
pub mod store;
