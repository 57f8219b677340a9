//! `sendText`'s arguments, as the send they make (both APIs).

use super::Args;
use crate::core::error::Result;
use crate::core::json::{Value, Write, Writer};
use crate::core::message::arguments;
use crate::core::message::schema::{Kind, Member, Need, RECIPIENTS, TEXT};
use crate::prelude::*;

/// `sendText`'s arguments: `to`, one recipient or an array of them, and `text`,
/// each held to the send's rules (the errors name the arguments: `to[1]`, `text`).
const PARAMS: &[Member] = &[
    Member("to", &Kind::OneOrMany(RECIPIENTS), Need::Required),
    Member("text", TEXT, Need::Required),
];

/// The send of `sendText(to, text)`'s arguments (both APIs), once they hold,
/// `{ to: [...], message: { type: "text", text } }` as JSON text: every name there is
/// its standalone wire name, so it is the standalone body as it is, with no second
/// check or writing of it (a `sendText`'s prepare natively 25.7 k → 10.1 k
/// instructions: README, "Startup").
pub fn text_request(args: &Args) -> Result<String> {
    let (to, text) = (args.value(0), args.value(1));
    arguments(&[to, text], PARAMS, false)?;
    let mut out = Writer::new();
    out.open_object();
    out.key("to");
    match to {
        Value::Array(_) => to.write(&mut out),
        _ => {
            out.open_array();
            to.write(&mut out);
            out.close_array();
        }
    }
    out.key("message");
    out.open_object();
    out.field("type", "text");
    out.key("text");
    text.write(&mut out);
    out.close_object();
    out.close_object();
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use crate::core::config::test_config;
    use crate::core::ops::{answer, find, prepare};

    fn prepared(op: &str, args: &str) -> Result<String, (String, String)> {
        let config = test_config("bot", "http://127.0.0.1:9");
        find(op)
            .and_then(|op| prepare(&config, op, args))
            .map(|request| request.body.unwrap_or_default())
            .map_err(|e| {
                let e = e.into_fields();
                (e.field.unwrap_or_default(), e.message)
            })
    }

    /// `sendText`'s body is its request's JSON text as it is: the body the message
    /// writer writes of that request, byte for byte, whatever the text holds.
    #[test]
    fn send_text_sends_what_send_writes() {
        let texts = [
            "Hi",
            r#"a \"quote\", a \\ and \/"#,
            r"\n\r\t\b\f \u0001 \u001f \u007f",
            "é ü ß 日本 😀 \\ud83d\\ude00",
            " leading and trailing ",
        ];
        for text in texts {
            for to in [r#""+46732001122""#, r#"["+46732001122","46732002244"]"#] {
                let args = format!(r#"[{to},"{text}"]"#);
                let body = prepared("sendText", &args).unwrap();
                let request = crate::core::json::parse(&body).unwrap();
                assert_eq!(crate::core::message::send_body(&request).unwrap(), body);
            }
        }
    }

    #[test]
    fn send_text_takes_one_recipient_or_many() {
        let body = r#"{"to":["+46732001122"],"message":{"type":"text","text":"Hi"}}"#;
        assert_eq!(
            prepared("sendText", r#"["+46732001122","Hi"]"#).unwrap(),
            body
        );
        assert_eq!(
            prepared("sendText", r#"[["+46732001122"],"Hi"]"#).unwrap(),
            body
        );
        // The rules are the send's; the errors name the arguments.
        let recipients = |n| format!(r#"[[{}],"x"]"#, vec![r#""+46732001122""#; n].join(","));
        let text = |n| format!(r#"["+46732001122","{}"]"#, "é".repeat(n));
        assert!(prepared("sendText", &recipients(20)).is_ok());
        assert!(prepared("sendText", &text(4096)).is_ok());
        let (twenty_one, too_long) = (recipients(21), text(4097));
        let refused = [
            (
                r#"[5,"Hi"]"#,
                "to",
                "to: must be one value or an array of them",
            ),
            (
                r#"[["+46732001122",5],"Hi"]"#,
                "to[1]",
                "to[1]: must be a string",
            ),
            (r#"["+46732001122"]"#, "text", "text: must be a string"),
            (r#"["+46732001122",1]"#, "text", "text: must be a string"),
            (r#"["0732001122","x"]"#, "to[0]", ""),
            (r#"[["+46732001122","0732"],"x"]"#, "to[1]", ""),
            (r#"[[],"x"]"#, "to", "to: must list 1 to 20 recipients"),
            (&twenty_one, "to", "to: must list 1 to 20 recipients"),
            (r#"["+46732001122",""]"#, "text", ""),
            (&too_long, "text", ""),
        ];
        for (args, field, message) in refused {
            let (got, text) = prepared("sendText", args).unwrap_err();
            assert_eq!(got, field, "{args}");
            assert!(text.starts_with(&[field, ": "].concat()), "{text}");
            assert!(message.is_empty() || text == message, "{text}");
        }
    }

    #[test]
    fn send_roots_shape_errors_at_request_and_rules_at_the_field() {
        let body = prepared(
            "send",
            r#"[{"message":{"text":"Hi","previewUrl":false,"type":"text"},"to":["+46732001122"]}]"#,
        );
        assert_eq!(
            body.unwrap(),
            r#"{"to":["+46732001122"],"message":{"type":"text","text":"Hi","preview_url":false}}"#
        );
        let shape = prepared(
            "send",
            r#"[{"to":["+46732001122"],"message":{"type":"text","text":1}}]"#,
        );
        assert_eq!(shape.unwrap_err().0, "request.message.text");
        let rule = prepared(
            "send",
            r#"[{"to":["+46732001122"],"message":{"type":"text","text":""}}]"#,
        );
        assert_eq!(rule.unwrap_err().0, "message.text");
        assert_eq!(prepared("send", "[]").unwrap_err().0, "request");
    }

    #[test]
    fn sent_is_the_js_result() {
        for op in ["send", "sendText"] {
            let sent = |text: &str| answer(find(op).unwrap(), 201, None, text, "");
            let one = r#"{"type":"whatsapp","statuses":{"message_id":"m1","recipient":"+1","status":"success","state":"queued"}}"#;
            assert_eq!(
                sent(one).unwrap(),
                r#"{"messages":[{"id":"m1","recipient":"+1","status":"success","state":"queued"}]}"#
            );
            assert!(sent("{}").is_err() && sent("[]").is_err());
        }
    }
}
