//! The lenient wire values, shared by the typed model and the schema pass: a flag
//! sent as `1`/`0` (or `true`/`false`), an index sent as a string or a whole
//! number (worked out on the digits: no float, no `core::fmt`), and a Conversation
//! delivery status as today's `status` and `state`.

use super::schema::same;
use crate::core::json::{push_uint, Value};
use crate::prelude::*;

/// The rule a flag breaks.
pub(super) const ZERO_ONE_RULE: &str = "must be 1, 0, true or false";
/// The rule an index breaks.
pub(super) const INDEX_RULE: &str = "must be a string or an integer";

/// A flag: `true`/`false`, or a number that is `1` or `0` (`1.0`, `-0`).
pub(super) fn zero_one(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::Number(text) => match whole(text)? {
            (_, 0) => Some(false),
            (false, 1) => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// An index: a string as it is, a whole number as its decimal text.
pub(super) fn index(value: &Value) -> Option<String> {
    match value {
        // Copied as a `str`, by the `to_vec` every copy of text uses: no `String::clone`.
        Value::String(text) => Some(text.as_str().to_owned()),
        Value::Number(text) => {
            let (negative, magnitude) = whole(text)?;
            let mut out = String::new();
            if negative {
                out.push('-');
            }
            push_uint(&mut out, magnitude);
            Some(out)
        }
        _ => None,
    }
}

/// A Conversation delivery status as today's `state`: `QUEUED_ON_CHANNEL` (handed
/// to WhatsApp) is `dispatched`; any other is its ASCII lower case (`DELIVERED` is
/// `delivered`, `SWITCHING_CHANNEL` is `switching_channel`, a later value likewise).
pub(super) fn state(status: &str) -> String {
    if same(status, "QUEUED_ON_CHANNEL") {
        "dispatched".to_owned()
    } else {
        status.to_ascii_lowercase()
    }
}

/// A Conversation delivery status as today's `status`: `FAILED` (terminal, no
/// channel left) is `failure`; any other, `SWITCHING_CHANNEL` included, `success`.
pub(super) fn outcome(status: &str) -> &'static str {
    if same(status, "FAILED") {
        "failure"
    } else {
        "success"
    }
}

/// The largest integer a JS number (a double) holds exactly, 2^53 − 1.
const EXACT_MAX: u64 = (1 << 53) - 1;

/// The whole number a JSON number's `text` (as the reader took it: `-? int (.
/// digits)? ([eE] [+-]? digits)?`) denotes, as its sign and magnitude, worked out on
/// its digits (no float) in one pass: a plain integer within `i64`/`u64` (written as
/// it was: no leading zeros); one with a fraction or an exponent (`1.0`, `2e1`) only
/// when it is whole and below 2^53 in magnitude. `None` otherwise (an exponent beyond
/// `i64` too, whatever the digits). The significant digits are summed as they come
/// (a `u64`, never past its range), zeros held back until a later digit shows they
/// are not trailing.
fn whole(text: &str) -> Option<(bool, u64)> {
    let (negative, bytes) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    // The significant digits' sum, whether there is one, the zeros held back, the
    // power of ten the point and the held zeros add; the exponent's magnitude.
    let (mut value, mut any, mut trail, mut shift) = (0u64, false, 0usize, 0i64);
    let (mut point, mut exponent, mut minus, mut power) = (false, false, false, 0u64);
    for &byte in bytes {
        match byte {
            b'.' => point = true,
            b'e' | b'E' => exponent = true,
            b'-' => minus = true,
            b'+' => {}
            digit if exponent => power = times_ten(power, 1, digit.wrapping_sub(b'0'))?,
            b'0' => {
                shift -= i64::from(point);
                trail += usize::from(any);
            }
            digit => {
                shift -= i64::from(point);
                value = times_ten(value, trail + 1, digit.wrapping_sub(b'0'))?;
                (any, trail) = (true, 0);
            }
        }
    }
    // The exponent as `i64` holds it (`-9223372036854775808` included).
    if power > i64::MAX as u64 + u64::from(minus) {
        return None;
    }
    let power = if minus {
        (power as i64).wrapping_neg()
    } else {
        power as i64
    };
    // No digit but zeros (`0.0`, `-0e5`): zero, whatever the exponent.
    if any {
        let zeros = power
            .checked_add(shift)?
            .checked_add(i64::try_from(trail).ok()?)?;
        value = times_ten(value, usize::try_from(zeros).ok()?, 0)?;
    }
    let max = match (point || exponent, negative) {
        (true, _) => EXACT_MAX,
        (false, false) => u64::MAX,
        (false, true) => 1 << 63,
    };
    (value <= max).then_some((negative, value))
}

/// `value` × 10^`zeros` + `digit`, or `None` past `u64`'s range (checked before each
/// step: no 128-bit multiply).
fn times_ten(mut value: u64, zeros: usize, digit: u8) -> Option<u64> {
    for _ in 0..zeros {
        if value > u64::MAX / 10 {
            return None;
        }
        value *= 10;
    }
    value.checked_add(u64::from(digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decimal text of the whole number `text` denotes, as `index` writes it.
    fn integer(text: &str) -> Option<String> {
        let (negative, magnitude) = whole(text)?;
        Some(format!("{}{magnitude}", if negative { "-" } else { "" }))
    }

    /// The first implementation (digits collected in a `Vec`), kept as the oracle of
    /// the one that sums them.
    mod collected {
        use crate::prelude::*;

        /// The largest magnitudes, as digits, that a `u64`, an `i64` and a JS number (below
        /// 2^53) hold exactly.
        const U64_MAX: &[u8] = b"18446744073709551615";
        const I64_MIN: &[u8] = b"9223372036854775808";
        const EXACT_MAX: &[u8] = b"9007199254740991";

        /// Whether `digits` (no leading zeros) are at most `max`.
        fn at_most(digits: &[u8], max: &[u8]) -> bool {
            digits.len() < max.len() || (digits.len() == max.len() && digits <= max)
        }

        /// The decimal text of the whole number a JSON number's `text` denotes, worked out
        /// on its digits (no float): a plain integer within `i64`/`u64` as written; one with
        /// a fraction or an exponent (`1.0`, `2e1`) only when it is whole and below 2^53 in
        /// magnitude. `None` otherwise.
        pub(super) fn integer(text: &str) -> Option<String> {
            // Slices by `get` and `split_at_checked`: no slicing panic and its formatting.
            let (sign, unsigned) = match text.as_bytes() {
                [b'-', rest @ ..] => ("-", rest),
                all => ("", all),
            };
            let (mantissa, exponent) = match unsigned.iter().position(|b| b | 0x20 == b'e') {
                Some(at) => {
                    let (mantissa, exponent) = unsigned.split_at_checked(at)?;
                    (mantissa, Some(exponent.get(1..)?))
                }
                None => (unsigned, None),
            };
            let point = mantissa.iter().position(|&b| b == b'.');
            let fraction = point.map_or(0, |at| mantissa.len().saturating_sub(at + 1));
            let Some(exponent) = exponent else {
                if point.is_none() {
                    let max = if sign.is_empty() { U64_MAX } else { I64_MIN };
                    return at_most(mantissa, max).then(|| text.to_owned());
                }
                return whole(sign, mantissa, fraction, 0);
            };
            // As `i64` parses it (after one `+`), accumulated with its sign.
            let (negative, digits) = match exponent {
                [b'-', rest @ ..] => (true, rest),
                [b'+', rest @ ..] => (false, rest),
                rest => (false, rest),
            };
            let mut power: i64 = 0;
            for &digit in digits {
                let digit = i64::from(digit.checked_sub(b'0').filter(|d| *d < 10)?);
                power =
                    power
                        .checked_mul(10)?
                        .checked_add(if negative { -digit } else { digit })?;
            }
            if digits.is_empty() {
                return None;
            }
            whole(sign, mantissa, fraction, power)
        }

        /// The decimal text of `mantissa` (digits with a point `fraction` digits from its
        /// end) times 10^`exponent`, when it is whole and below 2^53 in magnitude.
        fn whole(sign: &str, mantissa: &[u8], fraction: usize, exponent: i64) -> Option<String> {
            // The significant digits, in one loop: leading zeros dropped, zeros held back
            // until a later digit shows they are not trailing (no collects or slicing).
            let mut digits = Vec::new();
            let mut trail = 0usize;
            for &digit in mantissa.iter().filter(|&&b| b != b'.') {
                if digit != b'0' {
                    digits.resize(digits.len() + trail, b'0');
                    digits.push(digit);
                    trail = 0;
                } else if !digits.is_empty() {
                    trail += 1;
                }
            }
            if digits.is_empty() {
                return Some([sign, "0"].concat());
            }
            let power = exponent
                .checked_sub(i64::try_from(fraction).ok()?)?
                .checked_add(i64::try_from(trail).ok()?)?;
            let zeros = usize::try_from(power).ok()?;
            // Enough zeros to tell whether it is above the largest exact integer.
            let len = digits.len().checked_add(zeros)?.min(EXACT_MAX.len() + 1);
            digits.resize(len.max(digits.len()), b'0');
            if !at_most(&digits, EXACT_MAX) {
                return None;
            }
            let digits = String::from_utf8(digits).ok()?;
            Some([sign, &digits].concat())
        }
    }

    #[test]
    fn summing_agrees_with_collecting_the_digits() {
        let mut checked = 0;
        let ints = [
            "",
            "0",
            "00",
            "1",
            "7",
            "10",
            "120",
            "4500",
            "9007199254740991",
            "9007199254740992",
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775808",
        ];
        let fracs = [
            None,
            Some(""),
            Some("0"),
            Some("5"),
            Some("50"),
            Some("000001"),
            Some("1000"),
            Some("0000000000000000000000001"),
        ];
        let exps = [
            "",
            "e0",
            "E1",
            "e+2",
            "e-1",
            "e-20",
            "e15",
            "e16",
            "e17",
            "e308",
            "e-9223372036854775808",
            "e-9223372036854775809",
            "e9223372036854775807",
            "e9223372036854775808",
            "e92233720368547758070",
            "e00000000000000000000000001",
            "e",
            "e+",
            "e-",
        ];
        for sign in ["", "-"] {
            for int in ints {
                for frac in fracs {
                    for exp in exps {
                        let point = frac.map(|f| format!(".{f}")).unwrap_or_default();
                        let text = format!("{sign}{int}{point}{exp}");
                        // Only what the reader takes as a number reaches `whole`.
                        if !matches!(crate::core::json::parse(&text), Ok(Value::Number(_))) {
                            continue;
                        }
                        assert_eq!(integer(&text), collected::integer(&text), "{text}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2_400, "{checked}");
    }

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

    /// What `integer` gives for a number with a fraction or an exponent, worked out
    /// with `u128` arithmetic (mantissas of up to 30 digits).
    fn exact(negative: bool, int: &str, frac: &str, exp: i64) -> Option<String> {
        let mantissa: u128 = [int, frac].concat().parse().ok()?;
        let power = exp - frac.len() as i64;
        let value = if mantissa == 0 {
            0
        } else if power >= 0 {
            mantissa.checked_mul(10u128.checked_pow(u32::try_from(power).ok()?)?)?
        } else {
            let divisor = 10u128.checked_pow(u32::try_from(-power).ok()?)?;
            (mantissa % divisor == 0).then_some(mantissa / divisor)?
        };
        (value < 1 << 53).then(|| format!("{}{value}", if negative { "-" } else { "" }))
    }

    #[test]
    fn whole_numbers_agree_with_exact_arithmetic() {
        let ints = [
            "0",
            "1",
            "10",
            "100",
            "120",
            "9007199254740991",
            "9007199254740992",
            "4500",
        ];
        let fracs = ["", "0", "00", "5", "50", "25", "000001", "1000"];
        for negative in [false, true] {
            for int in ints {
                for frac in fracs {
                    for exp in -8..=20 {
                        let sign = if negative { "-" } else { "" };
                        let point = if frac.is_empty() {
                            String::new()
                        } else {
                            format!(".{frac}")
                        };
                        let text = format!("{sign}{int}{point}e{exp}");
                        let expected = exact(negative, int, frac, exp);
                        assert_eq!(integer(&text), expected, "{text}");
                        if exp == 0 && !frac.is_empty() {
                            let text = format!("{sign}{int}{point}");
                            assert_eq!(integer(&text), expected, "{text}");
                        }
                    }
                }
            }
        }
    }
}
