//! Endpoints that take a list of numbers: read receipts aside, capability,
//! opt-in/opt-out and the blacklist.

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::{decimal, Value, Writer};
use crate::core::message::schema::{list, Kind, Member, Need, Rule};
use crate::core::message::{arguments, MAX_RECIPIENTS};
use crate::core::request::{Method, Request};
use crate::core::rules::check_id;
use crate::prelude::*;

/// The argument `numbers`: 1–20 MSISDNs.
const NUMBERS: &[Member] = &[Member(
    "numbers",
    &Kind::List(&list(
        &Kind::Str(Rule::Msisdn),
        1,
        MAX_RECIPIENTS,
        "must list 1 to 20 numbers",
    )),
    Need::Required,
)];

/// `{ numbers: [...] }`: 1–20 MSISDNs.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers {
    /// The MSISDNs.
    pub numbers: Vec<String>,
}

impl Numbers {
    /// Checks 1–20 numbers of MSISDN shape; errors name `numbers[i]`. Checked as
    /// the JS argument is ([`Numbers::given`]).
    pub fn new(numbers: Vec<String>) -> Result<Self> {
        Self::given(&Value::Array(
            numbers.into_iter().map(Value::String).collect(),
        ))
    }

    /// The argument `numbers` as JS gives it, checked by its table: `numbers: must
    /// be an array`, `numbers[1]: must be a string`, then the rules.
    pub fn given(value: &Value) -> Result<Self> {
        arguments(&[value], NUMBERS, false)?;
        let mut numbers = Vec::new();
        if let Value::Array(items) = value {
            for item in items {
                numbers.push(item.as_str().unwrap_or_default().to_owned());
            }
        }
        Ok(Self { numbers })
    }

    /// The wire body `{"numbers":[…]}`.
    fn body(&self) -> String {
        let mut out = Writer::new();
        out.open_object();
        out.field("numbers", &self.numbers);
        out.close_object();
        out.finish()
    }
}

/// `POST /events` with `{ type: "read", message_id }`: tells the sender their
/// message was read (two blue ticks).
pub fn mark_read(config: &Config, message_id: &str) -> Result<Request<String>> {
    check_id("messageId", message_id)?;
    let mut out = Writer::new();
    out.open_object();
    out.field("type", "read");
    out.field("message_id", message_id);
    out.close_object();
    Ok(Request::new(config, Method::Post, &["events"], Some(out.finish())).idempotent())
}

/// `POST /capability` (upstream also allows GET with a body, which `fetch` cannot send).
pub fn capability(config: &Config, numbers: &Numbers) -> Request<String> {
    Request::new(config, Method::Post, &["capability"], Some(numbers.body())).idempotent()
}

/// `POST /provision/optin` (`opt_in`) or `DELETE /provision/optin` (opt-out; the old
/// `POST /provision/optout` was removed upstream on 2022-01-25).
pub fn opt_in(config: &Config, numbers: &Numbers, opt_in: bool) -> Request<String> {
    let method = if opt_in { Method::Post } else { Method::Delete };
    Request::new(
        config,
        method,
        &["provision", "optin"],
        Some(numbers.body()),
    )
    .idempotent()
}

/// `POST /provision/blacklist` (`add`) or `DELETE` (remove). Inbound messages from
/// blacklisted numbers are dropped upstream.
pub fn blacklist(config: &Config, numbers: &Numbers, add: bool) -> Request<String> {
    let method = if add { Method::Post } else { Method::Delete };
    Request::new(
        config,
        method,
        &["provision", "blacklist"],
        Some(numbers.body()),
    )
    .idempotent()
}

/// The argument `page?` of `blacklist`: a whole number to 4294967295.
pub(crate) const PAGE: &[Member] = &[Member("page", &Kind::U32(Rule::None), Need::Optional)];

/// `GET /provision/blacklist?page=N` (0 is the first page; 100 numbers a page).
pub fn blacklist_page(config: &Config, page: u32) -> Request<String> {
    let page = decimal(page.into());
    Request::new(config, Method::Get, &["provision", "blacklist"], None).query("page", Some(&page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn numbers(list: &[&str]) -> Result<Numbers> {
        Numbers::new(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn numbers_rules() {
        assert!(numbers(&["46732001122", "+46732002244"]).is_ok());
        assert_eq!(numbers(&[]).unwrap_err().field.as_deref(), Some("numbers"));
        assert_eq!(
            numbers(&["46732001122"; 21]).unwrap_err().field.as_deref(),
            Some("numbers")
        );
        assert_eq!(
            numbers(&["46732001122", "x"]).unwrap_err().field.as_deref(),
            Some("numbers[1]")
        );
    }

    #[test]
    fn wire_shapes() {
        let read = mark_read(&config(), "ABC").unwrap();
        assert_eq!(read.url, "https://x/whatsapp/v1/b/events");
        assert_eq!(
            read.body.as_deref(),
            Some(r#"{"type":"read","message_id":"ABC"}"#)
        );
        assert!(read.idempotent);
        assert!(mark_read(&config(), "").is_err());

        let out = opt_in(&config(), &numbers(&["46732001122"]).unwrap(), false);
        assert_eq!(
            (out.method, out.url.as_str()),
            (Method::Delete, "https://x/whatsapp/v1/b/provision/optin")
        );
        assert_eq!(out.body.as_deref(), Some(r#"{"numbers":["46732001122"]}"#));
        assert_eq!(
            blacklist_page(&config(), 2).url,
            "https://x/whatsapp/v1/b/provision/blacklist?page=2"
        );
        let ask = capability(&config(), &numbers(&["46732001122"]).unwrap());
        assert_eq!((ask.method, ask.idempotent), (Method::Post, true));
        let add = blacklist(&config(), &numbers(&["46732001122"]).unwrap(), true);
        assert_eq!((add.method, add.idempotent), (Method::Post, true));
    }
}
