//! Interactive messages. Reply buttons → `choice_message` (no header: the footer
//! goes to `message_properties.whatsapp_footer`) or `card_message` (a header: a
//! text one in `message_properties.whatsapp_header`, a media one as its
//! `media_message`; the body is the card's `description`; a card has no footer
//! field). A list → `list_message` (the body is its `title`, the button its
//! `menu`, the header its `whatsapp_header`; it has no footer field).
//!
//! WhatsApp shows native buttons only when each title is unique and without
//! markdown, and each `postback_data` is at most 229 characters (the standalone id
//! allowed 230): the message model's check holds all three under the Conversation
//! API, otherwise Sinch would send plain text.

use super::{find, no_provider};
use crate::core::json::Value;

/// The tables (for [`super::walk`]) of a message without a header, with one (no
/// footer, no media provider), and a list (no footer). A reply button is `{ text_message: { text: title }, postback_data: id }`; a
/// section's rows are its `items`: `{ choice: { title, description?, postback_data } }`.
const CHOICE_MESSAGE: &str = "message.body.text>choice_message.text_message.text;\
    message.action.buttons>choice_message.choices(title>text_message.text;id>postback_data);\
    message.footer.text>choice_message.message_properties.whatsapp_footer";
const CARD_MESSAGE: &str = concat!(
    "message.footer!(with a header it is a card_message, which has no footer);\
    message.header.",
    no_provider!(),
    ";message.body.text>card_message.description;\
    message.header.url>card_message.media_message.url;\
    message.header.filename>card_message.media_message.filename_override;\
    message.action.buttons>card_message.choices(title>text_message.text;id>postback_data);\
    message.header.text>card_message.message_properties.whatsapp_header"
);
const LIST_MESSAGE: &str = "message.footer!(list_message has no footer);\
    message.body.text>list_message.title;\
    message.action.sections>list_message.sections(title;rows>items(title>choice.title;\
    description>choice.description;id>choice.postback_data));\
    message.action.button>list_message.message_properties.menu;\
    message.header.text>list_message.message_properties.whatsapp_header";

/// The table of the interactive message `source` (checked: under the Conversation
/// API its ids are at most 229 characters and its reply button titles unique,
/// `message::schema`).
pub(super) fn maps(source: &Value) -> &'static str {
    match (find(source, "message.type"), find(source, "message.header")) {
        (Some(Value::String(kind)), _) if kind == "list" => LIST_MESSAGE,
        (_, Some(_)) => CARD_MESSAGE,
        _ => CHOICE_MESSAGE,
    }
}
