//! Every documented rule, with a passing and a failing case (table-driven); the
//! shapes read and written are in [`shape`].

mod shape;
mod typed;

use super::*;
use crate::core::error::Result;
use crate::core::json::parse;
use serde_json::{json, Value};

/// The check and wire body of a send written as JS writes it (`JSON.stringify`).
/// `json!` sorts keys, so `type` is often not first: nothing may depend on key order.
fn send(value: &Value) -> Result<String> {
    let text = value.to_string();
    let value = parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    send_body(&value)
}

/// Checks a send of a JS-style (camelCase) message: a shape error (rooted at
/// `request`) as `shape: <its text>`, a broken rule as the field it names.
fn check(message: Value) -> std::result::Result<(), String> {
    match send(&json!({"to": ["+46732001122"], "message": message})) {
        Ok(_) => Ok(()),
        Err(e) => {
            let e = e.into_fields();
            let field = e.field.unwrap_or_default();
            if field.starts_with("request") {
                Err(format!("shape: {}", e.message))
            } else {
                Err(field)
            }
        }
    }
}

/// The wire text of `send`, a valid send.
fn wire(value: &Value) -> String {
    send(value).unwrap_or_else(|e| panic!("{value}: {e:?}"))
}

fn rows(n: usize, prefix: &str) -> Vec<Value> {
    (0..n)
        .map(|i| json!({"id": format!("{prefix}{i}"), "title": "Row"}))
        .collect()
}

fn list(sections: Vec<Value>) -> Value {
    json!({"type": "interactive", "message": {"type": "list", "body": {"text": "Pick"}, "action": {"button": "Open", "sections": sections}}})
}

fn buttons(list: Vec<Value>) -> Value {
    json!({"type": "interactive", "message": {"type": "button", "body": {"text": "Pick"}, "action": {"buttons": list}}})
}

fn reply(id: &str, title: &str) -> Value {
    json!({"type": "reply", "id": id, "title": title})
}

#[test]
fn every_rule_passes_and_fails() {
    let long = |n: usize| "é".repeat(n);
    let card = |extra: Value| {
        let mut card = json!({"name": {"formattedName": "Ada Lovelace"}});
        card.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({"type": "contacts", "contacts": [card]})
    };
    // (rule, passing message, failing message, field the failure names)
    let table: Vec<(&str, Value, Value, &str)> = vec![
        (
            "text 1..=4096 chars",
            json!({"type": "text", "text": long(4096)}),
            json!({"type": "text", "text": long(4097)}),
            "message.text",
        ),
        (
            "text not empty",
            json!({"type": "text", "text": "x", "previewUrl": true}),
            json!({"type": "text", "text": ""}),
            "message.text",
        ),
        (
            "media url is http(s)",
            json!({"type": "image", "url": "https://x.example/a.jpg", "caption": "c"}),
            json!({"type": "image", "url": "ftp://x.example/a.jpg"}),
            "message.url",
        ),
        (
            "media url has a host",
            json!({"type": "video", "url": "http://x.example/v.mp4"}),
            json!({"type": "video", "url": "https:///v.mp4"}),
            "message.url",
        ),
        (
            "provider charset",
            json!({"type": "document", "url": "https://x.example/d.pdf", "provider": "my_prov-A2"}),
            json!({"type": "document", "url": "https://x.example/d.pdf", "provider": "prov.1"}),
            "message.provider",
        ),
        (
            "sticker by url",
            json!({"type": "sticker", "url": "https://x.example/s.webp"}),
            json!({"type": "sticker"}),
            "message.url",
        ),
        (
            "sticker url xor id",
            json!({"type": "sticker", "id": "abc"}),
            json!({"type": "sticker", "id": "abc", "url": "https://x.example/s.webp"}),
            "message.url",
        ),
        (
            "sticker provider only with url",
            json!({"type": "sticker", "url": "https://x.example/s.webp", "provider": "p"}),
            json!({"type": "sticker", "id": "abc", "provider": "p"}),
            "message.provider",
        ),
        (
            "sticker url is https, or http on loopback",
            json!({"type": "sticker", "url": "http://127.0.0.1:8080/s.webp"}),
            json!({"type": "sticker", "url": "http://x.example/s.webp"}),
            "message.url",
        ),
        (
            "sticker url is not another scheme",
            json!({"type": "sticker", "url": "HTTPS://x.example/s.webp"}),
            json!({"type": "sticker", "url": "ftp://x.example/s.webp"}),
            "message.url",
        ),
        (
            "sticker http url on a host that only looks like loopback",
            json!({"type": "sticker", "url": "http://localhost/s.webp"}),
            json!({"type": "sticker", "url": "http://127.0.0.1.nip.io/s.webp"}),
            "message.url",
        ),
        (
            "sticker loopback url without a backslash",
            json!({"type": "sticker", "url": "http://[::1]:8/s.webp"}),
            json!({"type": "sticker", "url": "http://127.0.0.1\\@evil.example/s.webp"}),
            "message.url",
        ),
        (
            "sticker id with : or / is a URL",
            json!({"type": "sticker", "id": "4316843a-874b-4530-86a2-1ab55c53cd3f"}),
            json!({"type": "sticker", "id": "ftp://x.example/s.webp"}),
            "message.id",
        ),
        (
            "latitude -90..=90",
            json!({"type": "location", "lat": -90.0, "lng": 180.0}),
            json!({"type": "location", "lat": 90.5, "lng": 0.0}),
            "message.lat",
        ),
        (
            "longitude -180..=180",
            json!({"type": "location", "lat": 0.0, "lng": -180.0, "name": "N", "address": "A"}),
            json!({"type": "location", "lat": 0.0, "lng": -180.1}),
            "message.lng",
        ),
        (
            "at least one contact card",
            card(json!({})),
            json!({"type": "contacts", "contacts": []}),
            "message.contacts",
        ),
        (
            "card needs a formatted name",
            card(json!({"phones": [{"phone": "+1 650", "type": "WORK", "waId": "1650"}]})),
            json!({"type": "contacts", "contacts": [{"name": {"formattedName": ""}}]}),
            "message.contacts[0].name.formattedName",
        ),
        (
            "birthday YYYY-MM-DD",
            card(json!({"birthday": "2012-08-18"})),
            card(json!({"birthday": "18/08/2012"})),
            "message.contacts[0].birthday",
        ),
        (
            "address needs a city",
            card(json!({"addresses": [{"city": "Lund", "countryCode": "SE"}]})),
            card(json!({"addresses": [{"city": ""}]})),
            "message.contacts[0].addresses[0].city",
        ),
        (
            "email needs an address",
            card(json!({"emails": [{"email": "a@b.c"}]})),
            card(json!({"emails": [{"email": "", "type": "WORK"}]})),
            "message.contacts[0].emails[0].email",
        ),
        (
            "org needs a company",
            card(json!({"org": {"company": "Sinch"}})),
            card(json!({"org": {"company": ""}})),
            "message.contacts[0].org.company",
        ),
        (
            "template name required",
            json!({"type": "template", "templateName": "t"}),
            json!({"type": "template", "templateName": ""}),
            "message.templateName",
        ),
        (
            "template language code",
            json!({"type": "template", "templateName": "t", "language": "pt_BR"}),
            json!({"type": "template", "templateName": "t", "language": "english"}),
            "message.language",
        ),
        (
            "header params ≤60 in all",
            json!({"type": "template", "templateName": "t", "headerParams": [long(30), long(30)]}),
            json!({"type": "template", "templateName": "t", "headerParams": [long(30), long(31)]}),
            "message.headerParams",
        ),
        (
            "body params ≤1024 in all",
            json!({"type": "template", "templateName": "t", "bodyParams": [long(1024)]}),
            json!({"type": "template", "templateName": "t", "bodyParams": [long(1000), long(25)]}),
            "message.bodyParams",
        ),
        (
            "params not empty",
            json!({"type": "template", "templateName": "t", "bodyParams": ["a"]}),
            json!({"type": "template", "templateName": "t", "bodyParams": ["a", ""]}),
            "message.bodyParams[1]",
        ),
        (
            "template media url",
            json!({"type": "template", "templateName": "t", "media": {"type": "document", "url": "https://x.example/d.pdf", "filename": "d.pdf"}}),
            json!({"type": "template", "templateName": "t", "media": {"type": "image", "url": "nope"}}),
            "message.media.url",
        ),
        (
            "template text media",
            json!({"type": "template", "templateName": "t", "media": {"type": "text"}}),
            json!({"type": "template", "templateName": "t", "media": {"type": "video", "url": "https://x.example/v.mp4", "provider": "p 1"}}),
            "message.media.provider",
        ),
        (
            "template buttons",
            json!({"type": "template", "templateName": "t", "buttons": [{"type": "call"}, {"type": "url", "parameter": "p"}, {"type": "quick_reply", "payload": "y"}]}),
            json!({"type": "template", "templateName": "t", "buttons": [{"type": "url", "parameter": ""}]}),
            "message.buttons[0].parameter",
        ),
        (
            "ttl is retired",
            json!({"type": "template", "templateName": "t"}),
            json!({"type": "template", "templateName": "t", "ttl": "P1D"}),
            "message.ttl",
        ),
        (
            "params is retired",
            json!({"type": "template", "templateName": "t", "bodyParams": ["x"]}),
            json!({"type": "template", "templateName": "t", "params": ["x"]}),
            "message.params",
        ),
        (
            "1-3 reply buttons",
            buttons(vec![reply("a", "A"), reply("b", "B"), reply("c", "C")]),
            buttons(vec![
                reply("a", "A"),
                reply("b", "B"),
                reply("c", "C"),
                reply("d", "D"),
            ]),
            "message.message.action.buttons",
        ),
        (
            "at least one button",
            buttons(vec![json!({"id": "a", "title": "A"})]),
            buttons(vec![]),
            "message.message.action.buttons",
        ),
        (
            "button id ≤230",
            buttons(vec![reply(&long(230), "A")]),
            buttons(vec![reply(&long(231), "A")]),
            "message.message.action.buttons[0].id",
        ),
        (
            "button ids unique",
            buttons(vec![reply("a", "A"), reply("b", "A")]),
            buttons(vec![reply("a", "A"), reply("a", "B")]),
            "message.message.action.buttons[1].id",
        ),
        (
            "button title ≤20",
            buttons(vec![reply("a", &long(20))]),
            buttons(vec![reply("a", &long(21))]),
            "message.message.action.buttons[0].title",
        ),
        (
            "button header text ≤60",
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "text", "text": long(60)}, "body": {"text": "b"}, "action": {"buttons": [reply("a", "A")]}}}),
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "text", "text": long(61)}, "body": {"text": "b"}, "action": {"buttons": [reply("a", "A")]}}}),
            "message.message.header.text",
        ),
        (
            "button media header url",
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "image", "url": "https://x.example/i.png"}, "body": {"text": "b"}, "action": {"buttons": [reply("a", "A")]}}}),
            json!({"type": "interactive", "message": {"type": "button", "header": {"type": "video", "url": "x"}, "body": {"text": "b"}, "action": {"buttons": [reply("a", "A")]}}}),
            "message.message.header.url",
        ),
        (
            "body 1..=1024",
            json!({"type": "interactive", "message": {"type": "button", "body": {"text": long(1024)}, "action": {"buttons": [reply("a", "A")]}}}),
            json!({"type": "interactive", "message": {"type": "button", "body": {"text": long(1025)}, "action": {"buttons": [reply("a", "A")]}}}),
            "message.message.body.text",
        ),
        (
            "footer ≤60",
            json!({"type": "interactive", "message": {"type": "button", "body": {"text": "b"}, "footer": {"text": long(60)}, "action": {"buttons": [reply("a", "A")]}}}),
            json!({"type": "interactive", "message": {"type": "button", "body": {"text": "b"}, "footer": {"text": long(61)}, "action": {"buttons": [reply("a", "A")]}}}),
            "message.message.footer.text",
        ),
        (
            "1-10 sections",
            list(
                (0..10)
                    .map(|i| json!({"title": "S", "rows": rows(1, &format!("s{i}-"))}))
                    .collect(),
            ),
            list(
                (0..11)
                    .map(|i| json!({"title": "S", "rows": rows(1, &format!("s{i}-"))}))
                    .collect(),
            ),
            "message.message.action.sections",
        ),
        (
            "10 rows in all",
            list(vec![
                json!({"title": "A", "rows": rows(5, "a")}),
                json!({"title": "B", "rows": rows(5, "b")}),
            ]),
            list(vec![
                json!({"title": "A", "rows": rows(5, "a")}),
                json!({"title": "B", "rows": rows(6, "b")}),
            ]),
            "message.message.action.sections",
        ),
        (
            "a section has rows",
            list(vec![json!({"title": "A", "rows": rows(1, "a")})]),
            list(vec![json!({"title": "A", "rows": []})]),
            "message.message.action.sections[0].rows",
        ),
        (
            "section title ≤24",
            list(vec![json!({"title": long(24), "rows": rows(1, "a")})]),
            list(vec![json!({"title": long(25), "rows": rows(1, "a")})]),
            "message.message.action.sections[0].title",
        ),
        (
            "row ids unique across sections",
            list(vec![
                json!({"title": "A", "rows": rows(2, "a")}),
                json!({"title": "B", "rows": rows(2, "b")}),
            ]),
            list(vec![
                json!({"title": "A", "rows": rows(2, "a")}),
                json!({"title": "B", "rows": rows(2, "a")}),
            ]),
            "message.message.action.sections[1].rows[0].id",
        ),
        (
            "row id ≤174",
            list(vec![
                json!({"title": "A", "rows": [{"id": long(174), "title": "T"}]}),
            ]),
            list(vec![
                json!({"title": "A", "rows": [{"id": long(175), "title": "T"}]}),
            ]),
            "message.message.action.sections[0].rows[0].id",
        ),
        (
            "row description ≤72",
            list(vec![
                json!({"title": "A", "rows": [{"id": "a", "title": "T", "description": long(72)}]}),
            ]),
            list(vec![
                json!({"title": "A", "rows": [{"id": "a", "title": "T", "description": long(73)}]}),
            ]),
            "message.message.action.sections[0].rows[0].description",
        ),
        (
            "list button ≤20",
            list(vec![json!({"title": "A", "rows": rows(1, "a")})]),
            json!({"type": "interactive", "message": {"type": "list", "body": {"text": "b"}, "action": {"button": long(21), "sections": [{"title": "A", "rows": rows(1, "a")}]}}}),
            "message.message.action.button",
        ),
    ];
    for (rule, pass, fail, field) in table {
        assert_eq!(check(pass.clone()), Ok(()), "{rule}: should pass: {pass}");
        assert_eq!(
            check(fail.clone()),
            Err(field.to_string()),
            "{rule}: should fail naming {field}: {fail}"
        );
    }
}

#[test]
fn recipients_and_callback() {
    let send = |to: Value, callback: Option<&str>| {
        let mut body = json!({"to": to, "message": {"type": "text", "text": "x"}});
        if let Some(url) = callback {
            body["callback"] = json!(url);
        }
        send(&body)
            .map(|_| ())
            .map_err(|e| e.into_fields().field.unwrap_or_default())
    };
    assert_eq!(send(json!(vec!["+46732001122"; 20]), None), Ok(()));
    assert_eq!(
        send(json!(vec!["+46732001122"; 21]), None),
        Err("to".into())
    );
    assert_eq!(send(json!([]), None), Err("to".into()));
    for bad in [
        "",
        "+",
        "123456",
        "0732001122",
        "+46 73 200",
        "+1234567890123456",
        "abc1234567",
    ] {
        assert_eq!(
            send(json!(["46732001122", bad]), None),
            Err("to[1]".into()),
            "{bad}"
        );
    }
    assert_eq!(
        send(json!(["46732001122"]), Some("https://hooks.example.com/wa")),
        Ok(())
    );
    assert_eq!(
        send(json!(["46732001122"]), Some("ftp://x")),
        Err("callback".into())
    );
}
