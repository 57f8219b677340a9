//! Media providers: their arguments and results.

use super::{unconverted, Args};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;

// STUB (issue 12): replaced by this area's conversion.
pub fn add(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn list(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn delete(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn listed(_: &Value) -> Result<String> {
    Err(unconverted())
}
