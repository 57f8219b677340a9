//! Body, signature, algorithm, nonce, key, a Conversation timestamp and a clock cut
//! from the input at 0xFF bytes: verification (standalone and Conversation webhook)
//! answers, never panics, and accepts only what the key signed, within the tolerance;
//! the headers as JS gives them (JSON text, any bytes) never panic either, and give
//! what reading every pair, then the chosen form's headers, gives; the crate's own
//! HMAC-SHA256 agrees with the RustCrypto `hmac` and `sha2` crates.
#![no_main]

use hmac::Mac;
use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::callback::webhook::{Freshness, HMAC_SHA256, WEBHOOK_HEADERS};
use sinch_whatsapp::core::callback::{
    compute_signature, verify_callback, verify_signature, verify_signature_headers, verify_webhook,
    verify_webhook_headers, webhook_signature, HMAC_SHA_256, SIGNATURE_NONCE_HEADER,
};
use sinch_whatsapp::oracles::{base64, two_passes};

/// The Conversation webhook paths: any values never panic; a signature made with the
/// key over `body.nonce.timestamp` verifies within the tolerance and not outside it,
/// nor with a bit flipped; the HMAC agrees with the oracle.
fn webhook(
    body: &[u8],
    signature: &str,
    algorithm: &str,
    nonce: &str,
    key: &[u8],
    timestamp: &str,
    clock: &[u8],
) {
    let mut eight = [0u8; 8];
    for (slot, byte) in eight.iter_mut().zip(clock) {
        *slot = *byte;
    }
    let tolerance = u64::from(clock.get(8).copied().unwrap_or(0)) * 60;
    let freshness = Freshness {
        now: i64::from_le_bytes(eight),
        tolerance,
    };
    let _ = verify_webhook(
        body,
        [signature, nonce, timestamp, algorithm],
        key,
        freshness,
    );
    let headers = WEBHOOK_HEADERS
        .into_iter()
        .zip([signature, nonce, timestamp, algorithm]);
    let _ = verify_webhook_headers(body, headers, key, freshness);
    let _ = verify_callback(
        body,
        format!("[[{:?},{:?}]]", WEBHOOK_HEADERS[2], timestamp),
        key,
        freshness,
    );
    if key.is_empty() {
        return;
    }
    let mut oracle = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key");
    oracle.update(body);
    oracle.update(b".");
    oracle.update(nonce.as_bytes());
    oracle.update(b".");
    oracle.update(timestamp.as_bytes());
    let oracle: [u8; 32] = oracle.finalize().into_bytes().into();
    assert_eq!(webhook_signature(body, nonce, timestamp, key), Ok(oracle));
    // Only for values a header can carry, and a timestamp of Unix seconds.
    let seconds = match timestamp.parse::<i64>() {
        Ok(s) if timestamp.len() <= 18 && timestamp.bytes().all(|b| b.is_ascii_digit()) => s,
        _ => return,
    };
    if nonce.is_empty() || nonce.trim() != nonce {
        return;
    }
    let mut mac = oracle;
    let fresh = Freshness {
        now: seconds.saturating_add(tolerance as i64),
        tolerance,
    };
    assert_eq!(
        verify_webhook(
            body,
            [&base64(&mac), nonce, timestamp, HMAC_SHA256],
            key,
            fresh
        ),
        Ok(())
    );
    let pairs = serde_json::json!([
        [WEBHOOK_HEADERS[0], base64(&mac)],
        [WEBHOOK_HEADERS[1], nonce],
        [WEBHOOK_HEADERS[2], timestamp],
        [WEBHOOK_HEADERS[3], "hmacsha256"],
    ]);
    assert_eq!(
        verify_callback(body, pairs.to_string(), key, fresh),
        Ok(true)
    );
    let stale = Freshness {
        now: fresh.now.saturating_add(1),
        tolerance,
    };
    let err = verify_webhook(
        body,
        [&base64(&mac), nonce, timestamp, HMAC_SHA256],
        key,
        stale,
    );
    assert_eq!(err.unwrap_err().field.as_deref(), Some(WEBHOOK_HEADERS[2]));
    mac[31] ^= 1;
    assert!(verify_webhook(
        body,
        [&base64(&mac), nonce, timestamp, HMAC_SHA256],
        key,
        fresh
    )
    .is_err());
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF);
    let mut next = || parts.next().unwrap_or_default();
    let (body, signature, algorithm, nonce, key) = (next(), next(), next(), next(), next());
    let (timestamp, clock) = (next(), next());
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    webhook(
        body,
        &text(signature),
        &text(algorithm),
        &text(nonce),
        key,
        &text(timestamp),
        clock,
    );
    if !key.is_empty() {
        let mut oracle = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("any key");
        oracle.update(body);
        oracle.update(b".");
        oracle.update(text(nonce).as_bytes());
        let oracle: [u8; 32] = oracle.finalize().into_bytes().into();
        assert_eq!(compute_signature(body, &text(nonce), key), Ok(oracle));
    }
    let _ = verify_signature(body, &text(signature), &text(algorithm), &text(nonce), key);
    let headers = [
        ("sinch-whatsapp-callback-signature", text(signature)),
        (
            "Sinch-WhatsApp-Callback-Signature-Algorithm",
            text(algorithm),
        ),
        ("sinch-whatsapp-callback-signature-nonce", text(nonce)),
    ];
    let _ = verify_signature_headers(body, headers, key);
    // The signature part as the headers' JSON text.
    let headers = text(signature);
    assert_eq!(
        verify_callback(body, &headers, key, Freshness::at(0)),
        two_passes(body, &headers, key, Freshness::at(0))
    );
    // A signature made with the key verifies, in hex; the same with one bit flipped does
    // not. Only for a nonce a header can carry: an empty one counts as missing, and
    // surrounding whitespace is not part of a header value; one with a `.` is refused,
    // naming its header (a relabelled Conversation webhook's would have one).
    let nonce = text(nonce);
    if nonce.is_empty() || nonce.trim() != nonce {
        return;
    }
    let hex = |mac: &[u8]| mac.iter().map(|b| format!("{b:02x}")).collect::<String>();
    if let Ok(mut mac) = compute_signature(body, &nonce, key) {
        if nonce.contains('.') {
            let err = verify_signature(body, &hex(&mac), HMAC_SHA_256, &nonce, key);
            assert_eq!(
                err.unwrap_err().field.as_deref(),
                Some(SIGNATURE_NONCE_HEADER)
            );
            return;
        }
        assert!(verify_signature(body, &hex(&mac), HMAC_SHA_256, &nonce, key).is_ok());
        let pairs = serde_json::json!([
            ["sinch-whatsapp-callback-signature", hex(&mac)],
            ["sinch-whatsapp-callback-signature-algorithm", HMAC_SHA_256],
            ["sinch-whatsapp-callback-signature-nonce", &nonce],
        ]);
        assert_eq!(
            verify_callback(body, pairs.to_string(), key, Freshness::at(0)),
            Ok(true)
        );
        mac[0] ^= 1;
        assert!(verify_signature(body, &hex(&mac), HMAC_SHA_256, &nonce, key).is_err());
    }
});
