// callbackStatus under api: "conversation" against the emulator: Sinch reads one source per
// GET …/messages/{id} (messages_source, CONVERSATION_SOURCE when not given), and keeps a message
// sent in DISPATCH mode in DISPATCH_SOURCE; so the client asks DISPATCH_SOURCE first and, on a
// 404 only, CONVERSATION_SOURCE (an app in CONVERSATION mode).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "../../emulator/server.mjs";
import { CONVERSATION, conversationClient } from "./conversation/scenario.mjs";

const { WhatsAppClient } = await import("../../pkg/node.js");
let emu;

before(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 1000, conversation: CONVERSATION });
});
beforeEach(() => {
  emu.reset();
  emu.configure({ window: "open", processingMode: "DISPATCH" });
});
after(() => emu?.close());

const client = () => conversationClient(WhatsAppClient, emu.url);
/** The `messages_source` of every GET of one message since the last reset, in order. */
const reads = () => emu.requests.filter((r) => r.method === "GET" && r.path.includes("/messages/")).map((r) => r.query.messages_source);
const EITHER = "Sinch found no such message in either source: it expired, or the app is in another region (HTTP 404 NOT_FOUND)";

test("a message a DISPATCH-mode app sent is found in DISPATCH_SOURCE: one GET", async () => {
  const wa = client();
  const { messages } = await wa.sendText("+46732001122", "kept in dispatch");
  const { message } = await wa.callbackStatus(messages[0].id);
  assert.deepEqual([message.id, message.direction, message.identity], [messages[0].id, "TO_CONTACT", "46732001122"]);
  assert.equal(message.raw.processing_mode, "DISPATCH");
  assert.deepEqual(reads(), ["DISPATCH_SOURCE"]);
});

test("a message kept only in CONVERSATION_SOURCE is found by the second GET, after DISPATCH_SOURCE's 404", async () => {
  emu.configure({ processingMode: "CONVERSATION" });
  const wa = client();
  const { messages } = await wa.sendText("+46732001122", "kept in a conversation");
  const { message } = await wa.callbackStatus(messages[0].id);
  assert.equal(message.id, messages[0].id);
  assert.equal(message.raw.processing_mode, "CONVERSATION");
  assert.deepEqual(reads(), ["DISPATCH_SOURCE", "CONVERSATION_SOURCE"]);
  // The same for what the number wrote (an inbound message follows the app's mode).
  const inbound = await emu.conversationInbound({ from: "+46732001122", contactMessage: { text_message: { text: "hi" } } });
  assert.equal((await wa.callbackStatus(inbound.id)).message.direction, "TO_APP");
});

test("a message in neither source is not_found, saying both were asked and why it may be gone", async () => {
  const wa = client();
  const err = await wa.callbackStatus("01NOSUCHMESSAGE").then(() => assert.fail("resolved"), (e) => e);
  assert.equal(err.code, "not_found");
  assert.equal(err.status, 404);
  assert.equal(err.retryable, false);
  assert.ok(err.message.startsWith(EITHER), err.message);
  assert.deepEqual(reads(), ["DISPATCH_SOURCE", "CONVERSATION_SOURCE"], "each source once, not retried");
});

test("only a 404 leads to the second source: another error is the answer", async () => {
  const wa = client();
  const { messages } = await wa.sendText("+46732001122", "x");
  emu.addFault({ path: "/messages/", method: "GET", kind: "status", status: 403, body: { error: { code: 403, message: "no", status: "PERMISSION_DENIED" } } });
  await assert.rejects(wa.callbackStatus(messages[0].id), (e) => e.code === "unauthorized" && e.status === 403);
  assert.deepEqual(reads(), ["DISPATCH_SOURCE"]);
  // A server error on the first source is retried there (a read is safe to repeat), not skipped.
  emu.reset();
  emu.addFault({ path: "/messages/", method: "GET", kind: "status", status: 503 });
  const { messages: again } = await wa.sendText("+46732001122", "y");
  assert.equal((await wa.callbackStatus(again[0].id)).message.id, again[0].id);
  assert.deepEqual(reads(), ["DISPATCH_SOURCE", "DISPATCH_SOURCE"]);
});

test("the emulator refuses any other messages_source with a 400, on one message and on the list", async () => {
  const wa = client();
  const { messages } = await wa.sendText("+46732001122", "z");
  const auth = { authorization: `Basic ${Buffer.from(`${CONVERSATION.keyId}:${CONVERSATION.keySecret}`).toString("base64")}` };
  const base = `${emu.url}/v1/projects/${CONVERSATION.projectId}/messages`;
  for (const url of [`${base}/${messages[0].id}?messages_source=ALL`, `${base}?messages_source=ALL`]) {
    const res = await fetch(url, { headers: auth });
    assert.equal(res.status, 400, url);
    const { error } = await res.json();
    assert.deepEqual([error.status, error.message], ["INVALID_ARGUMENT", "messages_source: must be CONVERSATION_SOURCE or DISPATCH_SOURCE"]);
  }
  const plain = await fetch(`${base}/${messages[0].id}`, { headers: auth });
  assert.equal(plain.status, 404, "no messages_source reads CONVERSATION_SOURCE, where a DISPATCH message is not");
  await plain.body?.cancel();
});
