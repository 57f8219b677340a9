// The main job. Starts, on 127.0.0.1: the Sinch emulator, the Worker example (the
// relay holding the token) in workerd, and the demo page (www/) whose /api/* goes to
// the relay. Sends one text through the package to show the path works, prints the
// message id and the page URL, and serves until Ctrl-C (`--once`: exit after the text).
//
// With SINCH_BOT_ID, SINCH_TOKEN and SINCH_REGION (us|eu) set, the relay talks to the
// real Sinch API instead of the emulator (media then needs PUBLIC_URL: a public origin
// for the relay, since Sinch fetches media by URL).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmulator } from "../emulator/server.mjs";
import { startWorker } from "../tests/support/worker.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".ts": "text/plain" };

/** Starts emulator, relay and page; `close()` stops them all. */
export async function startDemo({ port = 0, env = process.env } = {}) {
  const real = Boolean(env.SINCH_TOKEN);
  const relayKey = randomBytes(16).toString("hex");
  const hmacKey = randomBytes(16).toString("hex");
  const emulator = real ? undefined : await startEmulator({ bots: { "demo-bot": "demo-token" }, callbackSecret: hmacKey });
  const sinch = real
    ? { BOT_ID: env.SINCH_BOT_ID, SINCH_TOKEN: env.SINCH_TOKEN, SINCH_REGION: env.SINCH_REGION ?? "eu", ...(env.PUBLIC_URL ? { PUBLIC_URL: env.PUBLIC_URL } : {}) }
    : { BOT_ID: "demo-bot", SINCH_TOKEN: "demo-token", SINCH_BASE_URL: emulator.url };
  const worker = await startWorker({
    script: join(root, "examples/worker/src/index.js"),
    // The relay fails closed: it needs SINCH_TOKEN, RELAY_KEY and CALLBACK_HMAC_KEY.
    bindings: { ...sinch, RELAY_KEY: relayKey, CALLBACK_HMAC_KEY: hmacKey },
    r2Buckets: ["MEDIA"],
    durableObjects: { EVENT_LOG: { className: "EventLog", useSQLite: true } },
  });
  emulator?.configure({ callbackUrl: `${worker.url}/callbacks` });

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
  const to = process.env.DEMO_TO ?? "+46732001122";
  const client = demo.emulator
    ? new WhatsAppClient({ botId: "demo-bot", token: "demo-token", baseUrl: demo.emulator.url })
    : new WhatsAppClient({ botId: process.env.SINCH_BOT_ID, token: process.env.SINCH_TOKEN, region: process.env.SINCH_REGION ?? "eu" });
  console.log(`client: ${client}  (JSON: ${JSON.stringify(client)})`);
  try {
    const result = await client.sendText(to, process.env.DEMO_TEXT ?? "Hello from sinch-whatsapp (Rust → WebAssembly)");
    for (const m of result.messages) console.log(`sent to ${m.recipient}: message id ${m.id} (${m.status}, ${m.state})`);
  } catch (err) {
    if (!(err instanceof SinchError)) throw err;
    console.error(`failed: ${err.code}${err.status ? ` (HTTP ${err.status})` : ""}: ${err.message}`);
    process.exitCode = 1;
  }
  if (process.argv.includes("--once")) {
    await demo.close();
  } else {
    console.log(`\ndemo page: ${demo.url}  (${demo.emulator ? `Sinch emulator at ${demo.emulator.url}` : "real Sinch"}, relay Worker at ${demo.worker.url})`);
    console.log("Ctrl-C to stop.");
    const stop = () => demo.close().then(() => process.exit());
    process.on("SIGINT", stop).on("SIGTERM", stop);
  }
}
