//! [`Writer`]: JSON text, written in one pass with no float formatting.

use super::Value;
use crate::prelude::*;

/// Writes JSON text. Containers are opened and closed explicitly; commas come by
/// themselves.
#[derive(Debug, Default)]
pub struct Writer {
    text: String,
    /// Nothing written yet in the current container (no comma before the next item).
    fresh: bool,
}

/// A value that writes itself as JSON.
pub trait Write {
    /// Appends this value to `out`.
    fn write(&self, out: &mut Writer);
}

impl Writer {
    /// An empty writer. In the client, room for 128 bytes made at once: most of a
    /// send's texts fit, so they grow by no reallocation (each a copy and two walks of
    /// the allocator's free list). Elsewhere none: the entry's size counts more there.
    pub fn new() -> Self {
        Self {
            #[cfg(feature = "client")]
            text: String::with_capacity(128),
            #[cfg(not(feature = "client"))]
            text: String::new(),
            fresh: true,
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.text
    }

    /// Starts a value: a comma unless it is the first in its container.
    fn item(&mut self) {
        if !self.fresh {
            self.text.push(',');
        }
        self.fresh = false;
    }

    /// `{`
    pub fn open_object(&mut self) {
        self.item();
        self.text.push('{');
        self.fresh = true;
    }

    /// `}`
    pub fn close_object(&mut self) {
        self.text.push('}');
        self.fresh = false;
    }

    /// `[`
    pub fn open_array(&mut self) {
        self.item();
        self.text.push('[');
        self.fresh = true;
    }

    /// `]`
    pub fn close_array(&mut self) {
        self.text.push(']');
        self.fresh = false;
    }

    /// An object's key; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.quoted(key);
        self.text.push(':');
        self.fresh = true;
    }

    /// `"key": value`.
    pub fn field<T: Write + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write(self);
    }

    /// `"key": value` when there is a value; nothing otherwise.
    pub fn field_opt<T: Write>(&mut self, key: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }

    /// A string value.
    pub fn string(&mut self, text: &str) {
        self.item();
        self.quoted(text);
    }

    /// A number, or any other JSON text written as it is (it must be valid JSON).
    pub fn raw(&mut self, json: &str) {
        self.item();
        self.text.push_str(json);
    }

    /// A whole number.
    pub fn uint(&mut self, n: u64) {
        self.item();
        push_uint(&mut self.text, n);
    }

    /// `"…"` with the escapes `serde_json` writes.
    fn quoted(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.text.push('"');
        let mut rest = text;
        // Runs without an escape are copied whole (every escaped byte is ASCII, so each
        // run ends on a character boundary). Over `as_bytes().iter()`: `bytes()` adds a
        // `Copied` adapter's fold to the wasm.
        while let Some(at) = rest.as_bytes().iter().position(|&b| escaped(b)) {
            self.text.push_str(rest.get(..at).unwrap_or_default());
            let byte = rest.as_bytes().get(at).copied().unwrap_or_default();
            rest = rest.get(at + 1..).unwrap_or_default();
            // A backslash, then the escape's letter, or `u00` and the byte in hex: one
            // push of the last character, not a string per escape.
            self.text.push('\\');
            let last = match byte {
                b'"' | b'\\' => byte,
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                8 => b'b',
                12 => b'f',
                code => {
                    self.text.push_str("u00");
                    self.text.push(char::from(HEX[usize::from(code >> 4)]));
                    HEX[usize::from(code & 15)]
                }
            };
            self.text.push(char::from(last));
        }
        self.text.push_str(rest);
        self.text.push('"');
    }
}

/// Whether a JSON string holds `byte` only escaped (a control character, a quote, a
/// backslash): where the writer escapes, and where the reader's runs stop.
#[inline(always)]
pub(super) fn escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// `n` in decimal, for text beside JSON (an offset in a message, a size in a report).
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_uint(&mut out, n);
    out
}

/// Appends `n` in decimal (no `core::fmt`: this ships in every entry).
pub(crate) fn push_uint(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        // Through `get_mut`: indexing links a bounds-check panic and its formatting.
        if let Some(digit) = digits.get_mut(at) {
            *digit = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // One char each, not `str::from_utf8`: the preflight needs no UTF-8 check otherwise.
    for &digit in digits.get(at..).unwrap_or_default() {
        out.push(char::from(digit));
    }
}

impl Write for str {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl Write for String {
    fn write(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl Write for bool {
    fn write(&self, out: &mut Writer) {
        out.raw(if *self { "true" } else { "false" });
    }
}

impl Write for u32 {
    fn write(&self, out: &mut Writer) {
        out.uint(u64::from(*self));
    }
}

impl Write for u64 {
    fn write(&self, out: &mut Writer) {
        out.uint(*self);
    }
}

impl<T: Write> Write for [T] {
    fn write(&self, out: &mut Writer) {
        out.open_array();
        for item in self {
            item.write(out);
        }
        out.close_array();
    }
}

impl<T: Write> Write for Vec<T> {
    fn write(&self, out: &mut Writer) {
        self.as_slice().write(out);
    }
}

impl<T: Write + ?Sized> Write for &T {
    fn write(&self, out: &mut Writer) {
        (**self).write(out);
    }
}

impl Write for Value {
    fn write(&self, out: &mut Writer) {
        match self {
            Self::Null => out.raw("null"),
            Self::Bool(value) => value.write(out),
            Self::Number(text) => out.raw(text),
            Self::String(text) => out.string(text),
            Self::Array(items) => items.write(out),
            Self::Object(members) => {
                out.open_object();
                for (key, value) in members {
                    out.field(key, value);
                }
                out.close_object();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_values_with_commas_and_escapes() {
        let mut out = Writer::new();
        out.open_object();
        out.field("a", &vec![1u32, 20, 300]);
        out.field("b", "q\"\\\n\u{1}é");
        out.field_opt::<u64>("none", &None);
        out.key("c");
        out.open_array();
        out.open_object();
        out.close_object();
        out.uint(0);
        out.uint(u64::MAX);
        out.close_array();
        out.field("d", &true);
        out.close_object();
        assert_eq!(
            out.finish(),
            r#"{"a":[1,20,300],"b":"q\"\\\n\u0001é","c":[{},0,18446744073709551615],"d":true}"#
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("é\u{2028}\u{ffff}😀");
        // Escapes at the ends and between multi-byte characters: each run between them
        // is copied whole.
        for text in [
            text.as_str(),
            "\"é😀\\",
            "é\u{1}😀\n",
            "\u{1f}",
            "",
            "ab\"\"cd",
        ] {
            let mut out = Writer::new();
            out.string(text);
            assert_eq!(Some(out.finish()), serde_json::to_string(text).ok());
        }
    }
}
