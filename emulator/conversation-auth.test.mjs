// The Conversation API's token endpoint and authorisation, its 404 for an unknown project or
// app, its per-project rate limit and fault injection on its paths (brief §1, §5; contract §3).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "./server.mjs";
import { DEFAULTS } from "./conversation/api.mjs";
import { Auth } from "./conversation/auth.mjs";
import { APP, BASIC, PROJECT, bearer, call, sendBody, tokenRequest } from "./testdata/conversation-harness.mjs";

let emu;
before(async () => {
  emu = await startEmulator({ rateLimit: 1000 });
});
beforeEach(() => emu.reset());
after(() => emu.close());

const EXPIRED = 'Bearer error="invalid_token", error_description="The access token expired"';

test("the token endpoint answers client credentials with a bearer token whose exp matches expires_in", async () => {
  const r = await tokenRequest(emu);
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body).sort(), ["access_token", "expires_in", "scope", "token_type"]);
  assert.equal(r.body.token_type, "bearer");
  assert.equal(r.body.expires_in, 3600);
  assert.equal(r.headers.get("cache-control"), "no-store");
  const claims = JSON.parse(Buffer.from(r.body.access_token.split(".")[1], "base64url").toString());
  assert.equal(claims.exp - claims.iat, 3600);
  assert.equal(emu.requests.at(-1).path, "/oauth2/token", "token requests are logged");
});

test("the token endpoint refuses a wrong key, a missing or other grant and a non-form body, in OAuth2's error form", async () => {
  const wrongKey = `Basic ${Buffer.from("key-1:nope").toString("base64")}`;
  const cases = [
    [{ authorization: wrongKey }, 401, "invalid_client"],
    [{ authorization: "Bearer x" }, 401, "invalid_client"],
    [{ body: "grant_type=password" }, 400, "unsupported_grant_type"],
    [{ body: "scope=x" }, 400, "invalid_request"],
    [{ type: "application/json", body: '{"grant_type":"client_credentials"}' }, 400, "invalid_request"],
  ];
  for (const [options, status, error] of cases) {
    const r = await tokenRequest(emu, options);
    assert.deepEqual([r.status, r.body.error], [status, error], JSON.stringify(options));
    assert.equal(typeof r.body.error_description, "string");
    assert.ok(!JSON.stringify(r.body).includes("secret-1"));
  }
  assert.match((await tokenRequest(emu, { authorization: wrongKey })).headers.get("www-authenticate"), /^Basic/);
});

test("the token endpoint's bucket: 30 of burst, one more every 100 ms", () => {
  const auth = new Auth(DEFAULTS);
  const t0 = auth.bucket.at;
  const burst = Array.from({ length: 31 }, () => auth.take(t0));
  assert.deepEqual([burst.filter(Boolean).length, burst.at(-1)], [30, false]);
  assert.equal(auth.take(t0 + 99), false);
  assert.equal(auth.take(t0 + 100), true);
  assert.equal(auth.take(t0 + 100), false);
  assert.equal(Array.from({ length: 40 }, () => auth.take(t0 + 60_000)).filter(Boolean).length, 30, "it holds at most 30");
});

test("over its bucket the token endpoint answers 429 without Retry-After, and refills", async () => {
  const own = await startEmulator();
  try {
    const started = Date.now();
    const first = await Promise.all(Array.from({ length: 60 }, () => tokenRequest(own)));
    const refilled = Math.ceil(((Date.now() - started) / 1000) * 10);
    const ok = first.filter((r) => r.status === 200).length;
    assert.ok(ok >= 30 && ok <= 30 + refilled, `${ok} tokens in ${Date.now() - started} ms`);
    const limited = first.filter((r) => r.status === 429);
    assert.ok(limited.length > 0);
    assert.equal(limited[0].headers.get("retry-after"), null);
    assert.equal(limited[0].body.error, "too_many_requests");
    await new Promise((ok) => setTimeout(ok, 250));
    assert.equal((await tokenRequest(own)).status, 200, "refilled");
  } finally {
    await own.close();
  }
});

test("API calls take a bearer token it issued, or Basic with the key; anything else is 401 without expired", async () => {
  const body = sendBody("46732001122", { template_message: { channel_template: { WHATSAPP: { template_id: "t", language_code: "en_US" } } } });
  assert.equal((await call(emu, "POST", "/messages:send", body, { auth: await bearer(emu) })).status, 200);
  assert.equal((await call(emu, "POST", "/messages:send", body, { auth: BASIC })).status, 200);
  const wrongBasic = `Basic ${Buffer.from("key-1:other").toString("base64")}`;
  for (const auth of ["Bearer not-a-token", wrongBasic, ""]) {
    const r = await call(emu, "POST", "/messages:send", body, { auth });
    assert.equal(r.status, 401, auth);
    assert.equal(r.body.error.status, "UNAUTHENTICATED");
    assert.doesNotMatch(r.headers.get("www-authenticate"), /expired/i);
  }
});

test("expireTokens(): every token issued so far gets 401 with WWW-Authenticate saying expired; a new one works", async () => {
  const old = await bearer(emu);
  assert.equal((await call(emu, "GET", "/messages", undefined, { auth: old })).status, 200);
  emu.expireTokens();
  const r = await call(emu, "GET", "/messages", undefined, { auth: old });
  assert.equal(r.status, 401);
  assert.equal(r.headers.get("www-authenticate"), EXPIRED);
  assert.deepEqual(r.body, { error: { code: 401, message: "The access token expired.", status: "UNAUTHENTICATED", details: [] } });
  assert.equal((await call(emu, "GET", "/messages", undefined, { auth: await bearer(emu) })).status, 200);
  assert.equal((await call(emu, "GET", "/messages", undefined, { auth: BASIC })).status, 200, "Basic does not expire");
  const fresh = await bearer(emu);
  await fetch(`${emu.url}/_emulator/expire-tokens`, { method: "POST" });
  assert.equal((await call(emu, "GET", "/messages", undefined, { auth: fresh })).headers.get("www-authenticate"), EXPIRED);
});

test("a token expires after tokenTtlSeconds", async () => {
  const short = await startEmulator({ conversation: { tokenTtlSeconds: 1 } });
  try {
    const r = await tokenRequest(short);
    assert.equal(r.body.expires_in, 1);
    const auth = `Bearer ${r.body.access_token}`;
    assert.equal((await call(short, "GET", "/messages", undefined, { auth })).status, 200);
    await new Promise((ok) => setTimeout(ok, 1100));
    assert.equal((await call(short, "GET", "/messages", undefined, { auth })).headers.get("www-authenticate"), EXPIRED);
  } finally {
    await short.close();
  }
});

test("tokens are checked by their signature and claims: expired stays expired for ever, an altered one is invalid", () => {
  const auth = new Auth({ ...DEFAULTS, tokenTtlSeconds: 60 });
  const t0 = Date.now();
  const old = auth.issue(t0).access_token;
  assert.equal(auth.check(`Bearer ${old}`, t0 + 59_999), undefined);
  for (const later of [60_000, 3600_000, 365 * 86400_000]) {
    assert.equal(auth.check(`Bearer ${old}`, t0 + later).message, "The access token expired.", `${later} ms later`);
  }
  const [head, payload, signature] = old.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  const longer = Buffer.from(JSON.stringify({ ...claims, exp_ms: t0 + 86400_000 })).toString("base64url");
  for (const altered of [`${head}.${longer}.${signature}`, `${head}.${payload}.${signature.slice(1)}`, `${old}.x`, `${head}.${payload}`]) {
    assert.equal(auth.check(`Bearer ${altered}`, t0).message, "The access token is missing or invalid.", altered);
  }
  assert.deepEqual(Object.keys(auth).filter((k) => auth[k] instanceof Map), [], "nothing stored per token");
});

test("custom project, app and key; an unknown project or app is 404 NOT_FOUND (the wrong-region stand-in)", async () => {
  const own = await startEmulator({ conversation: { projectId: "p-9", appId: "a-9", keyId: "k", keySecret: "s" } });
  try {
    const auth = `Basic ${Buffer.from("k:s").toString("base64")}`;
    const body = { ...sendBody(), app_id: "a-9" };
    assert.equal((await call(own, "POST", "/messages:send", body, { auth, project: "p-9" })).status, 200);
    const otherProject = await call(own, "POST", "/messages:send", body, { auth, project: PROJECT });
    assert.equal(otherProject.status, 404);
    assert.equal(otherProject.body.error.status, "NOT_FOUND");
    const otherApp = await call(own, "POST", "/messages:send", { ...body, app_id: APP }, { auth, project: "p-9" });
    assert.deepEqual([otherApp.status, otherApp.body.error.code], [404, 404]);
    assert.equal((await call(own, "GET", "/messages", undefined, { auth: BASIC, project: "p-9" })).status, 401, "the default key is not this emulator's");
  } finally {
    await own.close();
  }
});

test("over rateLimit requests a second per project: 429 RESOURCE_EXHAUSTED in the wrapped form", async () => {
  const limited = await startEmulator({ rateLimit: 5 });
  try {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await call(limited, "GET", "/messages"));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 200, 429]);
    const last = results.at(-1);
    assert.equal(last.body.error.status, "RESOURCE_EXHAUSTED");
    assert.equal(last.body.error.code, 429);
    assert.equal(last.headers.get("retry-after"), null);
    assert.equal(limited.requests.at(-1).fault, "rate_limit");
    assert.equal((await tokenRequest(limited)).status, 200, "the token endpoint has its own limit");
  } finally {
    await limited.close();
  }
});

test("faults apply to the new paths: wrapped error bodies, the token URL included, and drops after acceptance", async () => {
  emu.addFault({ path: "/messages:send", kind: "status", status: 503, retryAfter: 1 });
  const r = await call(emu, "POST", "/messages:send", sendBody());
  assert.deepEqual([r.status, r.body.error.status, r.headers.get("retry-after")], [503, "UNAVAILABLE", "1"]);
  emu.addFault({ path: "/oauth2/token", kind: "status", status: 500 });
  assert.equal((await tokenRequest(emu)).status, 500);
  assert.equal((await tokenRequest(emu)).status, 200, "times defaults to 1");
  emu.addFault({ path: "/messages:send", kind: "drop" });
  await assert.rejects(call(emu, "POST", "/messages:send", sendBody()));
  assert.equal(emu.requests.filter((q) => q.created).length, 1, "the dropped send was accepted");
  assert.equal(emu.conversation.reports.messages.length, 1);
});

test("an unknown path is 404 and a known path with another method 405, both in the wrapped form; a browser may read WWW-Authenticate", async () => {
  const unknown = await call(emu, "POST", "/messages:blast", {});
  assert.deepEqual([unknown.status, unknown.body.error.status], [404, "NOT_FOUND"]);
  const method = await call(emu, "DELETE", "/messages:send");
  assert.deepEqual([method.status, method.body.error.code], [405, 405]);
  const preflight = await fetch(`${emu.url}/oauth2/token`, { method: "OPTIONS" });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get("access-control-expose-headers"), /www-authenticate/);
  assert.equal((await call(emu, "GET", `/messages?app_id=${APP}`)).status, 200);
});

test("a broken percent-encoding in the project or an id is 404 NOT_FOUND in the wrapped form, not the emulator's 500", async () => {
  for (const [rest, project] of [["/messages", "%E0"], ["/messages/%E0", PROJECT], ["/webhooks/%", PROJECT], ["/apps/%zz/webhooks", PROJECT]]) {
    const answer = await call(emu, "GET", rest, undefined, { project });
    assert.deepEqual([answer.status, answer.body.error?.status], [404, "NOT_FOUND"], `${project}${rest}`);
  }
});
