//! The shared input rules: the shapes a value must have wherever it is given (ids and
//! path segments, provider names, phone numbers, http(s) URLs, dates, language codes,
//! lengths). Each check names the field it is given and says the rule in words; the
//! callers (messages, endpoints, config) choose the field path.
//!
//! This module depends only on [`crate::core::error`] and [`crate::core::whatwg`], so any
//! module may use it without importing in a circle.

use crate::core::error::join;
use crate::core::error::{Error, Result};
use crate::core::json::{any_char, decimal, is_white_space, mapped, Path};
use crate::core::whatwg::{self, percent_decode_bytes};
use crate::prelude::*;

/// Longest id accepted in a path (message ids are ~60 characters).
const MAX_ID_CHARS: usize = 512;
/// Longest provider name.
const MAX_PROVIDER_NAME_CHARS: usize = 200;

/// A value that goes into one path segment must stay that segment: it may not be
/// empty, `.` or `..`, nor decode (once or more: `%2e`, `%252E%2e`) to one of them,
/// which a URL parser or a server would resolve, moving the request elsewhere. Nor
/// may a `/`- or `\\`-separated part of it be a dot segment (`../x`), for a server
/// that decodes `%2F` before it resolves the path.
///
/// Worked on bytes: the ASCII `.`, `/`, `\\` and `%XX` it looks at are the same
/// whether or not a decoded byte sequence is valid UTF-8.
pub fn check_segment(field: &str, value: &str) -> Result<()> {
    let mut text = value.as_bytes().to_vec();
    loop {
        let dots = |part: &[u8]| part == b"." || part == b"..";
        if text.is_empty() || text.split(|b| *b == b'/' || *b == b'\\').any(dots) {
            return Err(Error::invalid(
                field,
                "must not be empty nor hold a . or .. segment, even percent-encoded",
            ));
        }
        let decoded = percent_decode_bytes(&text);
        if decoded == text {
            return Ok(());
        }
        text = decoded;
    }
}

/// An id that goes into a URL path: non-empty, no control characters, and one
/// segment that stays one ([`check_segment`]).
pub fn check_id(field: &str, id: &str) -> Result<()> {
    if id.is_empty() || count_chars(id) > MAX_ID_CHARS || controlled(id) {
        return Err(Error::invalid(
            field,
            "must be 1 to 512 characters without control characters",
        ));
    }
    check_segment(field, id)
}

/// A provider name: `A-Z a-z 0-9 - _`, 1–200 characters (Sinch's release note says
/// "alphanumeric characters plus - and/or _"; its reference page says letters only).
#[inline]
pub fn check_provider_name(field: &str, name: &str) -> Result<()> {
    check_provider_name_at(&Path::root(field), name)
}

/// [`check_provider_name`] at `at`, whose text is built only for an error.
pub fn check_provider_name_at(at: &Path, name: &str) -> Result<()> {
    let valid = matches!(name.len(), 1..=MAX_PROVIDER_NAME_CHARS)
        && name
            .as_bytes()
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(at.invalid("must be 1 to 200 characters of A-Z, a-z, 0-9, - and _"))
    }
}

/// An MSISDN in international form: an optional `+`, then 7–15 digits not starting with 0.
/// At `at`; the text is built only for an error.
pub fn check_msisdn_at(at: &Path, number: &str) -> Result<()> {
    let digits = number.strip_prefix("+").unwrap_or(number);
    let valid = matches!(digits.len(), 7..=15)
        && digits.as_bytes().iter().all(|&b| b.is_ascii_digit())
        && !digits.starts_with("0");
    if valid {
        Ok(())
    } else {
        Err(at.invalid("must be an international phone number (7 to 15 digits, + optional)"))
    }
}

/// An absolute `http://` or `https://` URL with a host ([`whatwg::has_host`]).
/// At `at`; the text is built only for an error.
pub fn check_http_url_at(at: &Path, url: &str) -> Result<()> {
    let rest = match (scheme(url, "https://"), scheme(url, "http://")) {
        (Some(rest), _) | (None, Some(rest)) => rest,
        (None, None) => return Err(at.invalid("must be an http(s) URL")),
    };
    if !whatwg::has_host(whatwg::authority(rest)) || spaced(url) {
        return Err(at.invalid("must be an http(s) URL with a host and no spaces"));
    }
    Ok(())
}

/// What follows `prefix` (a scheme and `://`, lowercase) at the start of `url`, in
/// any case.
fn scheme<'a>(url: &'a str, prefix: &str) -> Option<&'a str> {
    let (head, rest) = (url.get(..prefix.len())?, url.get(prefix.len()..)?);
    head.eq_ignore_ascii_case(prefix).then_some(rest)
}

/// Whether `text` is visible ASCII only (no space, no control character): one scan
/// for ids, tokens, keys and date-times.
pub fn visible(text: &[u8]) -> bool {
    text.iter().all(u8::is_ascii_graphic)
}

/// Whether `text` has a control character (any Unicode one).
pub fn controlled(text: &str) -> bool {
    any_char(text, char::is_control)
}

/// Whether `text` has a white-space or control character (any Unicode one).
pub fn spaced(text: &str) -> bool {
    any_char(text, |c| is_white_space(c) || c.is_control())
}

/// An http(s) URL ([`check_http_url_at`]) that is `https://`, or `http://` only on
/// loopback (with no backslash, which parsers other than the WHATWG one may not end
/// the host at). Sticker messages need it.
/// At `at`; the text is built only for an error.
pub fn check_https_or_loopback_url_at(at: &Path, url: &str) -> Result<()> {
    check_http_url_at(at, url)?;
    let loopback = whatwg::cut(url, b"\\").is_none()
        && scheme(url, "http://").is_some_and(|rest| whatwg::is_loopback(whatwg::authority(rest)));
    if scheme(url, "https://").is_some() || loopback {
        Ok(())
    } else {
        Err(at.invalid("must use https (or http on loopback)"))
    }
}

/// Whether `bytes` starts with `YYYY-MM-DD`.
fn starts_with_date(bytes: &[u8]) -> bool {
    bytes.get(..10).is_some_and(|date| {
        date.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
    })
}

/// `YYYY-MM-DD`.
/// At `at`; the text is built only for an error.
pub fn check_date_at(at: &Path, value: &str) -> Result<()> {
    if value.len() == 10 && starts_with_date(value.as_bytes()) {
        Ok(())
    } else {
        Err(at.invalid("must be a date as YYYY-MM-DD"))
    }
}

/// The shape of an ISO-8601 date or date-time: `YYYY-MM-DD`, optionally followed by
/// `T` and a time. Upstream checks the value itself; this catches typos before sending.
/// At `at`; the text is built only for an error.
pub fn check_datetime_at(at: &Path, value: &str) -> Result<()> {
    let bytes = value.as_bytes();
    let digits = |range: core::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(|d| d.is_ascii_digit()))
    };
    let rest_ok = bytes.len() == 10
        || (matches!(bytes.get(10), Some(b'T'))
            && digits(11..13)
            && matches!(bytes.get(13), Some(b':'))
            && visible(bytes));
    if starts_with_date(bytes) && rest_ok {
        Ok(())
    } else {
        Err(at.invalid("must be an ISO-8601 date-time"))
    }
}

/// `en`, `pt_BR`, `zh_HK`: a 2–3 letter language, optionally `_` and a 2–4 letter region.
/// At `at`; the text is built only for an error.
pub fn check_language_at(at: &Path, code: &str) -> Result<()> {
    let (language, region) = whatwg::cut(code, b"_").unwrap_or((code, "AA"));
    let letters = |s: &str| s.as_bytes().iter().all(|&b| b.is_ascii_alphabetic());
    let lengths = matches!(language.len(), 2..=3) && matches!(region.len(), 2..=4);
    if lengths && letters(language) && letters(region) {
        Ok(())
    } else {
        Err(at.invalid("must be a language code such as en or en_US"))
    }
}

/// A language code in underscore form, as the Conversation API takes it: `en-US` → `en_US`.
pub fn underscored(code: &str) -> String {
    mapped(code, |c, out| {
        let dash = c == '-';
        if dash {
            out.push('_');
        }
        dash
    })
}

/// A required string: at least one character.
/// At `at`; the text is built only for an error.
pub fn check_required_at(at: &Path, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(at.invalid("must not be empty"));
    }
    Ok(())
}

/// The Unicode scalar values in `text`: its bytes that do not continue a UTF-8
/// sequence. (`str::chars().count()` links core's word-at-a-time counter, ~1 KB.)
pub fn count_chars(text: &str) -> usize {
    text.bytes().filter(|&byte| byte & 0xC0 != 0x80).count()
}

/// A length in characters as the user sees them (Unicode scalar values), not bytes.
/// At `at`; the text is built only for an error.
pub fn check_chars_at(at: &Path, value: &str, min: usize, max: usize) -> Result<()> {
    check_counted_at(at, count_chars(value), min, max)
}

/// [`check_chars_at`] of `count` characters, counted by the caller (a template's
/// parameters all together).
pub fn check_counted_at(at: &Path, count: usize, min: usize, max: usize) -> Result<()> {
    if count < min || count > max {
        let least = match min {
            0 => String::from("at most "),
            _ => join(&[&decimal(min as u64), " to "]),
        };
        let (max, count) = (&decimal(max as u64), &decimal(count as u64));
        let rule = join(&["must be ", &least, max, " characters (has ", count, ")"]);
        return Err(at.invalid(&rule));
    }
    Ok(())
}

/// A list length within `min..=max`; `rule` says so in words.
/// At `at`; the text is built only for an error.
pub fn check_count_at(at: &Path, len: usize, min: usize, max: usize, rule: &str) -> Result<()> {
    if len < min || len > max {
        return Err(at.invalid(rule));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
