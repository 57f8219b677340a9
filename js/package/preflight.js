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
  if (options == null) return {};
  let text;
  try {
    text = JSON.stringify(options);
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

// The steps' buffer, kept between steps and files and grown when short (one over KEEP is not
// kept): a step fills it and hands it to wasm before it returns, so checks run at once never
// meet in it.
const KEEP = 1 << 16;
let scratch = new Uint8Array(0);

/**
 * The check of a file of `size` bytes; the options are read first (refused ones: no reads). The
 * file's own type (ignored when empty) and name fill what the options leave out. Gives a step:
 * `step(start, bytes)` hands in the bytes read at `start` (none at first) with every range read
 * before, and gives Rust's answer: `[start, end]`, the range to read next, or the report.
 */
function open(size, options, type, name) {
  const o = readOptions(options);
  const declared = o.declaredType ?? (type || undefined) ?? "";
  const named = o.fileName ?? name ?? "";
  const as = TYPES.indexOf(o.as) + 1;
  // What was read, in file order: start, bytes, start, bytes… (ranges never overlap).
  const parts = [];
  let held = 0;
  return (start, bytes) => {
    if (bytes) {
      let i = 0;
      while (parts[i] < start) i += 2;
      parts.splice(i, 0, start, bytes);
      held += bytes.length;
    }
    // The declared type and the file name as UTF-8 (at most 3 bytes a UTF-16 unit), the
    // parts' bytes, then the numbers: the size, the message type, the texts' lengths, the
    // reads, (offset, length) per run of touching parts, how many runs.
    const need = 3 * (declared.length + named.length) + held + 8 * (6 + parts.length);
    const buf = need > scratch.length ? new Uint8Array(Math.max(need, 8192)) : scratch;
    if (buf.length <= KEEP) scratch = buf;
    const a = utf8Into(declared, buf, 0);
    const b = utf8Into(named, buf, a);
    let at = a + b;
    const runs = [];
    for (let i = 0; i < parts.length; i += 2) {
      const [from, part] = [parts[i], parts[i + 1]];
      const last = runs.length - 1;
      if (last > 0 && runs[last - 1] + runs[last] === from) runs[last] += part.length;
      else runs.push(from, part.length);
      buf.set(part, at);
      at += part.length;
    }
    const numbers = [size, as, a, b, parts.length / 2, ...runs, runs.length / 2];
    const view = new DataView(buf.buffer);
    for (let k = 0; k < numbers.length; k++) view.setFloat64(at + 8 * k, numbers[k], true);
    return JSON.parse(media_step(buf.subarray(0, at + 8 * numbers.length)));
  };
}

const utf8Encoder = new TextEncoder();
/** Writes `text` as UTF-8 at `at` in `buf` (as the glue would: lone surrogates as U+FFFD); gives its length. */
const utf8Into = (text, buf, at) => utf8Encoder.encodeInto(text, buf.subarray(at)).written;

/** A Blob's or File's own text (its type, its name), or none when it is not a string. */
const text = (value) => (typeof value === "string" ? value : undefined);

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
  const step = open(blob.size, options, text(blob.type), text(name));
  let answer = blob.size > 0 ? [0, Math.min(blob.size, HEAD)] : step();
  while (Array.isArray(answer)) {
    const [start, end] = answer;
    let part;
    try {
      // A read of the whole Blob skips `slice`, which costs Node as much as the read itself.
      part = await (start === 0 && end === blob.size ? blob : blob.slice(start, end)).arrayBuffer();
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
  // A plain view of the same bytes: a subclass's own `length` or `subarray` never runs while a
  // step fills the shared buffer.
  bytes = asBytes(bytes);
  const step = open(bytes.length, options);
  let answer = bytes.length > 0 ? [0, Math.min(bytes.length, HEAD)] : step();
  while (Array.isArray(answer)) answer = step(answer[0], bytes.subarray(answer[0], answer[1]));
  return answer;
}
