//! Media providers: their arguments and results.

use super::answers::{pass, PROVIDERS};
use super::Args;
use crate::core::config::Config;
use crate::core::endpoints::providers as api;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;
use crate::prelude::*;

/// `addProvider(provider)`.
pub fn add(config: &Config, args: &Args) -> Result<Request<String>> {
    api::add_provider_given(config, args.value(0))
}

/// `listProviders()`.
pub fn list(config: &Config, _: &Args) -> Result<Request<String>> {
    Ok(api::list_providers(config))
}

/// `deleteProvider(name)`.
pub fn delete(config: &Config, args: &Args) -> Result<Request<String>> {
    api::delete_provider(config, args.string(0, "name")?)
}

/// `{ providers: [{ name, type, auth, username? }] }`, no credential.
pub fn listed(body: &Value) -> Result<String> {
    pass(body, PROVIDERS)
}
