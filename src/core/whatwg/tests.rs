//! The host and percent-decoding readers' tests, and differential tests against the
//! `url` crate.

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

/// The host parser's refusals besides emptiness and ports: percent-decoding, forbidden
/// code points, and a host ending in a number that is no IPv4 address.
#[test]
fn hosts_are_what_the_host_parser_accepts() {
    for authority in [
        "%41",
        "ex%2Dample.com",
        "%c3%a4.example",
        ".",
        "%2e",
        "a..b",
        "1.2.3.4",
        "1.2.3.4.",
        "0x7f.1",
        "4294967295",
        "0X10",
        "1.2.3.4x",
        "0xg",
        "example.com.",
        "a_b!$&'()*+,;=~`{}\"-.com",
    ] {
        assert!(has_host(authority), "{authority}");
    }
    for authority in [
        "%20",
        "%",
        "%/x",
        "<",
        "ex%00ample.com",
        "256.256.256.256",
        "1.2.3.4.5",
        "0x100000000",
        "ex^ample.com",
        "ex|ample.com",
        "%zz",
        "%25",
        "a%2fb",
        "a%3a1",
        "a%40b",
        "a%5bb%5d",
        "a%5cb",
        "a%23b",
        "a%3fb",
        "ex>ample",
        "a%09b",
        "a%7fb",
        "example.09",
        "example.0x",
        "example.1.",
        "u@1.2.3.256",
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

/// Differential tests against the `url` crate, an independent WHATWG URL parser.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod oracle {
    use super::super::*;

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

    /// For any ASCII-spelt authority that decodes to UTF-8 (IDNA is not done here: no
    /// `xn--`), a host here exactly when the WHATWG parser reads it as one for a special
    /// scheme.
    #[test]
    fn hosts_agree_with_the_whatwg_parser() {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "e",
            "x",
            "-",
            "_",
            "~",
            "0",
            "1",
            "9",
            "08",
            "255",
            "256",
            "4294967296",
            "0x",
            "0X",
            "0xff",
            "0xg",
            ".",
            ".",
            ".",
            "%",
            "%2",
            "%2e",
            "%2E",
            "%41",
            "%20",
            "%25",
            "%2f",
            "%3a",
            "%5c",
            "%00",
            "%7f",
            "%c3%a4",
            "%zz",
            "<",
            ">",
            "^",
            "|",
            "[",
            "]",
            "@",
            ":",
            ":80",
            ":99999",
            "\"",
            "{",
            "=",
        ];
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        let (mut hosts, mut refused) = (0, 0);
        for _ in 0..50_000 {
            let authority = rng.text(PIECES, 8);
            // Bytes that decode to no UTF-8 are refused by IDNA, not read here.
            if std::str::from_utf8(&percent_decode(&authority)).is_err() {
                continue;
            }
            let ours = has_host(&authority);
            let theirs = url::Url::parse(&format!("https://{authority}/")).is_ok();
            assert_eq!(ours, theirs, "{authority}");
            hosts += usize::from(ours);
            refused += usize::from(!ours);
        }
        assert!(
            hosts > 5_000 && refused > 5_000,
            "{hosts} hosts, {refused} refused"
        );
    }
}
