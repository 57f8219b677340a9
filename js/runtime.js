// Runtime plumbing the Rust side imports: the error class, a request deadline and a
// capped body reader. Kept in JS because they are JS objects and streams by nature;
// the decisions (the cap, what an answer means) stay in Rust.

/** The error every failed call throws (or rejects with). */
export class SinchError extends Error {
  constructor(code, message, fields = {}) {
    super(message);
    this.name = "SinchError";
    this.code = code;
    this.status = fields.status;
    this.field = fields.field;
    this.details = fields.details;
    this.retryable = fields.retryable ?? false;
    this.retryAfterMs = fields.retryAfterMs;
  }

  toJSON() {
    const { name, code, message, status, field, details, retryable, retryAfterMs } = this;
    return { name, code, message, status, field, details, retryable, retryAfterMs };
  }
}

export function makeSinchError(code, message, status, field, details, retryable, retryAfterMs) {
  return new SinchError(code, message, { status, field, details, retryable, retryAfterMs });
}

/**
 * An AbortSignal that fires after `ms` or when the caller's `signal` fires,
 * whichever comes first. `dispose()` clears the timer and the listener.
 */
export class Deadline {
  constructor(ms, signal) {
    this.controller = new AbortController();
    this.timedOut = false;
    this.callerSignal = signal ?? undefined;
    this.onAbort = () => this.controller.abort(this.callerSignal.reason);
    if (this.callerSignal?.aborted) this.onAbort();
    else this.callerSignal?.addEventListener("abort", this.onAbort, { once: true });
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
  }

  get signal() {
    return this.controller.signal;
  }

  get callerAborted() {
    return this.callerSignal?.aborted ?? false;
  }

  dispose() {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener("abort", this.onAbort);
  }
}

/** Resolves after `ms`, or rejects when `signal` fires first. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The body of `response` as UTF-8 text, read chunk by chunk and stopped as soon as
 * it passes `maxBytes` (declared by Content-Length or counted): then `undefined`,
 * and the rest is cancelled, never read or held.
 */
export async function readBody(response, maxBytes) {
  if (Number(response.headers.get("content-length")) > maxBytes) return discard(response);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Cancels the body of `response` unread (a redirect's, an oversized one's). */
export function discard(response) {
  response.body?.cancel().catch(() => {});
  return undefined;
}
