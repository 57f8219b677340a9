//! The crossing for config, numbers, providers and stickers, natively: each op's
//! arguments as JS sends them (a JSON array) to the request on the wire, and
//! `ops::answer` from status and body to the JS result or the typed error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sinch_whatsapp::core::config::{Config, Host};
use sinch_whatsapp::core::error::{Error, ErrorCode};
use sinch_whatsapp::core::ops::{answer, find, prepare, OPS};
use sinch_whatsapp::core::outcome::settle;
use sinch_whatsapp::core::request::Method;
use sinch_whatsapp::core::retry::{Attempt, Repeat};

const TOKEN: &str = "tok_live_secret_42";
const BASE: &str = "https://x/whatsapp/v1/b";

fn config() -> Config {
    let options = format!(r#"{{"botId":"b","token":"{TOKEN}","baseUrl":"https://x"}}"#);
    Config::from_json(&options, Host::Server).expect("a valid config")
}

/// The answer of op `name` to `status` and `body`.
fn reply(name: &str, status: u16, retry_after: Option<&str>, body: &str) -> Result<String, Error> {
    answer(find(name).expect("an op"), status, retry_after, body, TOKEN)
}

/// The error of calling op `name` with `args`: its field and message.
fn refused(name: &str, args: &str) -> (String, String) {
    let err = find(name)
        .and_then(|op| prepare(&config(), op, args))
        .expect_err("refused")
        .into_fields();
    assert_eq!(err.code, ErrorCode::InvalidArgument, "{name}({args})");
    (err.field.unwrap_or_default(), err.message)
}

#[test]
fn requests_from_arguments() {
    let c = config();
    let numbers = r#"{"numbers":["46732001122"]}"#;
    for (name, args, method, path, body) in [
        (
            "markRead",
            r#"["M1"]"#,
            Method::Post,
            "/events",
            Some(r#"{"type":"read","message_id":"M1"}"#),
        ),
        (
            "capability",
            r#"[["46732001122"]]"#,
            Method::Post,
            "/capability",
            Some(numbers),
        ),
        (
            "optIn",
            r#"[["46732001122"]]"#,
            Method::Post,
            "/provision/optin",
            Some(numbers),
        ),
        (
            "optOut",
            r#"[["46732001122"], null]"#,
            Method::Delete,
            "/provision/optin",
            Some(numbers),
        ),
        (
            "addToBlacklist",
            r#"[["46732001122"]]"#,
            Method::Post,
            "/provision/blacklist",
            Some(numbers),
        ),
        (
            "removeFromBlacklist",
            r#"[["46732001122"]]"#,
            Method::Delete,
            "/provision/blacklist",
            Some(numbers),
        ),
        (
            "blacklist",
            "[]",
            Method::Get,
            "/provision/blacklist?page=0",
            None,
        ),
        (
            "blacklist",
            "[null]",
            Method::Get,
            "/provision/blacklist?page=0",
            None,
        ),
        (
            "blacklist",
            "[3]",
            Method::Get,
            "/provision/blacklist?page=3",
            None,
        ),
        (
            "addProvider",
            r#"[{"name":"p","bearer":"b-tok"}]"#,
            Method::Post,
            "/provision/provider",
            Some(r#"{"name":"p","type":"www","config":{"bearer":"b-tok"}}"#),
        ),
        (
            "listProviders",
            "[]",
            Method::Get,
            "/provision/provider",
            None,
        ),
        (
            "deleteProvider",
            r#"["my_p-x"]"#,
            Method::Delete,
            "/provision/provider/my_p-x",
            None,
        ),
        ("listStickerpacks", "[]", Method::Get, "/stickerpacks", None),
        (
            "listStickerpacks",
            r#"["third_party"]"#,
            Method::Get,
            "/stickerpacks?namespace=third_party",
            None,
        ),
        (
            "getStickerpack",
            r#"["a/b c",null]"#,
            Method::Get,
            "/stickerpacks/a%2Fb%20c",
            None,
        ),
        (
            "createStickerpack",
            r#"[{"publisher":"P","name":"N"}]"#,
            Method::Post,
            "/stickerpacks",
            Some(r#"{"publisher":"P","name":"N"}"#),
        ),
        (
            "updateStickerpack",
            r#"["p",{"androidAppStoreLink":"https://play.example/x"}]"#,
            Method::Patch,
            "/stickerpacks/p",
            Some(r#"{"android_app_store_link":"https://play.example/x"}"#),
        ),
        (
            "deleteStickerpack",
            r#"["p"]"#,
            Method::Delete,
            "/stickerpacks/p",
            None,
        ),
        (
            "listStickers",
            r#"["p","whatsapp"]"#,
            Method::Get,
            "/stickerpacks/p/stickers?namespace=whatsapp",
            None,
        ),
        (
            "getSticker",
            r#"["p","7"]"#,
            Method::Get,
            "/stickerpacks/p/stickers/7",
            None,
        ),
        (
            "createSticker",
            r#"["p",{"url":"https://e.example/s.webp"}]"#,
            Method::Post,
            "/stickerpacks/p/stickers",
            Some(r#"{"url":"https://e.example/s.webp"}"#),
        ),
        (
            "updateSticker",
            r#"["p",0,{"emojis":["🐥"]}]"#,
            Method::Patch,
            "/stickerpacks/p/stickers/0",
            Some(r#"{"emojis":["🐥"]}"#),
        ),
        (
            "deleteSticker",
            r#"["p",12]"#,
            Method::Delete,
            "/stickerpacks/p/stickers/12",
            None,
        ),
    ] {
        let request = find(name)
            .and_then(|op| prepare(&c, op, args))
            .unwrap_or_else(|e| panic!("{name}({args}): {e}"));
        assert_eq!(request.method, method, "{name}");
        assert_eq!(request.url, format!("{BASE}{path}"), "{name}");
        assert_eq!(request.body.as_deref(), body, "{name}");
    }
}

#[test]
fn arguments_are_named_as_in_js() {
    for (name, args, field, message) in [
        ("markRead", "[]", "messageId", "messageId: must be a string"),
        (
            "markRead",
            "[5]",
            "messageId",
            "messageId: must be a string",
        ),
        ("markRead", r#"[".."]"#, "messageId", ""),
        (
            "capability",
            "[[]]",
            "numbers",
            "numbers: must list 1 to 20 numbers",
        ),
        (
            "capability",
            r#"["46732001122"]"#,
            "numbers",
            "numbers: must be an array",
        ),
        ("optIn", r#"[["nope"]]"#, "numbers[0]", ""),
        (
            "optOut",
            r#"[["46732001122", 5]]"#,
            "numbers[1]",
            "numbers[1]: must be a string",
        ),
        (
            "blacklist",
            "[-1]",
            "page",
            "page: must be a whole number from 0 to 4294967295",
        ),
        (
            "blacklist",
            "[1.5]",
            "page",
            "page: must be a whole number from 0 to 4294967295",
        ),
        (
            "addProvider",
            "[]",
            "provider",
            "provider: must be an object",
        ),
        (
            "addProvider",
            r#"[{"name":"bad name","bearer":"b-secret"}]"#,
            "name",
            "",
        ),
        (
            "addProvider",
            r#"[{"name":"p","bearer":"b-secret","kind":"www"}]"#,
            "provider.kind",
            "provider.kind: is not a known field",
        ),
        ("deleteProvider", r#"["../x"]"#, "name", ""),
        ("deleteProvider", "[null]", "name", "name: must be a string"),
        (
            "listStickerpacks",
            r#"["mine"]"#,
            "namespace",
            r#"namespace: must be one of "third_party", "whatsapp""#,
        ),
        ("getStickerpack", r#"["%2e%2E"]"#, "stickerpackId", ""),
        (
            "createStickerpack",
            "[]",
            "fields",
            "fields: must be an object",
        ),
        (
            "createStickerpack",
            r#"[{"name":"n","publisher":"p","iosLink":"https://a.example"}]"#,
            "fields.iosLink",
            "fields.iosLink: is not a known field",
        ),
        (
            "updateStickerpack",
            r#"["p",{}]"#,
            "fields",
            "fields: give at least one field to change",
        ),
        (
            "getSticker",
            r#"["p",-1]"#,
            "index",
            "index: must be a whole number of 0 or more",
        ),
        (
            "getSticker",
            r#"["p",0,5]"#,
            "namespace",
            r#"namespace: must be one of "third_party", "whatsapp""#,
        ),
        (
            "createSticker",
            r#"["p",{"emojis":[]}]"#,
            "url",
            "url: is required",
        ),
        (
            "updateSticker",
            r#"["p","x",{"emojis":["🐥"]}]"#,
            "index",
            "index: must be a whole number of 0 or more",
        ),
        (
            "updateSticker",
            r#"["p",0,{"uri":"https://e.example/s"}]"#,
            "fields.uri",
            "fields.uri: is not a known field",
        ),
        ("deleteSticker", r#"[".",0]"#, "stickerpackId", ""),
    ] {
        let (got_field, got_message) = refused(name, args);
        assert_eq!(got_field, field, "{name}({args})");
        if !message.is_empty() {
            assert_eq!(got_message, message, "{name}({args})");
        }
        assert!(!got_message.contains("secret"), "{got_message}");
    }
}

#[test]
fn two_xx_bodies_become_js_results() {
    for (name, body, result) in [
        ("markRead", "", "null"),
        ("addToBlacklist", " \n", "null"),
        // White space is Unicode's, as `str::trim` reads it.
        ("removeFromBlacklist", "\u{a0}\u{2028}\u{3000} ", "null"),
        ("deleteProvider", r#"{"anything":[1]}"#, "null"),
        ("updateSticker", "[]", "null"),
        (
            "capability",
            r#"{"capabilities":[{"msisdn":"1","capable":true,"extra":0}]}"#,
            r#"{"capabilities":[{"msisdn":"1","capable":true}]}"#,
        ),
        ("optIn", "", "{}"),
        (
            "optOut",
            r#"{"optInNumbers":["1"]}"#,
            r#"{"optInNumbers":["1"]}"#,
        ),
        ("blacklist", r#"{"numbers":[]}"#, r#"{"numbers":[]}"#),
        (
            "listProviders",
            r#"{"settings":{"application":{"media":{"providers":[{"name":"a","type":"www","config":{"basic":{"username":"u","password":"pw-secret"}}},{"name":"b","type":"www","config":{"bearer":"b-secret"}}]}}}}"#,
            r#"{"providers":[{"name":"a","type":"www","auth":"basic","username":"u"},{"name":"b","type":"www","auth":"bearer"}]}"#,
        ),
        (
            "listStickerpacks",
            r#"{"stickerpacks":[{"id":"a"}]}"#,
            r#"{"stickerpacks":[{"id":"a"}]}"#,
        ),
        (
            "getStickerpack",
            r#"{"publisher":"P","name":"N","ios_app_store_link":"https://i"}"#,
            r#"{"publisher":"P","name":"N","iosAppStoreLink":"https://i"}"#,
        ),
        ("createStickerpack", r#"{"id":"p1"}"#, r#"{"id":"p1"}"#),
        (
            "listStickers",
            r#"{"stickers":[{"index":"0"}]}"#,
            r#"{"stickers":[{"index":"0"}]}"#,
        ),
        (
            "getSticker",
            r#"{"id":"s","emojis":["🐥"]}"#,
            r#"{"id":"s","emojis":["🐥"]}"#,
        ),
        ("createSticker", r#"{"index":"4"}"#, r#"{"index":"4"}"#),
    ] {
        assert_eq!(
            reply(name, 200, None, body).as_deref(),
            Ok(result),
            "{name}"
        );
    }
}

#[test]
fn unreadable_two_xx_bodies_are_invalid_response() {
    for (name, status, body, why) in [
        ("markRead", 200, "not json", "the body is not JSON"),
        (
            "capability",
            200,
            r#"{"capabilities":"#,
            "the body is not JSON",
        ),
        ("capability", 200, "", "body.capabilities: is required"),
        (
            "capability",
            201,
            r#"{"capabilities":[{"msisdn":1}]}"#,
            "body.capabilities[0].msisdn: must be a string",
        ),
        (
            "listProviders",
            200,
            r#"{"settings":[]}"#,
            "body.settings: must be an object",
        ),
        (
            "createSticker",
            201,
            r#"{"index":0}"#,
            "body.index: must be a string",
        ),
    ] {
        let err = reply(name, status, None, body).expect_err("invalid");
        assert_eq!(
            (err.code, err.status, err.retryable),
            (ErrorCode::InvalidResponse, Some(status), false),
            "{name}"
        );
        assert_eq!(
            err.message,
            format!("Sinch answered HTTP {status} with a body this client cannot read: {why}")
        );
    }
}

#[test]
fn other_statuses_are_typed_errors_with_the_token_redacted() {
    let echo = format!(r#"{{"message":"Bearer {TOKEN}","details":"got {TOKEN}"}}"#);
    for op in OPS {
        let err = answer(op, 400, None, &echo, TOKEN).expect_err("an error");
        assert_eq!(
            (err.code, err.status),
            (ErrorCode::BadRequest, Some(400)),
            "{}",
            op.name
        );
        assert!(
            err.message.ends_with("Bearer [redacted]"),
            "{}",
            err.message
        );
        assert_eq!(err.details.as_deref(), Some("got [redacted]"));
    }
    let err = reply(
        "capability",
        500,
        Some("2"),
        r#"{"message":"Request could not be processed"}"#,
    )
    .expect_err("rate");
    assert_eq!(
        (err.code, err.retry_after_ms),
        (ErrorCode::RateLimited, Some(2000))
    );
    // Rate-limited means not processed: retried, a send's too, and so `retryable`.
    let send = Attempt {
        number: 0,
        repeat: Repeat::Send,
        jitter: 0.0,
    };
    let settled = settle(&config(), Err(err), send);
    assert!(settled.contains(r#""retryable":true"#), "{settled}");
    assert!(settled.ends_with(r#","retryMs":2000}"#), "{settled}");
    let err = reply("blacklist", 502, None, "<html>bad gateway</html>").expect_err("5xx");
    assert_eq!(
        (err.code, err.message.as_str()),
        (
            ErrorCode::ServerError,
            "Sinch had a server error (HTTP 502)"
        )
    );
    // A field of the wrong type is left out, the others kept.
    let err = reply("listProviders", 401, None, r#"{"message":5,"details":"d"}"#).expect_err("401");
    assert_eq!(
        (err.code, err.details.as_deref()),
        (ErrorCode::Unauthorized, Some("d"))
    );
    let err = reply(
        "getSticker",
        404,
        None,
        r#"{"message":"gone","reason":"no pack"}"#,
    )
    .expect_err("404");
    assert_eq!(
        (err.code, err.details.as_deref()),
        (ErrorCode::NotFound, Some("no pack"))
    );
    let err = reply("markRead", 302, None, "").expect_err("3xx");
    assert_eq!(
        (err.code, err.status),
        (ErrorCode::UnexpectedStatus, Some(302))
    );
}
