//! The samples of whatsapp-callback.md that reply to a button or a list, verbatim: a
//! quick-reply button, an interactive button reply, an interactive list reply (not
//! JSON as the docs give it: it fails clearly, and parses once mended).

use super::*;

#[test]
fn doc_sample_quick_reply_button() {
    let cb = ok(r#"{
  "type":"whatsapp",
  "notifications":[
    {
      "from": "0732001122",
      "message_id": "01DPNXZ0WCF9XD19MH84XD0P62",
      "message": {
        "type": "button",
        "index": "2",
        "text": "Option 3",
        "payload": "some_payload"
      },
      "timestamp": "2020-05-07T10:02:10Z",
      "to": "sinchbot",
      "replying_to": {
        "from": "447537817391",
        "message_id": "01E7Q9AVTRB5A30JD7D9ZN0HTE"
      }
    }
  ]
}"#);
    assert!(cb.contacts.is_empty());
    let n = only_notification(&cb);
    let InboundMessage::Button(b) = &n.message else {
        panic!("{:?}", n.message)
    };
    assert_eq!(b.index.as_deref(), Some("2"));
    assert_eq!(b.text.as_deref(), Some("Option 3"));
    assert_eq!(b.payload.as_deref(), Some("some_payload"));
    assert_eq!(
        n.replying_to.as_ref().unwrap().message_id.as_deref(),
        Some("01E7Q9AVTRB5A30JD7D9ZN0HTE")
    );
}

/// The docs' interactive samples, verbatim: alike but for the `reply` (its lines, the
/// first one's indent here).
fn interactive(reply: &str) -> String {
    format!(
        r#"{{
  "type" : "whatsapp",
  "notifications" : [
    {{
      "from" : "0732001122",
      "message_id" : "01DPNXZ0WCF9XD19MH84XD0P62",
      "message" : {{
        "type" : "interactive",
        "message" : {{
          {reply}
        }}
      }},
      "timestamp" : "2021-06-07T13:38:36Z",
      "to" : "sinchbot",
      "replying_to": {{
        "from": "447537817391",
        "message_id": "01E7Q9AVTRB5A30JD7D9ZN0HTE"
      }}
    }}
  ]
}}"#
    )
}

#[test]
fn doc_sample_interactive_button_reply() {
    let cb = ok(&interactive(
        r#""type" : "button",
          "id" : "Reply button id 1",
          "title" : "Reply button title 1""#,
    ));
    let n = only_notification(&cb);
    let InboundMessage::Interactive(i) = &n.message else {
        panic!("{:?}", n.message)
    };
    assert_eq!(i.reply.kind(), "button");
    let InteractiveReply::Button(b) = &i.reply else {
        panic!("{:?}", i.reply)
    };
    assert_eq!(b.id, "Reply button id 1");
    assert_eq!(b.title, "Reply button title 1");
}

/// The docs' list-reply sample, verbatim: it has a trailing comma after
/// `"description"`, which is not JSON.
fn doc_list_reply() -> String {
    interactive(
        r#""type" : "list",
          "id" : "ID 1",
          "title" : "Title",
          "description" : "Description","#,
    )
}

#[test]
fn doc_sample_interactive_list_reply() {
    // Verbatim it is not JSON (a trailing comma): a clear syntax error, as any JSON
    // parser (JSON.parse too) would give. Sinch's real callbacks are machine-made JSON.
    let sample = doc_list_reply();
    fails(&sample, "not JSON: expected a key");
    let fixed = sample.replace(r#""Description","#, r#""Description""#);
    assert_eq!(fixed.len() + 1, sample.len());
    let cb = ok(&fixed);
    let n = only_notification(&cb);
    let InboundMessage::Interactive(i) = &n.message else {
        panic!("{:?}", n.message)
    };
    let InteractiveReply::List(l) = &i.reply else {
        panic!("{:?}", i.reply)
    };
    assert_eq!(
        (l.id.as_str(), l.title.as_str(), l.description.as_deref()),
        ("ID 1", "Title", Some("Description"))
    );
    assert_eq!(n.timestamp.as_deref(), Some("2021-06-07T13:38:36Z"));
}
