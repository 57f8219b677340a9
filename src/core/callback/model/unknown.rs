//! Objects tagged by `type` (an inbound message, an interactive reply): the body
//! of a known type, or one of an unknown type kept raw.

use super::fields::Fields;
use crate::core::error::Result;
use crate::core::json::{Path, Value, Write, Writer};
use crate::prelude::*;

/// A message (or interactive reply) of a type this version does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownMessage {
    /// Its `type`.
    pub kind: String,
    /// The whole object as sent, `type` included.
    pub raw: Value,
}

/// The fields of a known `type`, beside `type` itself.
pub(super) trait Body {
    /// Reads them (`type` is one of the known fields, never kept as extra).
    fn read(fields: &Fields) -> Result<Self>
    where
        Self: Sized;
    /// Writes them into the object, after `type`.
    fn write(&self, out: &mut Writer);
}

/// A tagged object read: its `type` and its fields. `at` is its path; an error
/// names it (`….message: must be an object`) or its `type`.
pub(super) fn tagged<'v, 'p>(
    value: &'v Value,
    at: &'p Path<'p>,
) -> Result<(String, Fields<'v, 'p>)> {
    let fields = Fields::new(value, at)?;
    let kind = fields.required::<String>("type")?;
    Ok((kind, fields))
}

/// Reads the body of a known type into its variant.
pub(super) fn known<B: Body, T>(fields: &Fields, variant: fn(B) -> T) -> Result<T> {
    B::read(fields).map(variant)
}

/// Keeps an object of an unknown type as it came.
pub(super) fn unknown(kind: String, value: &Value) -> UnknownMessage {
    UnknownMessage {
        kind,
        raw: value.clone(),
    }
}

/// Writes `{ type, …body }`.
pub(super) fn write_tagged(out: &mut Writer, kind: &str, body: &dyn Fn(&mut Writer)) {
    out.open_object();
    out.field("type", kind);
    body(out);
    out.close_object();
}

/// JS gets `{ type: "unknown", rawType, raw }`: a `type` of its own, so TypeScript
/// narrows the known types on `type`, and the object as sent under `raw`.
impl Write for UnknownMessage {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("type", "unknown");
        out.field("rawType", &self.kind);
        out.field("raw", &self.raw);
        out.close_object();
    }
}
