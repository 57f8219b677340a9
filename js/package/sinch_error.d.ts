/** Stable error codes; see the README's error table. */
export type SinchErrorCode =
  | "invalid_argument"
  | "bad_request"
  | "unauthorized"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "unexpected_status"
  | "timeout"
  | "aborted"
  | "network"
  | "invalid_response"
  | "unexpected_redirect"
  | "invalid_callback"
  | "signature_invalid"
  | "unsupported";

/** What every failed call throws (or rejects with). Never carries the token. */
export declare class SinchError extends Error {
  /**
   * An error as the package makes them (a test's stand-in for a failed call, say):
   * `retryable` is `false` unless `fields` says otherwise.
   */
  constructor(
    code: SinchErrorCode,
    message: string,
    fields?: { status?: number; field?: string; details?: string; retryable?: boolean; retryAfterMs?: number },
  );
  readonly name: "SinchError";
  /** Machine-readable kind. */
  readonly code: SinchErrorCode;
  /** HTTP status, when Sinch answered. */
  readonly status?: number;
  /** Path of the offending input field, for `invalid_argument`. */
  readonly field?: string;
  /** Upstream `details` text, when Sinch gave one; `Location: …` for an `unexpected_redirect`. */
  readonly details?: string;
  /**
   * Whether this client's retry policy repeats this request after this failure (retries
   * left or not): a 429, Sinch's rate-limit 500 or a 503 always; a network error, a
   * timeout or (`api: "conversation"`) another 5xx only for a request safe to repeat, or
   * for a message send with `retryMessagesOnNetworkError` (a create never). So a send
   * that may have gone out is `false`: sending it again may deliver it twice.
   */
  readonly retryable: boolean;
  /** How long Sinch asked to wait before retrying, in ms. */
  readonly retryAfterMs?: number;
  toJSON(): Record<string, unknown>;
}
