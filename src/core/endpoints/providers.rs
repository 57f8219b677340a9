//! Media providers: named credentials Sinch uses to fetch media behind Basic or
//! Bearer auth. The credentials are secrets: they go to Sinch and nowhere else,
//! and the provider list handed back to callers never contains them.

use crate::core::config::{Config, Secret};
use crate::core::error::Result;
use crate::core::json::{Value, Writer};
use crate::core::message::schema::{Hook, Kind, Member, Need, Rule, STRING};
use crate::core::message::{js_form, write_members};
use crate::core::ops::typed;
use crate::core::request::Request;
use crate::prelude::*;

/// What a caller passes to `addProvider`: a name and exactly one of `basic` or `bearer`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProviderInput {
    /// `A-Z a-z 0-9 - _`, at most 200 characters. Reusing a name replaces that provider.
    pub name: String,
    /// Basic auth credentials.
    pub basic: Option<BasicAuth>,
    /// A bearer token.
    pub bearer: Option<Secret>,
}

/// `{ username, password }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BasicAuth {
    /// The user name.
    pub username: String,
    /// The password (a secret).
    pub password: Secret,
}

/// `name`: `A-Z a-z 0-9 - _`, 1 to 200 characters.
const NAME: Member = Member("name", &Kind::Str(Rule::Provider), Need::Required);
/// `basic`: `{ username, password }`, neither empty.
const BASIC: Member = Member(
    "basic",
    &Kind::Object(&[
        Member("username", STRING, Need::Required),
        Member("password", STRING, Need::Required),
        Member(
            "",
            &Kind::Hook(&Hook::Filled("needs a non-empty username and password")),
            Need::Optional,
        ),
    ]),
    Need::Optional,
);
/// `bearer`: a token.
const BEARER: Member = Member("bearer", &Kind::Str(Rule::NonEmpty), Need::Optional);
/// The credentials: the wire's `config`.
const AUTH: &[Member] = &[BASIC, BEARER];

/// The argument `name` of `deleteProvider`: any id that stays one path segment, so
/// a provider named under an older rule can still be deleted.
pub(crate) const PROVIDER_NAME: &[Member] = &[Member("name", STRING, Need::Required)];

/// The argument `provider`: `{ name, basic | bearer }`.
pub(crate) const PROVIDER: &[Member] = &[Member(
    "provider",
    &Kind::Object(&[
        NAME,
        Member(
            "",
            &Kind::Hook(&Hook::Either(
                "basic",
                "bearer",
                "give exactly one of basic or bearer",
            )),
            Need::Optional,
        ),
        BASIC,
        BEARER,
    ]),
    Need::Required,
)];

/// `POST /provision/provider` with `{ name, type: "www", config: { basic | bearer } }`:
/// adds the provider, or replaces the one of that name. Written in its JS form and
/// checked as a JS caller's is.
pub fn add_provider(config: &Config, input: &ProviderInput) -> Result<Request<String>> {
    let js = js_form("provider", |js| {
        js.open_object();
        js.field("name", &input.name);
        if let Some(basic) = &input.basic {
            js.key("basic");
            js.open_object();
            js.field("username", &basic.username);
            js.field("password", &basic.password);
            js.close_object();
        }
        js.field_opt("bearer", &input.bearer);
        js.close_object();
    })?;
    typed(config, "addProvider", vec![js])
}

/// The wire body of `provider`, the argument as JS gives it, once its table's
/// every shape and rule holds.
pub(crate) fn body(provider: &Value) -> String {
    let mut out = Writer::new();
    out.open_object();
    write_members(provider, &[NAME], &mut out);
    out.field("type", "www");
    out.key("config");
    out.open_object();
    write_members(provider, AUTH, &mut out);
    out.close_object();
    out.close_object();
    out.finish()
}

/// `GET /provision/provider`.
pub fn list_providers(config: &Config) -> Result<Request<String>> {
    typed(config, "listProviders", Vec::new())
}

/// `DELETE /provision/provider/{name}`.
pub fn delete_provider(config: &Config, name: &str) -> Result<Request<String>> {
    typed(config, "deleteProvider", vec![Value::String(name.into())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::error::Error;
    use crate::core::json::{parse, Path, Read};
    use crate::core::request::Method;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn add(json: &str) -> Result<Request<String>> {
        let value = parse(json).map_err(|e| Error::invalid("json", e.reason))?;
        typed(&config(), "addProvider", vec![value])
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
        assert_eq!(bearer.repeat, crate::core::retry::Repeat::Safe);
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
            let err = add(json).unwrap_err();
            assert_eq!(err.field.as_deref(), Some(path), "{json}");
            assert!(!err.message.contains("secret"), "{}", err.message);
        }
        let secret = |text: &str| Secret::read(&Value::String(text.into()), &Path::root("t"));
        let typed = ProviderInput {
            name: "n".into(),
            bearer: Some(secret("very-secret").unwrap()),
            basic: None,
        };
        let debug = format!("{typed:?}");
        assert!(!debug.contains("very-secret"), "{debug}");
        assert_eq!(
            add_provider(&config(), &typed).unwrap().body,
            add(r#"{"name": "n", "bearer": "very-secret"}"#)
                .unwrap()
                .body
        );
        let typed = ProviderInput {
            name: "n".into(),
            basic: Some(BasicAuth {
                username: "u".into(),
                password: secret("").unwrap(),
            }),
            bearer: None,
        };
        let err = add_provider(&config(), &typed).unwrap_err();
        assert_eq!(
            err.message,
            "basic: needs a non-empty username and password"
        );
        assert_eq!(
            delete_provider(&config(), "my_p").unwrap().url,
            "https://x/whatsapp/v1/b/provision/provider/my_p"
        );
        assert!(delete_provider(&config(), "../x").is_err());
        // Names with digits are made and used; any path-safe name is deleted.
        assert!(add(r#"{"name": "cdn2", "bearer": "t"}"#).is_ok());
        assert_eq!(
            delete_provider(&config(), "old name.v1").unwrap().url,
            "https://x/whatsapp/v1/b/provision/provider/old%20name.v1"
        );
        assert_eq!(list_providers(&config()).unwrap().method, Method::Get);
    }
}
