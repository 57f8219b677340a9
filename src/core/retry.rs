//! When to send a request again, and after how long. Pure: the caller supplies
//! the randomness, so the policy is tested deterministically.

use crate::core::error::{join, Error, ErrorCode};
use crate::core::json::decimal;

/// Retry settings (JS: client options `retries`, `maxRetryAfterMs`, `retryMessagesOnNetworkError`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// First backoff step; doubles every retry.
    pub base_delay_ms: u64,
    /// Cap of one backoff step.
    pub max_delay_ms: u64,
    /// Longest `Retry-After` honoured; a longer one fails the call with `rate_limited`.
    pub max_retry_after_ms: u64,
    /// Repeat a message send after a network error or timeout, at the risk of a duplicate.
    pub retry_unsafe: bool,
}

/// Default retries after the first attempt.
pub const DEFAULT_RETRIES: u32 = 2;
/// Most retries a caller may ask for.
pub const MAX_RETRIES: u32 = 10;
/// Sinch's rate-limit window: 20 requests per second per bot.
pub const RATE_WINDOW_MS: u64 = 1_000;
/// Default cap on a honoured `Retry-After` (30 s).
pub const DEFAULT_MAX_RETRY_AFTER_MS: u64 = 30_000;

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: DEFAULT_RETRIES,
            base_delay_ms: 250,
            max_delay_ms: 8_000,
            max_retry_after_ms: DEFAULT_MAX_RETRY_AFTER_MS,
            retry_unsafe: false,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Wait this long, then send again.
    Retry {
        /// Milliseconds to wait.
        delay_ms: u64,
        /// The error of the failed attempt, for the caller's `onRetry` hook.
        error: Error,
    },
    /// Stop and report this error.
    Fail(Error),
}

impl RetryPolicy {
    /// Decides after failed attempt number `attempt` (0 = the first) of a request.
    /// `jitter` is a random number in `[0, 1)`.
    pub fn decide(&self, attempt: u32, err: Error, idempotent: bool, jitter: f64) -> Decision {
        if attempt >= self.max_retries || !self.may_repeat(&err, idempotent) {
            return Decision::Fail(err);
        }
        if let Some(wait) = err.retry_after_ms {
            if wait > self.max_retry_after_ms {
                return Decision::Fail(too_long_to_wait(err, wait, self.max_retry_after_ms));
            }
        }
        let step = self
            .base_delay_ms
            .saturating_mul(1 << attempt.min(20))
            .min(self.max_delay_ms);
        // Equal jitter: half the step for sure, the other half at random.
        let backoff = step / 2 + (step as f64 / 2.0 * jitter.clamp(0.0, 1.0)) as u64;
        // Sinch limits a bot per second: without a Retry-After, a rate-limited
        // request waits out that window rather than failing again inside it.
        let floor = match (err.retry_after_ms, err.code) {
            (Some(wait), _) => wait,
            (None, ErrorCode::RateLimited) => RATE_WINDOW_MS,
            (None, _) => 0,
        };
        Decision::Retry {
            delay_ms: backoff.max(floor),
            error: err,
        }
    }

    /// 429, 503 and the rate-limit 500 mean Sinch did not act on the request: always
    /// safe. A network error or timeout may hide a request that did arrive: safe only
    /// when repeating it is harmless, or when the caller accepts duplicates.
    fn may_repeat(&self, err: &Error, idempotent: bool) -> bool {
        match err.code {
            ErrorCode::RateLimited => true,
            ErrorCode::ServerError => err.status == Some(503),
            ErrorCode::Network | ErrorCode::Timeout => idempotent || self.retry_unsafe,
            _ => false,
        }
    }
}

fn too_long_to_wait(mut err: Error, wait: u64, limit: u64) -> Error {
    err.code = ErrorCode::RateLimited;
    err.message = join(&[
        &err.message,
        " — Sinch asked to wait ",
        &decimal(wait),
        " ms before retrying, more than maxRetryAfterMs (",
        &decimal(limit),
        " ms)",
    ]);
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(code: ErrorCode, status: Option<u16>, retry_after_ms: Option<u64>) -> Error {
        let mut err = Error::new(code, "x");
        err.status = status;
        err.retry_after_ms = retry_after_ms;
        err
    }

    fn retries(policy: &RetryPolicy, e: Error, idempotent: bool) -> bool {
        matches!(policy.decide(0, e, idempotent, 0.5), Decision::Retry { .. })
    }

    #[test]
    fn what_is_retried() {
        let p = RetryPolicy::default();
        for idempotent in [false, true] {
            assert!(retries(
                &p,
                err(ErrorCode::RateLimited, Some(429), None),
                idempotent
            ));
            assert!(retries(
                &p,
                err(ErrorCode::RateLimited, Some(500), None),
                idempotent
            ));
            assert!(retries(
                &p,
                err(ErrorCode::ServerError, Some(503), None),
                idempotent
            ));
            assert!(!retries(
                &p,
                err(ErrorCode::ServerError, Some(500), None),
                idempotent
            ));
            assert!(!retries(
                &p,
                err(ErrorCode::BadRequest, Some(400), None),
                idempotent
            ));
            assert!(!retries(
                &p,
                err(ErrorCode::Unauthorized, Some(401), None),
                idempotent
            ));
            assert!(!retries(
                &p,
                err(ErrorCode::Aborted, None, None),
                idempotent
            ));
            assert!(!retries(
                &p,
                err(ErrorCode::InvalidResponse, Some(201), None),
                idempotent
            ));
            // A redirect or an oversized answer: the server answered; never again.
            let opted_in = RetryPolicy {
                retry_unsafe: true,
                ..p
            };
            assert!(!retries(
                &opted_in,
                err(ErrorCode::UnexpectedRedirect, Some(307), None),
                idempotent
            ));
            assert!(!retries(
                &opted_in,
                err(ErrorCode::InvalidResponse, Some(503), None),
                idempotent
            ));
        }
        // A send that may have arrived is not repeated unless the caller opts in.
        assert!(!retries(&p, err(ErrorCode::Network, None, None), false));
        assert!(!retries(&p, err(ErrorCode::Timeout, None, None), false));
        assert!(retries(&p, err(ErrorCode::Network, None, None), true));
        let opted_in = RetryPolicy {
            retry_unsafe: true,
            ..p
        };
        assert!(retries(
            &opted_in,
            err(ErrorCode::Timeout, None, None),
            false
        ));
    }

    #[test]
    fn backoff_doubles_with_jitter_and_stops() {
        let p = RetryPolicy {
            max_retries: 3,
            ..RetryPolicy::default()
        };
        let delay = |attempt, jitter| match p.decide(
            attempt,
            err(ErrorCode::ServerError, Some(503), None),
            true,
            jitter,
        ) {
            Decision::Retry { delay_ms, .. } => Some(delay_ms),
            Decision::Fail(_) => None,
        };
        assert_eq!((delay(0, 0.0), delay(0, 0.999_9)), (Some(125), Some(249)));
        assert_eq!((delay(1, 0.0), delay(2, 0.0)), (Some(250), Some(500)));
        assert_eq!(delay(3, 0.0), None);
        let capped = RetryPolicy {
            max_retries: 10,
            ..RetryPolicy::default()
        };
        let d = capped.decide(9, err(ErrorCode::ServerError, Some(503), None), true, 1.0);
        assert!(matches!(
            d,
            Decision::Retry {
                delay_ms: 8_000,
                ..
            }
        ));
    }

    #[test]
    fn rate_limits_without_retry_after_wait_out_the_window() {
        let p = RetryPolicy::default();
        for (e, least) in [
            (err(ErrorCode::RateLimited, Some(500), None), RATE_WINDOW_MS),
            (err(ErrorCode::RateLimited, Some(429), Some(0)), 0),
            (err(ErrorCode::ServerError, Some(503), None), 0),
        ] {
            match p.decide(0, e, false, 0.0) {
                Decision::Retry { delay_ms, .. } => {
                    assert!(delay_ms >= least && delay_ms < least + 250)
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        let p = RetryPolicy::default();
        let d = p.decide(
            0,
            err(ErrorCode::RateLimited, Some(429), Some(3_000)),
            false,
            0.0,
        );
        assert!(matches!(
            d,
            Decision::Retry {
                delay_ms: 3_000,
                ..
            }
        ));
        match p.decide(
            0,
            err(ErrorCode::ServerError, Some(503), Some(60_000)),
            false,
            0.0,
        ) {
            Decision::Fail(e) => {
                assert_eq!(
                    (e.code, e.retry_after_ms),
                    (ErrorCode::RateLimited, Some(60_000))
                );
                assert!(e.message.contains("60000 ms"), "{}", e.message);
            }
            other => panic!("{other:?}"),
        }
    }
}
