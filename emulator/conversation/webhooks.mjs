// Conversation API webhooks (brief §4.1, §4.7): the app's registered webhooks, and posting one
// callback to those whose triggers match (signed with each one's secret) or to a message's
// `callback_url` (signed with the app's secret for overridden callback URLs). Posting, retries
// and the delivery log are the emulator's Callbacks'.
import { createHmac } from "node:crypto";
import { messageId } from "../api.mjs";
import { fail } from "./check.mjs";
import { webhook as checkWebhook } from "./requests.mjs";

const PER_APP = 5;

/** base64 HMAC-SHA256 under `secret` of `body`, ".", `nonce`, ".", `timestamp` (brief §4.7). */
export function signConversation(body, nonce, timestamp, secret) {
  return createHmac("sha256", secret).update(`${body}.${nonce}.${timestamp}`).digest("base64");
}

/** The headers of a callback POST, signed when there is a secret. */
export function callbackHeaders(body, secret, now = Date.now()) {
  const headers = { "content-type": "application/json" };
  if (!secret) return headers;
  const nonce = messageId(now);
  const timestamp = String(Math.floor(now / 1000));
  headers["x-sinch-webhook-signature"] = signConversation(body, nonce, timestamp, secret);
  headers["x-sinch-webhook-signature-nonce"] = nonce;
  headers["x-sinch-webhook-signature-timestamp"] = timestamp;
  headers["x-sinch-webhook-signature-algorithm"] = "HmacSHA256";
  return headers;
}

export class Webhooks {
  /** @param {import("../callbacks.mjs").Callbacks} callbacks @param {{ callbackSecret?: string }} app */
  constructor(callbacks, app) {
    this.callbacks = callbacks;
    this.app = app;
    /** id → webhook, in registration order. */
    this.all = new Map();
  }

  /** Registers `body` (already known to name this app); answers the webhook. */
  register(body) {
    checkWebhook(body);
    const mine = this.list(body.app_id);
    if (mine.some((w) => w.target === body.target)) fail("target", "is already registered for this app");
    if (mine.length >= PER_APP) fail("app_id", `an app has at most ${PER_APP} webhooks`);
    const hook = { id: messageId(), app_id: body.app_id, target: body.target, target_type: body.target_type ?? "HTTP", secret: body.secret ?? "", triggers: [...body.triggers] };
    if (body.client_credentials) hook.client_credentials = body.client_credentials;
    this.all.set(hook.id, hook);
    return hook;
  }

  list(appId) {
    return [...this.all.values()].filter((w) => w.app_id === appId);
  }

  /**
   * Posts `payload` (one callback) to `url` when given (signed with the app's callback secret),
   * else to every HTTP webhook of the app whose triggers include `trigger`. Resolves once each
   * first attempt is answered.
   */
  dispatch(trigger, payload, url) {
    const body = JSON.stringify(payload);
    const targets = url
      ? [[url, this.app.callbackSecret]]
      : this.list(payload.app_id)
          .filter((w) => w.target_type === "HTTP" && w.triggers.includes(trigger))
          .map((w) => [w.target, w.secret]);
    return Promise.all(targets.map(([target, secret]) => this.callbacks.post(target, body, 1, callbackHeaders(body, secret))));
  }

  reset() {
    this.all.clear();
  }
}
