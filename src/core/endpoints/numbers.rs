//! Endpoints that take a list of numbers: read receipts aside, capability,
//! opt-in/opt-out and the blacklist.

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::{decimal, Value};
use crate::core::message::schema::{list, Kind, Member, Need, Rule};
use crate::core::message::{arguments, MAX_RECIPIENTS};
use crate::core::ops::typed;
use crate::core::request::Request;
use crate::prelude::*;

/// The argument `numbers`: 1–20 MSISDNs.
pub(crate) const NUMBERS: &[Member] = &[Member(
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

    /// The numbers in their JS form: an array of strings.
    fn js(&self) -> Vec<Value> {
        let mut list = Vec::with_capacity(self.numbers.len());
        for number in &self.numbers {
            list.push(Value::String(number.clone()));
        }
        vec![Value::Array(list)]
    }
}

/// `POST /events` with `{ type: "read", message_id }`: tells the sender their
/// message was read (two blue ticks).
pub fn mark_read(config: &Config, message_id: &str) -> Result<Request<String>> {
    typed(config, "markRead", vec![Value::String(message_id.into())])
}

/// `POST /capability` (upstream also allows GET with a body, which `fetch` cannot send).
pub fn capability(config: &Config, numbers: &Numbers) -> Result<Request<String>> {
    typed(config, "capability", numbers.js())
}

/// `POST /provision/optin` (`opt_in`) or `DELETE /provision/optin` (opt-out; the old
/// `POST /provision/optout` was removed upstream on 2022-01-25).
pub fn opt_in(config: &Config, numbers: &Numbers, opt_in: bool) -> Result<Request<String>> {
    let op = if opt_in { "optIn" } else { "optOut" };
    typed(config, op, numbers.js())
}

/// `POST /provision/blacklist` (`add`) or `DELETE` (remove). Inbound messages from
/// blacklisted numbers are dropped upstream.
pub fn blacklist(config: &Config, numbers: &Numbers, add: bool) -> Result<Request<String>> {
    let op = if add {
        "addToBlacklist"
    } else {
        "removeFromBlacklist"
    };
    typed(config, op, numbers.js())
}

/// The argument `page?` of `blacklist`: a whole number to 4294967295.
pub(crate) const PAGE: &[Member] = &[Member("page", &Kind::U32(Rule::None), Need::Optional)];

/// `GET /provision/blacklist?page=N` (0 is the first page; 100 numbers a page).
pub fn blacklist_page(config: &Config, page: u32) -> Result<Request<String>> {
    typed(
        config,
        "blacklist",
        vec![Value::Number(decimal(page.into()))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::request::Method;
    use crate::core::retry::Repeat;

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
        assert_eq!(read.repeat, Repeat::Safe);
        assert!(mark_read(&config(), "").is_err());

        let out = opt_in(&config(), &numbers(&["46732001122"]).unwrap(), false).unwrap();
        assert_eq!(
            (out.method, out.url.as_str()),
            (Method::Delete, "https://x/whatsapp/v1/b/provision/optin")
        );
        assert_eq!(out.body.as_deref(), Some(r#"{"numbers":["46732001122"]}"#));
        assert_eq!(
            blacklist_page(&config(), 2).unwrap().url,
            "https://x/whatsapp/v1/b/provision/blacklist?page=2"
        );
        let ask = capability(&config(), &numbers(&["46732001122"]).unwrap()).unwrap();
        assert_eq!((ask.method, ask.repeat), (Method::Post, Repeat::Safe));
        let add = blacklist(&config(), &numbers(&["46732001122"]).unwrap(), true).unwrap();
        assert_eq!((add.method, add.repeat), (Method::Post, Repeat::Safe));
    }
}
