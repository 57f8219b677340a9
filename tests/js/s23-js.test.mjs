// The JS face against a scripted local server, for what session 23's reviewers found:
// an aborted call under api: "conversation" whose token fetch fails, a forged or Proxy
// `signal`, and a server echoing a secret percent-encoded (a Location, an error body).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";

const { WhatsAppClient, SinchError } = await import("../../pkg/node.js");

/** A local server: `handler(req, res)` answers; `requests` logs each `METHOD path`. */
async function serve(t, handler) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume().on("end", () => handler(req, res));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  });
  return { url: `http://127.0.0.1:${server.address().port}`, requests };
}

/** Collects the process's unhandled rejections until test `t` ends. */
function unhandled(t) {
  const seen = [];
  const listener = (reason) => seen.push(reason);
  process.on("unhandledRejection", listener);
  t.after(() => process.off("unhandledRejection", listener));
  return seen;
}

const settle = (ms) => new Promise((ok) => setTimeout(ok, ms));
const conversation = (url, options = {}) =>
  new WhatsAppClient({ api: "conversation", projectId: "p", appId: "a", keyId: "k", keySecret: "s3cr3t-key", baseUrl: url, authUrl: `${url}/oauth2/token`, ...options });

for (const [label, answer] of [
  ["refuses it", (res) => setTimeout(() => res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid_client"}'), 50)],
  ["drops the connection", (res) => res.destroy()],
]) {
  test(`a call aborted before it starts asks no token, and nothing is left unhandled when the token URL ${label}`, async (t) => {
    const rejections = unhandled(t);
    const server = await serve(t, (_, res) => answer(res));
    const wa = conversation(server.url, { retries: 0 });
    const gone = AbortSignal.abort();
    await assert.rejects(wa.sendText("+46732001122", "hi", { signal: gone }), (err) => err instanceof SinchError && err.code === "aborted");
    await settle(200);
    assert.deepEqual(server.requests, []);
    assert.deepEqual(rejections, []);
    // A call not aborted starts the refresh; an aborted one that comes then leaves at once.
    const live = wa.sendText("+46732001122", "hi");
    await assert.rejects(wa.sendText("+46732001122", "hi", { signal: gone }), (err) => err.code === "aborted");
    await assert.rejects(live, SinchError);
    await settle(200);
    assert.deepEqual(server.requests, ["POST /oauth2/token"]);
    assert.deepEqual(rejections, []);
  });
}

test("a call that is aborted while it waits for a failing shared refresh leaves nothing unhandled", async (t) => {
  const rejections = unhandled(t);
  const server = await serve(t, (_, res) => setTimeout(() => res.writeHead(401).end(), 100));
  const wa = conversation(server.url, { retries: 0 });
  const controller = new AbortController();
  const call = wa.sendText("+46732001122", "hi", { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(call, (err) => err instanceof SinchError && err.code === "aborted");
  await settle(200);
  assert.deepEqual(server.requests, ["POST /oauth2/token"]);
  assert.deepEqual(rejections, []);
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

test("a forged AbortSignal or a Proxy that throws is refused as options.signal, with no request and no timer left", async (t) => {
  const server = await serve(t, (_, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"numbers":[]}'));
  const wa = new WhatsAppClient({ botId: "b", token: "t", baseUrl: server.url });
  const forged = {
    "Object.create(AbortSignal.prototype)": Object.create(AbortSignal.prototype),
    "a Proxy whose getPrototypeOf throws": new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } }),
    "one with an own aborted: false": Object.create(AbortSignal.prototype, { aborted: { value: false } }),
  };
  for (const [label, signal] of Object.entries(forged)) {
    const before = timers();
    await assert.rejects(wa.blacklist(undefined, { signal, timeoutMs: 60000 }), (err) => {
      assert.ok(err instanceof SinchError, `${label}: ${err?.constructor?.name}: ${err?.message}`);
      assert.equal(err.code, "invalid_argument");
      assert.equal(err.field, "options.signal");
      assert.equal(err.message, "options.signal: must be an AbortSignal");
      return true;
    });
    assert.equal(timers(), before, `${label}: a timer was left running`);
  }
  assert.deepEqual(server.requests, []);
  // A real signal works; a Proxy of one works in Node (its brand check reads through the
  // Proxy), or, where the runtime's check sees the Proxy, is refused as a SinchError.
  assert.deepEqual((await wa.blacklist(undefined, { signal: new AbortController().signal })).numbers, []);
  const proxied = await wa.blacklist(undefined, { signal: new Proxy(new AbortController().signal, {}) }).catch((err) => err);
  assert.ok(proxied instanceof SinchError ? proxied.field === "options.signal" : proxied.numbers.length === 0, String(proxied));
});

test("no token within the call's timeoutMs is an attempt's timeout, repeated as the retry policy says", async (t) => {
  // The token URL never answers: each attempt times out waiting for it, nothing is sent.
  const silent = await serve(t, () => {});
  const retries = [];
  const onRetry = ({ attempt, error }) => void retries.push([attempt, error.code]);
  const wa = conversation(silent.url, { retries: 2, timeoutMs: 300 });
  await assert.rejects(wa.sendText("+46732001122", "hi", { onRetry }), (err) => err instanceof SinchError && err.code === "timeout" && err.retryable);
  assert.deepEqual(retries, [[1, "timeout"], [2, "timeout"]]);
  assert.ok(silent.requests.every((request) => request === "POST /oauth2/token"), silent.requests.join());
  // The token comes late (450 ms) but within the client's timeoutMs: the repeat sends.
  const late = await serve(t, (req, res) => {
    const json = (body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/oauth2/token") return setTimeout(() => json({ access_token: "tok", expires_in: 3600, token_type: "bearer" }), 450);
    json({ message_id: "m1", accepted_time: "2024-01-01T00:00:00Z" });
  });
  retries.length = 0;
  const sent = await conversation(late.url, { retries: 2, timeoutMs: 5000 }).sendText("+46732001122", "hi", { timeoutMs: 300, onRetry });
  assert.equal(sent.messages[0].id, "m1");
  assert.deepEqual(retries, [[1, "timeout"]]);
  assert.equal(late.requests.length, 2);
});

test("a secret echoed percent-encoded (a redirect's Location, an error body) is redacted in every form", async (t) => {
  const token = "ab+cd/ef==";
  const lower = (text) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  const forms = {
    uri: (auth) => encodeURIComponent(auth),
    "lowercase hex": (auth) => lower(encodeURIComponent(auth)),
    form: (auth) => new URLSearchParams({ a: auth }).toString().slice(2),
    // A nested `?next=` URL re-encoded by a proxy, once or twice more.
    twice: (auth) => encodeURIComponent(encodeURIComponent(auth)),
    "three times, lowercase hex": (auth) => lower(encodeURIComponent(encodeURIComponent(encodeURIComponent(auth)))),
  };
  for (const [label, encode] of Object.entries(forms)) {
    const server = await serve(t, (req, res) => {
      const echo = encode(req.headers.authorization ?? "");
      if (req.url.startsWith("/r/")) return res.writeHead(307, { location: `https://evil.example/?a=${echo}` }).end();
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message: `bad auth ${echo}` }));
    });
    for (const [where, baseUrl, read] of [
      ["Location", `${server.url}/r`, (err) => err.details],
      ["error body", server.url, (err) => err.message],
    ]) {
      const wa = new WhatsAppClient({ botId: "b", token, baseUrl, retries: 0 });
      const err = await wa.blacklist().catch((err) => err);
      assert.ok(err instanceof SinchError, `${label} ${where}: ${err}`);
      const text = read(err);
      assert.ok(text.includes("[redacted]"), `${label} ${where}: ${text}`);
      assert.ok(!/ab(%(25)*2B|\+)cd/i.test(text) && !/ef%(25)*3D/i.test(text), `${label} ${where}: the token in ${text}`);
    }
  }
});

test("a call's timeoutMs is checked before anything is sent (Rust, in Core.prepare), ahead of its arguments", async (t) => {
  const server = await serve(t, (_, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"numbers":[]}'));
  const wa = new WhatsAppClient({ botId: "b", token: "t", baseUrl: server.url });
  for (const timeoutMs of [0, 1.5, 600_001, -1, NaN, Infinity, "5000", null, true, {}]) {
    for (const call of [() => wa.blacklist(undefined, { timeoutMs }), () => wa.sendText(5, "x", { timeoutMs })]) {
      await assert.rejects(call(), (err) => {
        assert.ok(err instanceof SinchError, String(err));
        assert.equal(err.field, "options.timeoutMs", String(timeoutMs));
        assert.equal(err.message, "options.timeoutMs: must be a whole number from 1 to 600000");
        return true;
      });
    }
  }
  assert.deepEqual(server.requests, []);
  assert.deepEqual((await wa.blacklist(undefined, { timeoutMs: 600_000 })).numbers, []);
  assert.deepEqual((await wa.blacklist(undefined, { timeoutMs: undefined })).numbers, []);
  assert.equal(server.requests.length, 2);
});
