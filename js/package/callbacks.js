// parseCallback and verifyCallbackSignature: the face of the callbacks' crossing
// (src/web/callbacks.rs). Bytes and text go in; an envelope comes back, which
// `unwrap` turns into the value (built by JSON.parse: `__proto__` stays plain data)
// or a thrown SinchError.
import { __callbacks } from "./sinch_whatsapp.js";
import { refused, unwrap } from "./errors.js";

const encoder = new TextEncoder();

/** A string (as UTF-8), a Uint8Array or an ArrayBuffer, as a Uint8Array. */
function bytes(value, field) {
  if (typeof value === "string") return encoder.encode(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw refused(field, "must be a string, a Uint8Array or an ArrayBuffer");
}

/**
 * The UTF-8 of the JSON text of the headers: a `Headers` as its [name, value] pairs; a
 * plain object or an array of pairs as it is. (Bytes, not a string: the entry then
 * needs no string-passing glue.)
 */
function headerBytes(headers) {
  let text;
  try {
    const plain = typeof Headers === "function" && headers instanceof Headers ? [...headers] : headers;
    text = JSON.stringify(plain) ?? "null";
  } catch {
    throw refused("headers", "could not be read");
  }
  return encoder.encode(text);
}

/**
 * Parses a callback body (the raw text, or its bytes) into typed delivery reports,
 * contacts and inbound notifications; a malformed entry stays in its place as
 * `{ kind: "invalid", error: { code, field, message }, raw }`. Throws SinchError
 * (`invalid_callback`) only when the body is not a Sinch WhatsApp callback at all.
 */
export function parseCallback(rawBody) {
  const body = bytes(rawBody, "rawBody");
  return unwrap(__callbacks(body, body.length, 0, 0, 0, 0));
}

/**
 * Checks the HMAC-SHA256 signature Sinch puts on a callback (the standalone API's
 * `sinch-whatsapp-callback-signature*` headers, or the Conversation API's
 * `x-sinch-webhook-signature*`; only that API's when `options.api` names it, else
 * chosen by the headers): `true` when it matches, `false` when it does not;
 * throws SinchError (`signature_invalid`, `field` naming the header) when a signature
 * header is missing or malformed, the algorithm is another, or a Conversation
 * webhook's timestamp is further than `options.toleranceSeconds` (default 300) from
 * `options.now` (a Date or milliseconds; default the clock). Pass the body exactly as
 * received: bytes are safest.
 */
export function verifyCallbackSignature(rawBody, headers, key, options) {
  const body = bytes(rawBody, "rawBody");
  const keyBytes = bytes(key, "key");
  if (options != null && typeof options !== "object") throw refused("options", "must be an object");
  // Own properties only: a polluted Object.prototype must not widen the tolerance.
  let own;
  try {
    own = { __proto__: null, ...options };
  } catch {
    throw refused("options", "could not be read");
  }
  const { now = Date.now(), toleranceSeconds, api, ...other } = own;
  for (const name of Object.keys(other)) throw refused(`options.${name}`, "is not an option (now, toleranceSeconds, api)");
  // 0: either form, chosen by the headers; 1, 2: only that API's.
  const form = [undefined, "whatsapp", "conversation"].indexOf(api);
  if (form < 0) throw refused("options.api", 'must be "whatsapp" or "conversation" (or left out)');
  const headerText = headerBytes(headers);
  const ms = now instanceof Date ? now.getTime() : now;
  if (!Number.isFinite(ms)) throw refused("options.now", "must be a Date or a time in milliseconds since 1970");
  // Up to Number.MAX_SAFE_INTEGER: past it a number is not exactly whole.
  if (toleranceSeconds !== undefined && !(Number.isSafeInteger(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw refused("options.toleranceSeconds", "must be a whole number of seconds, 0 or more");
  }
  // One buffer (body, headers, key): the glue copies one array into wasm memory, not three.
  const parts = new Uint8Array(body.length + headerText.length + keyBytes.length);
  parts.set(body);
  parts.set(headerText, body.length);
  parts.set(keyBytes, body.length + headerText.length);
  return unwrap(__callbacks(parts, body.length, headerText.length, ms, toleranceSeconds ?? -1, form));
}
