// What the emulator's app sent and received, and the callbacks about it (brief §4.3–§4.5,
// §7.1, §7.5): delivery reports QUEUED_ON_CHANNEL → DELIVERED → READ (or one FAILED), inbound
// messages, capability results, each posted as one callback; the 24-hour windows; and the
// stored messages that `GET …/messages` reads, each in the source its processing mode puts it in.
import { messageId } from "../api.mjs";
import { fail, isObject } from "./check.mjs";
import { CHANNEL } from "./requests.mjs";

const DAY_MS = 24 * 3600 * 1000;
/** Recipients whose number ends in 999 cannot be reached on WhatsApp. */
const UNREACHABLE = /999$/;
/** The business number inbound messages are written to (`sender_id`). */
export const SENDER_ID = "46700000000";

const reason = (code, description, channelCode) => ({ code, description, sub_code: "UNSPECIFIED_SUB_CODE", channel_code: channelCode });
const NOT_REACHABLE = reason("RECIPIENT_NOT_REACHABLE", "The recipient cannot be reached on WhatsApp.", "131026");
const OUTSIDE_WINDOW = reason("OUTSIDE_ALLOWED_SENDING_WINDOW", "The recipient has not written in the last 24 hours; only a template may be sent.", "131047");

const iso = (ms) => new Date(ms).toISOString();

/**
 * `messages_source` → the processing mode of the messages kept there (Sinch's processing-modes
 * page: a DISPATCH message belongs to no contact or conversation, so it is not in the
 * conversation store; the SDKs' docstrings: the parameter is for messages in DISPATCH mode, and
 * CONVERSATION_SOURCE is the default).
 */
const SOURCES = { CONVERSATION_SOURCE: "CONVERSATION", DISPATCH_SOURCE: "DISPATCH" };

/** The processing mode `query.messages_source` asks for; not given is CONVERSATION_SOURCE, anything else a 400. */
function sourceMode({ messages_source: source = "CONVERSATION_SOURCE" }) {
  if (!Object.hasOwn(SOURCES, source)) fail("messages_source", `must be ${Object.keys(SOURCES).join(" or ")}`);
  return SOURCES[source];
}

export class Reports {
  constructor(app, callbacks, webhooks) {
    Object.assign(this, { app, callbacks, webhooks });
    /** ConversationMessages, oldest first. */
    this.messages = [];
    /** identity → when it last wrote (ms). */
    this.lastInbound = new Map();
    /** identity → its `{ contact_id, conversation_id }` (CONVERSATION mode). */
    this.contacts = new Map();
  }

  /**
   * A new message's `processing_mode`, `contact_id` and `conversation_id` in `mode`: empty ids in
   * DISPATCH mode; in CONVERSATION mode the identity's contact and conversation, made on first use
   * (the emulator has no contacts API: they only tell the stored messages apart).
   */
  kept(identity, mode) {
    if (mode === "DISPATCH") return { processing_mode: mode, contact_id: "", conversation_id: "" };
    if (!this.contacts.has(identity)) this.contacts.set(identity, { contact_id: messageId(), conversation_id: messageId() });
    return { processing_mode: mode, ...this.contacts.get(identity) };
  }

  /** A callback's envelope around `fields` (its one payload key among them). */
  envelope(fields) {
    return { app_id: this.app.appId, accepted_time: "", event_time: "", project_id: this.app.projectId, ...fields, message_metadata: "", correlation_id: "" };
  }

  channelIdentity(identity) {
    return { channel: CHANNEL, identity, app_id: "" };
  }

  /** Why a send of `kind` to `identity` fails, if it does. */
  failure(identity, kind, now) {
    if (UNREACHABLE.test(identity)) return NOT_REACHABLE;
    const open = this.app.window === "open" || kind === "template_message" || now - (this.lastInbound.get(identity) ?? -Infinity) < DAY_MS;
    return open ? undefined : OUTSIDE_WINDOW;
  }

  /** Stores an accepted `messages:send` and schedules its delivery reports; returns the stored message. */
  sent(body, identity, kind, now = Date.now()) {
    // `processing_strategy: DISPATCH_ONLY` sends this one message in DISPATCH mode, whatever the app's.
    const { processing_mode, contact_id, conversation_id } = this.kept(identity, body.processing_strategy === "DISPATCH_ONLY" ? "DISPATCH" : this.app.processingMode);
    const message = {
      id: messageId(now), direction: "TO_CONTACT", app_message: body.message, channel_identity: this.channelIdentity(identity), contact_id,
      conversation_id, accept_time: iso(now), metadata: body.message_metadata ?? "", processing_mode, injected: false,
      message_status: { status: "QUEUED", event_time: iso(now) },
    };
    this.messages.push(message);
    const failed = this.failure(identity, kind, now);
    const steps = failed ? [["FAILED", failed]] : [["QUEUED_ON_CHANNEL"], ["DELIVERED"], ["READ"]];
    this.callbacks.inTurn(steps.map(([status, why]) => () => {
      const at = iso(Date.now());
      message.message_status = { status, event_time: at, ...(why ? { reason: why.code } : {}) };
      const report = { message_id: message.id, conversation_id, status, channel_identity: message.channel_identity, contact_id, ...(why ? { reason: why } : {}), metadata: message.metadata, processing_mode };
      const payload = this.envelope({ accepted_time: message.accept_time, event_time: at, message_delivery_report: report });
      payload.correlation_id = body.correlation_id ?? "";
      return this.webhooks.dispatch("MESSAGE_DELIVERY", payload, body.callback_url);
    }));
    return message;
  }

  /** Posts a `capability_notification` for `identity` a moment later. */
  capability(identity, requestId) {
    this.callbacks.later(this.callbacks.reportDelayMs, () => {
      const capable = !UNREACHABLE.test(identity);
      const notification = {
        request_id: requestId, contact_id: "", channel: CHANNEL, identity, capability_status: capable ? "CAPABILITY_FULL" : "NO_CAPABILITY", channel_capabilities: [],
        ...(capable ? {} : { reason: NOT_REACHABLE }),
      };
      const now = iso(Date.now());
      return this.webhooks.dispatch("CAPABILITY", this.envelope({ accepted_time: now, event_time: now, capability_notification: notification }));
    });
  }

  /**
   * An inbound message `contactMessage` from `from` (E.164, + optional) at `at` (ms, default
   * now): stored, its window opened, posted to the MESSAGE_INBOUND webhooks. Resolves to the
   * stored message once each first attempt is answered.
   */
  async inbound({ from, contactMessage, at = Date.now() } = {}) {
    const identity = typeof from === "string" ? from.replace(/^\+/, "") : "";
    if (!/^[1-9][0-9]{6,14}$/.test(identity)) fail("from", "must be an E.164 number");
    if (!isObject(contactMessage)) fail("contactMessage", "must be an object, such as { text_message: { text } }");
    if (!Number.isFinite(at)) fail("at", "must be a time in ms since the epoch");
    // The app's mode: an earlier DISPATCH_ONLY send does not carry over to the answer.
    const message = {
      id: messageId(at), direction: "TO_APP", contact_message: contactMessage, channel_identity: this.channelIdentity(identity),
      accept_time: iso(at), metadata: "", sender_id: SENDER_ID, ...this.kept(identity, this.app.processingMode), injected: false,
    };
    this.messages.push(message);
    this.lastInbound.set(identity, Math.max(at, this.lastInbound.get(identity) ?? -Infinity));
    await this.webhooks.dispatch("MESSAGE_INBOUND", this.envelope({ accepted_time: iso(at), event_time: iso(at), message }));
    return message;
  }

  /** `GET …/messages/{id}`: the message `id` in the source `query` names, if it is there. */
  find(id, query) {
    const mode = sourceMode(query);
    return this.messages.find((m) => m.id === id && m.processing_mode === mode);
  }

  /** `GET …/messages`: one source's, filtered, newest first, paged by `page_size` (default 10, at most 1000). */
  list(query) {
    const mode = sourceMode(query);
    const time = (name) => {
      if (query[name] === undefined) return undefined;
      const t = Date.parse(query[name]);
      if (Number.isNaN(t)) fail(name, "must be an RFC 3339 time");
      return t;
    };
    const [start, end] = [time("start_time"), time("end_time")];
    const size = query.page_size === undefined ? 10 : Number(query.page_size);
    if (!Number.isInteger(size) || size < 1 || size > 1000) fail("page_size", "must be an integer from 1 to 1000");
    const from = query.page_token ? Number(query.page_token) : 0;
    if (!Number.isInteger(from) || from < 0) fail("page_token", "is not a token this API gave");
    if (query.direction !== undefined && !["TO_APP", "TO_CONTACT"].includes(query.direction)) fail("direction", "must be TO_APP or TO_CONTACT");
    const all = this.messages
      .filter((m) => m.processing_mode === mode)
      .filter((m) => query.app_id === undefined || query.app_id === this.app.appId)
      .filter((m) => query.channel_identity === undefined || m.channel_identity.identity === query.channel_identity.replace(/^\+/, ""))
      .filter((m) => query.channel === undefined || query.channel === CHANNEL)
      .filter((m) => query.direction === undefined || m.direction === query.direction)
      .filter((m) => (start === undefined || Date.parse(m.accept_time) >= start) && (end === undefined || Date.parse(m.accept_time) <= end))
      .reverse();
    const next = from + size < all.length ? String(from + size) : "";
    return { messages: all.slice(from, from + size), next_page_token: next };
  }

  reset() {
    this.messages.length = 0;
    this.lastInbound.clear();
    this.contacts.clear();
  }
}
