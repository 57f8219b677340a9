//! The exported JS face, compiled to wasm and run by wasm-bindgen-test in Node,
//! in headless Chromium and in a dedicated Worker (no `window`), against the
//! emulator whose URL the test script passes at build time (SINCH_EMULATOR_URL).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{Array, Reflect, JSON};
use sinch_whatsapp::web::WhatsAppClient;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const TOKEN: &str = "test-token";
const BOT: &str = "bot-wasm";
const TO: &str = "+46732001122";

fn emulator() -> &'static str {
    match option_env!("SINCH_EMULATOR_URL") {
        Some(url) => url,
        None => panic!("build with SINCH_EMULATOR_URL set (scripts/test.sh does)"),
    }
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    object.into()
}

fn client(token: &str) -> WhatsAppClient {
    let options = object(&[
        ("botId", BOT.into()),
        ("token", token.into()),
        ("baseUrl", emulator().into()),
        // The Chromium run is a page; the guard itself is tested in tests/js/browser.test.mjs.
        ("dangerouslyAllowBrowser", true.into()),
    ]);
    WhatsAppClient::new(options).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn text(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn bad_options_throw_a_sinch_error_naming_the_field() {
    let options = object(&[
        ("botId", BOT.into()),
        ("token", "a\nb".into()),
        ("region", "eu".into()),
    ]);
    let err = WhatsAppClient::new(options).err().unwrap();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name"), "SinchError");
    assert_eq!(get(&err, "code"), "invalid_argument");
    assert_eq!(get(&err, "field"), "token");
    let hostile = [
        JsValue::NULL,
        JsValue::from(7),
        JsValue::from("x"),
        Array::new().into(),
    ];
    for value in hostile {
        assert_eq!(
            get(&WhatsAppClient::new(value).err().unwrap(), "code"),
            "invalid_argument"
        );
    }
}

#[wasm_bindgen_test]
async fn send_text_reaches_the_emulator() {
    let result =
        JsFuture::from(client(TOKEN).send_text(TO.into(), "from wasm-bindgen-test".into(), None))
            .await
            .unwrap();
    let messages: Array = get(&result, "messages").dyn_into().unwrap();
    assert_eq!(messages.length(), 1);
    let id = get(&messages.get(0), "id").as_string().unwrap();
    assert_eq!(id.len(), 26, "{}", text(&result));
    assert_eq!(get(&messages.get(0), "recipient"), TO);
}

#[wasm_bindgen_test]
async fn wrong_token_is_unauthorized_and_never_echoed() {
    let secret = "not-the-token-42";
    let client = client(secret);
    let err = JsFuture::from(client.send_text(TO.into(), "x".into(), None))
        .await
        .unwrap_err();
    assert_eq!(get(&err, "code"), "unauthorized");
    assert_eq!(get(&err, "status"), 401);
    let shown = [
        text(&err),
        String::from(err.unchecked_ref::<js_sys::Error>().to_string()),
        text(&client.to_json()),
    ];
    for shown in shown {
        assert!(!shown.contains(secret), "{shown}");
    }
}

#[wasm_bindgen_test]
async fn invalid_input_rejects_without_sending() {
    let hostile = [
        JsValue::NULL,
        JsValue::from(1.5),
        object(&[("to", JsValue::TRUE)]),
    ];
    for value in hostile {
        let err = JsFuture::from(client(TOKEN).send(value, None))
            .await
            .unwrap_err();
        assert_eq!(get(&err, "code"), "invalid_argument");
    }
    let err = JsFuture::from(client(TOKEN).send_text(JsValue::from(5), "x".into(), None))
        .await
        .unwrap_err();
    assert_eq!(get(&err, "field"), "to");
}
