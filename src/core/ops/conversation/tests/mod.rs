//! The conversation op table: what each method prepares, what answers mean, the
//! token and the refusals.

use super::*;
use crate::core::config::Host;
use crate::core::conversation::auth::{token_answer, write_token_request};
use crate::core::error::ErrorCode;
use crate::core::json::Writer;
use crate::core::retry::Repeat;

const OPTIONS: &str = r#"{"api":"conversation","projectId":"p 1","appId":"app-1",
    "keyId":"key-1","keySecret":"s3cr3t-key","baseUrl":"http://127.0.0.1:9"}"#;

fn config() -> Config {
    Config::from_json(OPTIONS, Host::Server).unwrap()
}

fn with_project<T>(f: impl FnOnce(&Config, &Project) -> T) -> T {
    let config = config();
    match &config.api {
        crate::core::config::Api::Conversation(project) => f(&config, project),
        _ => panic!("not a conversation config"),
    }
}

/// `answer` to `op` of the client's project once the token URL gave it "jwt-1".
fn answered(op: &str, status: u16, retry_after: Option<&str>, body: &str) -> Result<String> {
    let mut config = config();
    let crate::core::config::Api::Conversation(project) = &mut config.api else {
        panic!("not a conversation config");
    };
    let token = r#"{"access_token":"jwt-1","token_type":"bearer","expires_in":3600}"#;
    let header = answer(row("token"), 200, None, token, project).unwrap();
    assert_eq!(
        header,
        r#"{"authorization":"Bearer jwt-1","refreshInMs":3540000}"#
    );
    answer(row(op), status, retry_after, body, project)
}

/// The standalone row of method `name`, as JS names it; any other name (`"token"`,
/// the token request) is a row past the table.
fn row(name: &str) -> usize {
    let mut rows = crate::core::ops::OPS.iter();
    rows.position(|op| op.name == name)
        .unwrap_or(u32::MAX as usize)
}

/// Whether the client retries a `repeat` request after `err` (and says `retryable`).
fn retried(err: &Error, repeat: Repeat) -> bool {
    let attempt = crate::core::retry::Attempt {
        number: 0,
        repeat,
        jitter: 0.0,
    };
    let settled = crate::core::outcome::settle(&config(), Err(err.clone()), attempt);
    assert_eq!(
        settled.contains("retryMs"),
        settled.contains(r#""retryable":true"#),
        "{settled}"
    );
    settled.contains("retryMs")
}

fn prepared(op: &str, args: &str) -> Result<serde_json::Value> {
    with_project(|c, p| prepare(c, p, row(op), args))
        .map(|text| serde_json::from_str(&text).expect("JSON text"))
}

/// The bodies of a prepared fan-out as the JS face puts them together: `head`, each
/// recipient without `+`, `tail`.
fn bodies(got: &serde_json::Value) -> Vec<String> {
    let (head, tail) = (got["head"].as_str().unwrap(), got["tail"].as_str().unwrap());
    got["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let n = n.as_str().unwrap();
            [head, n.strip_prefix('+').unwrap_or(n), tail].concat()
        })
        .collect()
}

mod errors;
mod refusals;
mod sends;
mod stored;
mod token;
