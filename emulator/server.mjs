// A local Sinch WhatsApp API emulator for tests and demos: Node built-ins only.
// The package's entry: `const emu = await startEmulator({ bots: { "my-bot": "my-token" } })`
// (the command line is bin.mjs). The control API under /_emulator/ (and the same methods on
// the returned object) lets a test read what went over the wire, inject faults and inbound
// messages; see README.md.
import { createServer } from "node:http";
import { Api } from "./api.mjs";
import { Callbacks } from "./callbacks.mjs";
import { ConversationApi, MODES, WINDOWS, errorAnswer } from "./conversation/api.mjs";
import { Invalid } from "./conversation/check.mjs";
import { hugeBody, redirect } from "./network-faults.mjs";

export { sign } from "./callbacks.mjs";
export { signConversation } from "./conversation/webhooks.mjs";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-expose-headers": "retry-after, location, www-authenticate",
  "access-control-max-age": "600",
};

const FAULT_BODIES = {
  429: { message: "Too many requests", details: "Slow down." },
  500: { message: "Internal Server Error", details: "Something went wrong." },
  503: { message: "Service unavailable", details: "Try again later." },
};
const RATE_LIMITED = { message: "Request could not be processed", details: "Request rate limit of 20 requests per second exceeded." };
/** gRPC-style names of the Conversation API's error statuses, for injected faults' bodies. */
const STATUS_NAMES = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE" };

/**
 * Starts the emulator on `host` (default 127.0.0.1) and `port` (default 0: any free port);
 * resolves to the running emulator once it listens (`url`, `port`, `close()`, …).
 * Faults: `{ path (substring), method?, kind, ms?, status?, retryAfter?, body?, location?, bytes?,
 * contentLength?, gzip?, times = 1 }` where kind is `latency` (wait `ms`, then answer normally), `status`
 * (answer `status` without processing), `redirect` (answer `status`, default 307, with `Location:
 * location`, without processing), `drop`, `truncate`, `non_json`, `empty` (process the request,
 * then lose or mangle the answer: the case where the client cannot know whether a message went
 * out), `huge_body` (the answer padded with spaces to `bytes`, streamed; with `status`, that
 * status and an error body, without processing; see network-faults.mjs).
 * `conversation` configures the Conversation API's project, app and key (conversation/api.mjs).
 */
export async function startEmulator({ port = 0, host = "127.0.0.1", bots = { "bot-1": "test-token" }, callbackUrl, callbackSecret, rateLimit = 20, reportDelayMs, conversation = {} } = {}) {
  const api = new Api(bots);
  const callbacks = new Callbacks({ callbackUrl, callbackSecret, reportDelayMs });
  const conv = new ConversationApi(conversation, callbacks);
  const requests = [];
  const faults = [];
  const recent = new Map();

  // Per key, the arrival times (Date.now(), in order) of its requests; those before
  // `head` are over a second old. Dropped from the front as they age, so a request
  // costs O(1) however many came in the last second (a busy run: thousands).
  const overLimit = (key, now) => {
    let arrivals = recent.get(key);
    if (!arrivals) recent.set(key, (arrivals = { times: [], head: 0 }));
    while (arrivals.head < arrivals.times.length && now - arrivals.times[arrivals.head] >= 1000) arrivals.head++;
    if (arrivals.head > 1024 && arrivals.head * 2 > arrivals.times.length) {
      arrivals.times = arrivals.times.slice(arrivals.head);
      arrivals.head = 0;
    }
    arrivals.times.push(now);
    return arrivals.times.length - arrivals.head > rateLimit;
  };

  const takeFault = (method, path) => {
    const fault = faults.find((f) => path.includes(f.path) && (!f.method || f.method === method) && f.times > 0);
    if (fault) fault.times -= 1;
    return fault;
  };

  const emu = {
    url: "",
    port: 0,
    requests,
    callbacks,
    conversation: conv,
    /** Every POST to a callback URL, with its status. */
    deliveries: callbacks.deliveries,
    reset() {
      requests.length = 0;
      faults.length = 0;
      recent.clear();
      api.reset();
      conv.reset();
      callbacks.reset();
    },
    addFault(fault) {
      faults.push({ times: 1, ...fault });
    },
    configure({ callbackUrl, callbackSecret, window, processingMode }) {
      if (window !== undefined && !WINDOWS.includes(window)) throw new Invalid(`window: must be ${WINDOWS.join(" or ")}`);
      if (processingMode !== undefined && !MODES.includes(processingMode)) throw new Invalid(`processingMode: must be ${MODES.join(" or ")}`);
      if (callbackUrl !== undefined) callbacks.callbackUrl = callbackUrl;
      if (callbackSecret !== undefined) callbacks.callbackSecret = callbackSecret;
      if (window !== undefined) conv.app.window = window;
      if (processingMode !== undefined) conv.app.processingMode = processingMode;
    },
    /** Every Conversation API token issued so far expires now. */
    expireTokens: () => conv.auth.expireAll(),
    /** An inbound Conversation API message `{ from, contactMessage, at? }`, posted to the MESSAGE_INBOUND webhooks. */
    conversationInbound: (options) => conv.inbound(options),
    /** An inbound message from a user to `bot`, stored and posted to the callback URL. */
    inbound(bot, notification, contacts, url) {
      const full = { from: "46732001122", to: bot, message_id: messageIdFor(), timestamp: new Date().toISOString(), ...notification };
      return callbacks.inbound(bot, full, contacts, url);
    },
    redeliver: (index) => callbacks.redeliver(index),
    close: () => {
      callbacks.reset();
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
  const messageIdFor = () => `inbound-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  async function control(req, res, path, body) {
    const json = (status, value) => send(res, status, value);
    try {
      return await controlRoute(req, path, body, json);
    } catch (err) {
      if (err instanceof Invalid) return json(400, { message: "Invalid", details: err.message });
      throw err;
    }
  }

  async function controlRoute(req, path, body, json) {
    if (req.method === "GET" && path === "/_emulator/requests") return json(200, requests);
    if (req.method === "GET" && path === "/_emulator/callbacks") return json(200, callbacks.deliveries);
    if (req.method === "POST" && path === "/_emulator/reset") return json(200, emu.reset());
    if (req.method === "POST" && path === "/_emulator/faults") return json(200, [].concat(body).forEach((f) => emu.addFault(f)));
    if (req.method === "POST" && path === "/_emulator/config") return json(200, emu.configure(body ?? {}));
    if (req.method === "POST" && path === "/_emulator/inbound") return json(200, await emu.inbound(body.bot, body.notification, body.contacts, body.url));
    if (req.method === "POST" && path === "/_emulator/redeliver") return json(200, await emu.redeliver(body.index));
    if (req.method === "POST" && path === "/_emulator/expire-tokens") return json(200, emu.expireTokens());
    if (req.method === "POST" && path === "/_emulator/conversation/inbound") return json(200, await emu.conversationInbound(body));
    return json(404, { message: "Not found", details: path });
  }

  async function handle(req, res) {
    const url = new URL(req.url, "http://emulator");
    const text = await readBody(req);
    if (req.method === "OPTIONS") return res.writeHead(204, CORS).end();
    let body;
    let bodyError = false;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      [body, bodyError] = [text, true];
    }
    if (url.pathname.startsWith("/_emulator/")) return control(req, res, url.pathname, body);

    const at = Date.now();
    const record = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, at };
    requests.push(record);
    const botId = /^\/whatsapp\/v1\/([^/]+)/.exec(url.pathname)?.[1];
    if (botId && overLimit(botId, at)) {
      record.fault = "rate_limit";
      return send(res, 500, RATE_LIMITED);
    }
    const isConv = ConversationApi.owns(url.pathname);
    const project = isConv ? ConversationApi.project(url.pathname) : undefined;
    if (project !== undefined && overLimit(`project:${project}`, at)) {
      record.fault = "rate_limit";
      return send(res, ...errorAnswer(429, "RESOURCE_EXHAUSTED", `Request rate limit of ${rateLimit} requests per second per project exceeded.`));
    }

    const fault = takeFault(req.method, url.pathname);
    record.fault = fault?.kind;
    if (fault?.kind === "latency") await new Promise((ok) => setTimeout(ok, fault.ms ?? 1000));
    const faultBody = () => {
      if (fault.body !== undefined) return fault.body;
      if (isConv) return errorAnswer(fault.status, STATUS_NAMES[fault.status] ?? "UNKNOWN", "Injected fault.")[1];
      return FAULT_BODIES[fault.status] ?? { message: "Error", details: "Injected fault." };
    };
    if (fault?.kind === "status") {
      const headers = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
      return send(res, fault.status, faultBody(), headers);
    }
    if (fault?.kind === "redirect") return redirect(res, fault, CORS);
    if (fault?.kind === "huge_body" && fault.status) return hugeBody(res, fault.status, faultBody(), fault, CORS);

    const [status, answer, headers] = isConv ? conv.handle({ ...record, text, bodyError }) : api.handle({ ...record, bodyError, emu });
    if (status === 201 && answer?.statuses) record.created = answer.statuses.map((s) => s.message_id);
    if (status === 200 && isConv && answer?.message_id) record.created = [answer.message_id];
    if (res.destroyed) return;
    switch (fault?.kind) {
      case "drop":
        return req.socket.destroy();
      case "truncate": {
        const full = Buffer.from(JSON.stringify(answer ?? {}));
        res.writeHead(status, { ...CORS, "content-type": "application/json", "content-length": full.length });
        return res.write(full.subarray(0, full.length >> 1), () => req.socket.destroy());
      }
      case "non_json":
        return res.writeHead(status, { ...CORS, "content-type": "text/html" }).end("<html><body>Bad gateway</body></html>");
      case "empty":
        return res.writeHead(status, CORS).end();
      case "huge_body":
        return hugeBody(res, status, answer, fault, CORS);
      default:
        return send(res, status, answer, headers);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { message: "Internal Server Error", details: `emulator: ${err.message}` });
    });
  });
  // Node's default of 5 s lets a client reuse a connection just as the server drops it
  // (an ECONNRESET on a loaded machine); API servers keep idle connections far longer.
  server.keepAliveTimeout = 65_000;
  await new Promise((ok, fail) => server.once("error", fail).listen(port, host, ok));
  emu.port = server.address().port;
  emu.url = `http://${host.includes(":") ? `[${host}]` : host}:${emu.port}`;
  return emu;
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => ok(Buffer.concat(chunks).toString("utf8"))).on("error", fail);
  });
}

/** A JSON answer with CORS headers; `undefined` gives an empty body, as Sinch's 200s do. */
function send(res, status, value, headers = {}) {
  const all = { ...CORS, ...headers };
  if (value === undefined) return res.writeHead(status, all).end();
  return res.writeHead(status, { ...all, "content-type": "application/json" }).end(JSON.stringify(value));
}
