//! A contacts message: contact cards as in the OpenAPI file (`ContactCard` and its
//! parts). Required fields follow that file: a card's `name.formattedName`, an
//! address's `city`, an email's `email`, an organisation's `company`, a phone's
//! `phone`, a URL's `url`.

use super::{item, sub};
use crate::core::error::Result;
use crate::core::rules::{check_count, check_date, check_required};
use serde::{Deserialize, Serialize};

/// `{ contacts: [card, …] }`, at least one card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    /// The cards to share.
    pub contacts: Vec<ContactCard>,
}

/// One contact card.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct ContactCard {
    /// The name; `formattedName` is required.
    pub name: ContactName,
    /// Postal addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// Email addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Email>,
    /// The organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<Organization>,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Web addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<ContactUrl>,
}

/// A person's name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct ContactName {
    /// The name as shown, e.g. "John Smith".
    pub formatted_name: String,
    /// First name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct Address {
    /// City (required).
    pub city: String,
    /// Street and number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// State or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Country name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// e.g. `HOME`, `WORK`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// An email address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Email {
    /// The address (required).
    pub email: String,
    /// e.g. `HOME`, `WORK`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Company name (required).
    pub company: String,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A phone number, free-form as the user writes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"), deny_unknown_fields)]
pub struct Phone {
    /// The number (required), e.g. "+1 (650) 555-1234".
    pub phone: String,
    /// e.g. `HOME`, `WORK`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The WhatsApp id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
}

/// A web address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactUrl {
    /// The address (required).
    pub url: String,
    /// e.g. `HOME`, `WORK`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl Contacts {
    pub(super) fn validate(&self, path: &str) -> Result<()> {
        let cards = sub(path, "contacts");
        check_count(
            &cards,
            self.contacts.len(),
            1,
            usize::MAX,
            "must list at least one contact card",
        )?;
        for (i, card) in self.contacts.iter().enumerate() {
            card.validate(&item(&cards, i))?;
        }
        Ok(())
    }
}

impl ContactCard {
    fn validate(&self, path: &str) -> Result<()> {
        check_required(&sub(path, "name.formattedName"), &self.name.formatted_name)?;
        if let Some(birthday) = &self.birthday {
            check_date(&sub(path, "birthday"), birthday)?;
        }
        let required = |list: &str, leaf: &str, values: &mut dyn Iterator<Item = &String>| {
            values.enumerate().try_for_each(|(i, value)| {
                check_required(&sub(&item(&sub(path, list), i), leaf), value)
            })
        };
        required(
            "addresses",
            "city",
            &mut self.addresses.iter().map(|a| &a.city),
        )?;
        required("emails", "email", &mut self.emails.iter().map(|e| &e.email))?;
        required("phones", "phone", &mut self.phones.iter().map(|p| &p.phone))?;
        required("urls", "url", &mut self.urls.iter().map(|u| &u.url))?;
        match &self.org {
            Some(org) => check_required(&sub(path, "org.company"), &org.company),
            None => Ok(()),
        }
    }
}
