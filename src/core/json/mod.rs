//! A small JSON reader and writer of our own, in place of `serde_json`: what crosses
//! between JS and Rust is JSON text (`JSON.stringify` / `JSON.parse` on the JS
//! side cost no wasm bytes), and this is all the Rust side needs of it.
//!
//! - [`parse`] reads RFC 8259 text into a [`Value`] as `serde_json` does (fuzzed
//!   against it: `fuzz/fuzz_targets/json_parse.rs`), keeping numbers as their text so
//!   that no float is ever parsed or formatted; [`parse_utf8`] reads bytes, their
//!   UTF-8 checked by hand ([`utf8_error`] for a whole text), so that the callbacks'
//!   entry links no `core::str::from_utf8`.
//! - [`read`] turns a [`Value`] into typed input with errors that name the path and
//!   the rule, never the value.
//! - [`Writer`] writes JSON text.

use crate::prelude::*;

mod parse;
pub mod read;
mod utf8;
mod write;

pub(crate) use parse::{blank, hex_digit};
pub use parse::{parse, parse_utf8, ParseError, MAX_DEPTH};
pub use read::{Object, Path, Read};
pub use utf8::utf8_error;
pub(crate) use utf8::{any_char, char_at, is_white_space, mapped, trim};
pub(crate) use write::push_uint;
pub use write::{decimal, Write, Writer};

/// A JSON value. Object members keep their order, and a repeated key is kept twice
/// (readers of typed input refuse it; see [`read::object`]).
///
/// Laid out with a 4-byte tag (`repr(u32)`): a flag and a payload then start at an
/// aligned offset, and a value moves as aligned words, not as the 15 bytes after a
/// one-byte tag (−79 B of gzip on `./callbacks`' wasm, −182 on the full one).
#[derive(Debug, Clone, PartialEq)]
#[repr(u32)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number as its JSON text (checked against the grammar), e.g. `-1.5e3`.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in document order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The first member named `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// The JSON text of this value.
    pub fn to_text(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.finish()
    }
}
