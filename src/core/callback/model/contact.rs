//! Contacts: the senders of inbound messages, and the cards of a `contacts` message.

use super::fields::{object, optional_strings, Extra, Fields};
use super::unknown::Body;
use crate::core::error::Result;
use crate::core::json::{Path, Read, Value, Write, Writer};
use crate::prelude::*;

/// The sender of inbound messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// WhatsApp account id (phone number).
    pub wa_id: String,
    /// Profile details.
    pub profile: Option<Profile>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Read for Contact {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            wa_id: fields.required("wa_id")?,
            profile: fields.optional("profile")?,
            extra: fields.extra(&["kind", "wa_id", "waId", "profile"]),
        })
    }
}

impl Write for Contact {
    fn write(&self, out: &mut Writer) {
        object(out, &self.extra, |out| {
            out.field("waId", &self.wa_id);
            out.field_opt("profile", &self.profile);
        });
    }
}

optional_strings! {
    /// A sender's profile.
    pub struct Profile {
        /// The sender's name.
        name: "name" => "name",
    }
}

/// Contact cards.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactsMessage {
    /// The cards.
    pub contacts: Vec<ContactCard>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Body for ContactsMessage {
    fn read(fields: &Fields) -> Result<Self> {
        Ok(Self {
            contacts: fields.list("contacts")?,
            extra: fields.extra(&["type", "contacts"]),
        })
    }

    fn write(&self, out: &mut Writer) {
        out.field("contacts", &self.contacts);
        self.extra.write_into(out);
    }
}

/// One contact card.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactCard {
    /// Addresses.
    pub addresses: Vec<ContactAddress>,
    /// Birthday, `YYYY-MM-DD`.
    pub birthday: Option<String>,
    /// Email addresses.
    pub emails: Vec<ContactEmail>,
    /// Instant-messaging handles, kept raw: the docs list them as strings in one
    /// table and as `{ service, user_id }` objects in another.
    pub ims: Vec<Value>,
    /// Name.
    pub name: Option<ContactName>,
    /// Organization.
    pub org: Option<ContactOrg>,
    /// Phone numbers.
    pub phones: Vec<ContactPhone>,
    /// URLs.
    pub urls: Vec<ContactUrl>,
    /// Public URL of the contact image from the phone (not the WhatsApp profile picture).
    pub contact_image_url: Option<String>,
    /// Unknown fields.
    pub extra: Extra,
}

impl Read for ContactCard {
    fn read(value: &Value, at: &Path) -> Result<Self> {
        let fields = Fields::new(value, at)?;
        Ok(Self {
            addresses: fields.list("addresses")?,
            birthday: fields.optional("birthday")?,
            emails: fields.list("emails")?,
            ims: fields.list("ims")?,
            name: fields.optional("name")?,
            org: fields.optional("org")?,
            phones: fields.list("phones")?,
            urls: fields.list("urls")?,
            contact_image_url: fields.optional("contact_image_url")?,
            extra: fields.extra(&[
                "addresses",
                "birthday",
                "emails",
                "ims",
                "name",
                "org",
                "phones",
                "urls",
                "contact_image_url",
                "contactImageUrl",
            ]),
        })
    }
}

impl Write for ContactCard {
    fn write(&self, out: &mut Writer) {
        object(out, &self.extra, |out| {
            out.field("addresses", &self.addresses);
            out.field_opt("birthday", &self.birthday);
            out.field("emails", &self.emails);
            out.field("ims", &self.ims);
            out.field_opt("name", &self.name);
            out.field_opt("org", &self.org);
            out.field("phones", &self.phones);
            out.field("urls", &self.urls);
            out.field_opt("contactImageUrl", &self.contact_image_url);
        });
    }
}

optional_strings! {
    /// A contact card address.
    pub struct ContactAddress {
        /// `HOME`, `WORK`.
        kind: "type" => "type",
        /// Street number and address.
        street: "street" => "street",
        /// City.
        city: "city" => "city",
        /// State abbreviation.
        state: "state" => "state",
        /// ZIP code.
        zip: "zip" => "zip",
        /// Country name.
        country: "country" => "country",
        /// Two-letter country code.
        country_code: "country_code" => "countryCode",
    }
}

optional_strings! {
    /// A contact card email address.
    pub struct ContactEmail {
        /// `HOME`, `WORK`.
        kind: "type" => "type",
        /// The address.
        email: "email" => "email",
    }
}

optional_strings! {
    /// A contact card name.
    pub struct ContactName {
        /// Full name as it normally appears.
        formatted_name: "formatted_name" => "formattedName",
        /// First name.
        first_name: "first_name" => "firstName",
        /// Last name.
        last_name: "last_name" => "lastName",
        /// Middle name.
        middle_name: "middle_name" => "middleName",
        /// Suffix.
        suffix: "suffix" => "suffix",
        /// Prefix.
        prefix: "prefix" => "prefix",
    }
}

optional_strings! {
    /// A contact card organization.
    pub struct ContactOrg {
        /// Company.
        company: "company" => "company",
        /// Department.
        department: "department" => "department",
        /// Business title.
        title: "title" => "title",
    }
}

optional_strings! {
    /// A contact card phone number.
    pub struct ContactPhone {
        /// `CELL`, `MAIN`, `HOME`, `WORK`, `IPHONE`.
        kind: "type" => "type",
        /// The number as written on the card.
        phone: "phone" => "phone",
        /// The WhatsApp id of the number, when it has one (shown in the docs' sample).
        wa_id: "wa_id" => "waId",
    }
}

optional_strings! {
    /// A contact card URL.
    pub struct ContactUrl {
        /// `HOME`, `WORK`.
        kind: "type" => "type",
        /// The URL.
        url: "url" => "url",
    }
}
