//! A contacts message → `contact_info_message`, field by field. It holds one card,
//! so a message with more is refused (sending one message per card would change
//! what a send returns); fields it has no place for are refused by path (its table).

use super::walk;
use crate::core::error::{Error, Result};
use crate::core::json::{Path, Value, Writer};

/// `{ name, phone_numbers, addresses?, email_addresses?, organization?, urls?,
/// birthday? }` from a card (a table for [`walk`]): phones required, a phone's
/// `waId` and an address's `street` refused (`contact_info_message` has no place
/// for them).
const CONTACT_INFO: &str =
    "phones?(must list a phone (contact_info_message requires phone_numbers));\
    name(formattedName>full_name;firstName>first_name;lastName>last_name);\
    phones>phone_numbers(phone>phone_number;type;\
    waId!(phone_numbers have no WhatsApp id));\
    addresses(city;country;state;zip;type;countryCode>country_code;\
    street!(addresses have no street line));\
    emails>email_addresses(email>email_address;type);\
    org>organization(company;department;title);urls(url;type);birthday";

/// `"contact_info_message": { … }` of the one card of `source`, the caller's
/// message (checked).
pub(super) fn contacts(source: &Value, out: &mut Writer) -> Result<()> {
    let card = match source.get("contacts") {
        Some(Value::Array(cards)) if cards.len() == 1 => cards.first(),
        _ => None,
    };
    let Some(card) = card else {
        return Err(Error::invalid(
            "message.contacts",
            "must hold one card: send each card in its own message",
        ));
    };
    out.key("contact_info_message");
    out.open_object();
    walk(card, &Path::root("message.contacts[0]"), CONTACT_INFO, out)?;
    out.close_object();
    Ok(())
}
