//! Inbound media: image, document, audio, video, voice and sticker messages, and sticker metadata.

use super::wire::{null_as_default, zero_one_bool};
use super::Extra;
use serde::{Deserialize, Serialize};

/// An image, document, audio, video, voice or sticker message. The media type is
/// the [`InboundMessage`](super::InboundMessage) variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct MediaMessage {
    /// Public URL of the media file (expires after seven days).
    pub url: String,
    /// MIME type of the file.
    pub mime_type: String,
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// File name (audio and document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Sticker metadata (stickers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<StickerMetadata>,
    /// Unknown fields (e.g. an `id` or `sha256`, which the docs do not list).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The metadata of a received sticker. The wire names are kebab-case
/// (`stickerpack-id`); JS sees camelCase (`stickerpackId`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickerMetadata {
    /// Id of the sticker's pack.
    #[serde(
        rename(deserialize = "stickerpack-id", serialize = "stickerpackId"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_id: Option<String>,
    /// Name of the pack.
    #[serde(
        rename(deserialize = "stickerpack-name", serialize = "stickerpackName"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_name: Option<String>,
    /// Publisher of the pack.
    #[serde(
        rename(
            deserialize = "stickerpack-publisher",
            serialize = "stickerpackPublisher"
        ),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stickerpack_publisher: Option<String>,
    /// Emojis of the sticker.
    #[serde(default, deserialize_with = "null_as_default")]
    pub emojis: Vec<String>,
    /// Apple App Store link of the pack.
    #[serde(
        rename(deserialize = "ios-app-store-link", serialize = "iosAppStoreLink"),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ios_app_store_link: Option<String>,
    /// Google Play link of the pack.
    #[serde(
        rename(
            deserialize = "android-app-store-link",
            serialize = "androidAppStoreLink"
        ),
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub android_app_store_link: Option<String>,
    /// Whether the pack is first-party (the wire sends `1` or `0`; booleans are
    /// accepted too).
    #[serde(
        rename(
            deserialize = "is-first-party-sticker",
            serialize = "isFirstPartySticker"
        ),
        default,
        deserialize_with = "zero_one_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_first_party_sticker: Option<bool>,
}
