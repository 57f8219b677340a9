// The built package inside workerd (the Cloudflare Workers runtime) via Miniflare,
// loaded through the package's "workerd" export condition, against the emulator.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TOKEN, consumer, emulator, resolveEntry, root } from "./support.mjs";
import { startWorker } from "../support/worker.mjs";
import { startForeign } from "./foreign.mjs";

const BOT = "bot-workerd";
let emu, mf;

before(async () => {
  emu = await emulator();
  const entry = fileURLToPath(resolveEntry(consumer(), ["workerd"]));
  assert.match(entry, /\/pkg\/workerd\.js$/, "the workerd condition must pick the workerd entry");
  ({ mf } = await startWorker({ script: join(root, "tests/js/workerd/worker.mjs"), entry, bindings: { BOT_ID: BOT, EMULATOR_URL: emu.url } }));
});
after(async () => {
  await mf?.dispose();
  await emu?.close();
});

const call = async (body) => (await mf.dispatchFetch("http://worker.test/", { method: "POST", body: JSON.stringify(body) })).json();

test("a Worker sends a text through the emulator", async () => {
  emu.reset();
  const reply = await call({ token: TOKEN, to: "+46732001122", text: "from workerd" });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.equal(reply.hasWindow, false);
  assert.match(reply.result.messages[0].id, /^[0-9A-Z]{26}$/);
  assert.deepEqual(reply.client, { botId: BOT, baseUrl: emu.url, token: "[redacted]" });
  const [request] = emu.requests;
  assert.equal(request.path, `/whatsapp/v1/${BOT}/messages`);
  assert.deepEqual(request.body, { to: ["+46732001122"], message: { type: "text", text: "from workerd" } });
});

test("errors inside a Worker are SinchError with a code and no token", async () => {
  const reply = await call({ token: "secret-in-worker", to: "+46732001122", text: "x" });
  assert.equal(reply.ok, false);
  assert.equal(reply.isSinchError, true);
  assert.equal(reply.error.code, "unauthorized");
  assert.ok(!JSON.stringify(reply).includes("secret-in-worker"));
  const invalid = await call({ token: TOKEN, to: "nope", text: "x" });
  assert.equal(invalid.error.code, "invalid_argument");
  assert.equal(invalid.error.field, "to[0]");
});

test("a timeout inside a Worker", async () => {
  emu.reset();
  emu.addFault({ path: "/messages", kind: "latency", ms: 1500 });
  const reply = await call({ token: TOKEN, to: "+46732001122", text: "x", timeoutMs: 100 });
  assert.equal(reply.error.code, "timeout");
});

test("inside a Worker a redirect is never followed and an oversized answer is refused, the send never repeated", async () => {
  emu.reset();
  const foreign = await startForeign();
  try {
    const send = (text) => call({ token: TOKEN, to: "+46732001122", text, options: { retries: 5, retryMessagesOnNetworkError: true } });
    const attempts = (text) => emu.requests.filter((r) => r.body?.message?.text === text).length;
    const location = `${foreign.url}/whatsapp/v1/${BOT}/messages`;

    emu.addFault({ path: "/messages", kind: "redirect", status: 307, location });
    const moved = await send("redirected in workerd");
    assert.equal(moved.error?.code, "unexpected_redirect", JSON.stringify(moved));
    assert.deepEqual([moved.isSinchError, moved.error.status, moved.error.details, moved.error.retryable], [true, 307, `Location: ${location}`, false]);
    assert.equal(attempts("redirected in workerd"), 1);
    assert.deepEqual(foreign.requests, [], "nothing reached the other origin");

    emu.addFault({ path: "/messages", kind: "redirect", status: 308, location: `/whatsapp/v1/${BOT}/messages`, times: 50 });
    const looped = await send("looped in workerd");
    assert.equal(looped.error?.code, "unexpected_redirect", JSON.stringify(looped));
    assert.equal(attempts("looped in workerd"), 1);
    emu.reset(); // the loop's other 49 redirects

    for (const status of [undefined, 503]) {
      emu.addFault({ path: "/messages", kind: "huge_body", status, bytes: 2 * 2 ** 20 });
      const text = `huge ${status ?? "2xx"} answer in workerd`;
      const huge = await send(text);
      assert.equal(huge.error?.code, "invalid_response", JSON.stringify(huge));
      assert.equal(huge.error.status, status ?? 201);
      assert.match(huge.error.message, /maxResponseBytes \(1048576 bytes\)/);
      assert.equal(attempts(text), 1);
    }
  } finally {
    await foreign.close();
  }
});

test("every client method works inside workerd against the emulator", async () => {
  emu.reset();
  const worker = await startWorker({ script: join(root, "tests/js/workerd/every-method.mjs"), bindings: { BOT_ID: BOT, TOKEN, EMULATOR_URL: emu.url } });
  try {
    const outcomes = await (await worker.mf.dispatchFetch("http://worker.test/")).json();
    assert.deepEqual(outcomes.filter(([, outcome]) => outcome !== "ok"), []);
    assert.ok(outcomes.length >= 33, `${outcomes.length} methods`);
    const seen = new Set(emu.requests.map((r) => `${r.method} ${r.path.replace(/^\/whatsapp\/v1\/[^/]+/, "").replace(/\/[0-9a-f-]{36}/, "/{id}").replace(/\/(status)\/.*$/, "/$1/{id}")}`));
    for (const route of ["POST /messages", "POST /events", "POST /capability", "POST /provision/optin", "DELETE /provision/optin", "POST /provision/blacklist", "GET /provision/blacklist", "DELETE /provision/blacklist", "POST /provision/provider", "GET /provision/provider", "DELETE /provision/provider/cdn", "POST /stickerpacks", "GET /stickerpacks", "GET /stickerpacks/{id}", "PATCH /stickerpacks/{id}", "DELETE /stickerpacks/{id}", "GET /callbacks/status/{id}", "GET /callbacks/notifications"]) {
      assert.ok(seen.has(route), `${route} not seen in ${[...seen].join(", ")}`);
    }
  } finally {
    await worker.mf.dispose();
  }
});
