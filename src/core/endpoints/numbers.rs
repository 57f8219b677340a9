//! Endpoints that take a list of numbers: read receipts aside, capability,
//! opt-in/opt-out and the blacklist.

use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::json::{decimal, Path, Read, Value, Write, Writer};
use crate::core::message::MAX_RECIPIENTS;
use crate::core::request::{Method, Request};
use crate::core::response::Fields;
use crate::core::rules::{check_id, check_msisdn};
use crate::prelude::*;

/// `{ numbers: [...] }`: 1–20 MSISDNs.
#[derive(Debug, Clone, PartialEq)]
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
        let at = Path::root("numbers");
        for (i, number) in numbers.iter().enumerate() {
            check_msisdn(&at.index(i).text(), number)?;
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

/// The answer of `capability`.
#[derive(Debug, Clone, PartialEq)]
pub struct Capabilities {
    /// One entry per number asked about.
    pub capabilities: Vec<Capability>,
}

/// Whether one number can receive WhatsApp messages. Upstream answers `true` for
/// every number since 2023-03-28.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Capability {
    /// The number.
    pub msisdn: String,
    /// Its WhatsApp capability.
    pub capable: bool,
    /// The WhatsApp id, in later upstream versions.
    pub waid: Option<String>,
}

impl Read for Capabilities {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let capabilities = Fields::lenient(value, at)?.required("capabilities")?;
        Ok(Self { capabilities })
    }
}

impl Write for Capabilities {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("capabilities", &self.capabilities);
        out.close_object();
    }
}

impl Read for Capability {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::lenient(value, at)?;
        let mut out = Self::default();
        fields.set(&mut out.msisdn, "msisdn")?;
        fields.set(&mut out.capable, "capable")?;
        fields.set_opt(&mut out.waid, "waid")?;
        Ok(out)
    }
}

impl Write for Capability {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("msisdn", &self.msisdn);
        out.field("capable", &self.capable);
        out.field_opt("waid", &self.waid);
        out.close_object();
    }
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

/// The answer of opt-in/opt-out, camelCase on the wire and in JS. Sinch documents
/// an empty body; some deployments list the numbers, so both lists are optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OptInResult {
    /// Numbers opted in.
    pub opt_in_numbers: Option<Vec<String>>,
    /// Numbers that could not be opted in.
    pub failed_to_opt_in_numbers: Option<Vec<String>>,
}

impl Read for OptInResult {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::lenient(value, at)?;
        let mut out = Self::default();
        fields.set_opt(&mut out.opt_in_numbers, "optInNumbers")?;
        fields.set_opt(&mut out.failed_to_opt_in_numbers, "failedToOptInNumbers")?;
        Ok(out)
    }
}

impl Write for OptInResult {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field_opt("optInNumbers", &self.opt_in_numbers);
        out.field_opt("failedToOptInNumbers", &self.failed_to_opt_in_numbers);
        out.close_object();
    }
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

/// `GET /provision/blacklist?page=N` (0 is the first page; 100 numbers a page).
pub fn blacklist_page(config: &Config, page: u32) -> Request<String> {
    let page = decimal(page.into());
    Request::new(config, Method::Get, &["provision", "blacklist"], None).query("page", Some(&page))
}

/// One page of the blacklist.
#[derive(Debug, Clone, PartialEq)]
pub struct BlacklistPage {
    /// The numbers on this page (empty past the last page).
    pub numbers: Vec<String>,
}

impl Read for BlacklistPage {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let numbers = Fields::lenient(value, at)?.required("numbers")?;
        Ok(Self { numbers })
    }
}

impl Write for BlacklistPage {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("numbers", &self.numbers);
        out.close_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::response::reply;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn numbers(list: &[&str]) -> Result<Numbers> {
        Numbers::new(list.iter().map(|s| s.to_string()).collect())
    }

    fn answer<T: Read + Write>(json: &str) -> Result<String> {
        let value = crate::core::json::parse(json).map_err(|e| Error::invalid("json", e.reason))?;
        reply::<T>(&value)
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

    #[test]
    fn answers() {
        let caps = answer::<Capabilities>(
            r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w","new":1}]}"#,
        )
        .unwrap();
        assert_eq!(
            caps,
            r#"{"capabilities":[{"msisdn":"46732001122","capable":true},{"msisdn":"4673","capable":false,"waid":"w"}]}"#
        );
        let err = answer::<Capabilities>(r#"{"capabilities":[{"msisdn":1}]}"#).unwrap_err();
        assert_eq!(err.message, "body.capabilities[0].msisdn: must be a string");
        let opt = answer::<OptInResult>(r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#);
        assert_eq!(
            opt.unwrap(),
            r#"{"optInNumbers":["1"],"failedToOptInNumbers":[]}"#
        );
        assert_eq!(answer::<OptInResult>("{}").unwrap(), "{}");
        assert_eq!(
            answer::<BlacklistPage>(r#"{"numbers":["1"],"page":0}"#).unwrap(),
            r#"{"numbers":["1"]}"#
        );
        let err = answer::<BlacklistPage>("{}").unwrap_err();
        assert_eq!(err.message, "body.numbers: is required");
    }
}
