//! What one attempt of a call came to, as the JS face's fetch loop asks it: the
//! errors of the facts only JS sees (a redirect, an oversized body, a timeout, a
//! broken connection, the caller's abort), and the envelope that carries the
//! result, or the error together with the retry decision
//! ([`crate::core::retry::RetryPolicy::decide`]).

use crate::core::config::{redact_all, Config};
use crate::core::error::join;
use crate::core::error::{envelope, Error, ErrorCode, Result};
use crate::core::json::{decimal, Write as _, Writer};
use crate::core::response::{too_large, unexpected_redirect};
use crate::core::retry::{Attempt, Decision};
use crate::prelude::*;

/// Why an attempt gave no answer that [`crate::core::ops::answer`] can read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Failure<'a> {
    /// A 3xx, or a browser's opaque redirect (`status` unknown); `location` as sent.
    Redirect {
        /// The status, when the runtime shows it.
        status: Option<u16>,
        /// The `Location` header, if any (the token is redacted from it).
        location: Option<&'a str>,
    },
    /// The body passed `maxResponseBytes`; the rest was not read.
    TooLarge {
        /// The answer's status.
        status: u16,
    },
    /// No complete answer within the attempt's deadline of `ms`.
    Timeout {
        /// The deadline the attempt had.
        ms: u32,
    },
    /// The request failed before an answer, or the answer (of `status`) broke off.
    Network {
        /// The answer's status, when it had begun.
        status: Option<u16>,
        /// The runtime's reason (its error's message).
        reason: &'a str,
    },
    /// The caller's `AbortSignal` fired.
    Aborted,
}

impl Failure<'_> {
    /// The typed error of this failure for a client of `config`; its token is
    /// redacted from what the server sent.
    pub fn error(self, config: &Config) -> Error {
        match self {
            Self::Redirect { status, location } => {
                let location = location.map(|text| redact_all(text, &config.secrets()));
                unexpected_redirect(status, location.as_deref())
            }
            Self::TooLarge { status } => too_large(status, config.max_response_bytes),
            Self::Timeout { ms } => Error::new(
                ErrorCode::Timeout,
                join(&["no complete answer within ", &decimal(ms.into()), " ms"]),
            ),
            Self::Network { status, reason } => {
                let message = match status {
                    Some(status) => join(&[
                        "Sinch's answer (HTTP ",
                        &decimal(status.into()),
                        ") broke off: ",
                        reason,
                    ]),
                    // A connection may fail after the request went out: it may
                    // have arrived (a browser's CORS refusal reads the same).
                    None => join(&[
                        "no answer from Sinch (the request may have arrived): ",
                        reason,
                    ]),
                };
                let mut err = Error::new(ErrorCode::Network, message);
                err.status = status;
                err
            }
            Self::Aborted => Error::new(ErrorCode::Aborted, "the caller aborted the request"),
        }
    }
}

/// The envelope of an attempt's outcome: `{"ok":…}` for a result; for an error
/// that may be retried `{"error":{…},"retryMs":n}`, else the final
/// `{"error":{…}}` (possibly reworded by the decision, e.g. a `Retry-After`
/// beyond `maxRetryAfterMs`), its `retryable` the decision's.
pub fn settle(config: &Config, outcome: Result<String>, attempt: Attempt) -> String {
    let err = match outcome {
        Ok(result) => return envelope(Ok(result)),
        Err(err) => err,
    };
    let every_5xx = !matches!(config.api, crate::core::config::Api::WhatsApp(_));
    match config.retry.decide(attempt, err, every_5xx) {
        Decision::Fail(err) => envelope(Err(err)),
        Decision::Retry { delay_ms, error } => {
            let mut out = Writer::new();
            out.open_object();
            out.key("error");
            error.write(&mut out);
            out.field("retryMs", &delay_ms);
            out.close_object();
            out.finish()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::retry::{Repeat, RetryPolicy};

    fn config() -> Config {
        Config {
            api: crate::core::config::Api::WhatsApp(crate::core::config::Bot {
                bot_id: "bot".into(),
                token: None,
            }),
            base_url: "https://eu1.whatsapp.api.sinch.com".into(),
            timeout_ms: 30_000,
            retry: RetryPolicy::default(),
            max_response_bytes: 1024,
        }
    }

    const FIRST: Attempt = Attempt {
        number: 0,
        repeat: Repeat::Send,
        jitter: 0.0,
    };

    #[test]
    fn failures_keep_their_codes_and_texts() {
        let c = config();
        let redirect = Failure::Redirect {
            status: Some(307),
            location: Some("https://elsewhere.example/"),
        }
        .error(&c);
        assert_eq!(
            (redirect.code, redirect.details.as_deref()),
            (
                ErrorCode::UnexpectedRedirect,
                Some("Location: https://elsewhere.example/")
            )
        );
        let big = Failure::TooLarge { status: 200 }.error(&c);
        assert!(big.message.contains("maxResponseBytes (1024 bytes)"));
        let late = Failure::Timeout { ms: 250 }.error(&c);
        assert_eq!(
            (late.code, late.message.as_str(), late.retryable),
            (
                ErrorCode::Timeout,
                "no complete answer within 250 ms",
                false
            )
        );
        let cut = Failure::Network {
            status: Some(200),
            reason: "terminated",
        }
        .error(&c);
        assert_eq!(
            cut.message,
            "Sinch's answer (HTTP 200) broke off: terminated"
        );
        assert_eq!(cut.status, Some(200));
        let down = Failure::Network {
            status: None,
            reason: "fetch failed",
        }
        .error(&c);
        assert_eq!(
            down.message,
            "no answer from Sinch (the request may have arrived): fetch failed"
        );
        assert_eq!(Failure::Aborted.error(&c).code, ErrorCode::Aborted);
    }

    #[test]
    fn a_redirect_location_never_shows_the_token() {
        let options = r#"{"botId":"b","token":"tok_live_1","region":"eu"}"#;
        let c = Config::from_json(options, crate::core::config::Host::Server).unwrap();
        let err = Failure::Redirect {
            status: None,
            location: Some("https://x.example/?t=tok_live_1"),
        }
        .error(&c);
        assert_eq!(
            (err.status, err.details.as_deref()),
            (None, Some("Location: https://x.example/?t=[redacted]"))
        );
    }

    #[test]
    fn settle_carries_the_result_the_retry_or_the_final_error() {
        let c = config();
        assert_eq!(settle(&c, Ok("[1]".into()), FIRST), r#"{"ok":[1]}"#);
        let mut busy = Error::new(ErrorCode::ServerError, "busy");
        busy.status = Some(503);
        busy.retryable = true;
        let retry = settle(&c, Err(busy.clone()), FIRST);
        assert!(retry.ends_with(r#","retryMs":125}"#), "{retry}");
        assert!(
            retry.starts_with(r#"{"error":{"code":"server_error""#),
            "{retry}"
        );
        let last = Attempt { number: 2, ..FIRST };
        assert_eq!(settle(&c, Err(busy.clone()), last), envelope(Err(busy)));
        // A send that may have arrived is not repeated; a safe request is.
        let down = Failure::Timeout { ms: 5 }.error(&c);
        assert!(!settle(&c, Err(down.clone()), FIRST).contains("retryMs"));
        let safe = Attempt {
            repeat: Repeat::Safe,
            ..FIRST
        };
        assert!(settle(&c, Err(down.clone()), safe).contains("retryMs"));
        // The final error's `retryable` is the decision's, retries left or not.
        let done = Attempt { number: 2, ..safe };
        assert!(settle(&c, Err(down.clone()), done).contains(r#""retryable":true"#));
        let send = settle(&c, Err(down), FIRST);
        assert!(send.contains(r#""retryable":false"#), "{send}");
        // Under api: "conversation", a 500 is retried for a safe request only.
        let mut broken = Error::new(ErrorCode::ServerError, "broken");
        broken.status = Some(500);
        assert!(!settle(&c, Err(broken.clone()), safe).contains("retryMs"));
        #[cfg(feature = "conversation")]
        {
            let options =
                r#"{"api":"conversation","projectId":"p","appId":"a","baseUrl":"https://x"}"#;
            let conv = Config::from_json(options, crate::core::config::Host::Server).unwrap();
            assert!(settle(&conv, Err(broken.clone()), safe).contains("retryMs"));
            let send = settle(&conv, Err(broken), FIRST);
            assert!(send.contains(r#""retryable":false"#), "{send}");
        }
    }
}
