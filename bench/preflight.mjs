// The preflight against npm `file-type` on the media corpus, in the same run: files
// per second (median of alternating rounds), and bytes each reads per file (counted
// on Blob.prototype).
//
// Each round of either side runs in a fresh Node process of its own (this file, run as a
// script), the sides alternating. In one process a round paid for the garbage of the rounds
// before it (the other side's, and whatever the bench measured before): a round of ours right
// after file-type's took 125–139 µs a file against 80–92 for the next (session 28). A full
// collection before every round instead (tried in session 29) left each next round a shrunk
// heap to grow again, which cost file-type, the larger allocator, more than us. A process of
// its own gives each side only its own garbage and its own heap, and the same start.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fileTypeFromBlob } from "file-type";
import { median } from "./client.mjs";

const self = fileURLToPath(import.meta.url);

/** Counts every byte read through Blob#arrayBuffer and Blob#stream until restored. */
function countReads() {
  const proto = Blob.prototype;
  const saved = { stream: proto.stream, arrayBuffer: proto.arrayBuffer };
  const counter = { bytes: 0 };
  proto.arrayBuffer = function () {
    return saved.arrayBuffer.call(this).then((b) => ((counter.bytes += b.byteLength), b));
  };
  proto.stream = function () {
    return saved.stream.call(this).pipeThrough(new TransformStream({ transform: (c, out) => ((counter.bytes += c.byteLength), out.enqueue(c)) }));
  };
  return { counter, restore: () => Object.assign(proto, saved) };
}

// One round is this many passes over the corpus (a single pass of ours is ~5 ms).
const PASSES = 5;
// Uncounted rounds first in each process: JIT, wasm tier-up, file-type's lazy parts.
const WARMUP = 3;

/** One round over `files`: seconds taken and bytes read. */
async function round(files, check) {
  const { counter, restore } = countReads();
  const t0 = performance.now();
  try {
    for (let p = 0; p < PASSES; p++) for (const f of files) await check(f);
  } finally {
    restore();
  }
  return { seconds: (performance.now() - t0) / 1000, bytes: counter.bytes };
}

/** The corpus as Files. */
function corpus(corpusDir) {
  const files = readdirSync(corpusDir).map((name) => new File([readFileSync(join(corpusDir, name))], name));
  if (!files.length) throw new Error(`no files in ${corpusDir}: run tests/media/make-corpus.sh`);
  return files;
}

/** In a child: WARMUP uncounted rounds of one side, then one counted round (printed as JSON). */
async function childRound(side, pkg, corpusDir) {
  const files = corpus(corpusDir);
  const sdk = side === "sinchWhatsapp" && (await import(join(pkg, "node.js")));
  // file-type throws on some truncated files (EndOfStreamError): counted as a verdict too.
  const check = sdk ? (f) => sdk.validateMedia(f) : (f) => fileTypeFromBlob(f).catch(() => undefined);
  for (let r = 0; r < WARMUP; r++) await round(files, check);
  return round(files, check);
}

if (process.argv[1] === self) console.log(JSON.stringify(await childRound(...process.argv.slice(2))));

// No NODE_OPTIONS (V8 flags) carried into the children.
const { NODE_OPTIONS, ...env } = process.env;

/**
 * `validateMedia` of the package in `pkg` vs `fileTypeFromBlob` over every file in
 * `corpusDir`: `rounds` rounds alternating, each in a fresh process after WARMUP uncounted
 * rounds there; the median files/s of each side, and the bytes each read per file.
 */
export async function preflightVsFileType(pkg, corpusDir, rounds) {
  const files = corpus(corpusDir).length;
  const runs = { sinchWhatsapp: [], fileType: [] };
  for (let r = 0; r < rounds; r++) {
    for (const side of Object.keys(runs)) {
      runs[side].push(JSON.parse(execFileSync(process.execPath, [self, side, pkg, corpusDir], { env }).toString()));
    }
  }
  const summary = (list) => ({
    filesPerSecond: median(list.map((run) => (PASSES * files) / run.seconds)),
    bytesPerFile: list.reduce((n, run) => n + run.bytes, 0) / (list.length * PASSES * files),
  });
  const ours = summary(runs.sinchWhatsapp);
  const peer = summary(runs.fileType);
  return { files, rounds, sinchWhatsapp: ours, fileType: peer, speedRatio: ours.filesPerSecond / peer.filesPerSecond, bytesRatio: ours.bytesPerFile / peer.bytesPerFile };
}
