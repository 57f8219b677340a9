// `messages:send` validation as the brief states it (§2.1, §2.3, §2.4, §7.3): every rule is
// checked both ways, a body just inside it accepted and one just outside refused with 400
// INVALID_ARGUMENT naming the field.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "./server.mjs";
import { call, sendBody } from "./testdata/conversation-harness.mjs";

let emu;
before(async () => {
  emu = await startEmulator({ rateLimit: 100_000, conversation: { window: "open" } });
});
beforeEach(() => emu.reset());
after(() => emu.close());

const send = (body) => call(emu, "POST", "/messages:send", body);
const msg = (message, extra) => sendBody("46732001122", message, extra);
const x = (n) => "x".repeat(n);
const text = (t) => ({ text_message: { text: t } });
const template = (ref) => ({ template_message: { channel_template: { WHATSAPP: { template_id: "order_update", language_code: "en_US", ...ref } } } });
const params = (parameters) => template({ parameters });
const choice = (n, extra = {}) => ({ choice_message: { text_message: { text: "Pick" }, choices: Array.from({ length: n }, (_, i) => ({ text_message: { text: `c${i}` } })), ...extra } });
const list = (rows, props) => ({ list_message: { title: "Menu", sections: [{ title: "A", items: rows }], ...(props ? { message_properties: props } : {}) } });
const rows = (n) => Array.from({ length: n }, (_, i) => ({ choice: { title: `r${i}`, postback_data: `p${i}` } }));
const flows = (message) => ({ channel_specific_message: { WHATSAPP: { message_type: "FLOWS", message: { flow_id: "f1", flow_cta: "Open", ...message } } } });
const recipient = (channelIdentities) => ({ ...sendBody(), recipient: { identified_by: { channel_identities: channelIdentities } } });

/** `[rule, accepted body, refused body, field the refusal names]`. */
const RULES = [
  ["text ≤4096", msg(text(x(4096))), msg(text(x(4097))), "message.text_message.text"],
  ["text not empty", msg(text("a")), msg(text("")), "message.text_message.text"],
  ["one content key", msg(text("a")), msg({ ...text("a"), media_message: { url: "https://x.example/a.jpg" } }), "message"],
  ["a content key or a WhatsApp extra", msg(flows({})), msg({}), "message"],
  ["no unknown message key", msg(text("a")), msg({ ...text("a"), whatsapp_message: {} }), "message.whatsapp_message"],
  ["media url", msg({ media_message: { url: "https://x.example/a.pdf", filename_override: "a.pdf" } }), msg({ media_message: { url: "ftp://x.example/a.pdf" } }), "message.media_message.url"],
  ["media has no caption", msg({ media_message: { url: "https://x.example/a.jpg" } }), msg({ media_message: { url: "https://x.example/a.jpg", caption: "c" } }), "message.media_message.caption"],
  ["choices ≤10", msg(choice(10)), msg(choice(11)), "message.choice_message.choices"],
  ["choices ≥1", msg(choice(1)), msg(choice(0)), "message.choice_message.choices"],
  ["footer ≤60", msg(choice(2, { message_properties: { whatsapp_footer: x(60) } })), msg(choice(2, { message_properties: { whatsapp_footer: x(61) } })), "message.choice_message.message_properties.whatsapp_footer"],
  ["url choice needs a title", msg({ choice_message: { choices: [{ url_message: { title: "Site", url: "https://x.example" } }] } }), msg({ choice_message: { choices: [{ url_message: { url: "https://x.example" } }] } }), "message.choice_message.choices[0].url_message.title"],
  ["call choice E.164 with +", msg({ choice_message: { choices: [{ call_message: { title: "Call", phone_number: "+46732001122" } }] } }), msg({ choice_message: { choices: [{ call_message: { title: "Call", phone_number: "46732001122" } }] } }), "message.choice_message.choices[0].call_message.phone_number"],
  ["one kind per choice", msg(choice(1)), msg({ choice_message: { choices: [{ text_message: { text: "a" }, url_message: { title: "t", url: "https://x.example" } }] } }), "message.choice_message.choices[0]"],
  ["location title required", msg({ location_message: { coordinates: { latitude: 59.3, longitude: 18 }, title: "Office" } }), msg({ location_message: { coordinates: { latitude: 59.3, longitude: 18 } } }), "message.location_message.title"],
  ["latitude in range", msg({ location_message: { coordinates: { latitude: 90, longitude: 18 }, title: "N" } }), msg({ location_message: { coordinates: { latitude: 90.5, longitude: 18 }, title: "N" } }), "message.location_message.coordinates.latitude"],
  ["list title required", msg(list(rows(2))), msg({ list_message: { sections: [{ items: rows(2) }] } }), "message.list_message.title"],
  ["list ≤10 choices", msg(list(rows(10))), msg(list(rows(11))), "message.list_message.sections"],
  ["product list needs catalog_id", msg(list([{ product: { id: "p", marketplace: "FACEBOOK" } }], { catalog_id: "c" })), msg(list([{ product: { id: "p", marketplace: "FACEBOOK" } }])), "message.list_message.message_properties.catalog_id"],
  ["card needs content", msg({ card_message: { title: "T", media_message: { url: "https://x.example/a.jpg" } } }), msg({ card_message: { height: "TALL" } }), "message.card_message"],
  ["whatsapp_header ≤60", msg({ card_message: { title: "T", message_properties: { whatsapp_header: x(60) } } }), msg({ card_message: { title: "T", message_properties: { whatsapp_header: x(61) } } }), "message.card_message.message_properties.whatsapp_header"],
  ["carousel ≤10 cards", msg({ carousel_message: { cards: Array(10).fill({ title: "c" }) } }), msg({ carousel_message: { cards: Array(11).fill({ title: "c" }) } }), "message.carousel_message.cards"],
  ["carousel ≤3 choices", msg({ carousel_message: { cards: [{ title: "c" }], choices: choice(3).choice_message.choices } }), msg({ carousel_message: { cards: [{ title: "c" }], choices: choice(4).choice_message.choices } }), "message.carousel_message.choices"],
  ["contact full_name", msg({ contact_info_message: { name: { full_name: "Ada" }, phone_numbers: [{ phone_number: "+46732001122" }] } }), msg({ contact_info_message: { name: { first_name: "Ada" }, phone_numbers: [{ phone_number: "+46732001122" }] } }), "message.contact_info_message.name.full_name"],
  ["contact birthday", msg({ contact_info_message: { name: { full_name: "A" }, phone_numbers: [{ phone_number: "1" }], birthday: "1815-12-10" } }), msg({ contact_info_message: { name: { full_name: "A" }, phone_numbers: [{ phone_number: "1" }], birthday: "10/12/1815" } }), "message.contact_info_message.birthday"],
  ["template language_code present", msg(template({})), msg(template({ language_code: undefined })), "message.template_message.channel_template.WHATSAPP.language_code"],
  ["template language_code underscore form", msg(template({ language_code: "pt_BR" })), msg(template({ language_code: "pt-BR" })), "message.template_message.channel_template.WHATSAPP.language_code"],
  ["template needs a reference", msg(template({})), msg({ template_message: {} }), "message.template_message"],
  ["omni template needs version", msg({ template_message: { omni_template: { template_id: "t", version: "1" } } }), msg({ template_message: { omni_template: { template_id: "t" } } }), "message.template_message.omni_template.version"],
  ["header/body keys", msg(params({ "header[1]text": "Hi", "body[1]text": "Ada", "body[2]text": "#1" })), msg(params({ "body[0]text": "Ada" })), 'parameters["body[0]text"]'],
  ["media header keys", msg(params({ "header[1]document.link": "https://x/i.pdf", "header[1]document.filename": "i.pdf" })), msg(params({ "header[1]pdf.link": "https://x/i.pdf" })), 'parameters["header[1]pdf.link"]'],
  ["button keys", msg(params({ "button[0]url[1]text": "1234", "button[1]quick_reply[1]payload": "STOP" })), msg(params({ "button[0]url[1]payload": "1234" })), 'parameters["button[0]url[1]payload"]'],
  ["body takes only text", msg(params({ "body[1]text": "a" })), msg(params({ "body[1]payload": "a" })), 'parameters["body[1]payload"]'],
  ["quick-reply payload may be empty, text may not", msg(params({ "button[0]quick_reply[1]payload": "" })), msg(params({ "body[1]text": "" })), 'parameters["body[1]text"]'],
  ["parameters are strings", msg(params({ "body[1]text": "1" })), msg(params({ "body[1]text": 1 })), 'parameters.body[1]text'],
  ["flow_cta ≤20", msg(flows({ flow_cta: x(20) })), msg(flows({ flow_cta: x(21) })), "message.channel_specific_message.WHATSAPP.message.flow_cta"],
  ["flow body ≤1024", msg(flows({ body: { text: x(1024) } })), msg(flows({ body: { text: x(1025) } })), "message.channel_specific_message.WHATSAPP.message.body.text"],
  ["flow header forms", msg(flows({ header: { type: "image", image: { link: "https://x.example/a.png" } } })), msg(flows({ header: { type: "image", text: "a" } })), "message.channel_specific_message.WHATSAPP.message.header.text"],
  ["channel-specific types", msg({ ...text("a"), channel_specific_message: { WHATSAPP: { message_type: "ORDER_STATUS", message: { reference_id: "r" } } } }), msg({ channel_specific_message: { WHATSAPP: { message_type: "PAYMENT", message: {} } } }), "message.channel_specific_message.WHATSAPP.message_type"],
  ["explicit message is JSON text", msg({ ...text("a"), explicit_channel_message: { WHATSAPP: '{"type":"text"}' } }), msg({ explicit_channel_message: { WHATSAPP: "{not json" } }), "message.explicit_channel_message.WHATSAPP"],
  ["app_id required", sendBody(), { ...sendBody(), app_id: undefined }, "app_id"],
  ["recipient: one identity", sendBody(), recipient([{ channel: "WHATSAPP", identity: "46732001122" }, { channel: "WHATSAPP", identity: "46732001123" }]), "recipient.identified_by.channel_identities"],
  ["recipient: channel WHATSAPP", sendBody(), recipient([{ channel: "SMS", identity: "46732001122" }]), "recipient.identified_by.channel_identities[0].channel"],
  ["recipient: digits without +", sendBody(), recipient([{ channel: "WHATSAPP", identity: "+46732001122" }]), "recipient.identified_by.channel_identities[0].identity"],
  ["recipient: one form", sendBody(), { ...sendBody(), recipient: { contact_id: "c1", identified_by: sendBody().recipient.identified_by } }, "recipient"],
  ["recipient: no contact_id in DISPATCH mode", sendBody(), { ...sendBody(), recipient: { contact_id: "c1" } }, "recipient.contact_id"],
  ["ttl from 3s", msg(text("a"), { ttl: "3s" }), msg(text("a"), { ttl: "2s" }), "ttl"],
  ["ttl to 315576000000s", msg(text("a"), { ttl: "315576000000s" }), msg(text("a"), { ttl: "315576000001s" }), "ttl"],
  ["ttl whole seconds with s", msg(text("a"), { ttl: "60s" }), msg(text("a"), { ttl: 60 }), "ttl"],
  ["correlation_id ≤128", msg(text("a"), { correlation_id: x(128) }), msg(text("a"), { correlation_id: x(129) }), "correlation_id"],
  ["message_metadata ≤1024", msg(text("a"), { message_metadata: x(1024) }), msg(text("a"), { message_metadata: x(1025) }), "message_metadata"],
  ["conversation_metadata ≤2048", msg(text("a"), { conversation_metadata: { k: x(2040) } }), msg(text("a"), { conversation_metadata: { k: x(2041) } }), "conversation_metadata"],
  ["callback_url a URL", msg(text("a"), { callback_url: "http://127.0.0.1:1/cb" }), msg(text("a"), { callback_url: "/cb" }), "callback_url"],
  ["channel properties ≤1024", msg(text("a"), { channel_properties: { SMS_SENDER: x(1024) } }), msg(text("a"), { channel_properties: { SMS_SENDER: x(1025) } }), "channel_properties.SMS_SENDER"],
  ["channel_priority_order", msg(text("a"), { channel_priority_order: ["WHATSAPP"] }), msg(text("a"), { channel_priority_order: ["SMS"] }), "channel_priority_order[0]"],
  ["no unknown envelope field", msg(text("a"), { queue: "HIGH_PRIORITY" }), msg(text("a"), { to: ["46732001122"] }), "body.to"],
];

for (const [rule, good, bad, field] of RULES) {
  test(`${rule}: accepted inside, 400 naming ${field} outside`, async () => {
    const ok = await send(good);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.match(ok.body.message_id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.ok(!Number.isNaN(Date.parse(ok.body.accepted_time)));
    const no = await send(bad);
    assert.equal(no.status, 400, JSON.stringify(bad));
    assert.deepEqual(Object.keys(no.body.error).sort(), ["code", "details", "message", "status"]);
    assert.deepEqual([no.body.error.code, no.body.error.status, no.body.error.details], [400, "INVALID_ARGUMENT", []]);
    assert.ok(no.body.error.message.includes(field), `${no.body.error.message} should name ${field}`);
  });
}

test("reply buttons (1 to 3 text choices of a choice or card message) hold no markdown; other choices may", async () => {
  const buttons = (...titles) => titles.map((t, i) => ({ text_message: { text: t }, postback_data: `p${i}` }));
  const says = "must hold no markdown in a reply button (WhatsApp's reply buttons take none)";
  const markdown = ["`code`", "a ` b", "```x```", "~~~", "***", "___", "*bold*", "_it_", "~strike~", "**b**", "a *b c* d", "a_b_c", "2*3*4"];
  for (const title of markdown) {
    for (const [message, at] of [
      [{ choice_message: { text_message: { text: "Pick" }, choices: buttons("Fine", title) } }, "message.choice_message.choices[1].text_message.text"],
      [{ card_message: { description: "Pick", choices: buttons(title) } }, "message.card_message.choices[0].text_message.text"],
    ]) {
      const r = await send(msg(message));
      assert.equal(r.status, 400, title);
      assert.equal(r.body.error.message, `${at}: ${says}`);
    }
  }
  for (const title of ["a * b * c", "5*3", "* star", "a_b", "~ 5 ~", "**", "~a ~", "snake_case", "50% off"]) {
    assert.equal((await send(msg({ choice_message: { text_message: { text: "Pick" }, choices: buttons(title, "Fine") } }))).status, 200, title);
  }
  // Not reply buttons: four choices, a URL choice beside, a carousel's. Sinch sends them otherwise.
  assert.equal((await send(msg({ choice_message: { choices: buttons("*a*", "b", "c", "d") } }))).status, 200);
  assert.equal((await send(msg({ choice_message: { choices: [...buttons("*a*"), { url_message: { title: "Site", url: "https://x.example" } }] } }))).status, 200);
  assert.equal((await send(msg({ carousel_message: { cards: [{ title: "c", choices: buttons("*a*") }], choices: buttons("_b_") } }))).status, 200);
});

test("a body that is not JSON, or none, is 400; a refused send creates no message", async () => {
  const res = await fetch(`${emu.url}/v1/projects/project-1/messages:send`, { method: "POST", headers: { authorization: `Basic ${Buffer.from("key-1:secret-1").toString("base64")}` }, body: "{" });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.status, "INVALID_ARGUMENT");
  assert.equal((await call(emu, "POST", "/messages:send")).status, 400);
  assert.equal(emu.conversation.reports.messages.length, 0);
  assert.equal(emu.requests.filter((r) => r.created).length, 0);
});

test("with templates it knows, a quick-reply button's payload key must be present (even empty) and button keys match their buttons", async () => {
  const own = await startEmulator({ conversation: { window: "open", templates: { order_update: { buttons: ["url", "quick_reply"] } } } });
  try {
    const sendTo = (parameters, id = "order_update") => call(own, "POST", "/messages:send", msg(template({ template_id: id, parameters })));
    assert.equal((await sendTo({ "button[0]url[1]text": "1234", "button[1]quick_reply[1]payload": "" })).status, 200);
    const missing = await sendTo({ "button[0]url[1]text": "1234" });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /parameters\["button\[1\]quick_reply\[1\]payload"\]: must be present/);
    const wrongType = await sendTo({ "button[1]quick_reply[1]payload": "", "button[1]url[1]text": "x" });
    assert.match(wrongType.body.error.message, /parameters\["button\[1\]url\[1\]text"\]/);
    assert.equal((await sendTo({ "button[0]url[1]text": "1234" }, "other_template")).status, 200, "a template it was not told about is not checked");
  } finally {
    await own.close();
  }
});
