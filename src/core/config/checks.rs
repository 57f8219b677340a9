//! The rules the options of both APIs share: secrets in a browser page, the base
//! URL (a region's or `baseUrl`), ids that go into paths, header-safe secrets and
//! URL options. Each error names the option, never its value.

use super::{timeout_ms, ClientOptions, RETRIES_RULE, RETRY_AFTER_RULE, TIMEOUT_RULE};
use crate::core::error::{Error, Result};
use crate::core::json::trim;
use crate::core::retry::{MAX_RETRIES, MAX_RETRY_AFTER_MS};
use crate::core::rules::check_segment;
use crate::core::whatwg::{self, cut};
use crate::prelude::*;

/// Longest bot, project or app id accepted; Sinch's are far shorter.
const MAX_ID_LEN: usize = 200;

/// The refusal of secret option `name` in a browser page: the loud opt-in, or a
/// relay holding it instead.
pub(super) fn in_browser_page(name: &str) -> Error {
    Error::invalid(
        name,
        "must not be used in a browser page (any script can read it): \
         give a relay's baseUrl instead, or dangerouslyAllowBrowser: true",
    )
}

/// The base URL: the region's (`region`, when one was given) or the checked
/// `baseUrl`, exactly one of them; `neither` is the rule when both are missing.
pub(super) fn base_url(
    options: &ClientOptions,
    region: Option<&str>,
    neither: &str,
) -> Result<String> {
    match (region, &options.base_url) {
        (Some(_), Some(_)) => Err(Error::invalid(
            "region",
            "give either region or baseUrl, not both",
        )),
        (Some(url), None) => Ok(url.to_owned()),
        (None, Some(url)) => {
            check_url("baseUrl", url, options.allow_insecure_http.unwrap_or(false))
        }
        (None, None) => Err(Error::invalid("region", neither)),
    }
}

/// A bot id, project id or app id (option `name`): trimmed, 1–200 characters, no
/// control characters, one path segment ([`check_segment`]).
pub(super) fn check_name<'a>(name: &str, id: &'a str) -> Result<&'a str> {
    // Visible ASCII, as ids are, has nothing to trim and no control character: the
    // Unicode trim and scan (more code for a client's first build to compile) are
    // for other text only.
    let visible = crate::core::rules::visible(id.as_bytes());
    let trimmed = if visible { id } else { trim(id) };
    if trimmed.is_empty() {
        return Err(Error::invalid(name, "must not be empty"));
    }
    if crate::core::rules::count_chars(trimmed) > MAX_ID_LEN {
        return Err(Error::invalid(name, "must be at most 200 characters"));
    }
    if !visible && crate::core::rules::controlled(trimmed) {
        return Err(Error::invalid(name, "must not contain control characters"));
    }
    check_segment(name, trimmed)?;
    Ok(trimmed)
}

/// A token or key (option `name`) must be a legal HTTP header value: visible ASCII,
/// no spaces, no CR/LF. The message never repeats it.
pub(super) fn check_token(name: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(name, "must not be empty"));
    }
    if !crate::core::rules::visible(value.as_bytes()) {
        return Err(Error::invalid(name, "must be visible ASCII without spaces"));
    }
    Ok(())
}

/// URL option `name` (`baseUrl`, `authUrl`): accepts `https://…`, or `http://…` on
/// loopback as `fetch` reads the host (or anywhere when explicitly allowed).
pub(super) fn check_url(name: &str, url: &str, allow_insecure_http: bool) -> Result<String> {
    let mut url = trim(url);
    while let Some(shorter) = url.strip_suffix("/") {
        url = shorter;
    }
    // The first `://`, found without `str`'s two-way searcher (see `redact_all`).
    let (scheme, rest) = url
        .as_bytes()
        .windows(3)
        .position(|three| three == b"://")
        .and_then(|at| Some((url.get(..at)?, url.get(at + 3..)?)))
        .ok_or_else(|| Error::invalid(name, "must be an absolute http(s) URL"))?;
    let authority = whatwg::authority(rest);
    if !whatwg::has_host(authority) || cut(authority, b"@").is_some() || cut(url, b"?#\\").is_some()
    {
        return Err(Error::invalid(
            name,
            "must be scheme://host[:port][/path] without credentials, query, fragment or backslash",
        ));
    }
    if crate::core::rules::spaced(url) {
        return Err(Error::invalid(
            name,
            "must not contain spaces or control characters",
        ));
    }
    if scheme.eq_ignore_ascii_case("https") {
        return Ok(url.to_owned());
    }
    if !scheme.eq_ignore_ascii_case("http") {
        return Err(Error::invalid(name, "must use https (or http on loopback)"));
    }
    if !allow_insecure_http && !whatwg::is_loopback(authority) {
        return Err(Error::invalid(
            name,
            "must use https (or http on loopback, or allowInsecureHttp: true)",
        ));
    }
    Ok(url.to_owned())
}

/// A Rust caller's `timeoutMs`, `retries` and `maxRetryAfterMs`, each in its range.
pub(super) fn ranges(options: &ClientOptions) -> Result<()> {
    if let Some(ms) = options.timeout_ms {
        timeout_ms(f64::from(ms)).ok_or_else(|| Error::invalid("timeoutMs", TIMEOUT_RULE))?;
    }
    if options.retries.is_some_and(|retries| retries > MAX_RETRIES) {
        return Err(Error::invalid("retries", RETRIES_RULE));
    }
    if options
        .max_retry_after_ms
        .is_some_and(|max| max > MAX_RETRY_AFTER_MS)
    {
        return Err(Error::invalid("maxRetryAfterMs", RETRY_AFTER_RULE));
    }
    Ok(())
}
