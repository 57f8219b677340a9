//! A contacts message → `contact_info_message`, field by field. It holds one card,
//! so a message with more is refused (sending one message per card would change
//! what a send returns); fields it has no place for are refused by path.

use super::{no_field, open};
use crate::core::error::{Error, Result};
use crate::core::json::Writer;
use crate::core::message::{item, sub, Address, ContactCard, Contacts};

/// The one card's path.
const CARD: &str = "message.contacts[0]";

/// `"contact_info_message": { name, phone_numbers, addresses?, email_addresses?,
/// organization?, urls?, birthday? }`.
pub(super) fn contacts(contacts: &Contacts, out: &mut Writer) -> Result<()> {
    let [card] = contacts.contacts.as_slice() else {
        return Err(Error::invalid(
            "message.contacts",
            "must hold one card (contact_info_message has one): send each card in its own message",
        ));
    };
    check(card)?;
    out.key("contact_info_message");
    out.open_object();
    open(out, &["name"]);
    out.field("full_name", &card.name.formatted_name);
    out.field_opt("first_name", &card.name.first_name);
    out.field_opt("last_name", &card.name.last_name);
    out.close_object();
    list(out, "phone_numbers", &card.phones, |out, phone| {
        out.field("phone_number", &phone.phone);
        out.field_opt("type", &phone.kind);
    });
    list(out, "addresses", &card.addresses, write_address);
    list(out, "email_addresses", &card.emails, |out, email| {
        out.field("email_address", &email.email);
        out.field_opt("type", &email.kind);
    });
    if let Some(org) = &card.org {
        open(out, &["organization"]);
        out.field("company", &org.company);
        out.field_opt("department", &org.department);
        out.field_opt("title", &org.title);
        out.close_object();
    }
    list(out, "urls", &card.urls, |out, url| {
        out.field("url", &url.url);
        out.field_opt("type", &url.kind);
    });
    out.field_opt("birthday", &card.birthday);
    out.close_object();
    Ok(())
}

/// What `contact_info_message` cannot carry: a card without phones, a phone's
/// `waId`, an address's `street`.
fn check(card: &ContactCard) -> Result<()> {
    if card.phones.is_empty() {
        return Err(Error::invalid(
            "message.contacts[0].phones",
            "must list at least one phone: the Conversation API's contact_info_message \
             requires phone_numbers",
        ));
    }
    let phone = card.phones.iter().position(|phone| phone.wa_id.is_some());
    refuse_at(phone, "phones", "waId", "phone_numbers have no WhatsApp id")?;
    let address = card.addresses.iter().position(|a| a.street.is_some());
    refuse_at(
        address,
        "addresses",
        "street",
        "addresses have no street line",
    )
}

/// [`no_field`] for `leaf` of the card's `list[index]`, if there is an `index`.
fn refuse_at(index: Option<usize>, list: &str, leaf: &str, why: &str) -> Result<()> {
    match index {
        Some(i) => Err(no_field(&sub(&item(&sub(CARD, list), i), leaf), why)),
        None => Ok(()),
    }
}

/// `{ city, country?, state?, zip?, type?, country_code? }`.
fn write_address(out: &mut Writer, address: &Address) {
    out.field("city", &address.city);
    out.field_opt("country", &address.country);
    out.field_opt("state", &address.state);
    out.field_opt("zip", &address.zip);
    out.field_opt("type", &address.kind);
    out.field_opt("country_code", &address.country_code);
}

/// `"key": [{ …members }]`, left out when there are none.
fn list<T>(out: &mut Writer, key: &str, items: &[T], members: impl Fn(&mut Writer, &T)) {
    if items.is_empty() {
        return;
    }
    out.key(key);
    out.open_array();
    for entry in items {
        out.open_object();
        members(out, entry);
        out.close_object();
    }
    out.close_array();
}
