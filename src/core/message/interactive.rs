//! Interactive messages: up to three reply buttons, or a list of up to ten rows.
//! Wire: `{ type: "interactive", message: { type: "button" | "list", header?, body, footer?, action } }`.

use super::media::{DocumentLink, MediaLink};
use super::tagged::tagged;
use super::{check_unique, item, sub};
use crate::core::error::{Error, Result};
use crate::core::rules::{check_chars, check_count};
use serde::{Deserialize, Serialize};

/// `{ message: button or list }`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interactive {
    /// The button or list message.
    pub message: InteractiveMessage,
}

/// A button or a list message, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InteractiveMessage {
    /// Up to three reply buttons.
    Button(ButtonMessage),
    /// A list of rows in sections, opened by a button.
    List(ListMessage),
}

tagged!(InteractiveMessage { "button" => Button(ButtonMessage), "list" => List(ListMessage) });

/// `{ text }`: a body (≤1024), footer (≤60) or text header (≤60).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextPart {
    /// The text.
    pub text: String,
}

/// A button message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ButtonMessage {
    /// Text, image, video or document shown above the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<ButtonHeader>,
    /// The body, 1–1024 characters.
    pub body: TextPart,
    /// A footer, 1–60 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<TextPart>,
    /// The buttons.
    pub action: ButtonAction,
}

/// The header of a button message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ButtonHeader {
    /// `{ type: "text", text }`, ≤60 characters.
    Text(TextPart),
    /// `{ type: "image", url, provider? }`
    Image(MediaLink),
    /// `{ type: "video", url, provider? }`
    Video(MediaLink),
    /// `{ type: "document", url, filename?, provider? }`
    Document(DocumentLink),
}

tagged!(ButtonHeader {
    "text" => Text(TextPart),
    "image" => Image(MediaLink),
    "video" => Video(MediaLink),
    "document" => Document(DocumentLink),
});

/// `{ buttons: [1–3 reply buttons] }`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ButtonAction {
    /// The buttons, 1 to 3, ids unique.
    pub buttons: Vec<ReplyButton>,
}

/// `{ type: "reply", id, title }`; callers may leave out `type`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyButton {
    /// Always `reply`.
    #[serde(
        rename = "type",
        default = "reply",
        deserialize_with = "constant::reply"
    )]
    pub kind: String,
    /// Comes back in the callback, 1–230 characters, unique in the message.
    pub id: String,
    /// The label, 1–20 characters.
    pub title: String,
}

/// A list message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListMessage {
    /// A text header, ≤60 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<ListHeader>,
    /// The body, 1–1024 characters.
    pub body: TextPart,
    /// A footer, 1–60 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footer: Option<TextPart>,
    /// The button that opens the list, and the rows.
    pub action: ListAction,
}

/// `{ type: "text", text }`; callers may leave out `type`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListHeader {
    /// Always `text`.
    #[serde(rename = "type", default = "text", deserialize_with = "constant::text")]
    pub kind: String,
    /// The header text, 1–60 characters.
    pub text: String,
}

/// `{ button, sections }`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListAction {
    /// The label of the button that opens the list, 1–20 characters.
    pub button: String,
    /// 1–10 sections, 10 rows at most in all.
    pub sections: Vec<Section>,
}

/// A titled group of rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// 1–24 characters.
    pub title: String,
    /// 1–10 rows.
    pub rows: Vec<Row>,
}

/// One choice of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Comes back in the callback, 1–174 characters, unique in the message.
    pub id: String,
    /// 1–20 characters.
    pub title: String,
    /// Up to 72 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn reply() -> String {
    "reply".into()
}

fn text() -> String {
    "text".into()
}

/// Deserializers for fields that may only hold one value.
mod constant {
    use serde::de::{Deserializer, Error};
    use serde::Deserialize;

    fn only<'de, D: Deserializer<'de>>(
        deserializer: D,
        value: &'static str,
    ) -> Result<String, D::Error> {
        let given = String::deserialize(deserializer)?;
        if given == value {
            Ok(given)
        } else {
            Err(D::Error::invalid_value(
                serde::de::Unexpected::Str(&given),
                &value,
            ))
        }
    }

    pub fn reply<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        only(deserializer, "reply")
    }

    pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        only(deserializer, "text")
    }
}

impl Interactive {
    pub(super) fn validate(&self, path: &str) -> Result<()> {
        let path = sub(path, "message");
        match &self.message {
            InteractiveMessage::Button(button) => button.validate(&path),
            InteractiveMessage::List(list) => list.validate(&path),
        }
    }
}

/// Body and footer, shared by both kinds.
fn check_body_footer(path: &str, body: &TextPart, footer: Option<&TextPart>) -> Result<()> {
    check_chars(&sub(path, "body.text"), &body.text, 1, 1024)?;
    match footer {
        Some(footer) => check_chars(&sub(path, "footer.text"), &footer.text, 1, 60),
        None => Ok(()),
    }
}

impl ButtonMessage {
    fn validate(&self, path: &str) -> Result<()> {
        let header = sub(path, "header");
        match &self.header {
            Some(ButtonHeader::Text(part)) => {
                check_chars(&sub(&header, "text"), &part.text, 1, 60)?
            }
            Some(ButtonHeader::Image(link) | ButtonHeader::Video(link)) => {
                link.validate(&header)?
            }
            Some(ButtonHeader::Document(link)) => link.validate(&header)?,
            None => {}
        }
        check_body_footer(path, &self.body, self.footer.as_ref())?;
        let buttons = sub(path, "action.buttons");
        let list = &self.action.buttons;
        check_count(&buttons, list.len(), 1, 3, "must hold 1 to 3 buttons")?;
        let mut seen = Vec::with_capacity(list.len());
        for (i, button) in list.iter().enumerate() {
            let at = item(&buttons, i);
            check_chars(&sub(&at, "id"), &button.id, 1, 230)?;
            check_unique(|| sub(&at, "id"), &seen, &button.id)?;
            check_chars(&sub(&at, "title"), &button.title, 1, 20)?;
            seen.push(&button.id);
        }
        Ok(())
    }
}

impl ListMessage {
    fn validate(&self, path: &str) -> Result<()> {
        if let Some(header) = &self.header {
            check_chars(&sub(path, "header.text"), &header.text, 1, 60)?;
        }
        check_body_footer(path, &self.body, self.footer.as_ref())?;
        check_chars(&sub(path, "action.button"), &self.action.button, 1, 20)?;
        let sections = sub(path, "action.sections");
        let list = &self.action.sections;
        check_count(&sections, list.len(), 1, 10, "must hold 1 to 10 sections")?;
        let total: usize = list.iter().map(|s| s.rows.len()).sum();
        if total > 10 {
            return Err(Error::invalid(
                &sections,
                "may hold at most 10 rows in all sections together",
            ));
        }
        let mut seen = Vec::with_capacity(total);
        for (i, section) in list.iter().enumerate() {
            let at = item(&sections, i);
            check_chars(&sub(&at, "title"), &section.title, 1, 24)?;
            check_count(
                &sub(&at, "rows"),
                section.rows.len(),
                1,
                10,
                "must hold 1 to 10 rows",
            )?;
            for (j, row) in section.rows.iter().enumerate() {
                let row_at = item(&sub(&at, "rows"), j);
                check_chars(&sub(&row_at, "id"), &row.id, 1, 174)?;
                check_unique(|| sub(&row_at, "id"), &seen, &row.id)?;
                check_chars(&sub(&row_at, "title"), &row.title, 1, 20)?;
                if let Some(description) = &row.description {
                    check_chars(&sub(&row_at, "description"), description, 0, 72)?;
                }
                seen.push(&row.id);
            }
        }
        Ok(())
    }
}
