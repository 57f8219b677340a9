//! The read budget, the stateless loop and the cached sniff.
use super::*;

#[test]
fn budget_bounds_hostile_files() {
    // A JPEG whose every segment is 65535 bytes: the walk asks segment after segment
    // until the budget is spent, then settles, before its frame header.
    let mut b = vec![0xFF, 0xD8];
    for _ in 0..100 {
        b.extend_from_slice(&[0xFF, 0xE1, 0xFF, 0xFF]);
        b.resize(b.len() + 65533, 0x20);
    }
    let mut p = Preflight::new(b.len() as u64);
    let mut reads = 0;
    while let Some(r) = p.next_read() {
        reads += 1;
        assert!(r.len() <= 64 * 1024 + 22);
        p.supply(r.start, &b[r.start as usize..r.end as usize]);
    }
    assert!(reads <= MAX_READS);
    assert!(p.bytes_read() <= MAX_READ_BYTES);
    let report = p.finish(&Options::default());
    assert_eq!(report.mime_type.as_deref(), Some("image/jpeg"));
    assert!(report.has(IssueCode::MediaNotFullyChecked));
    // Its frame type, what decides an image message, was not read: a document at best, an
    // error when asked for as an image.
    assert_eq!(
        (report.message_type, report.ok),
        (Some(MessageType::Document), true)
    );
    let image = Options {
        intended: Some(MessageType::Image),
        ..Options::default()
    };
    let report = p.finish(&image);
    assert!(!report.ok);
    let last = report.issues.last().unwrap();
    assert_eq!(
        (last.code, last.severity),
        (IssueCode::MediaNotFullyChecked, Severity::Error)
    );
    assert_eq!(last.message, "The JPEG image must use baseline or progressive coding for image messages; its frame type was not read.");
}

#[test]
fn missing_ranges_are_reported_not_fetched() {
    let mut b = b"PK\x03\x04".to_vec();
    b.resize(100_000, 0);
    let head = Chunk {
        offset: 0,
        bytes: &b[..HEAD_LEN],
    };
    let r = next_read(b.len() as u64, &[head]).unwrap();
    assert_eq!(r.end, b.len() as u64);
    let report = validate(&Input {
        size: b.len() as u64,
        chunks: &[head],
        options: Options::default(),
    });
    assert_eq!(report.mime_type.as_deref(), Some("application/zip"));
    assert!(report.has(IssueCode::MediaNotFullyChecked));
}

#[test]
fn report_json_shape() {
    let report = validate_bytes(
        b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x02\0\0\0\x03\x08\x06\0\0\0\xB9\xEA\xDE\x81\0\0\0\0IEND\xAE\x42\x60\x82",
        &Options {
            declared_mime: Some("image/jpeg"),
            file_name: Some("x.png"),
            intended: Some(MessageType::Image),
        },
    );
    let json = crate::core::json::parse(&report.to_json()).unwrap();
    let expected = crate::core::json::parse(
        r#"{
            "ok": false,
            "messageType": "image",
            "mimeType": "image/png",
            "declaredMimeType": "image/jpeg",
            "size": 45,
            "issues": [{
                "code": "media_type_mismatch",
                "severity": "error",
                "message": "Declared as image/jpeg but the content is a PNG image (image/png)."
            }],
            "details": { "width": 2, "height": 3 }
        }"#,
    )
    .unwrap();
    assert_eq!(json, expected);
}

/// The reads [`Preflight`] makes of `b`, and its report.
fn reads_of(b: &[u8]) -> (Vec<ByteRange>, Report) {
    let mut p = Preflight::new(b.len() as u64);
    let mut reads = Vec::new();
    while let Some(r) = p.next_read() {
        reads.push(r);
        p.supply(r.start, &b[r.start as usize..r.end as usize]);
    }
    (reads, p.finish(&Options::default()))
}

#[test]
fn runs_of_small_segments_are_read_a_window_at_a_time() {
    // 80 segments of 2,000 bytes before the frame header: 16 KiB a read after a small one
    // (one read a segment would be 80 reads, over the budget), never a byte twice.
    let mut b = vec![0xFF, 0xD8];
    for k in 0..80u8 {
        b.extend_from_slice(&[0xFF, 0xE2, 0x07, 0xCE]);
        b.resize(b.len() + 1996, k);
    }
    b.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0, 3, 0, 2, 1, 1, 0x11, 0]);
    b.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    b.extend_from_slice(&[0x12; 5000]);
    b.extend_from_slice(&[0xFF, 0xD9]);
    let (reads, report) = reads_of(&b);
    assert!(reads.len() <= 13, "{reads:?}");
    assert!(!report.has(IssueCode::MediaNotFullyChecked), "{report:?}");
    assert_eq!(report.details.width, Some(2));
    for (i, r) in reads.iter().enumerate() {
        assert!(r.end <= b.len() as u64 && r.len() <= 16 * 1024, "{r:?}");
        for s in &reads[..i] {
            assert!(r.end <= s.start || s.end <= r.start, "{r:?} repeats {s:?}");
        }
    }
    // A large segment is still hopped over with a small read.
    let mut b = vec![0xFF, 0xD8];
    for k in 0..3u8 {
        b.extend_from_slice(&[0xFF, 0xE1, 0xFF, 0xFF]);
        b.resize(b.len() + 65533, k);
    }
    b.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0, 3, 0, 2, 1, 1, 0x11, 0]);
    b.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9]);
    let (reads, report) = reads_of(&b);
    assert!(!report.has(IssueCode::MediaNotFullyChecked), "{report:?}");
    assert!(reads[1..].iter().all(|r| r.len() <= 1024), "{reads:?}");
}
