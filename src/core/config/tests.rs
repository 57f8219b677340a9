//! The rules of the client options, and their reading from JSON.

use super::*;
use crate::core::retry::{MAX_RETRIES, MAX_RETRY_AFTER_MS};

fn options(base_url: Option<&str>, token: Option<&str>) -> ClientOptions {
    ClientOptions {
        bot_id: "bot-1".into(),
        token: token.map(|t| Secret(t.into())),
        base_url: base_url.map(Into::into),
        ..ClientOptions::default()
    }
}

fn field_of(result: Result<Config>) -> Option<String> {
    result.err().and_then(|e| e.into_fields().field)
}

#[test]
fn region_gives_its_base_url() {
    let mut opts = options(None, Some("tok"));
    opts.region = Some(Region::Eu);
    let config = Config::new(opts, Host::Server).unwrap();
    assert_eq!(config.base_url, "https://eu1.whatsapp.api.sinch.com");
    assert_eq!(config.timeout_ms, DEFAULT_TIMEOUT_MS);
    assert_eq!(config.max_response_bytes, 1_048_576);
}

#[test]
fn max_response_bytes_rules() {
    let with = |bytes: &str| {
        Config::from_json(
            &format!(
                r#"{{"botId":"b","token":"t","baseUrl":"https://x","maxResponseBytes":{bytes}}}"#
            ),
            Host::Server,
        )
    };
    assert_eq!(with("1").map(|c| c.max_response_bytes), Ok(1));
    assert_eq!(with("33554432").map(|c| c.max_response_bytes), Ok(1 << 25));
    assert_eq!(
        with("null").map(|c| c.max_response_bytes),
        Ok(DEFAULT_MAX_RESPONSE_BYTES)
    );
    for bad in [
        "0",
        "-1",
        "1.5",
        "33554433",
        "268435456",
        "1e+21",
        "\"1mb-secret\"",
        "[1]",
    ] {
        let err = with(bad).unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("options.maxResponseBytes"),
            "{bad}"
        );
        assert!(!err.message.contains(bad), "{}", err.message);
        assert!(!err.message.contains("secret"), "{}", err.message);
    }
}

#[test]
fn options_are_read_from_json_naming_paths_and_unknown_keys() {
    let read = |json: &str| Config::from_json(json, Host::Server);
    let config = read(
        r#"{"botId":" b ","token":"t","region":"eu","timeoutMs":5,"retries":0,"maxRetryAfterMs":2147483647,
            "retryMessagesOnNetworkError":true,"allowInsecureHttp":null,"dangerouslyAllowBrowser":false}"#,
    )
    .unwrap();
    assert_eq!(
        (config.bot_id(), config.base_url.as_str(), config.timeout_ms),
        ("b", "https://eu1.whatsapp.api.sinch.com", 5)
    );
    assert_eq!(
        (
            config.retry.max_retries,
            config.retry.max_retry_after_ms,
            config.retry.retry_unsafe
        ),
        (0, 2_147_483_647, true)
    );
    let secret = "tok_live_9f8e7d6c5b4a";
    for (json, field, rule) in [
        (format!(r#""{secret}""#), "options", "must be an object"),
        ("undefined".to_owned(), "options", "must be an object"),
        (
            r#"{"token":"t","region":"eu"}"#.to_owned(),
            "options.botId",
            "is required",
        ),
        (
            format!(r#"{{"botId":"b","token":["{secret}"],"region":"eu"}}"#),
            "options.token",
            "must be a string",
        ),
        (
            format!(r#"{{"botId":["{secret}"],"region":"eu"}}"#),
            "options.botId",
            "must be a string",
        ),
        // Two broken options: botId and token are named before region (as before the
        // options' reading moved to config/read.rs).
        (
            r#"{"botId":5,"region":"xx"}"#.to_owned(),
            "options.botId",
            "must be a string",
        ),
        (
            r#"{"token":"t","region":"xx"}"#.to_owned(),
            "options.botId",
            "is required",
        ),
        (
            format!(r#"{{"botId":"b","region":"{secret}"}}"#),
            "options.region",
            r#"must be one of "us", "eu""#,
        ),
        (
            r#"{"botId":"b","region":["eu"]}"#.to_owned(),
            "options.region",
            r#"must be one of "us", "eu""#,
        ),
        (
            r#"{"botId":"b","api":"mars"}"#.to_owned(),
            "options.api",
            r#"must be one of "whatsapp", "conversation""#,
        ),
        (
            format!(r#"{{"botId":"b","baseUrl":{{"u":"{secret}"}}}}"#),
            "options.baseUrl",
            "must be a string",
        ),
        (
            format!(r#"{{"botId":"b","timeoutMs":"{secret}"}}"#),
            "options.timeoutMs",
            "must be a whole number from 1 to 600000",
        ),
        (
            format!(r#"{{"botId":"b","retries":"{secret}"}}"#),
            "options.retries",
            "must be a whole number from 0 to 10",
        ),
        (
            format!(r#"{{"botId":"b","maxRetryAfterMs":"{secret}"}}"#),
            "options.maxRetryAfterMs",
            "must be a whole number from 0 to 2147483647",
        ),
        (
            // Longer than setTimeout can wait: it would fire after 1 ms.
            r#"{"botId":"b","maxRetryAfterMs":2147483648}"#.to_owned(),
            "options.maxRetryAfterMs",
            "must be a whole number from 0 to 2147483647",
        ),
        (
            format!(r#"{{"botId":"b","allowInsecureHttp":"{secret}"}}"#),
            "options.allowInsecureHttp",
            "must be a boolean",
        ),
        (
            format!(r#"{{"botId":"b","retryMessagesOnNetworkError":"{secret}"}}"#),
            "options.retryMessagesOnNetworkError",
            "must be a boolean",
        ),
        (
            format!(r#"{{"botId":"b","dangerouslyAllowBrowser":"{secret}"}}"#),
            "options.dangerouslyAllowBrowser",
            "must be a boolean",
        ),
        (
            format!(r#"{{"botId":"b","retry":"{secret}"}}"#),
            "options.retry",
            "is not a known field",
        ),
        (
            r#"{"botId":"b","botId":"c"}"#.to_owned(),
            "options.botId",
            "is given twice",
        ),
    ] {
        let err = read(&json).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{json}");
        assert_eq!(err.message, format!("{field}: {rule}"), "{json}");
        assert!(!err.message.contains(secret), "{}", err.message);
    }
    let with_hook = read(r#"{"botId":"b","baseUrl":"https://relay.example","onRetry":null}"#);
    assert!(with_hook.is_ok());
}

#[test]
fn one_timeout_rule_for_client_and_call() {
    assert_eq!(timeout_ms(1.0), Some(1));
    assert_eq!(timeout_ms(600_000.0), Some(MAX_TIMEOUT_MS));
    for bad in [0.0, -1.0, 1.5, 600_001.0, f64::NAN, f64::INFINITY] {
        assert_eq!(timeout_ms(bad), None, "{bad}");
    }
    let with = |ms| {
        let mut opts = options(Some("https://x"), Some("t"));
        opts.timeout_ms = Some(ms);
        Config::new(opts, Host::Server)
    };
    assert_eq!(with(600_000).map(|c| c.timeout_ms), Ok(600_000));
    for bad in [0, 600_001, u32::MAX] {
        let err = with(bad).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("timeoutMs"));
        assert_eq!(err.message, ["timeoutMs: ", TIMEOUT_RULE].concat());
    }
    // From JSON, every value that breaks the rule gets its one text, under `options`.
    for bad in ["0", "-1", "1.5", "600001", "5e9", "\"9\"", "true"] {
        let json = [
            r#"{"botId":"b","baseUrl":"https://x","timeoutMs":"#,
            bad,
            "}",
        ]
        .concat();
        let err = Config::from_json(&json, Host::Server).unwrap_err();
        assert_eq!(
            err.message,
            "options.timeoutMs: must be a whole number from 1 to 600000"
        );
    }
    for bad in ["-1", "0.5", "11", "\"2\""] {
        let json = [r#"{"botId":"b","baseUrl":"https://x","retries":"#, bad, "}"].concat();
        let err = Config::from_json(&json, Host::Server).unwrap_err();
        assert_eq!(
            err.message,
            "options.retries: must be a whole number from 0 to 10"
        );
    }
    for (key, ok) in [("timeoutMs", "600000"), ("retries", "0"), ("retries", "10")] {
        let json = [
            r#"{"botId":"b","baseUrl":"https://x",""#,
            key,
            r#"":"#,
            ok,
            "}",
        ]
        .concat();
        assert!(Config::from_json(&json, Host::Server).is_ok(), "{json}");
    }
}

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

#[test]
fn bot_id_and_timeout_rules() {
    let mut opts = options(Some("https://x"), Some("t"));
    opts.bot_id = "  ".into();
    assert_eq!(
        field_of(Config::new(opts.clone(), Host::Server)),
        Some("botId".into())
    );
    for dots in ["..", " . ", "%2e%2E", "%252e"] {
        opts.bot_id = dots.into();
        assert_eq!(
            field_of(Config::new(opts.clone(), Host::Server)),
            Some("botId".into()),
            "{dots}"
        );
    }
    opts.bot_id = "b".into();
    opts.timeout_ms = Some(0);
    assert_eq!(
        field_of(Config::new(opts.clone(), Host::Server)),
        Some("timeoutMs".into())
    );
    opts.region = Some(Region::Us);
    opts.timeout_ms = None;
    assert_eq!(
        field_of(Config::new(opts, Host::Server)),
        Some("region".into())
    );
}

#[test]
fn bot_ids_are_trimmed_and_refuse_control_characters_ascii_or_not() {
    let mut opts = options(Some("https://x"), Some("t"));
    for (id, kept) in [
        ("bot-1_A.b~", "bot-1_A.b~"),
        (" \tb\u{3000}", "b"),
        ("\u{a0}bé\u{85}", "bé"),
    ] {
        opts.bot_id = id.into();
        let config = Config::new(opts.clone(), Host::Server).expect(id);
        assert_eq!(config.bot_id(), kept, "{id:?}");
    }
    for id in ["b\tc", "b\u{7f}", "bé\u{85}c", "\u{a0}"] {
        opts.bot_id = id.into();
        let err = Config::new(opts.clone(), Host::Server).expect_err(id);
        assert_eq!(err.field.as_deref(), Some("botId"), "{id:?}");
    }
}

#[test]
fn a_rust_caller_gets_the_retry_after_range_too() {
    let with = |ms| {
        let options = ClientOptions {
            bot_id: "b".into(),
            base_url: Some("https://x".into()),
            max_retry_after_ms: Some(ms),
            ..ClientOptions::default()
        };
        Config::new(options, Host::Server)
    };
    assert_eq!(
        with(MAX_RETRY_AFTER_MS).map(|c| c.retry.max_retry_after_ms),
        Ok(MAX_RETRY_AFTER_MS)
    );
    let err = with(MAX_RETRY_AFTER_MS + 1).unwrap_err();
    assert_eq!(
        (err.field.as_deref(), err.message.as_str()),
        (
            Some("maxRetryAfterMs"),
            "maxRetryAfterMs: must be a whole number from 0 to 2147483647"
        )
    );
}

#[test]
fn a_rust_caller_s_ranges_come_after_the_bot_rules_and_before_the_body_cap() {
    let field = |options: &ClientOptions| {
        let err = Config::new(options.clone(), Host::Server).unwrap_err();
        err.field.clone().unwrap_or_default()
    };
    let options = ClientOptions {
        bot_id: " ".into(),
        base_url: Some("https://x".into()),
        timeout_ms: Some(0),
        max_response_bytes: Some(0),
        ..ClientOptions::default()
    };
    assert_eq!(field(&options), "botId");
    let options = ClientOptions {
        bot_id: "b".into(),
        ..options
    };
    assert_eq!(field(&options), "timeoutMs");
    let options = ClientOptions {
        timeout_ms: None,
        retries: Some(MAX_RETRIES + 1),
        ..options
    };
    assert_eq!(field(&options), "retries");
    let options = ClientOptions {
        retries: None,
        max_retry_after_ms: Some(MAX_RETRY_AFTER_MS + 1),
        ..options
    };
    assert_eq!(field(&options), "maxRetryAfterMs");
    let options = ClientOptions {
        max_retry_after_ms: None,
        ..options
    };
    assert_eq!(field(&options), "maxResponseBytes");
}
