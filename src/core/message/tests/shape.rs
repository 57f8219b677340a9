//! What is read (shape errors rooted at `request`, tags wherever they sit) and
//! what goes on the wire for every message type.

use super::{check, wire};
use crate::core::json::parse;
use crate::core::message::send_body;
use serde_json::json;

#[test]
fn shape_errors_name_the_unknown_field() {
    let err = check(json!({"type": "text", "txt": "x"})).unwrap_err();
    assert_eq!(err, "shape: request.message.txt: is not a known field");
    let err = check(json!({"type": "audio", "url": "https://x.example/a.mp3", "caption": "no"}))
        .unwrap_err();
    assert_eq!(
        err, "shape: request.message.caption: is not a known field",
        "audio takes no caption"
    );
    // An unknown type is named by its path and the types known, never quoted.
    let err = check(json!({"type": "gif"})).unwrap_err();
    assert!(
        err.starts_with(r#"shape: request.message.type: must be one of "text", "#)
            && !err.contains("gif"),
        "{err}"
    );
}

/// Every message type puts the documented snake_case shape on the wire.
#[test]
fn wire_shapes() {
    let cases = [
        (
            json!({"type": "text", "text": "Hi", "previewUrl": true}),
            json!({"type": "text", "text": "Hi", "preview_url": true}),
        ),
        (
            json!({"type": "audio", "url": "https://x.example/a.mp3"}),
            json!({"type": "audio", "url": "https://x.example/a.mp3"}),
        ),
        (
            json!({"type": "document", "url": "https://x.example/d.pdf", "caption": "C", "filename": "d.pdf", "provider": "p"}),
            json!({"type": "document", "url": "https://x.example/d.pdf", "caption": "C", "filename": "d.pdf", "provider": "p"}),
        ),
        (
            json!({"type": "sticker", "id": "s1"}),
            json!({"type": "sticker", "id": "s1"}),
        ),
        (
            json!({"type": "location", "lat": 55.7, "lng": 13.19, "name": "Ideon"}),
            json!({"type": "location", "lat": 55.7, "lng": 13.19, "name": "Ideon"}),
        ),
        (
            json!({"type": "contacts", "contacts": [{"name": {"formattedName": "J S", "firstName": "J"}, "addresses": [{"city": "Lund", "countryCode": "SE", "type": "WORK"}], "phones": [{"phone": "+1", "waId": "1"}]}]}),
            json!({"type": "contacts", "contacts": [{"name": {"formatted_name": "J S", "first_name": "J"}, "addresses": [{"city": "Lund", "country_code": "SE", "type": "WORK"}], "phones": [{"phone": "+1", "wa_id": "1"}]}]}),
        ),
        // Upstream requires a template's media: "text" for one without.
        (
            json!({"type": "template", "templateName": "t", "bodyParams": ["b"]}),
            json!({"type": "template", "template_name": "t", "body_params": ["b"], "media": {"type": "text"}}),
        ),
        (
            json!({"type": "template", "templateName": "t", "language": "en", "headerParams": ["h"], "bodyParams": ["b"], "media": {"type": "image", "url": "https://x.example/i.jpg"}, "buttons": [{"type": "call"}, {"type": "url", "parameter": "p"}, {"type": "quick_reply", "payload": "y"}]}),
            json!({"type": "template", "template_name": "t", "language": "en", "header_params": ["h"], "body_params": ["b"], "media": {"type": "image", "url": "https://x.example/i.jpg"}, "buttons": [{"type": "call"}, {"type": "url", "parameter": "p"}, {"type": "quick_reply", "payload": "y"}]}),
        ),
        (
            json!({"type": "template", "templateName": "t", "media": {"type": "text"}}),
            json!({"type": "template", "template_name": "t", "media": {"type": "text"}}),
        ),
        (
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "video", "url": "https://x.example/v.mp4"}, "body": {"text": "B"}, "footer": {"text": "F"}, "action": {"buttons": [{"id": "1", "title": "One"}]}}}),
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "video", "url": "https://x.example/v.mp4"}, "body": {"text": "B"}, "footer": {"text": "F"}, "action": {"buttons": [{"type": "reply", "id": "1", "title": "One"}]}}}),
        ),
        (
            json!({"type": "interactive", "message": {"type": "list", "header": {"text": "H"}, "body": {"text": "B"}, "action": {"button": "Open", "sections": [{"title": "S", "rows": [{"id": "r", "title": "R", "description": "D"}]}]}}}),
            json!({"type": "interactive", "message": {"type": "list", "header": {"type": "text", "text": "H"}, "body": {"text": "B"}, "action": {"button": "Open", "sections": [{"title": "S", "rows": [{"id": "r", "title": "R", "description": "D"}]}]}}}),
        ),
    ];
    for (input, wire) in cases {
        let text = super::wire(&json!({"to": ["+46732001122"], "message": input}));
        let sent: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(sent["message"], wire, "{input}");
    }
}

#[test]
fn tagged_enums_read_the_tag_wherever_it_is() {
    let message = |text: &str| {
        let request = ["{\"to\":[\"+46732001122\"],\"message\":", text, "}"].concat();
        let value = parse(&request).unwrap_or_else(|e| panic!("{request}: {e:?}"));
        send_body(&value).map_err(|e| e.into_fields().message)
    };
    assert!(message(r#"{"text":"hi","type":"text"}"#).is_ok());
    let button = r#"{"message":{"body":{"text":"B"},"type":"button",
        "action":{"buttons":[{"id":"a","title":"A"},{"title":"B"}]}},"type":"interactive"}"#;
    assert_eq!(
        message(button).unwrap_err(),
        "request.message.message.action.buttons[1].id: is required"
    );
    assert_eq!(
        message(r#"{"type":"order"}"#).unwrap_err(),
        r#"request.message.type: must be one of "text", "image", "video", "audio", "document", "sticker", "location", "contacts", "template", "interactive""#
    );
    assert_eq!(
        message(r#"{"text":"hi"}"#).unwrap_err(),
        "request.message.type: is required"
    );
    let list = r#"{"type":"interactive","message":{"type":"list","header":{"type":"image","text":"H"},
        "body":{"text":"B"},"action":{"button":"O","sections":[]}}}"#;
    assert_eq!(
        message(list).unwrap_err(),
        "request.message.message.header.type: must be text"
    );
    // A variant without members knows its tag only: any other key is refused, at its
    // deepest path, and the variant alone is sent as its tag.
    let text_media = r#"{"type":"template","templateName":"t","media":{"type":"text","text":"x"}}"#;
    assert_eq!(
        message(text_media).unwrap_err(),
        "request.message.media.text: is not a known field"
    );
    let call = r#"{"type":"template","templateName":"t","buttons":[{"x":1,"type":"call"}]}"#;
    assert_eq!(
        message(call).unwrap_err(),
        "request.message.buttons[0].x: is not a known field"
    );
    let bare = r#"{"type":"template","templateName":"t","media":{"type":"text"},"buttons":[{"type":"call"}]}"#;
    let sent: serde_json::Value = serde_json::from_str(&message(bare).unwrap()).unwrap();
    assert_eq!(
        sent["message"],
        json!({"type": "template", "template_name": "t", "media": {"type": "text"}, "buttons": [{"type": "call"}]})
    );
}

#[test]
fn send_requests_refuse_unknown_and_repeated_keys_and_wrong_shapes() {
    let refused = |text: &str| {
        let value = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let err = send_body(&value).unwrap_err().into_fields();
        (err.field.unwrap_or_default(), err.message)
    };
    let cases = [
        (
            r#"{"to":["+1"],"message":{"type":"text","text":"x"},"cb":"x"}"#,
            "request.cb",
            "is not a known field",
        ),
        (
            r#"{"to":["+1"],"to":["+2"],"message":{"type":"text","text":"x"}}"#,
            "request.to",
            "is given twice",
        ),
        (
            r#"{"to":"+1","message":{"type":"text","text":"x"}}"#,
            "request.to",
            "must be an array",
        ),
        (
            r#"{"to":["+1",2],"message":{"type":"text","text":"x"}}"#,
            "request.to[1]",
            "must be a string",
        ),
        (r#"{"to":["+1"]}"#, "request.message", "is required"),
        (
            r#"{"to":["+1"],"message":{"type":"location","lat":"55.7","lng":13.1}}"#,
            "request.message.lat",
            "must be a number",
        ),
        (
            r#"{"to":["+1"],"message":{"type":"interactive","message":{"type":"button","body":{"text":"b","type":"text"},"action":{"buttons":[]}}}}"#,
            "request.message.message.body.type",
            "is not a known field",
        ),
        (r#""not an object""#, "request", "must be an object"),
        // A hook's place in the table is no key.
        (
            r#"{"to":["+1"],"":1,"message":{"type":"text","text":"x"}}"#,
            "request.",
            "is not a known field",
        ),
        (
            r#"{"to":["+1"],"message":{"type":"sticker","":"x","id":"s"}}"#,
            "request.message.",
            "is not a known field",
        ),
    ];
    for (text, field, rule) in cases {
        let (got_field, message) = refused(text);
        assert_eq!(got_field, field, "{text}");
        assert_eq!(message, [field, ": ", rule].concat(), "{text}");
    }
}

/// Numbers reach the wire as the caller wrote them, and the request's members keep
/// today's order: `to`, `message` (`type` first), `callback`.
#[test]
fn wire_text_is_exact() {
    let text = wire(&json!({
        "callback": "https://hooks.example.com/wa",
        "message": {"name": "Ideon", "lng": 13.191, "lat": -55.7047, "type": "location"},
        "to": ["+46732001122"],
    }));
    assert_eq!(
        text,
        r#"{"to":["+46732001122"],"message":{"type":"location","lat":-55.7047,"lng":13.191,"name":"Ideon"},"callback":"https://hooks.example.com/wa"}"#
    );
}
