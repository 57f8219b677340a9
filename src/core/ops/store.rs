//! The callback store (callbackStatus, callbackNotifications): arguments and results.

use super::Args;
use crate::core::callback;
use crate::core::config::Config;
use crate::core::endpoints::store;
use crate::core::error::Result;
use crate::core::json::Value;
use crate::core::request::Request;
use crate::prelude::*;

/// `callbackStatus(messageId)`.
pub fn status(config: &Config, args: &Args) -> Result<Request<String>> {
    store::status(config, args.string(0, "messageId")?)
}

/// `callbackNotifications(filter?)`: no filter (or `null`) is every filter left out.
pub fn notifications(config: &Config, args: &Args) -> Result<Request<String>> {
    store::notifications_given(config, args.value(0))
}

/// `{ results: Callback[] }`, each callback as `parseCallback` gives it (by the
/// callbacks' schema pass, as `parseCallback` does).
pub fn results(body: &Value) -> Result<String> {
    callback::pass::store_json(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::test_config;
    use crate::core::json::parse;

    fn request(op: fn(&Config, &Args) -> Result<Request<String>>, args: &str) -> Result<String> {
        let args = parse(args).expect("JSON");
        let request = op(&test_config("b", "https://x"), &Args::new(&args)?)?;
        assert_eq!(request.body, None);
        Ok(request.url)
    }

    #[test]
    fn arguments_build_the_requests() {
        assert_eq!(
            request(status, r#"["m/1"]"#).unwrap(),
            "https://x/whatsapp/v1/b/callbacks/status/m%2F1"
        );
        let err = request(status, "[5]").unwrap_err();
        assert_eq!(err.message, "messageId: must be a string");
        assert_eq!(
            request(notifications, "[]").unwrap(),
            "https://x/whatsapp/v1/b/callbacks/notifications"
        );
        assert_eq!(
            request(notifications, r#"[null]"#).unwrap(),
            "https://x/whatsapp/v1/b/callbacks/notifications"
        );
        assert_eq!(
            request(notifications, r#"[{"pageSize":5,"page":1}]"#).unwrap(),
            "https://x/whatsapp/v1/b/callbacks/notifications?page=1&page_size=5"
        );
        let err = request(notifications, r#"[{"frm":"+46732001122"}]"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("filter.frm"));
        assert!(!err.message.contains("4673"), "{}", err.message);
        let err = request(notifications, r#"[{"page":0}]"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("page"));
    }

    #[test]
    fn results_are_callbacks_as_js_gets_them() {
        let body = parse(
            r#"{"results":[{"type":"whatsapp","statuses":[{"status":"success","state":"read",
            "message_id":"m1","recipient":"+1"},{"state":"read"}]}],"next":"ignored"}"#,
        )
        .expect("JSON");
        let answer: serde_json::Value =
            serde_json::from_str(&results(&body).expect("results")).expect("JSON text");
        assert_eq!(
            answer,
            serde_json::json!({"results":[{"type":"whatsapp","statuses":[
                {"status":"success","state":"read","messageId":"m1","recipient":"+1"},
                {"kind":"invalid","error":{"code":"invalid_callback","field":"statuses[1].status",
                    "message":"is required"},"raw":{"state":"read"}}],
                "contacts":[],"notifications":[]}]})
        );
        let empty = parse("{}").expect("JSON");
        assert_eq!(results(&empty).expect("empty"), r#"{"results":[]}"#);
        let bad = parse(r#"{"results":[{"type":"sms"}]}"#).expect("JSON");
        let err = results(&bad).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("body.results[0].type"));
    }
}
