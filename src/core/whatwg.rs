//! What the WHATWG URL parser — the one `fetch` uses — makes of a URL's host, and its
//! percent-decoding. Only what the client's safety rules need: whether a host is this
//! machine (anything not read here exactly as the parser would read it counts as
//! "not loopback"), and what a path segment decodes to.

use crate::core::json::hex_digit;
use crate::core::json::read::shifted;
use crate::prelude::*;

/// `text` before and after its first byte that is one of `at` (ASCII, so both
/// sides are whole characters): `str::split_once` without `core`'s `char` searcher
/// and `memchr`.
pub fn cut<'t>(text: &'t str, at: &[u8]) -> Option<(&'t str, &'t str)> {
    // `iter().any`, not `contains`: `<[u8]>::contains` is `memchr`.
    let i = text
        .as_bytes()
        .iter()
        .position(|b| at.iter().any(|c| c == b))?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// The authority (`host[:port]`, with any `user@`) of `rest`, the part of an
/// `http(s)` URL after `://`: up to the first `/`, `\`, `?` or `#` (the parser
/// reads a backslash as `/` in http URLs).
pub fn authority(rest: &str) -> &str {
    cut(rest, b"/\\?#").map_or(rest, |(authority, _)| authority)
}

/// Whether `authority` names this machine as `fetch` will read it: the host is an
/// IPv4 address in 127.0.0.0/8 in any of the parser's number forms (`127.1`,
/// `2130706433`, `0x7f.1`, `0177.0.0.1`, percent-encoded or not), the IPv6 literal
/// `[::1]`, or exactly `localhost` (any case); the port, if any, is a number.
/// Credentials (`user@`) and anything else are not loopback: `localhost.` too, which
/// the OS resolves through DNS (glibc skips `/etc/hosts` for it).
pub fn is_loopback(authority: &str) -> bool {
    cut(authority, b"@").is_none()
        && host(authority).is_some_and(|host| match host.strip_prefix("[") {
            Some(v6) => v6 == "::1]",
            None => is_loopback_name(host),
        })
}

/// Whether `authority` has a host the parser accepts: after any `user@`, a bracketed
/// valid IPv6 address or a `domain`, and a port, if any, of 0 to 65535.
pub fn has_host(authority: &str) -> bool {
    let at = authority.as_bytes().iter().rposition(|b| *b == b'@');
    let host_port = at.map_or(Some(authority), |at| authority.get(at + 1..));
    host_port
        .and_then(host)
        .is_some_and(|host| match host.strip_prefix("[") {
            Some(v6) => v6.strip_suffix("]").is_some_and(|v6| ipv6(v6.as_bytes())),
            None => domain(host).is_some(),
        })
}

/// The host of `authority` (without `user@`), brackets kept; `None` when a bracket
/// is not closed, something other than `:port` follows it, or the port is not one.
fn host(authority: &str) -> Option<&str> {
    let (host, port) = match authority.strip_prefix("[") {
        Some(v6) => {
            let (inner, after) = cut(v6, b"]")?;
            let port = match after {
                "" => "",
                _ => after.strip_prefix(":")?,
            };
            (authority.get(..inner.len() + 2)?, port)
        }
        None => cut(authority, b":").unwrap_or((authority, "")),
    };
    is_port(port).then_some(host)
}

/// The WHATWG IPv6 parser's grammar: eight `:`-separated pieces of 1–4 hex digits, or
/// fewer around one `::`; the last two may be a dotted IPv4 address.
fn ipv6(text: &[u8]) -> bool {
    let (mut pieces, mut gap) = (0, text.starts_with(b"::"));
    let mut rest = text.get(usize::from(gap) * 2..).unwrap_or_default();
    while !rest.is_empty() {
        let end = rest.iter().position(|b| *b == b':').unwrap_or(rest.len());
        let (piece, tail) = (
            rest.get(..end).unwrap_or_default(),
            rest.get(end..).unwrap_or_default(),
        );
        pieces += match piece.len() {
            _ if tail.is_empty() && dotted(piece) => 2,
            1..=4 if piece.iter().all(u8::is_ascii_hexdigit) => 1,
            _ => return false,
        };
        rest = match tail {
            [b':', b':', after @ ..] if !gap => {
                gap = true;
                after
            }
            [b':', after @ ..] if !after.is_empty() => after,
            [] => tail,
            _ => return false,
        };
    }
    match gap {
        true => pieces <= 7,
        false => pieces == 8,
    }
}

/// Four decimal numbers to 255 without leading zeros, dot-separated.
fn dotted(text: &[u8]) -> bool {
    let (mut dots, mut number) = (0, None);
    for &byte in text {
        number = match (byte, number) {
            (b'.', Some(n)) if n <= 255 => {
                dots += 1;
                None
            }
            (b'0'..=b'9', None) => Some(u32::from(byte - b'0')),
            (b'0'..=b'9', Some(n @ 1..=25)) => Some(n * 10 + u32::from(byte - b'0')),
            _ => return false,
        };
    }
    dots == 3 && number.is_some_and(|n| n <= 255)
}

/// Digits, at most 65535 (empty means the default port).
fn is_port(port: &str) -> bool {
    port.is_empty() || crate::core::json::read::digits(port).is_some_and(|n| n <= 65_535)
}

/// A host that is not an IPv6 literal: a [`domain`] that is `localhost` or IPv4 in 127/8.
/// Non-ASCII goes through IDNA mapping in the parser (full-width digits become ASCII
/// ones, soft hyphens vanish): not read here, so neither.
fn is_loopback_name(host: &str) -> bool {
    domain(host)
        .is_some_and(|host| host == b"localhost" || ipv4(&host).is_some_and(|ip| ip >> 24 == 127))
}

/// The WHATWG host parser's reading of a host that is not an IPv6 literal (special
/// schemes): percent-decoded, ASCII-lowercased. `None` when it refuses it: empty, a
/// forbidden code point after decoding (a `%` left over is one), or a last label that
/// is a number (digits, or `0x` hex) in what is not an IPv4 address. IDNA (mapping,
/// punycode, UTF-8 checks) is not done: non-ASCII is kept as it is.
fn domain(host: &str) -> Option<Vec<u8>> {
    let mut host = percent_decode(host);
    host.make_ascii_lowercase();
    // The forbidden domain code points; `iter().any`, not `contains` (`memchr`).
    let forbidden = |b: &u8| *b <= b' ' || *b == 0x7F || b"#%/:<>?@[\\]^|".iter().any(|f| f == b);
    if host.is_empty() || host.iter().any(forbidden) {
        return None;
    }
    (!ends_in_number(&host) || ipv4(&host).is_some()).then_some(host)
}

/// `host` without one trailing dot (a slice pattern: no `strip_suffix` instance).
fn without_dot(host: &[u8]) -> &[u8] {
    match host {
        [head @ .., b'.'] => head,
        _ => host,
    }
}

/// Whether the last label of `host` (after one trailing dot) is all digits or an
/// [`ipv4_number`]: then the parser reads the host as IPv4 or refuses it.
fn ends_in_number(host: &[u8]) -> bool {
    let host = without_dot(host);
    let start = host
        .iter()
        .rposition(|b| *b == b'.')
        .map_or(0, |dot| dot + 1);
    let last = host.get(start..).unwrap_or_default();
    (!last.is_empty() && last.iter().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_some()
}

/// The WHATWG IPv4 parser: 1–4 dot-separated numbers in decimal, octal (`0` prefix)
/// or hex (`0x` prefix), the last filling the remaining bytes; one trailing dot is
/// allowed. `None` when `host` (ASCII) is not an IPv4 address (a domain, or invalid).
fn ipv4(host: &[u8]) -> Option<u32> {
    let host = without_dot(host);
    let mut count = 1;
    for byte in host {
        count += usize::from(*byte == b'.');
    }
    if count > 4 {
        return None;
    }
    let (mut high, mut last) = (0u64, 0u64);
    let mut rest = host;
    for i in 0..count {
        let end = rest.iter().position(|b| *b == b'.').unwrap_or(rest.len());
        let n = ipv4_number(rest.get(..end)?)?;
        rest = rest.get(end + 1..).unwrap_or_default();
        if i + 1 == count {
            last = n;
        } else if n > 255 {
            return None;
        } else {
            high += n << (8 * (3 - i));
        }
    }
    if last >= 1u64 << (8 * (5 - count)) {
        return None;
    }
    u32::try_from(high + last).ok()
}

/// One IPv4 part; `None` when it is not a number in its radix. One too big to
/// matter saturates at `u64::MAX`, over any limit.
fn ipv4_number(part: &[u8]) -> Option<u64> {
    let (digits, radix) = match part {
        [b'0', b'x', hex @ ..] => (hex, 16u64),
        [b'0', octal @ ..] if !octal.is_empty() => (octal, 8),
        [] => return None,
        _ => (part, 10),
    };
    let mut n = 0u64;
    for byte in digits {
        let digit = hex_digit(*byte).filter(|digit| u64::from(*digit) < radix)?;
        n = shifted(n, radix, u64::from(digit)).unwrap_or(u64::MAX);
    }
    Some(n)
}

/// Percent-decodes `text` as the URL parser does: `%` and two hex digits give a
/// byte; any other `%` stays as it is.
pub fn percent_decode(text: &str) -> Vec<u8> {
    percent_decode_bytes(text.as_bytes())
}

/// [`percent_decode`] of bytes that need not be UTF-8. (Each byte appended by
/// `extend_from_slice`: `push` would link alloc's own copy of `Vec`'s growth code.)
pub fn percent_decode_bytes(bytes: &[u8]) -> Vec<u8> {
    let digit = |b: Option<&u8>| b.and_then(|&b| hex_digit(b));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if let (b'%', Some(high), Some(low)) =
            (byte, digit(bytes.get(i + 1)), digit(bytes.get(i + 2)))
        {
            // Two hex digits: below 256.
            out.extend_from_slice(&[high * 16 + low]);
            i += 3;
        } else {
            out.extend_from_slice(&[byte]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use tests::oracle;
