//! Sticker requests, their rules and the answers.

use super::fields::{param, CREATE_PACK, CREATE_STICKER, UPDATE_STICKER};
use super::*;
use crate::core::config::test_config;
use crate::core::json::parse;
use crate::core::message::{arguments, write};
use crate::core::ops::{find, prepare};
use crate::core::request::Method;

/// The wire body of `fields` (the argument as JS gives it) once its every shape
/// and rule as `kind` holds, as the ops' runner writes it.
fn body(fields: &Value, kind: &'static Kind) -> Result<String> {
    arguments(&[fields], &[param(kind)], false)?;
    Ok(write(fields, kind))
}

fn config() -> Config {
    test_config("b", "https://x")
}

const BASE: &str = "https://x/whatsapp/v1/b/stickerpacks";

/// The request of the JS method `op` with `args` (JSON text).
fn prepared(op: &str, args: &str) -> Result<Request<String>> {
    prepare(&config(), find(op)?, args)
}

fn index(json: &str) -> StickerIndex {
    StickerIndex(crate::core::message::index(&parse(json).unwrap()).unwrap())
}

#[test]
fn paths_methods_and_queries() {
    let c = config();
    let idx = index("2");
    assert_eq!(
        list_packs(&c, Some(Namespace::ThirdParty)).unwrap().url,
        format!("{BASE}?namespace=third_party")
    );
    assert_eq!(
        get_pack(&c, "p/1", None).unwrap().url,
        format!("{BASE}/p%2F1")
    );
    assert_eq!(
        list_stickers(&c, "p", Some(Namespace::Whatsapp))
            .unwrap()
            .url,
        format!("{BASE}/p/stickers?namespace=whatsapp")
    );
    assert_eq!(
        get_sticker(&c, "p", &idx, None).unwrap().url,
        format!("{BASE}/p/stickers/2")
    );
    let del = delete_sticker(&c, "p", &index(r#""0""#)).unwrap();
    assert_eq!(
        (del.method, del.url),
        (Method::Delete, format!("{BASE}/p/stickers/0"))
    );
    assert_eq!(delete_pack(&c, "p").unwrap().method, Method::Delete);
    assert_eq!(index("4294967295"), StickerIndex::new(4_294_967_295));
    assert_eq!(index(r#""9999999999""#), StickerIndex("9999999999".into()));
    assert_eq!(
        prepared("getSticker", r#"["p", "0042", "whatsapp"]"#)
            .unwrap()
            .url,
        format!("{BASE}/p/stickers/0042?namespace=whatsapp")
    );
    for bad in [
        "-1",
        "1.5",
        "1e3",
        "4294967296",
        r#""1a""#,
        r#""""#,
        r#""12345678901""#,
        "true",
        "null",
        "[0]",
    ] {
        let err = prepared("deleteSticker", &format!(r#"["p", {bad}]"#)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("index"), "{bad}");
        assert_eq!(err.message, "index: must be a whole number of 0 or more");
    }
    for bad in [r#""third""#, "5", "true"] {
        let err = prepared("listStickerpacks", &format!("[{bad}]")).unwrap_err();
        assert_eq!(
            err.message,
            r#"namespace: must be one of "third_party", "whatsapp""#
        );
    }
    assert_eq!(prepared("listStickerpacks", "[null]").unwrap().url, BASE);
    assert_eq!(
        get_pack(&c, "", None).unwrap_err().field.as_deref(),
        Some("stickerpackId")
    );
    let field = |r: Result<Request<String>>| r.unwrap_err().into_fields().field;
    assert_eq!(field(delete_pack(&c, "..")), Some("stickerpackId".into()));
    assert_eq!(
        field(delete_sticker(&c, ".", &index("0"))),
        Some("stickerpackId".into())
    );
}

#[test]
fn pack_bodies_and_rules() {
    let c = config();
    let fields = StickerpackFields {
        publisher: Some("P".into()),
        name: Some("N".into()),
        ios_app_store_link: Some("https://apps.apple.com/x".into()),
        android_app_store_link: None,
    };
    let create = create_pack(&c, &fields).unwrap();
    assert_eq!(create.repeat, crate::core::retry::Repeat::Never);
    let wire = r#"{"publisher":"P","name":"N","ios_app_store_link":"https://apps.apple.com/x"}"#;
    assert_eq!(create.body.as_deref(), Some(wire));
    let js = r#"[{"publisher": "P", "name": "N", "androidAppStoreLink": null, "iosAppStoreLink": "https://apps.apple.com/x"}]"#;
    let create = prepared("createStickerpack", js).unwrap();
    assert_eq!(create.body.as_deref(), Some(wire));
    let blank = parse(r#"{"publisher": " ", "name": "N"}"#).unwrap();
    let err = body(&blank, CREATE_PACK).unwrap_err();
    assert_eq!(err.message, "publisher: must not be empty");
    let no_name = StickerpackFields {
        publisher: Some("P".into()),
        ..Default::default()
    };
    assert_eq!(
        create_pack(&c, &no_name).unwrap_err().field.as_deref(),
        Some("name")
    );
    let update = update_pack(&c, "p", &no_name).unwrap();
    assert_eq!(update.repeat, crate::core::retry::Repeat::Safe);
    assert_eq!(
        update_pack(&c, "p", &StickerpackFields::default())
            .unwrap_err()
            .field
            .as_deref(),
        Some("fields")
    );
    let bad_link = StickerpackFields {
        ios_app_store_link: Some("ftp://x".into()),
        ..Default::default()
    };
    assert_eq!(
        update_pack(&c, "p", &bad_link)
            .unwrap_err()
            .field
            .as_deref(),
        Some("iosAppStoreLink")
    );
    for (json, field) in [
        (
            r#"{"name": "n", "publisher": "p", "iosLink": "https://apps.example"}"#,
            "fields.iosLink",
        ),
        (r#"{"nmae": "n"}"#, "fields.nmae"),
        (r#"{"name": 5}"#, "fields.name"),
        ("[]", "fields"),
    ] {
        let err = body(&parse(json).unwrap(), CREATE_PACK).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{json}");
    }
}

#[test]
fn sticker_bodies_and_rules() {
    let c = config();
    let typed = StickerFields {
        url: Some("https://example.com/s.webp".into()),
        emojis: Some(vec!["🐥".into(), "👍🏽".into()]),
    };
    let create = create_sticker(&c, "p", &typed).unwrap();
    let wire = r#"{"url":"https://example.com/s.webp","emojis":["🐥","👍🏽"]}"#;
    assert_eq!(create.body.as_deref(), Some(wire));
    let js = r#"["p", {"url": "https://example.com/s.webp", "emojis": ["🐥", "👍🏽"]}]"#;
    assert_eq!(
        prepared("createSticker", js).unwrap().body.as_deref(),
        Some(wire)
    );
    let field = |json: &str| {
        body(&parse(json).unwrap(), CREATE_STICKER)
            .unwrap_err()
            .into_fields()
            .field
    };
    assert_eq!(field(r#"{"emojis": ["🐥"]}"#), Some("url".into()));
    assert_eq!(
        field(r#"{"url": "https://e.com/s", "emojis": ["a", "b", "c", "d"]}"#),
        Some("emojis".into())
    );
    assert_eq!(
        field(r#"{"url": "https://e.com/s", "emojis": ["🐥", ""]}"#),
        Some("emojis[1]".into())
    );
    assert_eq!(
        update_sticker(&c, "p", &index("0"), &StickerFields::default())
            .unwrap_err()
            .field
            .as_deref(),
        Some("fields")
    );
    for (json, field) in [
        (
            r#"{"url": "https://cdn.example.com/s.webp", "emoji": ["🐥"]}"#,
            "fields.emoji",
        ),
        (r#"{"uri": "https://cdn.example.com/s.webp"}"#, "fields.uri"),
        (r#"{"emojis": ["🐥", 1]}"#, "fields.emojis[1]"),
    ] {
        let err = body(&parse(json).unwrap(), UPDATE_STICKER).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{json}");
    }
}
