// Request validation as Sinch documents it (its WhatsApp API pages and whatsapp-api.yaml),
// written from the docs, independently of any client. A failed check throws
// `Invalid`, which the server answers with 400 `{ message, details }`.

export class Invalid extends Error {}

const fail = (details) => {
  throw new Invalid(details);
};
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const chars = (s) => [...s].length;

/** A string of 1..max characters (Unicode scalar values). */
export function text(value, field, max, { required = true } = {}) {
  if (value === undefined && !required) return;
  if (typeof value !== "string" || value.length === 0) fail(`Field [${field}] must be a non-empty string.`);
  if (chars(value) > max) fail(`Field [${field}] must be at most ${max} characters.`);
}

/** An MSISDN: optional +, 7..15 digits, no leading 0 (E.164). */
export function msisdn(value, field) {
  if (typeof value !== "string" || !/^\+?[1-9][0-9]{6,14}$/.test(value)) fail(`Field [${field}] is not a valid MSISDN.`);
}

/** `numbers`: 1..20 MSISDNs (opt-in, blacklist, capability). */
export function numbers(body, max = 20) {
  if (!isObject(body) || !Array.isArray(body.numbers)) fail("Field [numbers] can not be empty.");
  if (body.numbers.length < 1 || body.numbers.length > max) fail(`Field [numbers] must have 1 to ${max} elements.`);
  body.numbers.forEach((n, i) => msisdn(n, `numbers[${i}]`));
  return body.numbers;
}

function url(value, field, { required = true } = {}) {
  if (value === undefined && !required) return;
  if (typeof value !== "string" || !/^https?:\/\/[^\s/]+\S*$/i.test(value)) fail(`Field [${field}] must be a valid http(s) URL.`);
}

const MEDIA = {
  image: { caption: true },
  video: { caption: true },
  audio: { caption: false },
  document: { caption: true, filename: true },
};

function media(m, type) {
  url(m.url, "message.url");
  if (m.caption !== undefined) {
    if (!MEDIA[type].caption) fail(`Field [message.caption] is not allowed for ${type}.`);
    text(m.caption, "message.caption", 1024);
  }
  if (m.filename !== undefined && !MEDIA[type].filename) fail(`Field [message.filename] is not allowed for ${type}.`);
  provider(m.provider, "message.provider");
}

// Sinch's release note of 2020-03-10 names the rule "alphanumeric characters plus - and/or _";
// the provider page says letters: the note, which states the rule itself, is followed here.
function provider(value, field) {
  if (value !== undefined && (typeof value !== "string" || !/^[A-Za-z0-9_-]{1,200}$/.test(value))) fail(`Field [${field}] is not a valid provider name.`);
}

function template(m) {
  text(m.template_name, "message.template_name", 512);
  for (const retired of ["ttl", "params"]) if (retired in m) fail(`Field [message.${retired}] is no longer supported.`);
  if (m.language !== undefined && (typeof m.language !== "string" || !/^[a-z]{2,3}(_[a-z]{2,4})?$/i.test(m.language))) fail("Field [message.language] is not a valid language code.");
  for (const [key, max] of [["header_params", 60], ["body_params", 1024]]) {
    if (m[key] === undefined) continue;
    if (!Array.isArray(m[key]) || m[key].some((p) => typeof p !== "string")) fail(`Field [message.${key}] must be an array of strings.`);
    if (m[key].reduce((n, p) => n + chars(p), 0) > max) fail(`Field [message.${key}] is longer than ${max} characters.`);
  }
  if (m.media !== undefined) {
    if (!isObject(m.media) || !["text", "image", "video", "document"].includes(m.media.type)) fail("Field [message.media.type] must be text, image, video or document.");
    if (m.media.type !== "text") url(m.media.url, "message.media.url");
    if ("caption" in m.media) fail("Field [message.media.caption] is not allowed.");
    provider(m.media.provider, "message.media.provider");
  }
  if (m.buttons !== undefined) {
    if (!Array.isArray(m.buttons)) fail("Field [message.buttons] must be an array.");
    m.buttons.forEach((b, i) => {
      if (!isObject(b) || !["call", "url", "quick_reply"].includes(b.type)) fail(`Field [message.buttons[${i}].type] must be call, url or quick_reply.`);
      if (b.type === "url") text(b.parameter, `message.buttons[${i}].parameter`, 2000, { required: false });
      if (b.type === "quick_reply") text(b.payload, `message.buttons[${i}].payload`, 256, { required: false });
    });
  }
}

function unique(ids, field) {
  if (new Set(ids).size !== ids.length) fail(`Field [${field}] must be unique.`);
}

function header(h, field, types) {
  if (h === undefined) return;
  if (!isObject(h) || !types.includes(h.type)) fail(`Field [${field}.type] must be one of ${types.join(", ")}.`);
  if (h.type === "text") text(h.text, `${field}.text`, 60);
  else {
    url(h.url, `${field}.url`);
    provider(h.provider, `${field}.provider`);
  }
}

/** `{type: "interactive", message: {type: "button" | "list", header?, body, footer?, action}}`. */
function interactive(outer) {
  const m = outer.message;
  const at = "message.message";
  if (!isObject(m) || !["button", "list"].includes(m.type)) fail(`Field [${at}.type] must be button or list.`);
  header(m.header, `${at}.header`, m.type === "button" ? ["text", "image", "video", "document"] : ["text"]);
  text(m.body?.text, `${at}.body.text`, 1024);
  if (m.footer !== undefined) text(m.footer?.text, `${at}.footer.text`, 60);
  if (!isObject(m.action)) fail(`Field [${at}.action] can not be empty.`);
  if (m.type === "button") {
    const buttons = m.action.buttons;
    if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) fail(`Field [${at}.action.buttons] must have 1 to 3 elements.`);
    buttons.forEach((b, n) => {
      if (b?.type !== "reply") fail(`Field [${at}.action.buttons[${n}].type] must be reply.`);
      text(b.id, `${at}.action.buttons[${n}].id`, 230);
      text(b.title, `${at}.action.buttons[${n}].title`, 20);
    });
    unique(buttons.map((b) => b.id), `${at}.action.buttons[].id`);
    return;
  }
  text(m.action.button, `${at}.action.button`, 20);
  const sections = m.action.sections;
  if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) fail(`Field [${at}.action.sections] must have 1 to 10 elements.`);
  const rows = sections.flatMap((s, n) => {
    text(s?.title, `${at}.action.sections[${n}].title`, 24);
    if (!Array.isArray(s.rows) || s.rows.length < 1 || s.rows.length > 10) fail(`Field [${at}.action.sections[${n}].rows] must have 1 to 10 elements.`);
    s.rows.forEach((r, k) => {
      const f = `${at}.action.sections[${n}].rows[${k}]`;
      text(r?.id, `${f}.id`, 174);
      text(r.title, `${f}.title`, 20);
      text(r.description, `${f}.description`, 72, { required: false });
    });
    return s.rows;
  });
  if (rows.length > 10) fail(`Field [${at}.action.sections] can hold at most 10 rows in all.`);
  unique(rows.map((r) => r.id), `${at}.action.sections[].rows[].id`);
}

const MESSAGE = {
  text: (m) => text(m.text, "message.text", 4096),
  image: (m) => media(m, "image"),
  video: (m) => media(m, "video"),
  audio: (m) => media(m, "audio"),
  document: (m) => media(m, "document"),
  sticker: (m) => {
    if ((m.url === undefined) === (m.id === undefined)) fail("Exactly one of [message.url] and [message.id] must be set.");
    if (m.url !== undefined) url(m.url, "message.url");
  },
  location: (m) => {
    if (typeof m.lat !== "number" || m.lat < -90 || m.lat > 90) fail("Field [message.lat] must be between -90 and 90.");
    if (typeof m.lng !== "number" || m.lng < -180 || m.lng > 180) fail("Field [message.lng] must be between -180 and 180.");
  },
  contacts: (m) => {
    if (!Array.isArray(m.contacts) || m.contacts.length === 0) fail("Field [message.contacts] can not be empty.");
  },
  template,
  interactive,
};

/** The body of `POST /messages`. */
export function message(body) {
  if (!isObject(body)) fail("Request body must be a JSON object.");
  if (!Array.isArray(body.to) || body.to.length === 0) fail("Field [to] can not be empty.");
  if (body.to.length > 20) fail("Field [to] must have at most 20 elements.");
  body.to.forEach((n, i) => msisdn(n, `to[${i}]`));
  url(body.callback, "callback", { required: false });
  const m = body.message;
  if (!isObject(m) || !(m.type in MESSAGE)) fail("Field [message.type] must be one of " + Object.keys(MESSAGE).join(", ") + ".");
  MESSAGE[m.type](m);
}

/** `POST /provision/provider`. */
export function providerBody(body) {
  if (!isObject(body)) fail("Request body must be a JSON object.");
  provider(body.name, "name");
  if (body.name === undefined) fail("Field [name] can not be empty.");
  if (body.type !== "www") fail("Field [type] must be www.");
  const c = body.config;
  const basic = isObject(c?.basic) && typeof c.basic.username === "string" && typeof c.basic.password === "string";
  const bearer = typeof c?.bearer === "string" && c.bearer.length > 0;
  if (basic === bearer) fail("Field [config] must hold exactly one of basic {username, password} and bearer.");
}

/** Stickerpack fields (POST requires publisher and name; PATCH takes any subset). */
export function stickerpack(body, { create }) {
  if (!isObject(body)) fail("Request body must be a JSON object.");
  for (const f of ["publisher", "name"]) text(body[f], f, 128, { required: create });
  url(body.ios_app_store_link, "ios_app_store_link", { required: false });
  url(body.android_app_store_link, "android_app_store_link", { required: false });
}

/** Sticker fields: `url` required on create, at most three emojis. */
export function sticker(body, { create }) {
  if (!isObject(body)) fail("Request body must be a JSON object.");
  url(body.url, "url", { required: create });
  if (body.emojis !== undefined && (!Array.isArray(body.emojis) || body.emojis.length > 3)) fail("Field [emojis] must have at most 3 elements.");
}

export { isObject };
