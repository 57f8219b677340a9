// The preflight against npm `file-type` on the media corpus, in the same run: files
// per second (median of alternating rounds), and bytes each reads per file (counted
// on Blob.prototype).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileTypeFromBlob } from "file-type";
import { median } from "./client.mjs";

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
// Uncounted rounds of each side first: JIT, wasm tier-up, file-type's lazy parts.
const WARMUP = 3;

// A full garbage collection before every round of either side. Without it a round pays for
// the garbage of the rounds before it in this process (the other side's, and whatever the
// bench measured before): a round of ours right after file-type's took 125–139 µs a file
// against 80–92 for the next (session 28). With it each side starts every round from the
// same clean heap and pays only for the garbage it makes itself.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc");

/** One round over `files`, after a full collection: seconds taken and bytes read. */
async function round(files, check) {
  collect();
  const { counter, restore } = countReads();
  const t0 = performance.now();
  try {
    for (let p = 0; p < PASSES; p++) for (const f of files) await check(f);
  } finally {
    restore();
  }
  return { seconds: (performance.now() - t0) / 1000, bytes: counter.bytes };
}

/**
 * `validateMedia` vs `fileTypeFromBlob` over every file in `corpusDir`: WARMUP
 * uncounted rounds of each, then `rounds` rounds alternating; the median files/s of
 * each side, and the bytes each read per file.
 */
export async function preflightVsFileType(sdk, corpusDir, rounds) {
  const files = readdirSync(corpusDir).map((name) => new File([readFileSync(join(corpusDir, name))], name));
  if (!files.length) throw new Error(`no files in ${corpusDir}: run tests/media/make-corpus.sh`);
  const sides = {
    sinchWhatsapp: (f) => sdk.validateMedia(f),
    // file-type throws on some truncated files (EndOfStreamError): counted as a verdict too.
    fileType: (f) => fileTypeFromBlob(f).catch(() => undefined),
  };
  const runs = { sinchWhatsapp: [], fileType: [] };
  for (let r = -WARMUP; r < rounds; r++) {
    for (const [name, check] of Object.entries(sides)) {
      const run = await round(files, check);
      if (r >= 0) runs[name].push(run);
    }
  }
  const summary = (list) => ({
    filesPerSecond: median(list.map((run) => (PASSES * files.length) / run.seconds)),
    bytesPerFile: list.reduce((n, run) => n + run.bytes, 0) / (list.length * PASSES * files.length),
  });
  const ours = summary(runs.sinchWhatsapp);
  const peer = summary(runs.fileType);
  return { files: files.length, rounds, sinchWhatsapp: ours, fileType: peer, speedRatio: ours.filesPerSecond / peer.filesPerSecond, bytesRatio: ours.bytesPerFile / peer.bytesPerFile };
}
