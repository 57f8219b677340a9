//! `messages:send` bodies: a standalone [`SendRequest`] mapped to the Conversation
//! API (brief §2, §3.1), one body per recipient.
//!
//! Every rule is checked before any body is built: the standalone rules on `to`,
//! `callback` and the message (the same code the standalone path runs), then the
//! extras', then the message's Conversation rules as its JSON is written (once, for
//! every body). A field the Conversation API cannot carry is refused by its path,
//! saying why; none is dropped. Decisions where the brief is not sure:
//! - a media `caption` is refused (`media_message` has none; a `card_message`
//!   rendering is unconfirmed), as is every media `provider` (media must be public);
//! - a location needs a `name` (it becomes the required `title`);
//! - one contact card per message (`contact_info_message` holds one);
//! - a template without `language` is sent as `en`, the standalone default, and
//!   `en-US` is sent as `en_US`;
//! - reply buttons: `choice_message` without a header, `card_message` with one
//!   (body → `description`); a footer only where a field exists
//!   (`choice_message.message_properties.whatsapp_footer`); a list's footer is refused;
//!   a reply button's id is at most 229 characters and titles are unique (WhatsApp's
//!   native buttons through Sinch).

use super::write_recipient;
use crate::core::error::{Error, Result};
use crate::core::json::{decimal, Writer};
use crate::core::message::{Location, Message, SendRequest, Text};
use crate::prelude::*;

mod contacts;
mod extras;
mod interactive;
mod media;
mod template;

#[cfg(test)]
mod tests;

/// The `messages:send` bodies of `send` for app `app_id`: one per recipient, in
/// `send.to` order, every rule checked before any is built.
pub fn send_bodies(app_id: &str, send: &SendRequest) -> Result<Vec<String>> {
    send.validate_envelope()?;
    match &send.message {
        Message::Template(t) => t.validate_as("message", Some(&template::language(t)))?,
        message => message.validate("message")?,
    }
    extras::validate(&send.extras)?;
    let mut out = Writer::new();
    out.open_object();
    app_message(&send.message, &mut out)?;
    extras::channel_specific(&send.extras, &mut out);
    out.close_object();
    let message = out.finish();
    let mut bodies = Vec::with_capacity(send.to.len());
    for to in &send.to {
        bodies.push(envelope(app_id, to, &message, send));
    }
    Ok(bodies)
}

/// `{ app_id, recipient, message, callback_url?, correlation_id?, ttl? }` for one
/// recipient; `identity` is the number without its `+` (Sinch's samples).
fn envelope(app_id: &str, to: &str, message: &str, send: &SendRequest) -> String {
    let mut out = Writer::new();
    out.open_object();
    out.field("app_id", app_id);
    write_recipient(&mut out, to);
    out.key("message");
    out.raw(message);
    out.field_opt("callback_url", &send.callback);
    out.field_opt("correlation_id", &send.extras.correlation_id);
    if let Some(ttl) = send.extras.ttl {
        out.field("ttl", &[decimal(ttl).as_str(), "s"].concat());
    }
    out.close_object();
    out.finish()
}

/// The AppMessage's one content key and its object, after the Conversation rules.
/// The message is always at `message`, so every path here is a constant.
fn app_message(message: &Message, out: &mut Writer) -> Result<()> {
    match message {
        Message::Text(text) => write_text(text, out),
        Message::Image(m) | Message::Video(m) => {
            media::media(&m.url, m.caption.is_some(), m.provider.is_some(), None, out)
        }
        Message::Audio(m) => media::media(&m.url, false, m.provider.is_some(), None, out),
        Message::Document(m) => media::media(
            &m.url,
            m.caption.is_some(),
            m.provider.is_some(),
            m.filename.as_ref(),
            out,
        ),
        Message::Sticker(sticker) => media::sticker(sticker, out),
        Message::Location(location) => write_location(location, out),
        Message::Contacts(contacts) => contacts::contacts(contacts, out),
        Message::Template(template) => template::template(template, out),
        Message::Interactive(interactive) => interactive::interactive(interactive, out),
    }
}

/// `text_message { text }`; `previewUrl` has no field.
fn write_text(text: &Text, out: &mut Writer) -> Result<()> {
    if text.preview_url.is_some() {
        return Err(no_field(
            "message.previewUrl",
            "text_message has no link preview setting",
        ));
    }
    text_object(out, "text_message", &text.text);
    Ok(())
}

/// `location_message { coordinates { latitude, longitude }, title = name, label = address }`,
/// the coordinates as the caller's decimal text.
fn write_location(location: &Location, out: &mut Writer) -> Result<()> {
    let Some(name) = &location.name else {
        return Err(Error::invalid(
            "message.name",
            "is required (it becomes location_message.title)",
        ));
    };
    open(out, &["location_message", "coordinates"]);
    out.field("latitude", &location.lat);
    out.field("longitude", &location.lng);
    out.close_object();
    out.field("title", name);
    out.field_opt("label", &location.address);
    out.close_object();
    Ok(())
}

/// `field` has nowhere to go in the Conversation API: `why`, and what to do.
fn no_field(field: &str, why: &str) -> Error {
    Error::invalid(
        field,
        &[
            "has no equivalent in the Conversation API (",
            why,
            "): leave it out",
        ]
        .concat(),
    )
}

/// [`no_field`] for `field` when `given`.
fn refuse_if(given: bool, field: &str, why: &str) -> Result<()> {
    if given {
        return Err(no_field(field, why));
    }
    Ok(())
}

/// `"k1": { "k2": { …`, one object opened per key; the caller closes them ([`close`]).
fn open(out: &mut Writer, keys: &[&str]) {
    for key in keys {
        out.key(key);
        out.open_object();
    }
}

/// Closes `n` objects.
fn close(out: &mut Writer, n: usize) {
    for _ in 0..n {
        out.close_object();
    }
}

/// `"key": { "text": text }`.
fn text_object(out: &mut Writer, key: &str, text: &str) {
    one_member(out, key, "text", text);
}

/// `"key": { "member": value }`.
fn one_member(out: &mut Writer, key: &str, member: &str, value: &str) {
    open(out, &[key]);
    out.field(member, value);
    out.close_object();
}
