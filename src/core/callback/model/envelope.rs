//! The envelope: the payload's `type` and its three lists; and the callback store's answer.

use super::contact::Contact;
use super::notification::Notification;
use super::status::DeliveryReport;
use super::wire::null_as_default;
use super::Extra;
use crate::core::callback::entry::{entries, Entry};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// The payload's `type`; the only documented value is `whatsapp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// `whatsapp`.
    Whatsapp,
}

impl<'de> Deserialize<'de> for Channel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        if value == "whatsapp" {
            Ok(Self::Whatsapp)
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Str(&value),
                &"the callback type `whatsapp`",
            ))
        }
    }
}

/// One callback: delivery reports and inbound messages, possibly together.
///
/// JS shape: `{ type: "whatsapp", statuses: DeliveryReport[], contacts: Contact[],
/// notifications: Notification[], ...extra }` (the three arrays are always present,
/// possibly empty). Each list keeps a malformed entry in its place as an
/// [`InvalidEntry`](crate::core::callback::InvalidEntry) rather than failing the callback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    rename_all(serialize = "camelCase"),
    expecting = "a Sinch WhatsApp callback object"
)]
pub struct Callback {
    /// Always `whatsapp`; anything else is not a Sinch WhatsApp callback.
    #[serde(rename = "type")]
    pub kind: Channel,
    /// Delivery reports.
    #[serde(default, deserialize_with = "entries")]
    pub statuses: Vec<Entry<DeliveryReport>>,
    /// The senders of the inbound messages (Sinch sends them for some message types only).
    #[serde(default, deserialize_with = "entries")]
    pub contacts: Vec<Entry<Contact>>,
    /// Inbound messages.
    #[serde(default, deserialize_with = "entries")]
    pub notifications: Vec<Entry<Notification>>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of the callback store (`GET /callbacks/status/{id}` and
/// `GET /callbacks/notifications`): `{ results: Callback[] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CallbackStoreResults {
    /// The stored callbacks.
    #[serde(default, deserialize_with = "null_as_default")]
    pub results: Vec<Callback>,
}
