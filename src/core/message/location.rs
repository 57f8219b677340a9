//! A location message: `{ lat, lng, name?, address? }`.

use super::Members;
use crate::core::json::read::shifted;
use crate::core::json::{parse, Value, Write, Writer};
use crate::core::whatwg::cut;
use crate::prelude::*;

/// A point on the map, shown with an optional name and address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Location {
    /// Latitude in degrees, -90 to 90.
    pub lat: Coordinate,
    /// Longitude in degrees, -180 to 180.
    pub lng: Coordinate,
    /// The place's name.
    pub name: Option<String>,
    /// The place's address.
    pub address: Option<String>,
}

/// A coordinate in degrees, kept as the caller's JSON number text and sent as it
/// is: no float is parsed or formatted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coordinate(String);

impl Coordinate {
    /// The JSON number text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A coordinate of `number`, a JSON number's text (`55.7`, `-1e1`; its range is
    /// checked when sent), or `None` if it is not one.
    pub fn new(number: &str) -> Option<Self> {
        match parse(number) {
            Ok(Value::Number(text)) => Some(Self(text)),
            _ => None,
        }
    }
}

/// Whether `number` (a JSON number's text) is from `-max` to `max`, read exactly
/// from its decimal text.
pub(super) fn within(number: &str, max: u32) -> bool {
    let text = number.strip_prefix("-").unwrap_or(number);
    let (mantissa, exponent) = match cut(text, b"eE") {
        Some((mantissa, power)) => (mantissa, exponent(power)),
        None => (text, 0),
    };
    let (whole, fraction) = cut(mantissa, b".").unwrap_or((mantissa, ""));
    // One walk over the digits (`point` of them before the decimal point): the
    // whole part (saturated) and whether any digit after the point is not zero.
    let point = whole.len() as i64 + exponent;
    let (mut at, mut whole_part, mut rest_is_zero) = (0i64, 0u64, true);
    for digits in [whole, fraction].iter() {
        for digit in digits.as_bytes() {
            let digit = u64::from(digit.wrapping_sub(b'0'));
            if at < point {
                whole_part = shifted(whole_part, 10, digit).unwrap_or(u64::MAX);
            } else if digit != 0 {
                rest_is_zero = false;
            }
            at += 1;
        }
    }
    // A point past the last digit pads the whole part with zeros (20 saturate it).
    for _ in 0..(point - at).clamp(0, 20) {
        whole_part = shifted(whole_part, 10, 0).unwrap_or(u64::MAX);
    }
    whole_part < u64::from(max) || (whole_part == u64::from(max) && rest_is_zero)
}

/// An exponent's value (`+5`, `-12`), saturated far beyond any text's length.
fn exponent(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    let mut n = 0i64;
    for digit in digits.as_bytes() {
        n = (n * 10 + i64::from(digit.wrapping_sub(b'0'))).min(1 << 40);
    }
    if negative {
        -n
    } else {
        n
    }
}

impl Write for Coordinate {
    /// Its number, or `null` for the empty default (the check then names the field:
    /// `request.message.lat: is required`).
    fn write(&self, out: &mut Writer) {
        out.raw(if self.0.is_empty() { "null" } else { &self.0 });
    }
}

impl Members for Location {
    fn members(&self, out: &mut Writer) {
        out.field("lat", &self.lat);
        out.field("lng", &self.lng);
        out.field_opt("name", &self.name);
        out.field_opt("address", &self.address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_exactly_from_the_decimal_text() {
        let within = |text: &str, max| within(text, max);
        for text in [
            "0", "-0", "90", "-90", "90.0", "89.999", "9e1", "900e-1", "0.9E2", "1e-400", "0.0000",
            "-00.5", "45", "1E+1",
        ] {
            assert!(within(text, 90), "{text}");
        }
        for text in [
            "90.5",
            "-90.0001",
            "91",
            "100",
            "9.00001e1",
            "1e400",
            "1E+2",
            "123456789012",
            "90000000000e-8",
        ] {
            assert!(!within(text, 90), "{text}");
        }
        assert!(within("-180", 180) && within("179.9999999", 180));
        assert!(!within("-180.1", 180) && !within("181", 180));
    }

    /// The one-walk check decides as the first version, which gathered the
    /// significant digits into a `Vec`, on every mix of these parts.
    #[test]
    fn the_walk_decides_as_the_significant_digits_did() {
        fn gathered(text: &str, max: u32) -> bool {
            let text = text.strip_prefix("-").unwrap_or(text);
            let (mantissa, exponent) = match text.find(['e', 'E']) {
                Some(at) => (&text[..at], exponent(&text[at + 1..])),
                None => (text, 0),
            };
            let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            let all: Vec<u8> = [whole, fraction].concat().into_bytes();
            let zeros = all.iter().take_while(|d| **d == b'0').count();
            let digits = &all[zeros..];
            let point = whole.len() as i64 - zeros as i64 + exponent;
            if point <= 0 {
                return true;
            }
            let all_zero = |digits: &[u8]| digits.iter().all(|d| *d == b'0');
            if point > 10 {
                return all_zero(digits);
            }
            let whole_part = (0..point as usize).fold(0u64, |n, i| {
                n * 10 + digits.get(i).map_or(0, |d| u64::from(d - b'0'))
            });
            let rest_is_zero = all_zero(digits.get(point as usize..).unwrap_or_default());
            whole_part < u64::from(max) || (whole_part == u64::from(max) && rest_is_zero)
        }
        let wholes = [
            "0",
            "00",
            "9",
            "89",
            "90",
            "091",
            "180",
            "1000000000000000000000000",
        ];
        let fractions = ["", ".0", ".5", ".00001", ".999", ".000"];
        let exponents = [
            "", "e0", "e1", "E-1", "e+2", "e-3", "e400", "e-400", "e19", "e-19",
        ];
        for whole in wholes {
            for fraction in fractions {
                for exponent in exponents {
                    let text = [whole, fraction, exponent].concat();
                    for max in [90, 180] {
                        assert_eq!(within(&text, max), gathered(&text, max), "{text} {max}");
                    }
                }
            }
        }
    }
}
