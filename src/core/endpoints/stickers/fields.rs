//! The fields a caller gives to create or update a stickerpack or a sticker, as
//! tables of the message model's language (JS names them in camelCase, the wire in
//! snake_case): a create's required fields are said among the rules (`name: is
//! required`), an update needs at least one (`fields: give …`). Rust callers' typed
//! fields are written in their JS form and checked the same way.

use crate::core::error::Result;
use crate::core::json::{Value, Writer};
use crate::core::message::js_form;
use crate::core::message::schema::{list, Hook, Kind, Member, Need, Rule};
use crate::prelude::*;

const IOS: Member = Member("iosAppStoreLink", &Kind::Str(Rule::HttpUrl), Need::Optional);
const ANDROID: Member = Member(
    "androidAppStoreLink",
    &Kind::Str(Rule::HttpUrl),
    Need::Optional,
);
const NAMED: &Kind = &Kind::Str(Rule::NonBlank);
/// Most emojis one sticker may carry, each at most 8 scalar values (upstream says
/// "a single character"; one emoji as seen can be a sequence: skin tones, ZWJ families).
const EMOJIS: &Kind = &Kind::List(&list(
    &Kind::Str(Rule::Emoji),
    0,
    3,
    "must list at most 3 emojis",
));

/// `createStickerpack(fields)`: publisher and name required.
pub(crate) const CREATE_PACK: &Kind = &Kind::Object(&[
    Member("publisher", NAMED, Need::Late),
    Member("name", NAMED, Need::Late),
    IOS,
    ANDROID,
]);
/// `updateStickerpack(…, fields)`: at least one.
pub(crate) const UPDATE_PACK: &Kind = &Kind::Object(&[
    Member("publisher", NAMED, Need::Optional),
    Member("name", NAMED, Need::Optional),
    IOS,
    ANDROID,
    Member(
        "",
        &Kind::Hook(&Hook::AnyGiven(
            "fields",
            "give at least one field to change",
        )),
        Need::Optional,
    ),
]);
/// `createSticker(…, fields)`: url required.
pub(crate) const CREATE_STICKER: &Kind = &Kind::Object(&[
    Member("url", &Kind::Str(Rule::HttpUrl), Need::Late),
    Member("emojis", EMOJIS, Need::Optional),
]);
/// `updateSticker(…, fields)`: at least one.
pub(crate) const UPDATE_STICKER: &Kind = &Kind::Object(&[
    Member("url", &Kind::Str(Rule::HttpUrl), Need::Optional),
    Member("emojis", EMOJIS, Need::Optional),
    Member(
        "",
        &Kind::Hook(&Hook::AnyGiven("fields", "give url or emojis to change")),
        Need::Optional,
    ),
]);

/// The argument `fields` as `kind` (one of the tables above).
pub(crate) const fn param(kind: &'static Kind) -> Member {
    Member("fields", kind, Need::Required)
}

/// Typed fields in their JS form, written by `js`.
fn typed(js: impl FnOnce(&mut Writer)) -> Result<Value> {
    js_form("fields", |out| {
        out.open_object();
        js(out);
        out.close_object();
    })
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

impl StickerpackFields {
    /// The fields in their JS form (camelCase, the fields given only).
    pub(crate) fn js(&self) -> Result<Value> {
        typed(|out| {
            out.field_opt("publisher", &self.publisher);
            out.field_opt("name", &self.name);
            out.field_opt("iosAppStoreLink", &self.ios_app_store_link);
            out.field_opt("androidAppStoreLink", &self.android_app_store_link);
        })
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

impl StickerFields {
    /// The fields in their JS form (the fields given only).
    pub(crate) fn js(&self) -> Result<Value> {
        typed(|out| {
            out.field_opt("url", &self.url);
            out.field_opt("emojis", &self.emojis);
        })
    }
}
