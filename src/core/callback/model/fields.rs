//! Reading a callback object leniently: the fields a type knows are read by name
//! (`null` counts as absent), and every other field is kept, under its wire name,
//! in [`Extra`].

use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Writer};
use crate::prelude::*;

/// Unknown fields of an object, under their wire names, in the order sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra(pub Vec<(String, Value)>);

impl Extra {
    /// The field named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether a field named `key` was kept.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Whether no field was kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Writes the fields into the object being written.
    pub(super) fn write_into(&self, out: &mut Writer) {
        for (key, value) in &self.0 {
            out.field(key, value);
        }
    }
}

/// An object being read. `at` is its path; `None` for the callback itself, whose
/// fields are named from the root (`statuses`, not `callback.statuses`).
pub(in crate::core::callback) struct Fields<'v, 'p> {
    members: &'v [(String, Value)],
    at: Option<&'p Path<'p>>,
}

impl<'v, 'p> Fields<'v, 'p> {
    /// `value` as an object, or `…: must be an object`.
    pub(super) fn new(value: &'v Value, at: &'p Path<'p>) -> Result<Self> {
        match value {
            Value::Object(members) => Ok(Self {
                members,
                at: Some(at),
            }),
            _ => Err(at.invalid("must be an object")),
        }
    }

    /// The callback's own members.
    pub(super) fn root(members: &'v [(String, Value)]) -> Self {
        Self { members, at: None }
    }

    /// The object's members, as sent.
    pub(super) fn members(&self) -> &'v [(String, Value)] {
        self.members
    }

    /// Whether field `key` is given (`null` included).
    pub(super) fn has(&self, key: &str) -> bool {
        self.members.iter().any(|(k, _)| k == key)
    }

    /// Runs `read` with the path of field `key`.
    fn at_key<T>(&self, key: &str, read: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        match self.at {
            Some(at) => read(&at.key(key)),
            None => read(&Path::root(key)),
        }
    }

    /// Field `key` unless absent or `null`; a key given twice is an error.
    #[inline(never)]
    fn get(&self, key: &str) -> Result<Option<&'v Value>> {
        let mut found = self.members.iter().filter(|(k, _)| k == key);
        let first = found.next().map(|(_, value)| value);
        if found.next().is_some() {
            return self.at_key(key, |at| Err(at.invalid("is given twice")));
        }
        Ok(first.filter(|value| **value != Value::Null))
    }

    /// A required field: `….message_id: is required`.
    #[inline(never)]
    pub(super) fn required<T: Read>(&self, key: &str) -> Result<T> {
        match self.get(key)? {
            Some(value) => self.at_key(key, |at| T::read(value, at)),
            None => self.at_key(key, |at| Err(at.invalid("is required"))),
        }
    }

    /// An optional field.
    #[inline(never)]
    pub(super) fn optional<T: Read>(&self, key: &str) -> Result<Option<T>> {
        match self.get(key)? {
            Some(value) => self.at_key(key, |at| T::read(value, at)).map(Some),
            None => Ok(None),
        }
    }

    /// A list, empty when absent or `null`.
    pub(super) fn list<T: Read>(&self, key: &str) -> Result<Vec<T>> {
        Ok(self.optional(key)?.unwrap_or_default())
    }

    /// An array's items, none when absent or `null`.
    pub(in crate::core::callback) fn array(&self, key: &str) -> Result<&'v [Value]> {
        match self.get(key)? {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => self.at_key(key, |at| Err(at.invalid("must be an array"))),
        }
    }

    /// A flag, `false` when absent or `null`.
    pub(super) fn flag(&self, key: &str) -> Result<bool> {
        Ok(self.optional(key)?.unwrap_or_default())
    }

    /// The fields not named in `known`. `known` lists the wire names read and the
    /// JS names written, so that no kept field can stand in for a typed one in JS.
    pub(super) fn extra(&self, known: &[&str]) -> Extra {
        let kept = self
            .members
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()));
        Extra(kept.cloned().collect())
    }
}

/// Writes `{ …fields, …extra }`.
pub(super) fn object(out: &mut Writer, extra: &Extra, fields: impl FnOnce(&mut Writer)) {
    out.open_object();
    fields(out);
    extra.write_into(out);
    out.close_object();
}

/// Declares a struct of optional strings (unknown fields ignored), read from their
/// wire names and written under their JS names.
macro_rules! optional_strings {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident: $wire:literal => $js:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Option<String>, )+
        }

        impl $crate::core::json::Read for $name {
            fn read(
                value: &$crate::core::json::Value,
                at: &$crate::core::json::Path,
            ) -> $crate::core::error::Result<Self> {
                let fields = $crate::core::callback::model::fields::Fields::new(value, at)?;
                Ok(Self { $( $field: fields.optional($wire)?, )+ })
            }
        }

        impl $crate::core::json::Write for $name {
            fn write(&self, out: &mut $crate::core::json::Writer) {
                out.open_object();
                $( out.field_opt($js, &self.$field); )+
                out.close_object();
            }
        }
    };
}

pub(super) use optional_strings;
