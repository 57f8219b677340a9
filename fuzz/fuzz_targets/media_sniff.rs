//! Any bytes as a file: the preflight answers without panicking, its reads stay
//! within the file and the budget and never repeat, and reading range by range
//! gives the same report as holding the whole file; the report's JSON (our own writer)
//! is JSON that `serde_json` reads back with the same verdict.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sinch_whatsapp::core::media::{
    validate_bytes, Options, Preflight, Severity, MAX_READS, MAX_READ_BYTES,
};
use sinch_whatsapp::oracles::{joined_runs, stateless_reads};

fuzz_target!(|data: &[u8]| {
    let size = data.len() as u64;
    let mut preflight = Preflight::new(size);
    let mut read: Vec<(u64, u64)> = Vec::new();
    while let Some(range) = preflight.next_read() {
        assert!(
            range.start < range.end && range.end <= size,
            "{range:?} outside 0..{size}"
        );
        assert!(
            read.iter()
                .all(|&(s, e)| range.end <= s || range.start >= e),
            "{range:?} read twice"
        );
        read.push((range.start, range.end));
        assert!(read.len() <= MAX_READS);
        preflight.supply(range.start, &data[range.start as usize..range.end as usize]);
    }
    assert!(read.iter().map(|(s, e)| e - s).sum::<u64>() <= MAX_READ_BYTES);
    let report = preflight.finish(&Options::default());
    assert_eq!(report, validate_bytes(data, &Options::default()));
    // The wasm face's stateless loop: every range handed in at each step, the same report.
    let (stateless, _) = stateless_reads(data, &Options::default());
    assert_eq!(stateless, report);
    // The JS face's loop: touching ranges joined into one run by offset, as `preflight.js` does.
    let (joined, ranges) = joined_runs(data, &Options::default());
    assert_eq!(joined, report);
    assert_eq!(ranges.len(), read.len());
    assert_eq!(
        report.ok,
        report.issues.iter().all(|i| i.severity != Severity::Error)
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("report JSON");
    assert_eq!(json["ok"], report.ok);
    assert_eq!(json["size"], size);
    assert_eq!(json["mimeType"].as_str(), report.mime_type.as_deref());
    assert_eq!(
        json["issues"].as_array().map(Vec::len),
        Some(report.issues.len())
    );
    for (i, issue) in report.issues.iter().enumerate() {
        assert_eq!(json["issues"][i]["message"], issue.message.as_str());
    }
});
