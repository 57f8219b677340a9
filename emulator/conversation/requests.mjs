// The bodies of the Conversation API's requests other than the message itself: the
// `messages:send` envelope (brief §2.1, §7.3), `events:send`, `capability:query` and webhook
// registration (§4.1, §4.2). Every check names the field it refuses.
import { array, exactlyOne, fail, isObject, object, oneOf, string, stringMap, url } from "./check.mjs";
import { appMessage } from "./message.mjs";

/** The only channel the emulator's app has. */
export const CHANNEL = "WHATSAPP";
/** A WhatsApp identity: E.164 digits without the + (the form in Sinch's samples). */
const IDENTITY = /^[1-9][0-9]{6,14}$/;
const TTL_MAX = 315_576_000_000;

/** `recipient`: exactly one channel identity on WHATSAPP; returns the identity. */
export function recipient(r) {
  object(r, "recipient", ["identified_by", "contact_id"]);
  if (exactlyOne(r, "recipient", ["identified_by", "contact_id"]) === "contact_id") {
    fail("recipient.contact_id", "the emulator keeps no contacts (and an app in DISPATCH mode allows only identified_by)");
  }
  const at = "recipient.identified_by.channel_identities";
  object(r.identified_by, "recipient.identified_by", ["channel_identities"]);
  array(r.identified_by.channel_identities, at, { min: 1, max: 1 }, (c, cat) => {
    object(c, cat, ["channel", "identity", "app_id"]);
    oneOf(c.channel, `${cat}.channel`, [CHANNEL]);
    if (typeof c.identity !== "string" || !IDENTITY.test(c.identity)) fail(`${cat}.identity`, "must be an E.164 number as digits, without +");
  });
  return r.identified_by.channel_identities[0].identity;
}

/** The envelope fields every send-like request may carry, with their checks. */
const COMMON = {
  callback_url: (v) => url(v, "callback_url", { required: false }),
  message_metadata: (v) => string(v, "message_metadata", { max: 1024, required: false, empty: true }),
  correlation_id: (v) => string(v, "correlation_id", { max: 128, required: false, empty: true }),
  channel_priority_order: (v) => array(v, "channel_priority_order", { required: false }, (c, at) => oneOf(c, at, [CHANNEL])),
  processing_strategy: (v) => oneOf(v, "processing_strategy", ["DEFAULT", "DISPATCH_ONLY"], { required: false }),
};

const SEND = {
  ...COMMON,
  channel_properties: (v) => stringMap(v, "channel_properties", { max: 1024 }),
  conversation_metadata: (v) => {
    if (v === undefined) return;
    if (!isObject(v)) fail("conversation_metadata", "must be a JSON object");
    if (JSON.stringify(v).length > 2048) fail("conversation_metadata", "must be at most 2048 characters of JSON");
  },
  conversation_metadata_update_strategy: (v) => oneOf(v, "conversation_metadata_update_strategy", ["REPLACE", "MERGE_PATCH"], { required: false }),
  ttl: (v) => {
    if (v === undefined) return;
    const n = typeof v === "string" && /^\d+s$/.test(v) ? Number(v.slice(0, -1)) : NaN;
    if (!(n >= 3 && n <= TTL_MAX)) fail("ttl", `must be "<n>s" with whole seconds n from 3 to ${TTL_MAX}`);
  },
  queue: (v) => oneOf(v, "queue", ["NORMAL_PRIORITY", "HIGH_PRIORITY"], { required: false }),
  message_content_type: (v) => oneOf(v, "message_content_type", ["CONTENT_UNKNOWN", "CONTENT_MARKETING", "CONTENT_NOTIFICATION"], { required: false }),
};

/** Checks `app_id`, `recipient` and the fields of `fields`; returns the identity. */
function envelope(body, fields, own) {
  object(body, "body", ["app_id", "recipient", ...own, ...Object.keys(fields)]);
  string(body.app_id, "app_id");
  const identity = recipient(body.recipient);
  for (const [key, check] of Object.entries(fields)) check(body[key]);
  return identity;
}

/** `messages:send`: returns `{ identity, kind }` (kind: the message's content key). */
export function send(body, options) {
  const identity = envelope(body, SEND, ["message"]);
  return { identity, kind: appMessage(body.message, options) };
}

const EVENTS = ["composing_event", "composing_end_event", "read_message_event", "agent_joined_event", "agent_left_event", "comment_reply_event"];

/** `events:send`: exactly one event kind (its contents are not confirmed, so not checked). */
export function event(body) {
  const identity = envelope(body, { ...COMMON, event_metadata: (v) => string(v, "event_metadata", { required: false, empty: true }) }, ["event"]);
  object(body.event, "event", EVENTS);
  const kind = exactlyOne(body.event, "event", EVENTS);
  object(body.event[kind], `event.${kind}`, Object.keys(body.event[kind] ?? {}));
  return { identity, kind };
}

/** `capability:query`. */
export function capability(body) {
  const identity = envelope(body, { request_id: (v) => string(v, "request_id", { required: false }) }, []);
  return { identity };
}

/** The triggers a webhook may name (UNSPECIFIED_TRIGGER is not one). */
export const TRIGGERS = [
  "MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "MESSAGE_INBOUND", "EVENT_DELIVERY", "EVENT_INBOUND", "CONVERSATION_START", "CONVERSATION_STOP",
  "CONVERSATION_DELETE", "CONTACT_CREATE", "CONTACT_DELETE", "CONTACT_MERGE", "CONTACT_UPDATE", "CONTACT_IDENTITIES_DUPLICATION",
  "UNSUPPORTED", "OPT_IN", "OPT_OUT", "CHANNEL_EVENT", "CAPABILITY", "SMART_CONVERSATIONS", "MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION",
  "RECORD_NOTIFICATION",
];

/** `POST …/webhooks`: target ≤742 characters, not on Sinch's own API host, known triggers. */
export function webhook(body) {
  object(body, "body", ["id", "app_id", "target", "target_type", "triggers", "secret", "client_credentials"]);
  string(body.app_id, "app_id");
  url(body.target, "target");
  string(body.target, "target", { max: 742 });
  if (/^conversation-api\.[^.]+\.sinch\.com$/i.test(new URL(body.target).hostname)) fail("target", "must not be on a conversation-api.*.sinch.com host");
  oneOf(body.target_type, "target_type", ["HTTP", "DISMISS"], { required: false });
  array(body.triggers, "triggers", { min: 1 }, (t, at) => oneOf(t, at, TRIGGERS));
  string(body.secret, "secret", { required: false, empty: true });
  const cc = object(body.client_credentials, "client_credentials", ["client_id", "client_secret", "endpoint", "scope", "response_type", "token_request_type"], { required: false });
  if (cc) for (const f of ["client_id", "client_secret", "endpoint"]) string(cc[f], `client_credentials.${f}`);
}
