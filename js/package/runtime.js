// The runtime plumbing of the client's fetch loop: where it runs, a capped body
// reader and an abortable wait. The decisions (the cap, what an answer means,
// whether to retry) stay in Rust.
import { toSinchError, unwrap } from "./errors.js";
import { __settle } from "./sinch_whatsapp.js";

// What an attempt came to when it got no readable answer, as `Core.settle` numbers
// it (`FAULTS` in src/web/client.rs; 0 is an answer).
export const REDIRECT = 1;
export const TOO_LARGE = 2;
export const TIMEOUT = 3;
export const NETWORK = 4;
export const ABORTED = 5;

/** A browser page has both `window` and `document`; Workers, workerd and Node do not. */
export const inBrowserPage = () =>
  typeof globalThis.window === "object" && globalThis.window !== null &&
  typeof globalThis.document === "object" && globalThis.document !== null;

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
 * `promise`, or a rejection with `aborted()` as soon as `signal` fires (the promise runs
 * on). The caller has checked that `signal` is not aborted yet.
 */
export function abortable(promise, signal, aborted) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
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
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

const decoder = new TextDecoder();

/** Cancels the body of `response` unread (a redirect's, an oversized one's). */
export function discard(response) {
  response.body?.cancel().catch(() => {});
  return undefined;
}

/**
 * After attempt `attempt` of a client of `core` failed with `outcome` (`Core.settle`'s
 * `{ error, retryMs? }`): throws its SinchError unless Rust gave a delay and the caller's
 * `onRetry` allows it; else waits the delay out (an abort meanwhile throws `aborted`).
 */
export async function pause(core, call, attempt, outcome) {
  const error = toSinchError(outcome.error);
  const delayMs = outcome.retryMs;
  if (delayMs === undefined || !retryAllowed(call.onRetry, attempt + 1, delayMs, error)) throw error;
  try {
    await sleep(delayMs, call.signal);
  } catch {
    unwrap(__settle(core, -1, ABORTED, 0, "", 0, attempt, 0));
  }
}

/** Asks the caller's `onRetry` hook; an explicit `false` or a throw vetoes. */
function retryAllowed(hook, attempt, delayMs, error) {
  if (!hook) return true;
  try {
    return hook({ attempt, delayMs, error }) !== false;
  } catch {
    return false;
  }
}
