//! Media messages → `media_message { url, filename_override? }`. Sinch picks the
//! kind from the file; there is no caption and no provider (media must be public).

use super::refuse_if;
use crate::core::error::{Error, Result};
use crate::core::json::Writer;
use crate::core::message::{sub, Document, Media, MediaLink, Sticker};
use crate::prelude::*;

const NO_CAPTION: &str = "media_message has no caption; send the text as its own message";
const NO_PROVIDER: &str = "media must be at a public URL";

/// An image or video.
pub(super) fn media(media: &Media, path: &str, out: &mut Writer) -> Result<()> {
    refuse_if(media.caption.is_some(), path, "caption", NO_CAPTION)?;
    refuse_provider(media.provider.is_some(), path)?;
    write(&media.url, None, out);
    Ok(())
}

/// An audio.
pub(super) fn link(link: &MediaLink, path: &str, out: &mut Writer) -> Result<()> {
    refuse_provider(link.provider.is_some(), path)?;
    write(&link.url, None, out);
    Ok(())
}

/// A document: `filename` → `filename_override`.
pub(super) fn document(document: &Document, path: &str, out: &mut Writer) -> Result<()> {
    refuse_if(document.caption.is_some(), path, "caption", NO_CAPTION)?;
    refuse_provider(document.provider.is_some(), path)?;
    write(&document.url, document.filename.as_ref(), out);
    Ok(())
}

/// A sticker by URL; sticker ids have no equivalent.
pub(super) fn sticker(sticker: &Sticker, path: &str, out: &mut Writer) -> Result<()> {
    let Some(url) = &sticker.url else {
        return Err(Error::invalid(
            &sub(path, "id"),
            "sticker ids and stickerpacks do not exist in the Conversation API: \
             give the sticker's url (a WebP file) instead",
        ));
    };
    refuse_provider(sticker.provider.is_some(), path)?;
    write(url, None, out);
    Ok(())
}

/// A media `provider` when `given`.
pub(super) fn refuse_provider(given: bool, path: &str) -> Result<()> {
    refuse_if(given, path, "provider", NO_PROVIDER)
}

/// `"media_message": { url, filename_override? }`.
pub(super) fn write(url: &str, filename: Option<&String>, out: &mut Writer) {
    out.key("media_message");
    write_object(url, filename, out);
}

/// `{ url, filename_override? }`.
pub(super) fn write_object(url: &str, filename: Option<&String>, out: &mut Writer) {
    out.open_object();
    out.field("url", url);
    if let Some(name) = filename {
        out.field("filename_override", name);
    }
    out.close_object();
}
