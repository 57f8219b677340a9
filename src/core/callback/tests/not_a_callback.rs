//! Bodies that are not a callback: not JSON, not Sinch's, not WhatsApp's; `FromStr`
//! and the error codes.

use super::*;

#[test]
fn not_json() {
    fails("", "empty");
    fails(" \n\t", "empty");
    fails("hello", "not JSON");
    fails("{\"type\":\"whatsapp\"", "not JSON");
    fails("{\"type\":\"whatsapp\"} trailing", "not JSON");
    fails("{'type':'whatsapp'}", "not JSON");
    fails(
        "{\"type\":\"whatsapp\",}",
        "not JSON: expected a key at byte 19",
    );
    fails("\u{feff}\u{feff}{\"type\":\"whatsapp\"}", "not JSON");
    // One byte-order mark is skipped.
    assert!(parse("\u{feff}{\"type\":\"whatsapp\"}").is_ok());
}

#[test]
fn not_a_sinch_callback() {
    let not = "the callback is not a Sinch WhatsApp callback: ";
    let err = fails("{}", "type: is required");
    assert_eq!(err.message, [not, "type: is required"].concat());
    assert_eq!(err.field.as_deref(), Some("type"));
    let err = fails("[]", "must be an object");
    assert_eq!(err.message, [not, "must be an object"].concat());
    assert_eq!(err.field, None);
    fails("null", "not a Sinch WhatsApp callback");
    fails("42", "not a Sinch WhatsApp callback");
    fails("\"whatsapp\"", "not a Sinch WhatsApp callback");
    let err = fails(r#"{"type":"sms"}"#, r#"type: must be "whatsapp""#);
    assert!(!err.message.contains("sms"), "{}", err.message);
    fails(r#"{"type":"WhatsApp"}"#, r#"type: must be "whatsapp""#);
    fails(r#"{"type":5}"#, "type: must be a string");
    fails(
        r#"{"type":"whatsapp","type":"whatsapp"}"#,
        "type: is given twice",
    );
    fails(
        r#"{"type":"whatsapp","statuses":{}}"#,
        "statuses: must be an array",
    );
    fails(
        r#"{"type":"whatsapp","notifications":"x"}"#,
        "notifications: must be an array",
    );
    let err = fails(
        r#"{"type":"whatsapp","contacts":7}"#,
        "contacts: must be an array",
    );
    assert_eq!(err.field.as_deref(), Some("contacts"));
}

#[test]
fn from_str_and_error_codes() {
    let cb: Callback = r#"{"type":"whatsapp"}"#.parse().unwrap();
    assert_eq!(cb.kind, Channel::Whatsapp);
    assert_eq!(
        "nope".parse::<Callback>().unwrap_err().code,
        ErrorCode::InvalidCallback
    );
    assert_eq!(ErrorCode::InvalidCallback.as_str(), "invalid_callback");
    assert_eq!(ErrorCode::SignatureInvalid.as_str(), "signature_invalid");
}
