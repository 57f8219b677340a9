//! The methods without an equivalent: `unsupported`, with what to use instead.

use super::*;

// Each method without an equivalent and its refusal's reason, whole.
const MARK: &str = "not sent until Sinch confirms how events:send names the message";
const OPT_IN: &str = "opt-in is not enforced; see the OPT_IN/OPT_OUT webhooks";
const BLACKLIST: &str = "no blacklist; see the OPT_OUT_ALL consents";
const STORE: &str = "no callback store: use a MESSAGE_INBOUND webhook";
const PROVIDERS: &str = "no media providers: use public https URLs";
const STICKERS: &str = "no stickerpacks: send a sticker by URL";

/// Each method without an equivalent and its reason.
const REFUSALS: &[(&str, &str)] = &[
    ("markRead", MARK),
    ("optIn", OPT_IN),
    ("optOut", OPT_IN),
    ("addToBlacklist", BLACKLIST),
    ("removeFromBlacklist", BLACKLIST),
    ("blacklist", BLACKLIST),
    ("callbackNotifications", STORE),
    ("addProvider", PROVIDERS),
    ("listProviders", PROVIDERS),
    ("deleteProvider", PROVIDERS),
    ("listStickerpacks", STICKERS),
    ("getStickerpack", STICKERS),
    ("createStickerpack", STICKERS),
    ("updateStickerpack", STICKERS),
    ("deleteStickerpack", STICKERS),
    ("listStickers", STICKERS),
    ("getSticker", STICKERS),
    ("createSticker", STICKERS),
    ("updateSticker", STICKERS),
    ("deleteSticker", STICKERS),
];

#[test]
fn methods_without_an_equivalent_are_unsupported_before_anything_is_read() {
    for (name, why) in REFUSALS {
        let err = prepared(name, "not even JSON").unwrap_err();
        assert_eq!(
            (err.code, err.field.clone()),
            (ErrorCode::Unsupported, None),
            "{name}"
        );
        let whole = [name, " is not supported with api: \"conversation\": ", why].concat();
        assert_eq!(err.message, whole);
    }
    // Every standalone method is either mapped or refused, never both.
    let mut mapped_rows = Vec::new();
    for (op, row) in crate::core::ops::OPS.iter().zip(ROWS) {
        let mapped = usize::from(row) < OPS.len();
        let refused = REFUSALS.iter().any(|(name, _)| *name == op.name);
        assert!(mapped != refused, "{}", op.name);
        if mapped {
            mapped_rows.push((op.name, row));
        }
    }
    // Each mapped method points at its own row of the Conversation table.
    let each = [
        ("send", 0),
        ("sendText", 1),
        ("capability", 2),
        ("callbackStatus", 3),
    ];
    assert_eq!(mapped_rows, each);
    let err = prepared("nope", "[]").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("operation"));
}
