//! Any bytes as a callback body: a typed callback or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::callback::parse_bytes;

fuzz_target!(|data: &[u8]| {
    if let Ok(callback) = parse_bytes(data) {
        // What parsed must serialize for JS.
        let _ = serde_json::to_string(&callback);
    }
});
