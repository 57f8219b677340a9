//! A status, a Retry-After value and a body cut from the input: the answer parses
//! into a typed error or receipt, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::response::{
    error_for_status, parse_retry_after, ErrorBody, Receipt, SendResult,
};

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
    let error_body = serde_json::from_slice::<ErrorBody>(body).ok();
    let err = error_for_status(status, error_body, Some(&retry_after));
    assert_eq!(err.status, Some(status));
    if let Ok(receipt) = serde_json::from_slice::<Receipt>(body) {
        let _ = SendResult::from(receipt);
    }
});
