//! Wire helpers: string enums open to later values, numbers kept as their text, and
//! the lenient values (`1`/`0` flags, an index as a string or an integer).

use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};

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

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
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
        match value {
            Value::String(text) => Some(text.clone()),
            Value::Number(text) => integer(text),
            _ => None,
        }
        .map(Self)
        .ok_or_else(|| at.invalid("must be a string or an integer"))
    }
}

/// A flag sent as `1`/`0` (or `true`/`false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ZeroOne(pub(super) bool);

impl Read for ZeroOne {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let flag = match value {
            Value::Bool(flag) => Some(*flag),
            Value::Number(text) => match integer(text).as_deref() {
                Some("0" | "-0") => Some(false),
                Some("1") => Some(true),
                _ => None,
            },
            _ => None,
        };
        flag.map(Self)
            .ok_or_else(|| at.invalid("must be 1, 0, true or false"))
    }
}

/// Magnitudes at or above this are not held exactly by a JS number.
const EXACT_DIGITS: usize = 16;
const EXACT_LIMIT: u64 = 1 << 53;

/// The decimal text of the whole number a JSON number's `text` denotes, worked out
/// on its digits (no float): a plain integer within `i64`/`u64` as written; one with
/// a fraction or an exponent (`1.0`, `2e1`) only when it is whole and below 2^53 in
/// magnitude. `None` otherwise.
pub(super) fn integer(text: &str) -> Option<String> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if fraction.is_empty() && exponent.is_none() {
        let fits = if negative {
            whole.parse::<u64>().is_ok_and(|n| n <= 1 << 63)
        } else {
            whole.parse::<u64>().is_ok()
        };
        return fits.then(|| text.to_owned());
    }
    let exponent: i64 = exponent
        .map(|e| e.strip_prefix('+').unwrap_or(e))
        .map_or(Some(0), |e| e.parse().ok())?;
    // The significant digits and the power of ten they are multiplied by.
    let digits = [whole, fraction].concat();
    let digits = digits.trim_start_matches('0');
    let mut power = exponent.checked_sub(fraction.len() as i64)?;
    let significant = digits.trim_end_matches('0');
    power = power.checked_add((digits.len() - significant.len()) as i64)?;
    let sign = if negative { "-" } else { "" };
    if significant.is_empty() {
        return Some([sign, "0"].concat());
    }
    let zeros = usize::try_from(power).ok()?;
    if significant.len() + zeros > EXACT_DIGITS {
        return None;
    }
    let value: u64 = [significant, &"0".repeat(zeros)].concat().parse().ok()?;
    (value < EXACT_LIMIT).then(|| [sign, &value.to_string()].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_worked_out_on_the_digits() {
        for (text, whole) in [
            ("7", Some("7")),
            ("-0", Some("-0")),
            ("18446744073709551615", Some("18446744073709551615")),
            ("-9223372036854775808", Some("-9223372036854775808")),
            ("18446744073709551616", None),
            ("1.0", Some("1")),
            ("-2.50e1", Some("-25")),
            ("0.0", Some("0")),
            ("100e-2", Some("1")),
            ("1.5", None),
            ("1e-1", None),
            ("9007199254740991.0", Some("9007199254740991")),
            ("9007199254740992.0", None),
            ("1e400", None),
            ("1e-99999999999999999999", None),
        ] {
            assert_eq!(integer(text).as_deref(), whole, "{text}");
        }
    }
}
