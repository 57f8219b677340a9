//! Media messages → `media_message { url, filename_override? }`. Sinch picks the
//! kind from the file; there is no caption and no provider (media must be public).

use super::refuse_if;
use crate::core::error::{Error, Result};
use crate::core::json::Writer;
use crate::core::message::Sticker;
use crate::prelude::*;

const NO_CAPTION: &str = "media_message has no caption; send the text as its own message";
const NO_PROVIDER: &str = "media must be at a public URL";

/// An image, video, audio or document (`filename` → `filename_override`), unless it
/// has a `caption` or a `provider`.
pub(super) fn media(
    url: &str,
    caption: bool,
    provider: bool,
    filename: Option<&String>,
    out: &mut Writer,
) -> Result<()> {
    refuse_if(caption, "message.caption", NO_CAPTION)?;
    refuse_provider(provider, "message.provider")?;
    write(url, filename, out);
    Ok(())
}

/// A sticker by URL; sticker ids have no equivalent.
pub(super) fn sticker(sticker: &Sticker, out: &mut Writer) -> Result<()> {
    let Some(url) = &sticker.url else {
        return Err(Error::invalid(
            "message.id",
            "sticker ids and stickerpacks do not exist in the Conversation API: \
             give the sticker's url (a WebP file) instead",
        ));
    };
    media(url, false, sticker.provider.is_some(), None, out)
}

/// A media `provider` (at `field`) when `given`.
pub(super) fn refuse_provider(given: bool, field: &str) -> Result<()> {
    refuse_if(given, field, NO_PROVIDER)
}

/// `"media_message": { url, filename_override? }`.
pub(super) fn write(url: &str, filename: Option<&String>, out: &mut Writer) {
    out.key("media_message");
    out.open_object();
    out.field("url", url);
    if let Some(name) = filename {
        out.field("filename_override", name);
    }
    out.close_object();
}
