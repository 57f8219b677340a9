// A Cloudflare Worker in front of Sinch: the recommended shape for a web app.
//
//   browser ──(relay key / your session)──▶ Worker ──(Sinch credentials, Worker secrets)──▶ Sinch
//   Sinch ──(signed callbacks)──▶ Worker ──▶ Durable Object event log ◀── browser polls /events
//
// It speaks the standalone WhatsApp API (BOT_ID + SINCH_TOKEN) or, with
// SINCH_API=conversation, the Conversation API's WhatsApp channel (SINCH_PROJECT_ID,
// SINCH_APP_ID, SINCH_KEY_ID + SINCH_KEY_SECRET: the client gets and caches OAuth2 tokens;
// callbacks are the webhooks registered for the app, signed with the webhook's secret).
// The browser never holds the Sinch credentials. Routes:
//   POST /send       {to, message}  text or template, validated, sent with the Sinch credentials
//   POST /media      form: file, to, caption?, as?  preflighted again here, stored in R2, sent by URL
//                    (deleted again if the send fails; in Conversation mode the caption follows as a text)
//   GET  /events     ?since=N  delivery reports and inbound messages recorded from callbacks
//   POST /callbacks  Sinch's callbacks: signature checked, parsed, each entry recorded once, then 200
//   GET  /media/:key the stored file, for Sinch to fetch (public by an unguessable key)
//
// It fails closed: without its Sinch secrets (SINCH_TOKEN, or SINCH_KEY_ID and
// SINCH_KEY_SECRET), RELAY_KEY or CALLBACK_HMAC_KEY it answers every request 500 and logs
// the missing secret's name. ALLOW_UNSIGNED_CALLBACKS=true lets it take unsigned
// callbacks without CALLBACK_HMAC_KEY, and only when served on loopback.
import { DurableObject } from "cloudflare:workers";
import { SinchError, WhatsAppClient, parseCallback, validateMedia, verifyCallbackSignature } from "sinch-whatsapp";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const missing = missingSecrets(env, url);
    if (missing.length) {
      console.error(`sinch-whatsapp relay: refusing to serve: missing secret ${missing.join(", ")} (set it with \`wrangler secret put\`)`);
      return json({ error: { code: "misconfigured", message: "The relay is missing a required secret: see its log." } }, 500);
    }
    if (request.method === "OPTIONS") return withCors(env, request, new Response(null, { status: 204 }));
    try {
      if (request.method === "POST" && url.pathname === "/callbacks") return await receiveCallback(request, env);
      if (request.method === "GET" && url.pathname.startsWith("/media/")) return await serveMedia(url, env);
      const route = RELAY[`${request.method} ${url.pathname}`];
      if (!route) return json({ error: { code: "not_found", message: "No such route." } }, 404);
      if (!(await sameSecret(request.headers.get("x-relay-key"), env.RELAY_KEY))) {
        return json({ error: { code: "unauthorized", message: "Missing or wrong relay key." } }, 401);
      }
      return withCors(env, request, await route(request, env, url));
    } catch (err) {
      return withCors(env, request, failure(err));
    }
  },
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The secrets this Worker cannot run safely without, that `env` lacks. */
function missingSecrets(env, url) {
  const unsigned = env.ALLOW_UNSIGNED_CALLBACKS === "true" && LOOPBACK.has(url.hostname);
  const sinch = conversation(env) ? ["SINCH_KEY_ID", "SINCH_KEY_SECRET"] : ["SINCH_TOKEN"];
  const required = [...sinch, "RELAY_KEY", ...(unsigned ? [] : ["CALLBACK_HMAC_KEY"])];
  return required.filter((name) => typeof env[name] !== "string" || env[name] === "");
}

/** Compares a given secret with the expected one in constant time. */
async function sameSecret(given, expected) {
  if (typeof given !== "string") return false;
  const digest = (text) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return crypto.subtle.timingSafeEqual(await digest(given), await digest(expected));
}

const RELAY = {
  "POST /send": async (request, env) => {
    const body = await request.json().catch(() => undefined);
    if (typeof body !== "object" || body === null) {
      return json({ error: { code: "invalid_argument", field: "body", message: "body: must be a JSON object {to, message}" } }, 400);
    }
    const { to, message } = body;
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
    const to = [form.get("to")];
    const message = { type: report.messageType, url: mediaUrl };
    // The Conversation API's media messages have no caption: it follows as its own text.
    const caption = ["audio", "sticker"].includes(report.messageType) ? "" : form.get("caption");
    if (caption && !conversation(env)) message.caption = caption;
    if (report.messageType === "document") message.filename = file.name;
    let result;
    try {
      result = await client(env).send({ to, message });
    } catch (err) {
      await env.MEDIA.delete(key); // refused or failed: nothing will fetch it
      throw err;
    }
    if (caption && conversation(env)) result.caption = await client(env).send({ to, message: { type: "text", text: caption } });
    return json({ ...result, url: mediaUrl, messageType: report.messageType });
  },

  "GET /events": async (request, env, url) => {
    const since = Number(url.searchParams.get("since") ?? 0) || 0;
    const events = await eventLog(env).since(since);
    return json({ events, next: events.at(-1)?.seq ?? since });
  },
};

const conversation = (env) => env.SINCH_API === "conversation";

/** The client options `env` describes, for either API. */
function options(env) {
  const where = env.SINCH_BASE_URL ? { baseUrl: env.SINCH_BASE_URL } : { region: env.SINCH_REGION ?? "eu" };
  if (!conversation(env)) return { botId: env.BOT_ID, token: env.SINCH_TOKEN, ...where };
  return {
    api: "conversation",
    projectId: env.SINCH_PROJECT_ID,
    appId: env.SINCH_APP_ID,
    keyId: env.SINCH_KEY_ID,
    keySecret: env.SINCH_KEY_SECRET,
    ...where,
    ...(env.SINCH_AUTH_URL ? { authUrl: env.SINCH_AUTH_URL } : {}),
  };
}

let cached; // { key, client }: one client per isolate, so its OAuth2 token is reused across requests

/** The client for `env`, made once per isolate and settings. */
function client(env) {
  const settings = options(env);
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, client: new WhatsAppClient(settings) };
  return cached.client;
}

/**
 * Verifies, parses and records a callback, and answers 200 once it is recorded: a
 * failure answers 500, so Sinch delivers again, and recording again is harmless.
 */
async function receiveCallback(request, env) {
  const body = new Uint8Array(await request.arrayBuffer());
  if (env.CALLBACK_HMAC_KEY && !signed(body, request.headers, env)) {
    return json({ error: { code: "signature_invalid", message: "Bad or missing signature." } }, 401);
  }
  const event = parseCallback(body);
  const records = [];
  const keep = (list, name, key) => {
    for (const entry of list) {
      if (entry.kind === "invalid") console.warn(`sinch-whatsapp relay: skipped a malformed callback entry: ${entry.error.field}: ${entry.error.message}`);
      else records.push({ key: key(entry), event: { kind: name, ...entry } });
    }
  };
  keep(event.statuses, "status", (s) => `status:${s.messageId}:${s.state}`);
  keep(event.notifications, "message", (n) => `message:${n.messageId}`);
  await eventLog(env).record(records);
  return new Response(null, { status: 200 });
}

/**
 * Whether the callback is signed with CALLBACK_HMAC_KEY, in the form of the API in use
 * (`api`). In Conversation mode only the webhook form counts (x-sinch-webhook-signature*):
 * a timestamp more than 5 minutes off fails, so a captured callback cannot be replayed
 * later (within those minutes, a replay records nothing new: the log's keys are unique),
 * and the standalone form, which has no timestamp, is not taken there.
 */
function signed(body, headers, env) {
  try {
    const api = conversation(env) ? "conversation" : "whatsapp";
    return verifyCallbackSignature(body, headers, env.CALLBACK_HMAC_KEY, { api });
  } catch {
    return false; // a missing or malformed signature header, or a stale timestamp
  }
}

/** The event log of the bot, or of the Conversation app (one Durable Object each). */
const eventLog = (env) => env.EVENT_LOG.get(env.EVENT_LOG.idFromName(conversation(env) ? `app:${env.SINCH_APP_ID}` : env.BOT_ID));

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The event log, in a SQLite-backed Durable Object. Sinch delivers a callback at
 * least once, maybe twice at the same time; `key` (message id + state, or the
 * inbound message's id) is UNIQUE, so each is one row however many times and however
 * concurrently it arrives. Events are kept a week.
 */
export class EventLog extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, event TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS events_at ON events (at)`);
  }

  /** Records each event whose key is new (in one implicit transaction: one call, no await). */
  record(entries) {
    const now = Date.now();
    this.sql.exec("DELETE FROM events WHERE at < ?", now - WEEK_MS);
    for (const { key, event } of entries) {
      this.sql.exec("INSERT INTO events (key, event, at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING", key, JSON.stringify(event), now);
    }
  }

  /** Up to 500 events after `seq`, oldest first, each with its `seq`. */
  since(seq) {
    const rows = this.sql.exec("SELECT seq, event FROM events WHERE seq > ? ORDER BY seq LIMIT 500", seq).toArray();
    return rows.map((row) => ({ ...JSON.parse(row.event), seq: row.seq }));
  }
}

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
