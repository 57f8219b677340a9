// The emulator's own tests, over plain HTTP: it must hold clients to the documented
// contract, so it is checked against the docs here, not against the crate.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { startEmulator } from "./server.mjs";

const BOT = "bot-1";
let emu, hook;
const posts = [];

before(async () => {
  hook = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => {
      posts.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(posts.length === 1 ? 503 : 200).end();
    });
  });
  await new Promise((ok) => hook.listen(0, "127.0.0.1", ok));
  emu = await startEmulator({ bots: { [BOT]: "secret-token" }, rateLimit: 1000 });
});
beforeEach(() => {
  emu.reset();
  posts.length = 0;
});
after(() => Promise.all([emu.close(), new Promise((ok) => hook.close(ok))]));

async function call(method, rest, body, { token = "secret-token", bot = BOT } = {}) {
  const res = await fetch(`${emu.url}/whatsapp/v1/${bot}${rest}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}
const text = (to, body = "hi") => ({ to, message: { type: "text", text: body } });
const until = async (cond) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((ok) => setTimeout(ok, 10));
  assert.ok(cond(), "timed out waiting");
};

test("POST /messages answers 201 with one queued status per recipient and records the request", async () => {
  const r = await call("POST", "/messages", text(["46732001122", "+46732002244"]));
  assert.equal(r.status, 201);
  assert.equal(r.body.type, "whatsapp");
  assert.deepEqual(r.body.statuses.map((s) => [s.recipient, s.status, s.state]), [["46732001122", "success", "queued"], ["+46732002244", "success", "queued"]]);
  for (const s of r.body.statuses) assert.match(s.message_id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.equal(emu.requests.length, 1);
  assert.deepEqual(emu.requests[0].created, r.body.statuses.map((s) => s.message_id));
  assert.equal(emu.requests[0].headers.authorization, "Bearer secret-token");
});

test("a wrong token or unknown bot answers 401 with message and details", async () => {
  for (const opts of [{ token: "nope" }, { bot: "other-bot" }]) {
    const r = await call("POST", "/messages", text(["46732001122"]), opts);
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.body).sort(), ["details", "message"]);
  }
});

test("documented validation rules answer 400 naming the field", async () => {
  const cases = [
    [text([]), "to"],
    [text(Array(21).fill("46732001122")), "to"],
    [text(["0732001122"]), "to[0]"],
    [text(["46732001122"], "x".repeat(4097)), "message.text"],
    [{ to: ["46732001122"], message: { type: "audio", url: "https://x.example/a.mp3", caption: "no" } }, "message.caption"],
    [{ to: ["46732001122"], message: { type: "sticker", url: "https://x.example/s.webp", id: "1" } }, "message.url"],
    [{ to: ["46732001122"], message: { type: "location", lat: 91, lng: 0 } }, "message.lat"],
    [{ to: ["46732001122"], message: { type: "template", template_name: "t", ttl: "P1D" } }, "message.ttl"],
    [{ to: ["46732001122"], message: { type: "interactive", message: { type: "button", body: { text: "b" }, action: { buttons: [1, 2, 3, 4] } } } }, "message.message.action.buttons"],
    [{ to: ["46732001122"], message: { type: "gif" } }, "message.type"],
  ];
  for (const [body, field] of cases) {
    const r = await call("POST", "/messages", body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.ok(r.body.details.includes(`[${field}]`), `${r.body.details} should name ${field}`);
  }
  assert.equal(emu.requests.filter((r) => r.created).length, 0);
});

test("a valid list message with 10 rows in all is accepted, 11 is refused", async () => {
  const rows = (n, from) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, title: "Row" }));
  const list = (a, b) => ({ to: ["46732001122"], message: { type: "interactive", message: { type: "list", body: { text: "Pick" }, action: { button: "Open", sections: [{ title: "A", rows: rows(a, 0) }, { title: "B", rows: rows(b, 100) }] } } } });
  assert.equal((await call("POST", "/messages", list(5, 5))).status, 201);
  assert.equal((await call("POST", "/messages", list(5, 6))).status, 400);
});

test("over 20 requests a second the API answers 500 Request could not be processed", async () => {
  const limited = await startEmulator({ bots: { [BOT]: "t" } });
  try {
    const results = [];
    for (let i = 0; i < 25; i++) {
      const r = await fetch(`${limited.url}/whatsapp/v1/${BOT}/capability`, { method: "POST", headers: { authorization: "Bearer t" }, body: '{"numbers":["46732001122"]}' });
      results.push([r.status, await r.json()]);
    }
    assert.equal(results.filter(([s]) => s === 200).length, 20);
    assert.deepEqual(results.at(-1), [500, { message: "Request could not be processed", details: "Request rate limit of 20 requests per second exceeded." }]);
    // The limit is per second: once the burst is a second old, requests go through again.
    await new Promise((ok) => setTimeout(ok, 1100));
    const again = await fetch(`${limited.url}/whatsapp/v1/${BOT}/capability`, { method: "POST", headers: { authorization: "Bearer t" }, body: '{"numbers":["46732001122"]}' });
    assert.equal(again.status, 200);
  } finally {
    await limited.close();
  }
});

test("faults: status with Retry-After, non-JSON, empty and truncated bodies, dropped connections", async () => {
  emu.addFault({ path: "/capability", kind: "status", status: 429, retryAfter: 2 });
  const limited = await call("POST", "/capability", { numbers: ["46732001122"] });
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "2");
  assert.equal((await call("POST", "/capability", { numbers: ["46732001122"] })).status, 200, "times defaults to 1");

  emu.addFault({ path: "/messages", kind: "non_json" });
  await assert.rejects(call("POST", "/messages", text(["46732001122"])), SyntaxError);
  emu.addFault({ path: "/messages", kind: "empty" });
  assert.equal((await call("POST", "/messages", text(["46732001122"]))).text, "");
  emu.addFault({ path: "/messages", kind: "truncate" });
  await assert.rejects(call("POST", "/messages", text(["46732001122"])));
  emu.addFault({ path: "/messages", kind: "drop" });
  await assert.rejects(call("POST", "/messages", text(["46732001122"])));
  assert.equal(emu.requests.filter((r) => r.created).length, 4, "those faults hit after the message was accepted");
});

test("delivery reports are signed, posted to the callback URL, retried on non-2xx, and stored", async () => {
  emu.configure({ callbackUrl: `http://127.0.0.1:${hook.address().port}/hook`, callbackSecret: "hmac-key" });
  const r = await call("POST", "/messages", text(["46732001122"]));
  const id = r.body.statuses[0].message_id;
  await until(() => posts.filter((p) => p.body.includes('"read"')).length === 1);
  for (const { headers, body } of posts) {
    const nonce = headers["sinch-whatsapp-callback-signature-nonce"];
    const expected = createHmac("sha256", "hmac-key").update(`${body}.${nonce}`).digest("base64");
    assert.equal(headers["sinch-whatsapp-callback-signature"], expected);
    assert.equal(headers["sinch-whatsapp-callback-signature-algorithm"], "HMAC_SHA_256");
  }
  const states = new Set(posts.map((p) => JSON.parse(p.body).statuses[0].state));
  assert.deepEqual([...states].sort(), ["delivered", "dispatched", "queued", "read", "sent"]);
  assert.ok(emu.deliveries.some((d) => d.status === 503 && d.attempt === 1), "the first post got a 503");
  const stored = await call("GET", `/callbacks/status/${id}`);
  assert.deepEqual(stored.body.results.map((c) => c.statuses[0].state), ["queued", "dispatched", "sent", "delivered", "read"]);
});

test("a recipient ending in 999 gets a failure report", async () => {
  const r = await call("POST", "/messages", text(["46732001999"]));
  const id = r.body.statuses[0].message_id;
  await until(() => emu.callbacks.store.length === 2);
  const stored = await call("GET", `/callbacks/status/${id}`);
  assert.deepEqual(stored.body.results.at(-1).statuses[0].status, "failure");
});

test("inbound notifications are stored and filtered by sender and page", async () => {
  for (const from of ["46700000001", "46700000002", "46700000001"]) await emu.inbound(BOT, { from, message: { type: "text", body: "hello" } });
  const all = await call("GET", "/callbacks/notifications");
  assert.equal(all.body.results.length, 3);
  const mine = await call("GET", "/callbacks/notifications?from=46700000001&page=2&page_size=1");
  assert.deepEqual(mine.body.results.map((c) => c.notifications[0].from), ["46700000001"]);
  assert.equal((await call("GET", "/callbacks/notifications?page=0")).status, 400);
  assert.equal((await call("GET", "/callbacks/notifications?start_time=yesterday")).status, 400);
});

test("blacklist is paged by 100, opt-in and capability answer as documented", async () => {
  const numbers = Array.from({ length: 150 }, (_, i) => `4670${String(i).padStart(7, "0")}`.replace(/^46700/, "46710"));
  for (let i = 0; i < numbers.length; i += 20) assert.equal((await call("POST", "/provision/blacklist", { numbers: numbers.slice(i, i + 20) })).status, 200);
  assert.equal((await call("GET", "/provision/blacklist")).body.numbers.length, 100);
  assert.equal((await call("GET", "/provision/blacklist?page=1")).body.numbers.length, 50);
  const optin = await call("POST", "/provision/optin", { numbers: ["46732001122"] });
  assert.deepEqual([optin.status, optin.text], [200, ""]);
  const cap = await call("POST", "/capability", { numbers: ["46732001122"] });
  assert.deepEqual(cap.body, { capabilities: [{ msisdn: "46732001122", capable: true }] });
  assert.equal((await call("POST", "/capability", { numbers: [] })).status, 400);
});

test("providers and stickerpacks keep state", async () => {
  assert.equal((await call("POST", "/provision/provider", { name: "p-one", type: "www", config: { bearer: "tok" } })).status, 200);
  // "alphanumeric characters plus - and/or _" (Sinch's release note of 2020-03-10): digits too.
  assert.equal((await call("POST", "/provision/provider", { name: "p1", type: "www", config: { bearer: "tok" } })).status, 200);
  assert.equal((await call("POST", "/provision/provider", { name: "p.1", type: "www", config: { bearer: "tok" } })).status, 400, "a dot is not in the charset");
  const list = await call("GET", "/provision/provider");
  assert.deepEqual(list.body.settings.application.media.providers.map((p) => p.name), ["p-one", "p1"]);
  assert.equal((await call("DELETE", "/provision/provider/p-one")).status, 200);
  assert.equal((await call("DELETE", "/provision/provider/p1")).status, 200);

  const { body: pack } = await call("POST", "/stickerpacks", { publisher: "P", name: "N" });
  const { body: sticker } = await call("POST", `/stickerpacks/${pack.id}/stickers`, { url: "https://x.example/s.webp", emojis: ["🐥"] });
  assert.equal(sticker.index, "0");
  assert.deepEqual((await call("GET", `/stickerpacks/${pack.id}/stickers/0`)).body.emojis, ["🐥"]);
  assert.equal((await call("POST", `/stickerpacks/${pack.id}/stickers`, { url: "https://x.example/s.webp", emojis: ["a", "b", "c", "d"] })).status, 400);
  assert.equal((await call("DELETE", `/stickerpacks/${pack.id}`)).status, 200);
  assert.equal((await call("GET", `/stickerpacks/${pack.id}`)).status, 404);
});
