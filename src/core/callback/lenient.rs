//! The lenient wire values, shared by the typed model and the schema pass: a flag
//! sent as `1`/`0` (or `true`/`false`), and an index sent as a string or a whole
//! number. Worked out on the digits: no float, no `core::fmt`.

use crate::core::json::Value;

/// The rule a flag breaks.
pub(super) const ZERO_ONE_RULE: &str = "must be 1, 0, true or false";
/// The rule an index breaks.
pub(super) const INDEX_RULE: &str = "must be a string or an integer";

/// A flag: `true`/`false`, or a number that is `1` or `0` (`1.0`, `-0`).
pub(super) fn zero_one(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::Number(text) => match integer(text).as_deref() {
            Some("0" | "-0") => Some(false),
            Some("1") => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// An index: a string as it is, a whole number as its decimal text.
pub(super) fn index(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(text) => integer(text),
        _ => None,
    }
}

/// Magnitudes at or above this are not held exactly by a JS number.
const EXACT_DIGITS: usize = 16;
const EXACT_LIMIT: u64 = 1 << 53;

/// The decimal text of the whole number a JSON number's `text` denotes, worked out
/// on its digits (no float): a plain integer within `i64`/`u64` as written; one with
/// a fraction or an exponent (`1.0`, `2e1`) only when it is whole and below 2^53 in
/// magnitude. `None` otherwise.
fn integer(text: &str) -> Option<String> {
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
    // `significant` starts with a non-zero digit: these digits are the decimal text.
    let digits = [significant, &"0".repeat(zeros)].concat();
    let value: u64 = digits.parse().ok()?;
    (value < EXACT_LIMIT).then(|| [sign, &digits].concat())
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
