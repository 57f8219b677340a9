//! Any bytes as a callback body: a typed callback or an error, never a panic; a
//! malformed entry is kept in its place, its error names that place, and its `raw`
//! is the entry as sent; what parsed is written as JSON that `serde_json` reads, with
//! the three lists always present; and the schema pass (what the wasm ships) gives
//! the same JSON text, or the same error, as the typed model. A Conversation API
//! callback's malformed entry keeps the whole body as its `raw`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::callback::{parse_bytes, pass, Callback, Entry};

/// Every malformed entry's `field` starts with its own list and index, and its
/// `raw` is what `serde_json` read there (of a Conversation callback: the whole body).
fn check_places<T>(entries: &[Entry<T>], list: &str, sent: &serde_json::Value, conversation: bool) {
    for (index, entry) in entries.iter().enumerate() {
        if let Some(bad) = entry.invalid() {
            let raw: serde_json::Value =
                serde_json::from_str(&bad.raw.to_text()).expect("raw is JSON");
            if conversation {
                assert_eq!(&raw, sent);
                continue;
            }
            let place = format!("{list}[{index}]");
            assert!(bad.error.field.starts_with(&place), "{}", bad.error.field);
            assert_eq!(raw, sent[list][index]);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let typed = parse_bytes(data);
    let text = typed.as_ref().map(Callback::to_json).map_err(Clone::clone);
    assert_eq!(text, pass::callback_json(data));
    // Bytes that are not UTF-8 are refused where `from_utf8` says they stop being it.
    if let Err(bad) = std::str::from_utf8(data) {
        let expected = format!(
            "the callback body is not valid UTF-8 at byte {}",
            bad.valid_up_to()
        );
        assert_eq!(text.map_err(|err| err.message.clone()), Err(expected));
        return;
    }
    if let Ok(callback) = typed {
        let text = std::str::from_utf8(data).expect("parsed text is UTF-8");
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Numbers beyond f64 (1e400) are refused by serde_json, kept as text by us.
        let Ok(sent) = serde_json::from_str::<serde_json::Value>(text) else {
            return;
        };
        let conv = callback.conversation;
        check_places(&callback.statuses, "statuses", &sent, conv);
        check_places(&callback.contacts, "contacts", &sent, conv);
        check_places(&callback.notifications, "notifications", &sent, conv);
        if conv {
            assert!(callback.contacts.is_empty());
            assert!(callback.statuses.len() + callback.notifications.len() <= 1);
        }
        // What parsed is JSON for JS.
        let out: serde_json::Value =
            serde_json::from_str(&callback.to_json()).expect("the JS text is JSON");
        for list in ["statuses", "contacts", "notifications"] {
            assert!(out[list].is_array(), "{list}");
        }
    }
});
