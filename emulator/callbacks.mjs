// Outbound callbacks: delivery reports and inbound notifications, signed as
// Sinch's callbacks page describes, posted to the callback URL with
// retries, and kept in the callback store.
import { createHmac, randomBytes } from "node:crypto";

/** The states a delivered message walks through, in order. */
const DELIVERED = ["queued", "dispatched", "sent", "delivered", "read"];
/** Recipients whose number ends in 999 cannot receive WhatsApp: their report is a failure. */
const FAILING = /999$/;

/** HMAC-SHA256 over the raw body, a ".", and the nonce; base64-encoded. */
export function sign(body, nonce, secret) {
  return createHmac("sha256", secret).update(body).update(".").update(nonce).digest("base64");
}

export class Callbacks {
  /** @param {{ callbackUrl?: string, callbackSecret?: string, reportDelayMs?: number, retryMs?: number, attempts?: number }} options */
  constructor({ callbackUrl, callbackSecret, reportDelayMs = 10, retryMs = 100, attempts = 4 } = {}) {
    Object.assign(this, { callbackUrl, callbackSecret, reportDelayMs, retryMs, attempts });
    /** Every POST made to a callback URL: `{ url, body (text), headers, status, attempt }`. */
    this.deliveries = [];
    /** The callback store: `{ bot, kind: "status" | "notification", messageId, from, at, payload }`. */
    this.store = [];
    this.timers = new Set();
    /** Bumped by `reset`: a run of reports started before it stops. */
    this.epoch = 0;
  }

  /** Walks each sent message through its delivery states, one report per state. */
  reportDelivery(bot, messages, url) {
    messages.forEach(({ id, recipient }) => {
      const states = FAILING.test(recipient) ? ["queued", "failed"] : DELIVERED;
      this.inTurn(states.map((state) => () => {
        const status = { status: state === "failed" ? "failure" : "success", state, message_id: id, recipient, timestamp: new Date().toISOString() };
        if (state === "failed") status.details = "The recipient is not capable of receiving WhatsApp messages.";
        return this.emit(bot, { type: "whatsapp", statuses: [status] }, url, { messageId: id });
      }));
    });
  }

  /**
   * Runs `steps` one after another, each `reportDelayMs` after the last one's POST settled, so
   * one message's reports arrive in their order even on a loaded machine (a retry of a failed
   * POST may still come later, as Sinch's would).
   */
  inTurn(steps) {
    const epoch = this.epoch;
    const next = (i) => {
      if (i < steps.length && epoch === this.epoch) this.later(this.reportDelayMs, () => Promise.resolve(steps[i]()).finally(() => next(i + 1)));
    };
    next(0);
  }

  /** Stores and posts an inbound notification (from the control API). */
  inbound(bot, notification, contacts, url) {
    const payload = { type: "whatsapp", notifications: [notification], ...(contacts ? { contacts } : {}) };
    return this.emit(bot, payload, url, { from: notification.from });
  }

  /** Keeps `payload` in the store and posts it to `url` (or the default callback URL). */
  emit(bot, payload, url = this.callbackUrl, meta = {}) {
    const kind = payload.statuses ? "status" : "notification";
    this.store.push({ bot, kind, at: Date.now(), payload, ...meta });
    return url ? this.post(url, JSON.stringify(payload), 1) : Promise.resolve();
  }

  /** Re-sends a delivery already made, as Sinch does when it missed the 2xx. */
  redeliver(index) {
    const d = this.deliveries[index];
    return d ? this.post(d.url, d.body, d.attempt + 1, d.headers) : Promise.resolve();
  }

  async post(url, body, attempt, signed = this.headers(body)) {
    const delivery = { url, body, headers: signed, attempt, status: 0 };
    this.deliveries.push(delivery);
    try {
      const res = await fetch(url, { method: "POST", headers: signed, body });
      delivery.status = res.status;
      await res.arrayBuffer();
    } catch {
      delivery.status = -1;
    }
    const ok = delivery.status >= 200 && delivery.status < 300;
    if (!ok && attempt < this.attempts) this.later(this.retryMs * 2 ** (attempt - 1), () => this.post(url, body, attempt + 1, signed));
  }

  headers(body) {
    const headers = { "content-type": "application/json" };
    if (this.callbackSecret) {
      const nonce = randomBytes(16).toString("hex");
      headers["sinch-whatsapp-callback-signature"] = sign(body, nonce, this.callbackSecret);
      headers["sinch-whatsapp-callback-signature-algorithm"] = "HMAC_SHA_256";
      headers["sinch-whatsapp-callback-signature-nonce"] = nonce;
    }
    return headers;
  }

  later(ms, fn) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Stored callbacks, filtered as `GET /callbacks/...` asks. */
  query(bot, { kind, messageId, from, start, end }) {
    return this.store
      .filter((c) => c.bot === bot && c.kind === kind)
      .filter((c) => messageId === undefined || c.messageId === messageId)
      .filter((c) => from === undefined || c.from?.replace(/^\+/, "") === from.replace(/^\+/, ""))
      .filter((c) => (start === undefined || c.at >= start) && (end === undefined || c.at <= end))
      .map((c) => c.payload);
  }

  reset() {
    this.epoch++;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.deliveries.length = 0;
    this.store.length = 0;
  }
}
