// The Conversation API client's requests against tests/conformance/conversation-api.yaml, an
// OpenAPI document we wrote from the brief (shared/conversation-api/README.md), not from the
// client. First the document itself: the brief's own samples pass, broken bodies fail at the
// path the brief's rule names. Then the real thing: the packed client, under
// `api: "conversation"`, sends every message type to the emulator, and every request the
// emulator recorded (the token request included) is checked: the path and method exist in the
// document, the auth and content-type headers are the ones it declares, the body validates.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { startEmulator } from "../../emulator/server.mjs";
import { consumer, resolveEntry, root } from "./support.mjs";

const spec = parse(await readFile(join(root, "tests/conformance/conversation-api.yaml"), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: "conv", components: spec.components });

/** The compiled schema `components/schemas/<name>` (or a full `#/…` ref). */
function schema(ref) {
  const validate = ajv.getSchema(ref.startsWith("#") ? `conv${ref}` : `conv#/components/schemas/${ref}`);
  assert.ok(validate, `no schema ${ref}`);
  return validate;
}

function valid(ref, value) {
  const validate = schema(ref);
  assert.ok(validate(value), `${ref}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value)}`);
}

/** `value` fails `ref`, and one of the errors is `keyword` at `instancePath`. */
function invalid(ref, value, instancePath, keyword) {
  const validate = schema(ref);
  assert.equal(validate(value), false, `${ref} accepted ${JSON.stringify(value)}`);
  const found = validate.errors.some((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(found, `no ${keyword} error at "${instancePath}": ${ajv.errorsText(validate.errors)}`);
}

// ---- the document -------------------------------------------------------------------------

/** The brief's §2.3 minimal text send, as printed there. */
const BRIEF_TEXT_SEND = {
  app_id: "APP",
  recipient: { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } },
  message: { text_message: { text: "hi" } },
  message_metadata: "ref-1",
};
/** The brief's §2.4 template example, as printed there. */
const BRIEF_TEMPLATE = {
  template_message: {
    channel_template: {
      WHATSAPP: {
        template_id: "order_update",
        language_code: "en_US",
        parameters: {
          "header[1]document.link": "https://x/inv.pdf",
          "header[1]document.filename": "inv.pdf",
          "body[1]text": "Ada",
          "body[2]text": "#1234",
          "button[0]url[1]text": "1234",
          "button[1]quick_reply[1]payload": "STOP",
        },
      },
    },
  },
};
const WA = "/message/template_message/channel_template/WHATSAPP";
const send = (patch) => ({ ...BRIEF_TEXT_SEND, ...patch });
const template = (patch) => send({ message: { template_message: { channel_template: { WHATSAPP: { ...BRIEF_TEMPLATE.template_message.channel_template.WHATSAPP, ...patch } } } } });

describe("the document written from the brief", () => {
  test("the brief's own samples validate", () => {
    valid("SendMessageRequest", BRIEF_TEXT_SEND);
    valid("AppMessage", BRIEF_TEMPLATE);
    valid("SendMessageRequest", send({ message: BRIEF_TEMPLATE }));
    valid("SendMessageResponse", { message_id: "01HVX0000000000000000000AB", accepted_time: "2026-11-30T18:00:00.123Z" });
    valid("Error", { error: { code: 404, message: "not found", status: "NOT_FOUND", details: [] } });
    valid("Error", { code: 401, message: "unauthenticated", status: "UNAUTHENTICATED" });
    valid("TokenRequest", { grant_type: "client_credentials" });
    valid("TokenResponse", { access_token: "eyJ.x.y", token_type: "bearer", expires_in: 3600, scope: "" });
  });

  test("the message holds exactly one content key", () => {
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a" }, media_message: { url: "https://x/a.jpg" } } }), "/message", "oneOf");
    invalid("SendMessageRequest", send({ message: { message_properties: {} } }), "/message", "additionalProperties");
    invalid("SendMessageRequest", send({ message: {} }), "/message", "oneOf");
  });

  test("the envelope's required fields, closed shape and limits", () => {
    const { app_id, ...noApp } = BRIEF_TEXT_SEND;
    invalid("SendMessageRequest", noApp, "", "required");
    invalid("SendMessageRequest", send({ preview_url: true }), "", "additionalProperties");
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a", preview_url: true } } }), "/message/text_message", "additionalProperties");
    invalid("SendMessageRequest", send({ message: { text_message: { text: "a".repeat(4097) } } }), "/message/text_message/text", "maxLength");
    valid("SendMessageRequest", send({ message: { text_message: { text: "a".repeat(4096) } } }));
    invalid("SendMessageRequest", send({ correlation_id: "c".repeat(129) }), "/correlation_id", "maxLength");
    valid("SendMessageRequest", send({ correlation_id: "c".repeat(128) }));
    const both = { identified_by: BRIEF_TEXT_SEND.recipient.identified_by, contact_id: "c1" };
    invalid("SendMessageRequest", send({ recipient: both }), "/recipient", "oneOf");
    const plus = { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "+46732001122" }] } };
    invalid("SendMessageRequest", send({ recipient: plus }), "/recipient/identified_by/channel_identities/0/identity", "pattern");
  });

  test("ttl is whole seconds with an s, 3 to 315576000000", () => {
    invalid("SendMessageRequest", send({ ttl: "60" }), "/ttl", "pattern");
    invalid("SendMessageRequest", send({ ttl: 60 }), "/ttl", "type");
    for (const ttl of ["3s", "60s", "86400s", "299999999999s", "315575999999s", "315576000000s"]) valid("SendMessageRequest", send({ ttl }));
    for (const ttl of ["2s", "0s", "03s", "1.5s", "315576000001s", "315577000000s", "1000000000000s"]) invalid("SendMessageRequest", send({ ttl }), "/ttl", "pattern");
  });

  test("template parameter keys follow §2.4's grammar; language_code is in underscore form", () => {
    for (const key of ["body[+1]text", "body[0]text", "body[1]Text", "button[1]text", "header[1]audio.link", "button[0]call[1]text", "button[0]quick_reply[1]"]) {
      invalid("SendMessageRequest", template({ parameters: { [key]: "x" } }), `${WA}/parameters`, "propertyNames");
    }
    valid("SendMessageRequest", template({ parameters: { "header[1]image.provider.name": "p", "button[10]quick_reply[1]payload": "", "body[12]text": "x" } }));
    invalid("SendMessageRequest", template({ language_code: "en-US" }), `${WA}/language_code`, "pattern");
    invalid("SendMessageRequest", template({ parameters: { "body[1]text": 1 } }), `${WA}/parameters/body[1]text`, "type");
    const { language_code, ...noLanguage } = BRIEF_TEMPLATE.template_message.channel_template.WHATSAPP;
    invalid("SendMessageRequest", send({ message: { template_message: { channel_template: { WHATSAPP: noLanguage } } } }), WA, "required");
  });

  test("content shapes and their limits", () => {
    const choice = (i) => ({ text_message: { text: `c${i}` }, postback_data: `p${i}` });
    const choices = (n) => Array.from({ length: n }, (_, i) => choice(i));
    valid("AppMessage", { choice_message: { text_message: { text: "pick" }, choices: choices(10) } });
    invalid("AppMessage", { choice_message: { text_message: { text: "pick" }, choices: choices(11) } }, "/choice_message/choices", "maxItems");
    invalid("AppMessage", { media_message: { url: "https://x/a.jpg", caption: "c" } }, "/media_message", "additionalProperties");
    invalid("AppMessage", { location_message: { coordinates: { latitude: 1, longitude: 2 } } }, "/location_message", "required");
    invalid("AppMessage", { contact_info_message: { name: { full_name: "A" }, phone_numbers: [], addresses: [{ street: "1 Way" }] } }, "/contact_info_message/addresses/0", "additionalProperties");
    valid("NativeReplyButtons", choices(3));
    invalid("NativeReplyButtons", choices(4), "", "maxItems");
    invalid("NativeReplyButtons", [{ text_message: { text: "t".repeat(21) } }], "/0/text_message/text", "maxLength");
    invalid("NativeReplyButtons", [{ text_message: { text: "t" }, postback_data: "p".repeat(230) }], "/0/postback_data", "maxLength");
  });

  test("channel_specific_message: FLOWS typed as §2.3 says", () => {
    const flows = (message) => ({ text_message: { text: "x" }, channel_specific_message: { WHATSAPP: { message_type: "FLOWS", message } } });
    const flow = { flow_id: "1", flow_cta: "Book", flow_mode: "published", flow_action: "navigate", flow_action_payload: { screen: "S1", data: { a: 1 } }, header: { type: "image", image: { link: "https://x/h.png" } }, body: { text: "b" }, footer: { text: "f" } };
    valid("AppMessage", flows(flow));
    invalid("AppMessage", flows({ ...flow, flow_cta: "c".repeat(21) }), "/channel_specific_message/WHATSAPP/message/flow_cta", "maxLength");
    invalid("AppMessage", flows({ ...flow, flow_mode: "PUBLISHED" }), "/channel_specific_message/WHATSAPP/message/flow_mode", "enum");
    invalid("AppMessage", flows({ ...flow, footer: { text: "f".repeat(61) } }), "/channel_specific_message/WHATSAPP/message/footer/text", "maxLength");
    invalid("AppMessage", flows({ ...flow, flowCta: "x" }), "/channel_specific_message/WHATSAPP/message", "additionalProperties");
    valid("AppMessage", { text_message: { text: "x" }, channel_specific_message: { WHATSAPP: { message_type: "ORDER_STATUS", message: { any: 1 } } } });
  });
});

// ---- the request check ----------------------------------------------------------------------

const OPERATIONS = Object.entries(spec.paths).flatMap(([template, item]) =>
  ["get", "post", "put", "patch", "delete"]
    .filter((m) => item[m])
    .map((m) => ({
      method: m.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)")}$`),
      names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
      op: item[m],
      parameters: [...(item.parameters ?? []), ...(item[m].parameters ?? [])].map((p) => (p.$ref ? spec.components.parameters[p.$ref.split("/").pop()] : p)),
    })),
);

/** The document's operation for `method path`, with its path parameters, or undefined. */
function operationFor(method, path) {
  for (const o of OPERATIONS) {
    const match = o.method === method && o.pattern.exec(path);
    if (match) return { ...o, params: Object.fromEntries(o.names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
  }
}

/** A recorded form body as an object; a key given twice fails. */
function formBody(body) {
  assert.equal(typeof body, "string", "a form body, not JSON");
  const form = new URLSearchParams(body);
  const keys = [...form.keys()];
  assert.equal(new Set(keys).size, keys.length, `a key twice in ${body}`);
  return Object.fromEntries(form);
}

/**
 * Checks one recorded request against the document and returns its operation: path and method,
 * path and query parameters, the Authorization header against the operation's security
 * (`auth`: "Bearer" or "Basic" expected on API calls; `basic`: the expected Basic credentials),
 * the content type and the body.
 */
function checkRequest(request, { auth, basic, projectId }) {
  const found = operationFor(request.method, request.path);
  assert.ok(found, `${request.method} ${request.path} is not in the document`);
  const where = `${found.op.operationId} (${request.method} ${request.path})`;
  for (const p of found.parameters.filter((p) => p.in === "path")) {
    assert.ok(ajv.validate(p.schema, found.params[p.name]), `${where}: path parameter ${p.name}`);
  }
  if (found.params.project_id !== undefined) assert.equal(found.params.project_id, projectId, `${where}: the project`);
  const declared = found.parameters.filter((p) => p.in === "query");
  for (const [name, value] of Object.entries(request.query ?? {})) {
    const param = declared.find((p) => p.name === name);
    assert.ok(param, `${where}: query parameter ${name} is not declared`);
    assert.ok(ajv.validate(param.schema, value), `${where}: query ${name}=${value}`);
  }

  const schemes = (found.op.security ?? spec.security).map((s) => spec.components.securitySchemes[Object.keys(s)[0]]);
  const header = request.headers.authorization ?? "";
  const scheme = header.split(" ")[0];
  const wanted = found.op.operationId === "token" ? "Basic" : auth;
  assert.equal(scheme, wanted, `${where}: Authorization ${scheme || "(none)"}`);
  assert.ok(schemes.some((s) => (s.type === "http" ? s.scheme === "basic" && scheme === "Basic" : s.type === "oauth2" && scheme === "Bearer")), `${where}: ${scheme} is not a declared security scheme`);
  if (scheme === "Basic") assert.equal(Buffer.from(header.slice(6), "base64").toString(), basic, `${where}: Basic keyId:keySecret`);
  else assert.match(header, /^Bearer [^\s,]+$/, `${where}: a bearer token`);

  const content = found.op.requestBody?.content;
  if (!content) {
    assert.ok(request.body === undefined || request.body === "", `${where}: no body`);
    return found;
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  assert.ok(content[type], `${where}: content type ${type || "(none)"}, not one of ${Object.keys(content)}`);
  const body = type === "application/x-www-form-urlencoded" ? formBody(request.body) : request.body;
  valid(content[type].schema.$ref, body);
  return found;
}

test("the request check can fail: unknown paths, wrong headers and bodies are caught", () => {
  const who = { auth: "Bearer", basic: "k:s", projectId: "p" };
  const ok = { method: "POST", path: "/v1/projects/p/messages:send", query: {}, headers: { authorization: "Bearer t", "content-type": "application/json" }, body: BRIEF_TEXT_SEND };
  assert.equal(checkRequest(ok, who).op.operationId, "sendMessage");
  const token = { method: "POST", path: "/oauth2/token", query: {}, headers: { authorization: `Basic ${Buffer.from("k:s").toString("base64")}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" };
  assert.equal(checkRequest(token, who).op.operationId, "token");
  const broken = [
    [{ ...ok, path: "/v1/projects/p/messages" }, /is not in the document/],
    [{ ...ok, method: "PUT" }, /is not in the document/],
    [{ ...ok, path: "/v1/projects/other/messages:send" }, /the project/],
    [{ ...ok, query: { debug: "1" } }, /query parameter debug is not declared/],
    [{ ...ok, headers: { "content-type": "application/json" } }, /Authorization \(none\)/],
    [{ ...ok, headers: { ...ok.headers, authorization: "Basic azpz" } }, /Authorization Basic/],
    [{ ...ok, headers: { ...ok.headers, "content-type": "text/plain" } }, /content type text\/plain/],
    [{ ...ok, body: { ...BRIEF_TEXT_SEND, app: "x" } }, /SendMessageRequest: data must NOT have additional properties/],
    [{ ...token, body: "grant_type=client_credentials&scope=x" }, /TokenRequest: data must NOT have additional properties/],
    [{ ...token, body: "grant_type=client_credentials&grant_type=client_credentials" }, /a key twice/],
    [{ ...token, headers: { ...token.headers, authorization: `Basic ${Buffer.from("k:x").toString("base64")}` } }, /Basic keyId:keySecret/],
    [{ ...token, body: { grant_type: "client_credentials" } }, /a form body, not JSON/],
    [{ method: "GET", path: "/v1/projects/p/messages/m1", query: { messages_source: "ALL" }, headers: ok.headers }, /query messages_source=ALL/],
  ];
  for (const [request, message] of broken) assert.throws(() => checkRequest(request, who), { name: "AssertionError", message }, JSON.stringify(request));
});
