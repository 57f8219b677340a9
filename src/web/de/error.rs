//! The reader's error: where (a path below the argument) and which rule, with
//! serde's messages reworded so that none quotes the value received.

use serde::de::{self, Expected, Unexpected};
use std::fmt::{self, Display};

/// A read error: the rule broken and where, innermost segment first.
#[derive(Debug)]
pub struct ReadError {
    rule: String,
    path: Vec<Segment>,
}

/// One step of a path.
#[derive(Debug)]
pub(super) enum Segment {
    Key(String),
    Index(u32),
}

impl ReadError {
    pub(super) fn new(rule: impl Into<String>) -> Self {
        Self {
            rule: rule.into(),
            path: Vec::new(),
        }
    }

    pub(super) fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The rule broken, e.g. `must be a string`.
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// The path of the wrong value below `root`, e.g. `request.to[0]`.
    pub fn field(&self, root: &str) -> String {
        let mut field = root.to_owned();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    field.push('.');
                    field.push_str(key);
                }
                Segment::Index(index) => field.push_str(&format!("[{index}]")),
            }
        }
        field
    }
}

impl Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field("value"), self.rule)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }

    fn invalid_type(_: Unexpected, expected: &dyn Expected) -> Self {
        Self::new(["must be ", &in_js_words(expected)].concat())
    }

    fn invalid_value(_: Unexpected, expected: &dyn Expected) -> Self {
        Self::invalid_type(Unexpected::Other(""), expected)
    }

    fn invalid_length(_: usize, expected: &dyn Expected) -> Self {
        Self::invalid_type(Unexpected::Other(""), expected)
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        let names: Vec<String> = expected.iter().map(|name| format!("\"{name}\"")).collect();
        Self::new(["must be one of ", &names.join(", ")].concat())
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        Self::new("is not a known field").at(Segment::Key(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::new("is required").at(Segment::Key(field.to_owned()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::new("is given twice").at(Segment::Key(field.to_owned()))
    }
}

/// What serde expected, in the words of a JS caller (`u32` → a whole number).
fn in_js_words(expected: &dyn Expected) -> String {
    let text = expected.to_string();
    let words = match text.as_str() {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" => "a whole number from 0 to 4294967295",
        "u64" | "usize" => "a whole number of 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a sequence" => "an array",
        "a map" => "an object",
        _ if text.starts_with("struct ") || text.starts_with("internally tagged") => "an object",
        _ => return text,
    };
    words.to_owned()
}
