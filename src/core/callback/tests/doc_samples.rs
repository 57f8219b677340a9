//! The samples of whatsapp-callback.md, verbatim: a delivery report, and each message
//! type but the replies to a button or a list (those are in `doc_reply_samples`).

use super::*;

/// The docs' delivery-report sample, verbatim (the store's sample holds it too).
pub(super) const DELIVERY_REPORT: &str = r#"{
  "type": "whatsapp",
  "statuses":[
    {
      "status":"success",
      "state":"delivered",
      "message_id":"01DPNXZ0WCF9XD19MH84XD0P62",
      "recipient": "+46732001122",
      "timestamp": "2020-05-02T18:40:42Z"
    }
  ]
}"#;

/// The start the docs' samples of a message from John Smith share, verbatim: his
/// contact, and the notification up to its `to`.
const FROM_JOHN_SMITH: &str = r#"{
  "type":"whatsapp",
  "contacts":[
    {
      "profile":{
        "name":"John Smith"
      },
      "wa_id":"0732001122"
    }
  ],
  "notifications":[
    {
      "from":"0732001122",
      "to":"sinchbot",
"#;

/// What follows in each of them, after the text sample's `replying_to`, verbatim.
const MESSAGE_ID: &str = r#"      "message_id":"01DPNXZ0WCF9XD19MH84XD0P62",
      "message":{
"#;

/// A docs sample of a message from John Smith, parsed: [`FROM_JOHN_SMITH`], the
/// notification's `replying_to` lines (the text sample's; the others have none),
/// [`MESSAGE_ID`], then its `message` from the first field on and the close, verbatim.
/// His contact is checked.
fn from_john_smith(replying_to: &str, message: &str) -> Callback {
    let cb = ok(&[FROM_JOHN_SMITH, replying_to, MESSAGE_ID, message].concat());
    assert_eq!(cb.contacts.len(), 1);
    assert_eq!(cb.contacts[0].typed().wa_id, "0732001122");
    assert_eq!(
        cb.contacts[0]
            .typed()
            .profile
            .as_ref()
            .and_then(|p| p.name.as_deref()),
        Some("John Smith")
    );
    cb
}

#[test]
fn doc_sample_delivery_report() {
    let cb = ok(DELIVERY_REPORT);
    assert_eq!(cb.kind, Channel::Whatsapp);
    assert!(cb.contacts.is_empty() && cb.notifications.is_empty() && cb.extra.is_empty());
    let report = cb.statuses[0].typed();
    assert_eq!(report.status, DeliveryStatus::Success);
    assert_eq!(report.state, DeliveryState::Delivered);
    assert_eq!(report.message_id, "01DPNXZ0WCF9XD19MH84XD0P62");
    assert_eq!(report.recipient, "+46732001122");
    assert_eq!(report.timestamp.as_deref(), Some("2020-05-02T18:40:42Z"));
    assert_eq!(report.details, None);
}

#[test]
fn doc_sample_text() {
    let cb = from_john_smith(
        r#"      "replying_to":{
        "from": "447537817391",
        "message_id": "01E7Q9AVTRB5A30JD7D9ZN0HTE"
      },
"#,
        r#"        "type":"text",
        "body":"Hello bot I want to know something!"
      },
      "timestamp": "2020-05-02T19:48:42Z"
    }
  ]
}"#,
    );
    let n = only_notification(&cb);
    assert_eq!(n.from, "0732001122");
    assert_eq!(n.to.as_deref(), Some("sinchbot"));
    assert_eq!(n.message_id, "01DPNXZ0WCF9XD19MH84XD0P62");
    assert_eq!(n.timestamp.as_deref(), Some("2020-05-02T19:48:42Z"));
    let reply = n.replying_to.as_ref().unwrap();
    assert_eq!(reply.from.as_deref(), Some("447537817391"));
    assert_eq!(
        reply.message_id.as_deref(),
        Some("01E7Q9AVTRB5A30JD7D9ZN0HTE")
    );
    assert!(!n.forwarded && !n.frequently_forwarded && n.referral.is_none());
    assert_eq!(n.message.kind(), "text");
    match &n.message {
        InboundMessage::Text(t) => assert_eq!(t.body, "Hello bot I want to know something!"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn doc_sample_location() {
    let cb = from_john_smith(
        "",
        r#"        "type":"location",
        "latitude":55.7047,
        "longitude":13.191,
        "name":"Sinch Ideon Lund",
        "address":"Scheelevägen 17"
      },
      "timestamp": "2020-05-02T19:40:52Z"
    }
  ]
}"#,
    );
    let n = only_notification(&cb);
    let InboundMessage::Location(loc) = &n.message else {
        panic!("{:?}", n.message)
    };
    assert_eq!(
        (loc.latitude.as_str(), loc.longitude.as_str()),
        ("55.7047", "13.191")
    );
    assert_eq!(loc.latitude.to_f64(), Some(55.7047));
    assert_eq!(loc.name.as_deref(), Some("Sinch Ideon Lund"));
    assert_eq!(loc.address.as_deref(), Some("Scheelevägen 17"));
    assert_eq!(loc.url, None);
    assert_eq!(n.timestamp.as_deref(), Some("2020-05-02T19:40:52Z"));
}

/// The docs' two forwarded samples, alike but for the `timestamp` and the `flag` set.
fn forwarded(timestamp: &str, flag: &str) -> Callback {
    from_john_smith(
        "",
        &format!(
            r#"        "type":"text",
        "body":"Hello bot I want to know something!"
      }},
      "timestamp": "{timestamp}",
      "{flag}": true
    }}
  ]
}}"#
        ),
    )
}

#[test]
fn doc_sample_forwarded() {
    let cb = forwarded("2020-05-02T17:43:32Z", "forwarded");
    let n = only_notification(&cb);
    assert!(n.forwarded && !n.frequently_forwarded);
    assert_eq!(n.message.kind(), "text");
}

#[test]
fn doc_sample_frequently_forwarded() {
    let cb = forwarded("2020-05-03T07:28:54Z", "frequently_forwarded");
    let n = only_notification(&cb);
    assert!(!n.forwarded && n.frequently_forwarded);
    assert_eq!(n.timestamp.as_deref(), Some("2020-05-03T07:28:54Z"));
}

#[test]
fn doc_sample_contacts() {
    let cb = from_john_smith(
        "",
        r#"        "type":"contacts",
        "contacts":[
          {
            "addresses":[
              {
                "city":"Menlo Park",
                "country":"United States",
                "country_code":"us",
                "state":"CA",
                "street":"1 Hacker Way",
                "type":"HOME",
                "zip":"94025"
              }
            ],
            "birthday":"2012-08-18",
            "emails":[
              {
                "email":"test@fb.com",
                "type":"WORK"
              }
            ],
            "name":{
              "first_name":"John",
              "formatted_name":"John Smith",
              "last_name":"Smith"
            },
            "org":{
              "company":"WhatsApp",
              "department":"Design",
              "title":"Manager"
            },
            "phones":[
              {
                "phone":"+1 (650) 555-1234",
                "type":"WORK",
                "wa_id":"16505551234"
              }
            ],
            "urls":[
              {
                "url":"https://www.facebook.com",
                "type":"WORK"
              }
            ]
          }
        ]
      },
      "timestamp": "2020-05-02T17:23:55Z"
    }
  ]
}

"#,
    );
    let n = only_notification(&cb);
    let InboundMessage::Contacts(m) = &n.message else {
        panic!("{:?}", n.message)
    };
    let card = &m.contacts[0];
    let address = &card.addresses[0];
    assert_eq!(address.kind.as_deref(), Some("HOME"));
    assert_eq!(address.street.as_deref(), Some("1 Hacker Way"));
    assert_eq!(address.city.as_deref(), Some("Menlo Park"));
    assert_eq!(address.state.as_deref(), Some("CA"));
    assert_eq!(address.zip.as_deref(), Some("94025"));
    assert_eq!(address.country.as_deref(), Some("United States"));
    assert_eq!(address.country_code.as_deref(), Some("us"));
    assert_eq!(card.birthday.as_deref(), Some("2012-08-18"));
    assert_eq!(card.emails[0].email.as_deref(), Some("test@fb.com"));
    assert_eq!(card.emails[0].kind.as_deref(), Some("WORK"));
    let name = card.name.as_ref().unwrap();
    assert_eq!(name.formatted_name.as_deref(), Some("John Smith"));
    assert_eq!(name.first_name.as_deref(), Some("John"));
    assert_eq!(name.last_name.as_deref(), Some("Smith"));
    assert_eq!(name.middle_name, None);
    let org = card.org.as_ref().unwrap();
    assert_eq!(org.company.as_deref(), Some("WhatsApp"));
    assert_eq!(org.department.as_deref(), Some("Design"));
    assert_eq!(org.title.as_deref(), Some("Manager"));
    assert_eq!(card.phones[0].phone.as_deref(), Some("+1 (650) 555-1234"));
    assert_eq!(card.phones[0].kind.as_deref(), Some("WORK"));
    assert_eq!(card.phones[0].wa_id.as_deref(), Some("16505551234"));
    assert_eq!(
        card.urls[0].url.as_deref(),
        Some("https://www.facebook.com")
    );
    assert!(card.ims.is_empty() && card.contact_image_url.is_none());
}

#[test]
fn doc_sample_image() {
    let cb = ok(r#"{
  "type":"whatsapp",
  "notifications":[
    {
      "from":"0732001122",
      "to":"sinchbot",
      "message_id":"01DPNXZ0WCF9XD19MH84XD0P62",
      "message":{
        "type":"image",
        "url":"http://www.example.com/img.jpg",
        "mime_type":"image/jpeg",
        "caption":"Fantastic headphones"
      },
      "timestamp": "2020-05-02T15:43:52Z"
    }
  ]
}"#);
    let n = only_notification(&cb);
    let InboundMessage::Image(img) = &n.message else {
        panic!("{:?}", n.message)
    };
    assert_eq!(img.url, "http://www.example.com/img.jpg");
    assert_eq!(img.mime_type, "image/jpeg");
    assert_eq!(img.caption.as_deref(), Some("Fantastic headphones"));
    assert_eq!((img.filename.as_ref(), img.metadata.as_ref()), (None, None));
    assert_eq!(n.message.media(), Some(img));
}

#[test]
fn doc_sample_error_notification() {
    let cb = ok(r#"{
    "type": "whatsapp",
    "notifications": [
        {
            "from": "46702291874",
            "message_id": "01E7T5K8CREY9K0HGZW3ME1F26ABGGRnAiI1JfAhC5kP7rPIamw3JHBDfxEzvm",
            "message": {
                "type": "error",
                "details": "Unexpected callback contents received. Remember to add quick reply buttons to the request payload when sending the message template, even if no quick reply button payload is added."
            },
            "timestamp": "2020-05-08T12:54:07Z",
            "to": "bot_id",
            "replying_to": {
                "from": "447537918329"
            }
        }
    ]
}"#);
    let n = only_notification(&cb);
    assert_eq!(n.from, "46702291874");
    assert_eq!(
        n.message_id,
        "01E7T5K8CREY9K0HGZW3ME1F26ABGGRnAiI1JfAhC5kP7rPIamw3JHBDfxEzvm"
    );
    let InboundMessage::Error(e) = &n.message else {
        panic!("{:?}", n.message)
    };
    assert!(e
        .details
        .as_deref()
        .unwrap()
        .starts_with("Unexpected callback contents received."));
    let reply = n.replying_to.as_ref().unwrap();
    assert_eq!(
        (reply.from.as_deref(), reply.message_id.as_deref()),
        (Some("447537918329"), None)
    );
    assert_eq!(n.to.as_deref(), Some("bot_id"));
}
