//! Read events, capability, opt-in and blacklist: their arguments and results.

use super::answers::{self, pass};
use super::Args;
use crate::core::config::Config;
use crate::core::endpoints::numbers::{self as api, Numbers};
use crate::core::error::Result;
use crate::core::json::read::whole;
use crate::core::json::Value;
use crate::core::message::arguments;
use crate::core::request::Request;
use crate::prelude::*;

/// The first argument, `numbers`: 1–20 MSISDNs.
fn numbers(args: &Args) -> Result<Numbers> {
    Numbers::given(args.value(0))
}

/// `markRead(messageId)`.
pub fn mark_read(config: &Config, args: &Args) -> Result<Request<String>> {
    api::mark_read(config, args.string(0, "messageId")?)
}

/// `capability(numbers)`.
pub fn capability(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::capability(config, &numbers(args)?))
}

/// `optIn(numbers)`.
pub fn opt_in(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::opt_in(config, &numbers(args)?, true))
}

/// `optOut(numbers)`.
pub fn opt_out(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::opt_in(config, &numbers(args)?, false))
}

/// `addToBlacklist(numbers)`.
pub fn add_to_blacklist(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::blacklist(config, &numbers(args)?, true))
}

/// `removeFromBlacklist(numbers)`.
pub fn remove_from_blacklist(config: &Config, args: &Args) -> Result<Request<String>> {
    Ok(api::blacklist(config, &numbers(args)?, false))
}

/// `blacklist(page?)`: page 0 when not given.
pub fn blacklist(config: &Config, args: &Args) -> Result<Request<String>> {
    let page = args.value(0);
    arguments(&[page], api::PAGE, false)?;
    Ok(api::blacklist_page(
        config,
        whole(page, u32::MAX.into()).unwrap_or(0) as u32,
    ))
}

/// `{ capabilities: [{ msisdn, capable, waid? }] }`.
pub fn capabilities(body: &Value) -> Result<String> {
    pass(body, answers::CAPABILITIES)
}

/// `{ optInNumbers?, failedToOptInNumbers? }`.
pub fn opt_in_result(body: &Value) -> Result<String> {
    pass(body, answers::OPT_IN)
}

/// `{ numbers }`.
pub fn blacklist_page(body: &Value) -> Result<String> {
    pass(body, answers::BLACKLIST_PAGE)
}
