//! A contacts message: contact cards as in the OpenAPI file (`ContactCard` and its
//! parts). Required fields follow that file: a card's `name.formattedName`, an
//! address's `city`, an email's `email`, an organisation's `company`, a phone's
//! `phone`, a URL's `url`.

use super::{objects, Members};
use crate::core::error::Result;
use crate::core::json::read::object;
use crate::core::json::{Path, Read, Value, Writer};
use crate::core::rules::{check_count_at, check_date_at, check_required_at};
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

impl Read for Contacts {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["type", "contacts"])?;
        let mut out = Self::default();
        fields.set(&mut out.contacts, "contacts")?;
        Ok(out)
    }
}

impl Members for Contacts {
    fn members(&self, out: &mut Writer) {
        out.field("contacts", &self.contacts);
    }
}

impl Read for ContactCard {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, CARD)?;
        let mut out = Self::default();
        fields.set(&mut out.name, "name")?;
        out.addresses = fields.optional("addresses")?.unwrap_or_default();
        fields.set_opt(&mut out.birthday, "birthday")?;
        out.emails = fields.optional("emails")?.unwrap_or_default();
        fields.set_opt(&mut out.org, "org")?;
        out.phones = fields.optional("phones")?.unwrap_or_default();
        out.urls = fields.optional("urls")?.unwrap_or_default();
        Ok(out)
    }
}

const CARD: &[&str] = &[
    "name",
    "addresses",
    "birthday",
    "emails",
    "org",
    "phones",
    "urls",
];

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

impl Read for ContactName {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["formattedName", "firstName", "lastName"])?;
        let mut out = Self::default();
        fields.set(&mut out.formatted_name, "formattedName")?;
        fields.set_opt(&mut out.first_name, "firstName")?;
        fields.set_opt(&mut out.last_name, "lastName")?;
        Ok(out)
    }
}

impl Members for ContactName {
    fn members(&self, out: &mut Writer) {
        out.field("formatted_name", &self.formatted_name);
        out.field_opt("first_name", &self.first_name);
        out.field_opt("last_name", &self.last_name);
    }
}

const ADDRESS: &[&str] = &[
    "city",
    "street",
    "zip",
    "state",
    "country",
    "countryCode",
    "type",
];

impl Read for Address {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, ADDRESS)?;
        let mut out = Self::default();
        fields.set(&mut out.city, "city")?;
        fields.set_opt(&mut out.street, "street")?;
        fields.set_opt(&mut out.zip, "zip")?;
        fields.set_opt(&mut out.state, "state")?;
        fields.set_opt(&mut out.country, "country")?;
        fields.set_opt(&mut out.country_code, "countryCode")?;
        fields.set_opt(&mut out.kind, "type")?;
        Ok(out)
    }
}

impl Members for Address {
    fn members(&self, out: &mut Writer) {
        out.field("city", &self.city);
        out.field_opt("street", &self.street);
        out.field_opt("zip", &self.zip);
        out.field_opt("state", &self.state);
        out.field_opt("country", &self.country);
        out.field_opt("country_code", &self.country_code);
        out.field_opt("type", &self.kind);
    }
}

impl Read for Email {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["email", "type"])?;
        let mut out = Self::default();
        fields.set(&mut out.email, "email")?;
        fields.set_opt(&mut out.kind, "type")?;
        Ok(out)
    }
}

impl Members for Email {
    fn members(&self, out: &mut Writer) {
        out.field("email", &self.email);
        out.field_opt("type", &self.kind);
    }
}

impl Read for Organization {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["company", "department", "title"])?;
        let mut out = Self::default();
        fields.set(&mut out.company, "company")?;
        fields.set_opt(&mut out.department, "department")?;
        fields.set_opt(&mut out.title, "title")?;
        Ok(out)
    }
}

impl Members for Organization {
    fn members(&self, out: &mut Writer) {
        out.field("company", &self.company);
        out.field_opt("department", &self.department);
        out.field_opt("title", &self.title);
    }
}

impl Read for Phone {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["phone", "type", "waId"])?;
        let mut out = Self::default();
        fields.set(&mut out.phone, "phone")?;
        fields.set_opt(&mut out.kind, "type")?;
        fields.set_opt(&mut out.wa_id, "waId")?;
        Ok(out)
    }
}

impl Members for Phone {
    fn members(&self, out: &mut Writer) {
        out.field("phone", &self.phone);
        out.field_opt("type", &self.kind);
        out.field_opt("wa_id", &self.wa_id);
    }
}

impl Read for ContactUrl {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = object(value, at, &["url", "type"])?;
        let mut out = Self::default();
        fields.set(&mut out.url, "url")?;
        fields.set_opt(&mut out.kind, "type")?;
        Ok(out)
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

impl Contacts {
    pub(super) fn validate(&self, at: &Path) -> Result<()> {
        let cards = at.key("contacts");
        check_count_at(
            &cards,
            self.contacts.len(),
            1,
            usize::MAX,
            "must list at least one contact card",
        )?;
        for (i, card) in self.contacts.iter().enumerate() {
            card.validate(&cards.index(i))?;
        }
        Ok(())
    }
}

/// `value`, at `at.list[i].leaf`, must not be empty.
fn required(at: &Path, list: &str, i: usize, leaf: &str, value: &str) -> Result<()> {
    check_required_at(&at.key(list).index(i).key(leaf), value)
}

impl ContactCard {
    fn validate(&self, at: &Path) -> Result<()> {
        check_required_at(&at.key("name.formattedName"), &self.name.formatted_name)?;
        if let Some(birthday) = &self.birthday {
            check_date_at(&at.key("birthday"), birthday)?;
        }
        // Plain loops: no iterator adapter (a fold per closure) in the wasm.
        for (i, address) in self.addresses.iter().enumerate() {
            required(at, "addresses", i, "city", &address.city)?;
        }
        for (i, email) in self.emails.iter().enumerate() {
            required(at, "emails", i, "email", &email.email)?;
        }
        for (i, phone) in self.phones.iter().enumerate() {
            required(at, "phones", i, "phone", &phone.phone)?;
        }
        for (i, url) in self.urls.iter().enumerate() {
            required(at, "urls", i, "url", &url.url)?;
        }
        match &self.org {
            Some(org) => check_required_at(&at.key("org.company"), &org.company),
            None => Ok(()),
        }
    }
}
