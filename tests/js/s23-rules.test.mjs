// Session 23's rule fixes, through the built package in Node against the emulator (both
// APIs): `localhost.` is not loopback, a tag-only variant refuses other keys, URLs need a
// host (one `new URL()` accepts), provider names take digits, a standalone template always carries its media.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { BOTS, TOKEN } from "./support.mjs";
import { startEmulator } from "../../emulator/server.mjs";
import { CONVERSATION, conversationClient } from "./conversation/scenario.mjs";

const { WhatsAppClient, SinchError } = await import("../../pkg/node.js");
const BOT = "bot-node";
const TO = "+46732001122";
let emu, port, wa, conv;

before(async () => {
  emu = await startEmulator({ port: 0, bots: BOTS, conversation: CONVERSATION, rateLimit: 1000 });
  port = new URL(emu.url).port;
  wa = new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, retries: 0 });
  conv = conversationClient(WhatsAppClient, emu.url, { auth: "basic", retries: 0 });
});
beforeEach(() => {
  emu.reset();
  emu.configure({ window: "open" });
});
after(() => emu?.close());

/** `fn` throws invalid_argument naming `field`. */
const throwsInvalid = (fn, field, label) =>
  assert.throws(fn, (e) => e instanceof SinchError && e.code === "invalid_argument" && e.field === field, label);

/** `promise` rejects with invalid_argument naming `field`, and nothing reached the emulator. */
async function refused(promise, field, label) {
  const err = await promise.then(() => assert.fail(`${label}: sent ${JSON.stringify(emu.requests.at(-1)?.body)}`), (e) => e);
  assert.ok(err instanceof SinchError, `${label}: ${err}`);
  assert.equal(err.code, "invalid_argument", `${label}: ${err.message}`);
  assert.equal(err.field, field, `${label}: ${err.message}`);
  assert.deepEqual(emu.requests, [], label);
  return err;
}

test("localhost. (resolved through DNS, not /etc/hosts) is not loopback: plain http there needs allowInsecureHttp", async () => {
  for (const host of ["localhost.", "LOCALHOST.", "localhost%2e"]) {
    const url = `http://${host}:${port}`;
    throwsInvalid(() => new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: url }), "options.baseUrl", host);
    throwsInvalid(() => conversationClient(WhatsAppClient, url, { authUrl: `https://auth.example.com/oauth2/token` }), "options.baseUrl", host);
    throwsInvalid(() => conversationClient(WhatsAppClient, emu.url, { authUrl: `${url}/oauth2/token` }), "options.authUrl", host);
    assert.ok(new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: url, allowInsecureHttp: true }), host);
  }
  await new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: `http://localhost:${port}`, retries: 0 }).sendText(TO, "hi");
  assert.equal(emu.requests.at(-1).path, `/whatsapp/v1/${BOT}/messages`);
});

test("a tag-only variant (template media text, call button) refuses every other key, on both APIs", async () => {
  const cases = [
    [{ templateName: "t", media: { type: "text", url: "https://cdn.example.com/x.jpg", caption: "oops" } }, "request.message.media.url"],
    [{ templateName: "t", media: { type: "text", bogus: 1 } }, "request.message.media.bogus"],
    [{ templateName: "t", buttons: [{ type: "url", parameter: "p" }, { type: "call", parameter: "123" }] }, "request.message.buttons[1].parameter"],
    [{ templateName: "t", buttons: [{ type: "call", whatever: true }] }, "request.message.buttons[0].whatever"],
  ];
  for (const [template, field] of cases) {
    for (const [api, client] of [["standalone", wa], ["conversation", conv]]) {
      const err = await refused(client.sendTemplate(TO, template), field, `${api} ${field}`);
      assert.match(err.message, /is not a known field/);
    }
  }
  await wa.sendTemplate(TO, { templateName: "t", media: { type: "text" }, buttons: [{ type: "call" }] });
  assert.deepEqual(emu.requests.at(-1).body.message, { type: "template", template_name: "t", media: { type: "text" }, buttons: [{ type: "call" }] });
});

test("media, callback, base and token URLs need a host, a valid bracketed IPv6 and a port to 65535", async () => {
  const hostless = ["https://?x", "https://:443/a.jpg", "https://#frag", "https://@/a.jpg", "https://[::1/x", "https://[::1::2]/a.jpg", "https://cdn.example.com:99999/a.jpg"];
  for (const url of hostless) {
    await refused(wa.sendImage(TO, url), "message.url", url);
    await refused(wa.send({ to: [TO], message: { type: "text", text: "x" }, callback: url }), "callback", url);
    await refused(conv.sendImage(TO, url), "message.url", `conversation ${url}`);
  }
  for (const url of ["https://:443", "https://example.com:99999", "https://[::1", "https://[example.com]", "http://localhost:99999"]) {
    throwsInvalid(() => new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: url }), "options.baseUrl", url);
    throwsInvalid(() => conversationClient(WhatsAppClient, emu.url, { authUrl: url }), "options.authUrl", url);
  }
  await wa.sendImage(TO, `http://[::1]:${port}/a.jpg`);
  assert.equal(emu.requests.at(-1).body.message.url, `http://[::1]:${port}/a.jpg`);
});

test("a host new URL() refuses (a forbidden code point, a bad escape, a number that is no IPv4) is refused, not fetched", async () => {
  const hosts = ["%20", "%", "<", "ex%00ample.com", "256.256.256.256", "1.2.3.4.5", "0x100000000", "ex^ample.com", "ex|ample.com", "%zz"];
  for (const host of hosts) {
    const url = `https://${host}/a.jpg`;
    assert.throws(() => new URL(url), TypeError, `${url}: new URL() accepts it`);
    await refused(wa.sendImage(TO, url), "message.url", url);
    await refused(wa.send({ to: [TO], message: { type: "text", text: "x" }, callback: url }), "callback", url);
    await refused(conv.sendImage(TO, url), "message.url", `conversation ${url}`);
    throwsInvalid(() => new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: `https://${host}` }), "options.baseUrl", host);
    throwsInvalid(() => conversationClient(WhatsAppClient, emu.url, { authUrl: `https://${host}/oauth2/token` }), "options.authUrl", host);
  }
  // What the parser reads as a host still is one.
  for (const host of ["%41", "1.2.3.4", "0x7f.1", "%c3%a4.example", "a_b~.com", "example.com."]) {
    assert.doesNotThrow(() => new URL(`https://${host}/`), host);
    await wa.sendImage(TO, `https://${host}/a.jpg`);
    assert.equal(emu.requests.at(-1).body.message.url, `https://${host}/a.jpg`, host);
    assert.ok(new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: `https://${host}` }), host);
  }
});

test("a standalone template without media is sent with media {type: text}; the Conversation body is unchanged", async () => {
  await wa.sendTemplate(TO, { templateName: "order_update", bodyParams: ["Ada"] });
  assert.deepEqual(emu.requests.at(-1).body.message, { type: "template", template_name: "order_update", body_params: ["Ada"], media: { type: "text" } });
  await conv.sendTemplate(TO, { templateName: "order_update" });
  const sent = emu.requests.filter((r) => r.path.endsWith("/messages:send")).at(-1);
  assert.deepEqual(sent.body.message, { template_message: { channel_template: { WHATSAPP: { template_id: "order_update", language_code: "en", parameters: {} } } } });
});

test("provider names take digits; deleteProvider takes any path-safe name", async () => {
  // The emulator holds provider names to letters, - and _ (the reference page's
  // reading): what is sent is read from a recording fetch instead.
  const seen = [];
  const real = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    seen.push({ url: String(url), method: init.method, body: init.body && JSON.parse(init.body) });
    return new Response(init.method === "POST" && String(url).endsWith("/messages") ? JSON.stringify({ statuses: [{ message_id: "m", recipient: "46732001122", status: "success", state: "queued" }] }) : null, { status: String(url).endsWith("/messages") ? 201 : 200 });
  };
  try {
    const client = new WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: "http://127.0.0.1:9", retries: 0 });
    await client.sendImage(TO, "https://cdn.example.com/a.jpg", { provider: "cdn2" });
    assert.equal(seen.at(-1).body.message.provider, "cdn2");
    await client.addProvider({ name: "media_1", bearer: "bearer-secret" });
    assert.equal(seen.at(-1).body.name, "media_1");
    for (const name of ["media_1", "old name.v1", "Ünïcode"]) {
      await client.deleteProvider(name);
      assert.equal(seen.at(-1).url, `http://127.0.0.1:9/whatsapp/v1/${BOT}/provision/provider/${encodeURIComponent(name)}`, name);
    }
    const count = seen.length;
    for (const name of ["", ".", "..", "%2e%2E", "../x"]) {
      await assert.rejects(client.deleteProvider(name), (e) => e.code === "invalid_argument" && e.field === "name", JSON.stringify(name));
    }
    await assert.rejects(client.addProvider({ name: "cdn.2", bearer: "t" }), (e) => e.field === "name" && /0-9/.test(e.message));
    await assert.rejects(client.sendImage(TO, "https://cdn.example.com/a.jpg", { provider: "cdn 2" }), (e) => e.field === "message.provider");
    assert.equal(seen.length, count);
  } finally {
    globalThis.fetch = real;
  }
});
