//! A contacts message → `contact_info_message`, field by field. It holds one card,
//! so a message with more is refused (sending one message per card would change
//! what a send returns); fields it has no place for are refused by path.

use super::{find, no_field, walk};
use crate::core::error::{Error, Result};
use crate::core::json::{Path, Value, Writer};

/// `{ name, phone_numbers, addresses?, email_addresses?, organization?, urls?,
/// birthday? }` from a card (a table for [`walk`]).
const CONTACT_INFO: &str = "name(formattedName>full_name;firstName>first_name;\
    lastName>last_name);phones>phone_numbers(phone>phone_number;type);\
    addresses(city;country;state;zip;type;countryCode>country_code);\
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
            "must hold one card (contact_info_message has one): send each card in its own message",
        ));
    };
    check(card)?;
    out.key("contact_info_message");
    out.open_object();
    walk(card, CONTACT_INFO, out);
    out.close_object();
    Ok(())
}

/// What `contact_info_message` cannot carry: a card without phones, a phone's
/// `waId`, an address's `street`.
fn check(card: &Value) -> Result<()> {
    if find(card, "phones").is_none() {
        return Err(Error::invalid(
            "message.contacts[0].phones",
            "must list at least one phone: the Conversation API's contact_info_message \
             requires phone_numbers",
        ));
    }
    let lists = [
        ("phones", "waId", "phone_numbers have no WhatsApp id"),
        ("addresses", "street", "addresses have no street line"),
    ];
    for (list, leaf, why) in lists {
        if let Some(Value::Array(items)) = card.get(list) {
            for (i, item) in items.iter().enumerate() {
                if find(item, leaf).is_some() {
                    // The one card's `list[i].leaf`.
                    let card = Path::root("message.contacts[0]");
                    return Err(no_field(&card.key(list).index(i).key(leaf), why));
                }
            }
        }
    }
    Ok(())
}
