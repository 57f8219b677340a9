// Issue 11's holes in URLs, path segments and option keys, through the built package
// in Node against the emulator: each was sent before, and is now refused with
// `invalid_argument` before anything leaves (the emulator records every request).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

const BOT = "bot-node";
const TO = "+46732001122";
let emu, sdk, wa, port;

before(async () => {
  emu = await emulator();
  sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, retries: 0 });
  port = new URL(emu.url).port;
});
beforeEach(() => emu.reset());
after(() => emu?.close());

const sent = () => emu.requests.map((r) => `${r.method} ${r.path}`);
const last = () => emu.requests.at(-1);

/** `promise` rejects with invalid_argument whose field starts with `field`, naming `key` (in the path or the message) if given, and nothing was sent. */
async function refused(promise, field, key) {
  const err = await promise.then(
    () => assert.fail(`resolved; sent ${sent()}`),
    (e) => e,
  );
  assert.ok(err instanceof sdk.SinchError, `${err}`);
  assert.equal(err.code, "invalid_argument", err.message);
  assert.ok(err.field?.startsWith(field), `field ${err.field}, expected ${field}`);
  if (key) assert.ok(err.field.endsWith(`.${key}`) || err.message.includes(`\`${key}\``), `${err.field}: ${err.message}`);
  assert.deepEqual(sent(), []);
  return err;
}

const throwsInvalid = (fn, field, label) =>
  assert.throws(fn, (e) => e instanceof sdk.SinchError && e.code === "invalid_argument" && e.field?.startsWith(field), label);

test("baseUrl: a host that only starts like loopback is refused over http; the URL parser's loopback forms reach the emulator", async () => {
  for (const host of ["127.evil.com", "127.0.0.1.nip.io", "127.0.0.1%2eevil.com", "localhost.evil.com", "[::1].evil.com", `127.0.0.1:${port}:1`, "127.0.0.1\\@evil.com"]) {
    throwsInvalid(() => new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: `http://${host}` }), "options.baseUrl", host);
  }
  assert.ok(new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: "http://127.evil.com", allowInsecureHttp: true }));
  for (const host of ["2130706433", "0x7f.1", "127.1", "0177.0.0.1", "LOCALHOST"]) {
    const client = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: `http://${host}:${port}` });
    await client.sendText(TO, "hi");
    assert.equal(last().path, `/whatsapp/v1/${BOT}/messages`, host);
  }
});

test("ids that are, or decode to, . or .. are refused before anything is sent", async () => {
  await refused(wa.deleteStickerpack(".."), "stickerpackId");
  await refused(wa.deleteSticker(".", 0), "stickerpackId");
  await refused(wa.getStickerpack("%2e%2E"), "stickerpackId");
  await refused(wa.updateSticker(".%2e", 0, { emojis: ["🐥"] }), "stickerpackId");
  await refused(wa.listStickers("%252e"), "stickerpackId");
  await refused(wa.callbackStatus(".."), "messageId");
  await refused(wa.callbackStatus("../../provision/optin"), "messageId");
  await refused(wa.markRead("."), "messageId");
  for (const botId of ["..", ".", "%2E", " .. "]) {
    throwsInvalid(() => new sdk.WhatsAppClient({ botId, token: TOKEN, baseUrl: emu.url }), "options.botId", botId);
  }
  // Dots that are not a whole segment stay one segment.
  await wa.getStickerpack("...").catch(() => {});
  await wa.callbackStatus("a..b").catch(() => {});
  assert.deepEqual(sent(), [`GET /whatsapp/v1/${BOT}/stickerpacks/...`, `GET /whatsapp/v1/${BOT}/callbacks/status/a..b`]);
});

test("unknown keys in option and filter objects are refused, naming the key and not the value", async () => {
  const err = await refused(wa.callbackNotifications({ frm: TO }), "filter", "frm");
  assert.ok(!err.message.includes(TO), err.message);
  await refused(wa.sendText(TO, "hi", { timeout: 5 }), "options", "timeout");
  await refused(wa.listProviders({ signal: undefined, retries: 1 }), "options", "retries");
  await refused(wa.send({ to: [TO], message: { type: "text", text: "hi" }, callbak: "https://cb.example" }), "request", "callbak");
  await refused(wa.sendImage(TO, "https://cdn.example.com/a.jpg", { captoin: "c" }), "request", "captoin");
  await refused(wa.addProvider({ name: "p", bearer: "secret-b", kind: "www" }), "provider", "kind");
  await refused(wa.addProvider({ name: "p", basic: { username: "u", password: "secret-p", realm: "r" } }), "provider", "realm");
  await refused(wa.createStickerpack({ name: "n", publisher: "p", iosLink: "https://apps.example" }), "fields", "iosLink");
  await refused(wa.updateStickerpack("pack", { nmae: "n" }), "fields", "nmae");
  await refused(wa.createSticker("pack", { url: "https://cdn.example.com/s.webp", emoji: ["🐥"] }), "fields", "emoji");
  await refused(wa.updateSticker("pack", 0, { uri: "https://cdn.example.com/s.webp" }), "fields", "uri");
  // A helper's own type is not overridden by its fields.
  await refused(wa.sendImage(TO, "https://cdn.example.com/a.jpg", { type: "document" }), "message.type");
  throwsInvalid(() => new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, retry: 3 }), "options", "retry");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  throwsInvalid(() => sdk.validateMediaBytes(png, { as: "image", filename: "a.png" }), "options");
  const mediaErr = await sdk.validateMedia(new Blob([png]), { fileNmae: "a.png" }).catch((e) => e);
  assert.equal(mediaErr.code, "invalid_argument");
  assert.equal(mediaErr.field, "options.fileNmae", mediaErr.message);
  // Every known key still works.
  await wa.callbackNotifications({ from: TO, startTime: "2026-11-01", endTime: "2026-11-30", page: 1, pageSize: 5 }, { signal: new AbortController().signal, timeoutMs: 5000, onRetry: () => true });
  assert.deepEqual(last().query, { from: TO, start_time: "2026-11-01", end_time: "2026-11-30", page: "1", page_size: "5" });
  assert.equal(sdk.validateMediaBytes(png, { as: "image", declaredType: "image/png", fileName: "a.png" }).mimeType, "image/png");
});

test("sendSticker: a reference with : or / is a URL, and only https or loopback http", async () => {
  await refused(wa.sendSticker(TO, "ftp://cdn.example.com/s.webp"), "message.url");
  await refused(wa.sendSticker(TO, "http://cdn.example.com/s.webp"), "message.url");
  await refused(wa.sendSticker(TO, "http://127.0.0.1.nip.io/s.webp"), "message.url");
  await refused(wa.sendSticker(TO, "cdn.example.com/s.webp"), "message.url");
  await refused(wa.send({ to: [TO], message: { type: "sticker", id: "ftp://cdn.example.com/s.webp" } }), "message.id");
  const loopback = `http://127.0.0.1:${port}/s.webp`;
  for (const [ref, wire] of [
    ["https://cdn.example.com/s.webp", { url: "https://cdn.example.com/s.webp" }],
    [loopback, { url: loopback }],
    ["4316843a-874b-4530-86a2-1ab55c53cd3f", { id: "4316843a-874b-4530-86a2-1ab55c53cd3f" }],
  ]) {
    await wa.sendSticker(TO, ref);
    assert.deepEqual(last().body.message, { type: "sticker", ...wire });
  }
});
