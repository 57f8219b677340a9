//! A template → `template_message.channel_template.WHATSAPP { template_id,
//! language_code, parameters }`, the parameters keyed as brief §2.4 says:
//! `header[1]text`, `body[i+1]text`, `header[1]<type>.link` / `.filename`,
//! `button[n]url[1]text`, `button[n]quick_reply[1]payload` (always present).
//!
//! `language_code` is required there: a template without `language` is sent as
//! `en`, which is what the standalone API applied when it was left out.

use super::{refuse, NO_PROVIDER};
use crate::core::error::Result;
use crate::core::json::{decimal, Value, Writer};
use crate::core::message::{Template, TemplateButton, TemplateMedia};
use crate::prelude::*;

/// The `language_code`: the template's language in underscore form, `en` if none.
pub(super) fn language(template: &Template) -> String {
    let mut code = String::new();
    for c in template.language.as_deref().unwrap_or("en").chars() {
        code.push(if c == '-' { '_' } else { c });
    }
    code
}

/// `"template_message": { channel_template: { WHATSAPP: { … } } }` of `template`
/// (the caller's message `source`).
pub(super) fn template(template: &Template, source: &Value, out: &mut Writer) -> Result<()> {
    refuse(source, &[("media.provider", NO_PROVIDER)])?;
    for key in &["template_message", "channel_template", "WHATSAPP"] {
        out.key(key);
        out.open_object();
    }
    out.field("template_id", &template.template_name);
    out.field("language_code", &language(template));
    out.key("parameters");
    out.open_object();
    numbered(out, "header", &template.header_params);
    match &template.media {
        Some(TemplateMedia::Image(link)) => out.field("header[1]image.link", &link.url),
        Some(TemplateMedia::Video(link)) => out.field("header[1]video.link", &link.url),
        Some(TemplateMedia::Document(link)) => {
            out.field("header[1]document.link", &link.url);
            out.field_opt("header[1]document.filename", &link.filename);
        }
        Some(TemplateMedia::Text) | None => {}
    }
    numbered(out, "body", &template.body_params);
    let buttons = template.buttons.as_deref().unwrap_or_default();
    for (i, button) in buttons.iter().enumerate() {
        let (kind, value) = match button {
            TemplateButton::Url(url) => ("]url[1]text", url.parameter.as_deref()),
            TemplateButton::QuickReply(reply) => (
                "]quick_reply[1]payload",
                Some(reply.payload.as_deref().unwrap_or_default()),
            ),
            TemplateButton::Call => continue,
        };
        if let Some(value) = value {
            param(out, "button", i as u64, kind, value);
        }
    }
    for _ in 0..4 {
        out.close_object();
    }
    Ok(())
}

/// `"<component>[i]text": value` for each of `params`, `i` from 1.
fn numbered(out: &mut Writer, component: &str, params: &Option<Vec<String>>) {
    let mut i = 0;
    for value in params.as_deref().unwrap_or_default() {
        i += 1;
        param(out, component, i, "]text", value);
    }
}

/// `"<component>[i<rest>": value`.
fn param(out: &mut Writer, component: &str, i: u64, rest: &str, value: &str) {
    out.field(&[component, "[", &decimal(i), rest].concat(), value);
}
