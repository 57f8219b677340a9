//! Outbound messages (`POST /messages`) and their validation.
//!
//! JS callers write camelCase; the wire is snake_case. Each type therefore
//! deserializes camelCase and serializes snake_case.

use crate::core::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Most recipients one send may name.
pub const MAX_RECIPIENTS: usize = 20;
/// Longest text body, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 4096;

/// The body of `POST /messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct SendRequest {
    /// 1–20 MSISDNs.
    pub to: Vec<String>,
    /// What to send.
    pub message: Message,
    /// Overrides the configured callback URL for this message's delivery reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback: Option<String>,
}

/// A message object, tagged by `type`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    /// A text message.
    Text(Text),
}

/// `{ type: "text", text, preview_url? }`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct Text {
    /// The body, 1–4096 characters.
    pub text: String,
    /// Whether WhatsApp shows a preview of the first URL in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

impl SendRequest {
    /// Checks every documented rule; the error names the field path and the rule.
    pub fn validate(&self) -> Result<()> {
        if self.to.is_empty() || self.to.len() > MAX_RECIPIENTS {
            return Err(Error::invalid("to", "must list 1 to 20 recipients"));
        }
        for (i, number) in self.to.iter().enumerate() {
            check_msisdn(&format!("to[{i}]"), number)?;
        }
        if let Some(url) = &self.callback {
            check_http_url("callback", url)?;
        }
        match &self.message {
            Message::Text(text) => check_chars("message.text", &text.text, 1, MAX_TEXT_CHARS),
        }
    }
}

/// An MSISDN in international form: an optional `+`, then 7–15 digits not starting with 0.
pub fn check_msisdn(field: &str, number: &str) -> Result<()> {
    let digits = number.strip_prefix('+').unwrap_or(number);
    let valid = (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if valid {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            "must be an international phone number: optional +, country code, 7 to 15 digits in all",
        ))
    }
}

/// A length in characters as the user sees them (Unicode scalar values), not bytes.
pub fn check_chars(field: &str, value: &str, min: usize, max: usize) -> Result<()> {
    let count = value.chars().count();
    if count < min || count > max {
        let rule = if min == 0 {
            format!("must be at most {max} characters (has {count})")
        } else {
            format!("must be {min} to {max} characters (has {count})")
        };
        return Err(Error::invalid(field, &rule));
    }
    Ok(())
}

/// An absolute `http://` or `https://` URL with a host.
pub fn check_http_url(field: &str, url: &str) -> Result<()> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return Err(Error::invalid(field, "must be an http(s) URL"));
    };
    if rest.is_empty()
        || rest.starts_with('/')
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(Error::invalid(
            field,
            "must be an http(s) URL with a host and no spaces",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(to: &[&str], body: &str) -> SendRequest {
        SendRequest {
            to: to.iter().map(|s| s.to_string()).collect(),
            message: Message::Text(Text {
                text: body.into(),
                preview_url: None,
            }),
            callback: None,
        }
    }

    fn field(req: &SendRequest) -> Option<String> {
        req.validate().err().and_then(|e| e.field)
    }

    #[test]
    fn serializes_to_the_wire_shape() {
        let req = SendRequest {
            message: Message::Text(Text {
                text: "Hi".into(),
                preview_url: Some(true),
            }),
            ..text(&["+46732001122"], "")
        };
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"to": ["+46732001122"], "message": {"type": "text", "text": "Hi", "preview_url": true}})
        );
    }

    #[test]
    fn reads_camel_case_from_callers() {
        let req: SendRequest = serde_json::from_value(
            serde_json::json!({"to": ["46732001122"], "message": {"type": "text", "text": "x", "previewUrl": false}}),
        )
        .unwrap();
        assert_eq!(req.validate(), Ok(()));
        let bad = serde_json::from_value::<SendRequest>(
            serde_json::json!({"to": [], "message": {"type": "text", "txt": "x"}}),
        );
        assert!(bad.unwrap_err().to_string().contains("txt"));
    }

    #[test]
    fn recipient_rules() {
        assert_eq!(field(&text(&[], "x")), Some("to".into()));
        assert_eq!(field(&text(&["+4673200112"; 21], "x")), Some("to".into()));
        assert_eq!(field(&text(&["+4673200112"; 20], "x")), None);
        for bad in [
            "",
            "+",
            "123456",
            "0732001122",
            "+46 73 200",
            "+1234567890123456",
            "abc1234567",
        ] {
            assert_eq!(
                field(&text(&["+46732001122", bad], "x")),
                Some("to[1]".into()),
                "{bad}"
            );
        }
    }

    #[test]
    fn text_length_counts_characters() {
        assert_eq!(
            field(&text(&["+46732001122"], "")),
            Some("message.text".into())
        );
        assert_eq!(field(&text(&["+46732001122"], &"é".repeat(4096))), None);
        let err = text(&["+46732001122"], &"😀".repeat(4097))
            .validate()
            .unwrap_err();
        assert_eq!(
            err.message,
            "message.text: must be 1 to 4096 characters (has 4097)"
        );
    }

    #[test]
    fn callback_must_be_http_url() {
        let mut req = text(&["+46732001122"], "x");
        req.callback = Some("ftp://x".into());
        assert_eq!(field(&req), Some("callback".into()));
        req.callback = Some("https://hooks.example.com/wa".into());
        assert_eq!(field(&req), None);
    }
}
