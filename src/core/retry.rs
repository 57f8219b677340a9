//! When to send a request again, and after how long. Pure: the caller supplies
//! the randomness, so the policy is tested deterministically.

use crate::core::error::{join, Error, ErrorCode};
use crate::core::json::decimal;
use crate::core::json::read::shifted;

/// Retry settings (JS: client options `retries`, `maxRetryAfterMs`, `retryMessagesOnNetworkError`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// First backoff step; doubles every retry.
    pub base_delay_ms: u64,
    /// Cap of one backoff step.
    pub max_delay_ms: u64,
    /// Longest `Retry-After` honoured (at most [`MAX_RETRY_AFTER_MS`]); a longer one
    /// fails the call with `rate_limited`.
    pub max_retry_after_ms: u64,
    /// Repeat a message send after an answer that may mean it went out (a network
    /// error, a timeout, a Conversation API 5xx other than 503), at the risk of a duplicate.
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
/// Highest `maxRetryAfterMs`: the longest wait JS's `setTimeout` can hold (2³¹ − 1 ms).
pub const MAX_RETRY_AFTER_MS: u64 = 2_147_483_647;

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

/// How safe a request is to send again after a failure that may mean Sinch acted
/// on it. Each operation's row says (`core::ops::repeat`; JS names the row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// A message send: repeated only with `retryMessagesOnNetworkError`.
    Send,
    /// Harmless to repeat: a read, an update or delete, a capability query, the
    /// token request.
    Safe,
    /// A create (a stickerpack, a sticker): never repeated, even opted in (the
    /// option promises a message send, not a second pack).
    Never,
}

/// Which attempt this was, as the retry decision needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    /// 0 for the first attempt.
    pub number: u32,
    /// How safe the request is to repeat.
    pub repeat: Repeat,
    /// A random number in [0, 1) for the backoff's jitter.
    pub jitter: f64,
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
    /// Decides after a failed `attempt` of a request; `every_5xx` under `api:
    /// "conversation"` (brief §5.2: every 5xx is worth a retry). Either way the
    /// error's `retryable` says whether this policy repeats the request on this
    /// failure, retries left or not (a `Retry-After` beyond `maxRetryAfterMs`
    /// stays retryable: after `retryAfterMs`).
    pub fn decide(&self, attempt: Attempt, mut err: Error, every_5xx: bool) -> Decision {
        err.retryable = self.may_repeat(&err, attempt.repeat, every_5xx);
        if attempt.number >= self.max_retries || !err.retryable {
            return Decision::Fail(err);
        }
        if let Some(wait) = err.retry_after_ms {
            if wait > self.max_retry_after_ms {
                return Decision::Fail(too_long_to_wait(err, wait, self.max_retry_after_ms));
            }
        }
        let step = shifted(self.base_delay_ms, 1 << attempt.number.min(20), 0)
            .unwrap_or(u64::MAX)
            .min(self.max_delay_ms);
        // Equal jitter: half the step for sure, the other half at random.
        let backoff = step / 2 + (step as f64 / 2.0 * attempt.jitter.clamp(0.0, 1.0)) as u64;
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

    /// The rule, once: a 429, Sinch's rate-limit 500 and a 503 mean Sinch did not
    /// act on the request: always repeated. A network error, a timeout and (under
    /// `every_5xx`) another 5xx may hide a request that did arrive: repeated when
    /// that is harmless, a send only when the caller accepts duplicates, a create
    /// never. Nothing else is repeated (a redirect, an oversized answer, a 4xx).
    fn may_repeat(&self, err: &Error, repeat: Repeat, every_5xx: bool) -> bool {
        let ambiguous = match err.code {
            ErrorCode::RateLimited => return true,
            ErrorCode::ServerError if err.status == Some(503) => return true,
            ErrorCode::ServerError => every_5xx,
            ErrorCode::Network | ErrorCode::Timeout => true,
            _ => false,
        };
        ambiguous
            && match repeat {
                Repeat::Safe => true,
                Repeat::Send => self.retry_unsafe,
                Repeat::Never => false,
            }
    }
}

fn too_long_to_wait(mut err: Error, wait: u64, limit: u64) -> Error {
    err.code = ErrorCode::RateLimited;
    err.message = join(&[
        &err.message,
        " — Sinch asked to wait ",
        &decimal(wait),
        " ms, over maxRetryAfterMs (",
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

    fn first(repeat: Repeat) -> Attempt {
        Attempt {
            number: 0,
            repeat,
            jitter: 0.5,
        }
    }

    /// Whether `policy` retries `e` of a `repeat` request; its `retryable` says the same,
    /// on the first attempt and on the last.
    fn retries(policy: &RetryPolicy, e: Error, repeat: Repeat, every_5xx: bool) -> bool {
        let retried = match policy.decide(first(repeat), e.clone(), every_5xx) {
            Decision::Retry { error, .. } => error.retryable,
            Decision::Fail(error) => {
                assert!(!error.retryable, "{error:?}");
                false
            }
        };
        let last = Attempt {
            number: policy.max_retries,
            ..first(repeat)
        };
        match policy.decide(last, e, every_5xx) {
            Decision::Fail(error) => assert_eq!(error.retryable, retried),
            other => panic!("{other:?}"),
        }
        retried
    }

    #[test]
    fn what_is_retried() {
        use ErrorCode::*;
        let p = RetryPolicy::default();
        let opted_in = RetryPolicy {
            retry_unsafe: true,
            ..p
        };
        let [safe, send, create] = [Repeat::Safe, Repeat::Send, Repeat::Never];
        // (error, both APIs' answer for safe, send, create; then opted in; then
        // under every_5xx: safe, send, create, then opted in.)
        let table = [
            (err(RateLimited, Some(429), None), "yyy yyy yyy yyy"),
            (err(RateLimited, Some(500), None), "yyy yyy yyy yyy"),
            (err(ServerError, Some(503), None), "yyy yyy yyy yyy"),
            (err(ServerError, Some(500), None), "nnn nnn ynn yyn"),
            (err(ServerError, Some(502), None), "nnn nnn ynn yyn"),
            (err(ServerError, Some(504), None), "nnn nnn ynn yyn"),
            (err(Network, None, None), "ynn yyn ynn yyn"),
            (err(Network, Some(200), None), "ynn yyn ynn yyn"),
            (err(Timeout, None, None), "ynn yyn ynn yyn"),
            (err(BadRequest, Some(400), None), "nnn nnn nnn nnn"),
            (err(Unauthorized, Some(401), None), "nnn nnn nnn nnn"),
            (err(Aborted, None, None), "nnn nnn nnn nnn"),
            // A redirect or an oversized answer: the server answered; never again.
            (err(UnexpectedRedirect, Some(307), None), "nnn nnn nnn nnn"),
            (err(InvalidResponse, Some(503), None), "nnn nnn nnn nnn"),
            (err(InvalidResponse, Some(201), None), "nnn nnn nnn nnn"),
        ];
        for (e, want) in table {
            let mut got = String::new();
            for every_5xx in [false, true] {
                for policy in [&p, &opted_in] {
                    for repeat in [safe, send, create] {
                        let yes = retries(policy, e.clone(), repeat, every_5xx);
                        got.push(if yes { 'y' } else { 'n' });
                    }
                    got.push(' ');
                }
            }
            assert_eq!(got.trim_end(), want, "{e:?}");
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_and_stops() {
        let p = RetryPolicy {
            max_retries: 3,
            ..RetryPolicy::default()
        };
        let delay = |number, jitter| {
            let attempt = Attempt {
                number,
                repeat: Repeat::Safe,
                jitter,
            };
            match p.decide(attempt, err(ErrorCode::ServerError, Some(503), None), false) {
                Decision::Retry { delay_ms, .. } => Some(delay_ms),
                Decision::Fail(_) => None,
            }
        };
        assert_eq!((delay(0, 0.0), delay(0, 0.999_9)), (Some(125), Some(249)));
        assert_eq!((delay(1, 0.0), delay(2, 0.0)), (Some(250), Some(500)));
        assert_eq!(delay(3, 0.0), None);
        let capped = RetryPolicy {
            max_retries: 10,
            ..RetryPolicy::default()
        };
        let ninth = Attempt {
            number: 9,
            repeat: Repeat::Safe,
            jitter: 1.0,
        };
        let d = capped.decide(ninth, err(ErrorCode::ServerError, Some(503), None), false);
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
        let at_once = Attempt {
            jitter: 0.0,
            ..first(Repeat::Send)
        };
        for (e, least) in [
            (err(ErrorCode::RateLimited, Some(500), None), RATE_WINDOW_MS),
            (err(ErrorCode::RateLimited, Some(429), Some(0)), 0),
            (err(ErrorCode::ServerError, Some(503), None), 0),
        ] {
            match p.decide(at_once, e, false) {
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
        let at_once = Attempt {
            jitter: 0.0,
            ..first(Repeat::Send)
        };
        let d = p.decide(
            at_once,
            err(ErrorCode::RateLimited, Some(429), Some(3_000)),
            false,
        );
        assert!(matches!(
            d,
            Decision::Retry {
                delay_ms: 3_000,
                ..
            }
        ));
        match p.decide(
            at_once,
            err(ErrorCode::ServerError, Some(503), Some(60_000)),
            false,
        ) {
            Decision::Fail(e) => {
                assert_eq!(
                    (e.code, e.retry_after_ms, e.retryable),
                    (ErrorCode::RateLimited, Some(60_000), true)
                );
                assert!(e.message.contains("60000 ms"), "{}", e.message);
            }
            other => panic!("{other:?}"),
        }
        // The longest wait allowed is one setTimeout can hold.
        let patient = RetryPolicy {
            max_retry_after_ms: MAX_RETRY_AFTER_MS,
            ..p
        };
        let wait = Some(MAX_RETRY_AFTER_MS);
        let d = patient.decide(at_once, err(ErrorCode::RateLimited, Some(429), wait), false);
        assert!(
            matches!(d, Decision::Retry { delay_ms, .. } if delay_ms == MAX_RETRY_AFTER_MS),
            "{d:?}"
        );
    }
}
