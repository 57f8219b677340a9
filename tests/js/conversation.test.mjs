// The client under api: "conversation" in Node, against the emulator's Conversation API:
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
    [{ keySecret: "has space secret-1" }, "keySecret"],
    [{ keyId: undefined }, "keyId"],
  ]) {
    assert.throws(() => client(options), (err) => {
      assert.equal(err.field, field);
      assertNoSecret(err, field);
      return true;
    });
  }
});

test("options: one API's options refused under the other, regions, a key secret in a browser page", async () => {
  assert.throws(() => client({ botId: "b" }), (err) => err.code === "invalid_argument" && err.field === "botId" && err.message === 'botId: is only for api: "whatsapp"');
  assert.throws(() => new WhatsAppClient({ botId: "b", token: "t", region: "eu", appId: "a" }), (err) => err.field === "appId" && err.message === 'appId: is only for api: "conversation"');
  assert.throws(() => new WhatsAppClient({ api: "sms" }), (err) => err.field === "options.api");
  const eu = new WhatsAppClient({ api: "conversation", projectId: "p", appId: "a", keyId: "k", keySecret: "s", region: "br" });
  assert.equal(eu.baseUrl, "https://br.conversation.api.sinch.com");
  assert.throws(() => client({ region: "eu" }), (err) => err.field === "region");
  globalThis.window = {};
  globalThis.document = {};
  try {
    assert.throws(() => client(), (err) => err.field === "keySecret" && /browser page/.test(err.message) && !err.message.includes("secret-1"));
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

// The same client inside workerd (Miniflare, the package's "workerd" entry).
test("inside workerd: the token cached across requests, one refresh for a burst, an expired token renewed, unsupported methods, no secret", async () => {
  const { startWorker } = await import("../support/worker.mjs");
  const { join } = await import("node:path");
  const { root } = await import("./support.mjs");
  fresh();
  const { mf } = await startWorker({ script: join(root, "tests/js/workerd/conversation.mjs"), bindings: { EMULATOR_URL: emu.url, KEY_SECRET: CONVERSATION.keySecret } });
  const call = async (body) => (await mf.dispatchFetch("http://worker.test/", { method: "POST", body: JSON.stringify(body) })).json();
  try {
    const first = await call({ op: "sendText", args: [["+46732001122", "+46732002244"], "from workerd"] });
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.deepEqual(first.result.messages.map((m) => m.recipient), ["+46732001122", "+46732002244"]);
    assert.deepEqual(first.json, { api: "conversation", projectId: "project-1", appId: "app-1", baseUrl: emu.url, keySecret: "[redacted]" });
    assert.equal((await call({ op: "burst", args: [20] })).result, 20);
    assert.equal(tokenRequests().length, 1, "one token for the isolate's client");
    emu.expireTokens();
    const renewed = await call({ op: "sendText", args: ["+46732001122", "after expiry in workerd"] });
    assert.equal(renewed.ok, true, JSON.stringify(renewed));
    assert.equal(tokenRequests().length, 2);
    assert.equal(sends().filter((r) => r.body.message.text_message.text === "after expiry in workerd").length, 2);
    const before = emu.requests.length;
    const each = await call({ op: "each", args: UNSUPPORTED });
    assert.deepEqual(each.result.map(([method, code]) => [method, code]), UNSUPPORTED.map(([method]) => [method, "unsupported"]));
    assert.equal(emu.requests.length, before);
    const wrong = await call({ op: "sendText", args: ["+46732001122", "x"], options: { keySecret: "wrong-secret-in-workerd" } });
    assert.deepEqual([wrong.ok, wrong.isSinchError, wrong.error.code], [false, true, "unauthorized"]);
    assert.ok(!JSON.stringify(wrong).includes("wrong-secret-in-workerd"));
    const lost = await call({ op: "capability", args: [["+46732001122"]], options: { projectId: "elsewhere" } });
    assert.equal(lost.error.code, "not_found");
    assert.match(lost.error.message, /another region/);
  } finally {
    await mf.dispose();
  }
});

/**
 * A relay as a page should use one: it holds the key and adds it (Basic, which the emulator
 * takes on every call) to each request it forwards; the page has no key at all.
 */
async function startRelay(target) {
  const { createServer } = await import("node:http");
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type, accept", "access-control-allow-methods": "GET, POST" };
  const basic = `Basic ${Buffer.from(`${CONVERSATION.keyId}:${CONVERSATION.keySecret}`).toString("base64")}`;
  const server = createServer(async (req, res) => {
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${target}${req.url}`, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/json", authorization: basic }, body });
    res.writeHead(answer.status, { ...cors, "content-type": answer.headers.get("content-type") ?? "application/json" }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// The same client in a Chromium page, through a relay that holds the key.
test("in Chromium, through a relay: refused a key secret, sends per recipient, unsupported methods, the region hint", async () => {
  const { launchChromium, root, serveStatic } = await import("./support.mjs");
  fresh();
  const [browser, server, relay] = await Promise.all([launchChromium(), serveStatic(root), startRelay(emu.url)]);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tests/js/browser/network.html`);
    await page.waitForFunction(() => window.sdk !== undefined, null, { timeout: 15_000 });
    const outcome = await page.evaluate(
      async ({ relay, unsupported }) => {
        const { WhatsAppClient, SinchError } = window.sdk;
        const options = { api: "conversation", projectId: "project-1", appId: "app-1", baseUrl: relay };
        let refused;
        try {
          new WhatsAppClient({ ...options, keyId: "key-in-page", keySecret: "secret-in-page" });
        } catch (err) {
          refused = { code: err.code, field: err.field, mentionsRelay: /relay/.test(err.message), showsSecret: err.message.includes("secret-in-page") };
        }
        const wa = new WhatsAppClient(options);
        const sent = await wa.sendText(["+46732001122", "+46732002244"], "from a page");
        const capability = await wa.capability(["+46732001122"]);
        const codes = [];
        for (const [method, args] of unsupported) {
          try {
            await wa[method](...args);
            codes.push([method, "resolved"]);
          } catch (err) {
            codes.push([method, err instanceof SinchError ? err.code : String(err)]);
          }
        }
        let lost;
        try {
          await new WhatsAppClient({ ...options, projectId: "elsewhere" }).sendText("+46732001122", "x");
        } catch (err) {
          lost = { code: err.code, hint: /another region/.test(err.message) };
        }
        return { refused, sent, capability, codes, lost, json: JSON.parse(JSON.stringify(wa)) };
      },
      { relay: relay.url, unsupported: UNSUPPORTED },
    );
    assert.deepEqual(outcome.refused, { code: "invalid_argument", field: "keySecret", mentionsRelay: true, showsSecret: false });
    assert.deepEqual(outcome.sent.messages.map((m) => [m.recipient, m.state]), [["+46732001122", "queued"], ["+46732002244", "queued"]]);
    assert.equal(outcome.capability.asynchronous, true);
    assert.equal(outcome.capability.requests.length, 1);
    assert.deepEqual(outcome.codes, UNSUPPORTED.map(([method]) => [method, "unsupported"]));
    assert.deepEqual(outcome.lost, { code: "not_found", hint: true });
    assert.equal(outcome.json.keySecret, null);
    const basic = `Basic ${Buffer.from("key-1:secret-1").toString("base64")}`;
    assert.equal(tokenRequests().length, 0, "the page asks for no token: the relay authenticates");
    assert.ok(sends().length === 3 && sends().every((r) => r.headers.authorization === basic));
    await page.close();
  } finally {
    await Promise.all([browser.close(), server.close(), relay.close()]);
  }
});
