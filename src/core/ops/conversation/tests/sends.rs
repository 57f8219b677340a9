//! What `send`, `sendText` and `capability` prepare (one request per recipient,
//! only digits spliced into a body) and what a send's answer means.

use super::*;

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
