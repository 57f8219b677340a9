//! The conversation op table: what each method prepares, what answers mean, the
//! token and the refusals.

use super::*;
use crate::core::config::Host;
use crate::core::conversation::auth::{token_answer, write_token_request};
use crate::core::error::ErrorCode;
use crate::core::json::Writer;
use crate::core::retry::Repeat;

const OPTIONS: &str = r#"{"api":"conversation","projectId":"p 1","appId":"app-1",
    "keyId":"key-1","keySecret":"s3cr3t-key","baseUrl":"http://127.0.0.1:9"}"#;

fn config() -> Config {
    Config::from_json(OPTIONS, Host::Server).unwrap()
}

fn with_project<T>(f: impl FnOnce(&Config, &Project) -> T) -> T {
    let config = config();
    match &config.api {
        crate::core::config::Api::Conversation(project) => f(&config, project),
        _ => panic!("not a conversation config"),
    }
}

/// `answer` to `op` of the client's project once the token URL gave it "jwt-1".
fn answered(op: &str, status: u16, retry_after: Option<&str>, body: &str) -> Result<String> {
    let mut config = config();
    let crate::core::config::Api::Conversation(project) = &mut config.api else {
        panic!("not a conversation config");
    };
    let token = r#"{"access_token":"jwt-1","token_type":"bearer","expires_in":3600}"#;
    let header = answer(row("token"), 200, None, token, project).unwrap();
    assert_eq!(
        header,
        r#"{"authorization":"Bearer jwt-1","refreshInMs":3540000}"#
    );
    answer(row(op), status, retry_after, body, project)
}

/// The standalone row of method `name`, as JS names it; any other name (`"token"`,
/// the token request) is a row past the table.
fn row(name: &str) -> usize {
    let mut rows = crate::core::ops::OPS.iter();
    rows.position(|op| op.name == name)
        .unwrap_or(u32::MAX as usize)
}

/// Whether the client retries a `repeat` request after `err` (and says `retryable`).
fn retried(err: &Error, repeat: Repeat) -> bool {
    let attempt = crate::core::retry::Attempt {
        number: 0,
        repeat,
        jitter: 0.0,
    };
    let settled = crate::core::outcome::settle(&config(), Err(err.clone()), attempt);
    assert_eq!(
        settled.contains("retryMs"),
        settled.contains(r#""retryable":true"#),
        "{settled}"
    );
    settled.contains("retryMs")
}

fn prepared(op: &str, args: &str) -> Result<serde_json::Value> {
    with_project(|c, p| prepare(c, p, row(op), args))
        .map(|text| serde_json::from_str(&text).expect("JSON text"))
}

/// The bodies of a prepared fan-out as the JS face puts them together: `head`, each
/// recipient without `+`, `tail`.
fn bodies(got: &serde_json::Value) -> Vec<String> {
    let (head, tail) = (got["head"].as_str().unwrap(), got["tail"].as_str().unwrap());
    got["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let n = n.as_str().unwrap();
            [head, n.strip_prefix('+').unwrap_or(n), tail].concat()
        })
        .collect()
}

#[test]
fn a_send_is_one_request_per_recipient_in_order() {
    let got = prepared("sendText", r#"[["+46732001122","46732002244"],"Hi"]"#).unwrap();
    let url = "http://127.0.0.1:9/v1/projects/p%201/messages:send";
    assert_eq!(
        (&got["method"], &got["url"], &got["into"]),
        (&"POST".into(), &url.into(), &"messages".into())
    );
    assert_eq!(got.get("asynchronous"), None);
    assert_eq!(
        got["parts"],
        serde_json::json!(["+46732001122", "46732002244"])
    );
    for (body, identity) in bodies(&got).iter().zip(["46732001122", "46732002244"]) {
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["app_id"], "app-1");
        assert_eq!(
            body["recipient"],
            serde_json::json!({"identified_by":{"channel_identities":[{"channel":"WHATSAPP","identity":identity}]}})
        );
    }
    // Every recipient is checked before any request is built.
    let err = prepared("sendText", r#"[["+46732001122","0732"],"Hi"]"#).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("to[1]"));
    let err = prepared(
        "send",
        r#"[{"to":["+46732001122"],"message":{"type":"text","text":1}}]"#,
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("request.message.text"));
}

/// A fan-out's body is `head`, the recipient's digits, `tail`, put together by JS: a
/// recipient is refused, naming it, unless it is an optional `+` and ASCII digits, so no
/// text of the caller's ever lands between `head` and `tail` unchecked.
#[test]
fn only_digits_are_spliced_into_a_body() {
    // As JSON text: a quote closing the identity, a backslash, Arabic-Indic and
    // full-width digits, a second `+`, a space.
    let hostile = [
        r#"46732001122\"}]}},\"app_id\":\"other"#,
        r#"46732001122\\"#,
        r#"+\u0664\u0666\u0667\u0663\u0662\u0660\u0660\u0661\u0661\u0662\u0662"#,
        r#"+\uff14\uff16\uff17\uff13\uff12\uff10\uff10\uff11\uff11\uff12\uff12"#,
        "++46732001122",
        " 46732001122",
    ];
    for number in hostile {
        let to = [r#"["+46732001122",""#, number, r#""]"#].concat();
        let calls = [
            ("sendText", [r#"["#, &to, r#","Hi"]"#].concat(), "to[1]"),
            (
                "send",
                [
                    r#"[{"to":"#,
                    &to,
                    r#","message":{"type":"text","text":"Hi"}}]"#,
                ]
                .concat(),
                "to[1]",
            ),
            ("capability", ["[", &to, "]"].concat(), "numbers[1]"),
        ];
        for (op, args, field) in calls {
            let err = prepared(op, &args).unwrap_err();
            assert_eq!(err.field.as_deref(), Some(field), "{op} {number}");
        }
    }
}

#[test]
fn capability_is_asynchronous_one_query_per_number() {
    let got = prepared("capability", r#"[["+46732001122","+46732002244"]]"#).unwrap();
    assert_eq!(
        got["url"],
        "http://127.0.0.1:9/v1/projects/p%201/capability:query"
    );
    assert_eq!(
        (&got["into"], &got["asynchronous"]),
        (&"requests".into(), &true.into())
    );
    let body: serde_json::Value = serde_json::from_str(&bodies(&got)[1]).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"app_id":"app-1","recipient":{"identified_by":{"channel_identities":[
            {"channel":"WHATSAPP","identity":"46732002244"}]}}})
    );
    assert_eq!(
        prepared("capability", "[[]]").unwrap_err().field.as_deref(),
        Some("numbers")
    );
    let answer = |body| answered("capability", 200, None, body);
    assert_eq!(
        answer(r#"{"app_id":"app-1","recipient":{},"request_id":"r1"}"#).unwrap(),
        r#"{"requestId":"r1"}"#
    );
    assert_eq!(answer("{}").unwrap_err().code, ErrorCode::InvalidResponse);
}

#[test]
fn callback_status_reads_the_stored_message() {
    let got = prepared("callbackStatus", r#"["m/1"]"#).unwrap();
    let at = "http://127.0.0.1:9/v1/projects/p%201/messages/m%2F1?messages_source=";
    let (url, fallback) = (
        [at, "DISPATCH_SOURCE"].concat(),
        [at, "CONVERSATION_SOURCE"].concat(),
    );
    assert_eq!(
        got,
        serde_json::json!({"method":"GET","url":url,"fallback":fallback})
    );
    assert_eq!(
        prepared("callbackStatus", r#"[".."]"#)
            .unwrap_err()
            .field
            .as_deref(),
        Some("messageId")
    );
    let stored = r#"{"id":"m1","direction":"TO_CONTACT","app_message":{"text_message":{"text":"Hi"}},
        "channel_identity":{"channel":"WHATSAPP","identity":"46732001122","app_id":"app-1"},
        "accept_time":"2026-01-01T00:00:00Z","message_status":{"status":"DELIVERED"}}"#;
    let got: serde_json::Value =
        serde_json::from_str(&answered("callbackStatus", 200, None, stored).unwrap()).unwrap();
    let raw: serde_json::Value = serde_json::from_str(stored).unwrap();
    assert_eq!(
        got,
        serde_json::json!({"message":{"id":"m1","direction":"TO_CONTACT","acceptTime":"2026-01-01T00:00:00Z",
            "channel":"WHATSAPP","identity":"46732001122","raw":raw}})
    );
    let minimal = answered("callbackStatus", 200, None, r#"{"id":"m2"}"#).unwrap();
    assert_eq!(minimal, r#"{"message":{"id":"m2","raw":{"id":"m2"}}}"#);
}

#[test]
fn a_stored_message_in_neither_source_is_not_found_saying_where_it_looked() {
    let body = r#"{"error":{"code":404,"message":"gone","status":"NOT_FOUND"}}"#;
    let err = answered("callbackStatus", 404, None, body).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(
        err.message,
        "Sinch found no such message in either source: it expired, or the app is in \
         another region (HTTP 404 NOT_FOUND): gone"
    );
    assert!(!retried(&err, Repeat::Safe));
    // Any other method's 404 keeps the region hint alone; other statuses are as before.
    let other = answered("send", 404, None, body).unwrap_err();
    assert_eq!(
        other.message,
        "Sinch found no such resource (is the app in another region?) (HTTP 404 NOT_FOUND): gone"
    );
    let denied = answered("callbackStatus", 403, None, "").unwrap_err();
    assert_eq!(denied.code, ErrorCode::Unauthorized);
    assert!(
        !denied.message.contains("either source"),
        "{}",
        denied.message
    );
}

#[test]
fn a_sent_answer_is_one_queued_entry() {
    let sent = answered(
        "send",
        200,
        None,
        r#"{"message_id":"01H","accepted_time":"t"}"#,
    );
    assert_eq!(
        sent.unwrap(),
        r#"{"id":"01H","status":"success","state":"queued"}"#
    );
    for bad in ["", "{}", "[]", "not json", r#"{"message_id":5}"#] {
        let err = answered("sendText", 200, None, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse, "{bad}");
    }
}

// Each method without an equivalent and its refusal's reason, whole.
const MARK: &str = "not sent until Sinch confirms how events:send names the message";
const OPT_IN: &str = "opt-in is not enforced; see the OPT_IN/OPT_OUT webhooks";
const BLACKLIST: &str = "no blacklist; see the OPT_OUT_ALL consents";
const STORE: &str = "no callback store: use a MESSAGE_INBOUND webhook";
const PROVIDERS: &str = "no media providers: use public https URLs";
const STICKERS: &str = "no stickerpacks: send a sticker by URL";

/// Each method without an equivalent and its reason.
const REFUSALS: &[(&str, &str)] = &[
    ("markRead", MARK),
    ("optIn", OPT_IN),
    ("optOut", OPT_IN),
    ("addToBlacklist", BLACKLIST),
    ("removeFromBlacklist", BLACKLIST),
    ("blacklist", BLACKLIST),
    ("callbackNotifications", STORE),
    ("addProvider", PROVIDERS),
    ("listProviders", PROVIDERS),
    ("deleteProvider", PROVIDERS),
    ("listStickerpacks", STICKERS),
    ("getStickerpack", STICKERS),
    ("createStickerpack", STICKERS),
    ("updateStickerpack", STICKERS),
    ("deleteStickerpack", STICKERS),
    ("listStickers", STICKERS),
    ("getSticker", STICKERS),
    ("createSticker", STICKERS),
    ("updateSticker", STICKERS),
    ("deleteSticker", STICKERS),
];

#[test]
fn methods_without_an_equivalent_are_unsupported_before_anything_is_read() {
    for (name, why) in REFUSALS {
        let err = prepared(name, "not even JSON").unwrap_err();
        assert_eq!(
            (err.code, err.field.clone()),
            (ErrorCode::Unsupported, None),
            "{name}"
        );
        let whole = [name, " is not supported with api: \"conversation\": ", why].concat();
        assert_eq!(err.message, whole);
    }
    // Every standalone method is either mapped or refused, never both.
    let mut mapped_rows = Vec::new();
    for (op, row) in crate::core::ops::OPS.iter().zip(ROWS) {
        let mapped = usize::from(row) < OPS.len();
        let refused = REFUSALS.iter().any(|(name, _)| *name == op.name);
        assert!(mapped != refused, "{}", op.name);
        if mapped {
            mapped_rows.push((op.name, row));
        }
    }
    // Each mapped method points at its own row of the Conversation table.
    let each = [
        ("send", 0),
        ("sendText", 1),
        ("capability", 2),
        ("callbackStatus", 3),
    ];
    assert_eq!(mapped_rows, each);
    let err = prepared("nope", "[]").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("operation"));
}

#[test]
fn errors_read_both_body_forms_and_hint_at_the_region() {
    let err = |status, body| answered("send", status, None, body).unwrap_err();
    let wrapped = err(
        400,
        r#"{"error":{"code":400,"message":"bad s3cr3t-key","status":"INVALID_ARGUMENT",
        "details":[{"type_url":"t/BadRequest","value":"app_id jwt-1"}]}}"#,
    );
    assert_eq!(
        (wrapped.code, wrapped.status, wrapped.retryable),
        (ErrorCode::BadRequest, Some(400), false)
    );
    assert_eq!(
        wrapped.message,
        "Sinch rejected the request (HTTP 400 INVALID_ARGUMENT): bad [redacted]"
    );
    assert_eq!(
        wrapped.details.as_deref(),
        Some("t/BadRequest: app_id [redacted]")
    );
    let flat = err(
        401,
        r#"{"code":401,"message":"expired","status":"UNAUTHENTICATED"}"#,
    );
    assert_eq!(flat.code, ErrorCode::Unauthorized);
    assert!(
        flat.message
            .ends_with("(HTTP 401 UNAUTHENTICATED): expired"),
        "{}",
        flat.message
    );
    let lost = err(404, "");
    assert_eq!(lost.code, ErrorCode::NotFound);
    assert!(lost.message.contains("another region"), "{}", lost.message);
    for body in [
        "<html>oops</html>",
        "[]",
        r#"{"error":"x"}"#,
        r#"{"message":5}"#,
    ] {
        assert_eq!(err(502, body).code, ErrorCode::ServerError, "{body}");
    }
    let busy = answered("send", 429, Some("2"), "").unwrap_err();
    assert_eq!(
        (busy.code, retried(&busy, Repeat::Send), busy.retry_after_ms),
        (ErrorCode::RateLimited, true, Some(2000))
    );
    // Every 5xx is retried for a safe request; for a send, only 503 unless opted in.
    for status in [500, 502, 503, 504] {
        assert!(retried(&err(status, ""), Repeat::Safe), "{status}");
        assert_eq!(retried(&err(status, ""), Repeat::Send), status == 503);
    }
    assert!(!retried(&err(403, ""), Repeat::Safe));
    assert_eq!(err(418, "").code, ErrorCode::UnexpectedStatus);
    let oauth = err(
        401,
        r#"{"error":"invalid_client","error_description":"bad key"}"#,
    );
    assert!(
        oauth.message.ends_with("(HTTP 401): bad key"),
        "{}",
        oauth.message
    );
}

#[test]
fn the_token_request_and_its_answer() {
    let mut config = config();
    let crate::core::config::Api::Conversation(project) = &mut config.api else {
        panic!("not a conversation config");
    };
    project.auth_url = "http://127.0.0.1:9/oauth2/token".into();
    let token_request = |project: &Project| {
        let mut out = Writer::new();
        out.open_object();
        write_token_request(&mut out, project);
        out.close_object();
        serde_json::from_str::<serde_json::Value>(&out.finish()).unwrap()
    };
    let request = token_request(project)["token"].clone();
    assert_eq!(
        request,
        serde_json::json!({"url":"http://127.0.0.1:9/oauth2/token",
            "authorization":"Basic a2V5LTE6czNjcjN0LWtleQ==","body":"grant_type=client_credentials"})
    );
    let body = r#"{"access_token":"jwt-1","token_type":"Bearer","expires_in":3600,"scope":""}"#;
    assert_eq!(
        token_answer(project, 200, body).unwrap(),
        r#"{"authorization":"Bearer jwt-1","refreshInMs":3540000}"#
    );
    // A token living no longer than the 60 s margin is reused for half its life, not
    // refreshed on every call; one with no life at all is not reused.
    for (seconds, refresh) in [("61", "1000"), ("60", "30000"), ("30", "15000"), ("0", "0")] {
        let body = [
            r#"{"access_token":"jwt-1","token_type":"bearer","expires_in":"#,
            seconds,
            "}",
        ]
        .concat();
        let answer = token_answer(project, 200, &body).unwrap();
        assert!(
            answer.ends_with(&[r#""refreshInMs":"#, refresh, "}"].concat()),
            "{answer}"
        );
    }
    assert!(project.secrets().contains(&"jwt-1"));
    for bad in [
        "",
        r#"{"access_token":"jwt 2","token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"mac","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":-1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer"}"#,
        r#"{"access_token":"jwt-2\r\nX-Injected: 1","token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":5,"token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"","token_type":"bearer","expires_in":1}"#,
        r#"{"token_type":"bearer","expires_in":1}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":"3600"}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":1.5}"#,
        r#"{"access_token":"jwt-2","token_type":"bearer","expires_in":2199023255553}"#,
        r#"[{"access_token":"jwt-2","token_type":"bearer","expires_in":1}]"#,
    ] {
        let err = token_answer(project, 200, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidResponse, "{bad}");
        assert!(!err.message.contains("jwt"), "{}", err.message);
    }
    let refused = answer(
        row("token"),
        401,
        None,
        r#"{"message":"no s3cr3t-key"}"#,
        project,
    )
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Unauthorized);
    assert!(!refused.message.contains("s3cr3t"), "{}", refused.message);
    let busy = answer(row("token"), 429, None, "", project).unwrap_err();
    assert!(retried(&busy, Repeat::Safe));
    // Basic auth, or a relay, takes no token.
    project.auth = crate::core::config::Auth::Basic;
    assert_eq!(token_request(project), serde_json::json!({}));
    project.auth = crate::core::config::Auth::OAuth2;
    project.key = None;
    assert_eq!(token_request(project), serde_json::json!({}));
}
