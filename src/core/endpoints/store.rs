//! The callback store: callbacks Sinch kept instead of posting them
//! (`GET /callbacks/status/{message-id}`, `GET /callbacks/notifications`).

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::message::js_form;
use crate::core::message::schema::{Kind, Member, Need, Rule, STRING};
use crate::core::ops::typed;
use crate::core::request::Request;
use crate::prelude::*;

/// The argument `messageId` (`markRead`'s too): a string, checked as an id.
pub(crate) const MESSAGE_ID: &[Member] = &[Member("messageId", STRING, Need::Required)];

/// `GET /callbacks/status/{message-id}`: the stored delivery reports of one message.
pub fn status(config: &Config, message_id: &str) -> Result<Request<String>> {
    typed(
        config,
        "callbackStatus",
        vec![Value::String(message_id.into())],
    )
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

/// The filter's members as JS names them (`pageSize`); the query names them in
/// snake_case (`page_size`), in this order.
const FILTERS: &[Member] = &[
    Member("startTime", &Kind::Str(Rule::DateTime), Need::Optional),
    Member("endTime", &Kind::Str(Rule::DateTime), Need::Optional),
    Member("from", &Kind::Str(Rule::Msisdn), Need::Optional),
    Member("page", &Kind::U32(Rule::Positive), Need::Optional),
    Member("pageSize", &Kind::U32(Rule::Positive), Need::Optional),
];

/// The argument `filter?`: a key it does not know is refused (`filter.frm: is not
/// a known field`).
pub(crate) const FILTER: &[Member] = &[Member("filter", &Kind::Object(FILTERS), Need::Optional)];

/// `GET /callbacks/notifications` with the filters given: written in their JS form
/// and checked as a JS caller's are.
pub fn notifications(config: &Config, filter: &NotificationFilter) -> Result<Request<String>> {
    let js = js_form("filter", |js| {
        js.open_object();
        js.field_opt("startTime", &filter.start_time);
        js.field_opt("endTime", &filter.end_time);
        js.field_opt("from", &filter.from);
        js.field_opt("page", &filter.page);
        js.field_opt("pageSize", &filter.page_size);
        js.close_object();
    })?;
    typed(config, "callbackNotifications", vec![js])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::json::{parse, Path};
    use crate::core::rules::check_datetime_at;

    fn config() -> Config {
        test_config("b", "https://x")
    }

    fn given(json: &str) -> Result<Request<String>> {
        let value = parse(json).expect("JSON");
        typed(&config(), "callbackNotifications", vec![value])
    }

    #[test]
    fn status_path_is_encoded() {
        let request = status(&config(), "a/b").unwrap();
        assert_eq!(
            request.url,
            "https://x/whatsapp/v1/b/callbacks/status/a%2Fb"
        );
        assert_eq!(request.repeat, crate::core::retry::Repeat::Safe);
        assert_eq!(
            status(&config(), "").unwrap_err().field.as_deref(),
            Some("messageId")
        );
    }

    #[test]
    fn notification_filters_go_in_the_query() {
        let request = given(
            r#"{"startTime": "2026-11-01T00:00:00+01:00", "from": "+46732001122", "page": 2, "pageSize": 50, "endTime": null}"#,
        )
        .unwrap();
        let url = "https://x/whatsapp/v1/b/callbacks/notifications?start_time=2026-11-01T00%3A00%3A00%2B01%3A00&from=%2B46732001122&page=2&page_size=50";
        assert_eq!(request.url, url);
        let typed = NotificationFilter {
            start_time: Some("2026-11-01T00:00:00+01:00".into()),
            from: Some("+46732001122".into()),
            page: Some(2),
            page_size: Some(50),
            ..Default::default()
        };
        assert_eq!(notifications(&config(), &typed).unwrap().url, url);
        let bare = notifications(&config(), &NotificationFilter::default()).unwrap();
        assert!(bare.url.ends_with("/callbacks/notifications"));
        assert_eq!(given("null").unwrap().url, bare.url);
    }

    #[test]
    fn notification_filter_rules() {
        let field = |json| given(json).unwrap_err().into_fields().field.unwrap();
        assert_eq!(field(r#"{"startTime": "yesterday"}"#), "startTime");
        assert_eq!(field(r#"{"endTime": "2026-13"}"#), "endTime");
        assert_eq!(field(r#"{"from": "0123"}"#), "from");
        assert_eq!(field(r#"{"page": 0}"#), "page");
        assert_eq!(field(r#"{"pageSize": -0}"#), "pageSize");
        let zero = NotificationFilter {
            page_size: Some(0),
            ..Default::default()
        };
        let err = notifications(&config(), &zero).unwrap_err();
        assert_eq!(err.message, "pageSize: must be a whole number from 1");
        let refused = |json| given(json).unwrap_err();
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
            assert!(check_datetime_at(&Path::root("t"), ok).is_ok(), "{ok}");
        }
    }
}
