//! Our JSON reader (`core::json`) against `serde_json`, on any UTF-8 text:
//! - what `serde_json` accepts, ours accepts with the same value (numbers compared as
//!   `serde_json` reads their text; a repeated key: the last one wins, as in
//!   `serde_json`'s map), and ours never panics;
//! - what ours accepts and `serde_json` refuses differs only by the one deliberate
//!   rule in `src/core/json/parse.rs`: a number beyond `f64`'s range (`1e400`) is
//!   read as its text. With each such number made `0`, `serde_json` must accept the
//!   text and read the same value;
//! - our writer's text of the value reads back (by `serde_json`) as the same value,
//!   and each string and key is written exactly as `serde_json::to_string` writes it.
//!
//! - on bytes (`parse_utf8`), what is not UTF-8 is accepted exactly when
//!   `serde_json::from_slice` accepts it (never: only ASCII is JSON outside strings,
//!   and a string must be UTF-8), and UTF-8 text reads as `parse` reads it.
//!
//! Input starting with byte 0xFF (never UTF-8) is a program for a generator of
//! JSON-like text instead, to reach deep values, escapes and numbers quickly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value as Theirs};
use sinch_whatsapp::core::json::{parse, parse_utf8, Value as Ours};

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0xFF, program)) => check(&Generator::run(program)),
        _ => match std::str::from_utf8(data) {
            Ok(text) => {
                check(text);
                assert_eq!(parse_utf8(data), parse(text), "bytes of {text:?}");
            }
            Err(_) => {
                let theirs = serde_json::from_slice::<Theirs>(data).is_ok();
                assert_eq!(parse_utf8(data).is_ok(), theirs, "{data:x?}");
            }
        },
    }
});

fn check(text: &str) {
    let ours = parse(text);
    match (serde_json::from_str::<Theirs>(text), ours) {
        (Ok(theirs), Ok(ours)) => {
            assert_eq!(convert(&ours), Some(theirs.clone()), "value of {text:?}");
            writes_back(&ours, &theirs);
        }
        (Ok(_), Err(err)) => panic!(
            "valid JSON refused at {}: {}: {text:?}",
            err.offset, err.reason
        ),
        (Err(err), Ok(ours)) => only_out_of_range(text, &err, &ours),
        (Err(_), Err(_)) => {}
    }
}

/// Ours as `serde_json`'s value; `None` when a number is out of `serde_json`'s range.
fn convert(value: &Ours) -> Option<Theirs> {
    Some(match value {
        Ours::Null => Theirs::Null,
        Ours::Bool(flag) => Theirs::Bool(*flag),
        Ours::Number(text) => number(text)?,
        Ours::String(text) => Theirs::String(text.clone()),
        Ours::Array(items) => Theirs::Array(items.iter().map(convert).collect::<Option<_>>()?),
        Ours::Object(members) => {
            let mut map = Map::new();
            for (key, value) in members {
                map.insert(key.clone(), convert(value)?);
            }
            Theirs::Object(map)
        }
    })
}

/// A number's text as `serde_json` reads it alone; `None` if out of range. Ours only
/// holds texts that match the grammar, so any other refusal is a bug.
fn number(text: &str) -> Option<Theirs> {
    match serde_json::from_str::<Theirs>(text) {
        Ok(value @ Theirs::Number(_)) => Some(value),
        Err(err) if is_out_of_range(&err) => None,
        other => panic!("our number {text:?} is {other:?} to serde_json"),
    }
}

fn is_out_of_range(err: &serde_json::Error) -> bool {
    err.to_string().starts_with("number out of range")
}

/// `serde_json` refused a text ours read: only for numbers out of `f64`'s range.
fn only_out_of_range(text: &str, err: &serde_json::Error, ours: &Ours) {
    assert!(
        is_out_of_range(err),
        "serde_json refused ({err}) what ours read: {text:?}"
    );
    let zeroed = zero_out_of_range(text);
    assert_ne!(zeroed, text, "no number out of range in {text:?}");
    let theirs = serde_json::from_str::<Theirs>(&zeroed)
        .unwrap_or_else(|err| panic!("refused ({err}) beyond its range: {text:?}"));
    assert_eq!(
        convert(&zeroed_value(ours)),
        Some(theirs),
        "value of {text:?}"
    );
}

/// The text with each number token out of range made `0`. Only called on text ours
/// read, so outside strings a run of number characters starting with `-` or a digit is
/// exactly one number.
fn zero_out_of_range(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut at, mut in_string, mut escaped) = (0, false, false);
    while at < bytes.len() {
        let byte = bytes[at];
        if !in_string && (byte == b'-' || byte.is_ascii_digit()) {
            let end = bytes[at..]
                .iter()
                .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .map_or(bytes.len(), |n| at + n);
            let token = &text[at..end];
            out.push_str(if number(token).is_some() { token } else { "0" });
            at = end;
            continue;
        }
        if in_string {
            in_string = escaped || byte != b'"';
            escaped = !escaped && byte == b'\\';
        } else {
            in_string = byte == b'"';
        }
        let len = text[at..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&text[at..at + len]);
        at += len;
    }
    out
}

fn zeroed_value(value: &Ours) -> Ours {
    match value {
        Ours::Number(text) if number(text).is_none() => Ours::Number("0".into()),
        Ours::Array(items) => Ours::Array(items.iter().map(zeroed_value).collect()),
        Ours::Object(members) => Ours::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), zeroed_value(value)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Our writer's text reads back as the same value; strings and keys are written as
/// `serde_json` writes them.
fn writes_back(ours: &Ours, theirs: &Theirs) {
    let text = ours.to_text();
    let back = serde_json::from_str::<Theirs>(&text)
        .unwrap_or_else(|err| panic!("our text {text:?} refused: {err}"));
    assert_eq!(&back, theirs, "written as {text:?}");
    strings_written_alike(ours);
}

fn strings_written_alike(value: &Ours) {
    let alike = |text: &String| {
        let ours = Ours::String(text.clone()).to_text();
        assert_eq!(ours, serde_json::to_string(text).unwrap_or_default());
    };
    match value {
        Ours::String(text) => alike(text),
        Ours::Array(items) => items.iter().for_each(strings_written_alike),
        Ours::Object(members) => {
            for (key, value) in members {
                alike(key);
                strings_written_alike(value);
            }
        }
        _ => {}
    }
}

/// Writes JSON-like text as the program's bytes choose: mostly valid, deep or wide,
/// with every escape, surrogates, long and out-of-range numbers, and now and then a
/// token that breaks it.
struct Generator<'a> {
    program: &'a [u8],
    out: String,
}

impl Generator<'_> {
    fn run(program: &[u8]) -> String {
        let mut generator = Generator {
            program,
            out: String::new(),
        };
        generator.value(0);
        generator.space();
        generator.out
    }

    /// The next byte of the program; 0 once it is used up (which ends every loop).
    fn byte(&mut self) -> u8 {
        let (&byte, rest) = self.program.split_first().unwrap_or((&0, &[]));
        self.program = rest;
        byte
    }

    fn value(&mut self, depth: u32) {
        self.space();
        let choice = self.byte();
        match choice % 16 {
            0 => self
                .out
                .push_str(["null", "true", "false"][usize::from(choice / 16 % 3)]),
            1..=3 => self.number(),
            4..=6 => self.string(),
            7..=9 if depth < 300 => {
                self.out.push('[');
                for i in 0..self.byte() % 6 {
                    if i > 0 {
                        self.comma();
                    }
                    self.value(depth + 1);
                }
                self.space();
                self.out.push(']');
            }
            10..=12 if depth < 300 => {
                self.out.push('{');
                for i in 0..self.byte() % 6 {
                    if i > 0 {
                        self.comma();
                    }
                    self.key();
                    self.space();
                    self.out.push(':');
                    self.value(depth + 1);
                }
                self.space();
                self.out.push('}');
            }
            13 => {
                let levels = usize::from(self.byte());
                let open = if choice & 0x10 == 0 { "[" } else { "{\"k\":" };
                let close = if choice & 0x10 == 0 { "]" } else { "}" };
                self.out.push_str(&open.repeat(levels));
                self.value(depth + 300);
                self.out.push_str(&close.repeat(levels));
            }
            14 => self.breaker(),
            _ => self.number(),
        }
    }

    fn space(&mut self) {
        while self.program.first().is_some_and(|b| b & 0xF0 == 0xF0) {
            let byte = self.byte();
            self.out
                .push([' ', '\t', '\n', '\r'][usize::from(byte & 3)]);
        }
    }

    fn comma(&mut self) {
        self.space();
        self.out.push(',');
    }

    fn key(&mut self) {
        self.space();
        match self.byte() % 4 {
            0 => self.out.push_str("\"a\""),
            1 => self.out.push_str("\"b\""),
            2 => self.out.push_str("\"\""),
            _ => self.string(),
        }
    }

    fn number(&mut self) {
        let shape = self.byte();
        if shape & 1 != 0 {
            self.out.push('-');
        }
        match shape >> 1 & 3 {
            0 => self.out.push('0'),
            1 => self.digits(1),
            2 => self.digits(0),
            _ => {
                let nines = "9".repeat(usize::from(self.byte()) * 2);
                self.out.push_str(&nines);
            }
        }
        if shape & 8 != 0 {
            self.out.push('.');
            self.digits(0);
        }
        if shape & 16 != 0 {
            self.out.push(['e', 'E'][usize::from(shape >> 5 & 1)]);
            match shape >> 6 {
                0 => {}
                1 => self.out.push('+'),
                _ => self.out.push('-'),
            }
            match self.byte() % 4 {
                0 => self.out.push_str("400"),
                1 => self.out.push_str("99999999999999999999"),
                _ => self.digits(0),
            }
        }
    }

    /// Up to 24 digits; the first one not below `low`.
    fn digits(&mut self, low: u8) {
        let count = self.byte() % 24 + 1;
        for i in 0..count {
            let digit = self.byte() % 10;
            let digit = if i == 0 { digit.max(low) } else { digit };
            self.out.push(char::from(b'0' + digit));
        }
    }

    fn string(&mut self) {
        self.out.push('"');
        loop {
            let piece = self.byte();
            match piece % 16 {
                0 => break,
                1..=4 => self.out.push(char::from(b' ' + piece % 95)),
                5 => self.out.push(
                    ['é', '😀', '\u{ffff}', '\u{2028}', '\u{7f}', '\u{80}']
                        [usize::from(piece / 16 % 6)],
                ),
                6..=7 => {
                    self.out.push('\\');
                    self.out
                        .push(char::from(b"\"\\/bfnrtu"[usize::from(piece / 16 % 9)]));
                    if piece / 16 % 9 == 8 {
                        self.hex4();
                    }
                }
                8..=9 => {
                    let (high, low) = (self.byte(), self.byte());
                    self.out.push_str(&format!(
                        "\\u{:04x}",
                        0xD800 | u16::from(high & 3) << 8 | u16::from(low)
                    ));
                    let (high, low) = (self.byte(), self.byte());
                    self.out.push_str(&format!(
                        "\\u{:04X}",
                        0xDC00 | u16::from(high & 3) << 8 | u16::from(low)
                    ));
                }
                10 => self.out.push(char::from(piece / 16)),
                _ => self.out.push(char::from(b'a' + piece % 26)),
            }
        }
        self.out.push('"');
    }

    fn hex4(&mut self) {
        let code = u16::from_be_bytes([self.byte(), self.byte()]);
        self.out.push_str(&format!("{code:04x}"));
    }

    /// A token that may break the text.
    fn breaker(&mut self) {
        const TOKENS: [&str; 16] = [
            ",",
            "]",
            "}",
            ":",
            "\\",
            "\"",
            "1e",
            "-",
            "\u{1}",
            "\u{feff}",
            "tru",
            "01",
            ".5",
            "[1,]",
            "{\"a\":1,}",
            "nulll",
        ];
        let token = TOKENS[usize::from(self.byte() % 16)];
        self.out.push_str(token);
    }
}
