//! Stickerpacks and stickers: their arguments and results.

use super::{unconverted, Args};
use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;

// STUB (issue 12): replaced by this area's conversion.
pub fn list_packs(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn get_pack(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn create_pack(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn update_pack(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn delete_pack(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn list_stickers(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn get_sticker(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn create_sticker(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn update_sticker(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn delete_sticker(_: &Config, _: &Args) -> Result<Request<String>> {
    Err(unconverted())
}
pub fn pack_list(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn pack_info(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn pack_id(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn sticker_list(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn sticker_info(_: &Value) -> Result<String> {
    Err(unconverted())
}
pub fn sticker_index(_: &Value) -> Result<String> {
    Err(unconverted())
}
