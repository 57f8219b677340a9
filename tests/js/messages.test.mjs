// Every message type through the built package to the emulator, which validates
// it independently from Sinch's docs: the convenience senders and `send` put the
// documented snake_case body on the wire, and bad input never leaves the client.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

const TO = "+46732001122";
let emu, wa;

before(async () => {
  emu = await emulator();
  const sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: "bot-node", token: TOKEN, baseUrl: emu.url });
});
beforeEach(() => emu.reset());
after(() => emu?.close());

const wire = () => emu.requests.at(-1).body.message;
const IMG = "https://media.example.com/a.jpg";

const CASES = [
  ["sendImage", (c) => c.sendImage(TO, IMG, { caption: "A photo" }), { type: "image", url: IMG, caption: "A photo" }],
  ["sendVideo", (c) => c.sendVideo([TO], "https://media.example.com/v.mp4", { provider: "my-cdn" }), { type: "video", url: "https://media.example.com/v.mp4", provider: "my-cdn" }],
  ["sendAudio", (c) => c.sendAudio(TO, "https://media.example.com/a.ogg"), { type: "audio", url: "https://media.example.com/a.ogg" }],
  ["sendDocument", (c) => c.sendDocument(TO, "https://media.example.com/d.pdf", { filename: "d.pdf", caption: "Terms" }), { type: "document", url: "https://media.example.com/d.pdf", filename: "d.pdf", caption: "Terms" }],
  ["sendSticker by URL", (c) => c.sendSticker(TO, "https://media.example.com/s.webp"), { type: "sticker", url: "https://media.example.com/s.webp" }],
  ["sendSticker by id", (c) => c.sendSticker(TO, "pack-1-sticker-0"), { type: "sticker", id: "pack-1-sticker-0" }],
  ["sendLocation", (c) => c.sendLocation(TO, { lat: 55.7047, lng: 13.191, name: "Ideon", address: "Scheelevägen 17" }), { type: "location", lat: 55.7047, lng: 13.191, name: "Ideon", address: "Scheelevägen 17" }],
  [
    "sendContacts",
    (c) => c.sendContacts(TO, [{ name: { formattedName: "John Smith", firstName: "John" }, phones: [{ phone: "+1 (650) 555-1234", type: "WORK", waId: "16505551234" }], addresses: [{ city: "Menlo Park", countryCode: "us" }] }]),
    { type: "contacts", contacts: [{ name: { formatted_name: "John Smith", first_name: "John" }, phones: [{ phone: "+1 (650) 555-1234", type: "WORK", wa_id: "16505551234" }], addresses: [{ city: "Menlo Park", country_code: "us" }] }] },
  ],
  [
    "sendTemplate",
    (c) => c.sendTemplate(TO, { templateName: "order_update", language: "en_US", headerParams: ["#42"], bodyParams: ["Ada", "Friday"], media: { type: "image", url: IMG }, buttons: [{ type: "url", parameter: "42" }, { type: "quick_reply", payload: "stop" }] }),
    { type: "template", template_name: "order_update", language: "en_US", header_params: ["#42"], body_params: ["Ada", "Friday"], media: { type: "image", url: IMG }, buttons: [{ type: "url", parameter: "42" }, { type: "quick_reply", payload: "stop" }] },
  ],
  [
    "sendInteractive (buttons)",
    (c) => c.sendInteractive(TO, { type: "button", header: { type: "text", text: "Delivery" }, body: { text: "When?" }, footer: { text: "Reply below" }, action: { buttons: [{ id: "am", title: "Morning" }, { id: "pm", title: "Afternoon" }] } }),
    { type: "interactive", message: { type: "button", header: { type: "text", text: "Delivery" }, body: { text: "When?" }, footer: { text: "Reply below" }, action: { buttons: [{ type: "reply", id: "am", title: "Morning" }, { type: "reply", id: "pm", title: "Afternoon" }] } } },
  ],
  [
    "send (list)",
    (c) => c.send({ to: [TO], message: { type: "interactive", message: { type: "list", body: { text: "Pick a size" }, action: { button: "Sizes", sections: [{ title: "Shirts", rows: [{ id: "s", title: "Small" }, { id: "m", title: "Medium", description: "Most popular" }] }] } } } }),
    { type: "interactive", message: { type: "list", body: { text: "Pick a size" }, action: { button: "Sizes", sections: [{ title: "Shirts", rows: [{ id: "s", title: "Small" }, { id: "m", title: "Medium", description: "Most popular" }] }] } } },
  ],
];

for (const [name, call, expected] of CASES) {
  test(`${name} puts the documented body on the wire and Sinch (the emulator) accepts it`, async () => {
    const result = await call(wa);
    assert.equal(result.messages.length, 1);
    assert.deepEqual(wire(), expected);
  });
}

test("bad input is refused before sending, naming the field and the rule", async () => {
  const refusals = [
    [(c) => c.sendImage(TO, "not-a-url"), "message.url"],
    [(c) => c.sendAudio(TO, "https://media.example.com/a.ogg", { caption: "x" }), "request.message.caption"],
    [(c) => c.sendLocation(TO, { lat: 91, lng: 0 }), "message.lat"],
    [(c) => c.sendTemplate(TO, { templateName: "t", ttl: "P1D" }), "message.ttl"],
    [(c) => c.sendInteractive(TO, { type: "button", body: { text: "b" }, action: { buttons: [1, 2, 3, 4].map((i) => ({ id: `${i}`, title: "t" })) } }), "message.message.action.buttons"],
    [(c) => c.sendContacts(TO, []), "message.contacts"],
    [(c) => c.sendText("0732001122", "x"), "to[0]"],
  ];
  for (const [call, field] of refusals) {
    const err = await call(wa).catch((e) => e);
    assert.equal(err.code, "invalid_argument", String(err));
    assert.equal(err.field, field, err.message);
    assert.ok(err.message.length > field.length + 5, err.message);
  }
  assert.equal(emu.requests.length, 0);
});

test('the Conversation API\'s send fields are refused under api: "whatsapp", before sending', async () => {
  const text = { type: "text", text: "x" };
  const extras = [["correlationId", "order-7"], ["ttl", 60], ["channelSpecificMessage", { messageType: "FLOWS", message: { flowId: "f", flowCta: "Go" } }]];
  for (const [key, value] of extras) {
    const err = await wa.send({ to: [TO], message: text, [key]: value }).catch((e) => e);
    assert.equal(err.code, "invalid_argument", String(err));
    assert.equal(err.field, key, err.message);
    assert.equal(err.message, `${key}: is only for api: "conversation"`);
  }
  // They are still read with their types first: a wrong one is named by its path.
  const err = await wa.send({ to: [TO], message: text, ttl: "60s" }).catch((e) => e);
  assert.equal(err.field, "request.ttl", err.message);
  assert.equal(emu.requests.length, 0);
});

test("a structural error names the deepest wrong path and the expected type", async () => {
  const buttons = (items) => ({ type: "interactive", message: { type: "button", body: { text: "b" }, action: { buttons: items } } });
  const ok = { id: "a", title: "A" };
  const refusals = [
    [{ to: [TO, 46732001122], message: { type: "text", text: "x" } }, "request.to[1]", /must be a string/],
    [{ to: TO, message: { type: "text", text: "x" } }, "request.to", /must be an array/],
    [{ to: [TO], message: buttons([ok, "B"]) }, "request.message.message.action.buttons[1]", /must be an object/],
    [{ to: [TO], message: buttons([ok, { title: "B" }]) }, "request.message.message.action.buttons[1].id", /is required/],
    [{ to: [TO], message: buttons([ok, { id: "b", title: 2 }]) }, "request.message.message.action.buttons[1].title", /must be a string/],
    [{ to: [TO], message: buttons([ok, { id: "b", title: "B", colour: "red" }]) }, "request.message.message.action.buttons[1].colour", /not a known field/],
    [{ to: [TO], message: { type: "order", items: [] } }, "request.message.type", /must be one of "text", "image"/],
    [{ to: [TO], message: { text: "x" } }, "request.message.type", /is required/],
    [{ to: [TO], message: { type: "interactive", message: { type: "carousel" } } }, "request.message.message.type", /must be one of "button", "list"/],
    [{ to: [TO], message: { type: "location", lat: "55.7", lng: 13.1 } }, "request.message.lat", /must be a number/],
    [{ to: [TO], message: { type: "template", templateName: "t", buttons: [{ type: "url", parameter: 5 }] } }, "request.message.buttons[0].parameter", /must be a string/],
    [{ to: [TO], message: { type: "contacts", contacts: [{ name: {} }] } }, "request.message.contacts[0].name.formattedName", /is required/],
    [{ message: { type: "text", text: "x" } }, "request.to", /is required/],
    ["not an object", "request", /must be an object/],
  ];
  for (const [request, field, rule] of refusals) {
    const err = await wa.send(request).catch((e) => e);
    assert.equal(err.code, "invalid_argument", String(err));
    assert.equal(err.field, field, err.message);
    assert.match(err.message, rule);
    assert.ok(err.message.startsWith(`${field}: `), err.message);
  }
  assert.equal(emu.requests.length, 0);
});
