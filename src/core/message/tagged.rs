//! Internally tagged enums (`{ type: "image", url, … }`) read without buffering: the
//! tag is read first and the rest of the same map goes straight to the variant, so
//! an error inside it keeps its field path (`message.action.buttons[1].id`), which
//! serde's derive loses by buffering the map first.
//!
//! The tag must therefore be the map's first key. The JS reader (`src/web/de/`)
//! gives a struct's declared fields first, so from JS it always is; JSON text must
//! list `type` first.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// An enum tagged by `type`; implemented by [`tagged!`].
pub trait Tagged: Sized {
    /// The tags, in the order of the variants.
    const TAGS: &'static [&'static str];
    /// The variant tagged `tag` (one of `TAGS`), read from the rest of the map.
    fn variant<'de, A: MapAccess<'de>>(tag: &str, rest: A) -> Result<Self, A::Error>;
}

/// Reads a [`Tagged`] enum: `type` first, then the variant from the same map.
pub fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct("tagged", &["type"], TaggedVisitor(PhantomData))
}

/// Reads a variant's fields from the rest of the map.
pub fn fields<'de, T: de::Deserialize<'de>, A: MapAccess<'de>>(rest: A) -> Result<T, A::Error> {
    T::deserialize(MapAccessDeserializer::new(rest))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        if map.next_key::<String>()?.as_deref() != Some("type") {
            return Err(de::Error::missing_field("type"));
        }
        let tag = map.next_value_seed(Tag(T::TAGS))?;
        T::variant(tag, map)
    }
}

/// The tag's value: one of the names, or an error at the tag's own path.
struct Tag(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Tag {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let tag = String::deserialize(deserializer)?;
        let known = self.0.iter().find(|name| **name == tag);
        known
            .copied()
            .ok_or_else(|| de::Error::unknown_variant(&tag, self.0))
    }
}

/// `Deserialize` for an enum tagged by `type` whose variants are unit or newtype:
/// `tagged!(TemplateButton { "call" => Call, "url" => Url(UrlButton) });`.
/// Unit variants ignore the rest of the map, as serde's derive does.
macro_rules! tagged {
    ($name:ident { $($tag:literal => $variant:ident $(($inner:ty))?),* $(,)? }) => {
        impl $crate::core::message::tagged::Tagged for $name {
            const TAGS: &'static [&'static str] = &[$($tag),*];

            fn variant<'de, A: serde::de::MapAccess<'de>>(
                tag: &str,
                rest: A,
            ) -> std::result::Result<Self, A::Error> {
                match tag {
                    $($tag => $crate::core::message::tagged::tagged!(@read $name $variant rest $($inner)?),)*
                    _ => Err(serde::de::Error::unknown_variant(tag, Self::TAGS)),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                $crate::core::message::tagged::deserialize(deserializer)
            }
        }
    };
    (@read $name:ident $variant:ident $rest:ident $inner:ty) => {
        $crate::core::message::tagged::fields::<$inner, A>($rest).map($name::$variant)
    };
    (@read $name:ident $variant:ident $rest:ident) => {
        $crate::core::message::tagged::fields::<serde::de::IgnoredAny, A>($rest)
            .map(|_| $name::$variant)
    };
}
pub(crate) use tagged;
