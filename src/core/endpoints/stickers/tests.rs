//! Sticker requests, their rules and the answers.

use super::*;
use crate::core::config::test_config;
use crate::core::error::Error;
use crate::core::json::parse;

fn config() -> Config {
    test_config("b", "https://x")
}

const BASE: &str = "https://x/whatsapp/v1/b/stickerpacks";

fn read<T: Read>(json: &str, root: &str) -> Result<T> {
    let value = parse(json).map_err(|e| Error::invalid("json", e.reason))?;
    T::read(&value, &Path::root(root))
}

fn index(json: &str) -> StickerIndex {
    read(json, "index").unwrap()
}

#[test]
fn paths_methods_and_queries() {
    let c = config();
    let idx = index("2");
    assert_eq!(
        list_packs(&c, Some(Namespace::ThirdParty)).url,
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
    assert_eq!(index("4294967295"), StickerIndex("4294967295".into()));
    assert_eq!(index(r#""9999999999""#), StickerIndex("9999999999".into()));
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
        let err = read::<StickerIndex>(bad, "index").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("index"), "{bad}");
        assert_eq!(err.message, "index: must be a non-negative whole number");
    }
    let err = read::<Namespace>(r#""third""#, "namespace").unwrap_err();
    assert_eq!(
        err.message,
        r#"namespace: must be one of "third_party", "whatsapp""#
    );
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
    let fields: StickerpackFields = read(
        r#"{"publisher": "P", "name": "N", "iosAppStoreLink": "https://apps.apple.com/x"}"#,
        "fields",
    )
    .unwrap();
    let create = create_pack(&c, &fields).unwrap();
    assert!(!create.idempotent);
    assert_eq!(
        create.body.as_deref(),
        Some(r#"{"publisher":"P","name":"N","ios_app_store_link":"https://apps.apple.com/x"}"#)
    );
    let no_name = StickerpackFields {
        publisher: Some("P".into()),
        ..Default::default()
    };
    assert_eq!(
        create_pack(&c, &no_name).unwrap_err().field.as_deref(),
        Some("name")
    );
    assert!(update_pack(&c, "p", &no_name).unwrap().idempotent);
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
        let err = read::<StickerpackFields>(json, "fields").unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{json}");
    }
}

#[test]
fn sticker_bodies_and_rules() {
    let c = config();
    let fields = |json: &str| read::<StickerFields>(json, "fields").unwrap();
    let create = create_sticker(
        &c,
        "p",
        &fields(r#"{"url": "https://example.com/s.webp", "emojis": ["🐥", "👍🏽"]}"#),
    )
    .unwrap();
    assert_eq!(
        create.body.as_deref(),
        Some(r#"{"url":"https://example.com/s.webp","emojis":["🐥","👍🏽"]}"#)
    );
    let field = |json: &str| {
        create_sticker(&c, "p", &fields(json))
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
        let err = read::<StickerFields>(json, "fields").unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{json}");
    }
}
