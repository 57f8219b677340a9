//! Every endpoint besides sending: request builders (validated before anything is
//! sent) and the typed answers. Wire names are snake_case; answers serialize to JS
//! in camelCase.

pub mod numbers;
pub mod providers;
pub mod stickers;
pub mod store;

use crate::core::error::{Error, Result};
use crate::core::request::check_segment;
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

/// The answer of endpoints that return nothing of use (an empty 200 or 201);
/// JS sees `undefined`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Done;

impl<'de> Deserialize<'de> for Done {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Done)
    }
}

/// Longest id accepted in a path (message ids are ~60 characters).
const MAX_ID_CHARS: usize = 512;

/// An id that goes into a URL path: non-empty, no control characters, and one
/// segment that stays one ([`check_segment`]).
pub fn check_id(field: &str, id: &str) -> Result<()> {
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS || id.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            "must be a non-empty id of at most 512 characters without control characters",
        ));
    }
    check_segment(field, id)
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

    #[test]
    fn ids() {
        assert!(check_id(
            "messageId",
            "01E7SP2FX8E16R0X3GE8Z41VSQABGGSFATkBVvAgo61AND5uEmlo54"
        )
        .is_ok());
        for bad in ["", "a\nb", &"x".repeat(513), ".", "..", "%2E%2e"] {
            assert_eq!(
                check_id("messageId", bad).unwrap_err().field.as_deref(),
                Some("messageId")
            );
        }
    }
}
