//! Typed reading of a [`Value`] (a caller's input after `JSON.stringify`, an answer,
//! a callback). An error is `invalid_argument` whose `field` is the path of the wrong
//! value (`request.message.to[1]`) and whose message says what was expected, never
//! what was found: it may be a secret. Callers reading answers or callbacks change
//! the code.

use super::Value;
use crate::core::error::{Error, Result};
use crate::prelude::*;

/// Where a value sits below the argument: `request`, `request.to`, `request.to[1]`.
/// Built on the stack as reading goes down; turned into text only for an error.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The path of an argument: `request`, `options`, `body`; `""` for paths that
    /// start at its members (`to[1]`).
    pub fn root(name: &'a str) -> Self {
        Self {
            parent: None,
            step: Step::Name(name),
        }
    }

    /// `self.key`
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Self {
            parent: Some(self),
            step: Step::Name(key),
        }
    }

    /// `self[index]`
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Self {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// The path as text, e.g. `request.to[1]`.
    pub fn text(&self) -> String {
        let mut out = match self.parent {
            Some(parent) => parent.text(),
            None => String::new(),
        };
        match self.step {
            Step::Name(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Index(index) => {
                out.push('[');
                super::write::push_uint(&mut out, index as u64);
                out.push(']');
            }
        }
        out
    }

    /// `invalid_argument` at this path: `request.to[1]: must be a string`.
    pub fn invalid(&self, rule: &str) -> Error {
        Error::invalid(&self.text(), rule)
    }
}

/// A type read from a [`Value`] at a [`Path`].
pub trait Read: Sized {
    /// Reads `value`; an error names `at`.
    fn read(value: &Value, at: &Path) -> Result<Self>;
}

impl Read for Value {
    fn read(value: &Value, _: &Path) -> Result<Self> {
        Ok(value.clone())
    }
}

impl Read for String {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::String(text) => Ok(text.clone()),
            _ => Err(at.invalid("must be a string")),
        }
    }
}

impl Read for bool {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::Bool(flag) => Ok(*flag),
            _ => Err(at.invalid("must be a boolean")),
        }
    }
}

impl Read for u32 {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        whole(value, u64::from(u32::MAX))
            .map(|n| n as u32)
            .ok_or_else(|| at.invalid("must be a whole number from 0 to 4294967295"))
    }
}

impl Read for u64 {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        whole(value, u64::MAX).ok_or_else(|| at.invalid("must be a whole number of 0 or more"))
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(T::read(item, &at.index(i))?);
                }
                Ok(out)
            }
            _ => Err(at.invalid("must be an array")),
        }
    }
}

/// `null` reads as `None`, as an absent optional field does.
impl<T: Read> Read for Option<T> {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            value => T::read(value, at).map(Some),
        }
    }
}

/// A number written as plain digits (as `JSON.stringify` writes every whole number
/// below 10^21), up to `max`. `5.0` and `1e3` are not read: JS never writes them.
pub fn whole(value: &Value, max: u64) -> Option<u64> {
    let Value::Number(text) = value else {
        return None;
    };
    let text = text
        .strip_prefix("-")
        .map_or(text.as_str(), |rest| if rest == "0" { rest } else { "-" });
    digits(text).filter(|n| *n <= max)
}

/// `text` as a whole number when it is one or more ASCII digits and fits in a `u64`
/// (no sign, no `str::parse` and its error type).
pub fn digits(text: &str) -> Option<u64> {
    let mut n: u64 = 0;
    for byte in text.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        n = shifted(n, 10, u64::from(byte - b'0'))?;
    }
    (!text.is_empty()).then_some(n)
}

/// `n * base + digit`, unless it passes `u64::MAX` (`base` not 0): checked or (with
/// `unwrap_or(u64::MAX)`) saturating arithmetic by one division, where `u64`'s
/// `checked_mul` and `saturating_mul` link a 128-bit multiply (`__multi3`) in wasm32.
pub(crate) fn shifted(n: u64, base: u64, digit: u64) -> Option<u64> {
    match (u64::MAX - digit) / base {
        most if n > most => None,
        _ => Some(n * base + digit),
    }
}

/// An object being read: its members, checked against the keys its type knows.
#[derive(Debug, Clone, Copy)]
pub struct Object<'v, 'p> {
    members: &'v [(String, Value)],
    at: &'p Path<'p>,
}

/// Reads `value` as an object whose keys are all in `known`. The first key not in
/// `known` is refused (`filter.frm: is not a known field`), as is a key given twice.
pub fn object<'v, 'p>(
    value: &'v Value,
    at: &'p Path<'p>,
    known: &[&str],
) -> Result<Object<'v, 'p>> {
    let members = keys(value, at, &|key| known.contains(&key))?;
    Ok(Object { members, at })
}

/// The members of `value`, an object whose every key is `known` and none given
/// twice (the errors of [`object`]).
pub fn keys<'v>(
    value: &'v Value,
    at: &Path,
    known: &dyn Fn(&str) -> bool,
) -> Result<&'v [(String, Value)]> {
    let Value::Object(members) = value else {
        return Err(at.invalid("must be an object"));
    };
    for (i, (key, _)) in members.iter().enumerate() {
        if !known(key) {
            return Err(at.key(key).invalid("is not a known field"));
        }
        let earlier = members.get(..i).unwrap_or_default();
        if earlier.iter().any(|(earlier, _)| earlier == key) {
            return Err(at.key(key).invalid("is given twice"));
        }
    }
    Ok(members)
}

impl<'v, 'p> Object<'v, 'p> {
    /// Reads `value`, an object of an answer, whatever its keys: unknown ones are
    /// skipped (Sinch adds fields) and a repeated one reads as its last, as
    /// `JSON.parse` keeps it.
    pub fn lenient(value: &'v Value, at: &'p Path<'p>) -> Result<Self> {
        match value {
            Value::Object(members) => Ok(Self { members, at }),
            _ => Err(at.invalid("must be an object")),
        }
    }

    /// The path of this object.
    pub fn at(&self) -> &'p Path<'p> {
        self.at
    }

    /// The member `key` (its last, in a [`Object::lenient`] object), unless it is
    /// absent or `null`.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        let (_, value) = self.members.iter().rev().find(|(k, _)| k == key)?;
        (!matches!(value, Value::Null)).then_some(value)
    }

    /// The member `key`, required: `request.to: is required`. Not inlined: one copy
    /// per type read, shared by every reader.
    #[inline(never)]
    pub fn required<T: Read>(&self, key: &str) -> Result<T> {
        match self.get(key) {
            Some(value) => T::read(value, &self.at.key(key)),
            None => Err(self.missing(key)),
        }
    }

    /// The member `key`, if given (`null` counts as not given).
    #[inline(never)]
    pub fn optional<T: Read>(&self, key: &str) -> Result<Option<T>> {
        match self.get(key) {
            Some(value) => T::read(value, &self.at.key(key)).map(Some),
            None => Ok(None),
        }
    }

    /// [`Object::required`] into `slot` (its own body, not a call of it: one function
    /// per type read, not two).
    #[inline(never)]
    pub fn set<T: Read>(&self, slot: &mut T, key: &str) -> Result<()> {
        match self.get(key) {
            Some(value) => *slot = T::read(value, &self.at.key(key))?,
            None => return Err(self.missing(key)),
        }
        Ok(())
    }

    /// [`Object::optional`] into `slot` (its own body, as [`Object::set`]).
    #[inline(never)]
    pub fn set_opt<T: Read>(&self, slot: &mut Option<T>, key: &str) -> Result<()> {
        *slot = match self.get(key) {
            Some(value) => Some(T::read(value, &self.at.key(key))?),
            None => None,
        };
        Ok(())
    }

    /// `….key: is required`.
    #[inline(never)]
    fn missing(&self, key: &str) -> Error {
        self.at.key(key).invalid("is required")
    }
}

/// Reads the tag `key` (`type`, `messageType`) of `value` (an object): the index of
/// one of `tags` (each a name and what the caller keeps beside it), or an error at
/// `….key` listing their names.
pub fn tag<T>(value: &Value, at: &Path, key: &str, tags: &[(&str, T)]) -> Result<usize> {
    let Value::Object(_) = value else {
        return Err(at.invalid("must be an object"));
    };
    let path = at.key(key);
    let name = match value.get(key) {
        Some(Value::String(name)) => name,
        Some(_) => return Err(path.invalid("must be a string")),
        None => return Err(path.invalid("is required")),
    };
    tags.iter().position(|(tag, _)| tag == name).ok_or_else(|| {
        let mut rule = String::from("must be one of ");
        for (i, (tag, _)) in tags.iter().enumerate() {
            if i > 0 {
                rule.push_str(", ");
            }
            rule.push('"');
            rule.push_str(tag);
            rule.push('"');
        }
        path.invalid(&rule)
    })
}

#[cfg(test)]
mod tests;
