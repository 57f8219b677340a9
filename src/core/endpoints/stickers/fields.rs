//! The fields a caller gives to create or update a stickerpack or a sticker:
//! read from JS (camelCase), checked, written to the wire (snake_case).

use crate::core::error::{Error, Result};
use crate::core::json::read::object;
use crate::core::json::{Path, Read, Value, Writer};
use crate::core::rules::check_http_url;
use crate::prelude::*;

/// Most emojis one sticker may carry.
const MAX_EMOJIS: usize = 3;
/// Most Unicode scalar values in one emoji. Upstream says "a single character";
/// one emoji as seen can be a sequence (skin tones, ZWJ families: up to 7 scalars).
const MAX_EMOJI_SCALARS: usize = 8;

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
        let mut out = Self::default();
        fields.set_opt(&mut out.publisher, "publisher")?;
        fields.set_opt(&mut out.name, "name")?;
        fields.set_opt(&mut out.ios_app_store_link, "iosAppStoreLink")?;
        fields.set_opt(&mut out.android_app_store_link, "androidAppStoreLink")?;
        Ok(out)
    }
}

impl StickerpackFields {
    pub(super) fn validate(&self, creating: bool) -> Result<()> {
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
        let given = [
            &self.publisher,
            &self.name,
            &self.ios_app_store_link,
            &self.android_app_store_link,
        ];
        if !creating && given.iter().all(|field| field.is_none()) {
            return Err(Error::invalid(
                "fields",
                "give at least one field to change",
            ));
        }
        Ok(())
    }

    /// The wire body, snake_case, the fields given only, once [`Self::validate`]d.
    pub fn checked_body(&self, creating: bool) -> Result<String> {
        self.validate(creating)?;
        Ok(self.body())
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
        let mut out = Self::default();
        fields.set_opt(&mut out.url, "url")?;
        fields.set_opt(&mut out.emojis, "emojis")?;
        Ok(out)
    }
}

impl StickerFields {
    pub(super) fn validate(&self, creating: bool) -> Result<()> {
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
                let scalars = crate::core::rules::count_chars(emoji);
                if scalars == 0
                    || scalars > MAX_EMOJI_SCALARS
                    || emoji.chars().any(char::is_whitespace)
                {
                    return Err(at.index(i).invalid("must be a single emoji"));
                }
            }
        }
        if !creating && self.url.is_none() && self.emojis.is_none() {
            return Err(Error::invalid("fields", "give url or emojis to change"));
        }
        Ok(())
    }

    /// The wire body, the fields given only, once [`Self::validate`]d.
    pub fn checked_body(&self, creating: bool) -> Result<String> {
        self.validate(creating)?;
        Ok(self.body())
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
