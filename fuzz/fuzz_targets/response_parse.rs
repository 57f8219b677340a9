//! A status, a Retry-After value and a body cut from the input, answered to every
//! operation through `ops::answer`: a 2xx gives the JSON text of a result or
//! `invalid_response`, anything else the typed error of its status; never a
//! panic, and never the token in an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::error::ErrorCode;
use sinch_whatsapp::core::json;
use sinch_whatsapp::core::ops::{answer, OPS};
use sinch_whatsapp::core::response::parse_retry_after;

const TOKEN: &str = "tok_fuzz";

fuzz_target!(|data: &[u8]| {
    let Some((head, body)) = data.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_be_bytes(*head);
    let (retry_after, body) = match body.iter().position(|b| *b == b'\n') {
        Some(i) => (
            String::from_utf8_lossy(&body[..i]).into_owned(),
            &body[i + 1..],
        ),
        None => (String::new(), body),
    };
    let _ = parse_retry_after(&retry_after);
    // As `Response.text()` decodes it.
    let body = String::from_utf8_lossy(body);
    for op in OPS {
        match answer(op, status, Some(&retry_after), &body, TOKEN) {
            Ok(result) => {
                assert!((200..300).contains(&status), "{}: {status}", op.name);
                assert!(json::parse(&result).is_ok(), "{}: {result}", op.name);
            }
            Err(err) => {
                assert_eq!(err.status, Some(status), "{}", op.name);
                if (200..300).contains(&status) {
                    assert_eq!(err.code, ErrorCode::InvalidResponse, "{}", op.name);
                }
                let details = err.details.as_deref().unwrap_or_default();
                assert!(!err.message.contains(TOKEN) && !details.contains(TOKEN));
            }
        }
    }
});
