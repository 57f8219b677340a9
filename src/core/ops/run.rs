//! The one runner of the operations' rows ([`super::OPS`]): every argument's shape,
//! then every rule (the message model's one check), then each plain string
//! argument's id rule; then the path, the body or query, and the method.

use super::{text_request, Args, Body, Op};
use crate::core::config::Config;
use crate::core::endpoints::providers;
use crate::core::error::Result;
use crate::core::json::read::whole;
use crate::core::json::{decimal, Value, Write, Writer};
use crate::core::message::schema::{Kind, Member, Rule};
use crate::core::message::{index, send_body, snake, write};
use crate::core::request::{endpoint, push_query, push_segment, Request};
use crate::core::rules::check_id;
use crate::core::whatwg::cut;
use crate::prelude::*;

/// The request of `op` with `args`, once every rule holds.
pub(super) fn request(config: &Config, op: &Op, args: &Args) -> Result<Request<String>> {
    let values = args.checked(op.params)?;
    // A plain string argument goes into a path or a body as an id.
    for (value, Member(name, kind, _)) in values.iter().zip(op.params) {
        if let (Kind::Str(Rule::None), Some(id)) = (kind, value.as_str()) {
            check_id(name, id)?;
        }
    }
    let mut url = endpoint(config, &[]);
    let mut taken = 0;
    let mut path = Some(op.path);
    while let Some(rest) = path {
        let (segment, next) = match cut(rest, b"/") {
            Some((segment, next)) => (segment, Some(next)),
            None => (rest, None),
        };
        path = next;
        // A match, not `!=`: `<&str as PartialEq>::ne` shared with the callbacks'
        // code would stop being inlined there.
        let "*" = segment else {
            push_segment(&mut url, segment);
            continue;
        };
        let value = values.get(taken).copied().unwrap_or(&Value::Null);
        taken += 1;
        match value {
            Value::String(id) => push_segment(&mut url, id),
            _ => push_segment(&mut url, &index(value).unwrap_or_default()),
        }
    }
    let rest = values.get(taken..).unwrap_or_default();
    let params = op.params.get(taken..).unwrap_or_default();
    let body = match op.body {
        Body::Query => {
            for (value, member) in rest.iter().zip(params) {
                query(&mut url, value, member);
            }
            None
        }
        Body::Fields => match (rest.first(), params.first()) {
            (Some(value), Some(Member(_, kind, _))) => Some(write(value, kind)),
            _ => None,
        },
        Body::Wrapped | Body::Read => {
            let mut out = Writer::new();
            out.open_object();
            if let Body::Read = op.body {
                out.field("type", "read");
            }
            for (value, Member(name, ..)) in rest.iter().zip(params) {
                out.key(&snake(name));
                value.write(&mut out);
            }
            out.close_object();
            Some(out.finish())
        }
        Body::Provider => Some(providers::body(args.value(0))),
        Body::Send => Some(send_body(args.value(0))?),
        Body::Text => Some(text_request(args)?),
    };
    Ok(Request {
        method: op.method,
        url,
        body,
        repeat: op.repeat,
    })
}

/// The argument `value` (as `member`) in the query of `url`: an object's members
/// each under their name in snake_case, a whole number not given as `0`.
fn query(url: &mut String, value: &Value, member: &Member) {
    let Member(name, kind, _) = member;
    match kind {
        Kind::Object(members) => {
            for Member(name, ..) in members.iter() {
                let text = match value.get(name) {
                    Some(Value::String(text) | Value::Number(text)) => Some(text.as_str()),
                    _ => None,
                };
                push_query(url, &snake(name), text);
            }
        }
        Kind::U32(_) => {
            let page = decimal(whole(value, u32::MAX.into()).unwrap_or(0));
            push_query(url, name, Some(&page));
        }
        _ => push_query(url, name, value.as_str()),
    }
}
