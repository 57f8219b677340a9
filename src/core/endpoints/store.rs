//! The callback store: callbacks Sinch kept instead of posting them
//! (`GET /callbacks/status/{message-id}`, `GET /callbacks/notifications`).

use super::Done;
use crate::core::config::Config;
use crate::core::error::{Error, Result};
use crate::core::request::{Method, Request};
use crate::core::rules::{check_datetime, check_id, check_msisdn};
use serde::Deserialize;

/// `GET /callbacks/status/{message-id}`: the stored delivery reports of one message.
pub fn status(config: &Config, message_id: &str) -> Result<Request<Done>> {
    check_id("messageId", message_id)?;
    let segments = ["callbacks", "status", message_id];
    Ok(Request::new(config, Method::Get, &segments, None))
}

/// Filters of `GET /callbacks/notifications`; all optional. Upstream documents
/// them as a JSON body on a GET, which `fetch` cannot send: they go in the query.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// `GET /callbacks/notifications` with the filters given.
pub fn notifications(config: &Config, filter: &NotificationFilter) -> Result<Request<Done>> {
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
        other => Ok(other.map(|n| n.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;

    fn config() -> Config {
        test_config("b", "https://x")
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
        let filter: NotificationFilter = serde_json::from_value(serde_json::json!({
            "startTime": "2026-11-01T00:00:00+01:00", "from": "+46732001122", "page": 2, "pageSize": 50
        }))
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
            let filter: NotificationFilter = serde_json::from_value(json).unwrap();
            notifications(&config(), &filter)
                .unwrap_err()
                .field
                .unwrap()
        };
        assert_eq!(
            field(serde_json::json!({"startTime": "yesterday"})),
            "startTime"
        );
        assert_eq!(field(serde_json::json!({"endTime": "2026-13"})), "endTime");
        assert_eq!(field(serde_json::json!({"from": "0123"})), "from");
        assert_eq!(field(serde_json::json!({"page": 0})), "page");
        assert_eq!(field(serde_json::json!({"pageSize": 0})), "pageSize");
        assert!(
            serde_json::from_value::<NotificationFilter>(serde_json::json!({"size": 1})).is_err()
        );
        for ok in [
            "2026-11-25",
            "2026-11-25T09:30:00Z",
            "2026-11-25T09:30:00.123+01:00",
        ] {
            assert!(check_datetime("t", ok).is_ok(), "{ok}");
        }
    }
}
