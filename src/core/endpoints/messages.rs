//! `POST /messages`: the send endpoint. The message types and their rules live in
//! [`crate::core::message`]; its row is `send`'s in [`crate::core::ops::OPS`].

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::Write;
use crate::core::message::{js_form, SendRequest};
use crate::core::ops::typed;
use crate::core::request::Request;
use crate::prelude::*;

/// `POST /whatsapp/v1/{bot}/messages` with the wire JSON of `send`, after
/// checking it: written in its JS form, it goes through the check a JS caller's
/// send does (`message::send_body`), so its errors are theirs, field for field.
pub fn send_message(config: &Config, send: &SendRequest) -> Result<Request<String>> {
    let js = js_form("request", |js| send.write(js))?;
    typed(config, "send", vec![js])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::{test_config, Config};
    use crate::core::message::{Message, Text};
    use crate::core::request::Method;

    fn config() -> Config {
        test_config("bot/ä 1", "http://127.0.0.1:9/")
    }

    #[test]
    fn send_is_validated_and_not_idempotent() {
        let send = SendRequest {
            to: vec!["+46732001122".into()],
            message: Message::Text(Text {
                text: "hi".into(),
                preview_url: None,
            }),
            callback: None,
            extras: Default::default(),
        };
        let req = send_message(&config(), &send).unwrap();
        assert_eq!(req.method, Method::Post);
        assert!(req.url.ends_with("/messages"));
        assert_eq!(req.repeat, crate::core::retry::Repeat::Send);
        assert_eq!(
            req.body.as_deref(),
            Some(r#"{"to":["+46732001122"],"message":{"type":"text","text":"hi"}}"#)
        );
        let bad = SendRequest { to: vec![], ..send };
        assert_eq!(
            send_message(&config(), &bad).unwrap_err().field.as_deref(),
            Some("to")
        );
    }
}
