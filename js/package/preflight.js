// The media preflight's JS face: `validateMedia` and `validateMediaBytes`. Rust
// (`media_step`, src/web/media.rs) says which byte range it needs next; this reads that
// slice of the Blob (or of the bytes) and hands in every range read so far, until Rust
// gives the report. Only those ranges are read, never the whole file.
import { media_step } from "./sinch_whatsapp.js";
import { refused } from "./errors.js";


const KNOWN = ["as", "declaredType", "fileName"];
const TYPES = ["image", "audio", "video", "sticker", "document"];
// The head Rust always asks for first (`HEAD_LEN` in src/core/media/mod.rs): read without
// asking, which saves a crossing a file. Rust works from whatever ranges it is handed, so a
// different length would cost speed, never a wrong report.
const HEAD = 4100;
// A lone surrogate, which JSON.stringify writes as an escape (an odd run of backslashes before it).
const LONE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f]/i;

/**
 * The options argument as JSON sees it (own enumerable properties, `toJSON`, no `undefined`),
 * checked with the words of the package's JSON reader: the first unknown key, then each known
 * key in turn; never a value in the message. Left out or `null`: `{}`.
 */
function readOptions(options) {
  let text;
  try {
    text = JSON.stringify(options ?? null);
  } catch {
    throw refused("options", "could not be read (a getter or Proxy threw)");
  }
  if (text && LONE.test(text)) throw refused("options", "could not be read");
  // A function or symbol has no JSON: not an object either.
  const value = text === undefined ? "" : JSON.parse(text);
  if (value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw refused("options", "must be an object");
  const unknown = Object.keys(value).find((key) => !KNOWN.includes(key));
  if (unknown !== undefined) throw refused(`options.${unknown}`, "is not a known field");
  for (const key of KNOWN) {
    const v = value[key];
    if (v != null && typeof v !== "string") throw refused(`options.${key}`, "must be a string");
    if (key === "as" && v != null && !TYPES.includes(v)) {
      throw refused("options.as", `must be one of ${TYPES.map((t) => `"${t}"`).join(", ")}`);
    }
  }
  return value;
}

/**
 * The check of a file of `size` bytes; the options are read first (refused ones: no reads). The
 * file's own type (ignored when empty) and name fill what the options leave out. Gives a step:
 * `step(start, bytes)` hands in the bytes read at `start` (none at first) with every range read
 * before, and gives Rust's answer: `[start, end]`, the range to read next, or the report.
 */
function open(size, options, type, name) {
  const o = readOptions(options);
  // The declared type and the file name.
  const declared = utf8(o.declaredType ?? (type || undefined));
  const named = utf8(o.fileName ?? name);
  const texts = declared.length + named.length;
  // One buffer for every step, sized for the head's step and grown when short: the texts, the
  // runs' bytes in file order (each read is written once, where it belongs; touching runs then
  // lie side by side), then the numbers, rewritten at each step.
  let buf = new Uint8Array(texts + HEAD + 64);
  let view = new DataView(buf.buffer);
  let used = texts;
  buf.set(declared);
  buf.set(named, declared.length);
  // Room for `more` bytes after the used ones.
  const room = (more) => {
    if (used + more > buf.length) {
      const old = buf;
      (buf = new Uint8Array(2 * (used + more))).set(old);
      view = new DataView(buf.buffer);
    }
  };
  // What was read, offset and length of each in file order, touching ranges joined (ranges never overlap).
  const runs = [];
  let reads = 0;
  return (start, bytes) => {
    if (bytes) {
      reads++;
      // After the runs below `start`.
      let i = 0;
      let at = texts;
      while (runs[i] < start) (at += runs[i + 1]), (i += 2);
      room(bytes.length);
      buf.copyWithin(at + bytes.length, at, used);
      buf.set(bytes, at);
      used += bytes.length;
      runs.splice(i, 0, start, bytes.length);
      // The runs touched no other before: only the new one can touch the next or the one before.
      if (start + bytes.length === runs[i + 2]) runs[i + 1] += runs.splice(i + 2, 2)[1];
      if (runs[i - 2] + runs[i - 1] === start) runs[i - 1] += runs.splice(i, 2)[1];
    }
    // After the bytes: the size, the message type, the texts' lengths, the reads, (offset,
    // length) per run, how many runs.
    const numbers = [size, TYPES.indexOf(o.as) + 1, declared.length, named.length, reads, ...runs, runs.length / 2];
    room(8 * numbers.length);
    numbers.forEach((n, k) => view.setFloat64(used + 8 * k, n, true));
    return JSON.parse(media_step(buf.subarray(0, used + 8 * numbers.length)));
  };
}

const utf8Encoder = new TextEncoder();
/** A string as UTF-8 bytes (as the glue would pass it, lone surrogates as U+FFFD); none: empty. */
const utf8 = (text) => utf8Encoder.encode(text ?? "");

/** The bytes of an ArrayBuffer or of any view of one, as a Uint8Array (no copy). */
const asBytes = (data) =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : undefined;

/**
 * Checks a Blob or File (or an ArrayBuffer or typed array) before upload: its real type from
 * its bytes, the message type it fits, the size limits. `declaredType` defaults to
 * `blob.type`, `fileName` to `file.name`.
 */
export async function validateMedia(blob, options) {
  if (!(blob instanceof Blob)) {
    const bytes = asBytes(blob);
    if (!bytes) throw refused("blob", "must be a Blob or File");
    return validateMediaBytes(bytes, options);
  }
  const name = typeof File === "function" && blob instanceof File ? blob.name : undefined;
  const step = open(blob.size, options, blob.type, name);
  let answer = blob.size > 0 ? [0, Math.min(blob.size, HEAD)] : step();
  while (Array.isArray(answer)) {
    const [start, end] = answer;
    let part;
    try {
      part = await blob.slice(start, end).arrayBuffer();
    } catch {}
    // Rust asks only for bytes below blob.size: a read of another length (a Blob whose size
    // or slices lie) is refused, never handed to wasm.
    if (part?.byteLength !== end - start) throw refused("blob", "could not be read");
    answer = step(start, new Uint8Array(part));
  }
  return answer;
}

/** The same check on bytes already in memory; only the ranges asked for are copied into wasm. */
export function validateMediaBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array)) throw refused("bytes", "must be a Uint8Array");
  const step = open(bytes.length, options);
  let answer = bytes.length > 0 ? [0, Math.min(bytes.length, HEAD)] : step();
  while (Array.isArray(answer)) answer = step(answer[0], bytes.subarray(answer[0], answer[1]));
  return answer;
}
