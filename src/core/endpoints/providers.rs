//! Media providers: named credentials Sinch uses to fetch media behind Basic or
//! Bearer auth. The credentials are secrets: they go to Sinch and nowhere else,
//! and the provider list handed back to callers never contains them.

use super::Done;
use crate::core::config::{Config, Secret};
use crate::core::error::{Error, Result};
use crate::core::request::{Method, Request};
use crate::core::rules::check_provider_name;
use serde::{Deserialize, Serialize};

/// What a caller passes to `addProvider`: a name and exactly one of `basic` or `bearer`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProviderInput {
    /// `A-Z a-z - _`, at most 200 characters. Reusing a name replaces that provider.
    pub name: String,
    /// Basic auth credentials.
    pub basic: Option<BasicAuth>,
    /// A bearer token.
    pub bearer: Option<Secret>,
}

/// `{ username, password }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicAuth {
    /// The user name.
    pub username: String,
    /// The password (a secret).
    pub password: Secret,
}

/// The wire body of `POST /provision/provider`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderBody {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    config: ProviderConfig,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
enum ProviderConfig {
    Basic(BasicAuth),
    Bearer(Secret),
}

/// `POST /provision/provider`: adds the provider, or replaces the one of that name.
pub fn add_provider(config: &Config, input: ProviderInput) -> Result<Request<ProviderBody>> {
    check_provider_name("name", &input.name)?;
    let config_value = match (input.basic, input.bearer) {
        (Some(basic), None) => {
            if basic.username.is_empty() || basic.password.expose().is_empty() {
                return Err(Error::invalid(
                    "basic",
                    "needs a non-empty username and password",
                ));
            }
            ProviderConfig::Basic(basic)
        }
        (None, Some(bearer)) if !bearer.expose().is_empty() => ProviderConfig::Bearer(bearer),
        (None, Some(_)) => return Err(Error::invalid("bearer", "must not be empty")),
        _ => {
            return Err(Error::invalid(
                "basic",
                "give exactly one of basic or bearer",
            ))
        }
    };
    let body = ProviderBody {
        name: input.name,
        kind: "www",
        config: config_value,
    };
    Ok(Request::new(config, Method::Post, &["provision", "provider"], Some(body)).idempotent())
}

/// `GET /provision/provider`.
pub fn list_providers(config: &Config) -> Request<Done> {
    Request::new(config, Method::Get, &["provision", "provider"], None)
}

/// `DELETE /provision/provider/{name}`.
pub fn delete_provider(config: &Config, name: &str) -> Result<Request<Done>> {
    check_provider_name("name", name)?;
    Ok(Request::new(
        config,
        Method::Delete,
        &["provision", "provider", name],
        None,
    ))
}

/// The wire answer of `GET /provision/provider`:
/// `{ settings: { application: { media: { providers: [...] } } } }`.
/// Passwords and tokens are not even read into memory: serde skips fields not declared.
#[derive(Debug, Deserialize)]
pub struct WireProviders {
    settings: WireSettings,
}

#[derive(Debug, Deserialize)]
struct WireSettings {
    application: WireApplication,
}

#[derive(Debug, Deserialize)]
struct WireApplication {
    media: WireMedia,
}

#[derive(Debug, Deserialize)]
struct WireMedia {
    #[serde(default)]
    providers: Vec<WireProvider>,
}

#[derive(Debug, Deserialize)]
struct WireProvider {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    config: WireConfig,
}

#[derive(Debug, Default, Deserialize)]
struct WireConfig {
    basic: Option<WireBasic>,
    bearer: Option<serde::de::IgnoredAny>,
}

#[derive(Debug, Deserialize)]
struct WireBasic {
    username: Option<String>,
}

/// A provider as callers see it: no secrets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderInfo {
    /// The provider's name.
    pub name: String,
    /// Always `www` today.
    #[serde(rename = "type")]
    pub kind: String,
    /// `basic`, `bearer`, or `unknown`.
    pub auth: &'static str,
    /// The Basic auth user name (not a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

/// What `listProviders` resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Providers {
    /// The providers, credentials left out.
    pub providers: Vec<ProviderInfo>,
}

impl From<WireProviders> for Providers {
    fn from(wire: WireProviders) -> Self {
        let providers = wire
            .settings
            .application
            .media
            .providers
            .into_iter()
            .map(|p| {
                let auth = match (&p.config.basic, &p.config.bearer) {
                    (Some(_), _) => "basic",
                    (None, Some(_)) => "bearer",
                    (None, None) => "unknown",
                };
                ProviderInfo {
                    name: p.name,
                    kind: p.kind,
                    auth,
                    username: p.config.basic.and_then(|b| b.username),
                }
            })
            .collect();
        Self { providers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use serde_json::json;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn input(value: serde_json::Value) -> ProviderInput {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn add_builds_the_documented_bodies() {
        let basic = add_provider(
            &config(),
            input(json!({"name": "my-basic_one", "basic": {"username": "u", "password": "p@ss"}})),
        );
        assert_eq!(
            serde_json::to_value(basic.unwrap().body).unwrap(),
            json!({"name": "my-basic_one", "type": "www", "config": {"basic": {"username": "u", "password": "p@ss"}}})
        );
        let bearer = add_provider(&config(), input(json!({"name": "b", "bearer": "tok"}))).unwrap();
        assert_eq!(
            serde_json::to_value(bearer.body).unwrap(),
            json!({"name": "b", "type": "www", "config": {"bearer": "tok"}})
        );
        assert!(bearer.idempotent);
    }

    #[test]
    fn rules_and_no_secret_in_errors() {
        let field = |v| add_provider(&config(), input(v)).unwrap_err().field;
        assert_eq!(
            field(json!({"name": "has space", "bearer": "t"})),
            Some("name".into())
        );
        assert_eq!(
            field(json!({"name": "x".repeat(201), "bearer": "t"})),
            Some("name".into())
        );
        assert_eq!(field(json!({"name": "n"})), Some("basic".into()));
        assert_eq!(
            field(json!({"name": "n", "bearer": "t", "basic": {"username": "u", "password": "p"}})),
            Some("basic".into())
        );
        assert_eq!(
            field(json!({"name": "n", "bearer": ""})),
            Some("bearer".into())
        );
        let debug = format!("{:?}", input(json!({"name": "n", "bearer": "very-secret"})));
        assert!(!debug.contains("very-secret"), "{debug}");
        assert_eq!(
            delete_provider(&config(), "my_p").unwrap().url,
            "https://x/whatsapp/v1/b/provision/provider/my_p"
        );
        assert!(delete_provider(&config(), "../x").is_err());
    }

    #[test]
    fn the_list_drops_credentials() {
        let wire: WireProviders = serde_json::from_value(json!({"settings": {"application": {"media": {"providers": [
            {"name": "a", "type": "www", "config": {"basic": {"username": "user", "password": "AbCdEf123456&44jf"}}},
            {"name": "b", "type": "www", "config": {"bearer": "AbCdEf123456&44jf"}}
        ]}}}}))
        .unwrap();
        let list = Providers::from(wire);
        let text = serde_json::to_string(&list).unwrap();
        assert!(!text.contains("AbCdEf"), "{text}");
        assert_eq!(
            serde_json::to_value(&list).unwrap(),
            json!({"providers": [{"name": "a", "type": "www", "auth": "basic", "username": "user"}, {"name": "b", "type": "www", "auth": "bearer"}]})
        );
    }
}
