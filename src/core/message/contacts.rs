//! A contacts message: contact cards as in the OpenAPI file (`ContactCard` and its
//! parts). Required fields follow that file: a card's `name.formattedName`, an
//! address's `city`, an email's `email`, an organisation's `company`, a phone's
//! `phone`, a URL's `url`.

use super::{objects, Members};
use crate::core::json::Writer;
use crate::prelude::*;

/// `{ contacts: [card, …] }`, at least one card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contacts {
    /// The cards to share.
    pub contacts: Vec<ContactCard>,
}

/// One contact card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactCard {
    /// The name; `formattedName` is required.
    pub name: ContactName,
    /// Postal addresses.
    pub addresses: Vec<Address>,
    /// `YYYY-MM-DD`.
    pub birthday: Option<String>,
    /// Email addresses.
    pub emails: Vec<Email>,
    /// The organisation.
    pub org: Option<Organization>,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Web addresses.
    pub urls: Vec<ContactUrl>,
}

/// A person's name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactName {
    /// The name as shown, e.g. "John Smith".
    pub formatted_name: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Address {
    /// City (required).
    pub city: String,
    /// Street and number.
    pub street: Option<String>,
    /// Postal code.
    pub zip: Option<String>,
    /// State or region.
    pub state: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// ISO country code.
    pub country_code: Option<String>,
    /// e.g. `HOME`, `WORK`.
    pub kind: Option<String>,
}

/// An email address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Email {
    /// The address (required).
    pub email: String,
    /// e.g. `HOME`, `WORK`.
    pub kind: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organization {
    /// Company name (required).
    pub company: String,
    /// Department.
    pub department: Option<String>,
    /// Job title.
    pub title: Option<String>,
}

/// A phone number, free-form as the user writes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phone {
    /// The number (required), e.g. "+1 (650) 555-1234".
    pub phone: String,
    /// e.g. `HOME`, `WORK`.
    pub kind: Option<String>,
    /// The WhatsApp id, when known.
    pub wa_id: Option<String>,
}

/// A web address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactUrl {
    /// The address (required).
    pub url: String,
    /// e.g. `HOME`, `WORK`.
    pub kind: Option<String>,
}

impl Members for Contacts {
    fn members(&self, out: &mut Writer) {
        out.field("contacts", &self.contacts);
    }
}

impl Members for ContactCard {
    fn members(&self, out: &mut Writer) {
        out.field("name", &self.name);
        list(out, "addresses", &self.addresses);
        out.field_opt("birthday", &self.birthday);
        list(out, "emails", &self.emails);
        out.field_opt("org", &self.org);
        list(out, "phones", &self.phones);
        list(out, "urls", &self.urls);
    }
}

/// `"key": [items]`, left out when there are none.
fn list<T: crate::core::json::Write>(out: &mut Writer, key: &str, items: &[T]) {
    if !items.is_empty() {
        out.field(key, items);
    }
}

impl Members for ContactName {
    fn members(&self, out: &mut Writer) {
        out.field("formattedName", &self.formatted_name);
        out.field_opt("firstName", &self.first_name);
        out.field_opt("lastName", &self.last_name);
    }
}

impl Members for Address {
    fn members(&self, out: &mut Writer) {
        out.field("city", &self.city);
        out.field_opt("street", &self.street);
        out.field_opt("zip", &self.zip);
        out.field_opt("state", &self.state);
        out.field_opt("country", &self.country);
        out.field_opt("countryCode", &self.country_code);
        out.field_opt("type", &self.kind);
    }
}

impl Members for Email {
    fn members(&self, out: &mut Writer) {
        out.field("email", &self.email);
        out.field_opt("type", &self.kind);
    }
}

impl Members for Organization {
    fn members(&self, out: &mut Writer) {
        out.field("company", &self.company);
        out.field_opt("department", &self.department);
        out.field_opt("title", &self.title);
    }
}

impl Members for Phone {
    fn members(&self, out: &mut Writer) {
        out.field("phone", &self.phone);
        out.field_opt("type", &self.kind);
        out.field_opt("waId", &self.wa_id);
    }
}

impl Members for ContactUrl {
    fn members(&self, out: &mut Writer) {
        out.field("url", &self.url);
        out.field_opt("type", &self.kind);
    }
}

objects!(
    ContactCard,
    ContactName,
    Address,
    Email,
    Organization,
    Phone,
    ContactUrl
);
