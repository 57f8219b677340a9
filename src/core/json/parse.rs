//! JSON text → [`Value`], as strict as `serde_json`: no trailing commas, comments,
//! byte order mark, lone surrogates or control characters in strings; nesting is
//! bounded as in `serde_json` (127 levels), so no input can exhaust the stack.
//!
//! One deliberate difference: a number beyond `f64`'s range (`1e400`, 400 digits)
//! matches the grammar and is read as its text, where `serde_json` refuses it as out
//! of range. No number is ever converted here, so nothing can overflow; the typed
//! readers take only plain digits within their range ([`super::read::whole`]), and
//! JS's `JSON.parse` reads such a number as `Infinity` rather than failing.
//! `fuzz/fuzz_targets/json_parse.rs` checks this is the only difference.

use super::utf8::char_at;
use super::Value;
use crate::prelude::*;

/// Deepest nesting of arrays and objects accepted (`serde_json` refuses the 128th
/// level).
pub const MAX_DEPTH: u32 = 127;

/// Why a text is not JSON, and the byte offset where that was found. The reason
/// never quotes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the text.
    pub offset: usize,
    /// What was wrong, e.g. `expected a value`.
    pub reason: &'static str,
}

/// Parses one JSON value, with optional whitespace around it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    read(text.as_bytes(), text)
}

/// Parses one JSON value from bytes, as [`parse`] its text; a string that is not
/// UTF-8 is refused (`invalid UTF-8`, as `serde_json::from_slice` refuses it; outside
/// strings only ASCII is JSON). Read by hand (`utf8`), so that a caller holding
/// bytes needs no `from_utf8`.
pub fn parse_utf8(bytes: &[u8]) -> Result<Value, ParseError> {
    read(bytes, "")
}

/// [`parse_utf8`] of `bytes`; `text` is the same as a `&str` when the caller has one
/// (else empty), for the client's string runs ([`Parser::run`]).
fn read(
    bytes: &[u8],
    #[cfg_attr(not(feature = "client"), allow(unused))] text: &str,
) -> Result<Value, ParseError> {
    let mut parser = Parser {
        bytes,
        #[cfg(feature = "client")]
        text,
        at: 0,
        depth: 0,
        reason: "trailing characters",
    };
    if let Ok(value) = parser.value() {
        parser.skip_space();
        if parser.at == parser.bytes.len() {
            return Ok(value);
        }
    }
    // A reader stops where it fails: the error is at the byte it stopped at.
    Err(ParseError {
        offset: parser.at,
        reason: parser.reason,
    })
}

/// Whether `bytes` are JSON white space alone (none: `true`), as the reader skips it.
pub(crate) fn blank(bytes: &[u8]) -> bool {
    let mut parser = Parser {
        bytes,
        #[cfg(feature = "client")]
        text: "",
        at: 0,
        depth: 0,
        reason: "",
    };
    parser.skip_space();
    parser.at == bytes.len()
}

struct Parser<'a> {
    bytes: &'a [u8],
    /// `bytes` as the `&str` they came as, or empty when they came as bytes.
    #[cfg(feature = "client")]
    text: &'a str,
    at: usize,
    depth: u32,
    /// Why the reader stopped, once it has; before, the reason a whole value with
    /// more text after it fails.
    reason: &'static str,
}

/// The reader stopped at the byte at fault, its reason held by the [`Parser`]: an
/// error of no size, so that each `?` hands up no words.
struct Stop;

/// A value read, or [`Stop`].
type Parsed<T> = Result<T, Stop>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    /// Stops for `reason`.
    fn stop(&mut self, reason: &'static str) -> Stop {
        self.reason = reason;
        Stop
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Parsed<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.stop(reason))
        }
    }

    fn value(&mut self) -> Parsed<Value> {
        self.skip_space();
        match self.peek() {
            Some(byte @ (b'{' | b'[')) => self.nested(byte == b'{'),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ => Err(self.stop("expected a value")),
        }
    }

    /// Reads an object (else an array) one level deeper, within [`MAX_DEPTH`] (no
    /// function pointer: an indirect call keeps every function of its type alive).
    fn nested(&mut self, object: bool) -> Parsed<Value> {
        if self.depth == MAX_DEPTH {
            return Err(self.stop("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        let value = if object { self.object() } else { self.array() };
        self.depth -= 1;
        value
    }

    /// Whether the text here starts with `prefix` (no slicing: its panic path would link).
    fn at_prefix(&self, prefix: &[u8]) -> bool {
        self.bytes
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Parsed<Value> {
        if self.at_prefix(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.stop("expected a value"))
        }
    }

    fn array(&mut self) -> Parsed<Value> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            self.expect(b',', "expected , or ]")?;
        }
    }

    fn object(&mut self) -> Parsed<Value> {
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.stop("expected a key"));
            }
            let key = self.string()?;
            self.expect(b':', "expected :")?;
            members.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            self.expect(b',', "expected , or }")?;
        }
    }

    /// A number's text: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Parsed<String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.stop("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.some_digits()?;
        }
        let mut text = String::new();
        for &byte in self.bytes.get(start..self.at).unwrap_or_default() {
            text.push(char::from(byte));
        }
        Ok(text)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Parsed<()> {
        let start = self.at;
        self.digits();
        if self.at == start {
            return Err(self.stop("expected a digit"));
        }
        Ok(())
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Parsed<String> {
        self.at += 1;
        // In the client, room for 32 bytes at once (an answer's ids and states): no
        // growth by 8, 16, 32. Elsewhere none: the entry's size counts more there.
        #[cfg(feature = "client")]
        let mut out = String::with_capacity(32);
        #[cfg(not(feature = "client"))]
        let mut out = String::new();
        // Only text that came as a `&str` is copied by runs; bytes pay one test a string.
        #[cfg(feature = "client")]
        let runs = !self.text.is_empty();
        loop {
            #[cfg(feature = "client")]
            if runs {
                self.run(&mut out);
            }
            let c = match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape()?
                }
                Some(0..=0x1F) => return Err(self.stop("control character in a string")),
                Some(byte @ 0x20..=0x7F) => {
                    self.at += 1;
                    char::from(byte)
                }
                Some(_) => {
                    let rest = self.bytes.get(self.at..).unwrap_or_default();
                    let Ok((c, len)) = char_at(rest) else {
                        return Err(self.stop("invalid UTF-8"));
                    };
                    self.at += len;
                    c
                }
                None => return Err(self.stop("unterminated string")),
            };
            out.push(c);
        }
    }

    /// The client's strings (every send's arguments and answer): when the text came as
    /// a `&str` (UTF-8 already), the characters up to the next quote, backslash or
    /// control character are copied at once, not pushed one by one (a `sendText`'s
    /// prepare and settle natively: 46 k → 39 k instructions). Bytes read as bytes go on
    /// one character at a time, each checked.
    #[cfg(feature = "client")]
    fn run(&mut self, out: &mut String) {
        let Some(rest) = self.text.get(self.at..) else {
            return;
        };
        let len = rest
            .as_bytes()
            .iter()
            .position(|&b| super::write::escaped(b))
            .unwrap_or(rest.len());
        // The run ends before an ASCII byte (or at the end): a character boundary.
        out.push_str(rest.get(..len).unwrap_or_default());
        self.at += len;
    }

    /// The character of an escape, the backslash consumed.
    fn escape(&mut self) -> Parsed<char> {
        let Some(byte) = self.peek() else {
            return Err(self.stop("unterminated string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(),
            _ => return Err(self.stop("invalid escape")),
        })
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is refused.
    fn unicode(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.at_prefix(b"\\u") {
                    return Err(self.stop("lone surrogate"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.stop("lone surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.stop("lone surrogate")),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.stop("lone surrogate"))
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(digit) = self.peek().and_then(hex_digit) else {
                return Err(self.stop("invalid \\u escape"));
            };
            code = code * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(code)
    }
}

/// The value of a hexadecimal digit (either case).
pub(crate) fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
