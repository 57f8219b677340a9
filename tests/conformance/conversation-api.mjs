// tests/conformance/conversation-api.yaml loaded into ajv (Ajv2020: the document is OpenAPI 3.1,
// its schemas JSON Schema 2020-12), and the check of one recorded request against it, for
// tests/js/conversation-conformance.test.mjs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("./conversation-api.yaml", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: "conv", components: spec.components });

/** The compiled schema `components/schemas/<name>` (or a full `#/…` ref). */
function schema(ref) {
  const validate = ajv.getSchema(ref.startsWith("#") ? `conv${ref}` : `conv#/components/schemas/${ref}`);
  assert.ok(validate, `no schema ${ref}`);
  return validate;
}

/** `value` passes `ref`; the assertion names the errors when not. */
export function valid(ref, value) {
  const validate = schema(ref);
  assert.ok(validate(value), `${ref}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value)}`);
}

/** `value` fails `ref`, and one of the errors is `keyword` at `instancePath`. */
export function invalid(ref, value, instancePath, keyword) {
  const validate = schema(ref);
  assert.equal(validate(value), false, `${ref} accepted ${JSON.stringify(value)}`);
  const found = validate.errors.some((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(found, `no ${keyword} error at "${instancePath}": ${ajv.errorsText(validate.errors)}`);
}

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
export function operationFor(method, path) {
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
export function checkRequest(request, { auth, basic, projectId }) {
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
