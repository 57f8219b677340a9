//! Delivery reports: Sinch's vector, every status in today's states, a failure's reason.

use super::*;

#[test]
fn vector_b_is_a_failed_report_in_todays_shape() {
    let raw = std::str::from_utf8(include_bytes!("../../testdata/tv-body.json")).unwrap();
    let cb = ok(raw);
    assert!(cb.conversation && cb.unknown.is_none());
    let report = cb.statuses[0].typed();
    assert_eq!(
        (&report.status, &report.state),
        (&DeliveryStatus::Failure, &DeliveryState::Failed)
    );
    assert_eq!(report.details.as_deref(), Some("Räksmörgås window closed"));
    assert_eq!(
        js(&cb),
        json!({ "type": "whatsapp", "api": "conversation", "contacts": [], "notifications": [], "statuses": [{
            "status": "failure", "state": "failed", "messageId": "01EXAMPLEMSG0000000000000", "recipient": "46732001122",
            "channel": "WHATSAPP", "details": "Räksmörgås window closed", "conversationStatus": "FAILED",
            "reason": { "code": "OUTSIDE_ALLOWED_SENDING_WINDOW", "description": "Räksmörgås window closed", "subCode": "UNSPECIFIED_SUB_CODE" },
            "metadata": "order-42", "processingMode": "DISPATCH", "timestamp": "2024-05-02T10:15:30Z",
            "acceptedTime": "2024-05-02T10:15:31.512Z", "messageMetadata": "", "appId": "01EXAMPLEAPP0000000000000",
            "projectId": "11111111-2222-3333-4444-555555555555" }] })
    );
}

#[test]
fn every_status_maps_to_todays_state_and_is_kept() {
    for (status, outcome, state) in [
        ("QUEUED_ON_CHANNEL", "success", "dispatched"),
        ("DELIVERED", "success", "delivered"),
        ("READ", "success", "read"),
        ("FAILED", "failure", "failed"),
        ("SWITCHING_CHANNEL", "success", "switching_channel"),
        ("QUEUED", "success", "queued"),
        ("SOMETHING_NEW", "success", "something_new"),
        ("failed", "success", "failed"),
    ] {
        let out = js_of(&report(status));
        assert_eq!(
            out["statuses"][0],
            with_envelope(
                json!({ "status": outcome, "state": state, "messageId": "M1", "recipient": "46732001122",
                "channel": "WHATSAPP", "conversationStatus": status, "conversationId": "", "contactId": "",
                "metadata": "order-42", "processingMode": "DISPATCH" })
            ),
            "{status}"
        );
    }
}

#[test]
fn a_failure_keeps_its_reason() {
    let raw = body(
        "message_delivery_report",
        json!({ "message_id": "M2", "status": "FAILED", "channel_identity": { "identity": "46732001999" },
                "reason": { "code": "RECIPIENT_NOT_OPTED_IN", "description": "no opt-in", "sub_code": "UNSPECIFIED_SUB_CODE", "channel_code": 131047, "new": 1 } }),
    );
    let out = js_of(&raw);
    let report = &out["statuses"][0];
    assert_eq!(report["status"], "failure");
    assert_eq!(report["details"], "no opt-in");
    assert_eq!(
        report["reason"],
        json!({ "code": "RECIPIENT_NOT_OPTED_IN", "description": "no opt-in", "subCode": "UNSPECIFIED_SUB_CODE", "channelCode": 131047, "new": 1 })
    );
}
