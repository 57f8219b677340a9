//! `send` and `sendText`: their arguments and result.

use super::{unconverted, Args};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;

// STUB (issue 12): replaced by the message model's conversion.
pub fn send(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn send_text(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn sent(_: &Value) -> Result<String> {
    Err(unconverted())
}
