//! The answers of the sticker endpoints, read from the wire and written as the
//! JS results.

use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::response::Fields;
use crate::prelude::*;

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
        read_listing(value, at, list, item).map(Self)
    }
}

/// The `item` of each object in the array `list` of `value`; one copy for both kinds
/// of [`Listing`].
fn read_listing(value: &Value, at: &Path, list: &str, item: &str) -> Result<Vec<String>> {
    let fields = Fields::lenient(value, at)?;
    let list_at = at.key(list);
    let Some(entries) = fields.get(list) else {
        return Err(list_at.invalid("is required"));
    };
    let Value::Array(entries) = entries else {
        return Err(list_at.invalid("must be an array"));
    };
    let mut out = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        out.push(Fields::lenient(entry, &list_at.index(i))?.required(item)?);
    }
    Ok(out)
}

impl<const PACKS: bool> Write for Listing<PACKS> {
    fn write(&self, out: &mut Writer) {
        let (list, item) = Self::KEYS;
        write_listing(out, list, item, &self.0);
    }
}

/// `{ list: [{ item: value }…] }`; one copy for both kinds of [`Listing`].
fn write_listing(out: &mut Writer, list: &str, item: &str, values: &[String]) {
    out.open_object();
    out.key(list);
    out.open_array();
    for value in values {
        out.open_object();
        out.field(item, value);
        out.close_object();
    }
    out.close_array();
    out.close_object();
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
        Fields::lenient(value, at)?.required(Self::KEY).map(Self)
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
#[derive(Debug, Clone, Default, PartialEq)]
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
        let fields = Fields::lenient(value, at)?;
        let mut out = Self::default();
        fields.set(&mut out.publisher, "publisher")?;
        fields.set(&mut out.name, "name")?;
        fields.set_opt(&mut out.ios_app_store_link, "ios_app_store_link")?;
        fields.set_opt(&mut out.android_app_store_link, "android_app_store_link")?;
        Ok(out)
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
        let fields = Fields::lenient(value, at)?;
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
