//! The envelope: the payload's `type` and its three lists; and the callback store's answer.

use super::contact::Contact;
use super::fields::{object, Extra, Fields};
use super::notification::Notification;
use super::status::DeliveryReport;
use super::unknown::UnknownMessage;
use crate::core::callback::entry::{entries, Entry};
use crate::core::error::{Error, ErrorCode, Result};
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// The payload's `type`; the only documented value is `whatsapp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// `whatsapp`.
    Whatsapp,
}

impl Read for Channel {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        match String::read(value, at)?.as_str() {
            "whatsapp" => Ok(Self::Whatsapp),
            _ => Err(at.invalid("must be \"whatsapp\"")),
        }
    }
}

impl Write for Channel {
    fn write(&self, out: &mut Writer) {
        out.string("whatsapp");
    }
}

/// One callback: delivery reports and inbound messages, possibly together.
///
/// JS shape: `{ type: "whatsapp", statuses: DeliveryReport[], contacts: Contact[],
/// notifications: Notification[], ...extra }` (the three arrays are always present,
/// possibly empty). Each list keeps a malformed entry in its place as an
/// [`InvalidEntry`](crate::core::callback::InvalidEntry) rather than failing the callback.
#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    /// Always `whatsapp`; anything else is not a Sinch WhatsApp callback.
    pub kind: Channel,
    /// Delivery reports.
    pub statuses: Vec<Entry<DeliveryReport>>,
    /// The senders of the inbound messages (Sinch sends them for some message types only).
    pub contacts: Vec<Entry<Contact>>,
    /// Inbound messages.
    pub notifications: Vec<Entry<Notification>>,
    /// Unknown fields.
    pub extra: Extra,
    /// Whether it came from the Conversation API (JS: `api: "conversation"`).
    pub conversation: bool,
    /// A Conversation callback of a kind other than a delivery report or an inbound
    /// message (an `event`, a `contact_create_notification`…), the body as sent.
    pub unknown: Option<UnknownMessage>,
}

impl Callback {
    /// Reads a callback from its parsed body. An error names the field at fault from
    /// the callback's root (`type`, `statuses`), or none when the body is not an
    /// object; its code is `invalid_argument` until the caller gives it its own.
    pub fn from_value(value: &Value) -> Result<Self> {
        match value {
            Value::Object(members) => Self::from_fields(&Fields::root(members)),
            _ => Err(Error::new(ErrorCode::InvalidArgument, "must be an object")),
        }
    }

    fn from_fields(fields: &Fields) -> Result<Self> {
        if fields.optional::<Value>("type")?.is_none() && fields.has("app_id") {
            return Ok(super::conversation::callback(fields));
        }
        Ok(Self {
            kind: fields.required("type")?,
            statuses: entries(fields)?,
            contacts: entries(fields)?,
            notifications: entries(fields)?,
            extra: fields.extra(&["type", "statuses", "contacts", "notifications"]),
            conversation: false,
            unknown: None,
        })
    }

    /// The JSON text JS gets (camelCase; unknown fields under their wire names).
    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        self.write(&mut out);
        out.finish()
    }
}

/// A callback inside another answer (the store's `results[0]`).
impl Read for Callback {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        Self::from_fields(&Fields::new(value, at)?)
    }
}

impl Write for Callback {
    fn write(&self, out: &mut Writer) {
        object(out, &self.extra, |out| {
            out.field("type", &self.kind);
            if self.conversation {
                out.field("api", "conversation");
            }
            out.field("statuses", &self.statuses);
            out.field("contacts", &self.contacts);
            out.field("notifications", &self.notifications);
            out.field_opt("unknown", &self.unknown);
        });
    }
}

/// The answer of the callback store (`GET /callbacks/status/{id}` and
/// `GET /callbacks/notifications`): `{ results: Callback[] }`.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackStoreResults {
    /// The stored callbacks.
    pub results: Vec<Callback>,
}

impl Read for CallbackStoreResults {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            results: fields.list("results")?,
        })
    }
}

impl Write for CallbackStoreResults {
    fn write(&self, out: &mut Writer) {
        out.open_object();
        out.field("results", &self.results);
        out.close_object();
    }
}
