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
  readonly name: "SinchError";
  /** Machine-readable kind. */
  readonly code: SinchErrorCode;
  /** HTTP status, when Sinch answered. */
  readonly status?: number;
  /** Path of the offending input field, for `invalid_argument`. */
  readonly field?: string;
  /** Upstream `details` text, when Sinch gave one; `Location: …` for an `unexpected_redirect`. */
  readonly details?: string;
  /** Whether the same request may succeed if sent again. */
  readonly retryable: boolean;
  /** How long Sinch asked to wait before retrying, in ms. */
  readonly retryAfterMs?: number;
  toJSON(): Record<string, unknown>;
}
