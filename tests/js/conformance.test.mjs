// Every request the client emits for an endpoint that Sinch's OpenAPI file
// (../shared/sinch-docs/whatsapp-api.yaml, copied in tests/conformance/) describes is
// checked against that file's request schema: the path and method exist, and the
// body validates (ajv). The file's `discriminator` on the message type has no
// `oneOf`, so the mapped schema is picked by hand; siblings of `$ref` are dropped, as
// OpenAPI 3.0 reads them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { TOKEN, consumer, emulator, resolveEntry, root } from "./support.mjs";

const BOT = "bot-node";
let emu, wa, spec, ajv;

before(async () => {
  spec = parse(await readFile(join(root, "tests/conformance/whatsapp-api.yaml"), "utf8"));
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "sinch", components: refsAlone(spec.components) });
  emu = await emulator();
  const sdk = await import(resolveEntry(consumer()));
  wa = new sdk.WhatsAppClient({ botId: BOT, token: TOKEN, baseUrl: emu.url });
});
after(() => emu?.close());

/** OpenAPI 3.0 ignores the siblings of a `$ref` (the file puts `type: object` next to string refs); ajv would not. */
function refsAlone(node) {
  if (Array.isArray(node)) return node.map(refsAlone);
  if (node === null || typeof node !== "object") return node;
  if (node.$ref) return { $ref: node.$ref };
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, refsAlone(v)]));
}

/** The request-body schema of `method path` in the spec, or undefined when it has none. */
function requestSchema(method, path) {
  const templated = path.replace(`/whatsapp/v1/${BOT}`, "/whatsapp/v1/{bot-id}");
  const ref = spec.paths[templated]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"]?.schema?.$ref;
  return ref && `sinch${ref}`;
}

function check(ref, value) {
  const validate = ajv.getSchema(ref);
  assert.ok(validate, `no schema ${ref}`);
  assert.ok(validate(value), `${ref}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value)}`);
}

const IMG = "https://media.example.com/a.jpg";
const SENDS = [
  (c) => c.sendText("+46732001122", "hi"),
  (c) => c.send({ to: ["46732001122", "+46732002244"], message: { type: "text", text: "hi", previewUrl: true } }),
  (c) => c.sendImage("+46732001122", IMG, { caption: "c" }),
  (c) => c.sendDocument("+46732001122", "https://media.example.com/d.pdf", { caption: "c", filename: "d.pdf" }),
  (c) => c.sendAudio("+46732001122", "https://media.example.com/a.mp3"),
  (c) => c.sendVideo("+46732001122", "https://media.example.com/v.mp4"),
  (c) => c.sendLocation("+46732001122", { lat: 55.7047, lng: 13.191, name: "Ideon", address: "Scheelevägen 17" }),
  (c) =>
    c.sendContacts("+46732001122", [
      {
        name: { formattedName: "John Smith", firstName: "John", lastName: "Smith" },
        addresses: [{ city: "Menlo Park", country: "United States", countryCode: "us", state: "CA", street: "1 Hacker Way", type: "HOME", zip: "94025" }],
        birthday: "2012-08-18",
        emails: [{ email: "test@fb.com", type: "WORK" }],
        org: { company: "WhatsApp", department: "Design", title: "Manager" },
        phones: [{ phone: "+1 (650) 555-1234", type: "WORK", waId: "16505551234" }],
        urls: [{ url: "https://www.facebook.com", type: "WORK" }],
      },
    ]),
  (c) => c.sendTemplate("+46732001122", { templateName: "t", language: "en", bodyParams: ["a"], media: { type: "image", url: IMG } }),
  (c) => c.optIn(["46732001122", "46732002244"]),
];

test("every request for an endpoint the OpenAPI file covers matches its schema", async () => {
  for (const call of SENDS) await call(wa);
  const covered = emu.requests.filter((r) => requestSchema(r.method, r.path));
  assert.equal(covered.length, SENDS.length, "each call hit a covered endpoint");
  for (const request of covered) {
    const ref = requestSchema(request.method, request.path);
    check(ref, request.body);
    if (ref.endsWith("/WhatsAppMessage")) {
      const mapped = spec.components.schemas.MessageContent.discriminator.mapping[request.body.message.type];
      assert.ok(mapped, `the spec maps message type ${request.body.message.type}`);
      check(`sinch${mapped}`, request.body.message);
    }
    assert.match(request.headers["content-type"], /^application\/json/);
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`, "the spec's BearerAuth");
  }
});

test("the schema check can fail: a body the spec refuses is caught", () => {
  assert.equal(ajv.getSchema("sinch#/components/schemas/LocationMessage")({ type: "location", lat: 91, lng: 0 }), false);
  assert.equal(ajv.getSchema("sinch#/components/schemas/WhatsAppMessage")({ to: [], message: { type: "text" } }), false);
});
