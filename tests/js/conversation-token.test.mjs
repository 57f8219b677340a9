// The access token under api: "conversation" when things go wrong, in Node against the
// emulator: a short-lived token, a call's timeoutMs while it waits for the shared refresh,
// a burst during a failing refresh, a token that is expired again after its refresh, and a
// failed token request that names itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator/server.mjs";
import { CONVERSATION, conversationClient } from "./conversation/scenario.mjs";

const { WhatsAppClient, SinchError } = await import("../../pkg/node.js");
let emu;

before(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 1000, conversation: CONVERSATION });
});
after(() => emu?.close());

const fresh = () => {
  emu.reset();
  emu.configure({ window: "open" });
};
const count = (server, suffix) => server.requests.filter((r) => r.path.endsWith(suffix)).length;
const json = (text, status, headers = {}) => new Response(text, { status, headers: { "content-type": "application/json", ...headers } });

/** Until test `t` ends, fetch gives `answer(url)` where that is a Response, and goes out otherwise. */
function intercept(t, answer) {
  const original = globalThis.fetch;
  t.after(() => {
    globalThis.fetch = original;
  });
  globalThis.fetch = async (url, init) => answer(String(url)) ?? original(url, init);
}

test("a token living no longer than the 60 s margin is reused for half its life, not fetched per call", async () => {
  const short = await startEmulator({ port: 0, rateLimit: 1000, conversation: { ...CONVERSATION, tokenTtlSeconds: 30 } });
  try {
    short.configure({ window: "open" });
    const wa = conversationClient(WhatsAppClient, short.url);
    for (const text of ["one", "two", "three"]) await wa.sendText("+46732001122", text);
    assert.equal(count(short, "/oauth2/token"), 1);
    assert.equal(count(short, "/messages:send"), 3);
  } finally {
    await short.close();
  }
});

test("a call's timeoutMs bounds its wait for the shared refresh; the refresh goes on for the others", async () => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url);
  emu.addFault({ path: "/oauth2/token", kind: "latency", ms: 1500, times: 1 });
  const started = Date.now();
  // One attempt (onRetry says no): a token-wait timeout is an attempt the retry policy would repeat.
  const hurried = wa.sendText("+46732001122", "hurried", { timeoutMs: 200, onRetry: () => false });
  const patient = wa.sendText("+46732001122", "patient");
  // Nothing was sent while it waited for the token: safe to repeat, so retryable.
  await assert.rejects(hurried, (err) => err instanceof SinchError && err.code === "timeout" && err.retryable === true);
  assert.ok(Date.now() - started < 1200, `the hurried call waited ${Date.now() - started} ms`);
  assert.equal((await patient).messages.length, 1);
  assert.equal(count(emu, "/oauth2/token"), 1);
  assert.deepEqual(emu.requests.filter((r) => r.path.endsWith("/messages:send")).map((r) => r.body.message.text_message.text), ["patient"]);
});

test("a burst during a failing refresh: every waiter gets its error, the next call asks again", async () => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url, { retries: 0 });
  emu.addFault({ path: "/oauth2/token", kind: "status", status: 503, times: 1 });
  const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => wa.sendText("+46732001122", `burst ${i}`)));
  assert.deepEqual(results.map((r) => r.status === "rejected" && r.reason.code), Array(5).fill("server_error"));
  assert.equal(count(emu, "/oauth2/token"), 1);
  assert.equal(count(emu, "/messages:send"), 0);
  assert.equal((await wa.sendText("+46732001122", "after")).messages.length, 1);
  assert.equal(count(emu, "/oauth2/token"), 2);
});

test("a token expired again right after its refresh: one refresh, one repeat, then unauthorized", async (t) => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url);
  const challenge = 'Bearer error="invalid_token", error_description="The access token expired"';
  const expired = JSON.stringify({ error: { code: 401, message: "expired", status: "UNAUTHENTICATED" } });
  intercept(t, (url) => (url.endsWith("/messages:send") ? json(expired, 401, { "www-authenticate": challenge }) : undefined));
  await assert.rejects(wa.sendText("+46732001122", "loop?"), (err) => err instanceof SinchError && err.code === "unauthorized");
  assert.equal(count(emu, "/oauth2/token"), 2, "one token, one refresh");
});

test("a __proto__ key in Sinch's answers stays a plain key: callbackStatus's raw, capability's entries", async (t) => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url);
  const hostile = {
    "/messages/m-1": '{"id":"m-1","direction":"TO_CONTACT","__proto__":{"polluted":true},"metadata":{"__proto__":{"polluted":true}}}',
    "/capability:query": '{"app_id":"app-1","request_id":"r-1","__proto__":{"polluted":true}}',
  };
  intercept(t, (url) => {
    const end = Object.keys(hostile).find((path) => new URL(url).pathname.endsWith(path));
    return end === undefined ? undefined : json(hostile[end], 200);
  });
  const { message } = await wa.callbackStatus("m-1");
  const { requests } = await wa.capability(["+46732001122"]);
  for (const value of [message, message.raw, message.raw.metadata, requests[0]]) {
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(value.polluted, undefined);
  }
  assert.equal(Object.hasOwn(message.raw, "__proto__"), true, "kept as Sinch sent it, as an own key");
  assert.equal({}.polluted, undefined);
});

test("the token URL's redirect is not followed (the key goes nowhere else) and its huge answer is not read whole", async () => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url, { retries: 0, maxResponseBytes: 4096 });
  emu.addFault({ path: "/oauth2/token", kind: "redirect", status: 307, location: `${emu.url}/elsewhere/oauth2/token`, times: 1 });
  await assert.rejects(wa.sendText("+46732001122", "x"), (err) => err instanceof SinchError && err.code === "unexpected_redirect");
  assert.deepEqual(emu.requests.map((r) => r.path), ["/oauth2/token"]);
  emu.addFault({ path: "/oauth2/token", kind: "huge_body", status: 200, times: 1 });
  await assert.rejects(wa.sendText("+46732001122", "x"), (err) => err instanceof SinchError && err.code === "invalid_response");
  assert.equal(count(emu, "/messages:send"), 0);
  assert.equal((await wa.sendText("+46732001122", "then")).messages.length, 1);
});

test("a failed token request names itself: nothing was sent, unlike a send's own failure", async () => {
  fresh();
  const wa = conversationClient(WhatsAppClient, emu.url, { retries: 0 });
  const named = (code) => (err) => err instanceof SinchError && err.code === code && err.message.startsWith("the access token request: ");
  emu.addFault({ path: "/oauth2/token", kind: "drop", times: 1 });
  await assert.rejects(wa.sendText("+46732001122", "x"), named("network"));
  emu.addFault({ path: "/oauth2/token", kind: "status", status: 401, times: 1 });
  await assert.rejects(wa.sendText("+46732001122", "x"), named("unauthorized"));
  assert.equal(count(emu, "/messages:send"), 0);
  emu.addFault({ path: "/messages:send", kind: "drop", times: 1 });
  await assert.rejects(wa.sendText("+46732001122", "x"), (err) => err.code === "network" && err.message.startsWith("no answer from Sinch (the request may have arrived)"));
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(wa.sendText("+46732001122", "x", { signal: aborted.signal }), (err) => err.code === "aborted" && !err.message.includes("token"));
});
