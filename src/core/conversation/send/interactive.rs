//! Interactive messages. Reply buttons → `choice_message` (no header: the footer
//! goes to `message_properties.whatsapp_footer`) or `card_message` (a header: a
//! text one in `message_properties.whatsapp_header`, a media one as its
//! `media_message`; the body is the card's `description`; a card has no footer
//! field). A list → `list_message` (the body is its `title`, the button its
//! `menu`, the header its `whatsapp_header`; it has no footer field).
//!
//! WhatsApp shows native buttons only when each title is unique and each
//! `postback_data` is at most 229 characters (the standalone id allowed 230), so
//! both are rules here: otherwise Sinch would send plain text.

use super::media::{refuse_provider, write};
use super::{close, one_member, open, refuse_if, text_object};
use crate::core::error::{Error, Result};
use crate::core::json::Writer;
use crate::core::message::{
    item, sub, ButtonHeader, ButtonMessage, Interactive, InteractiveMessage, ListMessage,
    ReplyButton,
};
use crate::core::rules::check_chars;

/// Longest `postback_data` WhatsApp's native buttons take through Sinch.
const MAX_POSTBACK_CHARS: usize = 229;

/// The button or list message of `interactive`.
pub(super) fn interactive(interactive: &Interactive, out: &mut Writer) -> Result<()> {
    match &interactive.message {
        InteractiveMessage::Button(buttons) => write_buttons(buttons, out),
        InteractiveMessage::List(list) => write_list(list, out),
    }
}

fn write_buttons(message: &ButtonMessage, out: &mut Writer) -> Result<()> {
    let list = &message.action.buttons;
    let mut i = 0;
    for button in list {
        i += 1;
        let at = |leaf| sub(&item("message.message.action.buttons", i - 1), leaf);
        if crate::core::rules::count_chars(&button.id) > MAX_POSTBACK_CHARS {
            check_chars(&at("id"), &button.id, 1, MAX_POSTBACK_CHARS)?;
        }
        // The first button with this title is this one.
        if list.iter().position(|b| b.title == button.title) != Some(i - 1) {
            return Err(Error::invalid(
                &at("title"),
                "must be unique (WhatsApp shows repeated titles as plain text)",
            ));
        }
    }
    let Some(header) = &message.header else {
        open(out, &["choice_message"]);
        text_object(out, "text_message", &message.body.text);
        write_choices(list, out);
        if let Some(footer) = &message.footer {
            one_member(out, "message_properties", "whatsapp_footer", &footer.text);
        }
        out.close_object();
        return Ok(());
    };
    refuse_if(
        message.footer.is_some(),
        "message.message.footer",
        "a message with a header is a card_message, which has no footer",
    )?;
    // (url, provider given, filename) of a media header.
    let media = match header {
        ButtonHeader::Text(_) => None,
        ButtonHeader::Image(link) | ButtonHeader::Video(link) => {
            Some((&link.url, link.provider.is_some(), None))
        }
        ButtonHeader::Document(link) => {
            Some((&link.url, link.provider.is_some(), link.filename.as_ref()))
        }
    };
    let provider = media.is_some_and(|(_, provider, _)| provider);
    refuse_provider(provider, "message.message.header.provider")?;
    open(out, &["card_message"]);
    out.field("description", &message.body.text);
    if let Some((url, _, filename)) = media {
        write(url, filename, out);
    }
    write_choices(list, out);
    if let ButtonHeader::Text(text) = header {
        one_member(out, "message_properties", "whatsapp_header", &text.text);
    }
    out.close_object();
    Ok(())
}

/// `"choices": [{ text_message: { text: title }, postback_data: id }]`.
fn write_choices(buttons: &[ReplyButton], out: &mut Writer) {
    out.key("choices");
    out.open_array();
    for button in buttons {
        out.open_object();
        text_object(out, "text_message", &button.title);
        out.field("postback_data", &button.id);
        out.close_object();
    }
    out.close_array();
}

fn write_list(message: &ListMessage, out: &mut Writer) -> Result<()> {
    refuse_if(
        message.footer.is_some(),
        "message.message.footer",
        "list_message has no footer",
    )?;
    open(out, &["list_message"]);
    out.field("title", &message.body.text);
    out.key("sections");
    out.open_array();
    for section in &message.action.sections {
        out.open_object();
        out.field("title", &section.title);
        out.key("items");
        out.open_array();
        for row in &section.rows {
            out.open_object();
            open(out, &["choice"]);
            out.field("title", &row.title);
            out.field_opt("description", &row.description);
            out.field("postback_data", &row.id);
            close(out, 2);
        }
        out.close_array();
        out.close_object();
    }
    out.close_array();
    open(out, &["message_properties"]);
    out.field("menu", &message.action.button);
    if let Some(header) = &message.header {
        out.field("whatsapp_header", &header.text);
    }
    out.close_object();
    out.close_object();
    Ok(())
}
