// The Conversation API's routes (`/oauth2/token`, `/v1/projects/{pid}/…`) for one project and
// one app (in DISPATCH mode unless told otherwise): authorisation, validation, state (sent and received messages, the
// 24-hour windows, webhooks) and the answers, as the brief describes. Callbacks are reports.mjs's.
import { messageId } from "../api.mjs";
import { Auth } from "./auth.mjs";
import { Invalid, fail } from "./check.mjs";
import { Reports } from "./reports.mjs";
import * as check from "./requests.mjs";
import { Webhooks } from "./webhooks.mjs";

/** The defaults of `startEmulator({ conversation })` (contract §3). */
export const DEFAULTS = { projectId: "project-1", appId: "app-1", keyId: "key-1", keySecret: "secret-1", tokenTtlSeconds: 3600, window: "enforce", processingMode: "DISPATCH", templates: {} };
export const WINDOWS = ["enforce", "open"];
/** The app's processing modes (Sinch's default for new apps since 2025-04-16 is DISPATCH). */
export const MODES = ["DISPATCH", "CONVERSATION"];

/** An answer other than 200: Sinch's wrapped error body (brief §5.1). */
class ApiError extends Error {
  constructor(code, status, message, headers = {}) {
    super(message);
    Object.assign(this, { code, status, headers });
  }
}
const notFound = (what) => new ApiError(404, "NOT_FOUND", `The ${what} was not found (it may live in another region).`);

/** `[status, body, headers]` of an error. */
export const errorAnswer = (code, status, message, headers = {}) => [code, { error: { code, message, status, details: [] } }, headers];

const PATH = /^\/v1\/projects\/([^/]+)(\/.*)?$/;

/**
 * `[method, pattern, handler(ctx)]`, patterns on the path after /v1/projects/{pid}; handlers
 * answer `[status, body]` and get `{ conv, body, query, params }`.
 */
const ROUTES = [
  ["POST", /^\/messages:send$/, ({ conv, body }) => conv.send(body)],
  ["GET", /^\/messages$/, ({ conv, query }) => [200, conv.reports.list(query)]],
  ["GET", /^\/messages\/([^/:]+)$/, ({ conv, query, params: [id] }) => [200, found(conv.reports.find(id, query), "message")]],
  ["POST", /^\/events:send$/, ({ conv, body }) => {
    check.event(body);
    conv.knownApp(body.app_id);
    return [200, { event_id: messageId(), accepted_time: new Date().toISOString() }];
  }],
  ["POST", /^\/capability:query$/, ({ conv, body }) => {
    const { identity } = check.capability(body);
    conv.knownApp(body.app_id);
    const requestId = body.request_id ?? messageId();
    conv.reports.capability(identity, requestId);
    return [200, { app_id: body.app_id, recipient: body.recipient, request_id: requestId }];
  }],
  ["POST", /^\/webhooks$/, ({ conv, body }) => {
    if (typeof body?.app_id === "string") conv.knownApp(body.app_id);
    return [200, conv.webhooks.register(body)];
  }],
  ["GET", /^\/apps\/([^/]+)\/webhooks$/, ({ conv, params: [app] }) => {
    conv.knownApp(app);
    return [200, { webhooks: conv.webhooks.list(app) }];
  }],
  ["GET", /^\/webhooks\/([^/]+)$/, ({ conv, params: [id] }) => [200, found(conv.webhooks.all.get(id), "webhook")]],
  ["DELETE", /^\/webhooks\/([^/]+)$/, ({ conv, params: [id] }) => {
    if (!conv.webhooks.all.delete(id)) throw notFound("webhook");
    return [200, {}];
  }],
];

/** `decodeURIComponent(text)`, or undefined when its percent-encoding is broken (then a 404, not a 500). */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** `value`, or a 404 naming `what` when it is undefined. */
function found(value, what) {
  if (value === undefined) throw notFound(what);
  return value;
}

export class ConversationApi {
  /** @param {Partial<typeof DEFAULTS> & { callbackSecret?: string }} options @param {import("../callbacks.mjs").Callbacks} callbacks */
  constructor(options, callbacks) {
    this.app = { ...DEFAULTS, ...options };
    if (!WINDOWS.includes(this.app.window)) throw new TypeError(`conversation.window must be ${WINDOWS.join(" or ")}`);
    if (!MODES.includes(this.app.processingMode)) throw new TypeError(`conversation.processingMode must be ${MODES.join(" or ")}`);
    this.auth = new Auth(this.app);
    this.webhooks = new Webhooks(callbacks, this.app);
    this.reports = new Reports(this.app, callbacks, this.webhooks);
  }

  /** Whether `path` is the Conversation API's. */
  static owns(path) {
    return path === "/oauth2/token" || path.startsWith("/v1/");
  }

  /** The project id in `path`, if any (for the per-project rate limit). */
  static project(path) {
    const id = PATH.exec(path)?.[1];
    return id === undefined ? undefined : decoded(id);
  }

  /** Throws 404 unless `appId` is the emulator's app; returns undefined. */
  knownApp(appId) {
    if (appId !== this.app.appId) throw notFound("app");
  }

  /** `messages:send`. */
  send(body) {
    const { identity, kind } = check.send(body, this.app);
    this.knownApp(body.app_id);
    const message = this.reports.sent(body, identity, kind);
    return [200, { message_id: message.id, accepted_time: message.accept_time }];
  }

  /** Answers `[status, body, headers]` for `{ method, path, query, headers, body, text, bodyError }`. */
  handle(req) {
    if (req.path === "/oauth2/token") return this.auth.token(req);
    const match = PATH.exec(req.path);
    if (!match) return errorAnswer(404, "NOT_FOUND", "No such resource.");
    const denied = this.auth.check(req.headers.authorization);
    if (denied) return errorAnswer(401, "UNAUTHENTICATED", denied.message, { "www-authenticate": denied.challenge });
    const project = decoded(match[1]);
    if (project !== this.app.projectId) return errorAnswer(404, "NOT_FOUND", "The project was not found (it may live in another region).");
    if (req.bodyError) return errorAnswer(400, "INVALID_ARGUMENT", "body: not valid JSON.");
    const rest = (match[2] ?? "").replace(/%3A/gi, ":");
    const routes = ROUTES.filter(([, pattern]) => pattern.test(rest));
    const route = routes.find(([method]) => method === req.method);
    if (!route) return routes.length ? errorAnswer(405, "UNIMPLEMENTED", `${req.method} is not allowed here.`) : errorAnswer(404, "NOT_FOUND", "No such resource.");
    const params = route[1].exec(rest).slice(1).map(decoded);
    if (params.includes(undefined)) return errorAnswer(404, "NOT_FOUND", "No such resource.");
    try {
      if (req.method === "POST" && req.body === undefined) fail("body", "must be a JSON object");
      return route[2]({ conv: this, body: req.body, query: req.query, params });
    } catch (err) {
      if (err instanceof Invalid) return errorAnswer(400, "INVALID_ARGUMENT", err.message);
      if (err instanceof ApiError) return errorAnswer(err.code, err.status, err.message, err.headers);
      throw err;
    }
  }

  /** An inbound message (control API); see Reports.inbound. */
  inbound(options) {
    return this.reports.inbound(options);
  }

  reset() {
    this.webhooks.reset();
    this.reports.reset();
  }
}
