//! The samples of whatsapp-callback-store.md (the store's answer, as `callbackStatus`
//! reads it) and the examples of whatsapp-api.yaml, which lack the `type`.

use super::doc_samples::DELIVERY_REPORT;
use super::*;

// ---- whatsapp-callback-store.md, both samples ----

/// The docs' status-store sample, verbatim: their delivery report in `results`, without
/// its timestamp but with the comma before it, which is not JSON.
fn doc_store_status() -> String {
    let report = DELIVERY_REPORT.replace("\n      \"timestamp\": \"2020-05-02T18:40:42Z\"", "");
    let indented: Vec<String> = report.lines().map(|line| format!("    {line}")).collect();
    format!("{{\n  \"results\": [\n{}\n  ]\n}}", indented.join("\n"))
}

#[test]
fn doc_sample_store_statuses() {
    let sample = doc_store_status();
    let err = json::parse(&sample).unwrap_err();
    assert_eq!(err.reason, "expected a key");
    let fixed = sample.replace(r#""+46732001122","#, r#""+46732001122""#);
    assert_eq!(fixed.len() + 1, sample.len());
    let store = store(&fixed);
    assert_eq!(store.results.len(), 1);
    let report = store.results[0].statuses[0].typed();
    assert_eq!(
        (&report.status, &report.state),
        (&DeliveryStatus::Success, &DeliveryState::Delivered)
    );
    assert_eq!(report.message_id, "01DPNXZ0WCF9XD19MH84XD0P62");
    assert_eq!(report.recipient, "+46732001122");
    assert_eq!(report.timestamp, None);
    // The inner callback through `parse` too.
    let Some(Value::Array(results)) = json::parse(&fixed).unwrap().get("results").cloned() else {
        panic!("no results")
    };
    assert_eq!(ok(&results[0].to_text()), store.results[0]);
}

#[test]
fn doc_sample_store_notifications() {
    let raw = r#"{
  "results": [
    {
      "type":"whatsapp",
      "notifications":[
        {
          "from":"46732001122",
          "to":"sinchbot",
          "message_id":"01DPNXZ0WCF9XD19MH84XD0P62",
          "message":{
            "type":"text",
            "body":"Hello bot I want to know something!"
          }
        }
      ]
    }
  ]
}"#;
    let store = store(raw);
    let n = only_notification(&store.results[0]);
    assert_eq!(n.from, "46732001122");
    assert_eq!(n.timestamp, None);
    assert!(
        matches!(&n.message, InboundMessage::Text(t) if t.body == "Hello bot I want to know something!")
    );
    assert!(self::store(r#"{"results":[]}"#).results.is_empty());
    assert!(self::store(r#"{"results":null}"#).results.is_empty());
}

/// The store's answer, read as `callbackStatus` reads it, and held to the schema pass.
fn store(raw: &str) -> CallbackStoreResults {
    use crate::core::json::{Path, Read};
    let answer = json::parse(raw).unwrap();
    let results = CallbackStoreResults::read(&answer, &Path::root("body")).unwrap();
    assert_eq!(pass::store_json(&answer), Ok(js_text(&results)));
    results
}

// ---- whatsapp-api.yaml examples (schematic: no `type`, enum values joined by " | ") ----

#[test]
fn yaml_examples_need_the_type() {
    let status = r#"{
        "statuses": [
          {
            "message_id": "asd8gdf-asdqweq-89aasmn",
            "recipient": "+46732001122",
            "status": "success | failure",
            "state": "queued | dispatched | sent | delivered | read | failed | no_opt_in | no_capability"
          }
        ]
      }"#;
    let notification = r#"{
        "notifications": [
          {
            "from": "0732001122",
            "message_id": "asd82fv-asd35eq-55bcyf",
            "message": {
              "type": "text",
              "body": "Hey bot, how are you?"
            },
            "to": "sinchbot"
          }
        ]
      }"#;
    for raw in [status, notification] {
        assert_eq!(
            fails(raw, "type: is required").field.as_deref(),
            Some("type")
        );
    }
    let typed = |raw: &str| raw.replacen('{', r#"{"type":"whatsapp","#, 1);
    let cb = ok(&typed(status));
    assert_eq!(
        cb.statuses[0].typed().status,
        DeliveryStatus::Other("success | failure".into())
    );
    assert!(matches!(
        cb.statuses[0].typed().state,
        DeliveryState::Other(_)
    ));
    let cb = ok(&typed(notification));
    assert_eq!(
        cb.notifications[0].typed().message_id,
        "asd82fv-asd35eq-55bcyf"
    );
}
