//! The callback payload as Rust types.
//!
//! Naming convention: every type is read ([`Read`](crate::core::json::Read)) from
//! the wire (snake_case, e.g. `message_id`) and written
//! ([`Write`](crate::core::json::Write)) in camelCase for JS (e.g. `messageId`). A
//! field whose wire name is `type` is `kind` in Rust and `type` in both directions.
//! Unknown fields are tolerated everywhere; on the objects that carry an `extra`
//! map they are kept under their wire names and written back, beside the typed
//! ones, under those same names (a field named as a typed one's JS name, such as
//! `messageId`, is not kept: it could stand in for the typed one in JS). Optional
//! fields that are absent are left out of the output. Numbers are kept as their
//! text ([`Number`]): nothing is parsed into a float and written back.
//!
//! Strictness: a payload must have `type: "whatsapp"`; identifiers and
//! discriminators the docs always show (`message_id`, `status`, `state`,
//! `recipient`, `from`, `message.type`, `wa_id`, a text `body`, media `url` and
//! `mime_type`, location `latitude`/`longitude`, interactive reply `id`/`title`) are
//! required; descriptive fields are optional. A field of the wrong JSON type is an
//! error — of that entry alone: a malformed entry of `statuses`, `contacts` or
//! `notifications` is kept raw in its place ([`entry`](super::entry)), and only a
//! body that is not a callback at all fails. `null` counts as absent. Message types this version does not know (e.g.
//! `order`) are kept raw in [`InboundMessage::Other`].

mod contact;
mod conversation;
mod conversation_content;
mod envelope;
pub(super) mod fields;
mod interactive;
mod media;
mod message;
mod notification;
mod status;
mod unknown;
mod wire;

pub use contact::*;
pub use conversation::{Envelope, InboundDetails, ReportDetails};
pub use conversation_content::*;
pub use envelope::*;
pub use fields::Extra;
pub use interactive::*;
pub use media::*;
pub use message::*;
pub use notification::*;
pub use status::*;
pub use unknown::UnknownMessage;
pub use wire::Number;
