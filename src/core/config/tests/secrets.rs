//! Base URLs, tokens and a browser page's opt-in; a config's `Debug` never shows a secret.

use super::super::*;
use super::{field_of, options};

#[test]
fn base_url_rules() {
    let ok = |url| Config::new(options(Some(url), Some("tok")), Host::Server).map(|c| c.base_url);
    assert_eq!(
        ok("http://127.0.0.1:8080/").unwrap(),
        "http://127.0.0.1:8080"
    );
    assert_eq!(ok("http://localhost:1/x").unwrap(), "http://localhost:1/x");
    assert_eq!(ok("http://[::1]:9").unwrap(), "http://[::1]:9");
    assert!(ok("https://relay.example.com/api").is_ok());
    assert_eq!(ok("http://0x7f.1:9").unwrap(), "http://0x7f.1:9");
    for bad in [
        "http://127.evil.com",
        "http://127.0.0.1.nip.io",
        "http://127.0.0.1%2eevil.com",
        "http://127.0.0.1\\@evil.com",
        "http://example.com",
        "ftp://x",
        "example.com",
        "https://u:p@x",
        "https://x/?q",
        "https://",
        "https://:443",
        "https://example.com:99999",
        "https://[::1",
        "https://[example.com]",
        "http://localhost.:9",
        "http://localhost:99999",
    ] {
        assert_eq!(
            field_of(Config::new(options(Some(bad), Some("t")), Host::Server)),
            Some("baseUrl".into()),
            "{bad}"
        );
    }
    let mut opts = options(Some("http://example.com"), Some("t"));
    opts.allow_insecure_http = Some(true);
    assert!(Config::new(opts, Host::Server).is_ok());
}

#[test]
fn token_rules_never_echo_the_token() {
    for bad in ["", "abc\r\nX-Evil: 1", "has space", "tab\t"] {
        let err = Config::new(options(Some("https://x"), Some(bad)), Host::Server).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("token"));
        assert!(
            bad.is_empty() || !err.message.contains(bad),
            "{}",
            err.message
        );
    }
    let err = Config::new(options(None, None), Host::Server).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("region"));
    let mut opts = options(None, None);
    opts.region = Some(Region::Us);
    assert_eq!(
        field_of(Config::new(opts, Host::Server)),
        Some("token".into())
    );
    assert!(Config::new(options(Some("https://relay.example"), None), Host::Server).is_ok());
}

#[test]
fn a_token_in_a_browser_page_needs_the_loud_opt_in() {
    let err = Config::new(options(Some("https://x"), Some("tok")), Host::BrowserPage).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("token"));
    assert!(err.message.contains("relay"), "{}", err.message);
    assert!(Config::new(
        options(Some("https://relay.example"), None),
        Host::BrowserPage
    )
    .is_ok());
    let mut opts = options(Some("https://x"), Some("tok"));
    opts.dangerously_allow_browser = Some(true);
    assert!(Config::new(opts, Host::BrowserPage).is_ok());
}

#[test]
fn debug_is_redacted() {
    let config = Config::new(
        options(Some("https://x"), Some("s3cr3t-token")),
        Host::Server,
    )
    .unwrap();
    assert!(!format!("{config:?}").contains("s3cr3t"));
}
