// The Conversation API's part of the JS face (`api: "conversation"`): the project's
// facts, its OAuth2 access token (cached, one refresh shared by every call waiting for
// it) and the fan-out of one request per recipient. Only the full entry built with the
// Cargo feature `conversation` has this file; without it, scripts/build.sh puts in a
// `project` that is always undefined (Rust refuses `api: "conversation"` there).
import { toSinchError } from "./errors.js";
import { __settle } from "./sinch_whatsapp.js";
import { ABORTED, abortable } from "./runtime.js";

// Sends in flight per call.
const FAN_OUT = 4;

/**
 * The project of a client `Core.open` said is `api: "conversation"` (`facts`), else
 * undefined. `io` is the client's `{ attempts, timeoutMs, onRetry }`.
 */
export const project = (facts, core, io) => (facts.api === "conversation" ? new Project(facts, core, io) : undefined);

class Project {
  #core;
  #io;
  #key;
  #token; // the token request (the key as Basic), with OAuth2
  #bearer; // { header, refreshAt } of the cached access token
  #refresh; // the one token refresh in flight, shared by every call waiting for it

  constructor({ projectId, appId, key, token }, core, io) {
    this.projectId = projectId;
    this.appId = appId;
    this.#key = key;
    this.#token = token;
    this.#core = core;
    this.#io = io;
  }

  /** The client's safe summary for logs and `JSON.stringify`. */
  summary(baseUrl) {
    const { projectId, appId } = this;
    return { api: "conversation", projectId, appId, baseUrl, keySecret: this.#key ? "[redacted]" : null };
  }

  /**
   * Whether `response` is a 401 whose `WWW-Authenticate` says the access token expired
   * (contains "expired", any case, as Sinch's SDKs read it): then the token is renewed
   * once and the request repeated once.
   */
  expired(response) {
    return response.status === 401 && /expired/i.test(response.headers.get("www-authenticate") ?? "");
  }

  /** The project itself when it uses OAuth2 (its `bearer`, `drop` and `expired`), else undefined (Basic auth). */
  get oauth() {
    return this.#token ? this : undefined;
  }

  /** Drops the cached access token whose header is `header`, unless another call already renewed it. */
  drop(header) {
    if (this.#bearer?.header === header) this.#bearer = undefined;
  }

  /**
   * A fan-out (one send or capability query per recipient of `parts`, numbers Rust
   * checked, `run(body)` each: the body is `head`, the number without `+` as its
   * identity, `tail`), at most 4 in flight, merged in order into `{ [into]: entries }`,
   * plus `failed: [{ recipient, error }]` when only some fail; all failed rejects with
   * the first recipient's error.
   */
  async fanOut({ parts, head, tail, into, asynchronous }, run) {
    const settled = [];
    let next = 0;
    const worker = async () => {
      for (let i; (i = next++) < parts.length; ) {
        const recipient = parts[i];
        const body = head + recipient.replace(/^\+/, "") + tail;
        settled[i] = await run(body).then((ok) => ({ ...ok, recipient }), (error) => ({ recipient, error }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(FAN_OUT, parts.length) }, worker));
    const entries = settled.filter((entry) => !entry.error);
    const failed = settled.filter((entry) => entry.error);
    if (entries.length === 0) throw failed[0].error;
    return { ...(asynchronous && { asynchronous }), [into]: entries, ...(failed.length > 0 && { failed }) };
  }

  /**
   * `callbackStatus`: `read(url)` (a GET, attempted until Rust says stop) of the message
   * in DISPATCH_SOURCE, where Sinch keeps what a DISPATCH-mode app sent; on not_found,
   * and only then, of `fallback`, CONVERSATION_SOURCE (an app in CONVERSATION mode).
   */
  async stored({ url, fallback }, read) {
    try {
      return await read(url);
    } catch (err) {
      if (err.code !== "not_found") throw err;
    }
    return read(fallback);
  }

  /**
   * The cached `Bearer …` header, refreshed (once for every call waiting) when due, or
   * undefined when it is not there within the call's `timeoutMs`. The refresh is shared:
   * a caller's signal or `timeoutMs` ends its own wait, not the others'. A call aborted
   * already starts no refresh; a refresh every caller has left fails unheard.
   */
  async bearer(call) {
    const cached = this.#bearer;
    if (cached && Date.now() < cached.refreshAt) return cached.header;
    // An abort is final, whatever the policy.
    const aborted = () => toSinchError(JSON.parse(__settle(this.#core, -1, ABORTED, 0, "", 0, 0, 0)).error);
    if (call.signal?.aborted) throw aborted();
    if (!this.#refresh) {
      this.#refresh = this.#fetchToken().finally(() => {
        this.#refresh = undefined;
      });
      this.#refresh.catch(() => {});
    }
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(resolve, call.timeoutMs);
    });
    try {
      return await Promise.race([abortable(this.#refresh, call.signal, aborted), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asks the token URL for an access token (attempts until Rust says stop) and caches its header. */
  async #fetchToken() {
    const { attempts, timeoutMs, onRetry } = this.#io;
    const { url, authorization, body } = this.#token;
    const request = { method: "POST", url };
    const headers = { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded", Authorization: authorization };
    const call = { signal: undefined, timeoutMs, onRetry };
    // Row -1, past `core::ops::OPS`: the token request's answer, safe to repeat. Its
    // failure names it: no method's request, and nothing was sent (a network failure
    // here is no send that "may have arrived").
    const { authorization: header, refreshInMs } = await attempts(-1, request, headers, body, call).catch((err) => {
      err.message = `the access token request: ${err.message}`;
      throw err;
    });
    this.#bearer = { header, refreshAt: Date.now() + refreshInMs };
    return header;
  }
}
