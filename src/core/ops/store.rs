//! The callback store (callbackStatus, callbackNotifications): arguments and results.

use super::{unconverted, Args};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;

// STUB (issue 12): replaced by this area's conversion.
pub fn status(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn notifications(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn results(_: &Value) -> Result<String> {
    Err(unconverted())
}
