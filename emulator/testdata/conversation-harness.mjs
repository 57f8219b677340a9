// For the Conversation API tests: a webhook receiver that records every POST, and small
// clients for the token endpoint and the API.
import assert from "node:assert/strict";
import { createServer } from "node:http";

export const PROJECT = "project-1";
export const APP = "app-1";
export const BASIC = `Basic ${Buffer.from("key-1:secret-1").toString("base64")}`;

/** A local HTTP receiver: `posts` holds `{ path, headers, body }`; `answer(post)` picks the status (default 200). */
export async function startHook(answer = () => 200) {
  const posts = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => {
      const post = { path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      posts.push(post);
      res.writeHead(answer(post)).end();
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = (path = "/hook") => `http://127.0.0.1:${server.address().port}${path}`;
  return { posts, url, close: () => new Promise((ok) => server.close(ok)) };
}

/** `POST /oauth2/token` with `authorization` and a form body. */
export async function tokenRequest(emu, { authorization = BASIC, body = "grant_type=client_credentials", type = "application/x-www-form-urlencoded" } = {}) {
  const res = await fetch(`${emu.url}/oauth2/token`, { method: "POST", headers: { authorization, "content-type": type }, body });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A fresh access token. */
export async function bearer(emu) {
  const { body } = await tokenRequest(emu);
  return `Bearer ${body.access_token}`;
}

/** An API call under /v1/projects/{project}: `{ status, headers, body }`. */
export async function call(emu, method, rest, body, { auth = BASIC, project = PROJECT } = {}) {
  const res = await fetch(`${emu.url}/v1/projects/${project}${rest}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** A `messages:send` body to `identity` with `message` (a text by default) and extra envelope fields. */
export const sendBody = (identity = "46732001122", message = { text_message: { text: "hi" } }, extra = {}) => ({
  app_id: APP,
  recipient: { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity }] } },
  message,
  ...extra,
});

/** Waits until `cond()` holds (up to 2 s). */
export async function until(cond) {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((ok) => setTimeout(ok, 10));
  assert.ok(cond(), "timed out waiting");
}
