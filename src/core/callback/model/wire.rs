//! Wire helpers: string enums open to later values, numbers kept as their text, and
//! the lenient values (`1`/`0` flags, an index as a string or an integer).

use crate::core::callback::lenient;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// Declares a string enum that keeps values it does not know in `Other`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::core::json::Read for $name {
            fn read(
                value: &$crate::core::json::Value,
                at: &$crate::core::json::Path,
            ) -> $crate::core::error::Result<Self> {
                String::read(value, at).map(|text| Self::from(text.as_str()))
            }
        }

        impl $crate::core::json::Write for $name {
            fn write(&self, out: &mut $crate::core::json::Writer) {
                out.string(self.as_str());
            }
        }
    };
}

pub(super) use open_enum;

/// A JSON number as its text (`55.7047`), as sent: never parsed into a float, so it
/// reaches JS exactly as Sinch wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number's JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as the nearest `f64` (for Rust callers; JS reads the text itself).
    pub fn to_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
}

impl Read for Number {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::Number(text) => Ok(Self(text.clone())),
            _ => Err(at.invalid("must be a number")),
        }
    }
}

impl Write for Number {
    fn write(&self, out: &mut Writer) {
        out.raw(&self.0);
    }
}

/// A template button's `index`: a string, or an integer kept as its decimal text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StringOrInteger(pub(super) String);

impl Read for StringOrInteger {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        lenient::index(value)
            .map(Self)
            .ok_or_else(|| at.invalid(lenient::INDEX_RULE))
    }
}

/// A flag sent as `1`/`0` (or `true`/`false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ZeroOne(pub(super) bool);

impl Read for ZeroOne {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        lenient::zero_one(value)
            .map(Self)
            .ok_or_else(|| at.invalid(lenient::ZERO_ONE_RULE))
    }
}
