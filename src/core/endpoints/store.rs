//! The callback store: callbacks Sinch kept instead of posting them
//! (`GET /callbacks/status/{message-id}`, `GET /callbacks/notifications`).

use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::json::{decimal, read, Path, Read, Value};
use crate::core::request::{Method, Request};
use crate::core::rules::{check_datetime, check_id, check_msisdn};
use crate::prelude::*;

/// `GET /callbacks/status/{message-id}`: the stored delivery reports of one message.
pub fn status(config: &Config, message_id: &str) -> Result<Request<String>> {
    check_id("messageId", message_id)?;
    let segments = ["callbacks", "status", message_id];
    Ok(Request::new(config, Method::Get, &segments, None))
}

/// Filters of `GET /callbacks/notifications`; all optional. Upstream documents
/// them as a JSON body on a GET, which `fetch` cannot send: they go in the query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NotificationFilter {
    /// ISO-8601 date-time; upstream default 2019-09-01.
    pub start_time: Option<String>,
    /// ISO-8601 date-time; upstream default now.
    pub end_time: Option<String>,
    /// Only messages from this MSISDN.
    pub from: Option<String>,
    /// 1-based page number; upstream default 1.
    pub page: Option<u32>,
    /// Results per page; upstream default 20.
    pub page_size: Option<u32>,
}

/// Read from JS's camelCase (`pageSize`); a key it does not know is refused
/// (`filter.frm: is not a known field`).
impl Read for NotificationFilter {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = read::object(
            value,
            at,
            &["startTime", "endTime", "from", "page", "pageSize"],
        )?;
        let mut out = Self::default();
        fields.set_opt(&mut out.start_time, "startTime")?;
        fields.set_opt(&mut out.end_time, "endTime")?;
        fields.set_opt(&mut out.from, "from")?;
        fields.set_opt(&mut out.page, "page")?;
        fields.set_opt(&mut out.page_size, "pageSize")?;
        Ok(out)
    }
}

/// `GET /callbacks/notifications` with the filters given.
pub fn notifications(config: &Config, filter: &NotificationFilter) -> Result<Request<String>> {
    for (field, time) in [
        ("startTime", &filter.start_time),
        ("endTime", &filter.end_time),
    ] {
        if let Some(time) = time {
            check_datetime(field, time)?;
        }
    }
    if let Some(from) = &filter.from {
        check_msisdn("from", from)?;
    }
    let page = positive("page", filter.page)?;
    let page_size = positive("pageSize", filter.page_size)?;
    Ok(
        Request::new(config, Method::Get, &["callbacks", "notifications"], None)
            .query("start_time", filter.start_time.as_deref())
            .query("end_time", filter.end_time.as_deref())
            .query("from", filter.from.as_deref())
            .query("page", page.as_deref())
            .query("page_size", page_size.as_deref()),
    )
}

fn positive(field: &str, value: Option<u32>) -> Result<Option<String>> {
    match value {
        Some(0) => Err(Error::invalid(field, "must be a whole number from 1")),
        other => Ok(other.map(|n| decimal(n.into()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn filter(json: &str) -> Result<NotificationFilter> {
        let value = crate::core::json::parse(json).expect("JSON");
        NotificationFilter::read(&value, &Path::root("filter"))
    }

    #[test]
    fn status_path_is_encoded() {
        let request = status(&config(), "a/b").unwrap();
        assert_eq!(
            request.url,
            "https://x/whatsapp/v1/b/callbacks/status/a%2Fb"
        );
        assert!(request.idempotent);
        assert_eq!(
            status(&config(), "").unwrap_err().field.as_deref(),
            Some("messageId")
        );
    }

    #[test]
    fn notification_filters_go_in_the_query() {
        let filter = filter(
            r#"{"startTime": "2026-11-01T00:00:00+01:00", "from": "+46732001122", "page": 2, "pageSize": 50, "endTime": null}"#,
        )
        .unwrap();
        let request = notifications(&config(), &filter).unwrap();
        assert_eq!(
            request.url,
            "https://x/whatsapp/v1/b/callbacks/notifications?start_time=2026-11-01T00%3A00%3A00%2B01%3A00&from=%2B46732001122&page=2&page_size=50"
        );
        let bare = notifications(&config(), &NotificationFilter::default()).unwrap();
        assert!(bare.url.ends_with("/callbacks/notifications"));
    }

    #[test]
    fn notification_filter_rules() {
        let field = |json| {
            notifications(&config(), &filter(json).unwrap())
                .unwrap_err()
                .into_fields()
                .field
                .unwrap()
        };
        assert_eq!(field(r#"{"startTime": "yesterday"}"#), "startTime");
        assert_eq!(field(r#"{"endTime": "2026-13"}"#), "endTime");
        assert_eq!(field(r#"{"from": "0123"}"#), "from");
        assert_eq!(field(r#"{"page": 0}"#), "page");
        assert_eq!(field(r#"{"pageSize": 0}"#), "pageSize");
        let refused = |json| filter(json).unwrap_err();
        let err = refused(r#"{"size": 1}"#);
        assert_eq!(err.field.as_deref(), Some("filter.size"));
        assert_eq!(err.message, "filter.size: is not a known field");
        let err = refused(r#"{"page": "1"}"#);
        assert_eq!(
            err.message,
            "filter.page: must be a whole number from 0 to 4294967295"
        );
        assert_eq!(
            refused(r#"{"from": 46}"#).message,
            "filter.from: must be a string"
        );
        assert_eq!(refused("[]").message, "filter: must be an object");
        for ok in [
            "2026-11-25",
            "2026-11-25T09:30:00Z",
            "2026-11-25T09:30:00.123+01:00",
        ] {
            assert!(check_datetime("t", ok).is_ok(), "{ok}");
        }
    }
}
