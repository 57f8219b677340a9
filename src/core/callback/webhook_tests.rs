//! Conversation API webhook signatures: Sinch's published vector, ours (with its
//! re-serialised negative), every header fault, the tolerance both ways, and the
//! headers as JS gives them.

use super::super::headers::verify_callback;
use super::super::mac_text::tests::{header_fault, mismatch};
use super::*;
use crate::oracles::base64;

// Vector A: Sinch's Node SDK, packages/sdk-client/tests/utils/authorization.helper.test.ts.
const A_BODY: &[u8] = include_bytes!("testdata/vector-a-body.json");
const A_SECRET: &[u8] = b"foo_secret1234";
const A_NONCE: &str = "01FJA8B4A7BM43YGWSG9GBV067";
const A_TIME: &str = "1634579353";
const A_SIG: &str = "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=";

// Vector B: the brief's tv-body.json (537 bytes, non-ASCII), checked with
//   { cat tv-body.json; printf '.%s.%s' NONCE TS; } | openssl dgst -sha256 -hmac SECRET -binary | base64
// and the same JSON re-serialised by Python's json.dumps, whose own signature is B_RESER_SIG.
const B_BODY: &[u8] = include_bytes!("testdata/tv-body.json");
const B_RESER: &[u8] = include_bytes!("testdata/tv-body-reserialised.json");
const B_SECRET: &[u8] = b"my-webhook-secret";
const B_NONCE: &str = "01HVTESTNONCE0000000000000";
const B_TIME: &str = "1714644931";
const B_SIG: &str = "tk2ojmtD8DlA97J6PVfyQX56zEVpa++uxdAXeRfybHM=";
const B_RESER_SIG: &str = "eQ6pX/TPPjyd0IHi9v3RzDmjwq+NPIpVZCqvd6LjbZE=";

const B_NOW: Freshness = Freshness {
    now: 1_714_644_931,
    tolerance: DEFAULT_TOLERANCE_SECONDS,
};

fn b(body: &[u8], sig: &str, nonce: &str, time: &str, freshness: Freshness) -> Result<()> {
    verify_webhook(body, [sig, nonce, time, HMAC_SHA256], B_SECRET, freshness)
}

#[test]
fn sinch_vector_a_and_vector_b_verify() {
    assert_eq!(
        base64(&webhook_signature(A_BODY, A_NONCE, A_TIME, A_SECRET).unwrap()),
        A_SIG
    );
    let a = [A_SIG, A_NONCE, A_TIME, "HmacSHA256"];
    verify_webhook(A_BODY, a, A_SECRET, Freshness::at(1_634_579_353)).unwrap();
    assert_eq!(B_BODY.len(), 537);
    assert_eq!(
        base64(&webhook_signature(B_BODY, B_NONCE, B_TIME, B_SECRET).unwrap()),
        B_SIG
    );
    b(B_BODY, B_SIG, B_NONCE, B_TIME, B_NOW).unwrap();
    // The algorithm's name ignores case and surrounding spaces.
    let lower = [B_SIG, B_NONCE, B_TIME, " hmacsha256 "];
    verify_webhook(B_BODY, lower, B_SECRET, B_NOW).unwrap();
}

#[test]
fn a_re_serialised_body_does_not_verify() {
    // The same JSON, parsed and written again, is other bytes: the original
    // signature fails on it, and its own signature fails on the original.
    mismatch(b(B_RESER, B_SIG, B_NONCE, B_TIME, B_NOW));
    mismatch(b(B_BODY, B_RESER_SIG, B_NONCE, B_TIME, B_NOW));
    b(B_RESER, B_RESER_SIG, B_NONCE, B_TIME, B_NOW).unwrap();
}

#[test]
fn tampering_is_a_mismatch() {
    let mut body = B_BODY.to_vec();
    body[100] ^= 1;
    mismatch(b(&body, B_SIG, B_NONCE, B_TIME, B_NOW));
    mismatch(b(&B_BODY[1..], B_SIG, B_NONCE, B_TIME, B_NOW));
    mismatch(b(
        B_BODY,
        B_SIG,
        "01HVTESTNONCE0000000000001",
        B_TIME,
        B_NOW,
    ));
    mismatch(b(B_BODY, B_SIG, B_NONCE, "1714644932", B_NOW));
    // The standalone form (no timestamp) is not what is signed here.
    let sig = super::super::compute_signature(B_BODY, B_NONCE, B_SECRET).unwrap();
    mismatch(b(B_BODY, &base64(&sig), B_NONCE, B_TIME, B_NOW));
    let wrong = [B_SIG, B_NONCE, B_TIME, HMAC_SHA256];
    mismatch(verify_webhook(B_BODY, wrong, b"my-webhook-secreT", B_NOW));
    let mut flipped = webhook_signature(B_BODY, B_NONCE, B_TIME, B_SECRET).unwrap();
    flipped[0] ^= 0x80;
    mismatch(b(B_BODY, &base64(&flipped), B_NONCE, B_TIME, B_NOW));
}

#[test]
fn only_hmac_sha256() {
    for algorithm in [
        "HMAC_SHA_256",
        "HmacSHA1",
        "HmacSHA512",
        "sha256",
        "HmacSHA256 x",
    ] {
        let headers = [B_SIG, B_NONCE, B_TIME, algorithm];
        header_fault(
            verify_webhook(B_BODY, headers, B_SECRET, B_NOW),
            WEBHOOK_ALGORITHM_HEADER,
            "`, not `HmacSHA256`",
        );
    }
}

#[test]
fn the_timestamp_must_be_within_the_tolerance() {
    let at = |now: i64, tolerance: u64| Freshness { now, tolerance };
    let t = 1_714_644_931;
    b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t + 300, 300)).unwrap();
    b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t - 300, 300)).unwrap();
    b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t, 0)).unwrap();
    b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t + 86_400, 86_400)).unwrap();
    let stale = b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t + 301, 300));
    header_fault(
        stale,
        WEBHOOK_TIMESTAMP_HEADER,
        "older than the tolerance of 300 s",
    );
    let ahead = b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t - 301, 300));
    header_fault(ahead, WEBHOOK_TIMESTAMP_HEADER, "further ahead");
    header_fault(
        b(B_BODY, B_SIG, B_NONCE, B_TIME, at(t + 1, 0)),
        WEBHOOK_TIMESTAMP_HEADER,
        "tolerance of 0 s",
    );
    // Extreme clocks neither overflow nor pass.
    for now in [i64::MIN, -1, 0, i64::MAX] {
        let err = b(B_BODY, B_SIG, B_NONCE, B_TIME, at(now, u64::MAX / 2));
        assert!(err.is_ok() || err.unwrap_err().field.is_some());
    }
    for time in [
        "-1714644931",
        "+1714644931",
        "1714644931.0",
        "1e9",
        "0x66",
        "1234567890123456789",
        " ",
    ] {
        let err = b(B_BODY, B_SIG, B_NONCE, time, B_NOW).unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some(WEBHOOK_TIMESTAMP_HEADER),
            "{time}"
        );
    }
}

#[test]
fn missing_or_malformed_headers_are_named() {
    let all = [B_SIG, B_NONCE, B_TIME, HMAC_SHA256];
    for (i, header) in WEBHOOK_HEADERS.into_iter().enumerate() {
        let mut missing = all;
        missing[i] = "";
        header_fault(
            verify_webhook(B_BODY, missing, B_SECRET, B_NOW),
            header,
            "missing",
        );
    }
    let hex = "b64da88e6b43f03940f7b27a3d57f2417e7acc45696befaec5d0177917f26c73";
    for sig in [
        B_SIG.trim_end_matches('='),
        hex,
        "tk2ojmtD8DlA97J6PVfyQX56zEVpa--uxdAXeRfybHM=",
        "x=",
    ] {
        header_fault(
            b(B_BODY, sig, B_NONCE, B_TIME, B_NOW),
            WEBHOOK_SIGNATURE_HEADER,
            "padded base64",
        );
    }
    let err = verify_webhook(B_BODY, all, b"", B_NOW).unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidArgument, Some("key"))
    );
}

#[test]
fn headers_as_js_gives_them() {
    let pairs = format!(
        r#"[["Content-Type","application/json"],["X-Sinch-Webhook-Signature","{B_SIG}"],
        ["x-sinch-webhook-signature-nonce","{B_NONCE}"],["X-SINCH-WEBHOOK-SIGNATURE-TIMESTAMP","{B_TIME}"],
        ["x-sinch-webhook-signature-algorithm","HmacSHA256"]]"#
    );
    assert_eq!(verify_callback(B_BODY, &pairs, B_SECRET, B_NOW), Ok(true));
    assert_eq!(verify_callback(B_RESER, &pairs, B_SECRET, B_NOW), Ok(false));
    assert_eq!(verify_callback(B_BODY, &pairs, b"other", B_NOW), Ok(false));
    let late = Freshness::at(B_NOW.now + 3600);
    let err = verify_callback(B_BODY, &pairs, B_SECRET, late).unwrap_err();
    assert_eq!(err.field.as_deref(), Some(WEBHOOK_TIMESTAMP_HEADER));
    // One webhook header is enough to choose the webhook form: the others are then missing.
    let object = format!(r#"{{"x-sinch-webhook-signature":"{B_SIG}"}}"#);
    let err = verify_callback(B_BODY, &object, B_SECRET, B_NOW).unwrap_err();
    assert_eq!(err.field.as_deref(), Some(WEBHOOK_ALGORITHM_HEADER));
    // Repeated with another value.
    let twice = format!(
        r#"{{"x-sinch-webhook-signature":["{B_SIG}","{B_RESER_SIG}"],"x-sinch-webhook-signature-nonce":"{B_NONCE}",
        "x-sinch-webhook-signature-timestamp":"{B_TIME}","x-sinch-webhook-signature-algorithm":"HmacSHA256"}}"#
    );
    let err = verify_callback(B_BODY, &twice, B_SECRET, B_NOW).unwrap_err();
    assert!(err.message.contains("more than once"), "{err}");
}

/// A captured webhook re-sent under the standalone headers (no timestamp, never
/// stale): the signature over `body.nonce.timestamp` is one over `body.` and the
/// nonce `nonce.timestamp`, or over the body `body.nonce` and the nonce `timestamp`.
#[test]
fn a_webhook_relabelled_as_a_standalone_callback_is_refused() {
    use super::super::headers::{verify_callback_from, CallbackApi};
    use super::super::signature::{SIGNATURE_HEADER, SIGNATURE_NONCE_HEADER};
    let standalone = |nonce: &str| {
        format!(
            r#"{{"sinch-whatsapp-callback-signature":"{B_SIG}",
            "sinch-whatsapp-callback-signature-algorithm":"HMAC_SHA_256",
            "sinch-whatsapp-callback-signature-nonce":"{nonce}"}}"#
        )
    };
    let a_year_later = Freshness::at(B_NOW.now + 365 * 86_400);
    let verify = |body: &[u8], headers: &str, api| {
        verify_callback_from(body, headers, B_SECRET, a_year_later, api)
    };
    let field =
        |verdict: Result<bool>| verdict.unwrap_err().into_fields().field.unwrap_or_default();
    let relabelled = standalone(&format!("{B_NONCE}.{B_TIME}"));
    // The nonce with a `.` is refused whatever the API; naming it refuses the form.
    for api in [None, Some(CallbackApi::WhatsApp)] {
        let err = verify(B_BODY, &relabelled, api).unwrap_err();
        assert_eq!(err.field.as_deref(), Some(SIGNATURE_NONCE_HEADER));
        assert!(err.message.contains("contains a `.`"), "{err}");
    }
    let conversation = Some(CallbackApi::Conversation);
    assert_eq!(
        field(verify(B_BODY, &relabelled, conversation)),
        WEBHOOK_SIGNATURE_HEADER
    );
    // The body shifted: no `.` in the nonce, so only the API named refuses it (the
    // body is no longer JSON: parsing refuses it too).
    let shifted = [B_BODY, b".", B_NONCE.as_bytes()].concat();
    assert_eq!(verify(&shifted, &standalone(B_TIME), None), Ok(true));
    assert_eq!(
        field(verify(&shifted, &standalone(B_TIME), conversation)),
        WEBHOOK_SIGNATURE_HEADER
    );
    // `whatsapp` refuses the webhook form; each API takes its own.
    let webhook = format!(
        r#"{{"x-sinch-webhook-signature":"{B_SIG}","x-sinch-webhook-signature-nonce":"{B_NONCE}",
        "x-sinch-webhook-signature-timestamp":"{B_TIME}","x-sinch-webhook-signature-algorithm":"HmacSHA256"}}"#
    );
    let whatsapp = Some(CallbackApi::WhatsApp);
    assert_eq!(field(verify(B_BODY, &webhook, whatsapp)), SIGNATURE_HEADER);
    let fresh = |api| verify_callback_from(B_BODY, &webhook, B_SECRET, B_NOW, api);
    assert_eq!(fresh(conversation), Ok(true));
    assert_eq!(fresh(None), Ok(true));
    let body = br#"{"type":"whatsapp"}"#;
    let sig = base64(&super::super::compute_signature(body, "n1", B_SECRET).unwrap());
    let own = standalone("n1").replace(B_SIG, &sig);
    assert_eq!(verify(body, &own, whatsapp), Ok(true));
    assert_eq!(verify(body, &own, None), Ok(true));
}
