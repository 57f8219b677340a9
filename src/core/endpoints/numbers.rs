//! Endpoints that take a list of numbers: read receipts aside, capability,
//! opt-in/opt-out and the blacklist.

use super::Done;
use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::message::MAX_RECIPIENTS;
use crate::core::request::{Method, Request};
use crate::core::rules::{check_id, check_msisdn};
use serde::{Deserialize, Serialize};

/// `{ numbers: [...] }`: 1–20 MSISDNs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Numbers {
    /// The MSISDNs.
    pub numbers: Vec<String>,
}

impl Numbers {
    /// Checks 1–20 numbers of MSISDN shape; errors name `numbers[i]`.
    pub fn new(numbers: Vec<String>) -> Result<Self> {
        if numbers.is_empty() || numbers.len() > MAX_RECIPIENTS {
            return Err(Error::invalid("numbers", "must list 1 to 20 numbers"));
        }
        for (i, number) in numbers.iter().enumerate() {
            check_msisdn(&format!("numbers[{i}]"), number)?;
        }
        Ok(Self { numbers })
    }
}

/// `{ type: "read", message_id }` for `POST /events`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadEvent {
    #[serde(rename = "type")]
    kind: &'static str,
    message_id: String,
}

/// `POST /events`: tells the sender their message was read (two blue ticks).
pub fn mark_read(config: &Config, message_id: String) -> Result<Request<ReadEvent>> {
    check_id("messageId", &message_id)?;
    let body = ReadEvent {
        kind: "read",
        message_id,
    };
    Ok(Request::new(config, Method::Post, &["events"], Some(body)).idempotent())
}

/// `POST /capability` (upstream also allows GET with a body, which `fetch` cannot send).
pub fn capability(config: &Config, numbers: Numbers) -> Request<Numbers> {
    Request::new(config, Method::Post, &["capability"], Some(numbers)).idempotent()
}

/// The answer of `capability`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capabilities {
    /// One entry per number asked about.
    pub capabilities: Vec<Capability>,
}

/// Whether one number can receive WhatsApp messages. Upstream answers `true` for
/// every number since 2023-03-28.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    /// The number.
    pub msisdn: String,
    /// Its WhatsApp capability.
    pub capable: bool,
    /// The WhatsApp id, in later upstream versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waid: Option<String>,
}

/// `POST /provision/optin` (`opt_in`) or `DELETE /provision/optin` (opt-out; the old
/// `POST /provision/optout` was removed upstream on 2022-01-25).
pub fn opt_in(config: &Config, numbers: Numbers, opt_in: bool) -> Request<Numbers> {
    let method = if opt_in { Method::Post } else { Method::Delete };
    Request::new(config, method, &["provision", "optin"], Some(numbers)).idempotent()
}

/// The answer of opt-in/opt-out. Sinch documents an empty body; some deployments
/// list the numbers, so both lists are optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OptInResult {
    /// Numbers opted in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opt_in_numbers: Option<Vec<String>>,
    /// Numbers that could not be opted in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_to_opt_in_numbers: Option<Vec<String>>,
}

/// `POST /provision/blacklist` (`add`) or `DELETE` (remove). Inbound messages from
/// blacklisted numbers are dropped upstream.
pub fn blacklist(config: &Config, numbers: Numbers, add: bool) -> Request<Numbers> {
    let method = if add { Method::Post } else { Method::Delete };
    Request::new(config, method, &["provision", "blacklist"], Some(numbers)).idempotent()
}

/// `GET /provision/blacklist?page=N` (0 is the first page; 100 numbers a page).
pub fn blacklist_page(config: &Config, page: u32) -> Request<Done> {
    let page = page.to_string();
    Request::new(config, Method::Get, &["provision", "blacklist"], None).query("page", Some(&page))
}

/// One page of the blacklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlacklistPage {
    /// The numbers on this page (empty past the last page).
    pub numbers: Vec<String>,
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
        let read = mark_read(&config(), "ABC".into()).unwrap();
        assert_eq!(read.url, "https://x/whatsapp/v1/b/events");
        assert_eq!(
            serde_json::to_value(read.body).unwrap(),
            serde_json::json!({"type": "read", "message_id": "ABC"})
        );
        assert!(read.idempotent);
        assert!(mark_read(&config(), String::new()).is_err());

        let out = opt_in(&config(), numbers(&["46732001122"]).unwrap(), false);
        assert_eq!(
            (out.method, out.url.as_str()),
            (Method::Delete, "https://x/whatsapp/v1/b/provision/optin")
        );
        assert_eq!(
            serde_json::to_value(out.body).unwrap(),
            serde_json::json!({"numbers": ["46732001122"]})
        );
        assert_eq!(
            blacklist_page(&config(), 2).url,
            "https://x/whatsapp/v1/b/provision/blacklist?page=2"
        );
        assert_eq!(
            capability(&config(), numbers(&["46732001122"]).unwrap()).method,
            Method::Post
        );
    }

    #[test]
    fn answers() {
        let caps: Capabilities = serde_json::from_str(
            r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w","new":1}]}"#,
        )
        .unwrap();
        assert_eq!(caps.capabilities[1].waid.as_deref(), Some("w"));
        let opt: OptInResult =
            serde_json::from_str(r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#).unwrap();
        assert_eq!(opt.opt_in_numbers, Some(vec!["1".to_string()]));
        assert_eq!(
            serde_json::from_str::<OptInResult>("{}").unwrap(),
            OptInResult::default()
        );
    }
}
