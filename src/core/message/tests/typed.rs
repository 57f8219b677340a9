//! A Rust caller's typed send goes through the check a JS caller's does: written in
//! its JS form, it gives the same wire text, and its broken rules the same fields.

use super::wire;
use crate::core::config::test_config;
use crate::core::endpoints::messages::send_message;
use crate::core::json::Value as Json;
use crate::core::message::*;
use serde_json::{json, Value};

fn send(message: Message, extras: Extras) -> SendRequest {
    SendRequest {
        to: vec!["+46732001122".into()],
        message,
        callback: Some("https://hooks.example.com/wa".into()),
        extras,
    }
}

fn sent(send: &SendRequest) -> Result<String, String> {
    let config = test_config("bot", "http://127.0.0.1:9");
    send_message(&config, send)
        .map(|request| request.body.unwrap_or_default())
        .map_err(|e| e.into_fields().field.unwrap_or_default())
}

fn link(url: &str) -> MediaLink {
    MediaLink {
        url: url.into(),
        provider: None,
    }
}

#[test]
fn typed_sends_are_written_as_the_js_ones() {
    let card = ContactCard {
        name: ContactName {
            formatted_name: "J S".into(),
            first_name: Some("J".into()),
            last_name: None,
        },
        addresses: vec![Address {
            city: "Lund".into(),
            country_code: Some("SE".into()),
            ..Default::default()
        }],
        phones: vec![Phone {
            phone: "+1".into(),
            kind: None,
            wa_id: Some("1".into()),
        }],
        ..Default::default()
    };
    let template = Template {
        template_name: "t".into(),
        language: Some("en".into()),
        body_params: Some(vec!["b".into()]),
        media: Some(TemplateMedia::Document(DocumentLink {
            url: "https://x.example/d.pdf".into(),
            filename: Some("d.pdf".into()),
            provider: None,
        })),
        buttons: Some(vec![
            TemplateButton::Call,
            TemplateButton::QuickReply(QuickReplyButton {
                payload: Some("y".into()),
            }),
        ]),
        ..Default::default()
    };
    let buttons = InteractiveMessage::Button(ButtonMessage {
        header: Some(ButtonHeader::Image(link("https://x.example/i.png"))),
        body: TextPart { text: "B".into() },
        footer: None,
        action: ButtonAction {
            buttons: vec![ReplyButton {
                id: "1".into(),
                title: "One".into(),
            }],
        },
    });
    let cases: Vec<(Message, Value)> = vec![
        (
            Message::Text(Text {
                text: "Hi".into(),
                preview_url: Some(true),
            }),
            json!({"type": "text", "text": "Hi", "previewUrl": true}),
        ),
        (
            Message::Audio(link("https://x.example/a.mp3")),
            json!({"type": "audio", "url": "https://x.example/a.mp3"}),
        ),
        (
            Message::Location(Location {
                lat: Coordinate::new("-55.7047").unwrap(),
                lng: Coordinate::new("13.191").unwrap(),
                name: Some("Ideon".into()),
                address: None,
            }),
            json!({"type": "location", "lat": -55.7047, "lng": 13.191, "name": "Ideon"}),
        ),
        (
            Message::Contacts(Contacts {
                contacts: vec![card],
            }),
            json!({"type": "contacts", "contacts": [{"name": {"formattedName": "J S", "firstName": "J"}, "addresses": [{"city": "Lund", "countryCode": "SE"}], "phones": [{"phone": "+1", "waId": "1"}]}]}),
        ),
        (
            Message::Template(template),
            json!({"type": "template", "templateName": "t", "language": "en", "bodyParams": ["b"], "media": {"type": "document", "url": "https://x.example/d.pdf", "filename": "d.pdf"}, "buttons": [{"type": "call"}, {"type": "quick_reply", "payload": "y"}]}),
        ),
        (
            Message::Interactive(Interactive { message: buttons }),
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "image", "url": "https://x.example/i.png"}, "body": {"text": "B"}, "action": {"buttons": [{"id": "1", "title": "One"}]}}}),
        ),
    ];
    for (message, js) in cases {
        let request = json!({"to": ["+46732001122"], "message": js, "callback": "https://hooks.example.com/wa"});
        let typed = sent(&send(message, Extras::default()));
        assert_eq!(typed, Ok(wire(&request)), "{js}");
    }
}

#[test]
fn coordinates_are_json_numbers() {
    assert_eq!(Coordinate::new("-1e1").unwrap().as_str(), "-1e1");
    for text in ["", "1,", "\"1\"", "1 2", "NaN", "{}"] {
        assert_eq!(Coordinate::new(text), None, "{text}");
    }
}

#[test]
fn typed_sends_break_the_same_rules() {
    let sticker = Message::Sticker(Sticker {
        url: None,
        id: Some("abc".into()),
        provider: Some("p".into()),
    });
    let far = Message::Location(Location {
        lat: Coordinate::new("91").unwrap(),
        lng: Coordinate::new("0").unwrap(),
        ..Default::default()
    });
    let retired = Message::Template(Template {
        template_name: "t".into(),
        ttl: Some(Retired),
        ..Default::default()
    });
    let text = || {
        Message::Text(Text {
            text: "x".into(),
            preview_url: None,
        })
    };
    let ordered = Extras {
        channel_specific_message: Some(ChannelSpecific::OrderStatus(Json::Object(vec![]))),
        ..Default::default()
    };
    let cases = [
        (send(sticker, Extras::default()), "message.provider"),
        (send(far, Extras::default()), "message.lat"),
        // The default coordinate is empty: written as null, so the field is named as
        // a JS caller's missing one is.
        (
            send(Message::Location(Location::default()), Extras::default()),
            "request.message.lat",
        ),
        (send(retired, Extras::default()), "message.ttl"),
        (send(text(), ordered), "channelSpecificMessage"),
    ];
    for (request, field) in cases {
        assert_eq!(sent(&request), Err(field.to_owned()), "{request:?}");
    }
}
