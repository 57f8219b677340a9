//! STUB until branch i13-message lands (the merge replaces this file): the
//! `messages:send` bodies of a text message only; every other type is refused.

use crate::core::conversation::write_recipient;
use crate::core::error::{Error, Result};
use crate::core::json::Writer;
use crate::core::message::{Message, SendRequest};
use crate::prelude::*;

/// The `messages:send` bodies of `send` for app `app_id`: one per recipient, in
/// `send.to` order, every rule checked before any is built.
pub fn send_bodies(app_id: &str, send: &SendRequest) -> Result<Vec<String>> {
    send.validate()?;
    let Message::Text(text) = &send.message else {
        return Err(Error::invalid(
            "message.type",
            "is not mapped to the Conversation API yet",
        ));
    };
    if text.preview_url.is_some() {
        return Err(Error::invalid(
            "message.previewUrl",
            "has no Conversation API equivalent",
        ));
    }
    Ok(send
        .to
        .iter()
        .map(|number| {
            let mut out = Writer::new();
            out.open_object();
            out.field("app_id", app_id);
            write_recipient(&mut out, number);
            out.key("message");
            out.open_object();
            out.key("text_message");
            out.open_object();
            out.field("text", &text.text);
            out.close_object();
            out.close_object();
            out.field_opt("callback_url", &send.callback);
            out.close_object();
            out.finish()
        })
        .collect())
}
