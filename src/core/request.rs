//! Request building: turns a validated call into method, URL and body.

use crate::core::config::Config;
use crate::core::whatwg::cut;
use crate::prelude::*;
use core::fmt;

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// A prepared request: everything the transport needs except the token. Its
/// `Debug` shows no body (an `addProvider` one holds a password or token).
#[derive(Clone, PartialEq)]
pub struct Request<B> {
    /// HTTP method.
    pub method: Method,
    /// Absolute URL, ids percent-encoded.
    pub url: String,
    /// JSON body, if any.
    pub body: Option<B>,
    /// How safe it is to send twice. A message send is not: repeating it after a
    /// network error may deliver the message twice; a create may make two (each
    /// operation's row says, [`crate::core::ops::OPS`]).
    pub repeat: crate::core::retry::Repeat,
}

/// The method, the URL without its query, its repeat kind, and the body's
/// length in bytes: never the body.
impl<B: AsRef<[u8]>> fmt::Debug for Request<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = cut(&self.url, b"?").map_or(self.url.as_str(), |(path, _)| path);
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &path)
            .field("repeat", &self.repeat)
            .field(
                "body_bytes",
                &self.body.as_ref().map(|body| body.as_ref().len()),
            )
            .finish()
    }
}

/// Appends `key=value` to the query of `url` when `value` is given, both
/// percent-encoded.
pub fn push_query(url: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        url.push(match cut(url, b"?") {
            Some(_) => '&',
            None => '?',
        });
        push_encoded(url, key);
        url.push('=');
        push_encoded(url, value);
    }
}

/// `{base}/whatsapp/v1/{bot}/{segments…}` with every segment percent-encoded.
pub fn endpoint(config: &Config, segments: &[&str]) -> String {
    let mut url = config.base_url.as_str().to_owned();
    url.push_str("/whatsapp/v1");
    push_segment(&mut url, config.bot_id());
    for segment in segments {
        push_segment(&mut url, segment);
    }
    url
}

/// Appends `/{segment}` to `url`, the segment percent-encoded.
pub fn push_segment(url: &mut String, segment: &str) {
    url.push('/');
    push_encoded(url, segment);
}

/// Appends `segment` to `out`, every byte but RFC 3986's unreserved characters
/// percent-encoded.
fn push_encoded(out: &mut String, segment: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::{test_config, Config};

    fn config() -> Config {
        test_config("bot/ä 1", "http://127.0.0.1:9/")
    }

    #[test]
    fn debug_shows_no_body_nor_query() {
        let request = Request {
            method: Method::Post,
            url: "https://x/whatsapp/v1/b/provision/provider?k=q-secret".into(),
            body: Some(r#"{"config":{"bearer":"very-secret"}}"#.to_owned()),
            repeat: crate::core::retry::Repeat::Safe,
        };
        let debug = format!("{request:?}");
        assert_eq!(
            debug,
            r#"Request { method: Post, path: "https://x/whatsapp/v1/b/provision/provider", repeat: Safe, body_bytes: Some(35) }"#
        );
        let provider = r#"{"name": "n", "basic": {"username": "u", "password": "very-secret"}}"#;
        let value = crate::core::json::parse(provider).unwrap();
        let added = crate::core::ops::typed(&config(), "addProvider", vec![value]);
        let debug = format!("{added:?}");
        assert!(
            debug.contains("body_bytes") && !debug.contains("very-secret"),
            "{debug}"
        );
    }

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(
            endpoint(&config(), &["x y", "a%b"]),
            "http://127.0.0.1:9/whatsapp/v1/bot%2F%C3%A4%201/x%20y/a%25b"
        );
    }

    #[test]
    fn query_is_encoded_and_optional() {
        let mut url = endpoint(&config(), &["x"]);
        push_query(&mut url, "a", Some("1 2&"));
        push_query(&mut url, "skip", None);
        push_query(&mut url, "b", Some("+4673"));
        assert_eq!(
            url,
            "http://127.0.0.1:9/whatsapp/v1/bot%2F%C3%A4%201/x?a=1%202%26&b=%2B4673"
        );
    }

    /// The property: for any bot id and ids accepted, the WHATWG parser (the `url`
    /// crate) finds the host unchanged and exactly the segments built under
    /// `/whatsapp/v1/{bot}`, each decoding back to what was given.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn accepted_ids_stay_one_segment_each() {
        use crate::core::config::{ClientOptions, Host};
        use crate::core::rules::check_id;
        use crate::core::whatwg::oracle::Rng;
        use crate::core::whatwg::percent_decode;
        const PIECES: &[&str] = &[
            ".", ".", "..", "%2e", "%2E", "%25", "%", "2", "e", "a", "/", "\\", "?", "#", " ", "é",
            ";", "%2f", "%5C", "~", "\u{3002}", "\u{ff0e}",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut accepted = 0;
        for _ in 0..30_000 {
            let options = ClientOptions {
                bot_id: rng.text(PIECES, 4),
                base_url: Some("http://127.0.0.1:9/relay".into()),
                ..ClientOptions::default()
            };
            let ids: Vec<String> = (0..=rng.below(3)).map(|_| rng.text(PIECES, 4)).collect();
            let Ok(config) = Config::new(options, Host::Server) else {
                continue;
            };
            if ids.iter().any(|id| check_id("id", id).is_err()) {
                continue;
            }
            accepted += 1;
            let segments: Vec<&str> = ids.iter().map(String::as_str).collect();
            let built = endpoint(&config, &segments);
            let url = url::Url::parse(&built).unwrap();
            assert_eq!(url.host_str(), Some("127.0.0.1"), "{built}");
            assert!(url.query().is_none() && url.fragment().is_none(), "{built}");
            let path: Vec<&str> = url.path_segments().unwrap().collect();
            assert_eq!(path.len(), 4 + ids.len(), "{built}");
            assert_eq!(path[..3], ["relay", "whatsapp", "v1"], "{built}");
            let given = core::iter::once(config.bot_id()).chain(segments);
            for (segment, value) in path[3..].iter().zip(given) {
                assert_eq!(percent_decode(segment), value.as_bytes(), "{built}");
            }
        }
        assert!(accepted > 3_000, "only {accepted} accepted cases");
    }
}
