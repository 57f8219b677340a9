//! The rest of the documented model: every state and status, every media type and a
//! sticker's metadata, referrals, contact cards, locations, button indices, nulls.

use super::*;

#[test]
fn every_state_and_status() {
    let states = [
        ("queued", DeliveryState::Queued),
        ("dispatched", DeliveryState::Dispatched),
        ("sent", DeliveryState::Sent),
        ("delivered", DeliveryState::Delivered),
        ("read", DeliveryState::Read),
        ("deleted", DeliveryState::Deleted),
        ("failed", DeliveryState::Failed),
        ("no_opt_in", DeliveryState::NoOptIn),
        ("no_capability", DeliveryState::NoCapability),
        ("paused", DeliveryState::Other("paused".into())),
        ("DELIVERED", DeliveryState::Other("DELIVERED".into())),
    ];
    for (wire, state) in states {
        let raw = format!(
            r#"{{"type":"whatsapp","statuses":[{{"status":"failure","state":"{wire}","message_id":"m","recipient":"+1","details":"why"}}]}}"#
        );
        let cb = ok(&raw);
        assert_eq!(cb.statuses[0].typed().state, state);
        assert_eq!(cb.statuses[0].typed().state.as_str(), wire);
        assert_eq!(cb.statuses[0].typed().status, DeliveryStatus::Failure);
        assert_eq!(cb.statuses[0].typed().details.as_deref(), Some("why"));
        let out = js(&cb);
        assert_eq!(out["statuses"][0]["state"], wire);
    }
    let cb = ok(
        r#"{"type":"whatsapp","statuses":[{"status":"partial","state":"sent","message_id":"m","recipient":"+1"}]}"#,
    );
    assert_eq!(
        cb.statuses[0].typed().status,
        DeliveryStatus::Other("partial".into())
    );
    assert_eq!(cb.statuses[0].typed().status.to_string(), "partial");
}

/// A sticker whose metadata's `is-first-party-sticker` is `flag` (JSON).
fn sticker(flag: &str) -> String {
    one_message(&format!(
        r#"{{"type":"sticker","url":"u","mime_type":"image/webp","metadata":{{"is-first-party-sticker":{flag}}}}}"#
    ))
}

/// What [`sticker`]`(flag)` is read as.
fn first_party(flag: &str) -> Option<bool> {
    let cb = ok(&sticker(flag));
    let media = only_notification(&cb).message.media().expect("a sticker");
    media
        .metadata
        .as_ref()
        .expect("its metadata")
        .is_first_party_sticker
}

#[test]
fn all_media_types_and_sticker_metadata() {
    for kind in ["image", "document", "audio", "video", "voice", "sticker"] {
        let cb = ok(&one_message(&format!(
            r#"{{"type":"{kind}","url":"https://x/{kind}","mime_type":"a/b","caption":"c",
            "filename":"f.bin","sha256":"abc","id":"media-1"}}"#
        )));
        let message = &only_notification(&cb).message;
        assert_eq!(message.kind(), kind);
        let media = message.media().unwrap();
        assert_eq!(media.url, format!("https://x/{kind}"));
        assert_eq!(media.mime_type, "a/b");
        assert_eq!(media.caption.as_deref(), Some("c"));
        assert_eq!(media.filename.as_deref(), Some("f.bin"));
        assert_eq!(extra(&media.extra)["sha256"], "abc");
        assert_eq!(extra(&media.extra)["id"], "media-1");
        let out = js(message);
        assert_eq!(out["type"], kind);
        assert_eq!(out["mimeType"], "a/b");
        assert_eq!(out["sha256"], "abc");
    }
    let cb = ok(&one_message(
        r#"{"type":"sticker","url":"https://x/s.webp","mime_type":"image/webp","metadata":{
        "stickerpack-id":"pack-1","stickerpack-name":"Cats","stickerpack-publisher":"Me",
        "emojis":["🐱","😺"],"ios-app-store-link":"https://apps.apple.com/x",
        "android-app-store-link":"https://play.google.com/x","is-first-party-sticker":1}}"#,
    ));
    let InboundMessage::Sticker(s) = &cb.notifications[0].typed().message else {
        panic!()
    };
    let meta = s.metadata.as_ref().unwrap();
    assert_eq!(meta.stickerpack_id.as_deref(), Some("pack-1"));
    assert_eq!(meta.stickerpack_name.as_deref(), Some("Cats"));
    assert_eq!(meta.stickerpack_publisher.as_deref(), Some("Me"));
    assert_eq!(meta.emojis, ["🐱", "😺"]);
    assert_eq!(
        meta.ios_app_store_link.as_deref(),
        Some("https://apps.apple.com/x")
    );
    assert_eq!(
        meta.android_app_store_link.as_deref(),
        Some("https://play.google.com/x")
    );
    assert_eq!(meta.is_first_party_sticker, Some(true));
    let out = js(&cb.notifications[0].typed().message);
    assert_eq!(
        out["metadata"],
        json!({"stickerpackId":"pack-1","stickerpackName":"Cats","stickerpackPublisher":"Me",
            "emojis":["🐱","😺"],"iosAppStoreLink":"https://apps.apple.com/x",
            "androidAppStoreLink":"https://play.google.com/x","isFirstPartySticker":true})
    );
    for (wire, value) in [("0", Some(false)), ("true", Some(true)), ("null", None)] {
        assert_eq!(first_party(wire), value, "{wire}");
    }
    malformed(
        &sticker("2"),
        "notifications[0].message.metadata.is-first-party-sticker",
        "must be 1, 0, true or false",
    );
}

#[test]
fn referral_and_contact_card_extras() {
    let cb = ok(
        r#"{"type":"whatsapp","notifications":[{"from":"1","message_id":"m",
        "message":{"type":"video","url":"https://v","mime_type":"video/mp4"},
        "referral":{"headline":"Sale","body":"50% off","source_type":"ad","source_id":"123",
            "source_url":"https://fb.me/ad","referral_media":{"type":"image","url":"https://img"},
            "ctwa_clid":"xyz"}}]}"#,
    );
    let r = cb.notifications[0].typed().referral.as_ref().unwrap();
    assert_eq!(r.headline.as_deref(), Some("Sale"));
    assert_eq!(r.body.as_deref(), Some("50% off"));
    assert_eq!(r.source_type, Some(ReferralSourceType::Ad));
    assert_eq!(r.source_id.as_deref(), Some("123"));
    assert_eq!(r.source_url.as_deref(), Some("https://fb.me/ad"));
    let media = r.referral_media.as_ref().unwrap();
    assert_eq!(
        (media.kind.as_deref(), media.url.as_deref()),
        (Some("image"), Some("https://img"))
    );
    assert_eq!(extra(&r.extra)["ctwa_clid"], "xyz");
    let out = js(r);
    assert_eq!(
        out,
        json!({"headline":"Sale","body":"50% off","sourceType":"ad","sourceId":"123",
            "sourceUrl":"https://fb.me/ad","referralMedia":{"type":"image","url":"https://img"},
            "ctwa_clid":"xyz"})
    );
    let cb = ok(
        r#"{"type":"whatsapp","notifications":[{"from":"1","message_id":"m",
        "message":{"type":"text","body":"b"},"referral":{"source_type":"post"}}]}"#,
    );
    assert_eq!(
        cb.notifications[0]
            .typed()
            .referral
            .as_ref()
            .unwrap()
            .source_type,
        Some(ReferralSourceType::Post)
    );

    let cb = ok(&one_message(
        r#"{"type":"contacts","contacts":[{"ims":["skype:x",{"service":"AIM","user_id":"y"}],
        "contact_image_url":"https://img","name":{"middle_name":"Q","suffix":"Jr","prefix":"Dr"}}]}"#,
    ));
    let InboundMessage::Contacts(c) = &cb.notifications[0].typed().message else {
        panic!()
    };
    let card = &c.contacts[0];
    assert_eq!(
        card.ims.iter().map(js).collect::<Vec<_>>(),
        [json!("skype:x"), json!({"service":"AIM","user_id":"y"})]
    );
    assert_eq!(card.contact_image_url.as_deref(), Some("https://img"));
    let name = card.name.as_ref().unwrap();
    assert_eq!(
        (
            name.middle_name.as_deref(),
            name.suffix.as_deref(),
            name.prefix.as_deref()
        ),
        (Some("Q"), Some("Jr"), Some("Dr"))
    );
}

#[test]
fn location_url_and_button_index_as_number() {
    let cb = ok(&one_message(
        r#"{"type":"location","latitude":-33.9,"longitude":151.2,"url":"www.sinch.com"}"#,
    ));
    let InboundMessage::Location(l) = &cb.notifications[0].typed().message else {
        panic!()
    };
    assert_eq!(
        (l.latitude.as_str(), l.longitude.as_str(), l.url.as_deref()),
        ("-33.9", "151.2", Some("www.sinch.com"))
    );
    let cb = ok(&one_message(r#"{"type":"button","index":1,"text":"Yes"}"#));
    let InboundMessage::Button(b) = &cb.notifications[0].typed().message else {
        panic!()
    };
    assert_eq!(
        (b.index.as_deref(), b.payload.as_deref()),
        (Some("1"), None)
    );
    malformed(
        &one_message(r#"{"type":"button","index":1.5}"#),
        "notifications[0].message.index",
        "must be a string or an integer",
    );
}

#[test]
fn nulls_count_as_absent() {
    let cb = ok(
        r#"{"type":"whatsapp","statuses":null,"contacts":null,"notifications":[
        {"from":"1","message_id":"m","to":null,"forwarded":null,"replying_to":null,"referral":null,
         "message":{"type":"contacts","contacts":null}}]}"#,
    );
    assert!(cb.statuses.is_empty() && cb.contacts.is_empty());
    let n = cb.notifications[0].typed();
    assert!(!n.forwarded && n.to.is_none() && n.replying_to.is_none());
    assert!(matches!(&n.message, InboundMessage::Contacts(c) if c.contacts.is_empty()));
}

#[test]
fn flags_and_indices_take_whole_numbers_in_any_form() {
    assert_eq!(first_party("1.0"), Some(true));
    assert_eq!(first_party("0e3"), Some(false));
    assert_eq!(first_party("false"), Some(false));
    let index = |index: &str| {
        let cb = ok(&one_message(&format!(
            r#"{{"type":"button","index":{index}}}"#
        )));
        let InboundMessage::Button(b) = &only_notification(&cb).message else {
            panic!()
        };
        b.index.clone()
    };
    assert_eq!(index("2.0").as_deref(), Some("2"));
    assert_eq!(index("-1").as_deref(), Some("-1"));
    assert_eq!(index("\"x\"").as_deref(), Some("x"));
}
