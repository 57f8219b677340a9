//! The Conversation API backend (`api: "conversation"`).

pub mod send;
