// The Worker example (examples/worker) end to end in workerd via Miniflare, against
// the emulator: the relay sends for the browser without exposing the token, preflights
// uploads again, serves them to Sinch from R2, and takes Sinch's signed callbacks once.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TOKEN, emulator, root } from "./support.mjs";
import { startWorker } from "../support/worker.mjs";

const BOT = "bot-node";
const KEY = "worker-callback-key";
const RELAY_KEY = "relay-key-for-tests";
let emu, worker;

before(async () => {
  emu = await emulator();
  worker = await startWorker({
    script: join(root, "examples/worker/src/index.js"),
    bindings: { BOT_ID: BOT, SINCH_TOKEN: TOKEN, SINCH_BASE_URL: emu.url, CALLBACK_HMAC_KEY: KEY, RELAY_KEY },
    r2Buckets: ["MEDIA"],
    kvNamespaces: ["EVENTS"],
  });
  emu.configure({ callbackUrl: `${worker.url}/callbacks`, callbackSecret: KEY });
});
beforeEach(() => emu.reset());
after(async () => {
  await worker?.mf.dispose();
  await emu?.close();
});

const relay = (path, init = {}) =>
  fetch(`${worker.url}${path}`, { ...init, headers: { "x-relay-key": RELAY_KEY, ...init.headers } }).then(async (res) => ({ status: res.status, body: await res.json() }));
const post = (path, value) => relay(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(value) });
const sent = () => emu.requests.filter((r) => r.path.endsWith("/messages"));
const events = async () => (await relay("/events?since=0")).body.events;
const until = async (cond, what) => {
  for (let i = 0; i < 300; i++) {
    if (await cond()) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  assert.fail(`timed out waiting for ${what}`);
};

test("the relay sends text and templates with the token it holds, never showing it", async () => {
  const text = await post("/send", { to: "+46732001122", message: { type: "text", text: "via the relay" } });
  assert.equal(text.status, 200, JSON.stringify(text.body));
  const template = await post("/send", { to: "+46732001122", message: { type: "template", templateName: "order_update", bodyParams: ["Ada"] } });
  assert.equal(template.status, 200, JSON.stringify(template.body));
  assert.deepEqual(sent().map((r) => r.body.message), [
    { type: "text", text: "via the relay" },
    { type: "template", template_name: "order_update", body_params: ["Ada"] },
  ]);
  for (const r of sent()) assert.equal(r.headers.authorization, `Bearer ${TOKEN}`);
  assert.ok(!JSON.stringify([text, template]).includes(TOKEN));
});

test("bad input is refused with the field named, and nothing is sent; no relay key is 401", async () => {
  const bad = await post("/send", { to: "0123", message: { type: "text", text: "x" } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, "invalid_argument");
  assert.equal(bad.body.error.field, "to[0]");
  const media = await post("/send", { to: "+46732001122", message: { type: "image", url: "https://x.example/a.png" } });
  assert.equal(media.body.error.field, "message.type");
  const anonymous = await fetch(`${worker.url}/send`, { method: "POST", body: "{}" });
  assert.equal(anonymous.status, 401);
  assert.equal(sent().length, 0);
});

test("signed delivery reports reach the Worker and are recorded once, even when redelivered", async () => {
  const { body } = await post("/send", { to: "+46732001122", message: { type: "text", text: "track" } });
  const id = body.messages[0].id;
  const mine = async () => (await events()).filter((e) => e.messageId === id);
  await until(async () => (await mine()).length === 5, "five delivery reports");
  assert.ok(emu.deliveries.every((d) => d.status === 200), JSON.stringify(emu.deliveries.map((d) => d.status)));
  await Promise.all(emu.deliveries.map((_, i) => emu.redeliver(i)));
  assert.ok(emu.deliveries.filter((d) => d.attempt === 2).every((d) => d.status === 200));
  await new Promise((ok) => setTimeout(ok, 200));
  assert.deepEqual((await mine()).map((e) => e.state).sort(), ["delivered", "dispatched", "queued", "read", "sent"]);
});

test("a tampered or unsigned callback is refused with 401", async () => {
  const body = JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "read", message_id: "forged", recipient: "+46732001122" }] });
  const unsigned = await fetch(`${worker.url}/callbacks`, { method: "POST", body });
  assert.equal(unsigned.status, 401);
  const forged = await fetch(`${worker.url}/callbacks`, {
    method: "POST",
    body,
    headers: { "sinch-whatsapp-callback-signature": "AAAA", "sinch-whatsapp-callback-signature-algorithm": "HMAC_SHA_256", "sinch-whatsapp-callback-signature-nonce": "n" },
  });
  assert.equal(forged.status, 401);
  assert.ok(!(await events()).some((e) => e.messageId === "forged"));
});

test("an upload is preflighted again, stored in R2, sent by URL, and served back to Sinch", async () => {
  const png = await readFile(join(root, "tests/out/media/image.png"));
  const form = new FormData();
  form.set("file", new File([png], "photo.png", { type: "image/png" }));
  form.set("to", "+46732001122");
  form.set("caption", "a photo");
  const { status, body } = await relay("/media", { method: "POST", body: form });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.messageType, "image");
  const [request] = sent();
  assert.deepEqual(request.body.message, { type: "image", url: body.url, caption: "a photo" });
  const fetched = await fetch(body.url);
  assert.equal(fetched.headers.get("content-type"), "image/png");
  assert.deepEqual(Buffer.from(await fetched.arrayBuffer()), png);
});

test("a program or a web page posing as an image is refused with the issue codes", async () => {
  for (const [file, code] of [["program.exe", "media_unsupported_type"], ["notes-really-html.txt", "media_unsupported_type"]]) {
    const bytes = await readFile(join(root, "tests/out/media", file));
    const form = new FormData();
    form.set("file", new File([bytes], "cat.png", { type: "image/png" }));
    form.set("to", "+46732001122");
    const { status, body } = await relay("/media", { method: "POST", body: form });
    assert.equal(status, 422);
    assert.equal(body.error.code, "media_rejected");
    assert.ok(body.error.issues.some((i) => i.code === code), JSON.stringify(body.error.issues));
  }
  assert.equal(sent().length, 0);
});
