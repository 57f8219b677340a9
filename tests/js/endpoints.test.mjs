// Every client method against the emulator, through the built package in Node:
// the request on the wire (method, path, query, body) and the typed answer.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

const BOT = "bot-node";
let emu, wa, sdk;

before(async () => {
  emu = await emulator();
  sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url });
});
beforeEach(() => emu.reset());
after(() => emu?.close());

/** The last API request the emulator saw. */
const last = () => emu.requests.at(-1);
const path = (rest) => `/whatsapp/v1/${BOT}${rest}`;

test("markRead posts a read event", async () => {
  const { messages } = await wa.sendText("+46732001122", "hi");
  assert.equal(await wa.markRead(messages[0].id), undefined);
  assert.deepEqual([last().method, last().path, last().body], ["POST", path("/events"), { type: "read", message_id: messages[0].id }]);
  assert.equal((await wa.markRead("").catch((e) => e)).field, "messageId");
});

test("capability asks by POST and returns typed capabilities", async () => {
  const answer = await wa.capability(["46732001122", "+46732002244"]);
  assert.deepEqual([last().method, last().path, last().body], ["POST", path("/capability"), { numbers: ["46732001122", "+46732002244"] }]);
  assert.equal(answer.capabilities.length, 2);
  for (const c of answer.capabilities) assert.equal(typeof c.capable, "boolean");
  assert.equal((await wa.capability([]).catch((e) => e)).field, "numbers");
});

test("optIn and optOut", async () => {
  await wa.optIn(["46732001122"]);
  assert.deepEqual([last().method, last().path, last().body], ["POST", path("/provision/optin"), { numbers: ["46732001122"] }]);
  await wa.optOut(["46732001122"]);
  assert.deepEqual([last().method, last().path], ["DELETE", path("/provision/optin")]);
  assert.equal((await wa.optIn(["nope"]).catch((e) => e)).field, "numbers[0]");
});

test("blacklist add, list by page, remove", async () => {
  await wa.addToBlacklist(["46732001122", "46732002244"]);
  assert.deepEqual([last().method, last().path], ["POST", path("/provision/blacklist")]);
  const page = await wa.blacklist(0);
  assert.deepEqual([last().method, last().path, last().query], ["GET", path("/provision/blacklist"), { page: "0" }]);
  assert.equal(page.numbers.length, 2);
  await wa.removeFromBlacklist(["46732001122"]);
  assert.deepEqual([last().method, last().body], ["DELETE", { numbers: ["46732001122"] }]);
  assert.equal((await wa.blacklist()).numbers.length, 1);
  assert.equal((await wa.blacklist(-1).catch((e) => e)).field, "page");
});

test("media providers: add basic and bearer, list without secrets, delete", async () => {
  await wa.addProvider({ name: "basic-one", basic: { username: "user", password: "pw-secret-1" } });
  assert.deepEqual(last().body, { name: "basic-one", type: "www", config: { basic: { username: "user", password: "pw-secret-1" } } });
  await wa.addProvider({ name: "bearer_two", bearer: "bearer-secret-2" });
  assert.deepEqual(last().body, { name: "bearer_two", type: "www", config: { bearer: "bearer-secret-2" } });
  const list = await wa.listProviders();
  assert.ok(!JSON.stringify(list).includes("secret"), JSON.stringify(list));
  const names = list.providers.map((p) => [p.name, p.auth]).sort();
  assert.deepEqual(names, [["basic-one", "basic"], ["bearer_two", "bearer"]]);
  await wa.deleteProvider("basic-one");
  assert.deepEqual([last().method, last().path], ["DELETE", path("/provision/provider/basic-one")]);
  const err = await wa.addProvider({ name: "bad name", bearer: "bearer-secret-3" }).catch((e) => e);
  assert.equal(err.field, "name");
  assert.ok(!JSON.stringify(err).includes("bearer-secret-3"));
});

test("stickerpacks and stickers: every route", async () => {
  const { id } = await wa.createStickerpack({ publisher: "Pub", name: "Pack", iosAppStoreLink: "https://apps.apple.com/app/x" });
  assert.deepEqual([last().method, last().path, last().body], ["POST", path("/stickerpacks"), { publisher: "Pub", name: "Pack", ios_app_store_link: "https://apps.apple.com/app/x" }]);
  assert.ok(id);
  const packs = await wa.listStickerpacks("third_party");
  assert.deepEqual(last().query, { namespace: "third_party" });
  assert.ok(packs.stickerpacks.some((p) => p.id === id));
  await wa.updateStickerpack(id, { name: "Renamed" });
  assert.deepEqual([last().method, last().body], ["PATCH", { name: "Renamed" }]);
  const info = await wa.getStickerpack(id, "third_party");
  assert.deepEqual([info.name, info.publisher, info.iosAppStoreLink], ["Renamed", "Pub", "https://apps.apple.com/app/x"]);

  const { index } = await wa.createSticker(id, { url: "https://example.com/s.webp", emojis: ["🐥"] });
  assert.deepEqual([last().path, last().body], [path(`/stickerpacks/${id}/stickers`), { url: "https://example.com/s.webp", emojis: ["🐥"] }]);
  assert.deepEqual((await wa.listStickers(id, "third_party")).stickers, [{ index }]);
  const sticker = await wa.getSticker(id, Number(index), "third_party");
  assert.deepEqual(sticker.emojis, ["🐥"]);
  await wa.updateSticker(id, index, { emojis: ["😃"] });
  assert.deepEqual([last().method, last().path], ["PATCH", path(`/stickerpacks/${id}/stickers/${index}`)]);
  await wa.deleteSticker(id, index);
  assert.equal(last().method, "DELETE");
  await wa.deleteStickerpack(id);
  assert.deepEqual([last().method, last().path], ["DELETE", path(`/stickerpacks/${id}`)]);
  assert.equal((await wa.createSticker(id, { emojis: [] }).catch((e) => e)).field, "url");
});

test("ids in paths are percent-encoded", async () => {
  await wa.getStickerpack("a/b c", undefined).catch(() => {});
  assert.equal(last().path, path("/stickerpacks/a%2Fb%20c"));
});
