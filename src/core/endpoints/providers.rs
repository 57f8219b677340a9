//! Media providers: named credentials Sinch uses to fetch media behind Basic or
//! Bearer auth. The credentials are secrets: they go to Sinch and nowhere else,
//! and the provider list handed back to callers never contains them.

use crate::core::config::{Config, Secret};
use crate::core::error::{Error, Result};
use crate::core::json::read::object;
use crate::core::json::{Path, Read, Value, Writer};
use crate::core::request::{Method, Request};
use crate::core::rules::check_provider_name;
use crate::prelude::*;

/// What a caller passes to `addProvider`: a name and exactly one of `basic` or `bearer`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProviderInput {
    /// `A-Z a-z - _`, at most 200 characters. Reusing a name replaces that provider.
    pub name: String,
    /// Basic auth credentials.
    pub basic: Option<BasicAuth>,
    /// A bearer token.
    pub bearer: Option<Secret>,
}

impl Read for ProviderInput {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["name", "basic", "bearer"])?;
        let mut out = Self::default();
        fields.set(&mut out.name, "name")?;
        fields.set_opt(&mut out.basic, "basic")?;
        fields.set_opt(&mut out.bearer, "bearer")?;
        Ok(out)
    }
}

/// `{ username, password }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BasicAuth {
    /// The user name.
    pub username: String,
    /// The password (a secret).
    pub password: Secret,
}

impl Read for BasicAuth {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["username", "password"])?;
        let mut out = Self::default();
        fields.set(&mut out.username, "username")?;
        fields.set(&mut out.password, "password")?;
        Ok(out)
    }
}

/// `POST /provision/provider` with `{ name, type: "www", config: { basic | bearer } }`:
/// adds the provider, or replaces the one of that name.
pub fn add_provider(config: &Config, input: &ProviderInput) -> Result<Request<String>> {
    check_provider_name("name", &input.name)?;
    let mut out = Writer::new();
    out.open_object();
    out.field("name", &input.name);
    out.field("type", "www");
    out.key("config");
    out.open_object();
    match (&input.basic, &input.bearer) {
        (Some(basic), None) => {
            if basic.username.is_empty() || basic.password.expose().is_empty() {
                return Err(Error::invalid(
                    "basic",
                    "needs a non-empty username and password",
                ));
            }
            out.key("basic");
            out.open_object();
            out.field("username", &basic.username);
            out.field("password", &basic.password);
            out.close_object();
        }
        (None, Some(bearer)) if !bearer.expose().is_empty() => out.field("bearer", bearer),
        (None, Some(_)) => return Err(Error::invalid("bearer", "must not be empty")),
        _ => {
            return Err(Error::invalid(
                "basic",
                "give exactly one of basic or bearer",
            ))
        }
    }
    out.close_object();
    out.close_object();
    let body = Some(out.finish());
    Ok(Request::new(config, Method::Post, &["provision", "provider"], body).idempotent())
}

/// `GET /provision/provider`.
pub fn list_providers(config: &Config) -> Request<String> {
    Request::new(config, Method::Get, &["provision", "provider"], None)
}

/// `DELETE /provision/provider/{name}`.
pub fn delete_provider(config: &Config, name: &str) -> Result<Request<String>> {
    check_provider_name("name", name)?;
    Ok(Request::new(
        config,
        Method::Delete,
        &["provision", "provider", name],
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::json::parse;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn input(json: &str) -> Result<ProviderInput> {
        let value = parse(json).map_err(|e| Error::invalid("json", e.reason))?;
        ProviderInput::read(&value, &Path::root("provider"))
    }

    fn add(json: &str) -> Result<Request<String>> {
        add_provider(&config(), &input(json)?)
    }

    #[test]
    fn add_builds_the_documented_bodies() {
        let basic =
            add(r#"{"name": "my-basic_one", "basic": {"username": "u", "password": "p@ss"}}"#);
        assert_eq!(
            basic.unwrap().body.as_deref(),
            Some(
                r#"{"name":"my-basic_one","type":"www","config":{"basic":{"username":"u","password":"p@ss"}}}"#
            )
        );
        let bearer = add(r#"{"name": "b", "bearer": "tok"}"#).unwrap();
        assert_eq!(
            bearer.body.as_deref(),
            Some(r#"{"name":"b","type":"www","config":{"bearer":"tok"}}"#)
        );
        assert!(bearer.idempotent);
    }

    #[test]
    fn rules_and_no_secret_in_errors() {
        let field = |json: &str| add(json).unwrap_err().into_fields().field;
        assert_eq!(
            field(r#"{"name": "has space", "bearer": "t"}"#),
            Some("name".into())
        );
        let long = format!(r#"{{"name": "{}", "bearer": "t"}}"#, "x".repeat(201));
        assert_eq!(field(&long), Some("name".into()));
        assert_eq!(field(r#"{"name": "n"}"#), Some("basic".into()));
        assert_eq!(
            field(r#"{"name": "n", "bearer": "t", "basic": {"username": "u", "password": "p"}}"#),
            Some("basic".into())
        );
        assert_eq!(
            field(r#"{"name": "n", "bearer": ""}"#),
            Some("bearer".into())
        );
        assert_eq!(
            field(r#"{"name": "n", "basic": {"username": "", "password": "p"}}"#),
            Some("basic".into())
        );
        for (json, path) in [
            (
                r#"{"name": "p", "bearer": "secret-b", "kind": "www"}"#,
                "provider.kind",
            ),
            (
                r#"{"name": "p", "basic": {"username": "u", "password": "secret-p", "realm": "r"}}"#,
                "provider.basic.realm",
            ),
            (
                r#"{"name": "p", "basic": {"username": "u", "password": ["secret-p"]}}"#,
                "provider.basic.password",
            ),
            (
                r#"{"name": "p", "bearer": {"token": "secret-b"}}"#,
                "provider.bearer",
            ),
            (r#"{"bearer": "secret-b"}"#, "provider.name"),
            (r#""secret-b""#, "provider"),
        ] {
            let err = input(json).unwrap_err();
            assert_eq!(err.field.as_deref(), Some(path), "{json}");
            assert!(!err.message.contains("secret"), "{}", err.message);
        }
        let debug = format!("{:?}", input(r#"{"name": "n", "bearer": "very-secret"}"#));
        assert!(!debug.contains("very-secret"), "{debug}");
        assert_eq!(
            delete_provider(&config(), "my_p").unwrap().url,
            "https://x/whatsapp/v1/b/provision/provider/my_p"
        );
        assert!(delete_provider(&config(), "../x").is_err());
        assert_eq!(list_providers(&config()).method, Method::Get);
    }
}
