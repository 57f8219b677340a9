//! The JSON reader against its grammar: what it takes, what it refuses, and where.

use super::*;

fn ok(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

#[test]
fn reads_every_kind_of_value() {
    let value = ok(
        r#" {"a": [1, -0.5e+3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "": {}} "#,
    );
    let Value::Object(members) = &value else {
        panic!("not an object")
    };
    assert_eq!(members.len(), 3);
    assert_eq!(
        value.get("a"),
        Some(&Value::Array(vec![
            Value::Number("1".into()),
            Value::Number("-0.5e+3".into()),
            Value::Bool(true),
            Value::Bool(false),
            Value::Null
        ]))
    );
    assert_eq!(
        value.get("b").and_then(Value::as_str),
        Some("x\"\\/\u{8}\u{c}\n\r\té😀")
    );
}

#[test]
fn refuses_what_serde_json_refuses() {
    for text in [
        "",
        " ",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        "-",
        ".5",
        "1e",
        "+1",
        "tru",
        "nul",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"a\u{1}\"",
        "\"\\x\"",
        "\"abc",
        "[1 2]",
        "{1:2}",
        "{\"a\" 1}",
        "\u{feff}1",
        "1 2",
        "/*c*/1",
        "NaN",
        "[",
    ] {
        assert!(parse(text).is_err(), "{text:?} was accepted");
    }
}

#[test]
fn depth_is_bounded_without_exhausting_the_stack() {
    let at_limit = "[".repeat(127) + &"]".repeat(127);
    assert!(parse(&at_limit).is_ok());
    let over = "[".repeat(64) + &"{\"a\":".repeat(64) + "1" + &"}".repeat(64) + &"]".repeat(64);
    assert_eq!(parse(&over).map_err(|e| e.reason), Err("nested too deeply"));
    assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
}

#[test]
fn numbers_beyond_f64_are_kept_as_their_text() {
    for text in [
        "1e400",
        "-1E+400",
        "1".repeat(400).as_str(),
        "0e99999999999999999999",
    ] {
        assert_eq!(ok(text), Value::Number(text.into()));
    }
}

/// Acceptance as `serde_json` decides it, on the corners the fuzz target found or
/// guards (its seeds in `fuzz/seeds/json_parse/`), out-of-range numbers aside.
#[test]
fn accepts_exactly_what_serde_json_accepts() {
    let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
    for text in [
        deep(127),
        deep(128),
        "[".repeat(100) + &"{\"k\":".repeat(27) + "1" + &"}".repeat(27) + &"]".repeat(100),
        "[".repeat(100) + &"{\"k\":".repeat(28) + "1" + &"}".repeat(28) + &"]".repeat(100),
        "\"\\ud83d\\ude00\\uDBFF\\uDFFF\"".into(),
        "\"\\ud83d\\u0041\"".into(),
        "\"\\ud83d\\\"".into(),
        "\"\u{7f}\u{2028}\"".into(),
        "-0.0e-0".into(),
        "[-]".into(),
        "{\"a\":1 , \"a\" :\t2}".into(),
    ] {
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        assert_eq!(parse(&text).is_ok(), theirs, "{text:?}");
    }
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let value = ok(r#"{"a":1,"a":2}"#);
    assert_eq!(value.get("a"), Some(&Value::Number("1".into())));
    assert_eq!(value.to_text(), r#"{"a":1,"a":2}"#);
}

/// Bytes: a string must be UTF-8 (as `serde_json::from_slice` decides), anything
/// outside strings is ASCII; valid text reads as `parse` reads it.
#[test]
fn bytes_read_as_serde_json_reads_a_slice() {
    for bytes in [
        &b"\"\xff\""[..],
        b"\"a\xc3\"",
        b"\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"",
        b"\"\xed\xa0\x80\"",
        b"\"\xc0\x80\"",
        b"\"\xf4\x90\x80\x80\"",
        b"{\"\xe2\x82\":1}",
        b"[1,\xff]",
        b"\xef\xbb\xbf1",
        b"[\"\xf0\x9f\x98\x80\", \"x\"]",
        "{\"caf\u{e9} \\\"x\\\"\":[\"a\\n\u{20ac}\\u00e9b\", \"\", \"\u{1F600}\"]}".as_bytes(),
    ] {
        let theirs = serde_json::from_slice::<serde_json::Value>(bytes).is_ok();
        assert_eq!(parse_utf8(bytes).is_ok(), theirs, "{bytes:x?}");
        if let Ok(text) = core::str::from_utf8(bytes) {
            assert_eq!(parse_utf8(bytes), parse(text), "{bytes:x?}");
        }
    }
    let err = parse_utf8(b"[\"ab\xe2\x82\"]").unwrap_err();
    assert_eq!((err.reason, err.offset), ("invalid UTF-8", 4));
}

/// An error is at the byte where the reader stopped, for each reason.
#[test]
fn errors_name_the_byte_the_reader_stopped_at() {
    let deep = "[".repeat(200);
    for (text, reason, offset) in [
        ("{\"a\":1,}", "expected a key", 7),
        ("[1 2]", "expected , or ]", 3),
        ("{\"a\":1 2}", "expected , or }", 7),
        ("{\"a\" 1}", "expected :", 5),
        ("\"\\x\"", "invalid escape", 3),
        ("\"\\ud800x\"", "lone surrogate", 7),
        ("\"\\u12g4\"", "invalid \\u escape", 5),
        ("\"ab", "unterminated string", 3),
        ("\"a\u{1}\"", "control character in a string", 2),
        ("-x", "expected a digit", 1),
        ("tru", "expected a value", 0),
        ("[1] x", "trailing characters", 4),
        (deep.as_str(), "nested too deeply", 127),
    ] {
        let err = parse(text).unwrap_err();
        assert_eq!((err.reason, err.offset), (reason, offset), "{text:?}");
        // The client copies a string's runs from a `&str`; bytes go one by one.
        assert_eq!(parse_utf8(text.as_bytes()), Err(err), "{text:?}");
    }
}
