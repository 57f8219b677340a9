//! Standalone callback signatures: OpenSSL vectors in every encoding, tampering,
//! algorithms, missing and undecodable headers, headers as pairs.

use super::super::mac_text::tests::{decode_hex, header_fault, mismatch};
use super::*;
use crate::oracles::base64;

// Vectors made with OpenSSL 3.0.19 at test-writing time, independently of this code:
//   printf '%s' "$BODY.$NONCE" | openssl dgst -sha256 -hmac "$KEY" -binary | base64
//   printf '%s' "$BODY.$NONCE" | openssl dgst -sha256 -hmac "$KEY"
// with BODY, NONCE and KEY below.
const BODY: &str = r#"{"type":"whatsapp","statuses":[{"status":"success","state":"delivered","message_id":"01DPNXZ0WCF9XD19MH84XD0P62","recipient":"+46732001122","timestamp":"2020-05-02T18:40:42Z"}]}"#;
const NONCE: &str = "01FJA8B4A7BM43YGWSG9GBV067";
const KEY: &[u8] = b"sinch-test-key";
const SIG_B64: &str = "MUh93HbAsCH8/DRiQUr5shJdSly6vMtTX2kN0ojgca4=";
const SIG_HEX: &str = "31487ddc76c0b021fcfc3462414af9b2125d4a5cbabccb535f690dd288e071ae";

// Non-ASCII, non-UTF-8 body and a non-ASCII nonce:
//   printf 'caf\xc3\xa9\xff\x00\xfe\n.n\xc3\xb6nce' | openssl dgst -sha256 -hmac sinch-test-key -binary | base64
//   printf 'caf\xc3\xa9\xff\x00\xfe\n.n\xc3\xb6nce' | openssl dgst -sha256 -hmac sinch-test-key
const BIN_BODY: &[u8] = b"caf\xc3\xa9\xff\x00\xfe\n";
const BIN_NONCE: &str = "n\u{f6}nce";
const BIN_SIG_B64: &str = "f6e10S7NDDRym7CxgM6hEThf7vfzPKRNeXrYTvp4tl4=";
const BIN_SIG_HEX: &str = "7fa7b5d12ecd0c34729bb0b180cea111385feef7f33ca44d797ad84efa78b65e";

// Empty body:
//   printf '%s' '.01FJA8B4A7BM43YGWSG9GBV067' | openssl dgst -sha256 -hmac sinch-test-key -binary | base64
const EMPTY_SIG_B64: &str = "ieGSt9JR6at1kPGeDknigvZ2gSbEiiJuh+TNvxvVriA=";

fn verify(body: &[u8], sig: &str, nonce: &str, key: &[u8]) -> Result<()> {
    verify_signature(body, sig, HMAC_SHA_256, nonce, key)
}

#[test]
fn openssl_vectors_in_every_encoding() {
    let body = BODY.as_bytes();
    let unpadded = SIG_B64.trim_end_matches('=');
    let upper = SIG_HEX.to_ascii_uppercase();
    let padded_ws = format!("  {SIG_B64}\t");
    for sig in [
        SIG_B64,
        unpadded,
        SIG_HEX,
        upper.as_str(),
        padded_ws.as_str(),
    ] {
        verify(body, sig, NONCE, KEY).unwrap_or_else(|e| panic!("{sig}: {e}"));
    }
    verify(BIN_BODY, BIN_SIG_B64, BIN_NONCE, KEY).unwrap();
    verify(BIN_BODY, BIN_SIG_HEX, BIN_NONCE, KEY).unwrap();
    verify(b"", EMPTY_SIG_B64, NONCE, KEY).unwrap();
    assert_eq!(
        compute_signature(body, NONCE, KEY).unwrap(),
        decode_hex(SIG_HEX).unwrap()
    );
}

#[test]
fn algorithm_name_ignores_case_and_spaces() {
    verify_signature(BODY.as_bytes(), SIG_B64, " hmac_sha_256 ", NONCE, KEY).unwrap();
}

#[test]
fn tampering_is_a_mismatch() {
    let body = BODY.as_bytes();
    let mut tampered = body.to_vec();
    tampered[60] ^= 1;
    mismatch(verify(&tampered, SIG_B64, NONCE, KEY));
    let mut extended = body.to_vec();
    extended.push(b' ');
    mismatch(verify(&extended, SIG_B64, NONCE, KEY));
    mismatch(verify(&body[..body.len() - 1], SIG_HEX, NONCE, KEY));
    mismatch(verify(body, SIG_B64, "01FJA8B4A7BM43YGWSG9GBV068", KEY));
    mismatch(verify(body, SIG_HEX, NONCE, b"sinch-test-kez"));
    mismatch(verify(body, BIN_SIG_B64, NONCE, KEY));
    // The dot is part of the signed text: moving it does not verify.
    let moved = format!("{BODY}.");
    mismatch(verify(moved.as_bytes(), SIG_B64, &NONCE[1..], KEY));
    // A flipped bit in the signature itself.
    let mut sig = decode_hex(SIG_HEX).unwrap();
    sig[31] ^= 0x80;
    mismatch(verify(body, &base64(&sig), NONCE, KEY));
    // Binary body: one bit off.
    let mut bin = BIN_BODY.to_vec();
    bin[5] ^= 0x01;
    mismatch(verify(&bin, BIN_SIG_HEX, BIN_NONCE, KEY));
}

#[test]
fn unknown_algorithm() {
    for algorithm in ["HMAC_SHA_1", "HMAC_SHA_512", "sha256", "HMAC-SHA-256"] {
        header_fault(
            verify_signature(BODY.as_bytes(), SIG_B64, algorithm, NONCE, KEY),
            SIGNATURE_ALGORITHM_HEADER,
            "`, not `HMAC_SHA_256`",
        );
    }
    let long = "\u{1b}[31m".repeat(1000);
    let err = verify_signature(BODY.as_bytes(), SIG_B64, &long, NONCE, KEY).unwrap_err();
    assert!(err.message.chars().count() < 200 && !err.message.contains('\u{1b}'));
}

/// `quote` as `chars()` reads the value: the first 40 characters, controls (C0, DEL
/// and C1) as `?`, `…` when cut.
#[test]
fn quotes_as_chars_read() {
    let by_chars = |value: &str| {
        let mut text: String = value
            .chars()
            .take(MAX_QUOTED_CHARS)
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        if value.chars().count() > MAX_QUOTED_CHARS {
            text.push('…');
        }
        text
    };
    for part in [
        "a", "é", "\u{1b}", "\u{7f}", "\u{85}", "\u{9f}", "\u{a0}", "€", "😀", "\u{2028}",
    ] {
        for n in [0, 1, 39, 40, 41, 100] {
            for value in [part.repeat(n), format!("{}x{part}", "y".repeat(n))] {
                assert_eq!(quote(&value), by_chars(&value), "{value:?}");
            }
        }
    }
}

#[test]
fn missing_or_empty_values() {
    let body = BODY.as_bytes();
    header_fault(
        verify_signature(body, "", HMAC_SHA_256, NONCE, KEY),
        SIGNATURE_HEADER,
        "missing",
    );
    header_fault(
        verify_signature(body, SIG_B64, " ", NONCE, KEY),
        SIGNATURE_ALGORITHM_HEADER,
        "missing",
    );
    header_fault(
        verify_signature(body, SIG_B64, HMAC_SHA_256, "", KEY),
        SIGNATURE_NONCE_HEADER,
        "missing",
    );
    let err = verify_signature(body, SIG_B64, HMAC_SHA_256, NONCE, b"").unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidArgument, Some("key"))
    );
}

#[test]
fn undecodable_signatures() {
    let too_long = "A".repeat(10_000);
    let short = &SIG_B64[..20];
    let hex_63 = &SIG_HEX[..63];
    let hex_bad = SIG_HEX.replace('d', "g");
    let b64_url = "MUh93HbAsCH8_DRiQUr5shJdSly6vMtTX2kN0ojgca4=";
    let b64_48 = base64(&[7u8; 48]);
    for sig in [
        "not a signature",
        short,
        hex_63,
        hex_bad.as_str(),
        b64_url,
        b64_48.as_str(),
        too_long.as_str(),
        "sha256=31487ddc76c0b021fcfc3462414af9b2125d4a5cbabccb535f690dd288e071ae",
        "é",
    ] {
        header_fault(
            verify(BODY.as_bytes(), sig, NONCE, KEY),
            SIGNATURE_HEADER,
            "not a hex or base64",
        );
    }
}

#[test]
fn from_headers() {
    let body = BODY.as_bytes();
    let headers = vec![
        ("Content-Type".to_owned(), "application/json".to_owned()),
        (
            "SINCH-WHATSAPP-CALLBACK-SIGNATURE".to_owned(),
            SIG_HEX.to_owned(),
        ),
        (
            "Sinch-Whatsapp-Callback-Signature-Algorithm".to_owned(),
            "HMAC_SHA_256".to_owned(),
        ),
        (
            "sinch-whatsapp-callback-signature-nonce".to_owned(),
            NONCE.to_owned(),
        ),
    ];
    verify_signature_headers(body, headers.clone(), KEY).unwrap();
    verify_signature_headers(body, headers_ref(&headers), KEY).unwrap();

    // A repeated header with the same value is fine; with another value it is not.
    let mut repeated = headers.clone();
    repeated.push((SIGNATURE_HEADER.to_owned(), SIG_HEX.to_owned()));
    verify_signature_headers(body, repeated.clone(), KEY).unwrap();
    repeated.push((SIGNATURE_HEADER.to_owned(), SIG_B64.to_owned()));
    header_fault(
        verify_signature_headers(body, repeated, KEY),
        SIGNATURE_HEADER,
        "more than once",
    );

    mismatch(verify_signature_headers(b"{}", headers.clone(), KEY));

    for (i, header) in [
        SIGNATURE_HEADER,
        SIGNATURE_ALGORITHM_HEADER,
        SIGNATURE_NONCE_HEADER,
    ]
    .into_iter()
    .enumerate()
    {
        let mut missing = headers.clone();
        missing.remove(i + 1);
        header_fault(
            verify_signature_headers(body, missing, KEY),
            header,
            "missing",
        );
    }
    let none: [(&str, &str); 0] = [];
    header_fault(
        verify_signature_headers(body, none, KEY),
        SIGNATURE_HEADER,
        "is missing or empty",
    );
}

fn headers_ref(headers: &[(String, String)]) -> Vec<(&str, &str)> {
    headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}
