//! A list message: rows in sections, opened by a button.

use super::{check_body_footer, constant, Parts};
use crate::core::error::Result;
use crate::core::json::read::object;
use crate::core::json::{Path, Read, Value, Writer};
use crate::core::message::{check_unique, objects, Members};
use crate::core::rules::{check_chars_at, check_count_at};
use crate::prelude::*;

/// A list message: its header is a [`ListHeader`], its action a [`ListAction`].
pub type ListMessage = Parts<ListHeader, ListAction>;

/// `{ type: "text", text }`; callers may leave out `type`, which is always `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListHeader {
    /// The header text, 1–60 characters.
    pub text: String,
}

/// `{ button, sections }`
#[derive(Debug, Clone, Default, PartialEq)]
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

impl Read for ListHeader {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "text"])?;
        constant(&fields, "text")?;
        let mut out = Self::default();
        fields.set(&mut out.text, "text")?;
        Ok(out)
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
        let mut out = Self::default();
        fields.set(&mut out.button, "button")?;
        fields.set(&mut out.sections, "sections")?;
        Ok(out)
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
        let mut out = Self::default();
        fields.set(&mut out.title, "title")?;
        fields.set(&mut out.rows, "rows")?;
        Ok(out)
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
        let mut out = Self::default();
        fields.set(&mut out.id, "id")?;
        fields.set(&mut out.title, "title")?;
        fields.set_opt(&mut out.description, "description")?;
        Ok(out)
    }
}

impl Members for Row {
    fn members(&self, out: &mut Writer) {
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field_opt("description", &self.description);
    }
}

objects!(ListHeader, ListAction, Section, Row);

impl ListMessage {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        if let Some(header) = &self.header {
            check_chars_at(&at.key("header.text"), &header.text, 1, 60)?;
        }
        check_body_footer(at, &self.body, self.footer.as_ref())?;
        check_chars_at(&at.key("action.button"), &self.action.button, 1, 20)?;
        let sections = at.key("action.sections");
        let list = &self.action.sections;
        check_count_at(&sections, list.len(), 1, 10, "must hold 1 to 10 sections")?;
        let mut total = 0;
        for section in list {
            total += section.rows.len();
        }
        if total > 10 {
            return Err(sections.invalid("may hold at most 10 rows in all sections together"));
        }
        let mut seen = Vec::with_capacity(total);
        for (i, section) in list.iter().enumerate() {
            let at = sections.index(i);
            check_chars_at(&at.key("title"), &section.title, 1, 24)?;
            let rows = at.key("rows");
            check_count_at(&rows, section.rows.len(), 1, 10, "must hold 1 to 10 rows")?;
            for (j, row) in section.rows.iter().enumerate() {
                let row_at = rows.index(j);
                let id = row_at.key("id");
                check_chars_at(&id, &row.id, 1, 174)?;
                check_unique(&id, &seen, &row.id)?;
                check_chars_at(&row_at.key("title"), &row.title, 1, 20)?;
                if let Some(description) = &row.description {
                    check_chars_at(&row_at.key("description"), description, 0, 72)?;
                }
                seen.push(&row.id);
            }
        }
        Ok(())
    }
}
