// A Cloudflare Worker in front of Sinch: the recommended shape for a web app.
//
//   browser ──(relay key / your session)──▶ Worker ──(Bearer token, a Worker secret)──▶ Sinch
//   Sinch ──(signed callbacks)──▶ Worker ──▶ KV (idempotent event log) ◀── browser polls /events
//
// The browser never holds the Sinch token. Routes:
//   POST /send       {to, message}  text or template, validated, sent with the token
//   POST /media      form: file, to, caption?, as?  preflighted again here, stored in R2, sent by URL
//   GET  /events     ?since=N  delivery reports and inbound messages recorded from callbacks
//   POST /callbacks  Sinch's callbacks: signature checked, parsed, recorded once, 200 at once
//   GET  /media/:key the stored file, for Sinch to fetch (public by an unguessable key)
import { SinchError, WhatsAppClient, parseCallback, validateMedia, verifyCallbackSignature } from "sinch-whatsapp";

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (request.method === "OPTIONS") return withCors(env, request, new Response(null, { status: 204 }));
    try {
      if (request.method === "POST" && url.pathname === "/callbacks") return await receiveCallback(request, env, ctx);
      if (request.method === "GET" && url.pathname.startsWith("/media/")) return await serveMedia(url, env);
      const route = RELAY[`${request.method} ${url.pathname}`];
      if (!route) return json({ error: { code: "not_found", message: "No such route." } }, 404);
      if (env.RELAY_KEY && request.headers.get("x-relay-key") !== env.RELAY_KEY) {
        return json({ error: { code: "unauthorized", message: "Missing or wrong relay key." } }, 401);
      }
      return withCors(env, request, await route(request, env, url));
    } catch (err) {
      return withCors(env, request, failure(err));
    }
  },
};

const RELAY = {
  "POST /send": async (request, env) => {
    const { to, message } = await request.json();
    if (!["text", "template"].includes(message?.type)) {
      return json({ error: { code: "invalid_argument", field: "message.type", message: "message.type: must be text or template (media goes through /media)" } }, 400);
    }
    return json(await client(env).send({ to: [to], message }));
  },

  "POST /media": async (request, env, url) => {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) return json({ error: { code: "invalid_argument", field: "file", message: "file: must be a file" } }, 400);
    // Never trust the browser's check: the same preflight runs again here.
    const report = await validateMedia(file, { as: form.get("as") || undefined });
    if (!report.ok) {
      const problems = report.issues.filter((i) => i.severity === "error");
      return json({ error: { code: "media_rejected", message: problems.map((i) => i.message).join(" "), issues: report.issues } }, 422);
    }
    const key = `${crypto.randomUUID()}${extension(file.name)}`;
    await env.MEDIA.put(key, await file.arrayBuffer(), { httpMetadata: { contentType: report.mimeType } });
    const mediaUrl = `${env.PUBLIC_URL ?? url.origin}/media/${key}`;
    const message = { type: report.messageType, url: mediaUrl };
    const caption = form.get("caption");
    if (caption && !["audio", "sticker"].includes(report.messageType)) message.caption = caption;
    if (report.messageType === "document") message.filename = file.name;
    const result = await client(env).send({ to: [form.get("to")], message });
    return json({ ...result, url: mediaUrl, messageType: report.messageType });
  },

  "GET /events": async (request, env, url) => {
    const since = Number(url.searchParams.get("since") ?? 0);
    const { keys } = await env.EVENTS.list({ prefix: "log:" });
    const fresh = keys.map((k) => k.name).filter((name) => sequence(name) > since);
    const events = await Promise.all(fresh.map((name) => env.EVENTS.get(name, "json")));
    return json({ events, next: Math.max(since, ...fresh.map(sequence)) });
  },
};

const client = (env) =>
  new WhatsAppClient({
    botId: env.BOT_ID,
    token: env.SINCH_TOKEN,
    ...(env.SINCH_BASE_URL ? { baseUrl: env.SINCH_BASE_URL } : { region: env.SINCH_REGION ?? "eu" }),
  });

/** Verifies, parses and records a callback; answers at once, so Sinch does not retry. */
async function receiveCallback(request, env, ctx) {
  const body = new Uint8Array(await request.arrayBuffer());
  if (env.CALLBACK_HMAC_KEY) {
    let valid = false;
    try {
      valid = verifyCallbackSignature(body, request.headers, env.CALLBACK_HMAC_KEY);
    } catch {
      // A missing or malformed signature header: treated as unsigned.
    }
    if (!valid) return json({ error: { code: "signature_invalid", message: "Bad or missing signature." } }, 401);
  }
  const event = parseCallback(body);
  const entries = [
    ...event.statuses.map((s) => [`status:${s.messageId}:${s.state}`, { kind: "status", ...s }]),
    ...event.notifications.map((n) => [`message:${n.messageId}`, { kind: "message", ...n }]),
  ];
  ctx.waitUntil(Promise.all(entries.map(([id, entry]) => recordOnce(env, id, entry))));
  return new Response(null, { status: 200 });
}

/** Sinch retries callbacks: the same report may arrive twice. Each is recorded once. */
async function recordOnce(env, id, entry) {
  if (await env.EVENTS.get(`seen:${id}`)) return;
  await env.EVENTS.put(`seen:${id}`, "1", { expirationTtl: 7 * 24 * 3600 });
  const seq = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  await env.EVENTS.put(`log:${String(seq).padStart(19, "0")}`, JSON.stringify({ ...entry, seq }), { expirationTtl: 24 * 3600 });
}

const sequence = (name) => Number(name.slice("log:".length));

async function serveMedia(url, env) {
  const object = await env.MEDIA.get(decodeURIComponent(url.pathname.slice("/media/".length)));
  if (!object) return new Response("not found", { status: 404 });
  return new Response(object.body, { headers: { "content-type": object.httpMetadata?.contentType ?? "application/octet-stream" } });
}

const extension = (name) => (/\.[A-Za-z0-9]{1,8}$/.exec(name ?? "")?.[0] ?? "").toLowerCase();

/** A SinchError becomes a JSON error with its code; the token is never in one. */
function failure(err) {
  if (!(err instanceof SinchError)) {
    return json({ error: { code: "relay_error", message: "The relay failed." } }, 500);
  }
  const status = { invalid_argument: 400, invalid_callback: 400, rate_limited: 429, unauthorized: 502 }[err.code] ?? 502;
  return json({ error: { code: err.code, message: err.message, field: err.field } }, status);
}

const json = (value, status = 200) => Response.json(value, { status });

function withCors(env, request, response) {
  const origin = request.headers.get("origin");
  if (!origin || origin !== env.ALLOWED_ORIGIN) return response;
  const headers = new Headers(response.headers);
  headers.set("access-control-allow-origin", origin);
  headers.set("access-control-allow-headers", "content-type, x-relay-key");
  headers.set("vary", "origin");
  return new Response(response.body, { status: response.status, headers });
}
