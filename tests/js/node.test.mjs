// The built package in Node, resolved through its exports map, against the emulator.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

let emu, sdk;
const BOT = "bot-node";
const TO = "+46732001122";

before(async () => {
  emu = await emulator();
  const entry = resolveEntry(consumer());
  assert.match(entry, /\/pkg\/node\.js$/, "Node must resolve the node entry");
  sdk = await import(entry);
});
after(() => emu?.close());

const client = (extra = {}) => new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, ...extra });
const sent = () => emu.requests.filter((r) => r.path.endsWith("/messages"));

test("sendText posts the documented body with the bearer token and returns the message id", async () => {
  emu.reset();
  const result = await client().sendText(TO, "Hello from the tests");
  assert.equal(result.messages.length, 1);
  const [message] = result.messages;
  assert.match(message.id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.deepEqual({ ...message, id: undefined }, { id: undefined, recipient: TO, status: "success", state: "queued" });
  const [request] = sent();
  assert.equal(request.method, "POST");
  assert.equal(request.path, `/whatsapp/v1/${BOT}/messages`);
  assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
  assert.match(request.headers["content-type"], /^application\/json/);
  assert.deepEqual(request.body, { to: [TO], message: { type: "text", text: "Hello from the tests" } });
});

test("send takes camelCase message objects and puts snake_case on the wire", async () => {
  emu.reset();
  const result = await client().send({ to: [TO, "+46732001123"], message: { type: "text", text: "hi", previewUrl: true } });
  assert.equal(result.messages.length, 2);
  assert.deepEqual(sent()[0].body.message, { type: "text", text: "hi", preview_url: true });
});

test("a 400 from Sinch becomes SinchError bad_request with status and details", async () => {
  emu.reset();
  emu.addFault({ path: "/messages", kind: "status", status: 400, body: { message: "Validation error", details: "Field [to] can not be empty." } });
  const err = await client().sendText(TO, "x").catch((e) => e);
  assert.ok(err instanceof sdk.SinchError && err instanceof Error);
  assert.equal(err.code, "bad_request");
  assert.equal(err.status, 400);
  assert.equal(err.details, "Field [to] can not be empty.");
  assert.equal(err.retryable, false);
});

test("a 401 becomes unauthorized, and the token shows nowhere", async () => {
  const secret = "wrong-but-secret-token-123";
  const c = client({ token: secret });
  const err = await c.sendText(TO, "x").catch((e) => e);
  assert.equal(err.code, "unauthorized");
  assert.equal(err.status, 401);
  for (const text of [String(err), err.stack, JSON.stringify(err), JSON.stringify(c), String(c), JSON.stringify(err.details)]) {
    assert.ok(!String(text).includes(secret), `token leaked into: ${text}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(c)), { botId: BOT, baseUrl: emu.url, token: "[redacted]" });
});

test("bad input is rejected with the field and rule before any request", async () => {
  emu.reset();
  const err = await client().sendText("0732", "x").catch((e) => e);
  assert.equal(err.code, "invalid_argument");
  assert.equal(err.field, "to[0]");
  assert.equal(sent().length, 0);
  assert.throws(() => new sdk.WhatsAppClient({ botId: BOT, token: "a\r\nb", region: "eu" }), (e) => e.code === "invalid_argument" && e.field === "options.token");
  assert.throws(() => new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: "http://example.com" }), (e) => e.field === "options.baseUrl");
  assert.throws(() => new sdk.WhatsAppClient(null), (e) => e instanceof sdk.SinchError);
});

test("a slow answer times out, a caller abort aborts", async () => {
  emu.reset();
  emu.addFault({ path: "/messages", kind: "latency", ms: 1500 });
  const err = await client().sendText(TO, "x", { timeoutMs: 100 }).catch((e) => e);
  assert.equal(err.code, "timeout");
  const controller = new AbortController();
  emu.addFault({ path: "/messages", kind: "latency", ms: 1500 });
  const pending = client().sendText(TO, "x", { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  assert.equal((await pending.catch((e) => e)).code, "aborted");
});

test("a body that is not JSON gives invalid_response", async () => {
  emu.reset();
  emu.addFault({ path: "/messages", kind: "non_json" });
  const err = await client().sendText(TO, "x").catch((e) => e);
  assert.equal(err.code, "invalid_response");
});

test("a refused connection gives network", async () => {
  const c = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: "http://127.0.0.1:9" });
  assert.equal((await c.sendText(TO, "x").catch((e) => e)).code, "network");
});

/** Fails when `secret` shows anywhere in the error: message, stack, JSON, field, details. */
function assertNoSecret(err, secret, label) {
  assert.ok(err instanceof sdk.SinchError, `${label}: ${err}`);
  for (const text of [String(err), err.stack, JSON.stringify(err), err.field, err.details]) {
    assert.ok(!String(text).includes(secret), `${label}: secret in ${text}`);
  }
}

test("a mistyped option never puts its value, or the token, into the error", async () => {
  const secret = "tok_live_9f8e7d6c5b4a";
  const base = { botId: BOT, token: secret, baseUrl: emu.url };
  const refusals = [
    [secret, "options"],
    [{ botId: BOT, token: [secret], region: "eu" }, "options.token"],
    [{ botId: BOT, token: { value: secret }, region: "eu" }, "options.token"],
    [{ botId: [secret], token: secret, region: "eu" }, "options.botId"],
    [{ botId: BOT, token: secret, region: secret }, "options.region"],
    [{ ...base, baseUrl: [secret] }, "options.baseUrl"],
    ...["timeoutMs", "retries", "maxRetryAfterMs", "allowInsecureHttp", "retryMessagesOnNetworkError", "dangerouslyAllowBrowser"].map((name) => [{ ...base, [name]: secret }, `options.${name}`]),
  ];
  for (const [options, field] of refusals) {
    let err;
    assert.throws(() => new sdk.WhatsAppClient(options), (e) => (err = e) instanceof sdk.SinchError);
    assertNoSecret(err, secret, field);
    assert.equal(err.code, "invalid_argument");
    assert.equal(err.field, field, err.message);
  }
  const c = client();
  for (const [call, field] of [
    [() => c.sendText(TO, "x", { timeoutMs: secret }), "options.timeoutMs"],
    [() => c.addProvider({ name: "basic-one", basic: { username: "u", password: [secret] } }), "provider.basic.password"],
    [() => c.addProvider({ name: "bearer-one", bearer: { token: secret } }), "provider.bearer"],
    [() => c.sendTemplate(TO, { templateName: "t", language: secret.length }), "request.message.language"],
  ]) {
    const err = await call().catch((e) => e);
    assertNoSecret(err, secret, field);
    assert.equal(err.field, field, err.message);
  }
});

test("a server echoing the Authorization header gets the token redacted from message and details", async () => {
  const secret = "tok_live_echoed_1234";
  const c = client({ token: secret });
  for (const status of [400, 401, 500]) {
    emu.reset();
    const echo = { message: `Bad header: Authorization: Bearer ${secret}`, details: `We got "Bearer ${secret}" (${secret})` };
    emu.addFault({ path: "/messages", kind: "status", status, body: echo });
    const err = await c.sendText(TO, "x", { onRetry: () => false }).catch((e) => e);
    assert.equal(err.status, status);
    assertNoSecret(err, secret, `HTTP ${status}`);
    assert.match(err.message, /Bearer \[redacted\]/);
    assert.equal(err.details, 'We got "Bearer [redacted]" ([redacted])');
  }
  // A 2xx answer this client cannot read: the reason may quote the answer.
  emu.reset();
  const notification = { from: "46732001122", message_id: "n1", message: { type: "location", latitude: secret, longitude: 1 } };
  emu.addFault({ path: "/callbacks/notifications", kind: "status", status: 200, body: { results: [{ type: "whatsapp", notifications: [notification] }] } });
  const answer = await c.callbackNotifications().catch((e) => e);
  if (answer instanceof Error) assertNoSecret(answer, secret, "invalid_response");
});
