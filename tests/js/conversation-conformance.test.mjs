// The Conversation API client's requests against tests/conformance/conversation-api.yaml, an
// OpenAPI document we wrote from the brief (shared/conversation-api/README.md), not from the
// client. First the document itself: the brief's own samples pass, broken bodies fail at the
// path the brief's rule names. Then the real thing: the packed client, under
// `api: "conversation"`, sends every message type to the emulator, and every request the
// emulator recorded (the token request included) is checked: the path and method exist in the
// document, the auth and content-type headers are the ones it declares, the body validates.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { startEmulator } from "../../emulator/server.mjs";
import { checkRequest, invalid, operationFor, valid } from "../conformance/conversation-api.mjs";
import { consumer, resolveEntry } from "./support.mjs";

// ---- the document -------------------------------------------------------------------------

/** The brief's §2.3 minimal text send, as printed there. */
const BRIEF_TEXT_SEND = {
  app_id: "APP",
  recipient: { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } },
  message: { text_message: { text: "hi" } },
  message_metadata: "ref-1",
};
/** The brief's §2.4 template example, as printed there. */
const BRIEF_TEMPLATE = {
  template_message: {
    channel_template: {
      WHATSAPP: {
        template_id: "order_update",
        language_code: "en_US",
        parameters: {
          "header[1]document.link": "https://x/inv.pdf",
          "header[1]document.filename": "inv.pdf",
          "body[1]text": "Ada",
          "body[2]text": "#1234",
          "button[0]url[1]text": "1234",
          "button[1]quick_reply[1]payload": "STOP",
        },
      },
    },
  },
};
const WA = "/message/template_message/channel_template/WHATSAPP";
const send = (patch) => ({ ...BRIEF_TEXT_SEND, ...patch });
const template = (patch) => send({ message: { template_message: { channel_template: { WHATSAPP: { ...BRIEF_TEMPLATE.template_message.channel_template.WHATSAPP, ...patch } } } } });

describe("the document written from the brief", () => {
  test("the brief's own samples validate", () => {
    valid("SendMessageRequest", BRIEF_TEXT_SEND);
    valid("AppMessage", BRIEF_TEMPLATE);
    valid("SendMessageRequest", send({ message: BRIEF_TEMPLATE }));
    valid("SendMessageResponse", { message_id: "01HVX0000000000000000000AB", accepted_time: "2026-11-30T18:00:00.123Z" });
    valid("Error", { error: { code: 404, message: "not found", status: "NOT_FOUND", details: [] } });
    valid("Error", { code: 401, message: "unauthenticated", status: "UNAUTHENTICATED" });
    valid("TokenRequest", { grant_type: "client_credentials" });
    valid("TokenResponse", { access_token: "eyJ.x.y", token_type: "bearer", expires_in: 3600, scope: "" });
  });

  test("the message holds exactly one content key", () => {
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a" }, media_message: { url: "https://x/a.jpg" } } }), "/message", "oneOf");
    invalid("SendMessageRequest", send({ message: { message_properties: {} } }), "/message", "additionalProperties");
    invalid("SendMessageRequest", send({ message: {} }), "/message", "oneOf");
  });

  test("the envelope's required fields, closed shape and limits", () => {
    const { app_id, ...noApp } = BRIEF_TEXT_SEND;
    invalid("SendMessageRequest", noApp, "", "required");
    invalid("SendMessageRequest", send({ preview_url: true }), "", "additionalProperties");
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a", preview_url: true } } }), "/message/text_message", "additionalProperties");
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a".repeat(4097) } } }), "/message/text_message/text", "maxLength");
    valid("SendMessageRequest", send({ message: { text_message: { text: "a".repeat(4096) } } }));
    invalid("SendMessageRequest", send({ correlation_id: "c".repeat(129) }), "/correlation_id", "maxLength");
    valid("SendMessageRequest", send({ correlation_id: "c".repeat(128) }));
    const both = { identified_by: BRIEF_TEXT_SEND.recipient.identified_by, contact_id: "c1" };
    invalid("SendMessageRequest", send({ recipient: both }), "/recipient", "oneOf");
    const plus = { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "+46732001122" }] } };
    invalid("SendMessageRequest", send({ recipient: plus }), "/recipient/identified_by/channel_identities/0/identity", "pattern");
  });

  test("ttl is whole seconds with an s, 3 to 315576000000", () => {
    invalid("SendMessageRequest", send({ ttl: "60" }), "/ttl", "pattern");
    invalid("SendMessageRequest", send({ ttl: 60 }), "/ttl", "type");
    for (const ttl of ["3s", "60s", "86400s", "299999999999s", "315575999999s", "315576000000s"]) valid("SendMessageRequest", send({ ttl }));
    for (const ttl of ["2s", "0s", "03s", "1.5s", "315576000001s", "315577000000s", "1000000000000s"]) invalid("SendMessageRequest", send({ ttl }), "/ttl", "pattern");
  });

  test("template parameter keys follow §2.4's grammar; language_code is in underscore form", () => {
    for (const key of ["body[+1]text", "body[0]text", "body[1]Text", "button[1]text", "header[1]audio.link", "button[0]call[1]text", "button[0]quick_reply[1]"]) {
      invalid("SendMessageRequest", template({ parameters: { [key]: "x" } }), `${WA}/parameters`, "propertyNames");
    }
    valid("SendMessageRequest", template({ parameters: { "header[1]image.provider.name": "p", "button[10]quick_reply[1]payload": "", "body[12]text": "x" } }));
    invalid("SendMessageRequest", template({ language_code: "en-US" }), `${WA}/language_code`, "pattern");
    invalid("SendMessageRequest", template({ parameters: { "body[1]text": 1 } }), `${WA}/parameters/body[1]text`, "type");
    const { language_code, ...noLanguage } = BRIEF_TEMPLATE.template_message.channel_template.WHATSAPP;
    invalid("SendMessageRequest", send({ message: { template_message: { channel_template: { WHATSAPP: noLanguage } } } }), WA, "required");
  });

  test("content shapes and their limits", () => {
    const choice = (i) => ({ text_message: { text: `c${i}` }, postback_data: `p${i}` });
    const choices = (n) => Array.from({ length: n }, (_, i) => choice(i));
    valid("AppMessage", { choice_message: { text_message: { text: "pick" }, choices: choices(10) } });
    invalid("AppMessage", { choice_message: { text_message: { text: "pick" }, choices: choices(11) } }, "/choice_message/choices", "maxItems");
    invalid("AppMessage", { media_message: { url: "https://x/a.jpg", caption: "c" } }, "/media_message", "additionalProperties");
    invalid("AppMessage", { location_message: { coordinates: { latitude: 1, longitude: 2 } } }, "/location_message", "required");
    invalid("AppMessage", { contact_info_message: { name: { full_name: "A" }, phone_numbers: [], addresses: [{ street: "1 Way" }] } }, "/contact_info_message/addresses/0", "additionalProperties");
    valid("NativeReplyButtons", choices(3));
    invalid("NativeReplyButtons", choices(4), "", "maxItems");
    invalid("NativeReplyButtons", [{ text_message: { text: "t".repeat(21) } }], "/0/text_message/text", "maxLength");
    invalid("NativeReplyButtons", [{ text_message: { text: "t" }, postback_data: "p".repeat(230) }], "/0/postback_data", "maxLength");
    // §2.3 "without markdown", read strictly (a_b_c too); spaced operators pass.
    for (const text of ["`code`", "```", "~~~", "*bold*", "_it_", "~strike~", "a_b_c"]) invalid("NativeReplyButtons", [{ text_message: { text } }], "/0/text_message/text", "not");
    for (const text of ["a * b * c", "5*3", "snake_case", "**", "~a ~"]) valid("NativeReplyButtons", [{ text_message: { text } }]);
  });

  test("channel_specific_message: FLOWS typed as §2.3 says", () => {
    const flows = (message) => ({ text_message: { text: "x" }, channel_specific_message: { WHATSAPP: { message_type: "FLOWS", message } } });
    const flow = { flow_id: "1", flow_cta: "Book", flow_mode: "published", flow_action: "navigate", flow_action_payload: { screen: "S1", data: { a: 1 } }, header: { type: "image", image: { link: "https://x/h.png" } }, body: { text: "b" }, footer: { text: "f" } };
    valid("AppMessage", flows(flow));
    invalid("AppMessage", flows({ ...flow, flow_cta: "c".repeat(21) }), "/channel_specific_message/WHATSAPP/message/flow_cta", "maxLength");
    invalid("AppMessage", flows({ ...flow, flow_mode: "PUBLISHED" }), "/channel_specific_message/WHATSAPP/message/flow_mode", "enum");
    invalid("AppMessage", flows({ ...flow, footer: { text: "f".repeat(61) } }), "/channel_specific_message/WHATSAPP/message/footer/text", "maxLength");
    invalid("AppMessage", flows({ ...flow, flowCta: "x" }), "/channel_specific_message/WHATSAPP/message", "additionalProperties");
    valid("AppMessage", { text_message: { text: "x" }, channel_specific_message: { WHATSAPP: { message_type: "ORDER_STATUS", message: { any: 1 } } } });
  });
});

test("the request check can fail: unknown paths, wrong headers and bodies are caught", () => {
  const who = { auth: "Bearer", basic: "k:s", projectId: "p" };
  const ok = { method: "POST", path: "/v1/projects/p/messages:send", query: {}, headers: { authorization: "Bearer t", "content-type": "application/json" }, body: BRIEF_TEXT_SEND };
  assert.equal(checkRequest(ok, who).op.operationId, "sendMessage");
  const token = { method: "POST", path: "/oauth2/token", query: {}, headers: { authorization: `Basic ${Buffer.from("k:s").toString("base64")}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" };
  assert.equal(checkRequest(token, who).op.operationId, "token");
  const broken = [
    [{ ...ok, path: "/v1/projects/p/messages" }, /is not in the document/],
    [{ ...ok, method: "PUT" }, /is not in the document/],
    [{ ...ok, path: "/v1/projects/other/messages:send" }, /the project/],
    [{ ...ok, query: { debug: "1" } }, /query parameter debug is not declared/],
    [{ ...ok, headers: { "content-type": "application/json" } }, /Authorization \(none\)/],
    [{ ...ok, headers: { ...ok.headers, authorization: "Basic azpz" } }, /Authorization Basic/],
    [{ ...ok, headers: { ...ok.headers, "content-type": "text/plain" } }, /content type text\/plain/],
    [{ ...ok, body: { ...BRIEF_TEXT_SEND, app: "x" } }, /SendMessageRequest: data must NOT have additional properties/],
    [{ ...token, body: "grant_type=client_credentials&scope=x" }, /TokenRequest: data must NOT have additional properties/],
    [{ ...token, body: "grant_type=client_credentials&grant_type=client_credentials" }, /a key twice/],
    [{ ...token, headers: { ...token.headers, authorization: `Basic ${Buffer.from("k:x").toString("base64")}` } }, /Basic keyId:keySecret/],
    [{ ...token, body: { grant_type: "client_credentials" } }, /a form body, not JSON/],
    [{ method: "GET", path: "/v1/projects/p/messages/m1", query: { messages_source: "ALL" }, headers: ok.headers }, /query messages_source=ALL/],
  ];
  for (const [request, message] of broken) assert.throws(() => checkRequest(request, who), { name: "AssertionError", message }, JSON.stringify(request));
});

// ---- the real thing: the packed client against the emulator ---------------------------------

const CONV = { projectId: "project-conf", appId: "app-conf", keyId: "key-conf", keySecret: "secret-conf" };
const WHO = { auth: "Bearer", basic: `${CONV.keyId}:${CONV.keySecret}`, projectId: CONV.projectId };
const TO = "+46732001122";
const MEDIA = "https://media.example.com";
/** A Flow as the user writes it (contract §2: typed, camelCase) and as brief §2.3 puts it on the wire. */
const FLOW = { flowId: "1234567890", flowCta: "Book now", flowToken: "tok", flowMode: "published", flowAction: "navigate", flowActionPayload: { screen: "START", data: { party: 2 } }, header: { type: "image", image: { link: `${MEDIA}/f.png` } }, body: { text: "Pick a time" }, footer: { text: "Ideon" } };
const FLOW_WIRE = Object.fromEntries(Object.entries(FLOW).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]));
const BUTTONS = [{ id: "yes-1", title: "Yes" }, { id: "no-1", title: "No" }];
const buttons = (extra) => ({ type: "button", body: { text: "Shall we?" }, action: { buttons: BUTTONS }, ...extra });

/** The reply buttons of a choice or card message: what WhatsApp renders natively (§2.3). */
function nativeButtons(choices) {
  valid("NativeReplyButtons", choices);
  assert.deepEqual(choices.map((c) => [c.text_message.text, c.postback_data]), BUTTONS.map((b) => [b.title, b.id]), "title → text, id → postback_data");
}
const content = (body, key) => {
  assert.deepEqual(Object.keys(body.message).filter((k) => k.endsWith("_message") && !k.startsWith("explicit") && k !== "channel_specific_message"), [key]);
  return body.message[key];
};

/**
 * Every message type the standalone API has, and the Conversation-only extras, each with what the
 * brief says its body must carry beyond the schema (`expect`, given the bodies in `to` order).
 */
const SENDS = [
  ["text", (c) => c.sendText(TO, "hi"), ([b]) => assert.equal(content(b, "text_message").text, "hi")],
  ["text to two recipients: one request each, in order", (c) => c.send({ to: [TO, "+46732002244"], message: { type: "text", text: "hi" } }), (bodies) =>
    assert.deepEqual(bodies.map((b) => b.recipient.identified_by.channel_identities[0].identity), ["46732001122", "46732002244"])],
  ["image", (c) => c.sendImage(TO, `${MEDIA}/a.jpg`), ([b]) => assert.equal(content(b, "media_message").url, `${MEDIA}/a.jpg`)],
  ["video", (c) => c.sendVideo(TO, `${MEDIA}/v.mp4`), ([b]) => assert.equal(content(b, "media_message").url, `${MEDIA}/v.mp4`)],
  ["audio", (c) => c.sendAudio(TO, `${MEDIA}/a.ogg`), ([b]) => assert.equal(content(b, "media_message").url, `${MEDIA}/a.ogg`)],
  ["document with filename", (c) => c.sendDocument(TO, `${MEDIA}/d.pdf`, { filename: "invoice.pdf" }), ([b]) =>
    assert.deepEqual(content(b, "media_message"), { url: `${MEDIA}/d.pdf`, filename_override: "invoice.pdf" })],
  ["sticker by URL", (c) => c.sendSticker(TO, `${MEDIA}/s.webp`), ([b]) => assert.equal(content(b, "media_message").url, `${MEDIA}/s.webp`)],
  ["location", (c) => c.sendLocation(TO, { lat: 55.7047, lng: 13.191, name: "Ideon", address: "Scheelevägen 17" }), ([b]) =>
    assert.deepEqual(content(b, "location_message"), { coordinates: { latitude: 55.7047, longitude: 13.191 }, title: "Ideon", label: "Scheelevägen 17" })],
  ["contacts", (c) => c.sendContacts(TO, [{
    name: { formattedName: "John Smith", firstName: "John", lastName: "Smith" },
    addresses: [{ city: "Menlo Park", country: "United States", countryCode: "us", state: "CA", type: "HOME", zip: "94025" }],
    birthday: "2012-08-18",
    emails: [{ email: "test@fb.com", type: "WORK" }],
    org: { company: "WhatsApp", department: "Design", title: "Manager" },
    phones: [{ phone: "+1 (650) 555-1234", type: "WORK" }],
    urls: [{ url: "https://www.facebook.com", type: "WORK" }],
  }]), ([b]) => {
    const card = content(b, "contact_info_message");
    assert.equal(card.name.full_name, "John Smith");
    assert.equal(card.phone_numbers[0].phone_number, "+1 (650) 555-1234");
    assert.equal(card.birthday, "2012-08-18");
  }],
  ["template: header and body params, url and quick-reply buttons", (c) => c.sendTemplate(TO, {
    templateName: "order_update", language: "en_US", headerParams: ["Ada"], bodyParams: ["#1234", "today"],
    buttons: [{ type: "url", parameter: "1234" }, { type: "quick_reply" }, { type: "quick_reply", payload: "STOP" }],
  }), ([b]) => assert.deepEqual(content(b, "template_message").channel_template.WHATSAPP, {
    template_id: "order_update", language_code: "en_US",
    // §2.4: a quick-reply payload key is sent even when empty.
    parameters: { "header[1]text": "Ada", "body[1]text": "#1234", "body[2]text": "today", "button[0]url[1]text": "1234", "button[1]quick_reply[1]payload": "", "button[2]quick_reply[1]payload": "STOP" },
  })],
  ["template: media header", (c) => c.sendTemplate(TO, { templateName: "invoice", language: "pt_BR", bodyParams: ["Ada"], media: { type: "document", url: `${MEDIA}/inv.pdf`, filename: "inv.pdf" } }), ([b]) =>
    assert.deepEqual(content(b, "template_message").channel_template.WHATSAPP.parameters, { "header[1]document.link": `${MEDIA}/inv.pdf`, "header[1]document.filename": "inv.pdf", "body[1]text": "Ada" })],
  ["interactive buttons with a footer", (c) => c.sendInteractive(TO, buttons({ footer: { text: "Reply below" } })), ([b]) => {
    const choice = content(b, "choice_message");
    assert.equal(choice.text_message.text, "Shall we?");
    assert.equal(choice.message_properties.whatsapp_footer, "Reply below");
    nativeButtons(choice.choices);
  }],
  ["interactive buttons with a text header", (c) => c.sendInteractive(TO, buttons({ header: { type: "text", text: "Booking" } })), ([b]) => {
    // §3.1: a text header exists only on card_message.
    const card = content(b, "card_message");
    assert.equal(card.message_properties.whatsapp_header, "Booking");
    nativeButtons(card.choices);
  }],
  ["interactive buttons with an image header", (c) => c.sendInteractive(TO, buttons({ header: { type: "image", url: `${MEDIA}/h.jpg` } })), ([b]) => {
    const card = content(b, "card_message");
    assert.equal(card.media_message.url, `${MEDIA}/h.jpg`);
    nativeButtons(card.choices);
  }],
  ["interactive buttons with a document header", (c) => c.sendInteractive(TO, buttons({ header: { type: "document", url: `${MEDIA}/h.pdf`, filename: "h.pdf" } })), ([b]) => {
    const card = content(b, "card_message");
    assert.deepEqual(card.media_message, { url: `${MEDIA}/h.pdf`, filename_override: "h.pdf" });
    nativeButtons(card.choices);
  }],
  ["interactive list", (c) => c.sendInteractive(TO, {
    type: "list", header: { type: "text", text: "Menu" }, body: { text: "Pick one" },
    action: { button: "Open", sections: [{ title: "Mains", rows: [{ id: "r1", title: "Fish", description: "Cod" }, { id: "r2", title: "Soup" }] }, { title: "Sides", rows: [{ id: "r3", title: "Bread" }] }] },
  }), ([b]) => {
    const list = content(b, "list_message");
    assert.equal(list.message_properties.menu, "Open");
    assert.equal(list.message_properties.whatsapp_header, "Menu");
    assert.deepEqual(list.sections.map((s) => [s.title, s.items.map((i) => [i.choice.title, i.choice.description, i.choice.postback_data])]), [
      ["Mains", [["Fish", "Cod", "r1"], ["Soup", undefined, "r2"]]],
      ["Sides", [["Bread", undefined, "r3"]]],
    ]);
    assert.ok(list.sections.flatMap((s) => s.items).length <= 10, "§2.3: up to 10 choices in all");
  }],
  ["correlationId, ttl and callback", (c, sink) => c.send({ to: [TO], message: { type: "text", text: "hi" }, correlationId: "order-42", ttl: 3600, callback: sink }), ([b], sink) => {
    assert.equal(b.correlation_id, "order-42");
    assert.equal(b.ttl, "3600s");
    assert.equal(b.callback_url, sink);
  }],
  ["channelSpecificMessage: a WhatsApp Flow", (c) => c.send({ to: [TO], message: { type: "text", text: "Book a table" }, channelSpecificMessage: { messageType: "FLOWS", message: FLOW } }), ([b]) => {
    assert.equal(content(b, "text_message").text, "Book a table");
    assert.deepEqual(b.message.channel_specific_message, { WHATSAPP: { message_type: "FLOWS", message: FLOW_WIRE } });
  }],
];

describe("the packed client's requests under api: \"conversation\" match the document", () => {
  let emu, sink, sinkUrl, sdk, client, firstId;
  const since = (from) => emu.requests.slice(from);
  const ofOperation = (requests, id) => requests.filter((r) => operationFor(r.method, r.path)?.op.operationId === id);

  before(async () => {
    sink = createServer((req, res) => req.resume().on("end", () => res.writeHead(200).end()));
    await new Promise((ok) => sink.listen(0, "127.0.0.1", ok));
    sinkUrl = `http://127.0.0.1:${sink.address().port}/reports`;
    // Above the default 20 requests a second, so no 429 and no retry adds a request here.
    emu = await startEmulator({ port: 0, conversation: CONV, rateLimit: 1000 });
    sdk = await import(resolveEntry(consumer()));
    client = new sdk.WhatsAppClient({ api: "conversation", ...CONV, baseUrl: emu.url, authUrl: `${emu.url}/oauth2/token` });
  });
  after(async () => {
    await emu?.close();
    sink?.closeAllConnections();
    await new Promise((ok) => (sink ? sink.close(ok) : ok()));
  });

  for (const [name, call, expect] of SENDS) {
    test(`sends ${name}`, async () => {
      const from = emu.requests.length;
      const result = await call(client, sinkUrl);
      const sent = ofOperation(since(from), "sendMessage");
      for (const request of sent) {
        checkRequest(request, WHO);
        assert.equal(request.body.app_id, CONV.appId);
      }
      assert.equal(sent.length, result.messages.length, "one messages:send per accepted recipient");
      expect(sent.map((r) => r.body), sinkUrl);
      firstId ??= result.messages[0].id;
    });
  }

  test("capability → capability:query for the recipient", async () => {
    const from = emu.requests.length;
    await client.capability([TO]);
    const [query, ...more] = ofOperation(since(from), "queryCapability");
    assert.equal(more.length, 0);
    checkRequest(query, WHO);
    assert.equal(query.body.app_id, CONV.appId);
    assert.deepEqual(query.body.recipient, { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } });
  });

  test("callbackStatus → GET messages/{message_id}", async () => {
    assert.ok(firstId, "a message was sent");
    const from = emu.requests.length;
    await client.callbackStatus(firstId).catch((e) => assert.notEqual(e.code, "unsupported", e.message));
    const [read, ...more] = ofOperation(since(from), "getMessage");
    assert.equal(more.length, 0);
    assert.equal(checkRequest(read, WHO).params.message_id, firstId);
  });

  test("markRead → events:send when the client maps it, or unsupported with nothing sent", async () => {
    const from = emu.requests.length;
    const error = await client.markRead("inbound-message-1").then(() => undefined, (e) => e);
    if (error?.code === "unsupported") return assert.equal(since(from).length, 0, "nothing sent");
    const [event, ...more] = ofOperation(since(from), "sendEvent");
    assert.ok(event, `markRead sent no events:send (${error?.code ?? "resolved"})`);
    assert.equal(more.length, 0);
    checkRequest(event, WHO);
  });

  test("every recorded request is in the document: one token request (form body, Basic), then Bearer calls", () => {
    const operations = emu.requests.map((r) => checkRequest(r, WHO).op.operationId);
    assert.equal(operations.filter((o) => o === "token").length, 1, "one token request for all the calls (§1.2's cache)");
    assert.equal(operations[0], "token");
    for (const id of ["sendMessage", "queryCapability", "getMessage"]) assert.ok(operations.includes(id), id);
  });

  test("after the tokens expire: the 401'd send, the new token request and the repeat all match", async () => {
    const from = emu.requests.length;
    emu.expireTokens();
    await client.sendText(TO, "again");
    const requests = since(from);
    assert.deepEqual(requests.map((r) => checkRequest(r, WHO).op.operationId), ["sendMessage", "token", "sendMessage"]);
    assert.notEqual(requests[2].headers.authorization, requests[0].headers.authorization, "the new token");
  });

  test('auth: "basic" puts Basic keyId:keySecret on every API call and asks for no token', async () => {
    const basic = new sdk.WhatsAppClient({ api: "conversation", ...CONV, auth: "basic", baseUrl: emu.url, authUrl: `${emu.url}/oauth2/token` });
    const from = emu.requests.length;
    await basic.sendText(TO, "hi");
    await basic.capability([TO]);
    const requests = since(from);
    assert.deepEqual(requests.map((r) => checkRequest(r, { ...WHO, auth: "Basic" }).op.operationId), ["sendMessage", "queryCapability"]);
  });
});

test("the emulator's answers match the document too", async (t) => {
  const emu = await startEmulator({ port: 0, conversation: CONV });
  t.after(() => emu.close());
  const call = (method, path, auth, body, type = "application/json") =>
    fetch(`${emu.url}${path}`, { method, headers: { authorization: auth, ...(body && { "content-type": type }) }, body });
  /** The answer's status and body against the document; the body. */
  const answer = async (response, status, ref) => {
    assert.equal(response.status, status, ref);
    const body = await response.json();
    valid(ref, body);
    return body;
  };
  const basic = `Basic ${Buffer.from(WHO.basic).toString("base64")}`;
  const grant = await answer(await call("POST", "/oauth2/token", basic, "grant_type=client_credentials", "application/x-www-form-urlencoded"), 200, "TokenResponse");
  const bearer = `Bearer ${grant.access_token}`;
  const project = `/v1/projects/${CONV.projectId}`;
  const text = JSON.stringify({ ...BRIEF_TEXT_SEND, app_id: CONV.appId });
  const { message_id } = await answer(await call("POST", `${project}/messages:send`, bearer, text), 200, "SendMessageResponse");
  await answer(await call("GET", `${project}/messages/${message_id}?messages_source=DISPATCH_SOURCE`, bearer), 200, "ConversationMessage");
  const about = { app_id: CONV.appId, recipient: BRIEF_TEXT_SEND.recipient };
  await answer(await call("POST", `${project}/capability:query`, bearer, JSON.stringify(about)), 200, "CapabilityQueryResponse");
  await answer(await call("POST", `${project}/events:send`, bearer, JSON.stringify({ ...about, event: { composing_event: {} } })), 200, "SendEventResponse");
  await answer(await call("POST", "/v1/projects/another-region/messages:send", bearer, text), 404, "Error");
  await answer(await call("POST", `${project}/messages:send`, "Bearer not-a-token", text), 401, "Error");
  await answer(await call("POST", `${project}/messages:send`, bearer, JSON.stringify({ ...BRIEF_TEXT_SEND, app_id: CONV.appId, message: {} })), 400, "Error");
});
