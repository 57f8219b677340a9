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

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

/// The answer of endpoints that return nothing of use (an empty 200 or 201);
/// JS sees `undefined`. Left for [`store`] until the callback store is converted
/// (the converted endpoints answer through [`crate::core::ops::nothing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Done;

impl<'de> Deserialize<'de> for Done {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_takes_any_body() {
        for body in ["{}", "null", r#"{"a":[1,2]}"#, "\"x\""] {
            assert_eq!(serde_json::from_str::<Done>(body).unwrap(), Done);
        }
    }
}
