// The client under api: "conversation" in Node, against the emulator's Conversation API (workerd
// and Chromium: conversation-runtimes.test.mjs):
// the token (cached, refreshed 60 s early, one refresh for a burst, renewed on an
// expired 401, retried on 429), one send per recipient (at most 4 in flight, partial
// failure), the methods without an equivalent, errors, Basic auth, and no secret anywhere.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { emulator as standaloneEmulator } from "./support.mjs";
import { startEmulator } from "../../emulator/server.mjs";
import { CONVERSATION, conversationClient, UNSUPPORTED } from "./conversation/scenario.mjs";

const sdk = await import("../../pkg/node.js");
const { WhatsAppClient, SinchError } = sdk;
let emu;

before(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 1000, conversation: CONVERSATION });
  emu.configure({ window: "open" });
});
after(() => emu?.close());

const client = (options = {}) => conversationClient(WhatsAppClient, emu.url, options);
const tokenRequests = () => emu.requests.filter((r) => r.path === "/oauth2/token");
const sends = () => emu.requests.filter((r) => r.path.endsWith("/messages:send"));
const fresh = () => {
  emu.reset();
  emu.configure({ window: "open" });
};

function assertNoSecret(value, label) {
  const texts = [
    typeof value === "string" ? value : "",
    value instanceof Error ? `${value.message} ${value.stack}` : "",
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: true }),
  ].join("\n");
  for (const secret of [CONVERSATION.keySecret, Buffer.from(`${CONVERSATION.keyId}:${CONVERSATION.keySecret}`).toString("base64")]) {
    assert.ok(!texts.includes(secret), `${label} shows a secret: ${texts}`);
  }
  assert.ok(!/Bearer [A-Za-z0-9]/.test(texts), `${label} shows a bearer token: ${texts}`);
}

test("a send asks for one token, then sends one messages:send per recipient with it", async () => {
  fresh();
  const wa = client();
  const result = await wa.sendText(["+46732001122", "+46732002244"], "Hello");
  assert.equal(result.messages.length, 2);
  assert.deepEqual(result.messages.map((m) => [m.recipient, m.status, m.state]), [
    ["+46732001122", "success", "queued"],
    ["+46732002244", "success", "queued"],
  ]);
  assert.equal(result.failed, undefined);
  const [token] = tokenRequests();
  assert.equal(tokenRequests().length, 1);
  assert.equal(token.headers.authorization, `Basic ${Buffer.from("key-1:secret-1").toString("base64")}`);
  assert.equal(token.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(token.body, "grant_type=client_credentials");
  const posted = sends();
  assert.deepEqual(posted.map((r) => r.body.recipient.identified_by.channel_identities[0].identity).sort(), ["46732001122", "46732002244"]);
  for (const r of posted) {
    assert.match(r.headers.authorization, /^Bearer \S+$/);
    assert.deepEqual(r.body.message, { text_message: { text: "Hello" } });
    assert.equal(r.body.app_id, "app-1");
  }
  assert.deepEqual(result.messages.map((m) => m.id).sort(), posted.flatMap((r) => r.created ?? []).sort());
  await wa.sendText("+46732001122", "Again");
  assert.equal(tokenRequests().length, 1, "the token is cached");
});

test("the token is refreshed 60 s before it expires", async () => {
  const short = await startEmulator({ port: 0, rateLimit: 1000, conversation: { ...CONVERSATION, tokenTtlSeconds: 61 } });
  try {
    short.configure({ window: "open" });
    const wa = conversationClient(WhatsAppClient, short.url);
    const count = () => short.requests.filter((r) => r.path === "/oauth2/token").length;
    await wa.sendText("+46732001122", "one");
    await wa.sendText("+46732001122", "two");
    assert.equal(count(), 1, "within its first second a 61 s token is still good");
    await new Promise((ok) => setTimeout(ok, 1100));
    await wa.sendText("+46732001122", "three");
    assert.equal(count(), 2, "less than 60 s before expiry it is refreshed");
  } finally {
    await short.close();
  }
});

test("a burst of 100 sends makes one token request", async () => {
  fresh();
  const wa = client();
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => wa.sendText("+46732001122", `burst ${i}`)));
  assert.equal(results.length, 100);
  assert.equal(tokenRequests().length, 1);
  assert.equal(sends().length, 100);
});

test("an expired token's 401 refreshes it once and repeats the send once", async () => {
  fresh();
  const wa = client();
  await wa.sendText("+46732001122", "before");
  emu.expireTokens();
  const result = await wa.sendText("+46732001122", "after expiry");
  assert.equal(result.messages.length, 1);
  assert.equal(tokenRequests().length, 2);
  const attempts = sends().filter((r) => r.body.message.text_message.text === "after expiry");
  assert.equal(attempts.length, 2, "the refused send went again, once");
  assert.notEqual(attempts[0].headers.authorization, attempts[1].headers.authorization);
  // Concurrent calls that all meet the expired token share one refresh.
  emu.expireTokens();
  await Promise.all(Array.from({ length: 8 }, (_, i) => wa.sendText("+46732001122", `together ${i}`)));
  assert.equal(tokenRequests().length, 3);
});

test("an abort while waiting for the shared token stops that call only", async () => {
  fresh();
  const wa = client();
  emu.addFault({ path: "/oauth2/token", kind: "latency", ms: 300, times: 1 });
  const controller = new AbortController();
  const aborted = wa.sendText("+46732001122", "aborted", { signal: controller.signal });
  const other = wa.sendText("+46732001122", "waits on");
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(aborted, (err) => err instanceof SinchError && err.code === "aborted");
  assert.equal((await other).messages.length, 1);
  assert.equal(tokenRequests().length, 1);
  assert.deepEqual(sends().map((r) => r.body.message.text_message.text), ["waits on"]);
});

test("a 401 that does not say expired is final: no refresh, no repeat", async () => {
  fresh();
  const wa = client();
  emu.addFault({ path: "/messages:send", kind: "status", status: 401, times: 1, body: { error: { code: 401, message: "no", status: "UNAUTHENTICATED" } } });
  await assert.rejects(wa.sendText("+46732001122", "refused"), (err) => err instanceof SinchError && err.code === "unauthorized" && err.status === 401);
  assert.equal(sends().length, 1);
  assert.equal(tokenRequests().length, 1);
});

test("a 429 from the token URL is retried with backoff; onRetry sees no secret", async () => {
  fresh();
  const seen = [];
  const wa = client({ onRetry: (info) => void seen.push(info) });
  emu.addFault({ path: "/oauth2/token", kind: "status", status: 429, times: 1 });
  const result = await wa.sendText("+46732001122", "after a busy token URL");
  assert.equal(result.messages.length, 1);
  assert.equal(tokenRequests().length, 2);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].error.code, "rate_limited");
  assertNoSecret(seen[0], "onRetry info");
  // A wrong key is refused at the token URL, and said so without the key.
  const wrong = conversationClient(WhatsAppClient, emu.url, { keySecret: "wrong-secret-1" });
  await assert.rejects(wrong.sendText("+46732001122", "x"), (err) => {
    assert.equal(err.code, "unauthorized");
    assert.ok(!JSON.stringify(err).includes("wrong-secret-1") && !err.message.includes("wrong-secret-1"));
    return true;
  });
});

test("at most 4 sends in flight per call; a partial failure keeps the rest; all failing rejects with the first", async () => {
  fresh();
  const wa = client();
  const original = globalThis.fetch;
  let inFlight = 0;
  let most = 0;
  globalThis.fetch = async (...args) => {
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      return await original(...args);
    } finally {
      inFlight--;
    }
  };
  const to = Array.from({ length: 10 }, (_, i) => `+4673200${String(i).padStart(4, "0")}`);
  try {
    emu.addFault({ path: "/messages:send", kind: "latency", ms: 50, times: 10 });
    const result = await wa.sendText(to, "fan out");
    assert.equal(most, 4);
    assert.deepEqual(result.messages.map((m) => m.recipient), to, "in to order");
  } finally {
    globalThis.fetch = original;
  }
  emu.addFault({ path: "/messages:send", kind: "status", status: 400, times: 1, body: { error: { code: 400, message: "nope", status: "INVALID_ARGUMENT" } } });
  const partial = await wa.sendText(to.slice(0, 3), "some fail");
  assert.equal(partial.messages.length, 2);
  assert.equal(partial.failed.length, 1);
  assert.ok(partial.failed[0].error instanceof SinchError);
  assert.equal(partial.failed[0].error.code, "bad_request");
  assert.deepEqual([...partial.messages.map((m) => m.recipient), partial.failed[0].recipient].sort(), to.slice(0, 3).sort());
  emu.addFault({ path: "/messages:send", kind: "status", status: 400, times: 3, body: { code: 400, message: "flat form", status: "INVALID_ARGUMENT" } });
  await assert.rejects(wa.sendText(to.slice(0, 3), "all fail"), (err) => {
    assert.equal(err.code, "bad_request");
    assert.match(err.message, /flat form/);
    return true;
  });
  // Every recipient is checked before anything is sent.
  const before = sends().length;
  await assert.rejects(wa.sendText(["+46732001122", "nope"], "x"), (err) => err.code === "invalid_argument" && err.field === "to[1]");
  assert.equal(sends().length, before);
});

test("methods without a Conversation API equivalent throw unsupported, naming what to use, before sending", async () => {
  fresh();
  const wa = client();
  for (const [method, args] of UNSUPPORTED) {
    await assert.rejects(wa[method](...args), (err) => {
      assert.ok(err instanceof SinchError, method);
      assert.equal(err.code, "unsupported", method);
      assert.ok(err.message.startsWith(`${method} is not supported with api: "conversation": `), err.message);
      return true;
    });
  }
  assert.deepEqual(emu.requests, [], "nothing was sent, not even a token request");
});

test("a reply button's title with markdown is refused, naming its full path, before anything is sent", async () => {
  fresh();
  const wa = client();
  const ask = (title) => wa.sendInteractive("+46732001122", { type: "button", body: { text: "Shall we?" }, action: { buttons: [{ id: "y", title: "Yes" }, { id: "n", title }] } });
  const says = "message.message.action.buttons[1].title: must hold no markdown (`, *, _ or ~ around text)";
  for (const title of ["*No*", "_no_", "~no~", "`no`", "```", "a_b_c"]) {
    await assert.rejects(ask(title), (err) => err.code === "invalid_argument" && err.field === "message.message.action.buttons[1].title" && err.message === says, title);
  }
  assert.equal(emu.requests.length, 0, "nothing sent, not even a token request");
  assert.equal((await ask("a * b * c")).messages.length, 1, "spaced operators pass");
  assert.equal(sends()[0].body.message.choice_message.choices[1].text_message.text, "a * b * c");
});

test("capability is asynchronous: one capability:query per number, each with its request id", async () => {
  fresh();
  const wa = client();
  const result = await wa.capability(["+46732001122", "+46732002999"]);
  assert.equal(result.asynchronous, true);
  assert.deepEqual(result.requests.map((r) => r.recipient), ["+46732001122", "+46732002999"]);
  assert.ok(result.requests.every((r) => typeof r.requestId === "string" && r.requestId.length > 0));
  const queries = emu.requests.filter((r) => r.path.endsWith("/capability:query"));
  assert.equal(queries.length, 2);
});

test("callbackStatus reads the stored message", async () => {
  fresh();
  const wa = client();
  const { messages } = await wa.sendText("+46732001122", "stored");
  const { message } = await wa.callbackStatus(messages[0].id);
  assert.equal(message.id, messages[0].id);
  assert.equal(message.direction, "TO_CONTACT");
  assert.equal(message.identity, "46732001122");
  assert.equal(typeof message.raw, "object");
  await assert.rejects(wa.callbackStatus("no-such-message"), (err) => err.code === "not_found");
});

test("a project in another region is not_found with a hint", async () => {
  fresh();
  const wa = client({ projectId: "project-elsewhere" });
  await assert.rejects(wa.sendText("+46732001122", "x"), (err) => {
    assert.equal(err.code, "not_found");
    assert.equal(err.status, 404);
    assert.match(err.message, /another region/);
    return true;
  });
});

test("auth: basic sends the key on every call and never asks for a token", async () => {
  fresh();
  const wa = client({ auth: "basic" });
  await wa.sendText("+46732001122", "basic");
  await wa.capability(["+46732001122"]);
  assert.equal(tokenRequests().length, 0);
  const basic = `Basic ${Buffer.from("key-1:secret-1").toString("base64")}`;
  assert.ok(emu.requests.length === 2 && emu.requests.every((r) => r.headers.authorization === basic));
  assertNoSecret(wa, "a Basic client");
});

test("secrets never show: toString, toJSON, inspect, errors", async () => {
  fresh();
  const wa = client();
  await wa.sendText("+46732001122", "warm the token");
  assert.equal(String(wa), "WhatsAppClient(project-1/app-1 @ " + emu.url + ")");
  assert.deepEqual(JSON.parse(JSON.stringify(wa)), { api: "conversation", projectId: "project-1", appId: "app-1", baseUrl: emu.url, keySecret: "[redacted]" });
  assert.equal(wa.projectId, "project-1");
  assert.equal(wa.appId, "app-1");
  assert.equal(wa.botId, undefined);
  assertNoSecret(wa, "the client");
  assertNoSecret(String(wa), "String(client)");
  // A server echoing the credentials back: redacted from the error.
  const token = emu.requests.find((r) => r.path.endsWith("/messages:send")).headers.authorization.slice("Bearer ".length);
  emu.addFault({ path: "/messages:send", kind: "status", status: 400, times: 1, body: { error: { message: `got ${token} and secret-1`, details: [{ type_url: "x", value: token }] } } });
  await assert.rejects(wa.sendText("+46732001122", "echo"), (err) => {
    assertNoSecret(err, "an echoing error");
    assert.ok(!JSON.stringify(err).includes(token) && !inspect(err).includes(token));
    assert.match(err.message, /\[redacted\]/);
    return true;
  });
  for (const [options, field] of [
    [{ keySecret: 12 }, "options.keySecret"],
    [{ keySecret: "has space secret-1" }, "options.keySecret"],
    [{ keyId: undefined }, "options.keyId"],
  ]) {
    assert.throws(() => client(options), (err) => {
      assert.equal(err.field, field);
      assertNoSecret(err, field);
      return true;
    });
  }
});

test("options: one API's options refused under the other, regions, a key secret in a browser page", async () => {
  assert.throws(() => client({ botId: "b" }), (err) => err.code === "invalid_argument" && err.field === "options.botId" && err.message === 'options.botId: is only for api: "whatsapp"');
  assert.throws(() => new WhatsAppClient({ botId: "b", token: "t", region: "eu", appId: "a" }), (err) => err.field === "options.appId" && err.message === 'options.appId: is only for api: "conversation"');
  assert.throws(() => new WhatsAppClient({ api: "sms" }), (err) => err.field === "options.api");
  const eu = new WhatsAppClient({ api: "conversation", projectId: "p", appId: "a", keyId: "k", keySecret: "s", region: "br" });
  assert.equal(eu.baseUrl, "https://br.conversation.api.sinch.com");
  assert.throws(() => client({ region: "eu" }), (err) => err.field === "options.region");
  globalThis.window = {};
  globalThis.document = {};
  try {
    assert.throws(() => client(), (err) => err.field === "options.keySecret" && /browser page/.test(err.message) && !err.message.includes("secret-1"));
    assert.ok(client({ dangerouslyAllowBrowser: true }));
    assert.ok(client({ keyId: undefined, keySecret: undefined }), "a relay needs no key");
  } finally {
    delete globalThis.window;
    delete globalThis.document;
  }
});

test("the standalone client is unchanged beside it", async () => {
  const standalone = await standaloneEmulator();
  try {
    const wa = new WhatsAppClient({ botId: "bot-node", token: "test-token", baseUrl: standalone.url });
    const { messages } = await wa.sendText("+46732001122", "standalone");
    assert.equal(messages.length, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(wa)), { botId: "bot-node", baseUrl: standalone.url, token: "[redacted]" });
  } finally {
    await standalone.close();
  }
});
