//! The shared rules, each with passing and failing values.

use super::*;

#[test]
fn counts_chars_as_std_does() {
    let every_width = "a\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}é👍🏽";
    for end in (0..=every_width.len()).filter(|&end| every_width.is_char_boundary(end)) {
        let text = &every_width[..end];
        assert_eq!(count_chars(text), text.chars().count(), "{text:?}");
    }
}

#[test]
fn dot_segments_are_refused() {
    for bad in [
        "",
        ".",
        "..",
        "%2e",
        "%2E%2e",
        ".%2E",
        "%252e",
        "%25252E%2e",
        "../x",
        "a/.",
        "a\\..\\b",
        "a%2F%2e%2e",
    ] {
        assert_eq!(
            check_segment("id", bad).unwrap_err().field.as_deref(),
            Some("id"),
            "{bad}"
        );
    }
    for ok in [
        "...",
        "a.",
        ".a",
        "%2e%2e%2e",
        "%",
        "%2",
        "%2f",
        " ..",
        "a/b",
        "a/.../b",
    ] {
        assert!(check_segment("id", ok).is_ok(), "{ok}");
    }
}

/// The byte-wise loop decides as the first version did on text, which made each
/// decoded round valid UTF-8 (`from_utf8_lossy`) before looking again.
#[test]
fn segments_decide_as_on_lossy_text() {
    let on_text = |value: &str| {
        let mut text = value.to_owned();
        loop {
            let parts = text.split(['/', '\\']);
            if text.is_empty() || parts.clone().any(|part| part == "." || part == "..") {
                return false;
            }
            let decoded =
                String::from_utf8_lossy(&crate::core::whatwg::percent_decode(&text)).into_owned();
            if decoded == text {
                return true;
            }
            text = decoded;
        }
    };
    let parts = [
        "", ".", "%2e", "%2E", "%25", "%FF", "%C3", "%A4", "%2F", "%5C", "/", "\\", "a", "é", "%",
    ];
    for a in parts {
        for b in parts {
            for c in parts {
                let value = [a, b, c].concat();
                assert_eq!(
                    check_segment("id", &value).is_ok(),
                    on_text(&value),
                    "{value:?}"
                );
            }
        }
    }
}

#[test]
fn dates_and_date_times() {
    for ok in ["2026-11-25", "0000-00-00"] {
        assert!(check_date_at(&Path::root("d"), ok).is_ok(), "{ok}");
        assert!(check_datetime_at(&Path::root("d"), ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "2026-1-25",
        "2026/11/25",
        "2026-11-25T09:30",
        "２026-11-25",
    ] {
        assert!(check_date_at(&Path::root("d"), bad).is_err(), "{bad}");
    }
    assert!(check_datetime_at(&Path::root("d"), "2026-11-25T09:30:00Z").is_ok());
    for bad in [
        "",
        "2026-11-2",
        "2026-11-25 09:30",
        "2026-11-25T9:30",
        "2026-11-25T09:30 Z",
    ] {
        assert!(check_datetime_at(&Path::root("d"), bad).is_err(), "{bad}");
    }
}

#[test]
fn ids() {
    assert!(check_id(
        "messageId",
        "01E7SP2FX8E16R0X3GE8Z41VSQABGGSFATkBVvAgo61AND5uEmlo54"
    )
    .is_ok());
    for bad in ["", "a\nb", &"x".repeat(513), ".", "..", "%2E%2e"] {
        assert_eq!(
            check_id("messageId", bad).unwrap_err().field.as_deref(),
            Some("messageId")
        );
    }
}

#[test]
fn http_urls_have_a_host() {
    let at = Path::root("url");
    for url in [
        "https://cdn.example.com/a.jpg",
        "http://u:p@h:80/x?y#z",
        "https://[::1]:8443/a.jpg",
        "HTTPS://h?x",
    ] {
        assert!(check_http_url_at(&at, url).is_ok(), "{url}");
    }
    for url in [
        "https://?x",
        "https://:443/a.jpg",
        "https://#frag",
        "https://@/a.jpg",
        "https://[::1/x",
        "https:///a.jpg",
        "https://h:65536/a.jpg",
        "http://a b/x",
        "ftp://h/a.jpg",
    ] {
        assert!(check_http_url_at(&at, url).is_err(), "{url}");
    }
}

#[test]
fn lengths_say_the_range_and_the_count() {
    let text = |result: Result<()>| result.unwrap_err().message.clone();
    let at = Path::root("message.body.text");
    assert_eq!(
        text(check_chars_at(&at, "ab", 3, 5)),
        "message.body.text: must be 3 to 5 characters (has 2)"
    );
    let params = Path::root("message.bodyParams");
    assert!(check_counted_at(&params, 1024, 0, 1024).is_ok());
    assert_eq!(
        text(check_counted_at(&params, 1025, 0, 1024)),
        "message.bodyParams: must be at most 1024 characters (has 1025)"
    );
}
