// Conversation API callbacks: the signature against both test vectors of brief §4.7, webhook
// registration, delivery reports (QUEUED_ON_CHANNEL → DELIVERED → READ, FAILED for an
// unreachable number or outside the 24-hour window), callback_url overrides, inbound
// messages, capability results, events and the stored messages.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { signConversation, startEmulator } from "./server.mjs";
import { APP, call, sendBody, startHook, until } from "./testdata/conversation-harness.mjs";

const data = (name) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");

test("signConversation matches vector A (Sinch's SDK test) and vector B (tv-body.json), and not a re-serialised body", () => {
  assert.equal(signConversation(data("tv-a-body.json"), "01FJA8B4A7BM43YGWSG9GBV067", "1634579353", "foo_secret1234"), "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=");
  const b = data("tv-body.json");
  assert.equal(Buffer.byteLength(b), 537);
  assert.equal(signConversation(b, "01HVTESTNONCE0000000000000", "1714644931", "my-webhook-secret"), "tk2ojmtD8DlA97J6PVfyQX56zEVpa++uxdAXeRfybHM=");
  const reserialised = JSON.stringify(JSON.parse(b), null, 1);
  assert.notEqual(signConversation(reserialised, "01HVTESTNONCE0000000000000", "1714644931", "my-webhook-secret"), "tk2ojmtD8DlA97J6PVfyQX56zEVpa++uxdAXeRfybHM=");
});

let emu, hook;
before(async () => {
  hook = await startHook((post) => (post.path === "/flaky" && hook.posts.filter((p) => p.path === "/flaky").length === 1 ? 503 : 200));
  emu = await startEmulator({ rateLimit: 100_000, conversation: { callbackSecret: "override-secret" } });
});
beforeEach(() => {
  emu.reset();
  emu.configure({ window: "enforce" });
  hook.posts.length = 0;
});
after(() => Promise.all([emu.close(), hook.close()]));

const register = (body) => call(emu, "POST", "/webhooks", { app_id: APP, target_type: "HTTP", ...body });
const posted = (path) => hook.posts.filter((p) => p.path === path).map((p) => ({ ...p, json: JSON.parse(p.body) }));
const statuses = (path) => posted(path).map((p) => p.json.message_delivery_report?.status).filter(Boolean);
const verify = (post, secret) => {
  const h = post.headers;
  assert.equal(h["x-sinch-webhook-signature-algorithm"], "HmacSHA256");
  assert.match(h["x-sinch-webhook-signature-nonce"], /^[0-9A-Z]{26}$/);
  assert.ok(Math.abs(Number(h["x-sinch-webhook-signature-timestamp"]) - Date.now() / 1000) < 5);
  assert.equal(h["x-sinch-webhook-signature"], signConversation(post.body, h["x-sinch-webhook-signature-nonce"], h["x-sinch-webhook-signature-timestamp"], secret));
};
const TEMPLATE = { template_message: { channel_template: { WHATSAPP: { template_id: "hello", language_code: "en" } } } };

test("webhooks: register, list, get, delete; the rules on targets and triggers both ways", async () => {
  const r = await register({ target: hook.url("/a"), triggers: ["MESSAGE_DELIVERY"], secret: "s" });
  assert.equal(r.status, 200);
  assert.deepEqual({ ...r.body, id: "" }, { id: "", app_id: APP, target: hook.url("/a"), target_type: "HTTP", secret: "s", triggers: ["MESSAGE_DELIVERY"] });
  assert.equal((await register({ target: hook.url("/a"), triggers: ["MESSAGE_INBOUND"] })).status, 400, "a target twice");
  assert.match((await register({ target: hook.url("/b"), triggers: ["UNSPECIFIED_TRIGGER"] })).body.error.message, /^triggers\[0\]/);
  assert.equal((await register({ target: hook.url("/b"), triggers: [] })).status, 400);
  assert.equal((await register({ target: `https://${"x".repeat(730)}.example/`, triggers: ["CAPABILITY"] })).status, 400, "target over 742");
  assert.equal((await register({ target: "https://conversation-api.eu.sinch.com/x", triggers: ["CAPABILITY"] })).status, 400);
  assert.equal((await register({ app_id: "other", target: hook.url("/b"), triggers: ["CAPABILITY"] })).status, 404);
  for (const p of ["/b", "/c", "/d", "/e"]) assert.equal((await register({ target: hook.url(p), triggers: ["CAPABILITY"] })).status, 200);
  assert.match((await register({ target: hook.url("/f"), triggers: ["CAPABILITY"] })).body.error.message, /at most 5/);
  const list = await call(emu, "GET", `/apps/${APP}/webhooks`);
  assert.equal(list.body.webhooks.length, 5);
  assert.deepEqual((await call(emu, "GET", `/webhooks/${r.body.id}`)).body, r.body);
  assert.equal((await call(emu, "DELETE", `/webhooks/${r.body.id}`)).status, 200);
  assert.equal((await call(emu, "GET", `/webhooks/${r.body.id}`)).status, 404);
  assert.equal((await call(emu, "DELETE", `/webhooks/${r.body.id}`)).status, 404);
});

test("a template is delivered: QUEUED_ON_CHANNEL → DELIVERED → READ, one signed report per POST, with the brief's envelope", async () => {
  await register({ target: hook.url("/dr"), triggers: ["MESSAGE_DELIVERY"], secret: "hook-secret" });
  await register({ target: hook.url("/in"), triggers: ["MESSAGE_INBOUND"] });
  const sent = await call(emu, "POST", "/messages:send", sendBody("46732001122", TEMPLATE, { correlation_id: "corr-1", message_metadata: "order-42" }));
  await until(() => statuses("/dr").length === 3);
  assert.deepEqual(statuses("/dr"), ["QUEUED_ON_CHANNEL", "DELIVERED", "READ"]);
  assert.equal(posted("/in").length, 0, "the trigger filter holds");
  for (const post of posted("/dr")) {
    verify(post, "hook-secret");
    const { json } = post;
    assert.deepEqual(Object.keys(json).sort(), ["accepted_time", "app_id", "correlation_id", "event_time", "message_delivery_report", "message_metadata", "project_id"]);
    assert.deepEqual([json.app_id, json.project_id, json.accepted_time, json.correlation_id], [APP, "project-1", sent.body.accepted_time, "corr-1"]);
    assert.ok(Date.parse(json.event_time) >= Date.parse(json.accepted_time));
    assert.deepEqual({ ...json.message_delivery_report, status: "" }, {
      message_id: sent.body.message_id, conversation_id: "", status: "", channel_identity: { channel: "WHATSAPP", identity: "46732001122", app_id: "" },
      contact_id: "", metadata: "order-42", processing_mode: "DISPATCH",
    });
  }
  const stored = await call(emu, "GET", `/messages/${sent.body.message_id}?messages_source=DISPATCH_SOURCE`);
  assert.deepEqual([stored.body.direction, stored.body.message_status.status], ["TO_CONTACT", "READ"]);
});

test("a number ending in 999 gets one FAILED report with RECIPIENT_NOT_REACHABLE", async () => {
  await register({ target: hook.url("/dr"), triggers: ["MESSAGE_DELIVERY"] });
  await call(emu, "POST", "/messages:send", sendBody("46732001999", TEMPLATE));
  await call(emu, "POST", "/messages:send", sendBody("46732001998", TEMPLATE));
  await until(() => statuses("/dr").length === 4);
  const failed = posted("/dr").filter((p) => p.json.message_delivery_report.status === "FAILED");
  assert.equal(failed.length, 1);
  assert.equal(failed[0].json.message_delivery_report.channel_identity.identity, "46732001999");
  assert.equal(failed[0].json.message_delivery_report.reason.code, "RECIPIENT_NOT_REACHABLE");
  assert.equal(failed[0].headers["x-sinch-webhook-signature"], undefined, "a webhook without a secret is not signed");
});

test("the 24-hour window: free-form fails outside it, a template does not, an inbound message opens it, window open lifts it", async () => {
  await register({ target: hook.url("/dr"), triggers: ["MESSAGE_DELIVERY"] });
  const last = async (identity, message) => {
    const { body } = await call(emu, "POST", "/messages:send", sendBody(identity, message));
    await until(() => posted("/dr").some((p) => p.json.message_delivery_report.message_id === body.message_id && ["READ", "FAILED"].includes(p.json.message_delivery_report.status)));
    return posted("/dr").filter((p) => p.json.message_delivery_report.message_id === body.message_id).at(-1).json.message_delivery_report;
  };
  const outside = await last("46732001122", { text_message: { text: "hi" } });
  assert.deepEqual([outside.status, outside.reason.code], ["FAILED", "OUTSIDE_ALLOWED_SENDING_WINDOW"]);
  assert.equal((await last("46732001122", TEMPLATE)).status, "READ");
  await emu.conversationInbound({ from: "+46732001122", contactMessage: { text_message: { text: "hello" } } });
  assert.equal((await last("46732001122", { text_message: { text: "hi" } })).status, "READ");
  await emu.conversationInbound({ from: "46732002233", contactMessage: { text_message: { text: "old" } }, at: Date.now() - 25 * 3600 * 1000 });
  assert.equal((await last("46732002233", { text_message: { text: "hi" } })).status, "FAILED", "written 25 h ago");
  emu.configure({ window: "open" });
  assert.equal((await last("46732009990", { media_message: { url: "https://x.example/a.jpg" } })).status, "READ");
  assert.throws(() => emu.configure({ window: "closed" }), /window/);
});

test("callback_url overrides the webhooks for that message, signed with callbackSecret; failed posts are retried", async () => {
  await register({ target: hook.url("/dr"), triggers: ["MESSAGE_DELIVERY"], secret: "hook-secret" });
  emu.configure({ window: "open" });
  await call(emu, "POST", "/messages:send", sendBody("46732001122", undefined, { callback_url: hook.url("/flaky") }));
  await until(() => statuses("/flaky").filter((s) => s === "READ").length === 1 && statuses("/flaky").length === 4);
  assert.equal(posted("/dr").length, 0);
  for (const post of posted("/flaky")) verify(post, "override-secret");
  assert.ok(emu.deliveries.some((d) => d.status === 503 && d.attempt === 1) && emu.deliveries.some((d) => d.attempt === 2));
  const unsigned = await startEmulator({ conversation: { window: "open" } });
  try {
    await call(unsigned, "POST", "/messages:send", sendBody("46732001122", undefined, { callback_url: hook.url("/plain") }));
    await until(() => statuses("/plain").length === 3);
    assert.equal(posted("/plain")[0].headers["x-sinch-webhook-signature"], undefined, "no callbackSecret: unsigned");
  } finally {
    await unsigned.close();
  }
});

test("inbound messages are posted to MESSAGE_INBOUND webhooks and stored; GET messages (DISPATCH_SOURCE) lists, filters and pages", async () => {
  await register({ target: hook.url("/in"), triggers: ["MESSAGE_INBOUND"], secret: "in-secret" });
  const res = await fetch(`${emu.url}/_emulator/conversation/inbound`, { method: "POST", body: JSON.stringify({ from: "46732001122", contactMessage: { text_message: { text: "hello" } } }) });
  const inbound = await res.json();
  assert.equal(res.status, 200);
  const [post] = posted("/in");
  verify(post, "in-secret");
  assert.deepEqual(post.json.message, inbound);
  assert.deepEqual([inbound.direction, inbound.channel_identity.identity, inbound.contact_message.text_message.text], ["TO_APP", "46732001122", "hello"]);
  assert.equal((await fetch(`${emu.url}/_emulator/conversation/inbound`, { method: "POST", body: '{"from":"abc","contactMessage":{}}' })).status, 400);
  await call(emu, "POST", "/messages:send", sendBody("46732001122"));
  await call(emu, "POST", "/messages:send", sendBody("46732003344"));
  const all = await call(emu, "GET", "/messages?messages_source=DISPATCH_SOURCE");
  assert.deepEqual(all.body.messages.map((m) => m.direction), ["TO_CONTACT", "TO_CONTACT", "TO_APP"], "newest first");
  assert.equal(all.body.next_page_token, "");
  const mine = await call(emu, "GET", "/messages?messages_source=DISPATCH_SOURCE&channel_identity=46732001122&direction=TO_CONTACT");
  assert.equal(mine.body.messages.length, 1);
  const page = await call(emu, "GET", "/messages?messages_source=DISPATCH_SOURCE&page_size=2");
  assert.deepEqual([page.body.messages.length, page.body.next_page_token], [2, "2"]);
  assert.equal((await call(emu, "GET", "/messages?messages_source=DISPATCH_SOURCE&page_size=2&page_token=2")).body.messages.length, 1);
  assert.equal((await call(emu, "GET", "/messages?messages_source=DISPATCH_SOURCE&page_size=1001")).status, 400);
  assert.equal((await call(emu, "GET", `/messages/${inbound.id}?messages_source=DISPATCH_SOURCE`)).body.id, inbound.id);
  assert.equal((await call(emu, "GET", "/messages/01UNKNOWN")).status, 404);
});

test("messages_source: a DISPATCH-mode app's messages are in DISPATCH_SOURCE, a CONVERSATION-mode app's in CONVERSATION_SOURCE (the default); another value is a 400", async (t) => {
  t.after(() => emu.configure({ processingMode: "DISPATCH" }));
  emu.configure({ window: "open" });
  const get = async (id, source) => (await call(emu, "GET", `/messages/${id}${source === undefined ? "" : `?messages_source=${source}`}`)).status;
  const list = async (source) => (await call(emu, "GET", `/messages${source === undefined ? "" : `?messages_source=${source}`}`)).body.messages.map((m) => m.id);
  const dispatched = (await call(emu, "POST", "/messages:send", sendBody("46732001122"))).body.message_id;
  assert.deepEqual([await get(dispatched, "DISPATCH_SOURCE"), await get(dispatched, "CONVERSATION_SOURCE"), await get(dispatched)], [200, 404, 404]);

  emu.configure({ processingMode: "CONVERSATION" });
  const kept = (await call(emu, "POST", "/messages:send", sendBody("46732001122"))).body.message_id;
  const forced = (await call(emu, "POST", "/messages:send", sendBody("46732001122", undefined, { processing_strategy: "DISPATCH_ONLY" }))).body.message_id;
  const inbound = await emu.conversationInbound({ from: "46732001122", contactMessage: { text_message: { text: "hi" } } });
  assert.deepEqual([await get(kept), await get(kept, "CONVERSATION_SOURCE"), await get(kept, "DISPATCH_SOURCE")], [200, 200, 404]);
  assert.deepEqual([await get(forced, "DISPATCH_SOURCE"), await get(forced)], [200, 404], "DISPATCH_ONLY is kept in DISPATCH_SOURCE");
  assert.deepEqual(await list(), [inbound.id, kept], "no parameter lists CONVERSATION_SOURCE, newest first");
  assert.deepEqual(await list("DISPATCH_SOURCE"), [forced, dispatched]);
  const stored = (await call(emu, "GET", `/messages/${kept}`)).body;
  assert.equal(stored.processing_mode, "CONVERSATION");
  assert.ok(stored.contact_id && stored.conversation_id, "a CONVERSATION-mode message has a contact and a conversation");
  assert.deepEqual([inbound.processing_mode, inbound.contact_id, inbound.conversation_id], ["CONVERSATION", stored.contact_id, stored.conversation_id], "the same number's");

  for (const bad of ["ALL", "dispatch_source", ""]) {
    for (const path of [`/messages/${kept}?messages_source=${bad}`, `/messages?messages_source=${bad}`]) {
      const r = await call(emu, "GET", path);
      assert.equal(r.status, 400, path);
      assert.deepEqual([r.body.error.status, r.body.error.message], ["INVALID_ARGUMENT", "messages_source: must be CONVERSATION_SOURCE or DISPATCH_SOURCE"]);
    }
  }
  assert.throws(() => emu.configure({ processingMode: "BOTH" }), /processingMode/);
});

test("capability:query answers 200 { app_id, recipient, request_id } and posts a capability_notification", async () => {
  await register({ target: hook.url("/cap"), triggers: ["CAPABILITY"] });
  const recipient = sendBody("46732001999").recipient;
  const r = await call(emu, "POST", "/capability:query", { app_id: APP, recipient });
  assert.equal(r.status, 200);
  assert.deepEqual({ ...r.body, request_id: "" }, { app_id: APP, recipient, request_id: "" });
  await until(() => posted("/cap").length === 1);
  const n = posted("/cap")[0].json.capability_notification;
  assert.deepEqual([n.request_id, n.identity, n.capability_status, n.reason.code], [r.body.request_id, "46732001999", "NO_CAPABILITY", "RECIPIENT_NOT_REACHABLE"]);
  assert.equal((await call(emu, "POST", "/capability:query", { app_id: APP, recipient, request_id: "mine" })).body.request_id, "mine");
  assert.equal((await call(emu, "POST", "/capability:query", { app_id: APP })).status, 400);
});

test("events:send answers 200 { event_id, accepted_time } for one event kind, 400 otherwise", async () => {
  const recipient = sendBody().recipient;
  const r = await call(emu, "POST", "/events:send", { app_id: APP, recipient, event: { composing_event: {} } });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body).sort(), ["accepted_time", "event_id"]);
  assert.equal((await call(emu, "POST", "/events:send", { app_id: APP, recipient, event: { read_message_event: { message_id: "m" } } })).status, 200);
  const two = await call(emu, "POST", "/events:send", { app_id: APP, recipient, event: { composing_event: {}, composing_end_event: {} } });
  assert.match(two.body.error.message, /^event:/);
  assert.match((await call(emu, "POST", "/events:send", { app_id: APP, recipient, event: { typing: {} } })).body.error.message, /^event\.typing/);
});
