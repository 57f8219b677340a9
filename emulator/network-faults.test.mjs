// The emulator's hostile-network fault kinds over plain HTTP: `redirect` and
// `huge_body` (see network-faults.mjs).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "./server.mjs";

const BOT = "bot-1";
const MESSAGES = `/whatsapp/v1/${BOT}/messages`;
const TEXT = JSON.stringify({ to: ["46732001122"], message: { type: "text", text: "hi" } });
let emu;

before(async () => {
  emu = await startEmulator({ bots: { [BOT]: "t" }, rateLimit: 1000 });
});
beforeEach(() => emu.reset());
after(() => emu.close());

const post = (init = {}) =>
  fetch(`${emu.url}${MESSAGES}`, { method: "POST", headers: { authorization: "Bearer t" }, body: TEXT, ...init });

/** Reads `res`'s body chunk by chunk, keeping only the count and the first bytes. */
async function drain(res) {
  let size = 0;
  let head = "";
  for await (const chunk of res.body) {
    if (head.length < 200) head += Buffer.from(chunk).toString();
    size += chunk.byteLength;
  }
  return { size, head };
}

test("redirect answers the status and Location before acting, `times` over", async () => {
  emu.addFault({ path: "/messages", kind: "redirect", status: 308, location: "https://elsewhere.example/x", times: 2 });
  for (let i = 0; i < 2; i++) {
    const res = await post({ redirect: "manual" });
    assert.equal(res.status, 308);
    assert.equal(res.headers.get("location"), "https://elsewhere.example/x");
    assert.equal(res.headers.get("access-control-expose-headers"), "retry-after, location, www-authenticate"); // www-authenticate: a page reads why a token was refused
    assert.equal(await res.text(), "");
  }
  assert.equal((await post({ redirect: "manual" })).status, 201);
  assert.deepEqual(emu.requests.map((r) => [r.fault, Boolean(r.created)]), [["redirect", false], ["redirect", false], [undefined, true]]);

  emu.addFault({ path: "/messages", kind: "redirect" });
  const bare = await post({ redirect: "manual" });
  assert.deepEqual([bare.status, bare.headers.get("location")], [307, null]);
});

test("huge_body streams exactly `bytes`: the answer padded with spaces, after acting", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 3_000_000 });
  const res = await post();
  assert.equal(res.status, 201);
  assert.equal(res.headers.get("content-length"), null, "chunked unless contentLength");
  const { size, head } = await drain(res);
  assert.equal(size, 3_000_000);
  assert.match(head, /^\{"type":"whatsapp","statuses":\[/);
  assert.equal(emu.requests[0].created.length, 1, "the message was acted on");

  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 100_000, contentLength: true });
  const padded = await post();
  assert.equal(padded.headers.get("content-length"), "100000");
  const text = await padded.text();
  assert.equal(text.length, 100_000);
  assert.equal(JSON.parse(text).statuses.length, 1, "padding keeps it valid JSON");
});

test("huge_body with gzip: a few KiB on the wire, with that Content-Length, that inflate to `bytes`", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 3_000_000, gzip: true });
  const res = await post();
  assert.equal(res.status, 201);
  assert.equal(res.headers.get("content-encoding"), "gzip");
  assert.ok(Number(res.headers.get("content-length")) < 10_000, res.headers.get("content-length"));
  const { size, head } = await drain(res);
  assert.equal(size, 3_000_000, "fetch inflates it");
  assert.match(head, /^\{"type":"whatsapp","statuses":\[/);
});

test("huge_body with a status answers an error body without acting", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", status: 503, bytes: 70_000 });
  const res = await post();
  assert.equal(res.status, 503);
  assert.deepEqual(JSON.parse(await res.text()), { message: "Service unavailable", details: "Try again later." });
  assert.equal(emu.requests[0].created, undefined);
});

test("huge_body never holds the body: 256 MiB streamed costs little memory, and a client going away mid-body does no harm", async () => {
  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 256 * 2 ** 20 });
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const { size } = await drain(await post()).finally(() => clearInterval(timer));
  assert.equal(size, 256 * 2 ** 20);
  const growth = (peak - before) / 2 ** 20;
  console.log(`256 MiB streamed; RSS grew by ${growth.toFixed(1)} MiB (client and emulator in one process)`);
  assert.ok(growth < 100, `RSS grew by ${growth.toFixed(1)} MiB`);

  emu.addFault({ path: "/messages", kind: "huge_body", bytes: 2 ** 40 });
  const res = await post();
  const reader = res.body.getReader();
  await reader.read();
  await reader.cancel();
  assert.equal((await post()).status, 201, "the emulator still answers");
});
