//! The op table of `api: "conversation"`: the same method names as the
//! standalone table ([`super::OPS`]), each prepared as the Conversation API's
//! request, or refused with `unsupported` before anything is sent (brief §3.2).
//! A send or capability query goes out once per recipient: [`prepare`] gives the
//! JS face the recipients and the one body they share around their identity
//! (`{"method", "url", "into", "parts": [recipient, …], "head", "tail"}`: each part's body is `head`, the recipient's digits, `tail`), which it
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
use crate::core::rules::check_id;
use crate::prelude::*;

/// How one method's request is prepared: the JSON text JS gets.
type Prepare = fn(&Config, &Project, &Args) -> Result<String>;
/// How a 2xx answer (parsed; empty reads as `{}`) becomes the JS result (or part).
type Answer = fn(&Value) -> Result<String>;

/// The methods the Conversation API can do, in the standalone table's order
/// (`send`, `sendText`, `capability`, `callbackStatus`), each with what its 404
/// says.
const OPS: &[(Prepare, Answer, &str)] = &[
    (send, answers::sent, NOT_FOUND),
    (send_text, answers::sent, NOT_FOUND),
    (capability, answers::capability, NOT_FOUND),
    (callback_status, answers::stored, STORED_NOT_FOUND),
];

/// Why each method the Conversation API cannot do is refused, and what to use instead.
const WHY: &[&str] = &[
    "not sent until Sinch confirms how events:send names the message",
    "opt-in is not enforced; see the OPT_IN/OPT_OUT webhooks",
    "no blacklist; see the OPT_OUT_ALL consents",
    "no callback store: use a MESSAGE_INBOUND webhook",
    "no media providers: use public https URLs",
    "no stickerpacks: send a sticker by URL",
];

/// For each row of the standalone table ([`super::OPS`], in its order): the index
/// of its row in [`OPS`], or [`OPS`]' length + the index of its refusal in [`WHY`].
const ROWS: [u8; super::OPS.len()] = [
    0, 1, 4, 2, 5, 5, 6, 6, 6, 3, 7, 8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
];

/// The row of the method of standalone row `index` ([`super::row`]): one past the
/// table is refused as the standalone table refuses it, a method without an
/// equivalent as `unsupported`.
fn find(index: usize) -> Result<&'static (Prepare, Answer, &'static str)> {
    let op = super::row(index)?;
    let row = usize::from(ROWS.get(index).copied().unwrap_or_default());
    OPS.get(row).ok_or_else(|| {
        let why = WHY.get(row - OPS.len()).unwrap_or(&"");
        unsupported(op.name, why)
    })
}

/// The prepared request (JSON text, see the module) of the method of standalone
/// row `index` with `args` (the JSON text of its argument array), every rule
/// checked first.
pub fn prepare(config: &Config, project: &Project, index: usize, args: &str) -> Result<String> {
    let (prepare, ..) = find(index)?;
    let args = json::parse(args).map_err(|_| Error::invalid("arguments", "could not be read"))?;
    prepare(config, project, &Args::new(&args)?)
}

/// What an answer to (one part of) the method of standalone row `index` of
/// `project`'s client means: the JS result or part's JSON text, or the typed error,
/// every secret redacted. A row past the standalone table is the token request's
/// ([`token_answer`]: the access token is kept).
pub fn answer(
    index: usize,
    status: u16,
    retry_after: Option<&str>,
    body: &str,
    project: &mut Project,
) -> Result<String> {
    // The token request's answer has no entry in the table.
    let row = match index < super::OPS.len() {
        true => Some(find(index)?),
        false => None,
    };
    let secrets = project.secrets();
    if !(200..300).contains(&status) {
        let not_found = row.map_or(NOT_FOUND, |&(.., not_found)| not_found);
        return Err(error_for_status(
            status,
            body,
            retry_after,
            &secrets,
            not_found,
        ));
    }
    match row {
        Some((_, answer, _)) => super::reply(status, body, &secrets, answer),
        None => token_answer(project, status, body),
    }
}

/// `send(request)`.
fn send(config: &Config, project: &Project, args: &Args) -> Result<String> {
    fan_out(config, project, args.value(0))
}

/// `sendText(to, text)`.
fn send_text(config: &Config, project: &Project, args: &Args) -> Result<String> {
    // What was written reads back: never `null`.
    let request = json::parse(&messages::text_request(args)?).unwrap_or(Value::Null);
    fan_out(config, project, &request)
}

/// One `messages:send` per recipient of `request` (the caller's JSON).
fn fan_out(config: &Config, project: &Project, request: &Value) -> Result<String> {
    let tail = send_tail(request)?;
    let url = url(&config.base_url, project, "messages:send");
    let to = request.get("to").unwrap_or(&Value::Null);
    Ok(parts(&url, "messages", false, to, project, &tail))
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
    Ok(parts(&url, "requests", true, numbers, project, &tail))
}

/// `callbackStatus(messageId)`: the stored message (`GET …/messages/{id}`), asked
/// for in two sources (brief §7.5). Sinch reads CONVERSATION_SOURCE when
/// `messages_source` is not given, but keeps a message sent in DISPATCH mode (the
/// default of apps created since 2025-04-16, Sinch's "Processing Modes" page) in
/// DISPATCH_SOURCE: `url` asks there, and on
/// `not_found` (only then) the JS face asks `fallback`, CONVERSATION_SOURCE (an app
/// in CONVERSATION mode). `{"method", "url", "fallback"}`.
fn callback_status(config: &Config, project: &Project, args: &Args) -> Result<String> {
    let id = args.string(0, "messageId")?;
    check_id("messageId", id)?;
    let mut path = url(&config.base_url, project, "messages");
    push_segment(&mut path, id);
    path.push_str("?messages_source=");
    let fallback = join(&[&path, "CONVERSATION_SOURCE"]);
    path.push_str("DISPATCH_SOURCE");
    let mut out = request("GET", &path);
    out.field("fallback", &fallback);
    out.close_object();
    Ok(out.finish())
}

/// A POST to `url` per recipient of `recipients` (checked numbers), its body
/// `project`'s [`head`], the number's digits and `tail`, merged by JS into a result's
/// list `into`. An `asynchronous` one (a capability query) says so: its answers
/// only say the request was taken; a send's do not.
fn parts(
    url: &str,
    into: &str,
    asynchronous: bool,
    recipients: &Value,
    project: &Project,
    tail: &str,
) -> String {
    let mut out = request("POST", url);
    out.field("into", into);
    if asynchronous {
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
