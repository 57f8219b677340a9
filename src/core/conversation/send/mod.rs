//! `messages:send` bodies: a standalone send (the caller's JSON) mapped to the
//! Conversation API (brief §2, §3.1): the part every recipient's body shares after
//! its identity (`send_tail`; the JS face puts `head`, the number and it together).
//!
//! The send is checked first (the same check the standalone path runs, with the
//! extras' rules and, under this API, the reply-button rules below); then one walk
//! (`walk`) copies the checked request as the tables (text, e.g. `ENVELOPE`) say,
//! and refuses, by its path and saying why, a field the Conversation API cannot carry
//! (table entries too): none is dropped, and nothing is returned unless the whole
//! walk succeeds (`channelSpecificMessage` is the message writer's, `extras`).
//! Decisions where the brief is not sure:
//! - a media `caption` is refused (`media_message` has none; a `card_message`
//!   rendering is unconfirmed), as is every media `provider` (media must be public);
//! - a location needs a `name` (it becomes the required `title`);
//! - one contact card per message (`contact_info_message` holds one);
//! - a template without `language` is sent as `en`, the standalone default, and
//!   `en-US` is sent as `en_US`;
//! - reply buttons: `choice_message` without a header, `card_message` with one
//!   (body → `description`); a footer only where a field exists
//!   (`choice_message.message_properties.whatsapp_footer`); a list's footer is refused;
//!   a reply button's id is at most 229 characters and titles are unique and hold no
//!   markdown (WhatsApp's native buttons through Sinch; `message::check`'s `markdown`).

use super::{find, RECIPIENT_END};
use crate::core::error::{join, Error, Result};
use crate::core::json::{Path, Value, Write, Writer};
use crate::core::message::check;
use crate::core::whatwg::cut;
use crate::prelude::*;

mod contacts;
mod extras;
mod interactive;
mod template;

#[cfg(test)]
mod tests;

/// What follows [`super::head`] and a recipient's identity in each `messages:send`
/// body of `request` (the caller's JSON): the recipient closed, then `"message": {…}`
/// and the envelope's members, every rule checked first.
pub(crate) fn send_tail(request: &Value) -> Result<String> {
    check(request, true)?;
    let source = request.get("message").unwrap_or(&Value::Null);
    let mut rest = Writer::new();
    rest.raw(RECIPIENT_END);
    rest.key("message");
    rest.open_object();
    app_message(source, &mut rest)?;
    extras::channel_specific(request, &mut rest);
    rest.close_object();
    walk(request, &Path::root(""), ENVELOPE, &mut rest)?;
    if let Some(Value::Number(ttl)) = find(request, "ttl") {
        rest.field("ttl", &join(&[ttl.as_str(), "s"]));
    }
    let mut tail = rest.finish();
    tail.push('}');
    Ok(tail)
}

/// The envelope's own members, after `message`. A table (for [`walk`]) lists, with
/// `;` between, where each member of the caller's JSON goes: `from>to(each)`, `from`
/// a dotted path below the object being mapped (absent, `null` or `[]`: left out), `to`
/// a dotted path below the object being written (`from` when left out; objects on
/// the way are opened as needed, so the members of one object are neighbours), and
/// `(each)`, if given, the table that maps the value (an object, or each object of
/// an array) in place of copying it as written. `from!(why)` refuses `from` when
/// given (it has no place: [`no_field`]); `from?(rule)` when not (`rule` broken).
const ENVELOPE: &str = "callback>callback_url;correlationId>correlation_id";
/// The refusal of a media `provider` (media must be public), an entry for the
/// tables (a macro, so that `concat!` puts it into their text).
macro_rules! no_provider {
    () => {
        "provider!(media must be at a public URL)"
    };
}
use no_provider;
/// `media_message { url, filename_override? }`: Sinch picks the kind from the file;
/// no caption (audio and stickers have none), no provider.
const MEDIA: &str = concat!(
    "caption!(media_message has no caption; send the text as its own message);",
    no_provider!(),
    ";url>media_message.url;filename>media_message.filename_override"
);
/// `location_message { coordinates { latitude, longitude }, title = name, label =
/// address }`, the coordinates as the caller's decimal text.
const LOCATION: &str = "name?(is required (it becomes location_message.title));\
    lat>location_message.coordinates.latitude;\
    lng>location_message.coordinates.longitude;name>location_message.title;\
    address>location_message.label";

/// The AppMessage's one content key and its object, after the Conversation rules,
/// from `source`, the caller's message (checked, at `message`).
fn app_message(source: &Value, out: &mut Writer) -> Result<()> {
    let kind = source
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let table = match kind {
        "text" => "previewUrl!(text_message has no link preview);text>text_message.text",
        "sticker" if find(source, "url").is_none() => {
            return Err(Error::invalid(
                "message.id",
                "sticker ids and stickerpacks do not exist in the Conversation API: give url",
            ))
        }
        "image" | "video" | "document" | "audio" | "sticker" => MEDIA,
        "location" => LOCATION,
        "contacts" => return contacts::contacts(source, out),
        "template" => return template::template(source, out),
        _ => interactive::maps(source),
    };
    walk(source, &Path::root("message"), table, out)
}

/// The field at `at` has nowhere to go in the Conversation API: `why`, and what to do.
pub(super) fn no_field(at: &Path, why: &str) -> Error {
    at.invalid(&join(&[
        "has no equivalent in the Conversation API (",
        why,
        "): leave it out",
    ]))
}

/// Writes the members that `table` (see [`ENVELOPE`]) takes from `source` (at `at`)
/// into the object open in `out`, or the error of the first refused.
pub(super) fn walk(source: &Value, at: &Path, table: &str, out: &mut Writer) -> Result<()> {
    // The objects opened on the way to the last member written.
    let mut open: Vec<&str> = Vec::new();
    let mut rest = table;
    while !rest.is_empty() {
        let (entry, tail) = split_entry(rest);
        rest = tail;
        let (head, each) = match cut(entry, b"(") {
            Some((head, each)) => (head, each.strip_suffix(")").unwrap_or(each)),
            None => (entry, ""),
        };
        if let Some(&mark @ (b'!' | b'?')) = head.as_bytes().last() {
            let from = head.get(..head.len() - 1).unwrap_or_default();
            let at = at.key(from);
            match (find(source, from).is_some(), mark == b'!') {
                (true, true) => return Err(no_field(&at, each)),
                (false, false) => return Err(at.invalid(each)),
                _ => continue,
            }
        }
        let (from, mut to) = cut(head, b">").unwrap_or((head, head));
        let Some(value) = find(source, from) else {
            continue;
        };
        let mut depth = 0;
        while let Some((dir, leaf)) = cut(to, b".") {
            if !matches!(open.get(depth), Some(was) if *was == dir) {
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
        put(value, &at.key(from), each, out)?;
    }
    close_to(&mut open, 0, out);
    Ok(())
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

/// `value` (at `at`) as written, or mapped by the table `each` (an object, or each
/// of an array's).
fn put(value: &Value, at: &Path, each: &str, out: &mut Writer) -> Result<()> {
    match value {
        _ if each.is_empty() => value.write(out),
        Value::Array(items) => {
            out.open_array();
            for (i, item) in items.iter().enumerate() {
                put(item, &at.index(i), each, out)?;
            }
            out.close_array();
        }
        _ => {
            out.open_object();
            walk(value, at, each, out)?;
            out.close_object();
        }
    }
    Ok(())
}
