//! A serde reader of JS values (the caller's inputs, and answers after `JSON.parse`).
//!
//! An error names the deepest path that is wrong (`request.message.to[0]`,
//! `options.region`) and what was expected, never the value received: it may be a
//! secret. Objects are read through their own enumerable properties only (never the
//! prototype chain), a struct's declared fields first; depth and size are bounded,
//! and a throwing getter or Proxy gives an error instead of a trap.

mod error;

pub use error::ReadError;

use error::Segment;
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn object_entries(object: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_from(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// How deep and how big a value one read may walk.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of objects and arrays.
    pub depth: u32,
    /// Most values in all.
    pub nodes: u32,
}

/// Reads `value` as a `T` within `limits`.
pub fn read<T: de::DeserializeOwned>(value: JsValue, limits: Limits) -> Result<T, ReadError> {
    let budget = Cell::new(limits.nodes);
    let reader = Reader {
        value,
        depth: 0,
        max_depth: limits.depth,
        budget: &budget,
    };
    T::deserialize(reader)
}

const UNREADABLE: &str = "could not be read (a getter or Proxy threw)";

/// One JS value being read, with the shared budget.
struct Reader<'a> {
    value: JsValue,
    depth: u32,
    max_depth: u32,
    budget: &'a Cell<u32>,
}

impl<'a> Reader<'a> {
    /// A reader of a value one level down; counts against the budget.
    fn child(&self, value: JsValue) -> Result<Reader<'a>, ReadError> {
        let left = self
            .budget
            .get()
            .checked_sub(1)
            .ok_or_else(|| ReadError::new("is too large"))?;
        self.budget.set(left);
        Ok(Reader {
            value,
            depth: self.depth + 1,
            max_depth: self.max_depth,
            budget: self.budget,
        })
    }

    fn invalid<'de, V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        Err(de::Error::invalid_type(
            Unexpected::Other("value"),
            &visitor,
        ))
    }

    /// Whether the value is an array, an object that is not, or neither (a typed
    /// array or `DataView` is neither: its bytes are not fields).
    fn container(&self) -> Result<Option<bool>, ReadError> {
        if !self.value.is_object() || js_sys::ArrayBuffer::is_view(&self.value) {
            return Ok(None);
        }
        if self.depth >= self.max_depth {
            return Err(ReadError::new("is nested too deeply (or is cyclic)"));
        }
        is_array(&self.value)
            .map(Some)
            .map_err(|_| ReadError::new(UNREADABLE))
    }

    /// The array's items, when it is one.
    fn items(&self) -> Result<Option<Items<'a, '_>>, ReadError> {
        if self.container()? != Some(true) {
            return Ok(None);
        }
        let length = js_sys::Reflect::get(&self.value, &JsValue::from_str("length"))
            .map_err(|_| ReadError::new(UNREADABLE))?
            .as_f64()
            .unwrap_or_default();
        if length > f64::from(self.budget.get()) {
            return Err(ReadError::new("is too large"));
        }
        let array = array_from(&self.value).map_err(|_| ReadError::new(UNREADABLE))?;
        Ok(Some(Items {
            array,
            next: 0,
            parent: self,
        }))
    }

    /// The object's own enumerable entries, when it is a plain object (not an array).
    fn entries(&self) -> Result<Option<Vec<(String, JsValue)>>, ReadError> {
        if self.container()? != Some(false) {
            return Ok(None);
        }
        let pairs = object_entries(&self.value).map_err(|_| ReadError::new(UNREADABLE))?;
        let entries = pairs.iter().map(|pair| {
            let pair: js_sys::Array = pair.into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        });
        Ok(Some(entries.collect()))
    }

    fn read_map<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        fields: &[&str],
    ) -> Result<V::Value, ReadError> {
        let Some(mut entries) = self.entries()? else {
            return self.invalid(visitor);
        };
        declared_first(&mut entries, fields);
        visitor.visit_map(Entries {
            entries: entries.into_iter(),
            pending: None,
            parent: &self,
        })
    }
}

/// Methods that read as another does.
macro_rules! forward {
    ($to:ident: $($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
            self.$to(visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Reader<'_> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(flag) = self.value.as_bool() {
            visitor.visit_bool(flag)
        } else if let Some(number) = self.value.as_f64() {
            match safe_integer(number) {
                Some(integer) => visitor.visit_i64(integer),
                None => visitor.visit_f64(number),
            }
        } else if let Some(text) = self.value.as_string() {
            visitor.visit_string(text)
        } else if let Some(items) = self.items()? {
            visitor.visit_seq(items)
        } else {
            self.read_map(visitor, &[])
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value.as_bool() {
            Some(flag) => visitor.visit_bool(flag),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value.as_f64().and_then(safe_integer) {
            Some(integer) => visitor.visit_i64(integer),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value.as_f64() {
            Some(number) => visitor.visit_f64(number),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value.as_string() {
            Some(text) => visitor.visit_string(text),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_unit()
        } else {
            self.invalid(visitor)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.value.is_null() || self.value.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.items()? {
            Some(items) => visitor.visit_seq(items),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        self.read_map(visitor, &[])
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.read_map(visitor, fields)
    }

    /// Unit variants, given as their name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        match self.value.as_string() {
            Some(name) => visitor.visit_enum(name.into_deserializer()),
            None => self.invalid(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bytes byte_buf unit_struct tuple tuple_struct i128 u128
    }

    forward! { deserialize_i64: deserialize_i8 deserialize_i16 deserialize_i32 deserialize_u8
    deserialize_u16 deserialize_u32 deserialize_u64 }
    forward! { deserialize_f64: deserialize_f32 }
    forward! { deserialize_string: deserialize_char deserialize_str deserialize_identifier }
}

/// Puts the declared `fields` first, in their order; then the rest as given.
/// Not generic, so the sort is compiled once.
fn declared_first(entries: &mut [(String, JsValue)], fields: &[&str]) {
    if fields.is_empty() {
        return;
    }
    entries.sort_by_key(|(key, _)| {
        fields
            .iter()
            .position(|field| field == key)
            .unwrap_or(fields.len())
    });
}

/// `number` as an `i64`, when it is a whole number JS holds exactly.
fn safe_integer(number: f64) -> Option<i64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    (number.fract() == 0.0 && number.abs() <= MAX_SAFE).then_some(number as i64)
}

/// An array's items; an error inside one names its index.
struct Items<'a, 'r> {
    array: js_sys::Array,
    next: u32,
    parent: &'r Reader<'a>,
}

impl<'de> de::SeqAccess<'de> for Items<'_, '_> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let index = self.next;
        if index >= self.array.length() {
            return Ok(None);
        }
        self.next += 1;
        self.parent
            .child(self.array.get(index))
            .and_then(|reader| seed.deserialize(reader))
            .map(Some)
            .map_err(|err| err.at(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

/// An object's entries; an error inside a value names its key.
struct Entries<'a, 'r> {
    entries: std::vec::IntoIter<(String, JsValue)>,
    pending: Option<(String, JsValue)>,
    parent: &'r Reader<'a>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, '_> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let name: StringDeserializer<ReadError> = key.clone().into_deserializer();
        self.pending = Some((key, value));
        seed.deserialize(name).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| ReadError::new("has a value without a key"))?;
        self.parent
            .child(value)
            .and_then(|reader| seed.deserialize(reader))
            .map_err(|err| err.at(Segment::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
