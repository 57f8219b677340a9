// Callbacks through the built package in Node: signed delivery reports posted by
// the emulator are verified and parsed, the callback store is read back, and the
// READMEs' handlers run as written.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TOKEN, consumer, emulator, resolveEntry, root } from "./support.mjs";
import { sign } from "../../emulator/callbacks.mjs";

const BOT = "bot-node";
const KEY = "callback-hmac-key";
let emu, sdk, wa, hook;
const received = [];

before(async () => {
  hook = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise((ok) => hook.listen(0, "127.0.0.1", ok));
  emu = await emulator();
  emu.configure({ callbackUrl: `http://127.0.0.1:${hook.address().port}/`, callbackSecret: KEY });
  sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url });
});
beforeEach(() => {
  emu.reset();
  received.length = 0;
});
after(() => Promise.all([emu?.close(), new Promise((ok) => hook.close(ok))]));

/** The callbacks received about `id`: one still in flight from an earlier test may land after the reset. */
const about = (id) => received.filter((r) => r.body.toString().includes(id));
const until = async (cond) => {
  for (let i = 0; i < 300 && !cond(); i++) await new Promise((ok) => setTimeout(ok, 10));
  assert.ok(cond(), "timed out waiting for callbacks");
};

test("signed delivery reports verify and parse into typed statuses", async () => {
  const { messages } = await wa.sendText("+46732001122", "track me");
  await until(() => about(messages[0].id).length === 5);
  const states = [];
  for (const { headers, body } of about(messages[0].id)) {
    assert.equal(sdk.verifyCallbackSignature(body, headers, KEY), true);
    assert.equal(sdk.verifyCallbackSignature(body.toString(), new Headers(headers), new TextEncoder().encode(KEY)), true);
    // Node's `request.headers` type allows a missing value: it reads as absent.
    assert.equal(sdk.verifyCallbackSignature(body, { ...headers, "x-forwarded-for": undefined }, KEY), true);
    // The standalone form only when named (its nonce, hex, has no `.`); not as a webhook.
    assert.equal(sdk.verifyCallbackSignature(body, headers, KEY, { api: "whatsapp" }), true);
    assert.throws(() => sdk.verifyCallbackSignature(body, headers, KEY, { api: "conversation" }), { field: "x-sinch-webhook-signature" });
    const event = sdk.parseCallback(body);
    assert.equal(event.type, "whatsapp");
    assert.equal(event.statuses[0].messageId, messages[0].id);
    states.push(event.statuses[0].state);
  }
  assert.deepEqual(states.sort(), ["delivered", "dispatched", "queued", "read", "sent"]);
});

test("a tampered body or wrong key is false; a missing header throws signature_invalid", async () => {
  await wa.sendText("+46732001122", "x");
  await until(() => received.length > 0);
  const { headers, body } = received[0];
  const tampered = Buffer.from(body.toString().replace("queued", "read!!"));
  assert.equal(sdk.verifyCallbackSignature(tampered, headers, KEY), false);
  assert.equal(sdk.verifyCallbackSignature(body, headers, "other-key"), false);
  const { ["sinch-whatsapp-callback-signature-nonce"]: _, ...noNonce } = headers;
  const err = (() => {
    try {
      sdk.verifyCallbackSignature(body, noNonce, KEY);
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof sdk.SinchError);
  assert.equal(err.code, "signature_invalid");
  assert.equal(err.field, "sinch-whatsapp-callback-signature-nonce");
});

test("the ./callbacks entry verifies and parses as the full entry does, from its own small wasm", async () => {
  const dir = consumer();
  const path = resolveEntry(dir, [], "sinch-whatsapp/callbacks");
  assert.match(path, /\/pkg\/callbacks\/node\.js$/);
  const entry = await import(path);
  assert.equal(entry.WhatsAppClient, undefined);
  assert.equal(entry.validateMedia, undefined);
  const { messages } = await wa.sendText("+46732001122", "entry");
  await until(() => about(messages[0].id).length > 0);
  const { headers, body } = about(messages[0].id)[0];
  assert.equal(entry.verifyCallbackSignature(body, headers, KEY), true);
  assert.equal(entry.verifyCallbackSignature(body.toString(), new Headers(headers), KEY), true);
  // The headers cross as UTF-8: other headers may carry any text.
  const noted = { ...headers, "x-note": "caf\u00e9 \u2713" };
  assert.equal(entry.verifyCallbackSignature(body, noted, KEY), true);
  assert.equal(sdk.verifyCallbackSignature(body, Object.entries(noted), KEY), true);
  assert.equal(entry.verifyCallbackSignature(body, headers, "other-key"), false);
  assert.deepEqual(entry.parseCallback(body), sdk.parseCallback(body));
  const odd = JSON.stringify({
    type: "whatsapp", x: [1e400, "\u2028"],
    statuses: [{ state: "read" }, 7],
    notifications: [{ from: "1", message_id: "m", message: { type: "button", index: 2.0, payload: "p" }, forwarded: 1 }],
  }).replace('"1e400"', "1e400");
  assert.deepEqual(entry.parseCallback(odd), sdk.parseCallback(odd));
  for (const bad of ["", "[]", '{"type":"sms"}', '{"type":"whatsapp","contacts":{}}']) {
    const [a, b] = [entry, sdk].map((m) => {
      try {
        m.parseCallback(bad);
      } catch (e) {
        return { name: e.name, code: e.code, field: e.field, message: e.message };
      }
    });
    assert.equal(a.code, "invalid_callback", bad);
    assert.deepEqual(a, b, bad);
  }
});

test("parseCallback keeps unknown message types and refuses what is not a callback", () => {
  const event = sdk.parseCallback(JSON.stringify({
    type: "whatsapp",
    notifications: [{ from: "46732001122", message_id: "m1", message: { type: "order", order: { items: 2 } }, pricing: { model: "CBP" } }],
  }));
  // `type: "unknown"`, so TypeScript narrows the known types on `type`; the wire type and object beside it.
  assert.deepEqual(event.notifications[0].message, { type: "unknown", rawType: "order", raw: { type: "order", order: { items: 2 } } });
  assert.deepEqual(event.notifications[0].pricing, { model: "CBP" });
  for (const bad of ["", "not json", '{"type":"sms"}', new Uint8Array([0x7b, 0xff, 0x7d]), 42]) {
    const err = (() => {
      try {
        sdk.parseCallback(bad);
      } catch (e) {
        return e;
      }
    })();
    assert.ok(err instanceof sdk.SinchError, String(bad));
    assert.ok(["invalid_callback", "invalid_argument"].includes(err.code), err.code);
  }
  assert.throws(() => sdk.parseCallback("[".repeat(100_000)), (e) => e.code === "invalid_callback");
});

test("parseCallback keeps the well-formed entries when one is malformed, as a typed invalid item", () => {
  const body = JSON.stringify({
    type: "whatsapp",
    statuses: [
      { status: "success", state: "delivered", message_id: "m1", recipient: "+46732001122" },
      { state: "read", message_id: "m2", recipient: "+46732001122" },
    ],
    notifications: [
      { from: "46732001122", message_id: "n1", message: { type: "image", mime_type: "image/png" } },
      { from: "46732001122", message_id: "n2", message: { type: "text", body: "still here" } },
    ],
  });
  const event = sdk.parseCallback(body);
  assert.deepEqual(event.statuses[0], { status: "success", state: "delivered", messageId: "m1", recipient: "+46732001122" });
  assert.deepEqual(event.statuses[1], {
    kind: "invalid",
    error: { code: "invalid_callback", field: "statuses[1].status", message: "is required" },
    raw: { state: "read", message_id: "m2", recipient: "+46732001122" },
  });
  assert.equal(event.notifications[0].kind, "invalid");
  assert.equal(event.notifications[0].error.field, "notifications[0].message.url");
  assert.deepEqual(event.notifications[0].raw, JSON.parse(body).notifications[0]);
  assert.deepEqual(event.notifications[1].message, { type: "text", body: "still here" });
  // What the README's handler does: the good ones are used, the bad ones logged.
  assert.deepEqual(event.statuses.filter((s) => s.kind !== "invalid").map((s) => s.messageId), ["m1"]);
});

test("the callback store gives back a message's reports and inbound messages by filter", async () => {
  const { messages } = await wa.sendText("+46732001122", "stored");
  await until(() => about(messages[0].id).length === 5);
  const { results } = await wa.callbackStatus(messages[0].id);
  assert.equal(emu.requests.at(-1).path, `/whatsapp/v1/${BOT}/callbacks/status/${messages[0].id}`);
  assert.deepEqual(results.map((r) => r.statuses[0].state), ["queued", "dispatched", "sent", "delivered", "read"]);

  await emu.inbound(BOT, { from: "46700000001", message: { type: "text", body: "hello" } });
  await emu.inbound(BOT, { from: "46700000002", message: { type: "location", latitude: 59.3, longitude: 18.1 } });
  const mine = await wa.callbackNotifications({ from: "46700000002", page: 1, pageSize: 10, startTime: "2020-01-01T00:00:00Z" });
  assert.deepEqual(emu.requests.at(-1).query, { from: "46700000002", page: "1", page_size: "10", start_time: "2020-01-01T00:00:00Z" });
  assert.deepEqual(mine.results.map((r) => r.notifications[0].message), [{ type: "location", latitude: 59.3, longitude: 18.1 }]);
  assert.equal((await wa.callbackNotifications()).results.length, 2);
  assert.equal((await wa.callbackNotifications({ page: 0 }).catch((e) => e)).field, "page");
});

test("the READMEs' handlers answer 401, not a throw, to an unsigned, malformed or relabelled callback", async () => {
  const dir = consumer();
  /** The ```js block of `file` that defines `signed`, as a module in the consumer folder. */
  const snippet = (file, name) => {
    const block = readFileSync(join(root, file), "utf8").split("```js\n").find((b) => b.includes("function signed("));
    writeFileSync(join(dir, name), block.slice(0, block.indexOf("```")));
    return import(join(dir, name));
  };
  const { handle } = await snippet("README.md", "handler.mjs");
  const worker = (await snippet("js/package/README.md", "worker.mjs")).default;
  const body = JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "read", message_id: "m1", recipient: "+46732001122" }] });
  const headers = (signature, nonce) => ({ "sinch-whatsapp-callback-signature": signature, "sinch-whatsapp-callback-signature-algorithm": "HMAC_SHA_256", "sinch-whatsapp-callback-signature-nonce": nonce });
  const post = (h) => new Request("http://127.0.0.1/callbacks", { method: "POST", body, headers: h });
  const { log } = console;
  console.log = () => {};
  try {
    for (const answer of [(h) => handle(post(h), KEY), (h) => worker.fetch(post(h), { CALLBACK_HMAC_KEY: KEY })]) {
      assert.equal((await answer(headers(sign(body, "n1", KEY), "n1"))).status, 200);
      assert.equal((await answer({})).status, 401, "unsigned");
      assert.equal((await answer(headers("not base64!", "n1"))).status, 401, "malformed");
      assert.equal((await answer(headers(sign(body, "n1", "other"), "n1"))).status, 401, "another key");
      assert.equal((await answer(headers(sign(body, "n1.1714644931", KEY), "n1.1714644931"))).status, 401, "a relabelled webhook's nonce");
      const webhook = { "x-sinch-webhook-signature": sign(body, `n1.${Math.floor(Date.now() / 1000)}`, KEY), "x-sinch-webhook-signature-algorithm": "HmacSHA256",
        "x-sinch-webhook-signature-nonce": "n1", "x-sinch-webhook-signature-timestamp": String(Math.floor(Date.now() / 1000)) };
      assert.equal((await answer(webhook)).status, 401, "the other API's form");
    }
  } finally {
    console.log = log;
  }
});
