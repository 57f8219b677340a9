//! A template → `template_message.channel_template.WHATSAPP { template_id,
//! language_code, parameters }`, the parameters keyed as brief §2.4 says:
//! `header[1]text`, `body[i+1]text`, `header[1]<type>.link` / `.filename`,
//! `button[n]url[1]text`, `button[n]quick_reply[1]payload` (always present).
//!
//! `language_code` is required there: a template without `language` is sent as
//! `en`, which is what the standalone API applied when it was left out.

use super::media::refuse_provider;
use super::{close, open};
use crate::core::error::Result;
use crate::core::json::{decimal, Writer};
use crate::core::message::{
    sub, QuickReplyButton, Template, TemplateButton, TemplateMedia, UrlButton,
};
use crate::prelude::*;

/// The `language_code`: the template's language in underscore form, `en` if none.
pub(super) fn language(template: &Template) -> String {
    template
        .language
        .as_deref()
        .unwrap_or("en")
        .replace('-', "_")
}

/// `"template_message": { channel_template: { WHATSAPP: { … } } }`.
pub(super) fn template(template: &Template, path: &str, out: &mut Writer) -> Result<()> {
    let media = sub(path, "media");
    match &template.media {
        Some(TemplateMedia::Image(link) | TemplateMedia::Video(link)) => {
            refuse_provider(link.provider.is_some(), &media)?
        }
        Some(TemplateMedia::Document(link)) => refuse_provider(link.provider.is_some(), &media)?,
        Some(TemplateMedia::Text) | None => {}
    }
    open(out, &["template_message", "channel_template", "WHATSAPP"]);
    out.field("template_id", &template.template_name);
    out.field("language_code", &language(template));
    open(out, &["parameters"]);
    let numbered = |out: &mut Writer, component: &str, params: &Option<Vec<String>>| {
        for (i, value) in params.iter().flatten().enumerate() {
            let key = [component, "[", &decimal(i as u64 + 1), "]text"].concat();
            out.field(&key, value);
        }
    };
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
    for (n, button) in template.buttons.iter().flatten().enumerate() {
        let (kind, value) = match button {
            TemplateButton::Url(UrlButton {
                parameter: Some(value),
            }) => ("]url[1]text", value.as_str()),
            TemplateButton::QuickReply(QuickReplyButton { payload }) => {
                ("]quick_reply[1]payload", payload.as_deref().unwrap_or(""))
            }
            TemplateButton::Url(_) | TemplateButton::Call => continue,
        };
        out.field(&["button[", &decimal(n as u64), kind].concat(), value);
    }
    close(out, 4);
    Ok(())
}
