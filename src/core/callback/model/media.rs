//! Inbound media: image, document, audio, video, voice and sticker messages, and sticker metadata.

use super::fields::{Extra, Fields};
use super::unknown::Body;
use super::wire::ZeroOne;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// An image, document, audio, video, voice or sticker message. The media type is
/// the [`InboundMessage`](super::InboundMessage) variant.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaMessage {
    /// Public URL of the media file (expires after seven days).
    pub url: String,
    /// MIME type of the file.
    pub mime_type: String,
    /// Caption.
    pub caption: Option<String>,
    /// File name (audio and document).
    pub filename: Option<String>,
    /// Sticker metadata (stickers only).
    pub metadata: Option<StickerMetadata>,
    /// Unknown fields (e.g. an `id` or `sha256`, which the docs do not list).
    pub extra: Extra,
}

impl Body for MediaMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            url: fields.required("url")?,
            mime_type: fields.required("mime_type")?,
            caption: fields.optional("caption")?,
            filename: fields.optional("filename")?,
            metadata: fields.optional("metadata")?,
            extra: fields.extra(&[
                "type",
                "url",
                "mime_type",
                "mimeType",
                "caption",
                "filename",
                "metadata",
            ]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field("mimeType", &self.mime_type);
        out.field_opt("caption", &self.caption);
        out.field_opt("filename", &self.filename);
        out.field_opt("metadata", &self.metadata);
        self.extra.write_into(out);
    }
}

/// The metadata of a received sticker. The wire names are kebab-case
/// (`stickerpack-id`); JS sees camelCase (`stickerpackId`). Unknown fields are
/// not kept.
#[derive(Debug, Clone, PartialEq)]
pub struct StickerMetadata {
    /// Id of the sticker's pack.
    pub stickerpack_id: Option<String>,
    /// Name of the pack.
    pub stickerpack_name: Option<String>,
    /// Publisher of the pack.
    pub stickerpack_publisher: Option<String>,
    /// Emojis of the sticker.
    pub emojis: Vec<String>,
    /// Apple App Store link of the pack.
    pub ios_app_store_link: Option<String>,
    /// Google Play link of the pack.
    pub android_app_store_link: Option<String>,
    /// Whether the pack is first-party (the wire sends `1` or `0`; booleans are
    /// accepted too).
    pub is_first_party_sticker: Option<bool>,
}

impl Read for StickerMetadata {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            stickerpack_id: fields.optional("stickerpack-id")?,
            stickerpack_name: fields.optional("stickerpack-name")?,
            stickerpack_publisher: fields.optional("stickerpack-publisher")?,
            emojis: fields.list("emojis")?,
            ios_app_store_link: fields.optional("ios-app-store-link")?,
            android_app_store_link: fields.optional("android-app-store-link")?,
            is_first_party_sticker: fields
                .optional::<ZeroOne>("is-first-party-sticker")?
                .map(|flag| flag.0),
        })
    }
}

impl Write for StickerMetadata {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field_opt("stickerpackId", &self.stickerpack_id);
        out.field_opt("stickerpackName", &self.stickerpack_name);
        out.field_opt("stickerpackPublisher", &self.stickerpack_publisher);
        out.field("emojis", &self.emojis);
        out.field_opt("iosAppStoreLink", &self.ios_app_store_link);
        out.field_opt("androidAppStoreLink", &self.android_app_store_link);
        out.field_opt("isFirstPartySticker", &self.is_first_party_sticker);
        out.close_object();
    }
}
