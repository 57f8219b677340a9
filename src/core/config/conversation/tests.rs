//! The rules of `api: "conversation"` options.

use super::*;
use crate::core::config::redact_all;

const KEY: &str = r#""keyId":"key-1","keySecret":"s3cr3t-key""#;

fn config(extra: &str) -> Result<Config> {
    let options = [
        r#"{"api":"conversation","projectId":"p-1","appId":"app-1","#,
        extra,
        "}",
    ];
    Config::from_json(&options.concat(), Host::Server)
}

fn project(config: &Config) -> &Project {
    match &config.api {
        Api::Conversation(project) => project,
        Api::WhatsApp(_) => panic!("a standalone config"),
    }
}

/// The field and message of the refusal of `extra`, checked never to show the key secret.
fn refused(extra: &str) -> (String, String) {
    let err = config(extra).unwrap_err().into_fields();
    assert!(!err.message.contains("s3cr3t"), "{}", err.message);
    (err.field.unwrap_or_default(), err.message)
}

#[test]
fn regions_and_defaults() {
    for (region, host) in [("us", "us"), ("eu", "eu"), ("br", "br")] {
        let c = config(&[KEY, r#","region":""#, region, "\""].concat()).unwrap();
        let url = ["https://", host, ".conversation.api.sinch.com"].concat();
        assert_eq!(c.base_url, url);
        let p = project(&c);
        assert_eq!((p.project_id.as_str(), p.app_id.as_str()), ("p-1", "app-1"));
        assert_eq!(
            (p.auth, p.auth_url.as_str()),
            (Auth::OAuth2, DEFAULT_AUTH_URL)
        );
        assert!(p.needs_token() && p.access_token.is_none());
        // base64("key-1:s3cr3t-key")
        assert_eq!(p.basic(), Some("Basic a2V5LTE6czNjcjN0LWtleQ=="));
        assert_eq!(c.bot_id(), "");
    }
    let (field, message) = refused(&[KEY, r#","region":"us1""#].concat());
    assert_eq!(field, "options.region");
    assert_eq!(
        message,
        r#"options.region: must be one of "us", "eu", "br""#
    );
}

#[test]
fn base64_is_standard_with_padding() {
    let base64 = |bytes: &[u8]| {
        let mut out = String::from("x");
        super::base64(bytes, &mut out);
        out.split_off(1)
    };
    for (text, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("\u{ff}\u{fe}", "w7/Dvg=="),
    ] {
        assert_eq!(base64(text.as_bytes()), encoded, "{text}");
    }
    // The last two digits, and every sextet's range.
    assert_eq!(base64(&[0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff]), "++++////");
    assert_eq!(base64(&[0x00, 0x10, 0x83, 0x10, 0x51, 0x87]), "ABCDEFGH");
    assert_eq!(base64(&[0x69, 0xb7, 0x1d, 0xd3, 0x4d, 0x3a]), "abcd0006");
}

#[test]
fn a_relay_a_token_url_and_basic_auth() {
    let c =
        config(r#""baseUrl":"http://127.0.0.1:8787/","authUrl":"http://localhost:1/oauth2/token""#)
            .unwrap();
    assert_eq!(c.base_url, "http://127.0.0.1:8787");
    let p = project(&c);
    assert_eq!((p.key.is_none(), p.needs_token()), (true, false));
    assert_eq!(p.auth_url, "http://localhost:1/oauth2/token");
    let basic = config(&[KEY, r#","region":"eu","auth":"basic""#].concat()).unwrap();
    assert_eq!(
        (project(&basic).auth, project(&basic).needs_token()),
        (Auth::Basic, false)
    );
    // The rule named under `options`, never the value given.
    let (field, message) = refused(r#""baseUrl":"http://127.0.0.1:1","auth":"s3cr3t""#);
    assert_eq!(
        (field.as_str(), message.as_str()),
        (
            "options.auth",
            r#"options.auth: must be one of "oauth2", "basic""#
        )
    );
    let cases = [
        (r#""region":"eu""#, "options.keyId"),
        (r#""region":"eu","keyId":"k""#, "options.keyId"),
        (r#""region":"eu","keySecret":"s3cr3t-key""#, "options.keyId"),
        (
            r#""baseUrl":"http://127.0.0.1:1","auth":"basic""#,
            "options.auth",
        ),
        (
            r#""baseUrl":"http://127.0.0.1:1","auth":"s3cr3t""#,
            "options.auth",
        ),
        (
            &[KEY, r#","region":"eu","baseUrl":"https://x""#].concat(),
            "options.region",
        ),
        (KEY, "options.region"),
        (
            &[KEY, r#","region":"eu","authUrl":"http://auth.example/t""#].concat(),
            "options.authUrl",
        ),
        (
            &[KEY, r#","region":"eu","authUrl":"https://a/t?s3cr3t""#].concat(),
            "options.authUrl",
        ),
        (
            r#""region":"eu","keyId":"k:1","keySecret":"s3cr3t-key""#,
            "options.keyId",
        ),
        (
            r#""region":"eu","keyId":"k","keySecret":"s3cr3t key""#,
            "options.keySecret",
        ),
        (
            r#""region":"eu","keyId":"k","keySecret":"""#,
            "options.keySecret",
        ),
        (
            r#""region":"eu","keyId":"k","keySecret":["s3cr3t"]"#,
            "options.keySecret",
        ),
    ];
    for (extra, field) in cases {
        assert_eq!(refused(extra).0, field, "{extra}");
    }
    let insecure = [
        KEY,
        r#","baseUrl":"http://10.0.0.1","allowInsecureHttp":true,"authUrl":"http://10.0.0.1/t""#,
    ];
    assert!(config(&insecure.concat()).is_ok());
}

#[test]
fn project_and_app_ids_are_one_clean_segment() {
    for bad in [
        r#""""#,
        r#"" ""#,
        r#""a/b""#,
        r#""a?b""#,
        r#""a#b""#,
        r#""..""#,
        r#""%2e%2E""#,
        r#""a\u0007b""#,
    ] {
        for key in ["projectId", "appId"] {
            let other = if key == "projectId" {
                "appId"
            } else {
                "projectId"
            };
            let options = format!(
                r#"{{"api":"conversation","{key}":{bad},"{other}":"x","keyId":"k","keySecret":"s","region":"us"}}"#
            );
            let err = Config::from_json(&options, Host::Server).unwrap_err();
            let field = ["options.", key].concat();
            assert_eq!(err.field.as_deref(), Some(field.as_str()), "{options}");
        }
    }
    let options = r#"{"api":"conversation","appId":"a","keyId":"k","keySecret":"s","region":"us"}"#;
    let err = Config::from_json(options, Host::Server).unwrap_err();
    assert_eq!(err.message, "options.projectId: is required");
}

#[test]
fn each_api_has_its_own_keys() {
    assert_eq!(
        ONLY,
        [
            "projectId",
            "appId",
            "keyId",
            "keySecret",
            "authUrl",
            "auth"
        ]
    );
    assert_eq!(STANDALONE_ONLY, ["botId", "token"]);
}

#[test]
fn options_of_the_other_api_are_refused_by_name() {
    let (field, message) = refused(&[KEY, r#","region":"eu","botId":"b""#].concat());
    assert_eq!(
        (field.as_str(), message.as_str()),
        (
            "options.botId",
            r#"options.botId: is only for api: "whatsapp""#
        )
    );
    assert_eq!(
        refused(&[KEY, r#","region":"eu","token":"t""#].concat()).0,
        "options.token"
    );
    for key in ONLY {
        let options = [
            r#"{"botId":"b","token":"t","region":"eu",""#,
            key,
            r#"":"s3cr3t"}"#,
        ];
        let err = Config::from_json(&options.concat(), Host::Server).unwrap_err();
        let field = ["options.", key].concat();
        assert_eq!(err.field.as_deref(), Some(field.as_str()));
        assert_eq!(
            err.message,
            [&field, r#": is only for api: "conversation""#].concat()
        );
    }
    let standalone = r#"{"api":"whatsapp","botId":"b","token":"t","region":"eu","projectId":null}"#;
    let err = Config::from_json(standalone, Host::Server).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("options.projectId"));
    let standalone = r#"{"api":null,"botId":"b","token":"t","region":"eu"}"#;
    assert!(Config::from_json(standalone, Host::Server).is_ok());
    let err = Config::from_json(r#"{"api":"sms","botId":"b"}"#, Host::Server).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("options.api"));
    let err = config(&[KEY, r#","region":"eu","frm":1"#].concat()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("options.frm"));
}

#[test]
fn a_key_secret_in_a_browser_page_needs_the_loud_opt_in() {
    let page = |extra: &str| {
        let options = [
            r#"{"api":"conversation","projectId":"p","appId":"a","#,
            extra,
            "}",
        ];
        Config::from_json(&options.concat(), Host::BrowserPage)
    };
    let err = page(&[KEY, r#","region":"eu""#].concat()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("options.keySecret"));
    assert_eq!(
        err.message,
        "options.keySecret: must not be used in a browser page (any script can read it): \
         give a relay's baseUrl instead, or dangerouslyAllowBrowser: true"
    );
    assert!(page(&[KEY, r#","region":"eu","dangerouslyAllowBrowser":true"#].concat()).is_ok());
    assert!(page(r#""baseUrl":"https://relay.example""#).is_ok());
}

#[test]
fn secrets_cover_the_key_its_basic_header_and_the_access_token() {
    let mut c = config(&[KEY, r#","region":"eu""#].concat()).unwrap();
    assert_eq!(c.secrets(), ["s3cr3t-key", "a2V5LTE6czNjcjN0LWtleQ==", ""]);
    if let Api::Conversation(p) = &mut c.api {
        p.access_token = Some(Secret("jwt-1".into()));
    }
    assert_eq!(c.secrets().last(), Some(&"jwt-1"));
    let shown = format!("{c:?}");
    assert!(
        !shown.contains("s3cr3t") && !shown.contains("jwt-1") && !shown.contains("a2V5"),
        "{shown}"
    );
    let text = "Basic a2V5LTE6czNjcjN0LWtleQ== s3cr3t-key jwt-1";
    assert_eq!(
        redact_all(text, &c.secrets()),
        "Basic [redacted] [redacted] [redacted]"
    );
}

#[test]
fn a_key_id_has_no_colon() {
    // The Basic header is base64("keyId:keySecret"): a colon in the id would move the split.
    for bad in ["a:b", ":", "key:"] {
        let options = [
            r#""region":"eu","keySecret":"s3cr3t-key","keyId":""#,
            bad,
            "\"",
        ];
        let (field, message) = refused(&options.concat());
        assert_eq!(field, "options.keyId");
        assert_eq!(message, r#"options.keyId: must not contain ":""#);
    }
}
