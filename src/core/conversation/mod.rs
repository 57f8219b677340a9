//! The Conversation API's WhatsApp channel (`api: "conversation"`, brief
//! `shared/conversation-api/README.md`): its URLs and recipients, the OAuth2 token
//! ([`auth`]), what its answers and errors mean ([`answers`], [`errors`]). The
//! message mapping is [`send`]; the op table is [`crate::core::ops::conversation`].

use crate::core::config::Project;
use crate::core::error::join;
use crate::core::json::{Value, Writer};
use crate::core::request::push_segment;
use crate::core::whatwg::cut;
use crate::prelude::*;

pub mod answers;
pub mod auth;
pub mod errors;
pub mod send;

/// `{base}/v1/projects/{projectId}/{path}`, the project id percent-encoded (`path`
/// as given: callers encode what they put in it).
pub fn url(base_url: &str, project: &Project, path: &str) -> String {
    let mut url = join(&[base_url, "/v1/projects"]);
    push_segment(&mut url, &project.project_id);
    url.push('/');
    url.push_str(path);
    url
}

/// What a body about one recipient starts with, up to the recipient's identity:
/// `{"app_id": …, "recipient": {"identified_by": {"channel_identities": [{"channel":
/// "WHATSAPP", "identity": "`. The JS face puts each recipient's digits after it (its
/// E.164 number without `+`, as Sinch's samples write it: brief §3.1, `+`
/// unconfirmed), then [`RECIPIENT_END`] and the rest of the body.
pub fn head(app_id: &str) -> String {
    let mut out = Writer::new();
    out.open_object();
    out.field("app_id", app_id);
    out.raw(
        r#""recipient":{"identified_by":{"channel_identities":[{"channel":"WHATSAPP","identity":""#,
    );
    out.finish()
}

/// What closes the identity and the recipient after [`head`].
pub const RECIPIENT_END: &str = r#""}]}}"#;

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
