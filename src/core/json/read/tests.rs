//! The typed reader: kinds, paths and keys.

use super::super::parse;
use super::*;

fn value(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn fails<T: Read + core::fmt::Debug>(text: &str) -> (String, String) {
    let err = T::read(&value(text), &Path::root("request"))
        .expect_err("an error")
        .into_fields();
    (err.field.unwrap_or_default(), err.message)
}

#[test]
fn paths_name_the_deepest_wrong_value() {
    let (field, message) = fails::<Vec<Vec<String>>>(r#"[["a"],["b", 2]]"#);
    assert_eq!(field, "request[1][1]");
    assert_eq!(message, "request[1][1]: must be a string");
}

#[test]
fn whole_numbers_are_plain_digits_within_range() {
    assert_eq!(
        whole(&value("4294967295"), u64::from(u32::MAX)),
        Some(4_294_967_295)
    );
    assert_eq!(whole(&value("-0"), 9), Some(0));
    for text in [
        "4294967296",
        "-1",
        "1.0",
        "1e3",
        "\"1\"",
        "18446744073709551616",
    ] {
        assert_eq!(whole(&value(text), u64::from(u32::MAX)), None, "{text}");
    }
}

#[test]
fn objects_refuse_unknown_and_repeated_keys_and_name_missing_ones() {
    let at = Path::root("filter");
    let input = value(r#"{"from":"a","frm":"b"}"#);
    let err = object(&input, &at, &["from", "to"]).expect_err("unknown");
    assert_eq!(err.field.as_deref(), Some("filter.frm"));
    assert!(err.message.ends_with("is not a known field"));
    let input = value(r#"{"to":"a","to":"b"}"#);
    let err = object(&input, &at, &["to"]).expect_err("twice");
    assert_eq!(err.message, "filter.to: is given twice");
    let input = value(r#"{"from":null}"#);
    let fields = object(&input, &at, &["from", "to"]).expect("known");
    assert_eq!(fields.optional::<String>("from").expect("null"), None);
    let err = fields.required::<String>("to").expect_err("missing");
    assert_eq!(err.message, "filter.to: is required");
}

#[test]
fn lenient_objects_skip_unknown_keys_and_read_a_repeated_one_as_its_last() {
    let at = Path::root("body");
    let input = value(r#"{"id":"a","extra":1,"id":"b","gone":null}"#);
    let fields = Object::lenient(&input, &at).expect("an object");
    assert_eq!(fields.required::<String>("id").expect("id"), "b");
    assert_eq!(fields.optional::<String>("gone").expect("null"), None);
    let err = fields.required::<String>("gone").expect_err("null");
    assert_eq!(err.message, "body.gone: is required");
    let err = Object::lenient(&value("[]"), &at).expect_err("array");
    assert_eq!(err.message, "body: must be an object");
}

#[test]
fn tags_are_read_first_and_listed_when_unknown() {
    let at = Path::root("message");
    assert_eq!(
        tag(
            &value(r#"{"x":1,"type":"b"}"#),
            &at,
            "type",
            &[("a", ()), ("b", ())]
        )
        .ok(),
        Some(1)
    );
    let err = tag(
        &value(r#"{"type":"c"}"#),
        &at,
        "type",
        &[("a", ()), ("b", ())],
    )
    .expect_err("unknown");
    assert_eq!(err.message, r#"message.type: must be one of "a", "b""#);
    let err = tag(&value(r#"{}"#), &at, "type", &[("a", ())]).expect_err("missing");
    assert_eq!(err.message, "message.type: is required");
}

#[test]
fn shifts_as_checked_and_saturating_arithmetic_do() {
    let edges = [
        0,
        1,
        9,
        10,
        999,
        1 << 40,
        u64::MAX / 1000,
        u64::MAX / 10 - 1,
    ];
    let mut numbers = Vec::new();
    for edge in edges
        .iter()
        .chain(&[u64::MAX / 10, u64::MAX / 16, u64::MAX - 1, u64::MAX])
    {
        numbers.extend([edge.saturating_sub(1), *edge, edge.saturating_add(1)]);
    }
    for n in numbers {
        for base in [1, 2, 8, 10, 16, 1000, 1 << 20] {
            for digit in [0, 1, 5, 9, 15, 200] {
                let checked = n.checked_mul(base).and_then(|m| m.checked_add(digit));
                assert_eq!(shifted(n, base, digit), checked, "{n} {base} {digit}");
                let saturated = n.saturating_mul(base).saturating_add(digit);
                assert_eq!(shifted(n, base, digit).unwrap_or(u64::MAX), saturated);
            }
        }
    }
}
