//! The op table of `api: "conversation"`: the same method names as the
//! standalone table ([`super::OPS`]), each prepared as the Conversation API's
//! request, or refused with `unsupported` before anything is sent (brief §3.2).
//! A send or capability query goes out once per recipient: [`prepare`] gives the
//! JS face the recipients and the one body they share around their identity
//! (`{"method", "url", "repeat", "into", "parts": [recipient, …], "head",
//! "tail"}`: each part's body is `head`, the recipient's digits, `tail`), which it
//! runs at most 4 at a time and merges into one result.

use super::{messages, request, Args};
use crate::core::config::{Config, Project};
use crate::core::conversation::auth::token_answer;
use crate::core::conversation::errors::{
    error_for_status, unsupported, NOT_FOUND, STORED_NOT_FOUND,
};
use crate::core::conversation::{answers, head, send::send_tail, url, RECIPIENT_END};
use crate::core::endpoints::numbers::NUMBERS;
use crate::core::error::{join, Error, Result};
use crate::core::json::{self, Value};
use crate::core::message::arguments;
use crate::core::request::push_segment;
use crate::core::retry::Repeat;
use crate::core::rules::check_id;
use crate::prelude::*;

/// How one method's request is prepared: the JSON text JS gets.
type Prepare = fn(&Config, &Project, &Args) -> Result<String>;
/// How a 2xx answer (parsed; empty reads as `{}`) becomes the JS result (or part).
type Answer = fn(&Value) -> Result<String>;

/// The methods the Conversation API can do, in the standalone table's order
/// (`send`, `sendText`, `capability`, `callbackStatus`).
const OPS: &[(Prepare, Answer)] = &[
    (send, answers::sent),
    (send_text, answers::sent),
    (capability, answers::capability),
    (callback_status, answers::stored),
];

/// Why each method the Conversation API cannot do is refused, and what to use instead.
const WHY: &[&str] = &[
    "not sent until Sinch confirms how events:send names the message",
    "opt-in is not enforced; see GET …/consents/OPT_OUT_ALL or the OPT_IN/OPT_OUT webhooks",
    "no blacklist; see GET …/consents/OPT_OUT_ALL (read-only)",
    "no callback store: use a MESSAGE_INBOUND webhook (parseCallback) or GET …/messages",
    "no media providers: use public https URLs",
    "no stickerpacks: send a sticker by URL (sendSticker(to, url))",
];

/// For each row of the standalone table ([`super::OPS`], in its order): the index
/// of its row in [`OPS`], or [`OPS`]' length + the index of its refusal in [`WHY`].
const ROWS: [u8; super::OPS.len()] = [
    0, 1, 4, 2, 5, 5, 6, 6, 6, 3, 7, 8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
];

/// The row of method `name`: an unknown name is refused as the standalone table
/// refuses it, a method without an equivalent as `unsupported`.
fn find(name: &str) -> Result<&'static (Prepare, Answer)> {
    let row = super::OPS
        .iter()
        .position(|op| op.name == name)
        .and_then(|row| ROWS.get(row))
        .ok_or_else(|| Error::invalid("operation", "is not an operation of this client"))?;
    let row = usize::from(*row);
    OPS.get(row).ok_or_else(|| {
        let why = WHY.get(row - OPS.len()).unwrap_or(&"");
        unsupported(name, why)
    })
}

/// The prepared request (JSON text, see the module) of method `name` with `args`
/// (the JSON text of its argument array), every rule checked first.
pub fn prepare(config: &Config, project: &Project, name: &str, args: &str) -> Result<String> {
    let (prepare, _) = find(name)?;
    let args = json::parse(args).map_err(|_| Error::invalid("arguments", "could not be read"))?;
    prepare(config, project, &Args::new(&args)?)
}

/// What an answer to (one part of) method `name` of `project`'s client means: the
/// JS result or part's JSON text, or the typed error, every secret redacted. `name`
/// `"token"` is the token request's ([`token_answer`]: the access token is kept).
pub fn answer(
    name: &str,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    project: &mut Project,
) -> Result<String> {
    // The token request's answer has no entry in the table.
    let answer = match name {
        "token" => None,
        _ => Some(find(name)?.1),
    };
    let mut secrets = Vec::new();
    project.secrets(&mut secrets);
    if !(200..300).contains(&status) {
        let not_found = match name {
            "callbackStatus" => STORED_NOT_FOUND,
            _ => NOT_FOUND,
        };
        return Err(error_for_status(
            status,
            body,
            retry_after,
            &secrets,
            not_found,
        ));
    }
    match answer {
        Some(answer) => super::reply(status, body, &secrets, &answer),
        None => token_answer(project, status, body),
    }
}

/// `send(request)`.
fn send(config: &Config, project: &Project, args: &Args) -> Result<String> {
    fan_out(config, project, args.value(0))
}

/// `sendText(to, text)`.
fn send_text(config: &Config, project: &Project, args: &Args) -> Result<String> {
    fan_out(config, project, &messages::text_request(args)?)
}

/// One `messages:send` per recipient of `request` (the caller's JSON).
fn fan_out(config: &Config, project: &Project, request: &Value) -> Result<String> {
    let tail = send_tail(request)?;
    let url = url(&config.base_url, project, "messages:send");
    let to = request.get("to").unwrap_or(&Value::Null);
    Ok(parts(&url, "messages", Repeat::Send, to, project, &tail))
}

/// `capability(numbers)`: one `capability:query` per number; the answers come
/// later, on the CAPABILITY webhook.
fn capability(config: &Config, project: &Project, args: &Args) -> Result<String> {
    let numbers = args.value(0);
    arguments(&[numbers], NUMBERS, false)?;
    let url = url(&config.base_url, project, "capability:query");
    // `{"app_id": …, "recipient": …}`.
    let mut tail = RECIPIENT_END.to_owned();
    tail.push('}');
    Ok(parts(
        &url,
        "requests",
        Repeat::Safe,
        numbers,
        project,
        &tail,
    ))
}

/// `callbackStatus(messageId)`: the stored message (`GET …/messages/{id}`), asked
/// for in two sources (brief §7.5). Sinch reads CONVERSATION_SOURCE when
/// `messages_source` is not given, but keeps a message sent in DISPATCH mode (the
/// default of apps created since 2025-04-16, Sinch's "Processing Modes" page) in
/// DISPATCH_SOURCE: `url` asks there, and on
/// `not_found` (only then) the JS face asks `fallback`, CONVERSATION_SOURCE (an app
/// in CONVERSATION mode). `{"method", "url", "repeat", "fallback"}`.
fn callback_status(config: &Config, project: &Project, args: &Args) -> Result<String> {
    let id = args.string(0, "messageId")?;
    check_id("messageId", id)?;
    let mut path = url(&config.base_url, project, "messages");
    push_segment(&mut path, id);
    path.push_str("?messages_source=");
    let fallback = join(&[&path, "CONVERSATION_SOURCE"]);
    path.push_str("DISPATCH_SOURCE");
    let mut out = request("GET", &path, Repeat::Safe);
    out.field("fallback", &fallback);
    out.close_object();
    Ok(out.finish())
}

/// A POST to `url` per recipient of `recipients` (checked numbers), its body
/// `project`'s [`head`], the number's digits and `tail`, merged by JS into a result's
/// list `into`. A safe one (a capability query) is `asynchronous`: its answers only
/// say the request was taken; a send is not.
fn parts(
    url: &str,
    into: &str,
    repeat: Repeat,
    recipients: &Value,
    project: &Project,
    tail: &str,
) -> String {
    let mut out = request("POST", url, repeat);
    out.field("into", into);
    if repeat == Repeat::Safe {
        out.field("asynchronous", &true);
    }
    out.field("parts", recipients);
    out.field("head", &head(&project.app_id));
    out.field("tail", tail);
    out.close_object();
    out.finish()
}

#[cfg(test)]
mod tests;
