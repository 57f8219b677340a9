//! OAuth2 client credentials (brief §1.2): the token request and what its answer
//! means. The JS face caches the header, renews it on a 401 saying it expired,
//! and shares one refresh among concurrent calls; the token itself stays here too
//! ([`Project::access_token`]), so that no error can show it.

use crate::core::config::required;
use crate::core::config::Project;
use crate::core::error::Result;
use crate::core::json::read::shifted;
use crate::core::json::{self, Object, Path, Writer};
use crate::core::response::invalid_response;
use crate::prelude::*;

/// The token request's form body.
pub const GRANT: &str = "grant_type=client_credentials";

/// How long before its expiry an access token is refreshed (brief §1.2).
const MARGIN_MS: u64 = 60_000;

/// Writes `"token": {"url", "authorization", "body"}`, the token request (a
/// form-encoded POST) of `project`, when its calls need a bearer token first (OAuth2
/// with a key; not behind a relay, nor with Basic auth).
pub fn write_token_request(out: &mut Writer, project: &Project) {
    if let Some(basic) = project.basic().filter(|_| project.needs_token()) {
        out.key("token");
        out.open_object();
        out.field("url", &project.auth_url);
        out.field("authorization", basic);
        out.field("body", GRANT);
        out.close_object();
    }
}

/// What the token URL's 2xx answer `{ access_token, token_type: "bearer", expires_in }`
/// means (its errors: [`crate::core::ops::conversation::answer`]): the token is kept in
/// `project` and JS gets `{"authorization": "Bearer …", "refreshInMs": n}` (when to
/// refresh it: 60 s before it expires, or half way through a life of 60 s or less, so
/// that such a token is still reused, not fetched again for every call).
pub fn token_answer(project: &mut Project, status: u16, body: &str) -> Result<String> {
    let value = json::parse(body).map_err(|_| invalid_response(status, "the body is not JSON"))?;
    let at = Path::root("body");
    let read = || -> Result<(&str, u64)> {
        let fields = Object::lenient(&value, &at)?;
        // Required strings, borrowed (read as the options are).
        let token = required(&fields, "access_token")?;
        if !required(&fields, "token_type")?.eq_ignore_ascii_case("bearer") {
            return Err(at.key("token_type").invalid("must be \"bearer\""));
        }
        let seconds = match fields.get("expires_in") {
            None => Err("is required"),
            Some(n) => json::read::whole(n, 1 << 40).ok_or("must be a whole number of seconds"),
        };
        let seconds = seconds.map_err(|rule| at.key("expires_in").invalid(rule))?;
        let visible = !token.is_empty() && crate::core::rules::visible(token.as_bytes());
        if !visible {
            return Err(at.key("access_token").invalid("must be visible ASCII"));
        }
        Ok((token, seconds))
    };
    // The reason names a path (fixed keys here), never a value.
    let (token, seconds) = read().map_err(|err| invalid_response(status, &err.message))?;
    let mut out = Writer::new();
    out.open_object();
    out.field("authorization", &crate::core::config::bearer(token));
    let life = shifted(seconds, 1000, 0).unwrap_or(u64::MAX);
    let refresh = if life > MARGIN_MS {
        life - MARGIN_MS
    } else {
        life / 2
    };
    out.field("refreshInMs", &refresh);
    out.close_object();
    project.keep_token(token);
    Ok(out.finish())
}
