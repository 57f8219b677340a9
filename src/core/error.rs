//! The one error type of the crate, with stable machine-readable codes.

use crate::core::json::Write as _;
use crate::prelude::*;
use core::fmt;

/// Stable error codes; [`ErrorCode::as_str`] gives the string JS callers see as `err.code`.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// A value given by the caller breaks a documented rule; no request was sent.
    InvalidArgument,
    /// Sinch answered 400.
    BadRequest,
    /// Sinch answered 401: wrong token, or a bot that lives in another region.
    Unauthorized,
    /// Sinch answered 404.
    NotFound,
    /// Sinch answered 429, or its documented rate-limit 500.
    RateLimited,
    /// Sinch answered another 5xx.
    ServerError,
    /// Sinch answered a status this client does not expect.
    UnexpectedStatus,
    /// The request did not finish within the configured timeout.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The request failed before an answer arrived (DNS, connection, CORS, …), or the
    /// answer broke off.
    Network,
    /// The answer could not be understood (not JSON, not the documented shape, or
    /// longer than `maxResponseBytes`).
    InvalidResponse,
    /// Sinch answered with a redirect (3xx), which it never does; it was not followed.
    UnexpectedRedirect,
    /// A callback (webhook) body is not a Sinch WhatsApp callback: not UTF-8, not
    /// JSON, or not the documented shape.
    InvalidCallback,
    /// A callback's signature headers are missing or malformed, name an unsupported
    /// algorithm, or do not match the body, nonce and key.
    SignatureInvalid,
    /// A method with no equivalent in the API the client speaks (`api:
    /// "conversation"`); the message names what to use instead. Nothing was sent.
    Unsupported,
}

impl ErrorCode {
    /// The stable string form, e.g. `"invalid_argument"`. A build without the client
    /// (`./callbacks`) makes only the callbacks' three codes (`tests::callbacks_make_three_codes`),
    /// so it names only those: the other names are not linked there.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "invalid_argument",
            Self::InvalidCallback => "invalid_callback",
            Self::SignatureInvalid => "signature_invalid",
            #[cfg(feature = "client")]
            Self::BadRequest => "bad_request",
            #[cfg(feature = "client")]
            Self::Unauthorized => "unauthorized",
            #[cfg(feature = "client")]
            Self::NotFound => "not_found",
            #[cfg(feature = "client")]
            Self::RateLimited => "rate_limited",
            #[cfg(feature = "client")]
            Self::ServerError => "server_error",
            #[cfg(feature = "client")]
            Self::UnexpectedStatus => "unexpected_status",
            #[cfg(feature = "client")]
            Self::Timeout => "timeout",
            #[cfg(feature = "client")]
            Self::Aborted => "aborted",
            #[cfg(feature = "client")]
            Self::Network => "network",
            #[cfg(feature = "client")]
            Self::InvalidResponse => "invalid_response",
            #[cfg(feature = "client")]
            Self::UnexpectedRedirect => "unexpected_redirect",
            #[cfg(feature = "client")]
            Self::Unsupported => "unsupported",
            #[cfg(not(feature = "client"))]
            _ => "",
        }
    }
}

/// An error with a stable code, a message naming the field and rule, and, for
/// errors that came from Sinch, the HTTP status and upstream details: its
/// [`ErrorFields`], read and set through `Deref` (`err.code`, `err.status = …`).
///
/// One pointer wide, so that every `Result` and `?` moves 4 bytes, not 64.
/// Never holds a secret: the token is not passed to anything that builds an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorFields>);

/// What an [`Error`] says.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorFields {
    /// Machine-readable kind.
    pub code: ErrorCode,
    /// Human-readable text.
    pub message: String,
    /// Path of the offending input field, for [`ErrorCode::InvalidArgument`].
    pub field: Option<String>,
    /// HTTP status, when Sinch answered.
    pub status: Option<u16>,
    /// Upstream `details` (or `reason`) text, when Sinch gave one; the `Location` of a redirect.
    pub details: Option<String>,
    /// Whether sending the same request again may succeed.
    pub retryable: bool,
    /// How long Sinch asked to wait before retrying, in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl Error {
    /// An error of `code` with `message` and nothing else set.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::with(code, message.into())
    }

    /// [`Error::new`], once for every kind of message.
    fn with(code: ErrorCode, message: String) -> Self {
        Self(Box::new(ErrorFields {
            code,
            message,
            field: None,
            status: None,
            details: None,
            retryable: false,
            retry_after_ms: None,
        }))
    }

    /// The fields, owned.
    pub fn into_fields(self) -> ErrorFields {
        *self.0
    }

    /// A caller error: `field` breaks `rule` (e.g. `"to[0]"`, `"must be an MSISDN"`).
    pub fn invalid(field: &str, rule: &str) -> Self {
        let mut err = Self::with(ErrorCode::InvalidArgument, join(&[field, ": ", rule]));
        err.field = Some(field.to_owned());
        err
    }
}

/// The parts one after another: a plain loop, where `concat` and `join` bring alloc's
/// generic joining code (≈360 B of gzip in `./callbacks`, which needs nothing else of it).
pub(crate) fn join(parts: &[&str]) -> String {
    let mut text = String::new();
    for part in parts {
        text.push_str(part);
    }
    text
}

impl core::ops::Deref for Error {
    type Target = ErrorFields;
    fn deref(&self) -> &ErrorFields {
        &self.0
    }
}

impl core::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorFields {
        &mut self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl core::error::Error for Error {}

/// Result with the crate's [`Error`].
pub type Result<T> = core::result::Result<T, Error>;

/// What crosses back to JS from every sync call: `{"ok":<result JSON>}` or
/// `{"error":{code, message, field?, status?, details?, retryable, retryAfterMs?}}`,
/// which `js/package/errors.js` turns into the value or a thrown `SinchError`.
pub fn envelope(result: Result<String>) -> String {
    match result {
        // In the client, a result is wrapped in place (its text, a `Writer`'s, has room to
        // spare): no second buffer and no copy on every send. Elsewhere the writer does
        // it: `insert_str` would be new code in `./callbacks` (+62 B).
        #[cfg(feature = "client")]
        Ok(mut json) => {
            json.insert_str(0, r#"{"ok":"#);
            json.push('}');
            json
        }
        result => {
            let mut out = crate::core::json::Writer::new();
            out.open_object();
            match result {
                Ok(json) => {
                    out.key("ok");
                    out.raw(&json);
                }
                Err(err) => {
                    out.key("error");
                    err.write(&mut out);
                }
            }
            out.close_object();
            out.finish()
        }
    }
}

impl crate::core::json::Write for Error {
    fn write(&self, out: &mut crate::core::json::Writer) {
        out.open_object();
        out.field("code", self.code.as_str());
        out.field("message", &self.message);
        out.field_opt("field", &self.field);
        // Only the client sets these; without it `retryable` is always `false`, which
        // `errors.js` reads as absent (`tests::callbacks_make_three_codes`).
        #[cfg(feature = "client")]
        self.write_answer(out);
        out.close_object();
    }
}

impl Error {
    /// What Sinch's answer adds to the envelope's error.
    #[cfg(feature = "client")]
    fn write_answer(&self, out: &mut crate::core::json::Writer) {
        // Not `field_opt`: a function per type of value in the wasm.
        if let Some(status) = self.status {
            out.field("status", &u32::from(status));
        }
        out.field_opt("details", &self.details);
        out.field("retryable", &self.retryable);
        if let Some(ms) = &self.retry_after_ms {
            out.field("retryAfterMs", ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_carry_a_result_or_every_field_of_an_error() {
        assert_eq!(envelope(Ok("[1]".into())), r#"{"ok":[1]}"#);
        let mut err = Error::invalid("to[0]", "must be \"x\"");
        err.status = Some(400);
        err.retry_after_ms = Some(1500);
        assert_eq!(
            envelope(Err(err)),
            r#"{"error":{"code":"invalid_argument","message":"to[0]: must be \"x\"","field":"to[0]","status":400,"retryable":false,"retryAfterMs":1500}}"#
        );
    }

    /// What a build without the client (`./callbacks`) names and writes holds for every
    /// error it can make: the sources it links (the callbacks, the JSON reader and writer,
    /// their export) make no code but its three and set none of the client's fields.
    #[test]
    fn callbacks_make_three_codes() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut dirs = vec![
            format!("{root}/src/core/callback"),
            format!("{root}/src/core/json"),
        ];
        let mut files = vec![format!("{root}/src/web/callbacks.rs")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.to_str().unwrap().to_owned();
                if path.is_dir() {
                    dirs.push(name);
                } else if name.ends_with(".rs") {
                    files.push(name);
                }
            }
        }
        assert!(files.len() > 20, "{files:?}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (at, _) in text.match_indices("ErrorCode::") {
                let code: String = text[at + 11..]
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                let known = ["InvalidArgument", "InvalidCallback", "SignatureInvalid"];
                assert!(known.contains(&code.as_str()), "{file}: ErrorCode::{code}");
            }
            for set in [
                ".status =",
                ".details =",
                ".retryable =",
                ".retry_after_ms =",
                "ErrorFields {",
            ] {
                assert!(!text.contains(set), "{file}: {set}");
            }
        }
    }
}
