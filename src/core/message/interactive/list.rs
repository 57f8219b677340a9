//! A list message: rows in sections, opened by a button.

use super::Parts;
use crate::core::json::Writer;
use crate::core::message::{objects, Members};
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

impl Members for ListHeader {
    fn members(&self, out: &mut Writer) {
        out.field("type", "text");
        out.field("text", &self.text);
    }
}

impl Members for ListAction {
    fn members(&self, out: &mut Writer) {
        out.field("button", &self.button);
        out.field("sections", &self.sections);
    }
}

impl Members for Section {
    fn members(&self, out: &mut Writer) {
        out.field("title", &self.title);
        out.field("rows", &self.rows);
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
