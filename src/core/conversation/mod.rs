//! The Conversation API's WhatsApp channel (`api: "conversation"`, brief
//! `shared/conversation-api/README.md`): its URLs and recipients, the OAuth2 token
//! ([`auth`]), what its answers and errors mean ([`answers`], [`errors`]). The
//! message mapping is [`send`]; the op table is [`crate::core::ops::conversation`].

use crate::core::config::Project;
use crate::core::json::{Value, Writer};
use crate::core::request::encode_segment;
use crate::core::whatwg::cut;
use crate::prelude::*;

pub mod answers;
pub mod auth;
pub mod errors;
pub mod send;

/// `{base}/v1/projects/{projectId}/{path}`, the project id percent-encoded (`path`
/// as given: callers encode what they put in it).
pub fn url(base_url: &str, project: &Project, path: &str) -> String {
    [
        base_url,
        "/v1/projects/",
        &encode_segment(&project.project_id),
        "/",
        path,
    ]
    .concat()
}

/// Writes `"recipient": {"identified_by": {"channel_identities": [{"channel":
/// "WHATSAPP", "identity": …}]}}` for `number` (E.164; the identity is its digits
/// without `+`, as Sinch's samples write it: brief §3.1, `+` unconfirmed).
pub fn write_recipient(out: &mut Writer, number: &str) {
    out.key("recipient");
    out.open_object();
    out.key("identified_by");
    out.open_object();
    out.key("channel_identities");
    out.open_array();
    out.open_object();
    out.field("channel", "WHATSAPP");
    out.field("identity", number.strip_prefix('+').unwrap_or(number));
    out.close_object();
    out.close_array();
    out.close_object();
    out.close_object();
}

/// The body `{"app_id": …, "recipient": …}` of a request about `number`
/// (`capability:query`).
pub fn about(app_id: &str, number: &str) -> String {
    let mut out = Writer::new();
    out.open_object();
    out.field("app_id", app_id);
    write_recipient(&mut out, number);
    out.close_object();
    out.finish()
}

/// The value at dotted `path` below `value`, unless absent, `null` or `[]`.
pub fn find<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let (mut found, mut rest) = (value, path);
    loop {
        let (key, tail) = cut(rest, b".").unwrap_or((rest, ""));
        found = found.get(key)?;
        if tail.is_empty() {
            let empty = match found {
                Value::Null => true,
                Value::Array(items) => items.is_empty(),
                _ => false,
            };
            return (!empty).then_some(found);
        }
        rest = tail;
    }
}
