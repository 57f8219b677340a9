//! Read events, capability, opt-in and blacklist: their arguments and results.

use super::{unconverted, Args};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;

// STUB (issue 12): replaced by this area's conversion.
pub fn mark_read(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn capability(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn opt_in(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn opt_out(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn add_to_blacklist(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn remove_from_blacklist(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn blacklist(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn capabilities(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn opt_in_result(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn blacklist_page(_: &Value) -> Result<String> {
    Err(unconverted())
}
