//! The answers' pass: each answer's JS result and errors, and the receipt held to the typed
//! `Receipt`'s.

use super::*;
use crate::core::json::parse;

fn answer(json: &str, members: &'static [Member]) -> Result<String> {
    pass(&parse(json).expect("JSON"), members)
}

#[test]
fn sticker_answers() {
    assert_eq!(
        answer(
            r#"{"publisher": "P", "name": "N", "android_app_store_link": "https://play"}"#,
            PACK_INFO
        )
        .unwrap(),
        r#"{"publisher":"P","name":"N","androidAppStoreLink":"https://play"}"#
    );
    assert_eq!(
        answer(
            r#"{"stickers": [{"index": "0"}, {"index": "1", "x": 2}]}"#,
            STICKER_LIST
        )
        .unwrap(),
        r#"{"stickers":[{"index":"0"},{"index":"1"}]}"#
    );
    assert_eq!(
        answer(r#"{"stickerpacks": [{"id": "a"}]}"#, PACK_LIST).unwrap(),
        r#"{"stickerpacks":[{"id":"a"}]}"#
    );
    assert_eq!(
        answer(r#"{"stickerpacks": [{"id": 1}]}"#, PACK_LIST)
            .unwrap_err()
            .message,
        "body.stickerpacks[0].id: must be a string"
    );
    assert_eq!(
        answer(r#"{"id": "p1"}"#, PACK_ID).unwrap(),
        r#"{"id":"p1"}"#
    );
    assert_eq!(
        answer(r#"{"index": "3"}"#, STICKER_INDEX).unwrap(),
        r#"{"index":"3"}"#
    );
    assert_eq!(
        answer("{}", PACK_ID).unwrap_err().message,
        "body.id: is required"
    );
    assert_eq!(
        answer(r#"{"id": "s"}"#, STICKER_INFO).unwrap(),
        r#"{"id":"s","emojis":[]}"#
    );
    assert_eq!(
        answer(r#"{"id": "s", "emojis": null, "id": "t"}"#, STICKER_INFO).unwrap(),
        r#"{"id":"t","emojis":[]}"#
    );
    for (json, members, message) in [
        ("[]", PACK_ID, "body: must be an object"),
        (r#"{"id": null}"#, PACK_ID, "body.id: is required"),
        (
            r#"{"stickers": {}}"#,
            STICKER_LIST,
            "body.stickers: must be an array",
        ),
        (
            r#"{"stickers": [1]}"#,
            STICKER_LIST,
            "body.stickers[0]: must be an object",
        ),
        (r#"{"publisher": "P"}"#, PACK_INFO, "body.name: is required"),
        (
            r#"{"id": "s", "emojis": ["a", 1]}"#,
            STICKER_INFO,
            "body.emojis[1]: must be a string",
        ),
    ] {
        assert_eq!(
            answer(json, members).unwrap_err().message,
            message,
            "{json}"
        );
    }
}

/// The receipt of a send: the same text or error as the typed `Receipt` read
/// into a `SendResult`.
#[test]
fn sent_is_the_typed_receipts_text() {
    use crate::core::json::Read;
    use crate::core::message::{Receipt, SendResult};
    let status = r#"{"message_id":"m","recipient":"+1","status":"success","state":"queued"}"#;
    let bodies = [
        format!(r#"{{"type":"whatsapp","statuses":[{status},{status}]}}"#),
        format!(r#"{{"type":"whatsapp","statuses":{status},"x":1}}"#),
        format!(r#"{{"type":null,"statuses":[{status}]}}"#),
        format!(r#"{{"statuses":[],"statuses":[{status}]}}"#),
        r#"{"statuses":[{"message_id":"a","message_id":"b","recipient":"r","status":"s","state":"t"}]}"#.into(),
        r#"{"type":1,"statuses":[]}"#.into(),
        r#"{"type":"whatsapp"}"#.into(),
        r#"{"statuses":null}"#.into(),
        r#"{"statuses":5}"#.into(),
        r#"{"statuses":"x"}"#.into(),
        r#"{"statuses":["x"]}"#.into(),
        r#"{"statuses":[{"message_id":"m"}]}"#.into(),
        r#"{"statuses":[{"message_id":null,"recipient":"r","status":"s","state":"t"}]}"#.into(),
        r#"{"statuses":[{"message_id":"m","recipient":"r","status":"s","state":1}]}"#.into(),
        "[]".into(),
        "{}".into(),
    ];
    for body in &bodies {
        let value = parse(body).expect("JSON");
        let typed = Receipt::read(&value, &Path::root("body"))
            .map(|receipt| SendResult::from(receipt).to_json())
            .map_err(|e| e.message.clone());
        assert_eq!(sent(&value).map_err(|e| e.message.clone()), typed, "{body}");
    }
    assert_eq!(
        sent(&parse(&bodies[1]).expect("JSON")).unwrap(),
        r#"{"messages":[{"id":"m","recipient":"+1","status":"success","state":"queued"}]}"#
    );
}

#[test]
fn number_answers() {
    let caps = answer(
        r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w","new":1}]}"#,
        CAPABILITIES,
    )
    .unwrap();
    assert_eq!(
        caps,
        r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w"}]}"#
    );
    let err = answer(r#"{"capabilities":[{"msisdn":1}]}"#, CAPABILITIES).unwrap_err();
    assert_eq!(err.message, "body.capabilities[0].msisdn: must be a string");
    let err = answer(
        r#"{"capabilities":[{"msisdn":"1","capable":1}]}"#,
        CAPABILITIES,
    );
    assert_eq!(
        err.unwrap_err().message,
        "body.capabilities[0].capable: must be a boolean"
    );
    let opt = answer(
        r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#,
        OPT_IN,
    );
    assert_eq!(
        opt.unwrap(),
        r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#
    );
    assert_eq!(answer("{}", OPT_IN).unwrap(), "{}");
    assert_eq!(
        answer(r#"{"numbers":["1"],"page":0}"#, BLACKLIST_PAGE).unwrap(),
        r#"{"numbers":["1"]}"#
    );
    let err = answer("{}", BLACKLIST_PAGE).unwrap_err();
    assert_eq!(err.message, "body.numbers: is required");
}

#[test]
fn the_provider_list_drops_credentials() {
    let text = answer(
        r#"{"settings": {"application": {"media": {"providers": [
        {"name": "a", "type": "www", "config": {"basic": {"username": "user", "password": "AbCdEf123456&44jf"}}},
        {"name": "b", "type": "www", "config": {"bearer": "AbCdEf123456&44jf"}},
        {"name": "c", "type": "www"}
    ]}}}}"#,
        PROVIDERS,
    )
    .unwrap();
    assert!(!text.contains("AbCdEf"), "{text}");
    assert_eq!(
        text,
        r#"{"providers":[{"name":"a","type":"www","auth":"basic","username":"user"},{"name":"b","type":"www","auth":"bearer"},{"name":"c","type":"www","auth":"unknown"}]}"#
    );
    let empty = r#"{"settings": {"application": {"media": {}}}}"#;
    assert_eq!(answer(empty, PROVIDERS).unwrap(), r#"{"providers":[]}"#);
    for (json, message) in [
        (
            r#"{"settings": {"application": 1}}"#,
            "body.settings.application: must be an object",
        ),
        (
            r#"{"settings": {}}"#,
            "body.settings.application: is required",
        ),
        (
            r#"{"settings": {"application": {"media": {"providers": [{"config": 1}]}}}}"#,
            "body.settings.application.media.providers[0].config: must be an object",
        ),
        (
            r#"{"settings": {"application": {"media": {"providers": [{"config": {"basic": []}}]}}}}"#,
            "body.settings.application.media.providers[0].config.basic: must be an object",
        ),
        (
            r#"{"settings": {"application": {"media": {"providers": [{"name": "a", "config": {"basic": {}}}]}}}}"#,
            "body.settings.application.media.providers[0].type: is required",
        ),
        (
            r#"{"settings": {"application": {"media": {"providers": [{"name": "a", "type": "www", "config": {"basic": {"username": 1}}}]}}}}"#,
            "body.settings.application.media.providers[0].config.basic.username: must be a string",
        ),
    ] {
        assert_eq!(
            answer(json, PROVIDERS).unwrap_err().message,
            message,
            "{json}"
        );
    }
}
