//! The options of `api: "conversation"`: a project's app on the Conversation API's
//! WhatsApp channel, its access key, how it authenticates and where (brief §1).

use super::read::{required, text, CONVERSATION_KEYS, KEYS, STANDALONE_KEYS_END};
use super::{
    base_url, check_name, check_token, check_url, in_browser_page, Api, ClientOptions, Config,
    Host, Secret,
};
use crate::core::error::{join, Error, Result};
use crate::core::json::Object;
use crate::core::whatwg;
use crate::prelude::*;

/// The options only `api: "conversation"` takes (refused under `api: "whatsapp"`).
pub const ONLY: &[&str] = KEYS.split_at(CONVERSATION_KEYS).0;

/// The options only `api: "whatsapp"` takes (refused under `api: "conversation"`).
pub(super) const STANDALONE_ONLY: &[&str] = KEYS
    .split_at(STANDALONE_KEYS_END)
    .0
    .split_at(CONVERSATION_KEYS)
    .1;

/// The OAuth2 token URL every region shares (brief §1.2).
pub const DEFAULT_AUTH_URL: &str = "https://auth.sinch.com/oauth2/token";

/// The base URL of a Conversation API region (`us`, `eu`, `br`); an app lives in
/// one, the others answer 404.
fn region_url(region: &str) -> Option<&'static str> {
    Some(match region {
        "us" => "https://us.conversation.api.sinch.com",
        "eu" => "https://eu.conversation.api.sinch.com",
        "br" => "https://br.conversation.api.sinch.com",
        _ => return None,
    })
}

/// How API calls authenticate (the `auth` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `"oauth2"` (the default): a bearer token from the token URL, cached.
    OAuth2,
    /// `"basic"`: the key on every call (for tests; Sinch rate-limits it tighter).
    Basic,
}

/// A project's app, as a client of `api: "conversation"` is configured.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// The project id (in every path).
    pub project_id: String,
    /// The sending app (in every body).
    pub app_id: String,
    /// `Basic base64(keyId:keySecret)` and the key secret; `None` behind a relay
    /// that adds auth itself.
    pub key: Option<(Secret, Secret)>,
    /// How API calls authenticate.
    pub auth: Auth,
    /// The OAuth2 token URL.
    pub auth_url: String,
    /// The current access token, once the token URL gave one (kept for redaction).
    pub access_token: Option<Secret>,
}

impl Project {
    /// The `Authorization` header of a token request (the key as Basic), if any.
    pub fn basic(&self) -> Option<&str> {
        self.key.as_ref().map(|(basic, _)| basic.expose())
    }

    /// Whether API calls need a bearer token from the token URL first.
    pub fn needs_token(&self) -> bool {
        self.auth == Auth::OAuth2 && self.key.is_some()
    }

    /// Keeps `token`, the access token the token URL gave (for redaction).
    pub fn keep_token(&mut self, token: &str) {
        self.access_token = Some(Secret(token.to_owned()));
    }

    /// The key secret, its Basic header and the access token, each empty when not
    /// known (an empty secret matches nothing).
    pub fn secrets(&self) -> [&str; 3] {
        let (secret, basic) = match &self.key {
            Some((basic, secret)) => (secret.expose(), basic.expose()),
            None => ("", ""),
        };
        let token = match &self.access_token {
            Some(token) => token.expose(),
            None => "",
        };
        [
            secret,
            basic.get("Basic ".len()..).unwrap_or_default(),
            token,
        ]
    }
}

/// The config of `api: "conversation"` options `fields` (their keys checked), for `host`. Every
/// rule is checked on the borrowed text before anything is allocated.
pub(super) fn config(fields: &Object, host: Host) -> Result<Config> {
    let mut shared = ClientOptions::default();
    shared.read_shared(fields)?;
    let (key_id, key_secret) = (text(fields, "keyId")?, text(fields, "keySecret")?);
    if host == Host::BrowserPage
        && key_secret.is_some()
        && shared.dangerously_allow_browser != Some(true)
    {
        return Err(in_browser_page("keySecret"));
    }
    let project_id = check_id("projectId", required(fields, "projectId")?)?;
    let app_id = check_id("appId", required(fields, "appId")?)?;
    let key = match (key_id, key_secret) {
        (Some(id), Some(secret)) => {
            check_token("keyId", id)?;
            check_token("keySecret", secret)?;
            if whatwg::cut(id, b":").is_some() {
                return Err(Error::invalid("keyId", "must not contain \":\""));
            }
            Some((id, secret))
        }
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::invalid("keyId", "give keyId and keySecret together"))
        }
    };
    let region = match text(fields, "region")? {
        Some(name) => Some(
            region_url(name)
                .ok_or_else(|| Error::invalid("region", r#"must be one of "us", "eu", "br""#))?,
        ),
        None => None,
    };
    let neither = "give a region (\"us\", \"eu\" or \"br\") or a baseUrl";
    let base_url = base_url(&shared, region, neither)?;
    if key.is_none() && shared.base_url.is_none() {
        return Err(Error::invalid(
            "keyId",
            "and keySecret are required unless baseUrl is a relay",
        ));
    }
    let auth = match text(fields, "auth")? {
        None | Some("oauth2") => Auth::OAuth2,
        Some("basic") if key.is_some() => Auth::Basic,
        Some("basic") => {
            return Err(Error::invalid(
                "auth",
                "\"basic\" needs keyId and keySecret",
            ))
        }
        Some(_) => {
            return Err(Error::invalid(
                "auth",
                r#"must be one of "oauth2", "basic""#,
            ))
        }
    };
    let insecure = shared.allow_insecure_http.unwrap_or(false);
    let auth_url = match text(fields, "authUrl")? {
        Some(url) => check_url("authUrl", url, insecure)?,
        None => DEFAULT_AUTH_URL.to_owned(),
    };
    let key = key.map(|(id, secret)| {
        let mut basic = String::from("Basic ");
        base64(join(&[id, ":", secret]).as_bytes(), &mut basic);
        (Secret(basic), Secret(secret.to_owned()))
    });
    let project = Project {
        project_id: project_id.to_owned(),
        app_id: app_id.to_owned(),
        key,
        auth,
        auth_url,
        access_token: None,
    };
    Config::with::<true>(Api::Conversation(project), base_url, &shared)
}

/// A project or app id: as a bot id, and with no `/`, `?` or `#` at all.
fn check_id<'a>(name: &str, id: &'a str) -> Result<&'a str> {
    if whatwg::cut(id, b"/?#").is_some() {
        return Err(Error::invalid(
            name,
            "must not contain \"/\", \"?\" or \"#\"",
        ));
    }
    check_name(name, id)
}

/// Standard base64 with padding of `bytes`, appended to `out`.
fn base64(bytes: &[u8], out: &mut String) {
    // By index, not `chunks(3)`: its `split_at` links a panic.
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).filter(|rest| !rest.is_empty()) {
        at += 3;
        let mut n = 0u32;
        for (i, b) in chunk.iter().take(3).enumerate() {
            n |= u32::from(*b) << (16 - 8 * i);
        }
        for i in 0..4 {
            let sextet = ((n >> (18 - 6 * i)) & 63) as u8;
            // A–Z, a–z, 0–9, `+`, `/`.
            let digit = match sextet {
                0..=25 => b'A' + sextet,
                26..=51 => b'a' + sextet - 26,
                52..=61 => b'0' + sextet - 52,
                62 => b'+',
                _ => b'/',
            };
            out.push(if i <= chunk.len().min(3) {
                char::from(digit)
            } else {
                '='
            });
        }
    }
}

#[cfg(test)]
mod tests;
