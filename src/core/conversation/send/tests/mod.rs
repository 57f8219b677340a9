//! Every message type's exact body, and the standalone rules first; every refusal,
//! the extras and the standalone path's refusal of them are in [`refusals`].

mod refusals;

use super::send_tail;
use crate::core::json::parse;
use serde_json::{json, Value};

/// The bodies of a JS-style request (read as it crosses from JS), or the error's
/// field and message.
fn bodies(request: Value) -> Result<Vec<String>, (String, String)> {
    bodies_of(&request.to_string())
}

/// [`bodies`] of a request's JSON text.
fn bodies_of(text: &str) -> Result<Vec<String>, (String, String)> {
    let value = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    let fields = |e: crate::core::error::Error| {
        let e = e.into_fields();
        (e.field.unwrap_or_default(), e.message)
    };
    let tail = send_tail(&value).map_err(fields)?;
    Ok(joined(value.get("to").unwrap(), &tail))
}

/// Each recipient's body as the JS face puts it together: the head, the number
/// without `+`, the tail.
fn joined(to: &crate::core::json::Value, tail: &str) -> Vec<String> {
    let numbers = match to {
        crate::core::json::Value::Array(numbers) => numbers.as_slice(),
        _ => &[],
    };
    let head = crate::core::conversation::head("app-1");
    numbers
        .iter()
        .map(|n| {
            let n = n.as_str().unwrap();
            [&head, n.strip_prefix('+').unwrap_or(n), tail].concat()
        })
        .collect()
}

/// The one body of `message` sent to +46732001122.
fn body(message: Value) -> Result<String, (String, String)> {
    let mut all = bodies(json!({"to": ["+46732001122"], "message": message}))?;
    assert_eq!(all.len(), 1);
    Ok(all.remove(0))
}

/// The envelope around `message` (its JSON text) for 46732001122.
fn envelope(message: &str) -> String {
    [
        r#"{"app_id":"app-1","recipient":{"identified_by":{"channel_identities":[{"channel":"WHATSAPP","identity":"46732001122"}]}},"message":"#,
        message,
        "}",
    ]
    .concat()
}

/// The error of `message`: its field, and whether its message contains `says`.
fn refused(message: Value, field: &str, says: &str) {
    let (got, text) = body(message.clone()).expect_err(&message.to_string());
    assert_eq!(got, field, "{message}: {text}");
    assert!(
        text.starts_with(&[field, ": "].concat()) && text.contains(says),
        "{message}: {text}"
    );
}

#[test]
fn every_message_type_has_its_exact_body() {
    let url = "https://x.example/f";
    let cases = [
        (
            json!({"type": "text", "text": "Hi \"you\""}),
            r#"{"text_message":{"text":"Hi \"you\""}}"#.to_owned(),
        ),
        (
            json!({"type": "image", "url": url}),
            format!(r#"{{"media_message":{{"url":"{url}"}}}}"#),
        ),
        (
            json!({"type": "video", "url": url}),
            format!(r#"{{"media_message":{{"url":"{url}"}}}}"#),
        ),
        (
            json!({"type": "audio", "url": url}),
            format!(r#"{{"media_message":{{"url":"{url}"}}}}"#),
        ),
        (
            json!({"type": "document", "url": url, "filename": "a.pdf"}),
            format!(r#"{{"media_message":{{"url":"{url}","filename_override":"a.pdf"}}}}"#),
        ),
        (
            json!({"type": "sticker", "url": url}),
            format!(r#"{{"media_message":{{"url":"{url}"}}}}"#),
        ),
        (
            json!({"type": "location", "lat": 55.7, "lng": -13.19, "name": "Ideon"}),
            r#"{"location_message":{"coordinates":{"latitude":55.7,"longitude":-13.19},"title":"Ideon"}}"#.to_owned(),
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(body(message.clone()), Ok(envelope(&expected)), "{message}");
    }
    // Coordinates keep the caller's decimal text: no float is parsed or formatted.
    let request = r#"{"to":["46732001122"],"message":{"type":"location","lat":55.70000000000000001,"lng":-1319E-2,"name":"Ideon","address":"Lund"}}"#;
    let expected = r#"{"location_message":{"coordinates":{"latitude":55.70000000000000001,"longitude":-1319E-2},"title":"Ideon","label":"Lund"}}"#;
    assert_eq!(bodies_of(request), Ok(vec![envelope(expected)]));
}

#[test]
fn a_contact_card_maps_field_by_field() {
    let card = json!({
        "name": {"formattedName": "Ada L", "firstName": "Ada", "lastName": "L"},
        "phones": [{"phone": "+1 650", "type": "WORK"}, {"phone": "+2"}],
        "addresses": [{"city": "Lund", "zip": "223", "state": "Skåne", "country": "Sweden", "countryCode": "SE", "type": "HOME"}],
        "emails": [{"email": "a@x.example", "type": "WORK"}],
        "org": {"company": "Sinch", "department": "R&D", "title": "Eng"},
        "urls": [{"url": "https://x.example", "type": "HOME"}],
        "birthday": "1815-12-10"
    });
    let expected = concat!(
        r#"{"contact_info_message":{"name":{"full_name":"Ada L","first_name":"Ada","last_name":"L"},"#,
        r#""phone_numbers":[{"phone_number":"+1 650","type":"WORK"},{"phone_number":"+2"}],"#,
        r#""addresses":[{"city":"Lund","country":"Sweden","state":"Skåne","zip":"223","type":"HOME","country_code":"SE"}],"#,
        r#""email_addresses":[{"email_address":"a@x.example","type":"WORK"}],"#,
        r#""organization":{"company":"Sinch","department":"R&D","title":"Eng"},"#,
        r#""urls":[{"url":"https://x.example","type":"HOME"}],"birthday":"1815-12-10"}}"#
    );
    assert_eq!(
        body(json!({"type": "contacts", "contacts": [card]})),
        Ok(envelope(expected))
    );
    // Empty lists and `null`s are left out, as absent ones.
    let minimal = json!({"name": {"formattedName": "B", "lastName": null}, "phones": [{"phone": "1"}],
        "addresses": [], "emails": [], "urls": [], "org": null});
    assert_eq!(
        body(json!({"type": "contacts", "contacts": [minimal]})),
        Ok(envelope(
            r#"{"contact_info_message":{"name":{"full_name":"B"},"phone_numbers":[{"phone_number":"1"}]}}"#
        ))
    );
}

#[test]
fn templates_use_the_parameter_key_grammar() {
    let message = json!({
        "type": "template", "templateName": "order_update", "language": "en-US",
        "headerParams": ["H"], "bodyParams": ["Ada", "#1234"],
        "media": {"type": "document", "url": "https://x/inv.pdf", "filename": "inv.pdf"},
        "buttons": [{"type": "url", "parameter": "1234"}, {"type": "call"}, {"type": "quick_reply", "payload": "STOP"}, {"type": "quick_reply"}, {"type": "url"}]
    });
    let expected = concat!(
        r#"{"template_message":{"channel_template":{"WHATSAPP":{"template_id":"order_update","language_code":"en_US","parameters":{"#,
        r#""header[1]text":"H","header[1]document.link":"https://x/inv.pdf","header[1]document.filename":"inv.pdf","#,
        r##""body[1]text":"Ada","body[2]text":"#1234","button[0]url[1]text":"1234","##,
        r#""button[2]quick_reply[1]payload":"STOP","button[3]quick_reply[1]payload":""}}}}}"#
    );
    assert_eq!(body(message), Ok(envelope(expected)));
    let expected = concat!(
        r#"{"template_message":{"channel_template":{"WHATSAPP":{"template_id":"t","language_code":"en","parameters":{"#,
        r#""header[1]image.link":"https://x/i.jpg"}}}}}"#
    );
    let image = json!({"type": "template", "templateName": "t", "media": {"type": "image", "url": "https://x/i.jpg"}});
    assert_eq!(
        body(image),
        Ok(envelope(expected)),
        "language defaults to en"
    );
    let video = json!({"type": "template", "templateName": "t", "language": "pt_BR", "media": {"type": "video", "url": "https://x/v.mp4"}});
    assert!(body(video).unwrap().contains(
        r#""language_code":"pt_BR","parameters":{"header[1]video.link":"https://x/v.mp4"}"#
    ));
    // The underscore form is still checked by the standalone rule.
    refused(
        json!({"type": "template", "templateName": "t", "language": "en-US-x"}),
        "message.language",
        "language code",
    );
}

fn buttons(header: Option<Value>, footer: Option<&str>) -> Value {
    let mut message = json!({"type": "button", "body": {"text": "Pick"}, "action": {"buttons": [
        {"type": "reply", "id": "a", "title": "Yes"}, {"id": "b", "title": "No"}]}});
    if let Some(header) = header {
        message["header"] = header;
    }
    if let Some(footer) = footer {
        message["footer"] = json!({"text": footer});
    }
    json!({"type": "interactive", "message": message})
}

const CHOICES: &str = r#""choices":[{"text_message":{"text":"Yes"},"postback_data":"a"},{"text_message":{"text":"No"},"postback_data":"b"}]"#;

#[test]
fn reply_buttons_are_a_choice_or_a_card() {
    let cases = [
        (
            buttons(None, Some("F")),
            format!(
                r#"{{"choice_message":{{"text_message":{{"text":"Pick"}},{CHOICES},"message_properties":{{"whatsapp_footer":"F"}}}}}}"#
            ),
        ),
        (
            buttons(None, None),
            format!(r#"{{"choice_message":{{"text_message":{{"text":"Pick"}},{CHOICES}}}}}"#),
        ),
        (
            buttons(Some(json!({"type": "text", "text": "Head"})), None),
            format!(
                r#"{{"card_message":{{"description":"Pick",{CHOICES},"message_properties":{{"whatsapp_header":"Head"}}}}}}"#
            ),
        ),
        (
            buttons(
                Some(json!({"type": "image", "url": "https://x/i.jpg"})),
                None,
            ),
            format!(
                r#"{{"card_message":{{"description":"Pick","media_message":{{"url":"https://x/i.jpg"}},{CHOICES}}}}}"#
            ),
        ),
        (
            buttons(
                Some(json!({"type": "document", "url": "https://x/d.pdf", "filename": "d.pdf"})),
                None,
            ),
            format!(
                r#"{{"card_message":{{"description":"Pick","media_message":{{"url":"https://x/d.pdf","filename_override":"d.pdf"}},{CHOICES}}}}}"#
            ),
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(body(message.clone()), Ok(envelope(&expected)), "{message}");
    }
}

#[test]
fn a_list_is_a_list_message() {
    let message = json!({"type": "interactive", "message": {"type": "list",
        "header": {"text": "Head"}, "body": {"text": "Pick one"},
        "action": {"button": "Open", "sections": [
            {"title": "S1", "rows": [{"id": "r1", "title": "One", "description": "first"}, {"id": "r2", "title": "Two"}]},
            {"title": "S2", "rows": [{"id": "r3", "title": "Three"}]}]}}});
    let expected = concat!(
        r#"{"list_message":{"title":"Pick one","sections":["#,
        r#"{"title":"S1","items":[{"choice":{"title":"One","description":"first","postback_data":"r1"}},{"choice":{"title":"Two","postback_data":"r2"}}]},"#,
        r#"{"title":"S2","items":[{"choice":{"title":"Three","postback_data":"r3"}}]}],"#,
        r#""message_properties":{"menu":"Open","whatsapp_header":"Head"}}}"#
    );
    assert_eq!(body(message), Ok(envelope(expected)));
}

#[test]
fn one_body_per_recipient_in_order_with_the_envelope_extras() {
    let all = bodies(json!({
        "to": ["+46732001122", "4915112345678"],
        "message": {"type": "text", "text": "Hi"},
        "callback": "https://hooks.example/cb", "correlationId": "order-7", "ttl": 315576000000u64
    }))
    .unwrap();
    let tail = r#""message":{"text_message":{"text":"Hi"}},"callback_url":"https://hooks.example/cb","correlation_id":"order-7","ttl":"315576000000s"}"#;
    let expected = |identity: &str| {
        [
            r#"{"app_id":"app-1","recipient":{"identified_by":{"channel_identities":[{"channel":"WHATSAPP","identity":""#,
            identity,
            r#""}]}},"#,
            tail,
        ]
        .concat()
    };
    assert_eq!(
        all,
        vec![expected("46732001122"), expected("4915112345678")]
    );
    let ttl = |ttl: u64| {
        bodies(
            json!({"to": ["+46732001122"], "message": {"type": "text", "text": "Hi"}, "ttl": ttl}),
        )
    };
    assert!(ttl(3).unwrap()[0].ends_with(r#","ttl":"3s"}"#));
}

/// The standalone rules run first, on every recipient, before any body is built.
#[test]
fn standalone_rules_come_first() {
    let text = json!({"type": "text", "text": "Hi"});
    let err = bodies(json!({"to": ["+46732001122", "+46732001122", "0123"], "message": text}));
    assert_eq!(err.unwrap_err().0, "to[2]");
    let err = bodies(json!({"to": [], "message": text}));
    assert_eq!(err.unwrap_err().0, "to");
    let err = bodies(json!({"to": ["+46732001122"], "message": text, "callback": "ftp://x"}));
    assert_eq!(err.unwrap_err().0, "callback");
    refused(
        json!({"type": "text", "text": ""}),
        "message.text",
        "1 to 4096",
    );
    refused(
        json!({"type": "image", "url": "https://x/i.jpg", "provider": "p 1"}),
        "message.provider",
        "A-Z",
    );
    refused(
        json!({"type": "sticker", "url": "http://x.example/s.webp"}),
        "message.url",
        "https",
    );
}
