//! Stickerpacks and their stickers (third-party packs can be created and edited;
//! WhatsApp's own can only be read).

use super::Done;
use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::request::{Method, Request};
use crate::core::rules::{check_http_url, check_id};
use serde::{Deserialize, Serialize};

/// Most emojis one sticker may carry.
const MAX_EMOJIS: usize = 3;
/// Most Unicode scalar values in one emoji. Upstream says "a single character";
/// one emoji as seen can be a sequence (skin tones, ZWJ families: up to 7 scalars).
const MAX_EMOJI_SCALARS: usize = 8;

/// Which packs to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Namespace {
    /// Packs you created (upstream default is `whatsapp`).
    ThirdParty,
    /// WhatsApp's own packs.
    Whatsapp,
}

impl Namespace {
    fn as_str(self) -> &'static str {
        match self {
            Self::ThirdParty => "third_party",
            Self::Whatsapp => "whatsapp",
        }
    }
}

/// A sticker's index in its pack: a non-negative integer, given as a number or a string.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum StickerIndex {
    /// `0`
    Number(f64),
    /// `"0"`
    Text(String),
}

impl StickerIndex {
    fn to_segment(&self) -> Result<String> {
        let text = match self {
            Self::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
                (*n as u32).to_string()
            }
            Self::Text(s)
                if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) =>
            {
                s.clone()
            }
            _ => {
                return Err(Error::invalid(
                    "index",
                    "must be a non-negative whole number",
                ))
            }
        };
        Ok(text)
    }
}

/// Pack fields for create (name and publisher required) and update (all optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct StickerpackFields {
    /// Who publishes the pack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The pack's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Link to the pack in Apple's App Store.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ios_app_store_link: Option<String>,
    /// Link to the pack in Google Play.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub android_app_store_link: Option<String>,
}

impl StickerpackFields {
    fn validate(&self, creating: bool) -> Result<()> {
        for (field, value) in [("publisher", &self.publisher), ("name", &self.name)] {
            match value {
                Some(v) if v.trim().is_empty() => {
                    return Err(Error::invalid(field, "must not be empty"))
                }
                None if creating => return Err(Error::invalid(field, "is required")),
                _ => {}
            }
        }
        for (field, value) in [
            ("iosAppStoreLink", &self.ios_app_store_link),
            ("androidAppStoreLink", &self.android_app_store_link),
        ] {
            if let Some(url) = value {
                check_http_url(field, url)?;
            }
        }
        if !creating && *self == Self::default() {
            return Err(Error::invalid(
                "fields",
                "give at least one field to change",
            ));
        }
        Ok(())
    }
}

/// Sticker fields for create (url required) and update (all optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StickerFields {
    /// Public URL of the sticker image (webp, 512×512, < 100 KB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Up to 3 emojis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emojis: Option<Vec<String>>,
}

impl StickerFields {
    fn validate(&self, creating: bool) -> Result<()> {
        match &self.url {
            Some(url) => check_http_url("url", url)?,
            None if creating => return Err(Error::invalid("url", "is required")),
            None => {}
        }
        if let Some(emojis) = &self.emojis {
            if emojis.len() > MAX_EMOJIS {
                return Err(Error::invalid("emojis", "must list at most 3 emojis"));
            }
            for (i, emoji) in emojis.iter().enumerate() {
                let scalars = emoji.chars().count();
                if scalars == 0
                    || scalars > MAX_EMOJI_SCALARS
                    || emoji.chars().any(char::is_whitespace)
                {
                    return Err(Error::invalid(
                        &format!("emojis[{i}]"),
                        "must be a single emoji",
                    ));
                }
            }
        }
        if !creating && *self == Self::default() {
            return Err(Error::invalid("fields", "give url or emojis to change"));
        }
        Ok(())
    }
}

fn pack_path<'a>(id: &'a str, rest: &[&'a str]) -> Result<Vec<&'a str>> {
    check_id("stickerpackId", id)?;
    Ok([&["stickerpacks", id][..], rest].concat())
}

fn with_namespace<B>(request: Request<B>, namespace: Option<Namespace>) -> Request<B> {
    request.query("namespace", namespace.map(Namespace::as_str))
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Request<Done> {
    with_namespace(
        Request::new(config, Method::Get, &["stickerpacks"], None),
        namespace,
    )
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(config: &Config, id: &str, namespace: Option<Namespace>) -> Result<Request<Done>> {
    let path = pack_path(id, &[])?;
    Ok(with_namespace(
        Request::new(config, Method::Get, &path, None),
        namespace,
    ))
}

/// `POST /stickerpacks`: creates a third-party pack (not idempotent: each call makes one).
pub fn create_pack(
    config: &Config,
    fields: StickerpackFields,
) -> Result<Request<StickerpackFields>> {
    fields.validate(true)?;
    Ok(Request::new(
        config,
        Method::Post,
        &["stickerpacks"],
        Some(fields),
    ))
}

/// `PATCH /stickerpacks/{id}`: overwrites the given fields.
pub fn update_pack(
    config: &Config,
    id: &str,
    fields: StickerpackFields,
) -> Result<Request<StickerpackFields>> {
    fields.validate(false)?;
    Ok(Request::new(
        config,
        Method::Patch,
        &pack_path(id, &[])?,
        Some(fields),
    ))
}

/// `DELETE /stickerpacks/{id}`.
pub fn delete_pack(config: &Config, id: &str) -> Result<Request<Done>> {
    Ok(Request::new(
        config,
        Method::Delete,
        &pack_path(id, &[])?,
        None,
    ))
}

/// `GET /stickerpacks/{id}/stickers?namespace=…`.
pub fn list_stickers(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<Done>> {
    let path = pack_path(id, &["stickers"])?;
    Ok(with_namespace(
        Request::new(config, Method::Get, &path, None),
        namespace,
    ))
}

/// `GET /stickerpacks/{id}/stickers/{index}?namespace=…`.
pub fn get_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    namespace: Option<Namespace>,
) -> Result<Request<Done>> {
    let index = index.to_segment()?;
    let path = pack_path(id, &["stickers", &index])?;
    Ok(with_namespace(
        Request::new(config, Method::Get, &path, None),
        namespace,
    ))
}

/// `POST /stickerpacks/{id}/stickers`: adds a sticker (not idempotent).
pub fn create_sticker(
    config: &Config,
    id: &str,
    fields: StickerFields,
) -> Result<Request<StickerFields>> {
    fields.validate(true)?;
    Ok(Request::new(
        config,
        Method::Post,
        &pack_path(id, &["stickers"])?,
        Some(fields),
    ))
}

/// `PATCH /stickerpacks/{id}/stickers/{index}`.
pub fn update_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    fields: StickerFields,
) -> Result<Request<StickerFields>> {
    fields.validate(false)?;
    let index = index.to_segment()?;
    Ok(Request::new(
        config,
        Method::Patch,
        &pack_path(id, &["stickers", &index])?,
        Some(fields),
    ))
}

/// `DELETE /stickerpacks/{id}/stickers/{index}`.
pub fn delete_sticker(config: &Config, id: &str, index: &StickerIndex) -> Result<Request<Done>> {
    let index = index.to_segment()?;
    Ok(Request::new(
        config,
        Method::Delete,
        &pack_path(id, &["stickers", &index])?,
        None,
    ))
}

/// `{ stickerpacks: [{ id }] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackList {
    /// The packs' ids.
    pub stickerpacks: Vec<IdOnly>,
}

/// `{ id }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdOnly {
    /// The id.
    pub id: String,
}

/// A pack's details (JS: camelCase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct PackInfo {
    /// Who publishes it.
    pub publisher: String,
    /// Its name.
    pub name: String,
    /// Apple App Store link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ios_app_store_link: Option<String>,
    /// Google Play link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub android_app_store_link: Option<String>,
}

/// `{ stickers: [{ index }] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickerList {
    /// The stickers' indices.
    pub stickers: Vec<IndexOnly>,
}

/// `{ index }` (a string upstream, e.g. `"0"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexOnly {
    /// The index.
    pub index: String,
}

/// A sticker's details: the id to send it by, and its emojis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickerInfo {
    /// Use as `{ type: "sticker", id }` in a message.
    pub id: String,
    /// Its emojis.
    #[serde(default)]
    pub emojis: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use serde_json::json;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    const BASE: &str = "https://x/whatsapp/v1/b/stickerpacks";

    #[test]
    fn paths_methods_and_queries() {
        let c = config();
        let idx = StickerIndex::Number(2.0);
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
        let del = delete_sticker(&c, "p", &StickerIndex::Text("0".into())).unwrap();
        assert_eq!(
            (del.method, del.url),
            (Method::Delete, format!("{BASE}/p/stickers/0"))
        );
        assert_eq!(delete_pack(&c, "p").unwrap().method, Method::Delete);
        for bad in [
            StickerIndex::Number(-1.0),
            StickerIndex::Number(1.5),
            StickerIndex::Text("1a".into()),
        ] {
            assert_eq!(
                get_sticker(&c, "p", &bad, None)
                    .unwrap_err()
                    .field
                    .as_deref(),
                Some("index")
            );
        }
        assert_eq!(
            get_pack(&c, "", None).unwrap_err().field.as_deref(),
            Some("stickerpackId")
        );
        let field = |r: Result<Request<Done>>| r.unwrap_err().field;
        assert_eq!(field(delete_pack(&c, "..")), Some("stickerpackId".into()));
        assert_eq!(
            field(delete_sticker(&c, ".", &StickerIndex::Number(0.0))),
            Some("stickerpackId".into())
        );
    }

    #[test]
    fn pack_bodies_and_rules() {
        let c = config();
        let fields: StickerpackFields = serde_json::from_value(
            json!({"publisher": "P", "name": "N", "iosAppStoreLink": "https://apps.apple.com/x"}),
        )
        .unwrap();
        let create = create_pack(&c, fields).unwrap();
        assert!(!create.idempotent);
        assert_eq!(
            serde_json::to_value(create.body).unwrap(),
            json!({"publisher": "P", "name": "N", "ios_app_store_link": "https://apps.apple.com/x"})
        );
        let no_name = StickerpackFields {
            publisher: Some("P".into()),
            ..Default::default()
        };
        assert_eq!(
            create_pack(&c, no_name.clone())
                .unwrap_err()
                .field
                .as_deref(),
            Some("name")
        );
        assert!(update_pack(&c, "p", no_name).unwrap().idempotent);
        assert_eq!(
            update_pack(&c, "p", StickerpackFields::default())
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
            update_pack(&c, "p", bad_link).unwrap_err().field.as_deref(),
            Some("iosAppStoreLink")
        );
    }

    #[test]
    fn sticker_bodies_and_rules() {
        let c = config();
        let fields = |v| serde_json::from_value::<StickerFields>(v).unwrap();
        let create = create_sticker(
            &c,
            "p",
            fields(json!({"url": "https://example.com/s.webp", "emojis": ["🐥", "👍🏽"]})),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(create.body).unwrap(),
            json!({"url": "https://example.com/s.webp", "emojis": ["🐥", "👍🏽"]})
        );
        let field = |v| create_sticker(&c, "p", fields(v)).unwrap_err().field;
        assert_eq!(field(json!({"emojis": ["🐥"]})), Some("url".into()));
        assert_eq!(
            field(json!({"url": "https://e.com/s", "emojis": ["a", "b", "c", "d"]})),
            Some("emojis".into())
        );
        assert_eq!(
            field(json!({"url": "https://e.com/s", "emojis": ["🐥", ""]})),
            Some("emojis[1]".into())
        );
        let idx = StickerIndex::Number(0.0);
        assert_eq!(
            update_sticker(&c, "p", &idx, StickerFields::default())
                .unwrap_err()
                .field
                .as_deref(),
            Some("fields")
        );
    }

    #[test]
    fn answers() {
        let info: PackInfo = serde_json::from_value(
            json!({"publisher": "P", "name": "N", "android_app_store_link": "https://play"}),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(info).unwrap(),
            json!({"publisher": "P", "name": "N", "androidAppStoreLink": "https://play"})
        );
        let list: StickerList =
            serde_json::from_value(json!({"stickers": [{"index": "0"}, {"index": "1"}]})).unwrap();
        assert_eq!(list.stickers[1].index, "1");
    }
}
