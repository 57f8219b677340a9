//! A template → `template_message.channel_template.WHATSAPP { template_id,
//! language_code, parameters }`, the parameters keyed as brief §2.4 says:
//! `header[1]text`, `body[i+1]text`, `header[1]<type>.link` / `.filename`,
//! `button[n]url[1]text`, `button[n]quick_reply[1]payload` (always present).
//!
//! `language_code` is required there: a template without `language` is sent as
//! `en`, which is what the standalone API applied when it was left out.

use super::{find, no_provider, walk};
use crate::core::error::{join, Result};
use crate::core::json::{decimal, Path, Value, Write, Writer};
use crate::core::rules::underscored;

/// `"template_message": { channel_template: { WHATSAPP: { … } } }` of `source`, the
/// caller's template message (checked).
pub(super) fn template(source: &Value, out: &mut Writer) -> Result<()> {
    // Nothing to write: only the media's provider refused.
    walk(
        source,
        &Path::root("message"),
        concat!("media.", no_provider!()),
        out,
    )?;
    for key in &["template_message", "channel_template", "WHATSAPP"] {
        out.key(key);
        out.open_object();
    }
    out.field("template_id", text(source, "templateName"));
    // The language in underscore form, `en` if none.
    let language = string(source, "language");
    out.field("language_code", &underscored(language.unwrap_or("en")));
    out.key("parameters");
    out.open_object();
    numbered(out, "header", source.get("headerParams"));
    let media = text(source, "media.type");
    // `header[1]<type>.link`, and a document's `.filename` (only documents have one).
    for (from, leaf) in &[("media.url", ".link"), ("media.filename", ".filename")] {
        match find(source, from) {
            Some(value) if media != "text" => {
                out.key(&join(&["header[1]", media, leaf]));
                value.write(out);
            }
            _ => {}
        }
    }
    numbered(out, "body", source.get("bodyParams"));
    if let Some(Value::Array(buttons)) = source.get("buttons") {
        for (i, button) in buttons.iter().enumerate() {
            let (kind, value) = match text(button, "type") {
                "url" => ("]url[1]text", string(button, "parameter")),
                "quick_reply" => ("]quick_reply[1]payload", Some(text(button, "payload"))),
                _ => continue,
            };
            if let Some(value) = value {
                param(out, "button", i as u64, kind, value);
            }
        }
    }
    for _ in 0..4 {
        out.close_object();
    }
    Ok(())
}

/// The string at `path` of `value`, `""` if none.
fn text<'v>(value: &'v Value, path: &str) -> &'v str {
    string(value, path).unwrap_or_default()
}

/// The string at `path` of `value`, if it is one.
fn string<'v>(value: &'v Value, path: &str) -> Option<&'v str> {
    match find(value, path) {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

/// `"<component>[i]text": value` for each of `params`, `i` from 1.
fn numbered(out: &mut Writer, component: &str, params: Option<&Value>) {
    let mut i = 0;
    if let Some(Value::Array(params)) = params {
        for value in params {
            i += 1;
            param(
                out,
                component,
                i,
                "]text",
                value.as_str().unwrap_or_default(),
            );
        }
    }
}

/// `"<component>[i<rest>": value`.
fn param(out: &mut Writer, component: &str, i: u64, rest: &str, value: &str) {
    out.field(&join(&[component, "[", &decimal(i), rest]), value);
}
