//! What the WHATWG URL parser — the one `fetch` uses — makes of a URL's host, and its
//! percent-decoding. Only what the client's safety rules need: whether a host is this
//! machine (anything not read here exactly as the parser would read it counts as
//! "not loopback"), and what a path segment decodes to.

use crate::core::json::hex_digit;
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
        && host(authority).is_some_and(|host| match host.strip_prefix('[') {
            Some(v6) => v6 == "::1]",
            None => is_loopback_name(host),
        })
}

/// Whether `authority` has a host `fetch` can reach: after any `user@`, a non-empty
/// host (a bracketed one a valid IPv6 address) and a port, if any, of 0 to 65535.
pub fn has_host(authority: &str) -> bool {
    let at = authority.as_bytes().iter().rposition(|b| *b == b'@');
    let host_port = at.map_or(Some(authority), |at| authority.get(at + 1..));
    host_port
        .and_then(host)
        .is_some_and(|host| match host.strip_prefix('[') {
            Some(v6) => v6.strip_suffix(']').is_some_and(|v6| ipv6(v6.as_bytes())),
            None => !host.is_empty(),
        })
}

/// The host of `authority` (without `user@`), brackets kept; `None` when a bracket
/// is not closed, something other than `:port` follows it, or the port is not one.
fn host(authority: &str) -> Option<&str> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (inner, after) = cut(v6, b"]")?;
            let port = match after {
                "" => "",
                _ => after.strip_prefix(':')?,
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

/// A host that is not an IPv6 literal: percent-decoded, then `localhost` or IPv4 in 127/8.
fn is_loopback_name(host: &str) -> bool {
    let mut host = percent_decode(host);
    // Non-ASCII goes through IDNA mapping in the parser (full-width digits become
    // ASCII ones, soft hyphens vanish): not read here, so not loopback. Read on
    // bytes: ASCII needs no UTF-8 check.
    if !host.is_ascii() {
        return false;
    }
    host.make_ascii_lowercase();
    host == b"localhost" || ipv4(&host).is_some_and(|ip| ip >> 24 == 127)
}

/// The WHATWG IPv4 parser: 1–4 dot-separated numbers in decimal, octal (`0` prefix)
/// or hex (`0x` prefix), the last filling the remaining bytes; one trailing dot is
/// allowed. `None` when `host` (ASCII) is not an IPv4 address (a domain, or invalid).
fn ipv4(host: &[u8]) -> Option<u32> {
    let host = host.strip_suffix(b".").unwrap_or(host);
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
        n = n.saturating_mul(radix).saturating_add(u64::from(digit));
    }
    Some(n)
}

/// Percent-decodes `text` as the URL parser does: `%` and two hex digits give a
/// byte; any other `%` stays as it is.
pub fn percent_decode(text: &str) -> Vec<u8> {
    percent_decode_bytes(text.as_bytes())
}

/// [`percent_decode`] of bytes that need not be UTF-8.
pub fn percent_decode_bytes(bytes: &[u8]) -> Vec<u8> {
    let digit = |b: Option<&u8>| b.and_then(|&b| hex_digit(b));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if let (b'%', Some(high), Some(low)) =
            (byte, digit(bytes.get(i + 1)), digit(bytes.get(i + 2)))
        {
            // Two hex digits: below 256.
            out.push(high * 16 + low);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_splits_at_the_first_byte_of_a_set_as_split_once() {
        for text in ["", "a", "a:b", ":", "a:b:c", "é:ü", "1e5", "x?y#z", "ab"] {
            let first = text.find([':', 'e', '?', '#']);
            let expected = first.map(|i| (&text[..i], &text[i + 1..]));
            assert_eq!(cut(text, b":e?#"), expected, "{text:?}");
        }
    }

    #[test]
    fn ports_are_digits_up_to_65535() {
        for port in ["", "0", "80", "065535", "65535"] {
            assert!(is_port(port), "{port:?}");
        }
        for port in ["65536", "+80", "-1", "8 0", "99999999999999999999", "8a"] {
            assert!(!is_port(port), "{port:?}");
        }
    }

    #[test]
    fn loopback_hosts() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.0.0.1.",
            "127.1",
            "127.255.255.254:1",
            "2130706433",
            "0x7f.1",
            "0X7F000001",
            "0177.0.0.1",
            "0x7f.0.0.0x1",
            "%31%32%37.0.0.1",
            "localhost",
            "LocalHost:80",
            "local%68ost",
            "localhost:",
            "[::1]",
            "[::1]:9",
        ] {
            assert!(is_loopback(host), "{host}");
        }
    }

    #[test]
    fn look_alikes_are_not_loopback() {
        for host in [
            "127.evil.com",
            "127.0.0.1.nip.io",
            "127.0.0.1%2eevil.com",
            "127.0.0.1%2Eevil.com:80",
            "localhost.evil.com",
            "foo.localhost",
            "localhost..",
            "localhost.",
            "LocalHost.:80",
            "localhost%2e",
            "127.0.0.1:80:80",
            "127.0.0.1:65536",
            "127.0.0.1:8o",
            "u@127.0.0.1",
            "127.0.0.1@evil.com",
            "128.0.0.1",
            "127.0.0.256",
            "127.0.0.1.0",
            "127..1",
            "0x7g.1",
            "09.0.0.1",
            "[::1].evil.com",
            "[::1]x",
            "[::1",
            "[::2]",
            "[::ffff:127.0.0.1]",
            "\u{ff11}\u{ff12}\u{ff17}.0.0.1",
            "local%C2%ADhost",
            "127.0.0.1%00",
            "%",
            "",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn hosts_are_non_empty_with_a_port_to_65535_and_ipv6_in_brackets() {
        for authority in [
            "example.com",
            "example.com:",
            "example.com:443",
            "u:p@example.com:0",
            "@x",
            "a@b@example.com",
            "[::1]:65535",
            "[2001:db8::8:800:200c:417a]",
            "[::ffff:192.0.2.1]",
            "[1:2:3:4:5:6:7:8]",
            "[1:2:3:4:5:6:7::]",
        ] {
            assert!(has_host(authority), "{authority}");
        }
        for authority in [
            "",
            ":443",
            "@",
            "u@",
            "u@:443",
            "example.com:99999",
            "example.com:-1",
            "example.com:4 4",
            "[::1",
            "[]",
            "[::1]x",
            "[::1]:65536",
            "[example.com]",
            "[1:2:3:4:5:6:7:8:9]",
            "[1:2:3:4:5:6:7]",
            "[1::2::3]",
            "[12345::]",
            "[::1.2.3]",
            "[::1.2.3.04]",
            "[::1.2.3.256]",
            "[::256.1.2.3]",
            "[::1.2.3.4.5]",
            "[::1.2.3.]",
            "[1::2::]",
            "[1.2.3.4::]",
            "[fe80::1%25eth0]",
        ] {
            assert!(!has_host(authority), "{authority}");
        }
    }

    #[test]
    fn authority_ends_where_the_parser_ends_it() {
        assert_eq!(authority("127.0.0.1:9/x"), "127.0.0.1:9");
        assert_eq!(authority("127.0.0.1\\@evil.com"), "127.0.0.1");
        assert_eq!(authority("h?q"), "h");
        assert_eq!(authority("h#f"), "h");
        assert_eq!(authority(""), "");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%2e%2Eb"), b"a..b");
        assert_eq!(percent_decode("%"), b"%");
        assert_eq!(percent_decode("%2"), b"%2");
        assert_eq!(percent_decode("%zz%41"), b"%zzA");
        assert_eq!(percent_decode("%C3%A4"), "ä".as_bytes());
    }
}

/// Differential tests against the `url` crate, an independent WHATWG URL parser.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod oracle {
    use super::*;

    /// A small xorshift generator: deterministic, no dependency.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        /// 1 to `max` pieces drawn from `alphabet`, joined.
        pub(crate) fn text(&mut self, alphabet: &[&str], max: usize) -> String {
            let len = 1 + self.below(max);
            (0..len)
                .map(|_| alphabet[self.below(alphabet.len())])
                .collect()
        }
    }

    /// Whether the `url` crate reads `http://{authority}/` as a loopback host.
    fn parser_says_loopback(authority: &str) -> bool {
        let Ok(parsed) = url::Url::parse(&format!("http://{authority}/")) else {
            return false;
        };
        match parsed.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip == std::net::Ipv6Addr::LOCALHOST,
            Some(url::Host::Domain(name)) => name == "localhost",
            None => false,
        }
    }

    /// Any bracketed text is an IPv6 address here exactly when the WHATWG parser says so.
    #[test]
    fn ipv6_agrees_with_the_whatwg_parser() {
        const PIECES: &[&str] = &[
            ":", ":", "::", "0", "1", "f", "ffff", "12345", "db8", "a", "G", ".", "1.2.3.4", "255",
            "256", "01", "%", "]",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut valid = 0;
        for _ in 0..50_000 {
            let inner = rng.text(PIECES, 12);
            let ours = has_host(&format!("[{inner}]"));
            let theirs = url::Url::parse(&format!("http://[{inner}]/")).is_ok();
            assert_eq!(ours, theirs, "[{inner}]");
            valid += usize::from(ours);
        }
        assert!(valid > 500, "only {valid} valid addresses generated");
    }

    /// For any ASCII authority: loopback here exactly when the WHATWG parser says so,
    /// except that credentials and IPv6 spellings other than `[::1]` are refused.
    #[test]
    fn loopback_agrees_with_the_whatwg_parser() {
        const PIECES: &[&str] = &[
            "127",
            "0",
            "1",
            "255",
            "256",
            "0177",
            "09",
            "0x7f",
            "0X7F",
            "0x",
            "2130706433",
            "4294967295",
            ".",
            ".",
            ".",
            "localhost",
            "LOCALHOST",
            "evil",
            "com",
            "nip",
            "io",
            "%2e",
            "%2E",
            "%31",
            "%37",
            "%6c",
            "%",
            "x",
            "-",
            ":",
            ":80",
            ":99999",
            "@",
            "[::1]",
            "[",
            "]",
            "::1",
            "%00",
            "0x100",
            "e",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut loopbacks = 0;
        for _ in 0..50_000 {
            let host = rng.text(PIECES, 6);
            let ours = is_loopback(&host);
            let theirs = parser_says_loopback(&host);
            let refused_on_purpose = host.contains(['@', '[']);
            assert!(
                ours == theirs || (!ours && refused_on_purpose),
                "{host}: ours {ours}, the parser {theirs}"
            );
            loopbacks += usize::from(ours);
        }
        assert!(loopbacks > 500, "only {loopbacks} loopback hosts generated");
    }
}
