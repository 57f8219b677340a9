//! Any bytes as a callback body: a typed callback or an error, never a panic; a
//! malformed entry is kept in its place and its error names that place.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::callback::{parse_bytes, Entry};

/// Every malformed entry's `field` starts with its own list and index.
fn check_places<T>(entries: &[Entry<T>], list: &str) {
    for (index, entry) in entries.iter().enumerate() {
        if let Some(bad) = entry.invalid() {
            let place = format!("{list}[{index}]");
            assert!(bad.error.field.starts_with(&place), "{}", bad.error.field);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(callback) = parse_bytes(data) {
        check_places(&callback.statuses, "statuses");
        check_places(&callback.contacts, "contacts");
        check_places(&callback.notifications, "notifications");
        // What parsed must serialize for JS.
        assert!(serde_json::to_string(&callback).is_ok());
    }
});
