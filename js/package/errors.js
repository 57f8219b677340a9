// The error every failed call throws (or rejects with), and the reading of what
// crosses back from Rust: `{"ok": result}` or `{"error": {code, message, …}}`.

/** The fields beside `code` and `message`, in the order they are set and written. */
const FIELDS = ["status", "field", "details", "retryable", "retryAfterMs"];

/**
 * The error every failed call throws (or rejects with). `code` is one of the README's error
 * table (`SinchErrorCode` in sinch_error.d.ts), `unsupported` included: a method with no
 * equivalent under api: "conversation".
 */
export class SinchError extends Error {
  constructor(code, message, fields = {}) {
    super(message);
    this.name = "SinchError";
    this.code = code;
    for (const key of FIELDS) this[key] = fields[key];
    this.retryable ??= false;
  }

  toJSON() {
    const json = { name: this.name, code: this.code, message: this.message };
    for (const key of FIELDS) json[key] = this[key];
    return json;
  }
}

/** The `invalid_argument` error of `field` breaking `rule` (never quoting the value). */
export const refused = (field, rule) => new SinchError("invalid_argument", `${field}: ${rule}`, { field });

/** The SinchError of an `{"error": …}` envelope's error object. */
export const toSinchError = (e) => new SinchError(e.code, e.message, e);

/**
 * The result in a Rust envelope's JSON text, or a thrown SinchError. `JSON.parse`
 * makes every key (even `__proto__`) a plain own property; `null` becomes `undefined`.
 */
export function unwrap(text) {
  const envelope = JSON.parse(text);
  if (envelope.error) throw toSinchError(envelope.error);
  return envelope.ok ?? undefined;
}
