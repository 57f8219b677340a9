// Conversation API webhooks through the built package: Sinch's published signature
// vector and ours (with its re-serialised negative), every header fault, the timestamp
// tolerance, both entries alike; signed delivery reports and inbound messages posted by
// the emulator verified and parsed into today's shape; and the same in workerd and in
// headless Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { consumer, launchChromium, resolveEntry, root, serveStatic } from "./support.mjs";
import { startWorker } from "../support/worker.mjs";
import { startEmulator } from "../../emulator/server.mjs";

const data = (name) => readFileSync(join(root, "src/core/callback/testdata", name));
const A = {
  body: data("vector-a-body.json"),
  secret: "foo_secret1234",
  headers: {
    "x-sinch-webhook-signature": "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=",
    "x-sinch-webhook-signature-algorithm": "HmacSHA256",
    "x-sinch-webhook-signature-nonce": "01FJA8B4A7BM43YGWSG9GBV067",
    "x-sinch-webhook-signature-timestamp": "1634579353",
  },
  now: new Date(1634579353 * 1000),
};
const B = {
  body: data("tv-body.json"),
  secret: "my-webhook-secret",
  headers: {
    "X-Sinch-Webhook-Signature": "tk2ojmtD8DlA97J6PVfyQX56zEVpa++uxdAXeRfybHM=",
    "X-Sinch-Webhook-Signature-Algorithm": "HmacSHA256",
    "X-Sinch-Webhook-Signature-Nonce": "01HVTESTNONCE0000000000000",
    "X-Sinch-Webhook-Signature-Timestamp": "1714644931",
  },
  now: 1714644931 * 1000,
};
const TS = "x-sinch-webhook-signature-timestamp";

let full, entry;
before(async () => {
  const dir = consumer();
  full = await import(resolveEntry(dir));
  entry = await import(resolveEntry(dir, [], "sinch-whatsapp/callbacks"));
});

/** The error `fn` throws. */
const thrown = (fn) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("did not throw");
};

test("Sinch's vector A and our vector B verify in both entries, with the headers in every form JS has", () => {
  for (const sdk of [full, entry]) {
    assert.equal(sdk.verifyCallbackSignature(A.body, A.headers, A.secret, { now: A.now }), true);
    assert.equal(sdk.verifyCallbackSignature(A.body.toString(), new Headers(A.headers), new TextEncoder().encode(A.secret), { now: A.now }), true);
    assert.equal(sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now }), true);
    assert.equal(sdk.verifyCallbackSignature(B.body.buffer.slice(B.body.byteOffset, B.body.byteOffset + B.body.length), Object.entries(B.headers), B.secret, { now: B.now }), true);
    assert.equal(sdk.verifyCallbackSignature(B.body, { ...B.headers, "x-note": "caf\u00e9" }, B.secret, { now: new Date(B.now + 299_000) }), true);
  }
});

test("a re-serialised body, a tampered body, nonce or timestamp, or another secret is false", () => {
  const reserialised = data("tv-body-reserialised.json");
  assert.equal(full.verifyCallbackSignature(reserialised, B.headers, B.secret, { now: B.now }), false);
  // Its own signature (Python's json.dumps) verifies it, and not the original.
  const own = { ...B.headers, "X-Sinch-Webhook-Signature": "eQ6pX/TPPjyd0IHi9v3RzDmjwq+NPIpVZCqvd6LjbZE=" };
  assert.equal(full.verifyCallbackSignature(reserialised, own, B.secret, { now: B.now }), true);
  assert.equal(full.verifyCallbackSignature(B.body, own, B.secret, { now: B.now }), false);
  // (Compact JSON.stringify happens to give this body's bytes back; indented it does not.)
  assert.equal(entry.verifyCallbackSignature(JSON.stringify(JSON.parse(B.body)), B.headers, B.secret, { now: B.now }), true);
  assert.equal(entry.verifyCallbackSignature(JSON.stringify(JSON.parse(B.body), null, 1), B.headers, B.secret, { now: B.now }), false);
  const tampered = Buffer.from(B.body.toString().replace("FAILED", "READ!!"));
  assert.equal(entry.verifyCallbackSignature(tampered, B.headers, B.secret, { now: B.now }), false);
  assert.equal(entry.verifyCallbackSignature(B.body, { ...B.headers, "X-Sinch-Webhook-Signature-Nonce": "01HVTESTNONCE0000000000001" }, B.secret, { now: B.now }), false);
  assert.equal(entry.verifyCallbackSignature(B.body, { ...B.headers, "X-Sinch-Webhook-Signature-Timestamp": "1714644932" }, B.secret, { now: B.now }), false);
  assert.equal(entry.verifyCallbackSignature(B.body, B.headers, "my-webhook-secreT", { now: B.now }), false);
});

test("a timestamp outside the tolerance is refused, naming the header: a captured callback cannot be replayed", () => {
  for (const sdk of [full, entry]) {
    // The default is 5 minutes either way, against the clock: these 2021 and 2024 vectors are stale today.
    for (const [v, options] of [[A, undefined], [B, {}], [B, { now: B.now + 301_000 }], [B, { now: new Date(B.now - 301_000) }], [B, { now: B.now + 2000, toleranceSeconds: 1 }]]) {
      const err = thrown(() => sdk.verifyCallbackSignature(v.body, v.headers, v.secret, options));
      assert.equal(err.name, "SinchError");
      assert.equal(err.code, "signature_invalid");
      assert.equal(err.field, TS);
      assert.match(err.message, /tolerance/);
    }
    assert.equal(sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now + 3600_000, toleranceSeconds: 3600 }), true);
    assert.equal(sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now, toleranceSeconds: 0 }), true);
  }
});

test("options are checked, and never quoted", () => {
  for (const [options, field] of [
    [{ toleranceSeconds: -1 }, "options.toleranceSeconds"],
    [{ toleranceSeconds: 1.5 }, "options.toleranceSeconds"],
    [{ toleranceSeconds: "300" }, "options.toleranceSeconds"],
    [{ toleranceSeconds: Infinity }, "options.toleranceSeconds"],
    [{ now: "2024-05-02" }, "options.now"],
    [{ now: new Date("nonsense") }, "options.now"],
    [{ tolerance: 300 }, "options.tolerance"],
    [5, "options"],
    [{ api: "sms-secret" }, "options.api"],
    [{ api: "Conversation" }, "options.api"],
    [{ api: null }, "options.api"],
    [{ api: ["conversation"] }, "options.api"],
  ]) {
    for (const sdk of [full, entry]) {
      const err = thrown(() => sdk.verifyCallbackSignature(B.body, B.headers, B.secret, options));
      assert.equal(err.code, "invalid_argument", JSON.stringify(options));
      assert.equal(err.field, field);
      assert.ok(!/2024-05-02|1\.5|sms-secret|Conversation/.test(err.message), err.message);
    }
  }
  assert.equal(thrown(() => entry.verifyCallbackSignature(B.body, B.headers, B.secret, { api: "sms" })).message,
    'options.api: must be "whatsapp" or "conversation" (or left out)');
});

test("only the options' own properties count: a polluted Object.prototype widens nothing, a throwing getter is refused", () => {
  const aDayLater = B.now + 86400_000;
  Object.prototype.toleranceSeconds = 10 * 365 * 86400;
  try {
    for (const sdk of [full, entry]) {
      const err = thrown(() => sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: aDayLater }));
      assert.equal(err.code, "signature_invalid");
      assert.equal(err.field, TS);
    }
  } finally {
    delete Object.prototype.toleranceSeconds;
  }
  const getter = { get now() { throw new Error("secret-getter"); } };
  for (const sdk of [full, entry]) {
    const err = thrown(() => sdk.verifyCallbackSignature(B.body, B.headers, B.secret, getter));
    assert.equal(err.code, "invalid_argument");
    assert.equal(err.field, "options");
    assert.ok(!err.message.includes("secret-getter"), err.message);
  }
});

test("a captured webhook relabelled as a standalone callback is refused: by its nonce, and by options.api", () => {
  const nonce = B.headers["X-Sinch-Webhook-Signature-Nonce"], ts = B.headers["X-Sinch-Webhook-Signature-Timestamp"];
  const standalone = (nonce) => ({ "sinch-whatsapp-callback-signature": B.headers["X-Sinch-Webhook-Signature"],
    "sinch-whatsapp-callback-signature-algorithm": "HMAC_SHA_256", "sinch-whatsapp-callback-signature-nonce": nonce });
  const aYearLater = B.now + 365 * 86400_000;
  for (const sdk of [full, entry]) {
    // The reviewer's replay: the same signature, the nonce `nonce.timestamp`, never stale before.
    const relabelled = standalone(`${nonce}.${ts}`);
    for (const options of [{ now: aYearLater }, { now: aYearLater, api: "whatsapp" }]) {
      const err = thrown(() => sdk.verifyCallbackSignature(B.body, relabelled, B.secret, options));
      assert.equal(err.code, "signature_invalid");
      assert.equal(err.field, "sinch-whatsapp-callback-signature-nonce");
      assert.match(err.message, /contains a `\.`/);
    }
    const conversation = { now: aYearLater, api: "conversation" };
    const err = thrown(() => sdk.verifyCallbackSignature(B.body, relabelled, B.secret, conversation));
    assert.equal(err.code, "signature_invalid");
    assert.equal(err.field, "x-sinch-webhook-signature");
    assert.match(err.message, /missing/);
    // The body shifted instead (`body.nonce`, the nonce the timestamp): no `.` in the nonce,
    // so only naming the API refuses it (the body is no longer JSON: parseCallback throws).
    const shifted = Buffer.concat([B.body, Buffer.from(`.${nonce}`)]);
    assert.equal(sdk.verifyCallbackSignature(shifted, standalone(ts), B.secret, { now: aYearLater }), true);
    assert.equal(thrown(() => sdk.verifyCallbackSignature(shifted, standalone(ts), B.secret, conversation)).field, "x-sinch-webhook-signature");
    assert.equal(thrown(() => sdk.parseCallback(shifted)).code, "invalid_callback");
    // Each API takes its own form only; left out, either.
    assert.equal(sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now, api: "conversation" }), true);
    assert.equal(thrown(() => sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now, api: "whatsapp" })).field, "sinch-whatsapp-callback-signature");
    assert.equal(sdk.verifyCallbackSignature(B.body, B.headers, B.secret, { now: B.now, api: undefined }), true);
  }
});

test("a missing header, another algorithm or a malformed signature throws signature_invalid naming the header", () => {
  for (const name of Object.keys(A.headers)) {
    const { [name]: _, ...rest } = A.headers;
    const err = thrown(() => entry.verifyCallbackSignature(A.body, rest, A.secret, { now: A.now }));
    assert.equal(err.code, "signature_invalid");
    assert.equal(err.field, name);
    assert.match(err.message, /missing/);
  }
  for (const algorithm of ["HMAC_SHA_256", "HmacSHA1", "HmacSHA512"]) {
    const err = thrown(() => full.verifyCallbackSignature(A.body, { ...A.headers, "x-sinch-webhook-signature-algorithm": algorithm }, A.secret, { now: A.now }));
    assert.equal(err.field, "x-sinch-webhook-signature-algorithm");
  }
  for (const signature of ["6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE", "e9ba49a1...", "not base64!"]) {
    const err = thrown(() => full.verifyCallbackSignature(A.body, { ...A.headers, "x-sinch-webhook-signature": signature }, A.secret, { now: A.now }));
    assert.equal(err.field, "x-sinch-webhook-signature");
  }
  const err = thrown(() => full.verifyCallbackSignature(A.body, { ...A.headers, [TS]: "1634579353.5" }, A.secret, { now: A.now }));
  assert.equal(err.field, TS);
  // Repeated with another value.
  const twice = [...Object.entries(A.headers), ["x-sinch-webhook-signature", B.headers["X-Sinch-Webhook-Signature"]]];
  assert.match(thrown(() => full.verifyCallbackSignature(A.body, twice, A.secret, { now: A.now })).message, /more than once/);
});

test("parseCallback: vector B is one failed report in today's shape; vector A another kind, kept raw", () => {
  for (const sdk of [full, entry]) {
    const event = sdk.parseCallback(B.body);
    assert.equal(event.type, "whatsapp");
    assert.equal(event.api, "conversation");
    assert.deepEqual([event.contacts, event.notifications], [[], []]);
    assert.deepEqual(event.statuses, [{
      status: "failure", state: "failed", messageId: "01EXAMPLEMSG0000000000000", recipient: "46732001122", channel: "WHATSAPP",
      reason: { code: "OUTSIDE_ALLOWED_SENDING_WINDOW", description: "R\u00e4ksm\u00f6rg\u00e5s window closed", subCode: "UNSPECIFIED_SUB_CODE" },
      details: "R\u00e4ksm\u00f6rg\u00e5s window closed", conversationStatus: "FAILED", metadata: "order-42", processingMode: "DISPATCH",
      timestamp: "2024-05-02T10:15:30Z", acceptedTime: "2024-05-02T10:15:31.512Z", messageMetadata: "",
      appId: "01EXAMPLEAPP0000000000000", projectId: "11111111-2222-3333-4444-555555555555",
    }]);
    const other = sdk.parseCallback(A.body);
    assert.deepEqual(other.unknown, { type: "unknown", rawType: "contact_create_notification", raw: JSON.parse(A.body) });
    assert.deepEqual([other.statuses, other.notifications], [[], []]);
  }
});

test("parseCallback: inbound messages, a malformed one kept in its place, unknown kinds kept", () => {
  const inbound = (contact_message) => JSON.stringify({
    app_id: "A", event_time: "2024-05-02T10:00:00Z", correlation_id: "c1",
    message: { id: "IN", channel_identity: { channel: "WHATSAPP", identity: "46700000001" }, sender_id: "46732000000", contact_message },
  });
  const message = (cm) => entry.parseCallback(inbound(cm)).notifications[0];
  const text = message({ text_message: { text: "hej" }, reply_to: { message_id: "M1" } });
  assert.deepEqual(text, {
    from: "46700000001", channel: "WHATSAPP", to: "46732000000", messageId: "IN", message: { type: "text", body: "hej" },
    replyingTo: { messageId: "M1" }, forwarded: false, frequentlyForwarded: false, timestamp: "2024-05-02T10:00:00Z", correlationId: "c1", appId: "A",
  });
  assert.deepEqual(message({ media_message: { url: "https://x/a.png" } }).message, { type: "media", url: "https://x/a.png" });
  assert.deepEqual(message({ choice_response_message: { message_id: "M1", postback_data: "yes" } }).message, { type: "interactive", message: { type: "choice", id: "yes", messageId: "M1" } });
  assert.deepEqual(message({ location_message: { coordinates: { latitude: 55.7, longitude: 13.19 }, title: "Lund" } }).message, { type: "location", latitude: 55.7, longitude: 13.19, name: "Lund" });
  assert.deepEqual(message({ contact_info_message: { x: 1 } }).message, { type: "unknown", rawType: "contact_info_message", raw: { contact_info_message: { x: 1 } } });
  const bad = message({ media_message: { thumbnail_url: "t" } });
  assert.deepEqual(bad.error, { code: "invalid_callback", field: "message.contact_message.media_message.url", message: "is required" });
  assert.deepEqual(bad.raw, JSON.parse(inbound({ media_message: { thumbnail_url: "t" } })));
  assert.equal(entry.parseCallback(JSON.stringify({ app_id: "A", event: { contact_message_event: {} } })).unknown.rawType, "event");
  // Without `type` and without `app_id` it is no callback at all, as before.
  assert.equal(thrown(() => entry.parseCallback('{"message":{}}')).code, "invalid_callback");
});

/** A webhook receiver: `posts` holds `{ headers, body }` (raw bytes). */
async function startHook() {
  const posts = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => {
      posts.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200).end();
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { posts, url: `http://127.0.0.1:${server.address().port}/hook`, close: () => new Promise((ok) => server.close(ok)) };
}

const until = async (cond) => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((ok) => setTimeout(ok, 10));
  assert.ok(cond(), "timed out waiting for webhooks");
};

test("parseCallback: the kind is a known payload key wherever it stands, not the first key after the envelope", () => {
  const report = `{"message_id":"m1","status":"DELIVERED","channel_identity":{"channel":"WHATSAPP","identity":"46700000000"}}`;
  for (const sdk of [full, entry]) {
    for (const body of [
      `{"app_id":"A","project_id":"P","message_delivery_report":${report},"trigger":"MESSAGE_DELIVERY"}`,
      `{"app_id":"A","project_id":"P","trigger":"MESSAGE_DELIVERY","message_delivery_report":${report}}`,
    ]) {
      const e = sdk.parseCallback(body);
      assert.equal(e.statuses.length, 1, body);
      assert.equal(e.statuses[0].state, "delivered");
      assert.equal(e.unknown, undefined, body);
      assert.equal(e.trigger, "MESSAGE_DELIVERY");
    }
    // Another kind after a scalar key is still named by its payload key; two payloads: the SDK's first.
    assert.equal(sdk.parseCallback(`{"app_id":"A","trigger":"EVENT_INBOUND","event":{}}`).unknown.rawType, "event");
    const two = sdk.parseCallback(`{"app_id":"A","message_delivery_report":${report},"message":{}}`);
    assert.equal(two.notifications[0].kind, "invalid");
    assert.equal(two.message_delivery_report.message_id, "m1");
  }
});

test("the emulator's signed delivery reports and inbound messages verify with the clock and parse into today's shape", async () => {
  const hook = await startHook();
  const emu = await startEmulator({ port: 0, conversation: { window: "open" } });
  try {
    const api = (path, body) => fetch(`${emu.url}/v1/projects/project-1${path}`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa("key-1:secret-1")}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then((r) => r.json());
    const secret = "hook-secret";
    await api("/webhooks", { app_id: "app-1", target: hook.url, target_type: "HTTP", triggers: ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"], secret });
    const recipient = { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } };
    const sent = await api("/messages:send", { app_id: "app-1", recipient, message: { text_message: { text: "track me" } }, correlation_id: "order-7" });
    await until(() => hook.posts.length >= 3);
    const states = [];
    for (const { headers, body } of hook.posts) {
      assert.equal(entry.verifyCallbackSignature(body, headers, secret), true);
      assert.equal(full.verifyCallbackSignature(body, headers, "other"), false);
      const [report] = entry.parseCallback(body).statuses;
      assert.equal(report.messageId, sent.message_id);
      assert.equal(report.recipient, "46732001122");
      states.push([report.state, report.status, report.conversationStatus]);
    }
    // Posted in this order, but under load they may land in another (as Sinch's may).
    assert.deepEqual(states.sort(), [["delivered", "success", "DELIVERED"], ["dispatched", "success", "QUEUED_ON_CHANNEL"], ["read", "success", "READ"]]);
    hook.posts.length = 0;
    await emu.conversationInbound({ from: "+46700000009", contactMessage: { text_message: { text: "hello" } } });
    await until(() => hook.posts.length === 1);
    const { headers, body } = hook.posts[0];
    assert.equal(full.verifyCallbackSignature(body, new Headers(headers), secret), true);
    const [n] = full.parseCallback(body).notifications;
    assert.equal(n.from, "46700000009");
    assert.deepEqual(n.message, { type: "text", body: "hello" });
    // Replayed ten minutes later, the same callback is refused.
    const later = Date.now() + 600_000;
    assert.equal(thrown(() => entry.verifyCallbackSignature(body, headers, secret, { now: later })).field, TS);
  } finally {
    await Promise.all([emu.close(), hook.close()]);
  }
});

test("in workerd the ./callbacks entry verifies and parses vector B", async () => {
  const script = join(root, "tests/out/callbacks-conversation/worker/worker.mjs");
  mkdirSync(join(script, ".."), { recursive: true });
  writeFileSync(script, `import { parseCallback, verifyCallbackSignature } from "sinch-whatsapp";
export default {
  async fetch(request, env) {
    const body = new Uint8Array(await request.arrayBuffer());
    const now = Number(new URL(request.url).searchParams.get("now"));
    try {
      const ok = verifyCallbackSignature(body, request.headers, env.SECRET, { now });
      return Response.json({ ok, event: ok ? parseCallback(body) : null });
    } catch (e) {
      return Response.json({ error: { name: e.name, code: e.code, field: e.field } });
    }
  },
};
`);
  const workerdEntry = fileURLToPath(resolveEntry(consumer(), ["workerd"], "sinch-whatsapp/callbacks"));
  assert.match(workerdEntry, /\/pkg\/callbacks\/workerd\.js$/);
  const { mf } = await startWorker({ script, entry: workerdEntry, bindings: { SECRET: B.secret } });
  try {
    const post = async (now) => (await mf.dispatchFetch(`http://worker.test/?now=${now}`, { method: "POST", body: B.body, headers: B.headers })).json();
    const fresh = await post(B.now);
    assert.equal(fresh.ok, true);
    assert.equal(fresh.event.statuses[0].state, "failed");
    assert.deepEqual((await post(B.now + 3600_000)).error, { name: "SinchError", code: "signature_invalid", field: TS });
  } finally {
    await mf.dispose();
  }
});

test("in headless Chromium the ./callbacks entry verifies and parses vector B", async () => {
  const server = await serveStatic(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`); // any page of the same origin
    const result = await page.evaluate(async ([url, body, headers, secret, now]) => {
      const sdk = await import(url);
      const bytes = new TextEncoder().encode(body);
      const stale = (() => {
        try {
          return sdk.verifyCallbackSignature(bytes, new Headers(headers), secret, { now: now + 3600_000 });
        } catch (e) {
          return e.field;
        }
      })();
      return { ok: sdk.verifyCallbackSignature(bytes, new Headers(headers), secret, { now: new Date(now) }), stale, state: sdk.parseCallback(bytes).statuses[0].state };
    }, [`${server.url}/pkg/callbacks/index.js`, B.body.toString(), B.headers, B.secret, B.now]);
    assert.deepEqual(result, { ok: true, stale: TS, state: "failed" });
  } finally {
    await browser.close();
    await server.close();
  }
});
