//! What the Conversation API cannot carry is refused by its path, saying why; the
//! extras are checked and written; the standalone path refuses them.

use super::{bodies, body, buttons, envelope, refused};
use crate::core::json::parse;
use crate::core::message::send_body;
use serde_json::json;

#[test]
fn unmappable_fields_are_refused_by_path() {
    let url = "https://x.example/f";
    let card = |extra: serde_json::Value| {
        let mut card = json!({"name": {"formattedName": "A"}, "phones": [{"phone": "1"}]});
        for (key, value) in extra.as_object().unwrap() {
            card[key] = value.clone();
        }
        card
    };
    let template =
        |media: serde_json::Value| json!({"type": "template", "templateName": "t", "media": media});
    // (message, field, what the error says)
    let table = [
        (
            json!({"type": "text", "text": "x", "previewUrl": false}),
            "message.previewUrl",
            "no link preview",
        ),
        (
            json!({"type": "image", "url": url, "caption": "c"}),
            "message.caption",
            "media_message has no caption",
        ),
        (
            json!({"type": "video", "url": url, "caption": "c"}),
            "message.caption",
            "own message",
        ),
        (
            json!({"type": "document", "url": url, "caption": "c"}),
            "message.caption",
            "no caption",
        ),
        (
            json!({"type": "image", "url": url, "provider": "p"}),
            "message.provider",
            "public URL",
        ),
        (
            json!({"type": "audio", "url": url, "provider": "p"}),
            "message.provider",
            "public URL",
        ),
        (
            json!({"type": "document", "url": url, "provider": "p"}),
            "message.provider",
            "public URL",
        ),
        (
            json!({"type": "sticker", "url": url, "provider": "p"}),
            "message.provider",
            "public URL",
        ),
        (
            json!({"type": "sticker", "id": "s1"}),
            "message.id",
            "sticker ids and stickerpacks do not exist in the Conversation API",
        ),
        (
            json!({"type": "location", "lat": 1, "lng": 2, "address": "A"}),
            "message.name",
            "location_message.title",
        ),
        (
            json!({"type": "contacts", "contacts": [card(json!({})), card(json!({}))]}),
            "message.contacts",
            "each card in its own message",
        ),
        (
            json!({"type": "contacts", "contacts": [{"name": {"formattedName": "A"}}]}),
            "message.contacts[0].phones",
            "requires phone_numbers",
        ),
        (
            json!({"type": "contacts", "contacts": [card(json!({"phones": [{"phone": "1"}, {"phone": "2", "waId": "2"}]}))]}),
            "message.contacts[0].phones[1].waId",
            "no WhatsApp id",
        ),
        (
            json!({"type": "contacts", "contacts": [card(json!({"addresses": [{"city": "L", "street": "S"}]}))]}),
            "message.contacts[0].addresses[0].street",
            "no street",
        ),
        (
            template(json!({"type": "image", "url": url, "provider": "p"})),
            "message.media.provider",
            "public URL",
        ),
        (
            template(json!({"type": "document", "url": url, "provider": "p"})),
            "message.media.provider",
            "public URL",
        ),
        (
            buttons(
                Some(json!({"type": "video", "url": url, "provider": "p"})),
                None,
            ),
            "message.message.header.provider",
            "public URL",
        ),
        (
            buttons(Some(json!({"type": "text", "text": "H"})), Some("F")),
            "message.message.footer",
            "card_message, which has no footer",
        ),
        (
            buttons(Some(json!({"type": "image", "url": url})), Some("F")),
            "message.message.footer",
            "no footer",
        ),
        (
            json!({"type": "interactive", "message": {"type": "list", "body": {"text": "B"}, "footer": {"text": "F"},
                "action": {"button": "Open", "sections": [{"title": "S", "rows": [{"id": "r", "title": "R"}]}]}}}),
            "message.message.footer",
            "list_message has no footer",
        ),
    ];
    for (message, field, says) in table {
        refused(message, field, says);
    }
}

#[test]
fn reply_buttons_follow_whatsapps_native_limits() {
    let two = |first: serde_json::Value, second: serde_json::Value| {
        json!({"type": "interactive", "message": {"type": "button", "body": {"text": "B"},
            "action": {"buttons": [first, second]}}})
    };
    let long = "i".repeat(229);
    assert!(body(two(
        json!({"id": long, "title": "A"}),
        json!({"id": "b", "title": "B"})
    ))
    .is_ok());
    refused(
        two(
            json!({"id": "a", "title": "A"}),
            json!({"id": "i".repeat(230), "title": "B"}),
        ),
        "message.message.action.buttons[1].id",
        "1 to 229 characters",
    );
    // Under this API every id's bound reads 229, an empty one's too (the standalone 230
    // is never named).
    for id in [String::new(), "i".repeat(231)] {
        let chars = id.len().to_string();
        refused(
            two(
                json!({"id": "a", "title": "A"}),
                json!({"id": id, "title": "B"}),
            ),
            "message.message.action.buttons[1].id",
            &["must be 1 to 229 characters (has ", &chars, ")"].concat(),
        );
    }
    refused(
        two(
            json!({"id": "a", "title": "Same"}),
            json!({"id": "b", "title": "Same"}),
        ),
        "message.message.action.buttons[1].title",
        "must be unique in the message",
    );
}

#[test]
fn reply_button_titles_hold_no_markdown() {
    let message = |title: &str| {
        json!({"type": "interactive", "message": {"type": "button", "body": {"text": "B"},
            "action": {"buttons": [{"id": "a", "title": "Fine"}, {"id": "b", "title": title}]}}})
    };
    let says = "must hold no markdown (`, *, _ or ~ around text)";
    let markdown = [
        "`code`",
        "a ` b",
        "```",
        "~~~",
        "***",
        "___",
        "*bold*",
        "_it_",
        "~strike~",
        "**b**",
        "a *b c* d",
        "x*y*",
        "a_b_c",
        "2*3*4",
        "*a b*",
        "_x_ ok",
    ];
    for title in markdown {
        refused(
            message(title),
            "message.message.action.buttons[1].title",
            says,
        );
        // With a header the buttons are a card_message's choices: the same rule.
        let mut card = message(title);
        card["message"]["header"] = json!({"type": "text", "text": "H"});
        refused(card, "message.message.action.buttons[1].title", says);
    }
    let plain = [
        "a * b * c",
        "5*3",
        "* star",
        "a_b",
        "_",
        "~ 5 ~",
        "**",
        "~a ~",
        "snake_case",
        "Yes!",
        "50% off",
        "a - b",
        "#1 > #2",
        "Ünïcödé * ok",
    ];
    for title in plain {
        assert!(body(message(title)).is_ok(), "{title}");
    }
    // The standalone API has no such rule: its buttons were WhatsApp's own.
    let request = json!({"to": ["+46732001122"], "message": message("*bold*")});
    assert!(send_body(&parse(&request.to_string()).unwrap()).is_ok());
}

fn with_extras(extras: serde_json::Value) -> Result<Vec<String>, (String, String)> {
    let mut request = json!({"to": ["+46732001122"], "message": {"type": "text", "text": "Hi"}});
    for (key, value) in extras.as_object().unwrap() {
        request[key] = value.clone();
    }
    bodies(request)
}

#[test]
fn the_extras_are_checked() {
    let flow = |extra: serde_json::Value| {
        let mut message = json!({"flowId": "f1", "flowCta": "Go"});
        for (key, value) in extra.as_object().unwrap() {
            message[key] = value.clone();
        }
        json!({"channelSpecificMessage": {"messageType": "FLOWS", "message": message}})
    };
    let flow_path = |leaf: &str| ["channelSpecificMessage.message.", leaf].concat();
    let table = [
        (
            json!({"correlationId": "x".repeat(129)}),
            "correlationId".to_owned(),
            "1 to 128",
        ),
        (
            json!({"correlationId": ""}),
            "correlationId".to_owned(),
            "1 to 128",
        ),
        (
            json!({"ttl": 2}),
            "ttl".to_owned(),
            "from 3 to 315576000000",
        ),
        (
            json!({"ttl": 315576000001u64}),
            "ttl".to_owned(),
            "from 3 to 315576000000",
        ),
        (
            json!({"ttl": 1.5}),
            "request.ttl".to_owned(),
            "whole number",
        ),
        (
            json!({"ttl": "3s"}),
            "request.ttl".to_owned(),
            "whole number",
        ),
        (
            json!({"channelSpecificMessage": {"messageType": "FLOW", "message": {}}}),
            "request.channelSpecificMessage.messageType".to_owned(),
            r#""FLOWS", "ORDER_DETAILS", "ORDER_STATUS""#,
        ),
        (
            json!({"channelSpecificMessage": {"messageType": "FLOWS"}}),
            "request.channelSpecificMessage.message".to_owned(),
            "is required",
        ),
        (
            json!({"channelSpecificMessage": {"messageType": "ORDER_STATUS", "message": []}}),
            "request.channelSpecificMessage.message".to_owned(),
            "must be an object",
        ),
        (
            json!({"channelSpecificMessage": {"messageType": "FLOWS", "message": {"flowCta": "Go"}}}),
            "request.channelSpecificMessage.message.flowId".to_owned(),
            "is required",
        ),
        (
            flow(json!({"flow_id": "x"})),
            "request.channelSpecificMessage.message.flow_id".to_owned(),
            "not a known field",
        ),
        (
            flow(json!({"flowId": ""})),
            flow_path("flowId"),
            "must not be empty",
        ),
        (
            flow(json!({"flowCta": "x".repeat(21)})),
            flow_path("flowCta"),
            "1 to 20",
        ),
        (
            flow(json!({"flowMode": "live"})),
            flow_path("flowMode"),
            r#"must be "draft" or "published""#,
        ),
        (
            flow(json!({"flowAction": "go"})),
            flow_path("flowAction"),
            r#"must be "navigate" or "data_exchange""#,
        ),
        (
            flow(json!({"body": {"text": "x".repeat(1025)}})),
            flow_path("body.text"),
            "1 to 1024",
        ),
        (
            flow(json!({"footer": {"text": "x".repeat(61)}})),
            flow_path("footer.text"),
            "1 to 60",
        ),
        (
            flow(json!({"header": {"type": "text", "text": "x".repeat(61)}})),
            flow_path("header.text"),
            "1 to 60",
        ),
        (
            flow(json!({"header": {"type": "image", "image": {"link": "ftp://x"}}})),
            flow_path("header.image.link"),
            "http(s) URL",
        ),
        (
            flow(json!({"header": {"type": "video"}})),
            "request.channelSpecificMessage.message.header.video".to_owned(),
            "is required",
        ),
        (
            flow(json!({"header": {"type": "gif"}})),
            "request.channelSpecificMessage.message.header.type".to_owned(),
            "must be one of",
        ),
        (
            flow(json!({"flowActionPayload": {"data": 5}})),
            "request.channelSpecificMessage.message.flowActionPayload.data".to_owned(),
            "must be an object",
        ),
    ];
    for (extras, field, says) in table {
        let (got, text) = with_extras(extras.clone()).expect_err(&extras.to_string());
        assert_eq!(got, field, "{extras}: {text}");
        assert!(text.contains(says), "{extras}: {text}");
    }
}

#[test]
fn channel_specific_messages_are_written_in_wire_names() {
    let flows = json!({"channelSpecificMessage": {"messageType": "FLOWS", "message": {
        "flowId": "f1", "flowCta": "Book", "flowToken": "t", "flowMode": "draft", "flowAction": "navigate",
        "flowActionPayload": {"screen": "S1", "data": {"someKey": [1, "x"]}},
        "header": {"type": "document", "document": {"link": "https://x/d.pdf"}},
        "body": {"text": "B"}, "footer": {"text": "F"}}}});
    let expected = concat!(
        r#"{"text_message":{"text":"Hi"},"channel_specific_message":{"WHATSAPP":{"message_type":"FLOWS","message":{"#,
        r#""flow_id":"f1","flow_cta":"Book","flow_token":"t","flow_mode":"draft","flow_action":"navigate","#,
        r#""flow_action_payload":{"screen":"S1","data":{"someKey":[1,"x"]}},"#,
        r#""header":{"type":"document","document":{"link":"https://x/d.pdf"}},"body":{"text":"B"},"footer":{"text":"F"}}}}}"#
    );
    assert_eq!(with_extras(flows), Ok(vec![envelope(expected)]));
    let text_header = json!({"channelSpecificMessage": {"messageType": "FLOWS", "message": {
        "flowId": "f1", "flowCta": "Go", "header": {"type": "text", "text": "H"}}}});
    assert!(with_extras(text_header).unwrap()[0].contains(
        r#""message":{"flow_id":"f1","flow_cta":"Go","header":{"type":"text","text":"H"}}"#
    ));
    for kind in ["ORDER_DETAILS", "ORDER_STATUS"] {
        let order = json!({"channelSpecificMessage": {"messageType": kind,
            "message": {"reference_id": "r1", "order": {"status": "pending"}}}});
        let expected = [
            r#"{"text_message":{"text":"Hi"},"channel_specific_message":{"WHATSAPP":{"message_type":""#,
            kind,
            r#"","message":{"order":{"status":"pending"},"reference_id":"r1"}}}}"#,
        ]
        .concat();
        assert_eq!(with_extras(order), Ok(vec![envelope(&expected)]), "{kind}");
    }
}

/// Under `api: "whatsapp"` each extra is `invalid_argument`, before anything is sent.
#[test]
fn the_standalone_path_refuses_the_extras() {
    for (key, value) in [
        ("correlationId", json!("c")),
        ("ttl", json!(60)),
        (
            "channelSpecificMessage",
            json!({"messageType": "ORDER_STATUS", "message": {}}),
        ),
    ] {
        let mut request =
            json!({"to": ["+46732001122"], "message": {"type": "text", "text": "Hi"}});
        request[key] = value;
        let value = parse(&request.to_string()).unwrap();
        let err = send_body(&value).unwrap_err().into_fields();
        assert_eq!(err.code.as_str(), "invalid_argument");
        assert_eq!(err.field.as_deref(), Some(key));
        assert_eq!(
            err.message,
            [key, r#": is only for api: "conversation""#].concat()
        );
    }
}
