//! Option and filter objects refuse keys they do not know, so a typo (`frm` for
//! `from`) is an error naming the key rather than a filter silently left out.
//!
//! `#[serde(deny_unknown_fields)]` alone does not do it: a deserializer may read a
//! struct by asking only for its declared fields and never see the others, as
//! serde-wasm-bindgen does with JS objects. A type marked with [`every_key_seen!`]
//! reads its input as a map instead, so every key meets the check whatever the
//! deserializer.

use serde::de::{Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

/// A deserializer that reads a struct as a map: every key is visited.
pub struct AllKeys<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for AllKeys<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
        enum identifier ignored_any
    }
}

/// Implements `Deserialize` through [`AllKeys`] for structs derived with
/// `#[serde(remote = "Self", deny_unknown_fields)]` (which makes the derived code an
/// inherent `deserialize`); with `serialize`, also forwards `Serialize` to the
/// inherent `serialize` that `remote = "Self"` makes of a derived one. Inside the
/// crate, `Type::deserialize` names the unchecked inherent function: go through the
/// trait (`<Type as Deserialize>::deserialize`, or any `T: Deserialize` caller).
macro_rules! every_key_seen {
    ($ty:ty) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                <$ty>::deserialize($crate::core::keys::AllKeys(deserializer))
            }
        }
    };
    ($ty:ty, serialize) => {
        $crate::core::keys::every_key_seen!($ty);
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }
    };
}
pub(crate) use every_key_seen;

/// The keys the per-call options `{ signal?, timeoutMs?, onRetry? }` may have; the
/// JS layer reads their values.
#[derive(Debug, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct CallOptionKeys {
    /// An `AbortSignal`.
    pub signal: Option<IgnoredAny>,
    /// Milliseconds.
    pub timeout_ms: Option<IgnoredAny>,
    /// A function.
    pub on_retry: Option<IgnoredAny>,
}
every_key_seen!(CallOptionKeys);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    #[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
    struct Filter {
        page_size: Option<u32>,
        from: Option<String>,
    }
    every_key_seen!(Filter, serialize);

    /// Reads a JSON object as serde-wasm-bindgen reads a JS object: a struct is
    /// shown only its declared fields, a map every key.
    struct DeclaredOnly(serde_json::Value);

    impl<'de> Deserializer<'de> for DeclaredOnly {
        type Error = serde_json::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> serde_json::Result<V::Value> {
            self.0.deserialize_any(visitor)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> serde_json::Result<V::Value> {
            let mut object = self.0.as_object().cloned().unwrap_or_default();
            object.retain(|key, _| fields.contains(&key.as_str()));
            serde_json::Value::Object(object).deserialize_map(visitor)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DenyAlone {
        from: Option<String>,
    }

    #[test]
    fn a_deserializer_showing_declared_fields_only_cannot_hide_a_key() {
        let input = || DeclaredOnly(json!({"frm": "+4673"}));
        // The hole: deny_unknown_fields alone never sees `frm`.
        assert_eq!(DenyAlone::deserialize(input()).unwrap().from, None);
        let err = <Filter as Deserialize>::deserialize(input()).unwrap_err();
        assert!(err.to_string().contains("unknown field `frm`"), "{err}");
        let ok =
            <Filter as Deserialize>::deserialize(DeclaredOnly(json!({"from": "+4673"}))).unwrap();
        assert_eq!(ok.from.as_deref(), Some("+4673"));
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = serde_json::from_value::<Filter>(json!({"frm": "+4673"})).unwrap_err();
        assert!(err.to_string().contains("unknown field `frm`"), "{err}");
        let err = serde_json::from_value::<CallOptionKeys>(json!({"timeout": 5})).unwrap_err();
        assert!(err.to_string().contains("`timeout`"), "{err}");
    }

    #[test]
    fn known_keys_read_and_write_as_derived() {
        let filter: Filter = serde_json::from_value(json!({"pageSize": 5})).unwrap();
        assert_eq!(
            filter,
            Filter {
                page_size: Some(5),
                from: None
            }
        );
        assert_eq!(
            serde_json::to_value(&filter).unwrap(),
            json!({"pageSize": 5, "from": null})
        );
        assert!(serde_json::from_value::<Filter>(json!([1, "x"])).is_err());
        assert!(serde_json::from_value::<CallOptionKeys>(
            json!({"signal": {}, "timeoutMs": 1, "onRetry": null})
        )
        .is_ok());
    }
}
