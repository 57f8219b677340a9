//! Body, signature, algorithm, nonce and key cut from the input at 0xFF bytes:
//! verification answers, never panics, and accepts only what the key signed; the
//! headers as JS gives them (JSON text, any bytes) never panic either; the crate's own
//! HMAC-SHA256 agrees with the RustCrypto `hmac` and `sha2` crates.
#![no_main]

use hmac::Mac;
use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::callback::{
    compute_signature, verify_callback, verify_signature, verify_signature_headers, HMAC_SHA_256,
};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|b| *b == 0xFF);
    let mut next = || parts.next().unwrap_or_default();
    let (body, signature, algorithm, nonce, key) = (next(), next(), next(), next(), next());
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
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
    let _ = verify_callback(body, &text(signature), key);
    // A signature made with the key verifies, in hex; the same with one bit flipped does
    // not. Only for a nonce a header can carry: an empty one counts as missing, and
    // surrounding whitespace is not part of a header value.
    let nonce = text(nonce);
    if nonce.is_empty() || nonce.trim() != nonce {
        return;
    }
    let hex = |mac: &[u8]| mac.iter().map(|b| format!("{b:02x}")).collect::<String>();
    if let Ok(mut mac) = compute_signature(body, &nonce, key) {
        assert!(verify_signature(body, &hex(&mac), HMAC_SHA_256, &nonce, key).is_ok());
        let pairs = serde_json::json!([
            ["sinch-whatsapp-callback-signature", hex(&mac)],
            ["sinch-whatsapp-callback-signature-algorithm", HMAC_SHA_256],
            ["sinch-whatsapp-callback-signature-nonce", &nonce],
        ]);
        assert_eq!(verify_callback(body, &pairs.to_string(), key), Ok(true));
        mac[0] ^= 1;
        assert!(verify_signature(body, &hex(&mac), HMAC_SHA_256, &nonce, key).is_err());
    }
});
