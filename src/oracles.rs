//! Test oracles: the reference forms the unit tests, the integration tests and the fuzz
//! targets hold the library to, written once. Compiled for the crate's own unit tests and
//! with the Cargo feature `oracles`, which only the crate's dev-dependency on itself and the
//! fuzz crate turn on: no package build has it (scripts/build.sh builds with
//! `--no-default-features`), so none of this ships.

use crate::core::callback::headers::header_pairs;
use crate::core::callback::webhook::{Freshness, WEBHOOK_HEADERS};
use crate::core::callback::{verify_signature_headers, verify_webhook_headers};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json;
use crate::core::media::{
    next_or_report, next_or_report_runs, ByteRange, Chunk, Input, Options, Report,
};
use crate::prelude::*;

/// `verify_callback` as it was written first: every pair read, then the form chosen by
/// the names, then that form's headers collected (the wasm's one pass must agree).
pub fn two_passes(body: &[u8], headers: &str, key: &[u8], freshness: Freshness) -> Result<bool> {
    let headers =
        json::parse(headers).map_err(|_| Error::invalid("headers", "could not be read"))?;
    let pairs = header_pairs(&headers)?;
    let webhook = pairs.iter().any(|(name, _)| {
        let name = name.trim();
        WEBHOOK_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name))
    });
    let verdict = if webhook {
        verify_webhook_headers(body, pairs, key, freshness)
    } else {
        verify_signature_headers(body, pairs, key)
    };
    match verdict {
        Ok(()) => Ok(true),
        Err(err) if err.code == ErrorCode::SignatureInvalid && err.field.is_none() => Ok(false),
        Err(err) => Err(err),
    }
}

/// Standard base64 with padding (the form the Conversation API sends): the tests'
/// encoder, independent of the library's decoder and of `config`'s Basic-auth encoder.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

/// The wasm face's stateless loop over `bytes` (`next_or_report`): every range asked for
/// read and handed in again at each step. Gives the report and the ranges asked for, in
/// order. A range outside `bytes` panics (slice indexing): the callers are tests.
pub fn stateless_reads(bytes: &[u8], options: &Options<'_>) -> (Report, Vec<ByteRange>) {
    let mut chunks: Vec<Chunk<'_>> = Vec::new();
    let mut reads = Vec::new();
    loop {
        let input = Input {
            size: bytes.len() as u64,
            chunks: &chunks,
            options: *options,
        };
        match next_or_report(&input) {
            Ok(report) => return (report, reads),
            Err(r) => {
                chunks.push(Chunk {
                    offset: r.start,
                    bytes: &bytes[r.start as usize..r.end as usize],
                });
                reads.push(r);
            }
        }
    }
}

/// The JS face's loop over `bytes` (`next_or_report_runs`): each range asked for read and
/// joined by offset with the runs it touches, as `preflight.js` does, and every run handed
/// in at each step. Gives the report and the ranges asked for, in order. A range outside
/// `bytes` panics (slice indexing): the callers are tests.
pub fn joined_runs(bytes: &[u8], options: &Options<'_>) -> (Report, Vec<ByteRange>) {
    let mut runs: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut reads = Vec::new();
    loop {
        let chunks: Vec<Chunk<'_>> = runs
            .iter()
            .map(|(offset, b)| Chunk {
                offset: *offset,
                bytes: b,
            })
            .collect();
        let input = Input {
            size: bytes.len() as u64,
            chunks: &chunks,
            options: *options,
        };
        match next_or_report_runs(&input, reads.len()) {
            Ok(report) => return (report, reads),
            Err(r) => {
                add_run(&mut runs, r.start, &bytes[r.start as usize..r.end as usize]);
                reads.push(r);
            }
        }
    }
}

/// Adds bytes read at `start` to `runs` as `preflight.js` does: by offset, a run joined with
/// the runs it touches (the ranges asked for never overlap).
fn add_run(runs: &mut Vec<(u64, Vec<u8>)>, start: u64, bytes: &[u8]) {
    runs.push((start, bytes.to_vec()));
    runs.sort_by_key(|r| r.0);
    for i in (1..runs.len()).rev() {
        if runs[i - 1].0 + runs[i - 1].1.len() as u64 == runs[i].0 {
            let (_, next) = runs.remove(i);
            runs[i - 1].1.extend_from_slice(&next);
        }
    }
}
