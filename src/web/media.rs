//! The media preflight's crossing: one synchronous, stateless export. JS holds the ranges
//! read so far and hands them all in at each step; Rust answers with the next range to read
//! or, when nothing more is needed, the report. `js/package/preflight.js` drives it as
//! `validateMedia` and `validateMediaBytes`. Only the ranges asked for cross into wasm
//! memory (which never shrinks), never the whole file; no object lives between calls (no
//! class, handle or `free` in the glue).

use super::text;
use crate::core::media::words::{decimal, fill, lossy};
use crate::core::media::{next_or_report_runs, Chunk, Input, MessageType, Options, MAX_READS};
use wasm_bindgen::prelude::*;

/// One step of the check of a file, all of it in one buffer (one copy into wasm memory, one
/// slice of glue). `input` starts with the declared type and the file name as UTF-8 (bytes, so
/// no string-passing glue ships; empty when absent, which the rules read as absent too), then
/// the runs' bytes, one after another; it ends with little-endian `f64`s (written after the
/// bytes, so JS writes each read's bytes once into a buffer it keeps): the file size; the
/// intended message type (1 + an index into [`MessageType::ALL`]; any other number: none); the
/// byte lengths of the declared type and of the file name; how many ranges were read (JS joins
/// touching ones into one run: no joining code ships here); an offset and a length per run;
/// last, `n`, the number of runs. Gives `[start,end]`, the range to read next, or the report,
/// as JSON text.
#[wasm_bindgen(skip_typescript)]
pub fn media_step(input: &[u8]) -> super::Answer {
    let count = number(input, input.len().saturating_sub(8));
    let ranges = usize::try_from(count).unwrap_or(0).min(MAX_READS);
    let at = input.len().saturating_sub((6 + 2 * ranges) * 8);
    let mut rest = input.get(..at).unwrap_or_default();
    let number = |i: usize| number(input, at + 8 * i);
    let mut take = |len: u64| {
        let len = usize::try_from(len).unwrap_or(usize::MAX).min(rest.len());
        let (taken, after) = rest.split_at_checked(len).unwrap_or_default();
        rest = after;
        taken
    };
    let declared = take(number(2));
    let name = take(number(3));
    // On the stack: at most MAX_READS runs, no `Vec` to grow and free.
    let mut chunks = [Chunk {
        offset: 0,
        bytes: &[],
    }; MAX_READS];
    for (i, c) in chunks.iter_mut().take(ranges).enumerate() {
        *c = Chunk {
            offset: number(5 + 2 * i),
            bytes: take(number(6 + 2 * i)),
        };
    }
    let chunks = chunks.get(0..ranges).unwrap_or_default();
    // `TextEncoder` wrote them: always UTF-8.
    let (declared, name) = (lossy(declared), lossy(name));
    let input = Input {
        size: number(0),
        chunks,
        options: Options {
            declared_mime: Some(&declared),
            file_name: Some(&name),
            // 0 (none) wraps past every index.
            intended: usize::try_from(number(1).wrapping_sub(1))
                .ok()
                .and_then(|i| MessageType::ALL.get(i))
                .copied(),
        },
    };
    let reads = usize::try_from(number(4)).unwrap_or(usize::MAX);
    text(match next_or_report_runs(&input, reads) {
        Ok(report) => report.to_json(),
        Err(range) => fill("[{},{}]", &[&decimal(range.start), &decimal(range.end)]),
    })
}

/// The `f64` at byte `at` of `input` (0 past the end), out of line: one read, not one per
/// use. Sizes, offsets and lengths are whole numbers below 2^53: exact in an f64.
#[inline(never)]
fn number(input: &[u8], at: usize) -> u64 {
    input
        .get(at..at.saturating_add(8))
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| f64::from_le_bytes(b) as u64)
}
