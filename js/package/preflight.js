// The media preflight's JS face: `validateMedia` and `validateMediaBytes`. Rust
// (`MediaCheck`, src/web/media.rs) says which byte range it needs next; this reads that
// slice of the Blob (or of the bytes) and hands it in, until Rust gives the report. Only
// those ranges are read, never the whole file.
import { MediaCheck } from "./sinch_whatsapp.js";
import { refused as invalid, unwrap } from "./errors.js";


/** The options argument as JSON text (own enumerable properties only); `null` when left out. */
function optionsText(options) {
  if (options == null) return "null";
  let text;
  try {
    text = JSON.stringify(options);
  } catch {
    throw invalid("options", "could not be read (a getter or Proxy threw)");
  }
  // A function or symbol has no JSON: Rust refuses the empty string as "must be an object".
  return text ?? '""';
}

/** A check of a file of `size` bytes; the options are read at once (refused ones: no reads). */
const open = (size, options, type, name) => new MediaCheck(size, optionsText(options), type, name);

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
    if (!bytes) throw invalid("blob", "must be a Blob or File");
    return validateMediaBytes(bytes, options);
  }
  const name = typeof File === "function" && blob instanceof File ? blob.name : undefined;
  const media = open(blob.size, options, blob.type, name);
  try {
    for (let start; (start = media.next()) >= 0; ) {
      let part;
      try {
        part = await blob.slice(start, media.end()).arrayBuffer();
      } catch {
        throw invalid("blob", "could not be read");
      }
      media.supply(start, new Uint8Array(part));
    }
    return unwrap(media.report());
  } finally {
    media.free();
  }
}

/** The same check on bytes already in memory; only the ranges asked for are copied into wasm. */
export function validateMediaBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array)) throw invalid("bytes", "must be a Uint8Array");
  const media = open(bytes.length, options);
  try {
    for (let start; (start = media.next()) >= 0; ) media.supply(start, bytes.subarray(start, media.end()));
    return unwrap(media.report());
  } finally {
    media.free();
  }
}
