//! `messages:send` bodies: a standalone [`SendRequest`] mapped to the Conversation
//! API (brief §2, §3.1), one body per recipient.
//!
//! Every rule is checked before any body is built: the standalone rules on `to`,
//! `callback` and the message (the same code the standalone path runs), then the
//! extras', then the message's Conversation rules. The body is then copied from the
//! caller's request (already read and checked) as tables (text, see [`ENVELOPE`]) say, by one
//! writer ([`walk`]); a text message's text is written from the message read (so
//! `sendText`, which has no request object, needs none). A field the Conversation API cannot carry is refused by its
//! path, saying why; none is dropped. Decisions where the brief is not sure:
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

use super::{find, write_recipient};
use crate::core::error::{Error, Result};
use crate::core::json::{decimal, Value, Write, Writer};
use crate::core::message::{Message, SendRequest};
use crate::prelude::*;

mod contacts;
mod extras;
mod interactive;
mod template;

#[cfg(test)]
mod tests;

/// The `messages:send` bodies of `send` (read from `request`, the caller's JSON) for
/// app `app_id`: one per recipient, in `send.to` order, every rule checked before
/// any is built. Crate-internal: the bodies are copied from `request`, so `send`
/// must be what was read from it (the op table's one caller holds to that).
pub(crate) fn send_bodies(
    app_id: &str,
    send: &SendRequest,
    request: &Value,
) -> Result<Vec<String>> {
    send.validate_envelope()?;
    match &send.message {
        Message::Template(t) => t.validate_as("message", Some(&template::language(t)))?,
        message => message.validate("message")?,
    }
    extras::validate(&send.extras)?;
    let source = request.get("message").unwrap_or(&Value::Null);
    let mut out = Writer::new();
    out.open_object();
    app_message(&send.message, source, &mut out)?;
    extras::channel_specific(&send.extras, request, &mut out);
    out.close_object();
    let message = out.finish();
    let mut bodies = Vec::with_capacity(send.to.len());
    for to in &send.to {
        let mut out = Writer::new();
        out.open_object();
        out.field("app_id", app_id);
        write_recipient(&mut out, to);
        out.key("message");
        out.raw(&message);
        walk(request, ENVELOPE, &mut out);
        if let Some(ttl) = send.extras.ttl {
            out.field("ttl", &[decimal(ttl).as_str(), "s"].concat());
        }
        out.close_object();
        bodies.push(out.finish());
    }
    Ok(bodies)
}

/// The envelope's own members, after `message`. A table (for [`walk`]) lists, with
/// `;` between, where each member of the caller's JSON goes: `from>to(each)`, `from`
/// a dotted path below the object being mapped (absent, `null` or `[]`: left out), `to`
/// a dotted path below the object being written (`from` when left out; objects on
/// the way are opened as needed, so the members of one object are neighbours), and
/// `(each)`, if given, the table that maps the value (an object, or each object of
/// an array) in place of copying it as written.
const ENVELOPE: &str = "callback>callback_url;correlationId>correlation_id";
/// `media_message { url, filename_override? }`: Sinch picks the kind from the file.
const MEDIA: &str = "url>media_message.url;filename>media_message.filename_override";
/// `location_message { coordinates { latitude, longitude }, title = name, label =
/// address }`, the coordinates as the caller's decimal text.
const LOCATION: &str = "lat>location_message.coordinates.latitude;\
    lng>location_message.coordinates.longitude;name>location_message.title;\
    address>location_message.label";

/// Why a field has no place: media must be public.
const NO_PROVIDER: &str = "media must be at a public URL";
const PREVIEW: &[(&str, &str)] = &[("previewUrl", "text_message has no link preview setting")];
const CAPTIONED: &[(&str, &str)] = &[
    (
        "caption",
        "media_message has no caption; send the text as its own message",
    ),
    ("provider", NO_PROVIDER),
];
const PROVIDER: &[(&str, &str)] = &[("provider", NO_PROVIDER)];

/// The AppMessage's one content key and its object, after the Conversation rules,
/// from `source`, the caller's message (always at `message`).
fn app_message(message: &Message, source: &Value, out: &mut Writer) -> Result<()> {
    let (refused, table): (&[(&str, &str)], &str) = match message {
        Message::Text(text) => {
            refuse(source, PREVIEW)?;
            out.key("text_message");
            out.open_object();
            out.field("text", &text.text);
            out.close_object();
            return Ok(());
        }
        Message::Image(_) | Message::Video(_) | Message::Document(_) => (CAPTIONED, MEDIA),
        Message::Audio(_) => (PROVIDER, MEDIA),
        Message::Sticker(sticker) if sticker.url.is_none() => {
            return Err(Error::invalid(
                "message.id",
                "sticker ids and stickerpacks do not exist in the Conversation API: \
                 give the sticker's url (a WebP file) instead",
            ))
        }
        Message::Sticker(_) => (PROVIDER, MEDIA),
        Message::Location(location) if location.name.is_none() => {
            return Err(Error::invalid(
                "message.name",
                "is required (it becomes location_message.title)",
            ))
        }
        Message::Location(_) => (&[], LOCATION),
        Message::Contacts(contacts) => return contacts::contacts(contacts, source, out),
        Message::Template(template) => return template::template(template, source, out),
        Message::Interactive(interactive) => interactive::maps(interactive)?,
    };
    refuse(source, refused)?;
    walk(source, table, out);
    Ok(())
}

/// The first of `refused` (a dotted path below the message, and why it has no
/// place) that `source` has, as its error.
pub(super) fn refuse(source: &Value, refused: &[(&str, &str)]) -> Result<()> {
    for (path, why) in refused {
        if find(source, path).is_some() {
            return Err(no_field(&["message.", path].concat(), why));
        }
    }
    Ok(())
}

/// `field` has nowhere to go in the Conversation API: `why`, and what to do.
pub(super) fn no_field(field: &str, why: &str) -> Error {
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

/// Writes the members that `table` (see [`ENVELOPE`]) takes from `source` into the
/// object open in `out`.
pub(super) fn walk(source: &Value, table: &str, out: &mut Writer) {
    // The objects opened on the way to the last member written.
    let mut open: Vec<&str> = Vec::new();
    let mut rest = table;
    while !rest.is_empty() {
        let (entry, tail) = split_entry(rest);
        rest = tail;
        let (head, each) = match entry.split_once('(') {
            Some((head, each)) => (head, each.strip_suffix(')').unwrap_or(each)),
            None => (entry, ""),
        };
        let (from, mut to) = head.split_once('>').unwrap_or((head, head));
        let Some(value) = find(source, from) else {
            continue;
        };
        let mut depth = 0;
        while let Some((dir, leaf)) = to.split_once('.') {
            if open.get(depth) != Some(&dir) {
                close_to(&mut open, depth, out);
                out.key(dir);
                out.open_object();
                open.push(dir);
            }
            depth += 1;
            to = leaf;
        }
        close_to(&mut open, depth, out);
        out.key(to);
        put(value, each, out);
    }
    close_to(&mut open, 0, out);
}

/// The first entry of `table` and the rest, split at the first `;` outside `(…)`.
fn split_entry(table: &str) -> (&str, &str) {
    let mut depth = 0;
    for (i, byte) in table.bytes().enumerate() {
        match byte {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b';' if depth == 0 => {
                return (
                    table.get(..i).unwrap_or_default(),
                    table.get(i + 1..).unwrap_or_default(),
                )
            }
            _ => {}
        }
    }
    (table, "")
}

/// Closes the objects in `open` deeper than `depth`.
fn close_to(open: &mut Vec<&str>, depth: usize, out: &mut Writer) {
    while open.len() > depth {
        open.pop();
        out.close_object();
    }
}

/// `value` as written, or mapped by the table `each` (an object, or each of an
/// array's).
fn put(value: &Value, each: &str, out: &mut Writer) {
    match value {
        _ if each.is_empty() => value.write(out),
        Value::Array(items) => {
            out.open_array();
            for item in items {
                put(item, each, out);
            }
            out.close_array();
        }
        _ => {
            out.open_object();
            walk(value, each, out);
            out.close_object();
        }
    }
}
