// The API routes under /whatsapp/v1/{bot-id}, answering as Sinch's docs describe,
// with per-bot state (opt-ins, blacklist, providers, stickerpacks).
import { randomBytes, randomUUID } from "node:crypto";
import * as check from "./validate.mjs";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A 26-character Crockford base32 id, the shape of Sinch's message ids (a ULID). */
export function messageId(now = Date.now()) {
  let time = "";
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join("");
}

const BLACKLIST_PAGE = 100;

/** One bot's state. */
class Bot {
  optedIn = new Set();
  blacklist = [];
  providers = new Map();
  stickerpacks = new Map();
}

/** A JSON answer: `[status, body]`; `body` undefined means an empty body. */
const answer = (status, body) => [status, body];
const notFound = (what) => answer(404, { message: "Not found", details: `${what} does not exist.` });

/**
 * The route table: `[method, pattern, handler(ctx)]`. Patterns match the path after
 * /whatsapp/v1/{bot-id}; captured groups are decoded and passed as `ctx.params`.
 */
const ROUTES = [
  ["POST", /^\/messages$/, ({ body, emu, botId }) => {
    check.message(body);
    const messages = body.to.map((recipient) => ({ id: messageId(), recipient }));
    emu.callbacks.reportDelivery(botId, messages, body.callback);
    const statuses = messages.map(({ id, recipient }) => ({ message_id: id, recipient, status: "success", state: "queued" }));
    return answer(201, { type: "whatsapp", statuses });
  }],
  ["POST", /^\/events$/, ({ body }) => {
    if (!check.isObject(body) || body.type !== "read") throw new check.Invalid("Field [type] must be read.");
    check.text(body.message_id, "message_id", 64);
    return answer(201, undefined);
  }],
  ["POST", /^\/capability$/, ({ body }) => {
    const numbers = check.numbers(body);
    return answer(200, { capabilities: numbers.map((msisdn) => ({ msisdn, capable: true })) });
  }],
  ["POST", /^\/provision\/optin$/, ({ bot, body }) => {
    check.numbers(body).forEach((n) => bot.optedIn.add(n));
    return answer(200, undefined);
  }],
  ["DELETE", /^\/provision\/optin$/, ({ bot, body }) => {
    check.numbers(body).forEach((n) => bot.optedIn.delete(n));
    return answer(200, undefined);
  }],
  ["POST", /^\/provision\/blacklist$/, ({ bot, body }) => {
    for (const n of check.numbers(body)) if (!bot.blacklist.includes(n)) bot.blacklist.push(n);
    return answer(200, undefined);
  }],
  ["DELETE", /^\/provision\/blacklist$/, ({ bot, body }) => {
    const drop = new Set(check.numbers(body));
    bot.blacklist = bot.blacklist.filter((n) => !drop.has(n));
    return answer(200, undefined);
  }],
  ["GET", /^\/provision\/blacklist$/, ({ bot, query }) => {
    const page = query.page === undefined ? 0 : Number(query.page);
    if (!Number.isInteger(page) || page < 0) throw new check.Invalid("Parameter [page] must be a non-negative integer.");
    return answer(200, { numbers: bot.blacklist.slice(page * BLACKLIST_PAGE, (page + 1) * BLACKLIST_PAGE) });
  }],
  ["GET", /^\/callbacks\/status\/([^/]+)$/, ({ emu, botId, params: [messageId] }) =>
    answer(200, { results: emu.callbacks.query(botId, { kind: "status", messageId }) })],
  ["GET", /^\/callbacks\/notifications$/, ({ emu, botId, query }) => {
    const time = (name) => {
      if (query[name] === undefined) return undefined;
      const t = Date.parse(query[name]);
      if (Number.isNaN(t)) throw new check.Invalid(`Parameter [${name}] must be an ISO-8601 datetime.`);
      return t;
    };
    const positive = (name, fallback) => {
      const n = query[name] === undefined ? fallback : Number(query[name]);
      if (!Number.isInteger(n) || n < 1) throw new check.Invalid(`Parameter [${name}] must be a positive integer.`);
      return n;
    };
    const [page, size] = [positive("page", 1), positive("page_size", 20)];
    if (query.from !== undefined) check.msisdn(query.from, "from");
    const all = emu.callbacks.query(botId, { kind: "notification", from: query.from, start: time("start_time"), end: time("end_time") });
    return answer(200, { results: all.slice((page - 1) * size, page * size) });
  }],
  ["POST", /^\/provision\/provider$/, ({ bot, body }) => {
    check.providerBody(body);
    bot.providers.set(body.name, { name: body.name, type: body.type, config: body.config });
    return answer(200, undefined);
  }],
  ["GET", /^\/provision\/provider$/, ({ bot }) =>
    answer(200, { settings: { application: { media: { providers: [...bot.providers.values()] } } } })],
  ["DELETE", /^\/provision\/provider\/([^/]+)$/, ({ bot, params: [name] }) =>
    bot.providers.delete(name) ? answer(200, undefined) : notFound(`Provider ${name}`)],
  ["GET", /^\/stickerpacks$/, ({ bot, query }) => {
    const ns = namespace(query);
    const packs = ns === "whatsapp" ? [] : [...bot.stickerpacks.keys()].map((id) => ({ id }));
    return answer(200, { stickerpacks: packs });
  }],
  ["POST", /^\/stickerpacks$/, ({ bot, body }) => {
    check.stickerpack(body, { create: true });
    const id = randomUUID();
    bot.stickerpacks.set(id, { fields: pick(body, PACK_FIELDS), stickers: [] });
    return answer(201, { id });
  }],
  ["GET", /^\/stickerpacks\/([^/]+)$/, ({ bot, query, params: [id] }) => {
    namespace(query);
    const pack = bot.stickerpacks.get(id);
    return pack ? answer(200, pack.fields) : notFound(`Stickerpack ${id}`);
  }],
  ["PATCH", /^\/stickerpacks\/([^/]+)$/, ({ bot, body, params: [id] }) => {
    check.stickerpack(body, { create: false });
    const pack = bot.stickerpacks.get(id);
    if (!pack) return notFound(`Stickerpack ${id}`);
    Object.assign(pack.fields, pick(body, PACK_FIELDS));
    return answer(200, undefined);
  }],
  ["DELETE", /^\/stickerpacks\/([^/]+)$/, ({ bot, params: [id] }) =>
    bot.stickerpacks.delete(id) ? answer(200, undefined) : notFound(`Stickerpack ${id}`)],
  ["GET", /^\/stickerpacks\/([^/]+)\/stickers$/, ({ bot, query, params: [id] }) => {
    namespace(query);
    const pack = bot.stickerpacks.get(id);
    if (!pack) return notFound(`Stickerpack ${id}`);
    return answer(200, { stickers: live(pack).map(([, index]) => ({ index: String(index) })) });
  }],
  ["POST", /^\/stickerpacks\/([^/]+)\/stickers$/, ({ bot, body, params: [id] }) => {
    check.sticker(body, { create: true });
    const pack = bot.stickerpacks.get(id);
    if (!pack) return notFound(`Stickerpack ${id}`);
    pack.stickers.push({ id: randomUUID(), url: body.url, emojis: body.emojis ?? [] });
    return answer(201, { index: String(pack.stickers.length - 1) });
  }],
  ["GET", /^\/stickerpacks\/([^/]+)\/stickers\/([^/]+)$/, ({ bot, query, params: [id, index] }) => {
    namespace(query);
    const sticker = findSticker(bot, id, index);
    return sticker ? answer(200, { id: sticker.id, emojis: sticker.emojis }) : notFound(`Sticker ${index}`);
  }],
  ["PATCH", /^\/stickerpacks\/([^/]+)\/stickers\/([^/]+)$/, ({ bot, body, params: [id, index] }) => {
    check.sticker(body, { create: false });
    const sticker = findSticker(bot, id, index);
    if (!sticker) return notFound(`Sticker ${index}`);
    Object.assign(sticker, pick(body, ["url", "emojis"]));
    return answer(200, undefined);
  }],
  ["DELETE", /^\/stickerpacks\/([^/]+)\/stickers\/([^/]+)$/, ({ bot, params: [id, index] }) => {
    const pack = bot.stickerpacks.get(id);
    if (!findSticker(bot, id, index)) return notFound(`Sticker ${index}`);
    pack.stickers[Number(index)] = undefined;
    return answer(200, undefined);
  }],
];

const PACK_FIELDS = ["publisher", "name", "ios_app_store_link", "android_app_store_link"];
const pick = (body, keys) => Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
const live = (pack) => pack.stickers.map((s, i) => [s, i]).filter(([s]) => s);
const findSticker = (bot, id, index) => (/^\d+$/.test(index) ? bot.stickerpacks.get(id)?.stickers[Number(index)] : undefined);

function namespace(query) {
  const ns = query.namespace ?? "third_party";
  if (!["third_party", "whatsapp"].includes(ns)) throw new check.Invalid("Parameter [namespace] must be third_party or whatsapp.");
  return ns;
}

/** The API: authorisation, routing and validation for one request. */
export class Api {
  constructor(bots) {
    this.tokens = new Map(Object.entries(bots));
    this.bots = new Map();
  }

  bot(botId) {
    if (!this.bots.has(botId)) this.bots.set(botId, new Bot());
    return this.bots.get(botId);
  }

  /** Answers `[status, body]` for `{ method, path, query, headers, body, emu }`. */
  handle(req) {
    const match = /^\/whatsapp\/v1\/([^/]+)(\/.*)$/.exec(req.path);
    if (!match) return notFound("Resource");
    const botId = decodeURIComponent(match[1]);
    const token = this.tokens.get(botId);
    if (token === undefined || req.headers.authorization !== `Bearer ${token}`) {
      return answer(401, { message: "Unauthorized", details: "Invalid bot id or token, or the bot is in another region." });
    }
    if (req.bodyError) return answer(400, { message: "Validation error", details: "Request body is not valid JSON." });
    const routes = ROUTES.filter(([, pattern]) => pattern.test(match[2]));
    const route = routes.find(([method]) => method === req.method);
    if (!route) return routes.length ? answer(405, { message: "Method not allowed", details: `${req.method} ${match[2]}` }) : notFound("Resource");
    const params = route[1].exec(match[2]).slice(1).map(decodeURIComponent);
    try {
      return route[2]({ ...req, botId, bot: this.bot(botId), params });
    } catch (err) {
      if (err instanceof check.Invalid) return answer(400, { message: "Validation error", details: err.message });
      throw err;
    }
  }

  reset() {
    this.bots.clear();
  }
}
