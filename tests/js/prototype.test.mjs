// Keys named __proto__, constructor and prototype in data from outside (a callback
// body, a server's answer) must come back as ordinary own data properties, as
// JSON.parse makes them, never as a prototype: no spoofed field read through a
// prototype, no object without toString, and Object.prototype left alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { TOKEN, consumer, emulator, resolveEntry } from "./support.mjs";

const BOT = "bot-node";
const TO = "+46732001122";
let emu, sdk, wa;

before(async () => {
  emu = await emulator();
  sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url, retries: 0 });
});
after(() => emu?.close());

const CALLBACK = {
  type: "whatsapp",
  statuses: [{ message_id: "m1", recipient: "46732001122", status: "success", state: "delivered", timestamp: "2024-05-01T10:00:00Z" }],
  contacts: [{ wa_id: "46732001122", profile: { name: "Ada" } }],
  notifications: [
    {
      from: "46732001122", message_id: "n1", timestamp: "2024-05-01T10:00:00Z",
      message: { type: "text", body: "hi" },
      context: { message_id: "m0", from: "46732001123" },
      referral: { headline: "h", source_type: "ad", referral_media: { type: "image", url: "https://x.example/a.jpg" } },
    },
    { from: "46732001122", message_id: "n2", message: { type: "contacts", contacts: [{ name: { formatted_name: "Ada" }, phones: [{ phone: "+46732001122", wa_id: "46732001122" }] }] } },
    { from: "46732001122", message_id: "n3", message: { type: "sticker", url: "https://x.example/s.webp", mime_type: "image/webp", metadata: { emojis: ["x"] } } },
    { from: "46732001122", message_id: "n4", message: { type: "order", items: [{ id: 1, extra: { deep: [{ x: 1 }] } }] } },
  ],
};

/** The three hostile keys; `proto` is the JSON of the `__proto__` value. */
const poison = (proto) => [
  `"__proto__":${proto}`,
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
];
const SPOOF = '{"details":"SPOOFED","to":"+19999999999","polluted":true}';

/** JSON text of `value` with the hostile keys added to every object at every depth. */
function poisoned(value, proto) {
  if (Array.isArray(value)) return `[${value.map((v) => poisoned(v, proto)).join(",")}]`;
  if (value && typeof value === "object") {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${poisoned(v, proto)}`);
    return `{${[...poison(proto), ...fields].join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Every object in `value` has the ordinary prototype, keeps toString, inherits nothing planted. */
function assertPlain(value, path = "result") {
  if (value === null || typeof value !== "object") return 0;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  assert.equal(Object.getPrototypeOf(value), expected, `${path} has another prototype`);
  assert.equal(typeof value.toString, "function", `${path} has no toString`);
  for (const planted of ["polluted", "details", "to"]) {
    if (!Object.hasOwn(value, planted)) assert.equal(value[planted], undefined, `${path}.${planted} is inherited`);
  }
  let count = 1;
  for (const key of Object.keys(value)) count += assertPlain(value[key], `${path}.${key}`);
  return count;
}

function assertEvent(event) {
  assert.ok(assertPlain(event) > 10);
  assert.equal(event.statuses[0].details, undefined, "a status without details reads none");
  assert.equal(event.statuses[0].state, "delivered");
  assert.equal(event.notifications[0].to, undefined, "notification.to cannot be injected");
  assert.equal(({}).polluted, undefined, "Object.prototype untouched");
}

for (const [label, proto] of [["an object", SPOOF], ["null", "null"]]) {
  test(`parseCallback: __proto__ (${label}), constructor and prototype keys at every depth stay plain data`, () => {
    const body = poisoned(CALLBACK, proto);
    assertEvent(sdk.parseCallback(body));
    assertEvent(sdk.parseCallback(new TextEncoder().encode(body)));
  });

  test(`callbackStatus and callbackNotifications: __proto__ (${label}) at every depth of the store's answer stays plain data`, async () => {
    const answer = JSON.parse(poisoned({ results: [CALLBACK] }, proto));
    for (const [path, call] of [
      ["/callbacks/status/", () => wa.callbackStatus("m1")],
      ["/callbacks/notifications", () => wa.callbackNotifications({ from: "46732001122" })],
    ]) {
      emu.reset();
      emu.addFault({ path, kind: "status", status: 200, body: answer });
      const { results } = await call();
      assert.equal(emu.requests.at(-1).fault, "status", "the poisoned answer was served");
      assertPlain(results);
      assertEvent(results[0]);
    }
  });

  test(`every other answer with __proto__ (${label}) keys at every depth gives plain objects`, async () => {
    const cases = [
      ["/messages", 201, { type: "whatsapp", statuses: [{ message_id: "m1", recipient: TO, status: "success", state: "queued" }] }, () => wa.sendText(TO, "x")],
      ["/capability", 200, { capabilities: [{ msisdn: "46732001122", capable: true }] }, () => wa.capability([TO])],
      ["/provision/blacklist", 200, { numbers: ["46732001122"] }, () => wa.blacklist()],
      ["/stickers/0", 200, { id: "s-1", emojis: ["x"] }, () => wa.getSticker("pack-1", 0)],
    ];
    for (const [path, status, wire, call] of cases) {
      emu.reset();
      emu.addFault({ path, kind: "status", status, body: JSON.parse(poisoned(wire, proto)) });
      assert.ok(assertPlain(await call()) >= 2, path);
    }
  });
}
