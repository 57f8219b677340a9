//! The rules of the client options, and their reading from JSON (here); the number
//! ranges (`ranges`); base URLs and secrets (`secrets`).

use super::*;

mod ranges;
mod secrets;

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
