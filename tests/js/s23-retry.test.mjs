// The retry rule end to end, through the built package against a scripted server:
// what is repeated after which failure (a safe request, a send, a create; both APIs),
// what `retryable` then says, `Retry-After` and `maxRetryAfterMs` at their bounds,
// error bodies read field by field, and the biggest answers the options allow.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { consumer, resolveEntry } from "./support.mjs";

const TO = "+46732001122";
const RECEIPT = { statuses: [{ message_id: "m1", recipient: "46732001122", status: "success", state: "queued" }] };
let sdk, server, url;
/** What the server does with the next requests (the last one repeats), and what it got. */
let script = [];
const log = [];

before(async () => {
  sdk = await import(resolveEntry(consumer()));
  server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      log.push({ method: req.method, path: req.url });
      if (req.url.startsWith("/oauth2/")) {
        const token = { access_token: "jwt-1", token_type: "bearer", expires_in: 3600 };
        const next = req.url.includes("broken") ? script.shift() : undefined;
        if (next) return answer(res, next);
        return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(token));
      }
      answer(res, script.length > 1 ? script.shift() : script[0]);
    });
  });
  // Node's 5 s default would close an idle kept-alive socket while the client parses a
  // 32 MB answer on a loaded machine; the next fetch would then fail on a socket the
  // client had every reason to reuse (seen on a fresh-clone CI run under load).
  server.keepAliveTimeout = 120_000;
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

function answer(res, { status = 200, body = "", headers = {}, drop, hang } = {}) {
  if (drop) return res.socket.destroy();
  if (hang) return;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
}

/** Runs `call` against `steps`: the outcome (result or error) and the requests to `path`. */
async function run(steps, path, call) {
  script = steps;
  log.length = 0;
  const outcome = await call().then((ok) => ok, (err) => err);
  return { outcome, tries: log.filter((r) => r.path.includes(path)).length };
}

const standalone = (extra = {}) =>
  new sdk.WhatsAppClient({ botId: "bot", token: "tok_abc", baseUrl: url, retries: 1, timeoutMs: 300, ...extra });
const conversation = (extra = {}) =>
  new sdk.WhatsAppClient({
    api: "conversation", projectId: "p", appId: "a", keyId: "k", keySecret: "s3cr3t",
    baseUrl: url, authUrl: `${url}/oauth2/token`, retries: 1, timeoutMs: 300, ...extra,
  });
const grpc = (status) => ({ status, body: { error: { code: status, message: "boom", status: "INTERNAL" } } });

test("Conversation API: a safe request is repeated on every 5xx, the token URL's included", async () => {
  for (const status of [500, 502, 503, 504]) {
    const { outcome, tries } = await run([grpc(status)], "/messages/", () => conversation().callbackStatus("m1"));
    assert.equal(outcome.code, "server_error", `${status}`);
    assert.equal(tries, 2, `${status}: retried`);
    assert.equal(outcome.retryable, true, `${status}`);
  }
  const wa = conversation({ authUrl: `${url}/oauth2/broken` });
  const { outcome, tries } = await run([grpc(502), grpc(502)], "/oauth2/", () => wa.callbackStatus("m1"));
  assert.deepEqual([outcome.code, outcome.status, outcome.retryable, tries], ["server_error", 502, true, 2]);
});

test("Conversation API: a send is repeated on 503; on 500/502/504 only when opted in", async () => {
  for (const status of [500, 502, 504]) {
    const send = (wa) => () => wa.sendText(TO, "hi");
    const once = await run([grpc(status)], "messages:send", send(conversation()));
    assert.deepEqual([once.outcome.code, once.tries, once.outcome.retryable], ["server_error", 1, false], `${status}`);
    const opted = await run([grpc(status)], "messages:send", send(conversation({ retryMessagesOnNetworkError: true })));
    assert.deepEqual([opted.tries, opted.outcome.retryable], [2, true], `${status} opted in`);
  }
  const busy = await run([grpc(503)], "messages:send", () => conversation().sendText(TO, "hi"));
  assert.deepEqual([busy.tries, busy.outcome.retryable], [2, true]);
});

test("a send that may have arrived is not repeated and is not retryable unless opted in", async () => {
  for (const fault of [{ drop: true }, { hang: true }]) {
    const { outcome, tries } = await run([fault], "/messages", () => standalone().sendText(TO, "pay 100 EUR"));
    assert.equal(outcome.code, fault.drop ? "network" : "timeout");
    assert.deepEqual([tries, outcome.retryable], [1, false], outcome.message);
    assert.doesNotMatch(outcome.message, /did not reach/);
    const opted = await run([fault], "/messages", () => standalone({ retryMessagesOnNetworkError: true }).sendText(TO, "x"));
    assert.deepEqual([opted.tries, opted.outcome.retryable], [2, true]);
  }
  const { outcome } = await run([{ drop: true }], "/messages", () => standalone().sendText(TO, "x"));
  assert.match(outcome.message, /^no answer from Sinch \(the request may have arrived\): /);
  // Once answered, a send goes through on the retry.
  const retried = await run([{ drop: true }, { status: 201, body: RECEIPT }], "/messages", () =>
    standalone({ retryMessagesOnNetworkError: true }).sendText(TO, "x"));
  assert.equal(retried.outcome.messages?.[0]?.id, "m1");
  // A safe request is repeated and so retryable; the standalone API's 502 is not.
  const safe = await run([{ drop: true }], "/provision/provider", () => standalone().listProviders());
  assert.deepEqual([safe.tries, safe.outcome.retryable], [2, true]);
  const gateway = await run([{ status: 502 }], "/provision/provider", () => standalone().listProviders());
  assert.deepEqual([gateway.outcome.code, gateway.tries, gateway.outcome.retryable], ["server_error", 1, false]);
});

test("a create is never repeated on an ambiguous failure, even with retryMessagesOnNetworkError", async () => {
  const wa = standalone({ retryMessagesOnNetworkError: true });
  const calls = [
    () => wa.createStickerpack({ name: "Pack", publisher: "Me" }),
    () => wa.createSticker("pack-1", { url: "https://example.com/s.webp" }),
  ];
  for (const call of calls) {
    const { outcome, tries } = await run([{ drop: true }], "/stickerpacks", call);
    assert.deepEqual([outcome.code, tries, outcome.retryable], ["network", 1, false], outcome.message);
    const busy = await run([{ status: 503 }], "/stickerpacks", call);
    assert.deepEqual([busy.tries, busy.outcome.retryable], [2, true], "a 503 was not acted on");
  }
});

test("Retry-After too big to count saturates; maxRetryAfterMs stops where setTimeout does", async () => {
  const huge = { status: 429, headers: { "retry-after": "99999999999999999999" } };
  const { outcome, tries } = await run([huge], "/messages", () => standalone().sendText(TO, "x"));
  assert.deepEqual([outcome.code, tries, outcome.retryAfterMs], ["rate_limited", 1, Number.MAX_SAFE_INTEGER]);
  assert.equal(outcome.retryable, true, "it may be repeated after retryAfterMs");
  assert.throws(() => standalone({ maxRetryAfterMs: 2 ** 31 }), {
    code: "invalid_argument",
    field: "options.maxRetryAfterMs",
    message: "options.maxRetryAfterMs: must be a whole number from 0 to 2147483647",
  });
  assert.equal(standalone({ maxRetryAfterMs: 2 ** 31 - 1 }).botId, "bot");
});

test("an error body is read field by field; the rate-limit phrase may be in details", async () => {
  const body = { message: "Validation error", details: { field: "to" } };
  const { outcome } = await run([{ status: 400, body }], "/messages", () => standalone().sendText(TO, "x"));
  assert.equal(outcome.message, "Sinch rejected the request (HTTP 400): Validation error");
  const rate = { status: 500, body: { message: "500", details: "Request could not be processed" } };
  const limited = await run([rate], "/messages", () => standalone().sendText(TO, "x"));
  assert.deepEqual([limited.outcome.code, limited.tries, limited.outcome.retryable], ["rate_limited", 2, true]);
});

test("the biggest answers maxResponseBytes allows are read without exhausting wasm memory", async () => {
  const MAX = 32 * 1024 * 1024;
  assert.throws(() => standalone({ maxResponseBytes: MAX + 1 }), {
    message: "options.maxResponseBytes: must be a whole number from 1 to 33554432",
  });
  const wa = standalone({ maxResponseBytes: MAX, timeoutMs: 60_000, retries: 0 });
  // The worst case of a parse: `[{},{},…]`, an error body and a 2xx one.
  const objects = `[${"{},".repeat(MAX / 3 - 1)}{}]`;
  const error = await run([{ status: 400, body: objects }], "/capability", () => wa.capability([TO]));
  assert.deepEqual([error.outcome.code, error.outcome.message], ["bad_request", "Sinch rejected the request (HTTP 400)"]);
  const page = await run([{ status: 200, body: objects }], "/capability", () => wa.capability([TO]));
  assert.equal(page.outcome.code, "invalid_response", page.outcome.message);
  // The client still works.
  const ok = { capabilities: [{ msisdn: "46732001122", capable: true }] };
  const after = await run([{ status: 200, body: ok }], "/capability", () => wa.capability([TO]));
  assert.deepEqual(after.outcome, ok);
});
