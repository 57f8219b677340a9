//! Interactive messages: up to three reply buttons, or a list of up to ten rows.
//! Wire: `{ type: "interactive", message: { type: "button" | "list", header?, body, footer?, action } }`.

use super::media::{DocumentLink, MediaLink};
use super::{check_unique, item, objects, sub, write_tagged, Members};
use crate::core::error::{Error, Result};
use crate::core::json::read::{object, tag, Object};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::core::rules::{check_chars, check_count};

/// `{ message: button or list }`
#[derive(Debug, Clone, PartialEq)]
pub struct Interactive {
    /// The button or list message.
    pub message: InteractiveMessage,
}

/// A button or a list message, tagged by `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum InteractiveMessage {
    /// Up to three reply buttons.
    Button(ButtonMessage),
    /// A list of rows in sections, opened by a button.
    List(ListMessage),
}

/// `{ text }`: a body (≤1024), footer (≤60) or text header (≤60).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextPart {
    /// The text.
    pub text: String,
}

/// A button message.
#[derive(Debug, Clone, PartialEq)]
pub struct ButtonMessage {
    /// Text, image, video or document shown above the body.
    pub header: Option<ButtonHeader>,
    /// The body, 1–1024 characters.
    pub body: TextPart,
    /// A footer, 1–60 characters.
    pub footer: Option<TextPart>,
    /// The buttons.
    pub action: ButtonAction,
}

/// The header of a button message.
#[derive(Debug, Clone, PartialEq)]
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

/// `{ buttons: [1–3 reply buttons] }`
#[derive(Debug, Clone, PartialEq)]
pub struct ButtonAction {
    /// The buttons, 1 to 3, ids unique.
    pub buttons: Vec<ReplyButton>,
}

/// `{ type: "reply", id, title }`; callers may leave out `type`, which is always `reply`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyButton {
    /// Comes back in the callback, 1–230 characters, unique in the message.
    pub id: String,
    /// The label, 1–20 characters.
    pub title: String,
}

/// A list message.
#[derive(Debug, Clone, PartialEq)]
pub struct ListMessage {
    /// A text header, ≤60 characters.
    pub header: Option<ListHeader>,
    /// The body, 1–1024 characters.
    pub body: TextPart,
    /// A footer, 1–60 characters.
    pub footer: Option<TextPart>,
    /// The button that opens the list, and the rows.
    pub action: ListAction,
}

/// `{ type: "text", text }`; callers may leave out `type`, which is always `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListHeader {
    /// The header text, 1–60 characters.
    pub text: String,
}

/// `{ button, sections }`
#[derive(Debug, Clone, PartialEq)]
pub struct ListAction {
    /// The label of the button that opens the list, 1–20 characters.
    pub button: String,
    /// 1–10 sections, 10 rows at most in all.
    pub sections: Vec<Section>,
}

/// A titled group of rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// 1–24 characters.
    pub title: String,
    /// 1–10 rows.
    pub rows: Vec<Row>,
}

/// One choice of a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Comes back in the callback, 1–174 characters, unique in the message.
    pub id: String,
    /// 1–20 characters.
    pub title: String,
    /// Up to 72 characters.
    pub description: Option<String>,
}

impl Read for Interactive {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "message"])?;
        Ok(Self {
            message: fields.required("message")?,
        })
    }
}

impl Members for Interactive {
    fn members(&self, out: &mut Writer) {
        out.field("message", &self.message);
    }
}

impl Read for InteractiveMessage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(match tag(value, at, &["button", "list"])? {
            "button" => Self::Button(ButtonMessage::read(value, at)?),
            _ => Self::List(ListMessage::read(value, at)?),
        })
    }
}

impl Write for InteractiveMessage {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Button(button) => write_tagged(out, "button", button),
            Self::List(list) => write_tagged(out, "list", list),
        }
    }
}

impl Read for TextPart {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        TextPart::with_keys(value, at, &["text"])
    }
}

impl TextPart {
    /// Reads `{ text }` from an object that may hold `keys`.
    fn with_keys(value: &Value, at: &Path, keys: &[&str]) -> Result<Self> {
        Ok(Self {
            text: object(value, at, keys)?.required("text")?,
        })
    }
}

impl Members for TextPart {
    fn members(&self, out: &mut Writer) {
        out.field("text", &self.text);
    }
}

/// The members of both kinds of interactive message.
const PARTS: &[&str] = &["type", "header", "body", "footer", "action"];

impl Read for ButtonMessage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, PARTS)?;
        Ok(Self {
            header: fields.optional("header")?,
            body: fields.required("body")?,
            footer: fields.optional("footer")?,
            action: fields.required("action")?,
        })
    }
}

impl Members for ButtonMessage {
    fn members(&self, out: &mut Writer) {
        out.field_opt("header", &self.header);
        out.field("body", &self.body);
        out.field_opt("footer", &self.footer);
        out.field("action", &self.action);
    }
}

impl Read for ButtonHeader {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(
            match tag(value, at, &["text", "image", "video", "document"])? {
                "text" => Self::Text(TextPart::with_keys(value, at, &["type", "text"])?),
                "image" => Self::Image(MediaLink::read(value, at)?),
                "video" => Self::Video(MediaLink::read(value, at)?),
                _ => Self::Document(DocumentLink::read(value, at)?),
            },
        )
    }
}

impl Write for ButtonHeader {
    fn write(&self, out: &mut Writer) {
        let (tag, members): (&str, &dyn Members) = match self {
            Self::Text(part) => ("text", part),
            Self::Image(link) => ("image", link),
            Self::Video(link) => ("video", link),
            Self::Document(link) => ("document", link),
        };
        write_tagged(out, tag, members);
    }
}

impl Read for ButtonAction {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Ok(Self {
            buttons: object(value, at, &["buttons"])?.required("buttons")?,
        })
    }
}

impl Members for ButtonAction {
    fn members(&self, out: &mut Writer) {
        out.field("buttons", &self.buttons);
    }
}

impl Read for ReplyButton {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "id", "title"])?;
        constant(&fields, "reply")?;
        Ok(Self {
            id: fields.required("id")?,
            title: fields.required("title")?,
        })
    }
}

impl Members for ReplyButton {
    fn members(&self, out: &mut Writer) {
        out.field("type", "reply");
        out.field("id", &self.id);
        out.field("title", &self.title);
    }
}

impl Read for ListMessage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, PARTS)?;
        Ok(Self {
            header: fields.optional("header")?,
            body: fields.required("body")?,
            footer: fields.optional("footer")?,
            action: fields.required("action")?,
        })
    }
}

impl Members for ListMessage {
    fn members(&self, out: &mut Writer) {
        out.field_opt("header", &self.header);
        out.field("body", &self.body);
        out.field_opt("footer", &self.footer);
        out.field("action", &self.action);
    }
}

impl Read for ListHeader {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "text"])?;
        constant(&fields, "text")?;
        Ok(Self {
            text: fields.required("text")?,
        })
    }
}

impl Members for ListHeader {
    fn members(&self, out: &mut Writer) {
        out.field("type", "text");
        out.field("text", &self.text);
    }
}

impl Read for ListAction {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["button", "sections"])?;
        Ok(Self {
            button: fields.required("button")?,
            sections: fields.required("sections")?,
        })
    }
}

impl Members for ListAction {
    fn members(&self, out: &mut Writer) {
        out.field("button", &self.button);
        out.field("sections", &self.sections);
    }
}

impl Read for Section {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["title", "rows"])?;
        Ok(Self {
            title: fields.required("title")?,
            rows: fields.required("rows")?,
        })
    }
}

impl Members for Section {
    fn members(&self, out: &mut Writer) {
        out.field("title", &self.title);
        out.field("rows", &self.rows);
    }
}

impl Read for Row {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["id", "title", "description"])?;
        Ok(Self {
            id: fields.required("id")?,
            title: fields.required("title")?,
            description: fields.optional("description")?,
        })
    }
}

impl Members for Row {
    fn members(&self, out: &mut Writer) {
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field_opt("description", &self.description);
    }
}

objects!(
    TextPart,
    ButtonAction,
    ReplyButton,
    ListHeader,
    ListAction,
    Section,
    Row
);

/// A `type` that may be left out but, when given, must be `value`.
fn constant(fields: &Object, value: &str) -> Result<()> {
    match fields.optional::<String>("type")? {
        Some(given) if given != value => Err(fields
            .at()
            .key("type")
            .invalid(&["must be ", value].concat())),
        _ => Ok(()),
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
