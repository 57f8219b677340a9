//! The standalone wire body of `send`, written from the caller's JSON by the table
//! of [`super::schema`] once [`check`] has passed it: each member under its wire
//! name (its JS name in snake_case), the members never written left out, `null` as
//! absent, a tagged object's tag first (its name in snake_case too). No writer per type.

use super::check::{check, given};
use super::schema::{Kind, Member, Need, SEND};
use crate::core::error::Result;
use crate::core::json::{mapped, read, Path, Value, Write, Writer};
use crate::prelude::*;

/// The wire JSON of `request`, a standalone `send` argument, once every rule holds.
pub(crate) fn send_body(request: &Value) -> Result<String> {
    check(request, false)?;
    let mut out = Writer::new();
    one(request, SEND, &mut out);
    Ok(out.finish())
}

/// Each member of `members` given in `value`, under its wire name.
pub(crate) fn write_members(value: &Value, members: &[Member], out: &mut Writer) {
    for Member(js, kind, need) in members {
        let given = match (given(value, js), kind, need) {
            (_, _, Need::Unwritten) => continue,
            (_, Kind::Always(..), _) => &Value::Null,
            (None, Kind::Tagged(tag, [(first, _), ..]), Need::Tag) => {
                out.key(&snake(js));
                out.open_object();
                out.field(&snake(tag), *first);
                out.close_object();
                continue;
            }
            (None, ..) => continue,
            (Some(Value::Array(items)), Kind::List(list), _)
                if list.omit_empty && items.is_empty() =>
            {
                continue
            }
            (Some(given), ..) => given,
        };
        out.key(&snake(js));
        one(given, kind, out);
    }
}

/// The wire JSON of `value` as `kind`, once it is checked.
pub(crate) fn write(value: &Value, kind: &Kind) -> String {
    let mut out = Writer::new();
    one(value, kind, &mut out);
    out.finish()
}

/// `countryCode` → `country_code`.
pub(crate) fn snake(name: &str) -> String {
    mapped(name, |c, out| {
        let upper = c.is_ascii_uppercase();
        if upper {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        }
        upper
    })
}

/// `value` written as `kind`.
pub(crate) fn one(value: &Value, kind: &Kind, out: &mut Writer) {
    match kind {
        Kind::Object(members) => {
            out.open_object();
            write_members(value, members, out);
            out.close_object();
        }
        Kind::Always(text, _) => out.string(text),
        Kind::List(list) => {
            out.open_array();
            if let Value::Array(items) = value {
                for item in items {
                    one(item, list.item, out);
                }
            }
            out.close_array();
        }
        Kind::Tagged(tag, variants) => {
            out.open_object();
            if let Some(name) = given(value, tag) {
                out.key(&snake(tag));
                name.write(out);
            }
            // Checked: the tag is one of the variants'.
            let variant = read::tag(value, &Path::root(""), tag, variants).ok();
            if let Some((_, members)) = variant.and_then(|i| variants.get(i)) {
                write_members(value, members, out);
            }
            out.close_object();
        }
        _ => value.write(out),
    }
}
