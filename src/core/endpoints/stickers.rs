//! Stickerpacks and their stickers (third-party packs can be created and edited;
//! WhatsApp's own can only be read).

use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::json::read::{object, whole};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::request::{Method, Request};
use crate::core::response::Fields;
use crate::core::rules::{check_http_url, check_id};

/// Most emojis one sticker may carry.
const MAX_EMOJIS: usize = 3;
/// Most Unicode scalar values in one emoji. Upstream says "a single character";
/// one emoji as seen can be a sequence (skin tones, ZWJ families: up to 7 scalars).
const MAX_EMOJI_SCALARS: usize = 8;

/// Which packs to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl Read for Namespace {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value.as_str() {
            Some("third_party") => Ok(Self::ThirdParty),
            Some("whatsapp") => Ok(Self::Whatsapp),
            _ => Err(at.invalid(r#"must be one of "third_party", "whatsapp""#)),
        }
    }
}

/// A sticker's index in its pack: a non-negative whole number, given as a number
/// or a string of up to 10 digits; kept as its path segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickerIndex(String);

impl Read for StickerIndex {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let segment = match value {
            Value::String(s)
                if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(s.clone())
            }
            Value::Number(_) => whole(value, u64::from(u32::MAX)).map(|n| n.to_string()),
            _ => None,
        };
        segment
            .map(Self)
            .ok_or_else(|| at.invalid("must be a non-negative whole number"))
    }
}

/// Pack fields for create (name and publisher required) and update (all
/// optional). JS names them in camelCase, the wire in snake_case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StickerpackFields {
    /// Who publishes the pack.
    pub publisher: Option<String>,
    /// The pack's name.
    pub name: Option<String>,
    /// Link to the pack in Apple's App Store.
    pub ios_app_store_link: Option<String>,
    /// Link to the pack in Google Play.
    pub android_app_store_link: Option<String>,
}

impl Read for StickerpackFields {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let keys = [
            "publisher",
            "name",
            "iosAppStoreLink",
            "androidAppStoreLink",
        ];
        let fields = object(value, at, &keys)?;
        Ok(Self {
            publisher: fields.optional("publisher")?,
            name: fields.optional("name")?,
            ios_app_store_link: fields.optional("iosAppStoreLink")?,
            android_app_store_link: fields.optional("androidAppStoreLink")?,
        })
    }
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

    /// The wire body, snake_case, the fields given only.
    fn body(&self) -> String {
        let mut out = Writer::new();
        out.open_object();
        out.field_opt("publisher", &self.publisher);
        out.field_opt("name", &self.name);
        out.field_opt("ios_app_store_link", &self.ios_app_store_link);
        out.field_opt("android_app_store_link", &self.android_app_store_link);
        out.close_object();
        out.finish()
    }
}

/// Sticker fields for create (url required) and update (all optional).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StickerFields {
    /// Public URL of the sticker image (webp, 512×512, < 100 KB).
    pub url: Option<String>,
    /// Up to 3 emojis.
    pub emojis: Option<Vec<String>>,
}

impl Read for StickerFields {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["url", "emojis"])?;
        Ok(Self {
            url: fields.optional("url")?,
            emojis: fields.optional("emojis")?,
        })
    }
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
            let at = Path::root("emojis");
            for (i, emoji) in emojis.iter().enumerate() {
                let scalars = emoji.chars().count();
                if scalars == 0
                    || scalars > MAX_EMOJI_SCALARS
                    || emoji.chars().any(char::is_whitespace)
                {
                    return Err(at.index(i).invalid("must be a single emoji"));
                }
            }
        }
        if !creating && *self == Self::default() {
            return Err(Error::invalid("fields", "give url or emojis to change"));
        }
        Ok(())
    }

    /// The wire body, the fields given only.
    fn body(&self) -> String {
        let mut out = Writer::new();
        out.open_object();
        out.field_opt("url", &self.url);
        out.field_opt("emojis", &self.emojis);
        out.close_object();
        out.finish()
    }
}

fn pack_path<'a>(id: &'a str, rest: &[&'a str]) -> Result<Vec<&'a str>> {
    check_id("stickerpackId", id)?;
    Ok([&["stickerpacks", id][..], rest].concat())
}

/// `GET` of `path`, with `?namespace=…` when one is given.
fn read_request(config: &Config, path: &[&str], namespace: Option<Namespace>) -> Request<String> {
    Request::new(config, Method::Get, path, None)
        .query("namespace", namespace.map(Namespace::as_str))
}

/// `GET /stickerpacks?namespace=…`.
pub fn list_packs(config: &Config, namespace: Option<Namespace>) -> Request<String> {
    read_request(config, &["stickerpacks"], namespace)
}

/// `GET /stickerpacks/{id}?namespace=…`.
pub fn get_pack(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    Ok(read_request(config, &pack_path(id, &[])?, namespace))
}

/// `POST /stickerpacks`: creates a third-party pack (not idempotent: each call makes one).
pub fn create_pack(config: &Config, fields: &StickerpackFields) -> Result<Request<String>> {
    fields.validate(true)?;
    let body = Some(fields.body());
    Ok(Request::new(config, Method::Post, &["stickerpacks"], body))
}

/// `PATCH /stickerpacks/{id}`: overwrites the given fields.
pub fn update_pack(
    config: &Config,
    id: &str,
    fields: &StickerpackFields,
) -> Result<Request<String>> {
    fields.validate(false)?;
    let path = pack_path(id, &[])?;
    Ok(Request::new(
        config,
        Method::Patch,
        &path,
        Some(fields.body()),
    ))
}

/// `DELETE /stickerpacks/{id}`.
pub fn delete_pack(config: &Config, id: &str) -> Result<Request<String>> {
    let path = pack_path(id, &[])?;
    Ok(Request::new(config, Method::Delete, &path, None))
}

/// `GET /stickerpacks/{id}/stickers?namespace=…`.
pub fn list_stickers(
    config: &Config,
    id: &str,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    Ok(read_request(
        config,
        &pack_path(id, &["stickers"])?,
        namespace,
    ))
}

/// `GET /stickerpacks/{id}/stickers/{index}?namespace=…`.
pub fn get_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    namespace: Option<Namespace>,
) -> Result<Request<String>> {
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(read_request(config, &path, namespace))
}

/// `POST /stickerpacks/{id}/stickers`: adds a sticker (not idempotent).
pub fn create_sticker(
    config: &Config,
    id: &str,
    fields: &StickerFields,
) -> Result<Request<String>> {
    fields.validate(true)?;
    let path = pack_path(id, &["stickers"])?;
    Ok(Request::new(
        config,
        Method::Post,
        &path,
        Some(fields.body()),
    ))
}

/// `PATCH /stickerpacks/{id}/stickers/{index}`.
pub fn update_sticker(
    config: &Config,
    id: &str,
    index: &StickerIndex,
    fields: &StickerFields,
) -> Result<Request<String>> {
    fields.validate(false)?;
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(Request::new(
        config,
        Method::Patch,
        &path,
        Some(fields.body()),
    ))
}

/// `DELETE /stickerpacks/{id}/stickers/{index}`.
pub fn delete_sticker(config: &Config, id: &str, index: &StickerIndex) -> Result<Request<String>> {
    let path = pack_path(id, &["stickers", &index.0])?;
    Ok(Request::new(config, Method::Delete, &path, None))
}

/// An answer `{ <key>: [{ <item>: "…" }] }` (`{ stickerpacks: [{ id }] }`, `{
/// stickers: [{ index }] }`), written back as it is with only those keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<const PACKS: bool>(Vec<String>);

/// `{ stickerpacks: [{ id }] }`.
pub type PackList = Listing<true>;
/// `{ stickers: [{ index }] }` (each index a string upstream, e.g. `"0"`).
pub type StickerList = Listing<false>;

impl<const PACKS: bool> Listing<PACKS> {
    const KEYS: (&'static str, &'static str) = if PACKS {
        ("stickerpacks", "id")
    } else {
        ("stickers", "index")
    };
}

impl<const PACKS: bool> Read for Listing<PACKS> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let (list, item) = Self::KEYS;
        let items: Vec<Value> = Fields::new(value, at)?.required(list)?;
        let list_at = at.key(list);
        let read =
            |(i, value): (usize, &Value)| Fields::new(value, &list_at.index(i))?.required(item);
        Ok(Self(
            items.iter().enumerate().map(read).collect::<Result<_>>()?,
        ))
    }
}

impl<const PACKS: bool> Write for Listing<PACKS> {
    fn write(&self, out: &mut Writer) {
        let (list, item) = Self::KEYS;
        out.open_object();
        out.key(list);
        out.open_array();
        for value in &self.0 {
            out.open_object();
            out.field(item, value);
            out.close_object();
        }
        out.close_array();
        out.close_object();
    }
}

/// The answer of a create: `{ id }` of a pack, `{ index }` of a sticker.
#[derive(Debug, Clone, PartialEq)]
pub struct Created<const PACK: bool>(String);

/// `{ id }` of a created pack.
pub type PackId = Created<true>;
/// `{ index }` of a created sticker (a string upstream).
pub type StickerIndexOnly = Created<false>;

impl<const PACK: bool> Created<PACK> {
    const KEY: &'static str = if PACK { "id" } else { "index" };
}

impl<const PACK: bool> Read for Created<PACK> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Fields::new(value, at)?.required(Self::KEY).map(Self)
    }
}

impl<const PACK: bool> Write for Created<PACK> {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field(Self::KEY, &self.0);
        out.close_object();
    }
}

/// A pack's details (snake_case on the wire, camelCase in JS).
#[derive(Debug, Clone, PartialEq)]
pub struct PackInfo {
    /// Who publishes it.
    pub publisher: String,
    /// Its name.
    pub name: String,
    /// Apple App Store link.
    pub ios_app_store_link: Option<String>,
    /// Google Play link.
    pub android_app_store_link: Option<String>,
}

impl Read for PackInfo {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            publisher: fields.required("publisher")?,
            name: fields.required("name")?,
            ios_app_store_link: fields.optional("ios_app_store_link")?,
            android_app_store_link: fields.optional("android_app_store_link")?,
        })
    }
}

impl Write for PackInfo {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("publisher", &self.publisher);
        out.field("name", &self.name);
        out.field_opt("iosAppStoreLink", &self.ios_app_store_link);
        out.field_opt("androidAppStoreLink", &self.android_app_store_link);
        out.close_object();
    }
}

/// A sticker's details: the id to send it by, and its emojis.
#[derive(Debug, Clone, PartialEq)]
pub struct StickerInfo {
    /// Use as `{ type: "sticker", id }` in a message.
    pub id: String,
    /// Its emojis.
    pub emojis: Vec<String>,
}

impl Read for StickerInfo {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            id: fields.required("id")?,
            emojis: fields.optional("emojis")?.unwrap_or_default(),
        })
    }
}

impl Write for StickerInfo {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("id", &self.id);
        out.field("emojis", &self.emojis);
        out.close_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::json::parse;
    use crate::core::response::reply;

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
        let field = |r: Result<Request<String>>| r.unwrap_err().field;
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
        let field = |json: &str| create_sticker(&c, "p", &fields(json)).unwrap_err().field;
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

    #[test]
    fn answers() {
        let answer = |json: &str, f: fn(&Value) -> Result<String>| f(&parse(json).unwrap());
        assert_eq!(
            answer(
                r#"{"publisher": "P", "name": "N", "android_app_store_link": "https://play"}"#,
                reply::<PackInfo>
            )
            .unwrap(),
            r#"{"publisher":"P","name":"N","androidAppStoreLink":"https://play"}"#
        );
        assert_eq!(
            answer(
                r#"{"stickers": [{"index": "0"}, {"index": "1", "x": 2}]}"#,
                reply::<StickerList>
            )
            .unwrap(),
            r#"{"stickers":[{"index":"0"},{"index":"1"}]}"#
        );
        assert_eq!(
            answer(r#"{"stickerpacks": [{"id": "a"}]}"#, reply::<PackList>).unwrap(),
            r#"{"stickerpacks":[{"id":"a"}]}"#
        );
        assert_eq!(
            answer(r#"{"stickerpacks": [{"id": 1}]}"#, reply::<PackList>)
                .unwrap_err()
                .message,
            "body.stickerpacks[0].id: must be a string"
        );
        assert_eq!(
            answer(r#"{"id": "p1"}"#, reply::<PackId>).unwrap(),
            r#"{"id":"p1"}"#
        );
        assert_eq!(
            answer(r#"{"index": "3"}"#, reply::<StickerIndexOnly>).unwrap(),
            r#"{"index":"3"}"#
        );
        assert_eq!(
            answer("{}", reply::<PackId>).unwrap_err().message,
            "body.id: is required"
        );
        assert_eq!(
            answer(r#"{"id": "s"}"#, reply::<StickerInfo>).unwrap(),
            r#"{"id":"s","emojis":[]}"#
        );
    }
}
