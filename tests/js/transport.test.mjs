// The transport of the built package in Node against a hostile server (the emulator's
// redirect and huge_body faults, and a foreign origin): redirects are never followed,
// answers are read only up to maxResponseBytes, and a message send is never repeated.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { TOKEN, consumer, resolveEntry, root } from "./support.mjs";
import { startEmulator } from "../../emulator/server.mjs";
import { startForeign } from "./foreign.mjs";

const BOT = "bot-transport";
const TO = "+46732001122";
const MESSAGES = `/whatsapp/v1/${BOT}/messages`;
const CAP = 1_048_576;
let emu, foreign, sdk, entry;

before(async () => {
  emu = await startEmulator({ bots: { [BOT]: TOKEN }, rateLimit: 1e6 });
  foreign = await startForeign();
  entry = resolveEntry(consumer());
  sdk = await import(entry);
});
beforeEach(() => {
  emu.reset();
  foreign.requests.length = 0;
});
after(() => Promise.all([emu?.close(), foreign?.close()]));

/** A client that would retry anything it may: a message send after a network error too. */
const client = (extra = {}) =>
  new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, timeoutMs: 10_000, retries: 5, retryMessagesOnNetworkError: true, ...extra });
const attempts = (text) => emu.requests.filter((r) => r.body?.message?.text === text);
const processed = (text) => attempts(text).filter((r) => r.created).length;
const failure = (promise) => promise.then((r) => assert.fail(`resolved: ${JSON.stringify(r)}`), (e) => e);

function assertTyped(err, code, status) {
  assert.ok(err instanceof sdk.SinchError, String(err));
  assert.equal(err.code, code, err.message);
  assert.equal(err.status, status);
  assert.equal(err.retryable, false);
  assert.ok(!JSON.stringify(err).includes(TOKEN));
}

test("a 3xx to another origin is not followed: unexpected_redirect with status and Location, nothing re-posted", async () => {
  for (const status of [301, 302, 303, 307, 308]) {
    const location = `${foreign.url}/whatsapp/v1/${BOT}/messages?from=${status}`;
    emu.addFault({ path: "/messages", kind: "redirect", status, location });
    const text = `redirected ${status}`;
    const err = await failure(client().sendText(TO, text));
    assertTyped(err, "unexpected_redirect", status);
    assert.equal(err.details, `Location: ${location}`);
    assert.equal(attempts(text).length, 1, "sent once, never again");
    assert.equal(processed(text), 0);
  }
  assert.deepEqual(foreign.requests, [], "nothing reached the other origin");
});

test("a Location that echoes the token has it redacted", async () => {
  emu.addFault({ path: "/messages", kind: "redirect", status: 302, location: `${foreign.url}/steal?t=${TOKEN}` });
  const err = await failure(client().sendText(TO, "echoed"));
  assertTyped(err, "unexpected_redirect", 302);
  assert.equal(err.details, `Location: ${foreign.url}/steal?t=[redacted]`);
});

test("a same-origin 307 loop costs one request, not 21", async () => {
  emu.addFault({ path: "/messages", kind: "redirect", status: 307, location: MESSAGES, times: 50 });
  const err = await failure(client().sendText(TO, "looped"));
  assertTyped(err, "unexpected_redirect", 307);
  assert.equal(attempts("looped").length, 1);
});

test("a redirect is not retried for a call that is safe to repeat either", async () => {
  emu.addFault({ path: "/capability", kind: "redirect", status: 302, location: `${foreign.url}/capability`, times: 50 });
  const err = await failure(client().capability([TO]));
  assertTyped(err, "unexpected_redirect", 302);
  assert.equal(emu.requests.length, 1);
  assert.deepEqual(foreign.requests, []);
});

test("a 2xx answer over maxResponseBytes is invalid_response naming the limit; the send is not repeated", async () => {
  for (const contentLength of [false, true]) {
    emu.addFault({ path: "/messages", kind: "huge_body", bytes: 2 * CAP, contentLength });
    const text = `padded answer, content-length ${contentLength}`;
    const err = await failure(client().sendText(TO, text));
    assertTyped(err, "invalid_response", 201);
    assert.match(err.message, /maxResponseBytes \(1048576 bytes\)/);
    assert.equal(attempts(text).length, 1);
    assert.equal(processed(text), 1, "Sinch acted on it once");
  }
});

test("a gzipped answer that inflates past maxResponseBytes is invalid_response, though its Content-Length is small", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 2 * CAP, gzip: true });
  const err = await failure(client().sendText(TO, "gzip bomb"));
  assertTyped(err, "invalid_response", 201);
  assert.match(err.message, /maxResponseBytes \(1048576 bytes\)/);
  assert.equal(attempts("gzip bomb").length, 1);
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 4096, gzip: true });
  const { messages } = await client({ maxResponseBytes: 4096 }).sendText(TO, "gzipped, at the cap");
  assert.equal(messages.length, 1);
});

test("the cap applies to error bodies: a 503 over it is invalid_response, not retried", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", status: 503, bytes: 2 * CAP });
  const err = await failure(client().sendText(TO, "huge 503"));
  assertTyped(err, "invalid_response", 503);
  assert.match(err.message, /maxResponseBytes/);
  assert.equal(attempts("huge 503").length, 1);
});

test("maxResponseBytes sets the cap to the byte; bad values are refused naming the option", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 4096, times: 2 });
  const { messages } = await client({ maxResponseBytes: 4096 }).sendText(TO, "exactly at the cap");
  assert.equal(messages.length, 1);
  const err = await failure(client({ maxResponseBytes: 4095 }).sendText(TO, "one byte over"));
  assertTyped(err, "invalid_response", 201);
  assert.match(err.message, /maxResponseBytes \(4095 bytes\)/);
  const small = await failure(client({ maxResponseBytes: 16 }).capability([TO]));
  assertTyped(small, "invalid_response", 200);

  for (const bad of [0, -1, 1.5, 2 ** 28 + 1, NaN, "1mb-secret", true, {}]) {
    const refused = (e) => e.code === "invalid_argument" && e.field === "options.maxResponseBytes" && !e.message.includes("secret");
    assert.throws(() => client({ maxResponseBytes: bad }), refused, String(bad));
  }
});

test("an answer that breaks off is network with its status, not 'did not reach Sinch'", async () => {
  emu.addFault({ path: "/messages", kind: "truncate" });
  const err = await failure(client({ retryMessagesOnNetworkError: false }).sendText(TO, "cut"));
  assert.equal(err.code, "network");
  assert.equal(err.status, 201);
  assert.doesNotMatch(err.message, /did not reach/);
});

test("a 300 MB answer leaves RSS growth under 20 MB (child process)", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 300_000_000 });
  const child = spawn(process.execPath, ["--expose-gc", join(root, "tests/js/transport/huge-answer.mjs"), entry, emu.url, BOT, TOKEN]);
  let out = "";
  let errors = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (errors += c));
  const code = await new Promise((ok) => child.on("close", ok));
  assert.equal(code, 0, errors);
  const outcome = JSON.parse(out);
  console.log(`300 MB answer: ${outcome.code}, RSS grew by ${outcome.growthMiB.toFixed(1)} MiB`);
  assert.equal(outcome.code, "invalid_response", outcome.message);
  assert.equal(outcome.retryable, false);
  assert.ok(outcome.growthMiB < 20, `RSS grew by ${outcome.growthMiB.toFixed(1)} MiB`);
  assert.equal(processed("huge answer"), 1);
  assert.equal(attempts("huge answer").length, 1);
});
