//! The number options' ranges: timeoutMs, retries, maxRetryAfterMs, and their order.

use super::super::*;
use super::{field_of, options};
use crate::core::retry::{MAX_RETRIES, MAX_RETRY_AFTER_MS};

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
