// The Worker example (examples/worker) end to end in workerd via Miniflare, against
// the emulator: the relay sends for the browser without exposing the token, preflights
// uploads again, serves them to Sinch from R2, takes Sinch's signed callbacks exactly
// once (a Durable Object's UNIQUE key, even under concurrent redelivery), and refuses to
// serve at all when a secret it needs is missing. The same in Conversation mode
// (SINCH_API=conversation): OAuth2 tokens got and reused by the Worker, webhooks of the
// emulator's Conversation API signed with x-sinch-webhook-signature*, replays refused.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TOKEN, emulator, root } from "./support.mjs";
import { startWorker } from "../support/worker.mjs";
import { sign, startEmulator } from "../../emulator/server.mjs";

const BOT = "bot-node";
const KEY = "worker-callback-key";
const RELAY_KEY = "relay-key-for-tests";
let emu, worker;

/** Starts the example with `bindings`; `logs` collects what it prints. */
async function startRelay(bindings) {
  const logs = [];
  const collect = (stream) => stream.on("data", (chunk) => logs.push(String(chunk)));
  const started = await startWorker({
    script: join(root, "examples/worker/src/index.js"),
    bindings: { BOT_ID: BOT, SINCH_BASE_URL: emu.url, ...bindings },
    r2Buckets: ["MEDIA"],
    durableObjects: { EVENT_LOG: { className: "EventLog", useSQLite: true } },
    handleRuntimeStdio: (stdout, stderr) => [stdout, stderr].forEach(collect),
  });
  return { ...started, logs };
}

before(async () => {
  emu = await emulator();
  worker = await startRelay({ SINCH_TOKEN: TOKEN, CALLBACK_HMAC_KEY: KEY, RELAY_KEY });
  emu.configure({ callbackUrl: `${worker.url}/callbacks`, callbackSecret: KEY });
});
beforeEach(() => emu.reset());
after(async () => {
  await worker?.mf.dispose();
  await emu?.close();
});

/** A call to the relay at `base` with the relay key: `{ status, body }`. */
const call = (base, path, init = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { "x-relay-key": RELAY_KEY, ...init.headers } }).then(async (res) => ({ status: res.status, body: await res.json() }));
const postTo = (base, path, value) => call(base, path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(value) });
const relay = (path, init) => call(worker.url, path, init);
const post = (path, value) => postTo(worker.url, path, value);
/** The signature headers Sinch would send with `body`. */
const signature = (body, nonce = crypto.randomUUID()) => ({
  "sinch-whatsapp-callback-signature": sign(body, nonce, KEY),
  "sinch-whatsapp-callback-signature-algorithm": "HMAC_SHA_256",
  "sinch-whatsapp-callback-signature-nonce": nonce,
});
const sent = () => emu.requests.filter((r) => r.path.endsWith("/messages"));
const events = async (base = worker.url) => (await call(base, "/events?since=0")).body.events;
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
    { type: "template", template_name: "order_update", body_params: ["Ada"], media: { type: "text" } },
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

test("concurrent redeliveries of the same report are recorded exactly once", async () => {
  const { body } = await post("/send", { to: "+46732001122", message: { type: "text", text: "race" } });
  const id = body.messages[0].id;
  const mine = async () => (await events()).filter((e) => e.messageId === id);
  await until(async () => (await mine()).length === 5, "five delivery reports");
  // Every report of the message at once, each 20 times at the same moment.
  const firsts = emu.deliveries.map((d, i) => [d, i]).filter(([d]) => d.attempt === 1 && d.body.includes(id));
  assert.equal(firsts.length, 5);
  await Promise.all(firsts.flatMap(([, i]) => Array.from({ length: 20 }, () => emu.redeliver(i))));
  const again = emu.deliveries.filter((d) => d.attempt === 2);
  assert.equal(again.length, 100);
  assert.ok(again.every((d) => d.status === 200), JSON.stringify(again.map((d) => d.status)));
  const states = (await mine()).map((e) => e.state).sort();
  assert.deepEqual(states, ["delivered", "dispatched", "queued", "read", "sent"]);
  // A batch of 40 reports (one of them twice), the same signed body delivered 20 times
  // at once: each request has enough work for the deliveries to interleave.
  const reports = Array.from({ length: 40 }, (_, i) => ({ status: "success", state: "read", message_id: `batch-${i}`, recipient: "+46732001122" }));
  const batch = JSON.stringify({ type: "whatsapp", statuses: [...reports, reports[0]] });
  const headers = signature(batch);
  const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${worker.url}/callbacks`, { method: "POST", body: batch, headers }).then((r) => r.status)));
  assert.deepEqual(new Set(answers), new Set([200]));
  const recorded = async () => (await events()).filter((e) => e.messageId.startsWith("batch-")).map((e) => e.messageId);
  await until(async () => new Set(await recorded()).size === 40, "every report of the batch");
  await new Promise((ok) => setTimeout(ok, 200));
  assert.equal((await recorded()).length, 40, "one record per report");
});

test("a callback with a malformed entry is taken: its good entries are recorded, the bad one logged", async () => {
  const body = JSON.stringify({
    type: "whatsapp",
    statuses: [
      { state: "read", message_id: "partial-1", recipient: "+46732001122" },
      { status: "success", state: "read", message_id: "partial-2", recipient: "+46732001122" },
    ],
  });
  const res = await fetch(`${worker.url}/callbacks`, { method: "POST", body, headers: signature(body) });
  assert.equal(res.status, 200);
  const recorded = (await events()).filter((e) => e.messageId?.startsWith("partial-"));
  assert.deepEqual(recorded.map((e) => e.messageId), ["partial-2"]);
  await until(async () => worker.logs.join("").includes("statuses[0].status"), "the skipped entry in the log");
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

test("an upload whose send is refused leaves nothing in R2", async () => {
  const media = await worker.mf.getR2Bucket("MEDIA");
  const before = (await media.list()).objects.length;
  const form = new FormData();
  form.set("file", new File([await readFile(join(root, "tests/out/media/image.png"))], "photo.png", { type: "image/png" }));
  form.set("to", "not a number");
  const { status, body } = await relay("/media", { method: "POST", body: form });
  assert.equal(status, 400, JSON.stringify(body));
  assert.equal(body.error.field, "to[0]");
  assert.equal((await media.list()).objects.length, before);
  assert.equal(sent().length, 0);
});

test("a /send body that is not a JSON object is a 400 naming the body", async () => {
  for (const text of ["not json", "null", "[]x"]) {
    const { status, body } = await relay("/send", { method: "POST", headers: { "content-type": "application/json" }, body: text });
    assert.equal(status, 400, text);
    assert.equal(body.error.field, "body");
  }
  assert.equal(sent().length, 0);
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

test("it fails closed: a missing secret is a 500 for every route and a log line naming it", async () => {
  const all = { SINCH_TOKEN: TOKEN, CALLBACK_HMAC_KEY: KEY, RELAY_KEY };
  const signedReport = JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "read", message_id: "closed", recipient: "+46732001122" }] });
  for (const secret of Object.keys(all)) {
    const { [secret]: _, ...rest } = all;
    const relay = await startRelay({ ...rest, ALLOW_UNSIGNED_CALLBACKS: "false" });
    try {
      const unsigned = await fetch(`${relay.url}/callbacks`, { method: "POST", body: signedReport });
      assert.equal(unsigned.status, 500, secret);
      assert.equal((await unsigned.json()).error.code, "misconfigured");
      const signed = await fetch(`${relay.url}/callbacks`, { method: "POST", body: signedReport, headers: signature(signedReport) });
      assert.equal(signed.status, 500, secret);
      const anonymous = await fetch(`${relay.url}/send`, { method: "POST", body: JSON.stringify({ to: "+46732001122", message: { type: "text", text: "x" } }) });
      assert.equal(anonymous.status, 500, secret);
      const keyed = await fetch(`${relay.url}/send`, { method: "POST", headers: { "x-relay-key": RELAY_KEY }, body: "{}" });
      assert.equal(keyed.status, 500, secret);
      await until(async () => relay.logs.join("").includes(`missing secret ${secret}`), `a log line naming ${secret}`);
      assert.ok(!relay.logs.join("").includes(TOKEN) && !relay.logs.join("").includes(KEY) && !relay.logs.join("").includes(RELAY_KEY));
    } finally {
      await relay.mf.dispose();
    }
  }
  assert.equal(sent().length, 0);
});

test("ALLOW_UNSIGNED_CALLBACKS=true takes unsigned callbacks on loopback only, and the relay key is still required", async () => {
  const relay = await startRelay({ SINCH_TOKEN: TOKEN, RELAY_KEY, ALLOW_UNSIGNED_CALLBACKS: "true" });
  try {
    const body = JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "read", message_id: "local-1", recipient: "+46732001122" }] });
    assert.equal((await fetch(`${relay.url}/callbacks`, { method: "POST", body })).status, 200);
    const recorded = await fetch(`${relay.url}/events?since=0`, { headers: { "x-relay-key": RELAY_KEY } }).then((r) => r.json());
    assert.deepEqual(recorded.events.map((e) => e.messageId), ["local-1"]);
    assert.equal((await fetch(`${relay.url}/events?since=0`)).status, 401);
    // Served under a real host name, the switch is not honoured: the key is required.
    const remote = await relay.mf.dispatchFetch("https://relay.example.com/callbacks", { method: "POST", body });
    assert.equal(remote.status, 500);
    await until(async () => relay.logs.join("").includes("missing secret CALLBACK_HMAC_KEY"), "the log line");
  } finally {
    await relay.mf.dispose();
  }
});

describe("SINCH_API=conversation", () => {
  const APP = { projectId: "project-w", appId: "app-w", keyId: "key-w", keySecret: "key-secret-w" };
  const NUMBER = "+46732001122";
  let cemu, conv;
  const cpost = (path, value) => postTo(conv.url, path, value);
  const csent = () => cemu.requests.filter((r) => r.path === `/v1/projects/${APP.projectId}/messages:send`);
  const tokenRequests = () => cemu.requests.filter((r) => r.path === "/oauth2/token");
  const mine = async (id) => (await events(conv.url)).filter((e) => e.messageId === id);
  /** The `x-sinch-webhook-signature*` headers of a webhook `body` signed with `secret` at `timestamp`. */
  const webhookSignature = (body, { secret = KEY, timestamp = Math.floor(Date.now() / 1000), nonce = crypto.randomUUID() } = {}) => ({
    "x-sinch-webhook-signature": createHmac("sha256", secret).update(`${body}.${nonce}.${timestamp}`).digest("base64"),
    "x-sinch-webhook-signature-nonce": nonce,
    "x-sinch-webhook-signature-timestamp": String(timestamp),
    "x-sinch-webhook-signature-algorithm": "HmacSHA256",
  });
  /** A `message_delivery_report` webhook body as brief §4.4 shapes it. */
  const report = (messageId, status) => {
    const at = new Date().toISOString();
    return JSON.stringify({
      app_id: APP.appId,
      project_id: APP.projectId,
      accepted_time: at,
      event_time: at,
      message_delivery_report: {
        message_id: messageId,
        conversation_id: "",
        status,
        channel_identity: { channel: "WHATSAPP", identity: NUMBER.slice(1), app_id: APP.appId },
        contact_id: "",
        metadata: "",
        processing_mode: "DISPATCH",
      },
    });
  };
  const conversationBindings = () => ({
    SINCH_API: "conversation",
    SINCH_PROJECT_ID: APP.projectId,
    SINCH_APP_ID: APP.appId,
    SINCH_KEY_ID: APP.keyId,
    SINCH_KEY_SECRET: APP.keySecret,
    SINCH_BASE_URL: cemu.url,
    SINCH_AUTH_URL: `${cemu.url}/oauth2/token`,
    CALLBACK_HMAC_KEY: KEY,
    RELAY_KEY,
  });
  /** Registers the relay as the app's webhook, through the emulator's Conversation API. */
  const registerWebhook = async () => {
    const res = await fetch(`${cemu.url}/v1/projects/${APP.projectId}/webhooks`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`${APP.keyId}:${APP.keySecret}`)}`, "content-type": "application/json" },
      body: JSON.stringify({ app_id: APP.appId, target: `${conv.url}/callbacks`, target_type: "HTTP", triggers: ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"], secret: KEY }),
    });
    assert.equal(res.status, 200, await res.text());
  };
  /** The number writes first: opens the 24-hour window, and its message reaches the relay. */
  const inbound = async (text = "Hi") => {
    await cemu.conversationInbound({ from: NUMBER.slice(1), contactMessage: { text_message: { text } } });
  };

  before(async () => {
    cemu = await startEmulator({ port: 0, conversation: { ...APP, callbackSecret: KEY } });
    conv = await startRelay(conversationBindings());
  });
  beforeEach(async () => {
    cemu.reset();
    await registerWebhook();
  });
  after(async () => {
    await conv?.mf.dispose();
    await cemu?.close();
  });

  test("the relay sends with an OAuth2 token it gets once and reuses, never showing the key secret or the token", async () => {
    await inbound();
    const text = await cpost("/send", { to: NUMBER, message: { type: "text", text: "via the relay" } });
    assert.equal(text.status, 200, JSON.stringify(text.body));
    const template = await cpost("/send", { to: NUMBER, message: { type: "template", templateName: "order_update", language: "en_US", bodyParams: ["Ada"] } });
    assert.equal(template.status, 200, JSON.stringify(template.body));
    assert.equal(tokenRequests().length, 1, "one token for both sends (the relay's first)");
    assert.equal(tokenRequests()[0].headers.authorization, `Basic ${btoa(`${APP.keyId}:${APP.keySecret}`)}`);
    const [first, second] = csent();
    assert.deepEqual(first.body, {
      app_id: APP.appId,
      recipient: { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } },
      message: { text_message: { text: "via the relay" } },
    });
    assert.deepEqual(second.body.message, {
      template_message: { channel_template: { WHATSAPP: { template_id: "order_update", language_code: "en_US", parameters: { "body[1]text": "Ada" } } } },
    });
    const bearer = first.headers.authorization;
    assert.match(bearer, /^Bearer \S+$/);
    assert.equal(second.headers.authorization, bearer);
    for (const answer of [text, template]) {
      assert.equal(answer.body.messages.length, 1);
      assert.equal(answer.body.messages[0].recipient, NUMBER);
      assert.match(answer.body.messages[0].id, /\S/);
    }
    const shown = JSON.stringify([text, template, await events(conv.url)]) + conv.logs.join("");
    assert.ok(!shown.includes(APP.keySecret) && !shown.includes(bearer.slice(7)), "no key secret or token in an answer or the log");
  });

  test("an expired token is refreshed once and the send repeated once", async () => {
    await inbound();
    assert.equal((await cpost("/send", { to: NUMBER, message: { type: "text", text: "before" } })).status, 200);
    const tokens = tokenRequests().length; // 0 when the relay still holds an earlier test's token
    cemu.expireTokens();
    const again = await cpost("/send", { to: NUMBER, message: { type: "text", text: "after" } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(tokenRequests().length, tokens + 1, "one refresh");
    assert.deepEqual(csent().map((r) => r.body.message.text_message.text), ["before", "after", "after"]);
  });

  test("concurrent requests to a fresh relay share one token request", async () => {
    await inbound();
    const fresh = await startRelay(conversationBindings());
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => postTo(fresh.url, "/send", { to: NUMBER, message: { type: "text", text: `burst ${i}` } })),
      );
      assert.deepEqual(answers.map((a) => a.status), Array(10).fill(200), JSON.stringify(answers.find((a) => a.status !== 200)));
      assert.equal(tokenRequests().length, 1);
      assert.equal(csent().length, 10);
      assert.equal(fresh.logs.join(""), "", "workerd warns of nothing (no promise shared across requests goes wrong)");
    } finally {
      await fresh.mf.dispose();
    }
  });

  test("bad input and what the Conversation API cannot carry are refused with the field named; nothing is sent", async () => {
    const bad = await cpost("/send", { to: "0123", message: { type: "text", text: "x" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, "to[0]");
    const preview = await cpost("/send", { to: NUMBER, message: { type: "text", text: "x", previewUrl: true } });
    assert.equal(preview.status, 400, JSON.stringify(preview.body));
    assert.equal(preview.body.error.code, "invalid_argument");
    assert.equal(preview.body.error.field, "message.previewUrl");
    assert.equal(csent().length, 0);
  });

  test("delivery reports arrive as signed webhooks and are recorded once, even when redelivered at once", async () => {
    await inbound();
    const { body } = await cpost("/send", { to: NUMBER, message: { type: "text", text: "track" } });
    const id = body.messages[0].id;
    await until(async () => (await mine(id)).some((e) => e.state === "read"), "the read report");
    const states = (await mine(id)).map((e) => e.state);
    assert.ok(states.includes("delivered"), states.join());
    // Each report of the message, signed as the emulator sent it, 20 times at the same moment.
    const firsts = cemu.deliveries.map((d, i) => [d, i]).filter(([d]) => d.attempt === 1 && d.body.includes(id));
    assert.equal(firsts.length, states.length);
    assert.ok(firsts.every(([d]) => d.headers["x-sinch-webhook-signature"] && d.status === 200), JSON.stringify(firsts));
    await Promise.all(firsts.flatMap(([, i]) => Array.from({ length: 20 }, () => cemu.redeliver(i))));
    const again = cemu.deliveries.filter((d) => d.attempt === 2);
    assert.equal(again.length, 20 * firsts.length);
    assert.ok(again.every((d) => d.status === 200), JSON.stringify(again.map((d) => d.status)));
    assert.deepEqual((await mine(id)).map((e) => e.state).sort(), [...states].sort());
  });

  test("a free-form text outside the 24-hour window is reported failed with Sinch's reason", async () => {
    const { status, body } = await cpost("/send", { to: "+46732005566", message: { type: "text", text: "out of the blue" } });
    assert.equal(status, 200, "the send itself is accepted: the failure comes as a report");
    const id = body.messages[0].id;
    await until(async () => (await mine(id)).some((e) => e.state === "failed"), "the failed report");
    const failed = (await mine(id)).find((e) => e.state === "failed");
    assert.equal(failed.status, "failure");
    assert.equal(failed.reason.code, "OUTSIDE_ALLOWED_SENDING_WINDOW");
  });

  test("an inbound message reaches the relay as a webhook and is recorded", async () => {
    await inbound("Hello relay");
    const hello = async () => (await events(conv.url)).filter((e) => e.kind === "message" && e.message.body === "Hello relay");
    await until(async () => (await hello()).length > 0, "the inbound message");
    const [message] = await hello();
    assert.equal(message.message.type, "text");
    assert.equal(message.from, NUMBER.slice(1));
    assert.ok(cemu.deliveries.every((d) => d.status === 200));
  });

  test("forged, replayed, unsigned or standalone-signed webhooks are refused with 401", async () => {
    const body = report("conv-forged", "READ");
    const deliver = (headers) => fetch(`${conv.url}/callbacks`, { method: "POST", body, headers }).then((r) => r.status);
    assert.equal(await deliver({}), 401, "unsigned");
    assert.equal(await deliver(webhookSignature(body, { secret: "not-the-key" })), 401, "another secret");
    assert.equal(await deliver(webhookSignature(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })), 401, "ten minutes old: a replay");
    assert.equal(await deliver({ ...webhookSignature(body), "x-sinch-webhook-signature-algorithm": "HmacSHA1" }), 401, "another algorithm");
    assert.equal(await deliver(signature(body)), 401, "the standalone signature");
    assert.ok(!(await events(conv.url)).some((e) => e.messageId === "conv-forged"));
    // The same report, signed now with the webhook's secret, is taken.
    assert.equal(await deliver(webhookSignature(body)), 200);
    assert.deepEqual((await events(conv.url)).filter((e) => e.messageId === "conv-forged").map((e) => e.state), ["read"]);
  });

  test("an upload is preflighted again, stored in R2 and sent as a media message by URL; a caption follows as a text", async () => {
    await inbound();
    const png = await readFile(join(root, "tests/out/media/image.png"));
    const form = new FormData();
    form.set("file", new File([png], "photo.png", { type: "image/png" }));
    form.set("to", NUMBER);
    const { status, body } = await call(conv.url, "/media", { method: "POST", body: form });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.messageType, "image");
    assert.deepEqual(csent()[0].body.message, { media_message: { url: body.url } });
    assert.deepEqual(Buffer.from(await (await fetch(body.url)).arrayBuffer()), png);
    // A media message has no caption there: the relay sends it as its own text, after the media.
    form.set("caption", "a photo");
    const captioned = await call(conv.url, "/media", { method: "POST", body: form });
    assert.equal(captioned.status, 200, JSON.stringify(captioned.body));
    assert.deepEqual(csent().slice(1).map((r) => r.body.message), [{ media_message: { url: captioned.body.url } }, { text_message: { text: "a photo" } }]);
    assert.equal(captioned.body.caption.messages[0].state, "queued", JSON.stringify(captioned.body));
  });

  test("it fails closed without the access key: a 500 for every route and a log line naming the secret", async () => {
    for (const secret of ["SINCH_KEY_ID", "SINCH_KEY_SECRET"]) {
      const { [secret]: _, ...rest } = conversationBindings();
      const relay = await startRelay(rest);
      try {
        const res = await fetch(`${relay.url}/send`, { method: "POST", headers: { "x-relay-key": RELAY_KEY }, body: "{}" });
        assert.equal(res.status, 500, secret);
        assert.equal((await res.json()).error.code, "misconfigured");
        await until(async () => relay.logs.join("").includes(`missing secret ${secret}`), `a log line naming ${secret}`);
        assert.ok(!relay.logs.join("").includes(APP.keySecret));
      } finally {
        await relay.mf.dispose();
      }
    }
    assert.equal(csent().length, 0);
  });
});
