// The client under api: "conversation" inside workerd (Miniflare, the package's "workerd"
// entry) and in a Chromium page through a relay that holds the key (the page has none),
// against the emulator's Conversation API; the Node suite is conversation.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { join } from "node:path";
import { startEmulator } from "../../emulator/server.mjs";
import { startWorker } from "../support/worker.mjs";
import { launchChromium, root, serveStatic } from "./support.mjs";
import { CONVERSATION, UNSUPPORTED } from "./conversation/scenario.mjs";

let emu;
before(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 1000, conversation: CONVERSATION });
});
after(() => emu?.close());

const tokenRequests = () => emu.requests.filter((r) => r.path === "/oauth2/token");
const sends = () => emu.requests.filter((r) => r.path.endsWith("/messages:send"));
const fresh = () => {
  emu.reset();
  emu.configure({ window: "open" });
};

// The same client inside workerd (Miniflare, the package's "workerd" entry).
test("inside workerd: the token cached across requests, one refresh for a burst, an expired token renewed, unsupported methods, no secret", async () => {
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
    assert.deepEqual(outcome.refused, { code: "invalid_argument", field: "options.keySecret", mentionsRelay: true, showsSecret: false });
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
