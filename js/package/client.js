// `WhatsAppClient`: the JS face of the client. Rust (the wasm `Core`) reads and
// checks every argument, builds each request and says what each answer means and
// whether to retry; this file does the fetch, the deadline, the caller's
// AbortSignal, the waiting and `onRetry`. What crosses is JSON text both ways.
import { __create, __free, __open, __prepare, __settle } from "./sinch_whatsapp.js";
import { SinchError, refused, unwrap } from "./errors.js";
import { ABORTED, NETWORK, REDIRECT, TIMEOUT, TOO_LARGE, discard, inBrowserPage, pause, readBody } from "./runtime.js";
import { project } from "./conversation.js";

const UNREADABLE = "could not be read (a cycle, a BigInt, or a getter or Proxy threw)";
// JSON has no NaN or Infinity (JSON.stringify writes null, which reads as "not
// given"): they cross as strings, which every number rule in Rust refuses.
const finite = (_, value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value);
// Frees a collected client's core in wasm (workerd before compatibility date 2026-01-01 has no FinalizationRegistry).
const cores = globalThis.FinalizationRegistry && new FinalizationRegistry(__free);

/** A client for one bot (or, with `api: "conversation"`, one project's app). Secrets stay in private fields and wasm memory. */
export class WhatsAppClient {
  #core;
  #onRetry;
  #facts; // what Rust made of the options (`#open`), once something needs them

  /** Checks the options; throws `SinchError` (`invalid_argument`) on bad ones. */
  constructor(options) {
    let text;
    try {
      // `onRetry` is a function, which JSON leaves out; it is checked here.
      this.#onRetry = hook(options !== null && typeof options === "object" && Object.hasOwn(options, "onRetry") ? options.onRetry : undefined);
      text = JSON.stringify(options, finite) ?? "null";
    } catch (err) {
      throw err instanceof SinchError ? err : refused("options", UNREADABLE);
    }
    // Rust has checked every option here; only a refusal is read now (README, "Startup").
    this.#core = unwrap(__create(text, inBrowserPage()));
    cores?.register(this, this.#core);
  }

  /**
   * What Rust made of the options (`Core.open`: `{ botId, baseUrl, timeoutMs,
   * maxResponseBytes, … }`), read on first use, with `hasToken`, `project` the `Project`
   * of `api: "conversation"` (conversation.js), `plain` and `json` the headers of a
   * request without and with a JSON body.
   */
  #open() {
    if (this.#facts) return this.#facts;
    const facts = unwrap(__open(this.#core));
    const io = {
      attempts: (...args) => this.#attempts(...args),
      timeoutMs: facts.timeoutMs,
      onRetry: this.#onRetry,
    };
    const hasToken = facts.authorization !== undefined;
    const auth = hasToken ? { Authorization: facts.authorization } : {};
    return (this.#facts = {
      ...facts,
      hasToken,
      project: project(facts, this.#core, io),
      plain: { Accept: "application/json", ...auth },
      json: { Accept: "application/json", "Content-Type": "application/json", ...auth },
    });
  }

  /** The bot id this client sends as (`undefined` under `api: "conversation"`). */
  get botId() {
    return this.#open().botId;
  }

  /** The project id (`api: "conversation"` only). */
  get projectId() {
    return this.#open().project?.projectId;
  }

  /** The app id (`api: "conversation"` only). */
  get appId() {
    return this.#open().project?.appId;
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return this.#open().baseUrl;
  }

  /** A safe summary for logs and `JSON.stringify`: no secret, only whether one is set. */
  toJSON() {
    const { project, botId, baseUrl, hasToken } = this.#open();
    if (project) return project.summary(baseUrl);
    return { botId, baseUrl, token: hasToken ? "[redacted]" : null };
  }

  /** `WhatsAppClient(bot-id @ base-url)`, or `WhatsAppClient(project-id/app-id @ base-url)`. */
  toString() {
    const { project, botId, baseUrl } = this.#open();
    const who = project ? `${project.projectId}/${project.appId}` : botId;
    return `WhatsAppClient(${who} @ ${baseUrl})`;
  }

  // The methods of the core, each with its row of `core::ops::OPS` (the operation as it
  // crosses: a number) and how many arguments come before its call options. Written out,
  // not defined in a loop: a class body's methods cost next to nothing at import, 24
  // `defineProperty` calls ≈ 0.1 ms (README, "Startup").
  send(...args) { return this.#call(0, args, 1); }
  sendText(...args) { return this.#call(1, args, 2); }
  markRead(...args) { return this.#call(2, args, 1); }
  capability(...args) { return this.#call(3, args, 1); }
  optIn(...args) { return this.#call(4, args, 1); }
  optOut(...args) { return this.#call(5, args, 1); }
  addToBlacklist(...args) { return this.#call(6, args, 1); }
  removeFromBlacklist(...args) { return this.#call(7, args, 1); }
  blacklist(...args) { return this.#call(8, args, 1); }
  callbackStatus(...args) { return this.#call(9, args, 1); }
  callbackNotifications(...args) { return this.#call(10, args, 1); }
  addProvider(...args) { return this.#call(11, args, 1); }
  listProviders(...args) { return this.#call(12, args, 0); }
  deleteProvider(...args) { return this.#call(13, args, 1); }
  listStickerpacks(...args) { return this.#call(14, args, 1); }
  getStickerpack(...args) { return this.#call(15, args, 2); }
  createStickerpack(...args) { return this.#call(16, args, 1); }
  updateStickerpack(...args) { return this.#call(17, args, 2); }
  deleteStickerpack(...args) { return this.#call(18, args, 1); }
  listStickers(...args) { return this.#call(19, args, 2); }
  getSticker(...args) { return this.#call(20, args, 3); }
  createSticker(...args) { return this.#call(21, args, 2); }
  updateSticker(...args) { return this.#call(22, args, 3); }
  deleteSticker(...args) { return this.#call(23, args, 2); }

  // Convenience senders: each builds one message object (`fields` of its arguments) and
  // calls `send`, where the Rust core validates it. Like every method, a sender never
  // throws: a value that cannot even be read (a throwing getter, a Proxy) rejects with a
  // SinchError.
  sendImage(to, ...args) { return this.#sendAs("image", byUrl, to, args); }
  sendVideo(to, ...args) { return this.#sendAs("video", byUrl, to, args); }
  sendAudio(to, ...args) { return this.#sendAs("audio", byUrl, to, args); }
  sendDocument(to, ...args) { return this.#sendAs("document", byUrl, to, args); }
  sendSticker(to, ...args) { return this.#sendAs("sticker", sticker, to, args); }
  sendLocation(to, ...args) { return this.#sendAs("location", (location) => location, to, args); }
  sendContacts(to, ...args) { return this.#sendAs("contacts", (contacts) => ({ contacts }), to, args); }
  sendTemplate(to, ...args) { return this.#sendAs("template", (template) => template, to, args); }
  sendInteractive(to, ...args) { return this.#sendAs("interactive", (message) => ({ message }), to, args); }

  /** A message of `type` made of `fields(...args)` sent to `to`; the call options come right after the arguments `fields` takes. */
  #sendAs(type, fields, to, args) {
    let request;
    try {
      const message = fields(...args);
      // The helper's own type wins; another one given in its fields is refused, not obeyed.
      if (Object.hasOwn(message, "type") && message.type !== type) {
        return Promise.reject(refused("message.type", `this helper sends only ${type} messages; use send for another type`));
      }
      request = { to: list(to), message: { ...message, type } };
    } catch {
      return Promise.reject(refused("message", `the ${type} message could not be read`));
    }
    return this.send(request, args[fields.length]);
  }

  /**
   * One method call (`op` its row): its request prepared by Rust, then attempts until
   * Rust says stop. Not async itself (one promise fewer on the hot path): what it
   * throws, it rejects with.
   */
  #call(op, args, arity) {
    try {
      const call = this.#callOptions(args[arity]);
      let text;
      try {
        const values = args.length > arity ? args.slice(0, arity) : args;
        // Strings only (sendText's): no number to guard, and no replacer to call.
        text = JSON.stringify(values, values.every(isString) ? undefined : finite);
      } catch {
        throw refused("arguments", UNREADABLE);
      }
      // The envelope, then the body (JSON text, as it is sent: no line break) on a line of
      // its own. Cut by hand: `split` builds an array in V8's runtime (≈ 2 µs of a send in place).
      const crossing = __prepare(this.#core, op, text, call.timeoutMs);
      const cut = crossing.indexOf("\n");
      const request = unwrap(cut < 0 ? crossing : crossing.slice(0, cut));
      const body = cut < 0 ? undefined : crossing.slice(cut + 1);
      const { project } = this.#facts;
      if (request.parts) return project.fanOut(request, (body) => this.#run(op, request, body, call));
      if (request.fallback) return project.stored(request, (url) => this.#run(op, { ...request, url }, undefined, call));
      return this.#run(op, request, body, call);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** One request (or one part of a fan-out) with `body`, attempted until Rust says stop. */
  #run(op, request, body, call) {
    const { plain, json, project } = this.#facts;
    return this.#attempts(op, request, body === undefined ? plain : json, body, call, project?.oauth);
  }

  /** Reads `{ signal?, timeoutMs?, onRetry? }`; what is missing comes from the client. */
  #callOptions(options) {
    const call = { signal: undefined, timeoutMs: this.#open().timeoutMs, onRetry: this.#onRetry };
    if (options === undefined || options === null) return call;
    if (typeof options !== "object") throw refused("options", "must be an object");
    let entries;
    try {
      entries = Object.entries(options);
    } catch {
      throw refused("options", UNREADABLE);
    }
    for (const [key, value] of entries) {
      if (key === "signal") {
        if (value === undefined) continue;
        // A brand check: the prototype's `aborted` getter throws for anything but a real
        // signal (a forged one, even with an own `aborted`; a Proxy): refused, never raw.
        try {
          Reflect.apply(Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get, value, []);
        } catch {
          throw refused("options.signal", "must be an AbortSignal");
        }
        call.signal = value;
      } else if (key === "timeoutMs") {
        // Checked by Rust (`Core.prepare`): `NaN` for a value that is not a number.
        if (value !== undefined) call.timeoutMs = typeof value === "number" ? value : NaN;
      } else if (key === "onRetry") {
        call.onRetry = hook(value) ?? call.onRetry;
      } else {
        throw refused(`options.${key}`, "is not a known field");
      }
    }
    return call;
  }

  /**
   * Attempts of the operation of row `op` until Rust says stop, each under its own
   * deadline: the result, or the SinchError thrown. Under OAuth2 (`oauth`, the project:
   * conversation.js), each attempt first gets the bearer token, and a 401 saying it
   * expired drops it and repeats the request once. The token request is row -1, past
   * the table. The loop and the attempt are one async function: no closure or object
   * between them.
   */
  async #attempts(op, request, headers, body, call, oauth) {
    const { signal } = call;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      // What the attempt came to, for `Core.settle`: an answer (`fault` 0, `text` its
      // Retry-After, "" when absent, a line break and the body: a header has no line
      // break) or a failure (`text` its text and a line break, or "" when it has none).
      let row = op;
      let status = 0;
      let fault = 0;
      let text = "";
      let expired = false;
      const bearer = oauth ? await oauth.bearer(call) : null;
      if (bearer === undefined) {
        // No token in time is this attempt's timeout, which the retry policy decides on
        // like any other; nothing was sent, so it is as safe to repeat as a read (row -1).
        row = -1;
        fault = TIMEOUT;
      } else {
        const controller = new AbortController();
        const onAbort = signal && (() => controller.abort(signal.reason));
        let listening = false;
        let timer;
        try {
          timer = setTimeout(expire, call.timeoutMs, controller);
          if (signal?.aborted) onAbort();
          else if (signal) {
            signal.addEventListener("abort", onAbort, { once: true });
            listening = true;
          }
          // The runtime's own global fetch, called unbound as Workers require; a
          // redirect is never followed, so a message never goes elsewhere or twice.
          const response = await fetch(request.url, {
            method: request.method,
            headers: bearer ? { ...headers, Authorization: bearer } : headers,
            body,
            redirect: "manual",
            signal: controller.signal,
          });
          // A browser hides a manual redirect as an "opaqueredirect" of status 0.
          status = response.status;
          if (response.type === "opaqueredirect" || (status >= 300 && status < 400)) {
            discard(response);
            fault = REDIRECT;
            text = line(response.headers.get("location"));
          } else {
            const retryAfter = response.headers.get("retry-after") ?? "";
            expired = oauth?.expired(response);
            const read = await readBody(response, this.#facts.maxResponseBytes);
            if (read === undefined) fault = TOO_LARGE;
            else text = retryAfter + "\n" + read;
          }
        } catch (err) {
          // Only the caller's signal and the deadline abort the controller.
          fault = signal?.aborted ? ABORTED : controller.signal.aborted ? TIMEOUT : NETWORK;
          text = fault === NETWORK ? line(err?.message) : "";
        } finally {
          clearTimeout(timer);
          // Only a listener that was added is removed: a finally that throws would reject raw.
          if (listening) signal.removeEventListener("abort", onAbort);
        }
      }
      const outcome = JSON.parse(__settle(this.#core, row, fault, status, text, call.timeoutMs, attempt, Math.random()));
      if (!outcome.error) return outcome.ok ?? undefined;
      if (expired && !renewed) {
        renewed = true;
        oauth.drop(bearer);
        attempt--;
        continue;
      }
      await pause(this.#core, call, attempt, outcome);
    }
  }
}

const isString = (value) => typeof value === "string";
// An attempt's deadline, handed its controller by `setTimeout` (no closure per attempt).
const expire = (controller) => controller.abort();
// An `onRetry` option: a function, or none (`undefined` for `null` too).
const hook = (value) => {
  if (value != null && typeof value !== "function") throw refused("options.onRetry", "must be a function");
  return value ?? undefined;
};
// A failure's text as `Core.settle` takes it: the text and a line break, or "" when it has none.
const line = (text) => (isString(text) ? text + "\n" : "");

// The senders' recipients and message fields.
const list = (to) => (Array.isArray(to) ? to : [to]);
const byUrl = (url, extra) => ({ url, ...extra });
// A reference with ":" or "/" is a URL (which must be https, or http on loopback);
// anything else is the id of a stickerpack's sticker.
const sticker = (urlOrId) => (typeof urlOrId === "string" && /[:/]/.test(urlOrId) ? { url: urlOrId } : { id: urlOrId });
