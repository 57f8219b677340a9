// Failure handling of the built package in Node against the emulator's injected
// faults: each fault alone with its expected outcome, then a mixed concurrent run
// where every call must settle with a typed result and no message goes out twice.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, resolveEntry } from "./support.mjs";
import { startEmulator } from "../../emulator/server.mjs";

const BOT = "bot-faults";
const TO = "+46732001122";
const CODES = new Set(["network", "timeout", "invalid_response", "rate_limited", "server_error", "aborted"]);
let emu, sdk;

before(async () => {
  // The rate limit is injected as a fault here, so the emulator's own limit is lifted.
  emu = await startEmulator({ bots: { [BOT]: TOKEN }, rateLimit: 1e6 });
  sdk = await import(resolveEntry(consumer()));
});
beforeEach(() => emu.reset());
after(() => emu?.close());

const client = (extra = {}) => new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, timeoutMs: 5000, ...extra });
/** Requests for the message whose text is `text`, and how many of them Sinch acted on. */
const attempts = (text) => emu.requests.filter((r) => r.body?.message?.text === text);
const processed = (text) => attempts(text).filter((r) => r.created).length;
const RATE_LIMIT_500 = { status: 500, body: { message: "Request could not be processed", details: "rate" } };

const CASES = [
  // [name, fault, expected outcome of a message send, attempts made, messages processed]
  ["429 with Retry-After", { kind: "status", status: 429, retryAfter: 0 }, "ok", 2, 1],
  ["503", { kind: "status", status: 503 }, "ok", 2, 1],
  ["the rate-limit 500", { kind: "status", ...RATE_LIMIT_500 }, "ok", 2, 1],
  ["three 503s in a row exhaust 2 retries", { kind: "status", status: 503, times: 3 }, "server_error", 3, 0],
  ["another 500 (the message may have gone out)", { kind: "status", status: 500 }, "server_error", 1, 0],
  ["a dropped connection after Sinch acted", { kind: "drop" }, "network", 1, 1],
  ["a truncated body", { kind: "truncate" }, "network", 1, 1],
  ["a non-JSON body", { kind: "non_json" }, "invalid_response", 1, 1],
  ["an empty 201", { kind: "empty" }, "invalid_response", 1, 1],
  ["latency beyond the timeout", { kind: "latency", ms: 3000 }, "timeout", 1, 0],
];

for (const [name, fault, outcome, tries, sent] of CASES) {
  test(`send under ${name}: ${outcome}, ${tries} attempt(s), ${sent} message(s)`, async () => {
    emu.addFault({ path: "/messages", ...fault });
    const text = `case ${name}`;
    const result = await client({ timeoutMs: 1000 }).sendText(TO, text).then((r) => r, (e) => e);
    if (outcome === "ok") assert.equal(result.messages?.length, 1, JSON.stringify(result));
    else {
      assert.ok(result instanceof sdk.SinchError, String(result));
      assert.equal(result.code, outcome, result.message);
    }
    assert.equal(attempts(text).length, tries);
    assert.equal(processed(text), sent, "the emulator acted on the message this often");
  });
}

test("idempotent calls are retried after a dropped connection; message sends only on opt-in", async () => {
  emu.addFault({ path: "/capability", kind: "drop" });
  const answer = await client().capability(["46732001122"]);
  assert.equal(answer.capabilities.length, 1);
  assert.equal(emu.requests.filter((r) => r.path.endsWith("/capability")).length, 2);

  emu.addFault({ path: "/messages", kind: "drop" });
  const text = "opted in to duplicates";
  const result = await client({ retryMessagesOnNetworkError: true }).sendText(TO, text);
  assert.equal(result.messages.length, 1);
  assert.equal(processed(text), 2, "with the opt-in the user accepted a possible duplicate");
});

test("a Retry-After beyond maxRetryAfterMs fails at once with rate_limited and the wait", async () => {
  emu.addFault({ path: "/messages", kind: "status", status: 429, retryAfter: 120 });
  const err = await client().sendText(TO, "later").catch((e) => e);
  assert.equal(err.code, "rate_limited");
  assert.equal(err.retryAfterMs, 120_000);
  assert.equal(attempts("later").length, 1);
});

test("onRetry sees each retry and can veto it; an AbortSignal stops a call in flight", async () => {
  emu.addFault({ path: "/messages", kind: "status", status: 503, times: 2 });
  const seen = [];
  const err = await client()
    .sendText(TO, "vetoed", { onRetry: (info) => (seen.push(info), false) })
    .catch((e) => e);
  assert.equal(err.code, "server_error");
  assert.equal(seen.length, 1);
  assert.equal(seen[0].error.code, "server_error");
  assert.equal(typeof seen[0].delayMs, "number");

  emu.addFault({ path: "/messages", kind: "latency", ms: 1000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const aborted = await client({ timeoutMs: 5000 }).sendText(TO, "abort me", { signal: controller.signal }).catch((e) => e);
  assert.equal(aborted.code, "aborted");
});

test("a mixed run: 300 concurrent calls under random faults all settle, typed, with no duplicate message", async () => {
  const kinds = [
    { kind: "status", status: 429, retryAfter: 0 },
    { kind: "status", status: 503 },
    { kind: "status", ...RATE_LIMIT_500 },
    { kind: "status", status: 500 },
    { kind: "drop" },
    { kind: "truncate" },
    { kind: "non_json" },
    { kind: "empty" },
    { kind: "latency", ms: 50 },
    { kind: "latency", ms: 6000 },
  ];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 150; i++) emu.addFault({ path: "/", ...kinds[Math.floor(random() * kinds.length)] });
  // Generous against a loaded machine; the 6 s latency faults still time out.
  const wa = client({ timeoutMs: 3000 });
  const calls = Array.from({ length: 300 }, (_, i) =>
    i % 3 === 0 ? wa.capability(["46732001122"]) : wa.sendText(TO, `mixed ${i}`),
  );
  let timer;
  const hang = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error("a call did not settle in 30 s")), 30_000)));
  const settled = await Promise.race([Promise.allSettled(calls), hang]).finally(() => clearTimeout(timer));

  const failures = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
  for (const err of failures) {
    assert.ok(err instanceof sdk.SinchError, String(err));
    assert.ok(CODES.has(err.code), err.code);
  }
  for (let i = 0; i < 300; i++) if (i % 3 !== 0) assert.ok(processed(`mixed ${i}`) <= 1, `message ${i} was sent twice`);
  const byCode = failures.reduce((m, e) => ({ ...m, [e.code]: (m[e.code] ?? 0) + 1 }), {});
  console.log(`fault run: ${settled.length - failures.length} ok, failures ${JSON.stringify(byCode)}, ${emu.requests.length} requests, ${emu.requests.filter((r) => r.fault).length} faulted`);
});
