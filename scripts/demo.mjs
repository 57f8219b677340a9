// The main job. Starts, on 127.0.0.1: the Sinch emulator, the Worker example (the
// relay holding the Sinch credentials) in workerd, and the demo page (www/) whose /api/*
// goes to the relay. Sends one text through the package to show the path works, prints
// the message id and the page URL, and serves until Ctrl-C (`--once`: exit after the text).
//
// SINCH_API=conversation speaks the Conversation API's WhatsApp channel instead of the
// standalone WhatsApp API: the emulator's Conversation API (OAuth2 tokens, `messages:send`,
// a webhook registered for the relay, signed delivery reports), the relay in Conversation mode.
//
// Real Sinch instead of the emulator: SINCH_BOT_ID, SINCH_TOKEN and SINCH_REGION (us|eu);
// or SINCH_API=conversation with SINCH_PROJECT_ID, SINCH_APP_ID, SINCH_KEY_ID,
// SINCH_KEY_SECRET and SINCH_REGION (us|eu|br). Media then needs PUBLIC_URL (a public
// origin for the relay: Sinch fetches media by URL; DEMO_RELAY_PORT fixes the relay's port
// for a tunnel to it), and delivery reports reach the page only through a callback URL
// (standalone) or webhook (Conversation) you set up at Sinch for PUBLIC_URL/callbacks,
// signed with CALLBACK_HMAC_KEY.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmulator } from "../emulator/server.mjs";
import { startWorker } from "../tests/support/worker.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".ts": "text/plain" };

/** The emulator's Conversation project, app and access key the demo uses. */
const DEMO_APP = { projectId: "demo-project", appId: "demo-app", keyId: "demo-key", keySecret: "demo-key-secret" };

/**
 * Where the relay's Sinch is, as Worker bindings (`relay`), and the options of a client
 * of the same Sinch (`client`): the emulator, or real Sinch as `env` describes it.
 */
function sinchSettings(env, emulator) {
  const where = emulator ? { SINCH_BASE_URL: emulator.url } : { SINCH_REGION: env.SINCH_REGION ?? "eu" };
  const placement = emulator ? { baseUrl: emulator.url } : { region: where.SINCH_REGION };
  const media = env.PUBLIC_URL ? { PUBLIC_URL: env.PUBLIC_URL } : {};
  if (env.SINCH_API !== "conversation") {
    const [botId, token] = emulator ? ["demo-bot", "demo-token"] : [env.SINCH_BOT_ID, env.SINCH_TOKEN];
    return { relay: { BOT_ID: botId, SINCH_TOKEN: token, ...where, ...media }, client: { botId, token, ...placement } };
  }
  const app = emulator ? DEMO_APP : { projectId: env.SINCH_PROJECT_ID, appId: env.SINCH_APP_ID, keyId: env.SINCH_KEY_ID, keySecret: env.SINCH_KEY_SECRET };
  const authUrl = emulator ? `${emulator.url}/oauth2/token` : env.SINCH_AUTH_URL;
  return {
    relay: {
      SINCH_API: "conversation",
      SINCH_PROJECT_ID: app.projectId,
      SINCH_APP_ID: app.appId,
      SINCH_KEY_ID: app.keyId,
      SINCH_KEY_SECRET: app.keySecret,
      ...where,
      ...(authUrl ? { SINCH_AUTH_URL: authUrl } : {}),
      ...media,
    },
    client: { api: "conversation", ...app, ...placement, ...(authUrl ? { authUrl } : {}) },
  };
}

/**
 * Registers the relay as a webhook of the emulator's demo app, through the Conversation
 * API's own webhook endpoint, signed with `secret`: delivery reports and inbound messages.
 */
async function registerWebhook(emulator, target, secret) {
  const basic = Buffer.from(`${DEMO_APP.keyId}:${DEMO_APP.keySecret}`).toString("base64");
  const res = await fetch(`${emulator.url}/v1/projects/${DEMO_APP.projectId}/webhooks`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
    body: JSON.stringify({ app_id: DEMO_APP.appId, target, target_type: "HTTP", triggers: ["MESSAGE_DELIVERY", "MESSAGE_INBOUND"], secret }),
  });
  if (!res.ok) throw new Error(`the emulator refused the demo's webhook: HTTP ${res.status} ${await res.text()}`);
}

/**
 * Starts emulator, relay and page; `close()` stops them all. `client` are the options of a
 * client of the same Sinch, `to` the number to send to (DEMO_TO).
 */
export async function startDemo({ port = 0, env = process.env } = {}) {
  const conversation = env.SINCH_API === "conversation";
  const to = env.DEMO_TO ?? "+46732001122";
  const real = Boolean(conversation ? env.SINCH_KEY_SECRET : env.SINCH_TOKEN);
  const relayKey = randomBytes(16).toString("hex");
  const hmacKey = (real && env.CALLBACK_HMAC_KEY) || randomBytes(16).toString("hex");
  const emulator = real
    ? undefined
    : await startEmulator({ bots: { "demo-bot": "demo-token" }, callbackSecret: hmacKey, conversation: { ...DEMO_APP, callbackSecret: hmacKey } });
  const sinch = sinchSettings(env, emulator);
  const worker = await startWorker({
    script: join(root, "examples/worker/src/index.js"),
    // The relay fails closed: it needs its Sinch secrets, RELAY_KEY and CALLBACK_HMAC_KEY.
    bindings: { ...sinch.relay, RELAY_KEY: relayKey, CALLBACK_HMAC_KEY: hmacKey },
    r2Buckets: ["MEDIA"],
    durableObjects: { EVENT_LOG: { className: "EventLog", useSQLite: true } },
    port: Number(env.DEMO_RELAY_PORT ?? 0),
  });
  if (emulator && conversation) {
    await registerWebhook(emulator, `${worker.url}/callbacks`, hmacKey);
    // The Conversation API fails a free-form message to someone who has not written in the
    // last 24 hours (a template still goes): the demo's number writes first.
    await emulator.conversationInbound({ from: to.replace(/^\+/, ""), contactMessage: { text_message: { text: "Hi! (this opens the 24-hour window)" } } });
  } else emulator?.configure({ callbackUrl: `${worker.url}/callbacks` });

  const page = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://demo");
      if (url.pathname.startsWith("/api/")) return await relay(req, res, `${worker.url}${url.pathname.slice(4)}${url.search}`, relayKey);
      const base = url.pathname.startsWith("/pkg/") ? root : join(root, "www");
      const path = normalize(join(base, decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname)));
      if (!path.startsWith(base)) return res.writeHead(403).end();
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(await readFile(path));
    } catch {
      if (!res.headersSent) res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => page.listen(port, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${page.address().port}`,
    api: conversation ? "conversation" : "whatsapp",
    client: sinch.client,
    to,
    emulator,
    worker,
    close: async () => {
      page.closeAllConnections();
      await new Promise((ok) => page.close(ok));
      await worker.mf.dispose();
      await emulator?.close();
    },
  };
}

/** Forwards a page request to the relay, adding the relay key the page never sees. */
async function relay(req, res, target, relayKey) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = { "x-relay-key": relayKey };
  if (req.headers["content-type"]) headers["content-type"] = req.headers["content-type"];
  const body = ["GET", "HEAD"].includes(req.method) ? undefined : Buffer.concat(chunks);
  const answer = await fetch(target, { method: req.method, headers, body });
  res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
  res.end(Buffer.from(await answer.arrayBuffer()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { SinchError, WhatsAppClient } = await import("../pkg/node.js");
  const demo = await startDemo({ port: Number(process.env.DEMO_PORT ?? 0) });
  const client = new WhatsAppClient(demo.client);
  console.log(`client: ${client}  (JSON: ${JSON.stringify(client)})`);
  try {
    const result = await client.sendText(demo.to, process.env.DEMO_TEXT ?? "Hello from sinch-whatsapp (Rust → WebAssembly)");
    for (const m of result.messages) console.log(`sent to ${m.recipient}: message id ${m.id} (${m.status}, ${m.state})`);
  } catch (err) {
    if (!(err instanceof SinchError)) throw err;
    console.error(`failed: ${err.code}${err.status ? ` (HTTP ${err.status})` : ""}: ${err.message}`);
    process.exitCode = 1;
  }
  if (process.argv.includes("--once")) {
    await demo.close();
  } else {
    console.log(`\ndemo page: ${demo.url}  (${demo.api === "conversation" ? "Conversation API, " : ""}${demo.emulator ? `Sinch emulator at ${demo.emulator.url}` : "real Sinch"}, relay Worker at ${demo.worker.url})`);
    console.log("Ctrl-C to stop.");
    const stop = () => demo.close().then(() => process.exit());
    process.on("SIGINT", stop).on("SIGTERM", stop);
  }
}
