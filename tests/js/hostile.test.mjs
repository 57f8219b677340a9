// Hostile values through every export of the built package: each call must end in
// a result or a SinchError — never a wasm trap (a Rust panic), a TypeError from the
// glue, or a broken instance — and the client must keep working afterwards.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

let emu, sdk, wa;

before(async () => {
  emu = await emulator();
  sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: "bot-node", token: TOKEN, baseUrl: emu.url, timeoutMs: 2000 });
});
after(() => emu?.close());

const cyclic = {};
cyclic.self = cyclic;
let deep = {};
for (let i = 0; i < 5000; i++) deep = { message: deep, to: [deep] };

const HOSTILE = [
  undefined, null, 0, -1, NaN, Infinity, 2 ** 53, 1n, true, "", "\u0000", "\ud800", "x".repeat(1 << 20),
  Symbol("s"), () => 1, [], [[[]]], {}, cyclic, deep, new Uint8Array(3), new ArrayBuffer(2), new Date(0),
  new Proxy({}, { get() { throw new Error("trap get"); }, ownKeys() { throw new Error("trap keys"); } }),
  Object.defineProperty({}, "to", { enumerable: true, get() { throw new Error("getter"); } }),
  { to: ["+46732001122"], message: { type: "text", text: "ok" } },
  ["+46732001122"],
  // The token itself, where it does not belong: no error may quote it back.
  TOKEN, [TOKEN], { token: [TOKEN], region: TOKEN, timeoutMs: TOKEN },
];

/** Calls fn; returns "ok", or the error if it is a SinchError (the entry's own); fails the test otherwise. */
async function settle(label, fn, SinchError = sdk.SinchError) {
  try {
    await fn();
    return "ok";
  } catch (err) {
    assert.ok(err instanceof SinchError, `${label} threw ${err?.constructor?.name}: ${err?.message}`);
    assert.ok(!JSON.stringify(err).includes(TOKEN), `${label}: token in error`);
    return err;
  }
}

const methods = () =>
  Object.getOwnPropertyNames(sdk.WhatsAppClient.prototype).filter(
    (name) => !["constructor", "free", "toJSON", "toString", "botId", "baseUrl"].includes(name) && !name.startsWith("__") && typeof wa[name] === "function",
  );
const functions = () => Object.entries(sdk).filter(([name, f]) => typeof f === "function" && /^[a-z]/.test(name) && !["initSync", "default"].includes(name));

test("every client method takes every hostile value in every position", async () => {
  const names = methods();
  assert.ok(names.length >= 20, `only ${names.length} methods found`);
  let calls = 0;
  for (const name of names) {
    for (const value of HOSTILE) {
      for (const args of [[value], ["stickerpack-1", value], ["+46732001122", value, value]]) {
        await settle(`${name}(${String(typeof value)})`, () => wa[name](...args));
        calls += 1;
      }
    }
  }
  emu.reset();
  const { messages } = await wa.sendText("+46732001122", "still alive");
  assert.equal(messages.length, 1);
  console.log(`${calls} hostile calls over ${names.length} methods`);
});

test("exported functions and the constructor take every hostile value", async () => {
  for (const [name, fn] of functions()) {
    for (const value of HOSTILE) {
      for (const args of [[value], [value, value], ['{"type":"whatsapp"}', value, value]]) await settle(`${name}`, () => fn(...args));
    }
  }
  for (const value of HOSTILE) {
    await settle("new WhatsAppClient", () => new sdk.WhatsAppClient(value));
    await settle("new WhatsAppClient({botId})", () => new sdk.WhatsAppClient({ botId: value, token: TOKEN, baseUrl: emu.url }));
  }
  assert.equal(sdk.parseCallback('{"type":"whatsapp"}').type, "whatsapp");
});

test("the ./callbacks and ./preflight entries (each its own no_std wasm) take every hostile value", async () => {
  const dir = consumer();
  for (const specifier of ["sinch-whatsapp/callbacks", "sinch-whatsapp/preflight"]) {
    const entry = await import(resolveEntry(dir, [], specifier));
    const fns = Object.entries(entry).filter(([name, f]) => typeof f === "function" && /^[a-z]/.test(name) && name !== "initSync");
    assert.ok(fns.length >= 2, `${specifier}: ${fns.length} functions`);
    for (const [name, fn] of fns) {
      for (const value of HOSTILE) {
        for (const args of [[value], [value, value], ['{"type":"whatsapp"}', value, value]]) {
          await settle(`${specifier} ${name}`, () => fn(...args), entry.SinchError);
        }
      }
    }
    // The instance still works afterwards.
    if (entry.parseCallback) assert.equal(entry.parseCallback('{"type":"whatsapp"}').type, "whatsapp");
    if (entry.validateMediaBytes) assert.equal(entry.validateMediaBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47])).size, 4);
  }
});

test("inputs are read from their own properties only: nothing comes in through a prototype", async () => {
  emu.reset();
  const inherit = (proto, own) => Object.assign(Object.create(proto), own);
  const message = inherit({ previewUrl: true }, { type: "text", text: "own only" });
  const request = inherit({ callback: "https://evil.example/hook" }, { to: ["+46732001122"], message });
  await wa.send(request);
  const sent = emu.requests.filter((r) => r.path.endsWith("/messages"));
  assert.deepEqual(sent.map((r) => r.body), [{ to: ["+46732001122"], message: { type: "text", text: "own only" } }]);
  const err = await wa.send(inherit({ to: ["+46732001122"], message: { type: "text", text: "x" } }, {})).catch((e) => e);
  assert.equal(err.field, "request.to");
  assert.throws(() => new sdk.WhatsAppClient(inherit({ botId: "b", token: TOKEN, baseUrl: emu.url }, {})), (e) => e.field === "options.botId");
});
