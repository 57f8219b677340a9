// Type-checked (not run) by types.test.mjs against the installed package, in every lib and module
// resolution: the README's examples, every method's argument and result types, the inbound union.
import { SinchError, WhatsAppClient } from "sinch-whatsapp";
import { parseCallback, validateMedia, validateMediaBytes, verifyCallbackSignature } from "sinch-whatsapp";
import type { SendResult, ClientOptions, Capabilities, Providers, RetryInfo, Message, MediaReport, Callback, DeliveryReport } from "sinch-whatsapp";
import type { ConversationOptions, CapabilityRequests, StoredMessage, RecipientFailure, SinchErrorCode } from "sinch-whatsapp";
import type { InboundMessage, InboundNotification, InboundUnknown } from "sinch-whatsapp";
import { validateMedia as preflightOnly } from "sinch-whatsapp/preflight";
// @ts-expect-error renamed InboundNotification: `Notification` is the DOM's
import type { Notification } from "sinch-whatsapp";
// @ts-expect-error wasm-bindgen's glue is not public
import { initSync } from "sinch-whatsapp";
// @ts-expect-error nor are its types
import type { InitInput, InitOutput, SyncInitInput } from "sinch-whatsapp";

declare const env: { SINCH_TOKEN: string };

export async function readme(): Promise<void> {
  const wa = new WhatsAppClient({ botId: "your-bot-id", token: env.SINCH_TOKEN, region: "eu" });
  try {
    const { messages } = await wa.sendText("+46732001122", "Hello");
    const id: string = messages[0].id;
    await wa.markRead(id);
  } catch (err) {
    if (err instanceof SinchError) console.error(err.code, err.status, err.message, err.details);
  }
}

/** A stand-in for a failed call, as a test builds one: a code, a message, the other fields. */
export function standIn(): SinchError {
  // @ts-expect-error the code comes first, then the message
  new SinchError("boom");
  return new SinchError("rate_limited", "slow down", { status: 429, retryable: true, retryAfterMs: 1000 });
}

export async function everyMethod(wa: WhatsAppClient, signal: AbortSignal): Promise<void> {
  const options: ClientOptions = {
    botId: "b",
    baseUrl: "https://relay.example.com",
    retries: 3,
    maxResponseBytes: 65_536,
    onRetry: (info: RetryInfo) => info.attempt < 3,
  };
  new WhatsAppClient(options);
  const sent: SendResult = await wa.send({ to: ["+46732001122"], message: { type: "text", text: "hi", previewUrl: true } }, { signal, timeoutMs: 5000 });
  sent.messages.forEach((m) => m.state);
  const caps: Capabilities = await wa.capability(["+46732001122"]);
  caps.capabilities.forEach((c) => c.capable);
  const opt = await wa.optIn(["+46732001122"]);
  opt.optInNumbers?.length;
  await wa.optOut(["+46732001122"]);
  await wa.addToBlacklist(["+46732001122"]);
  await wa.removeFromBlacklist(["+46732001122"]);
  const page = await wa.blacklist(0);
  page.numbers.join();
  await wa.addProvider({ name: "p", basic: { username: "u", password: "p" } });
  await wa.addProvider({ name: "q", bearer: "t" });
  const providers: Providers = await wa.listProviders(undefined);
  providers.providers.forEach((p) => p.auth);
  await wa.deleteProvider("p");
  const { id } = await wa.createStickerpack({ publisher: "P", name: "N" });
  await wa.updateStickerpack(id, { name: "M" });
  (await wa.listStickerpacks("third_party")).stickerpacks.map((p) => p.id);
  (await wa.getStickerpack(id, undefined)).publisher;
  const { index } = await wa.createSticker(id, { url: "https://e.com/s.webp", emojis: ["🐥"] });
  (await wa.listStickers(id, undefined)).stickers.map((s) => s.index);
  (await wa.getSticker(id, index, undefined)).emojis;
  await wa.updateSticker(id, 0, { emojis: ["😃"] });
  await wa.deleteSticker(id, index);
  await wa.deleteStickerpack(id);
  const json: { botId: string; baseUrl: string; token: string | null } = wa.toJSON();
  json.token;
  (await wa.callbackStatus("id")).results.forEach((c: Callback) => c.statuses.map((s) => (s.kind === "invalid" ? s.error.field : s.state)));
  (await wa.callbackNotifications({ from: "+46732001122", pageSize: 50 })).results.length;
}

export async function optionalArguments(wa: WhatsAppClient, to: string): Promise<void> {
  (await wa.blacklist()).numbers;
  (await wa.callbackNotifications()).results;
  (await wa.listProviders()).providers;
  (await wa.listStickerpacks()).stickerpacks;
  (await wa.getStickerpack("p")).name;
  (await wa.listStickers("p")).stickers;
  (await wa.getSticker("p", 0)).id;
  await wa.sendImage(to, "https://e.com/a.jpg");
  await wa.sendDocument(to, "https://e.com/d.pdf", undefined, { timeoutMs: 1000 });
  // @ts-expect-error a read receipt needs the message id
  await wa.markRead();
  // @ts-expect-error a blacklist page is a number
  await wa.blacklist("1");
  // @ts-expect-error the filter is an object
  await wa.callbackNotifications("+46732001122");
  // @ts-expect-error an unknown filter field
  await wa.callbackNotifications({ sender: "+46732001122" });
}

/** `api: "conversation"`: its options, and the results that differ (the class is generic over the options). */
export async function conversation(env: { KEY_ID: string; KEY_SECRET: string }): Promise<void> {
  const wa = new WhatsAppClient({ api: "conversation", projectId: "p", appId: "a", keyId: env.KEY_ID, keySecret: env.KEY_SECRET, region: "br" });
  const sent: SendResult = await wa.sendText("+46732001122", "Hello");
  sent.failed?.forEach((f: RecipientFailure) => f.error.code === "bad_request" && f.recipient);
  const caps: CapabilityRequests = await wa.capability(["+46732001122"]);
  const requestIds: string[] = caps.requests.map((r) => r.requestId);
  const stored: StoredMessage = await wa.callbackStatus(sent.messages[0].id);
  const raw: Record<string, unknown> = stored.message.raw;
  const project: string = wa.projectId;
  const summary: { keySecret: string | null } = wa.toJSON();
  const code: SinchErrorCode = "unsupported";
  // @ts-expect-error its capability is asynchronous: no `capabilities`
  (await wa.capability(["+46732001122"])).capabilities;
  // @ts-expect-error a conversation client has no bot id
  const bot: string = wa.botId;
  const relay: ConversationOptions = { api: "conversation", projectId: "p", appId: "a", baseUrl: "https://relay.example", auth: "oauth2" };
  new WhatsAppClient(relay);
  // @ts-expect-error botId is only for api: "whatsapp"
  new WhatsAppClient({ api: "conversation", projectId: "p", appId: "a", botId: "b" });
  // @ts-expect-error appId is only for api: "conversation"
  new WhatsAppClient({ botId: "b", token: "t", appId: "a" });
  // @ts-expect-error "br" is a Conversation API region only
  new WhatsAppClient({ botId: "b", token: "t", region: "br" });
  // @ts-expect-error a conversation client needs its app
  new WhatsAppClient({ api: "conversation", projectId: "p" });
  console.log(requestIds, raw, project, summary, code, bot);
}

/** Narrowing on `type` gives each member's fields; an unknown type is `type: "unknown"`. */
export function inbound(notification: InboundNotification): string {
  const m: InboundMessage = notification.message;
  // @ts-expect-error an unknown wire type is never `type` itself: it is `rawType` of `type: "unknown"`
  if (m.type === "order") return "";
  switch (m.type) {
    case "text": {
      const body: string = m.body;
      // @ts-expect-error a text message has no typed latitude
      const latitude: number = m.latitude;
      return body + latitude;
    }
    case "location": {
      const at: [number, number] = [m.latitude, m.longitude];
      return `${at} ${m.name ?? ""}`;
    }
    case "button":
      return m.payload ?? m.text ?? "";
    case "interactive": {
      const reply = m.message;
      if (reply.type === "button") return reply.id + reply.title;
      if (reply.type === "list") return reply.description ?? reply.title;
      if (reply.type === "choice") return reply.id + (reply.messageId ?? "");
      const unknown: InboundUnknown = reply;
      return unknown.rawType;
    }
    case "contacts":
      return m.contacts.map((card) => card.phones[0]?.waId ?? "").join();
    case "image": case "document": case "audio": case "video": case "voice": case "sticker": {
      const url: string = m.url;
      return `${m.mimeType} ${url} ${m.caption ?? ""} ${m.metadata?.emojis.join() ?? ""}`;
    }
    case "error":
      return m.details ?? "";
    case "media": case "media_card": {
      // @ts-expect-error the Conversation API sends no MIME type
      const mime: string = m.mimeType;
      return `${m.url} ${m.thumbnailUrl ?? m.caption ?? ""} ${mime}`;
    }
    case "product_response":
      return m.products.map((p) => `${p.id} ${p.quantity} ${p.itemPrice}`).join() + (m.catalogId ?? "");
    case "fallback":
      return `${m.rawMessage} ${m.reason?.code}`;
    case "channel_specific":
      return m.messageType;
    case "unknown": {
      // A Conversation API `contact_message` of an unknown kind has no `type`.
      const wire: string = m.raw.type ?? "";
      // @ts-expect-error an unknown message has no typed fields but `rawType` and `raw`
      m.body;
      return m.rawType + wire;
    }
    default: {
      const exhaustive: never = m;
      return exhaustive;
    }
  }
}

export async function everyMessage(wa: WhatsAppClient): Promise<SendResult[]> {
  const to = "+46732001122";
  const messages: Message[] = [
    { type: "image", url: "https://e.com/a.jpg", caption: "c" },
    { type: "sticker", id: "s1" },
    { type: "location", lat: 1, lng: 2 },
    { type: "template", templateName: "t", bodyParams: ["x"], media: { type: "text" }, buttons: [{ type: "call" }] },
    { type: "interactive", message: { type: "list", body: { text: "b" }, action: { button: "Open", sections: [{ title: "S", rows: [{ id: "r", title: "R" }] }] } } },
  ];
  return Promise.all([
    ...messages.map((message) => wa.send({ to: [to], message })),
    wa.sendImage(to, "https://e.com/a.jpg", { caption: "c" }),
    wa.sendVideo([to], "https://e.com/v.mp4"),
    wa.sendAudio(to, "https://e.com/a.ogg", undefined, { timeoutMs: 1000 }),
    wa.sendDocument(to, "https://e.com/d.pdf", { filename: "d.pdf" }),
    wa.sendSticker(to, "https://e.com/s.webp"),
    wa.sendLocation(to, { lat: 1, lng: 2, name: "Here" }),
    wa.sendContacts(to, [{ name: { formattedName: "Ada" } }]),
    wa.sendTemplate(to, { templateName: "t", language: "en" }),
    wa.sendInteractive(to, { type: "button", body: { text: "b" }, action: { buttons: [{ id: "1", title: "One" }] } }),
  ]);
}

export async function preflightAndCallbacks(file: File, body: Uint8Array, headers: Headers): Promise<boolean> {
  const report: MediaReport = await validateMedia(file, { as: "image" });
  report.issues.forEach((i) => i.code === "media_too_large" && i.severity === "error");
  (await preflightOnly(file)).ok;
  validateMediaBytes(body, { declaredType: "image/png", fileName: "a.png" }).mimeType;
  const event: Callback = parseCallback(body);
  event.notifications.forEach((n) => (n.kind === "invalid" ? n.raw : n.message.type));
  const reports: DeliveryReport[] = event.statuses.filter((s): s is DeliveryReport => s.kind !== "invalid");
  reports.forEach((s) => s.messageId);
  event.contacts.forEach((c) => c.kind === "invalid" && c.error.code === "invalid_callback");
  return verifyCallbackSignature(body, headers, "key");
}

export async function conversationExtras(wa: WhatsAppClient): Promise<void> {
  const message: Message = { type: "text", text: "hi" };
  await wa.send({
    to: ["+46732001122"], message, correlationId: "order-7", ttl: 3600,
    channelSpecificMessage: {
      messageType: "FLOWS",
      message: { flowId: "f1", flowCta: "Book", flowMode: "draft", flowAction: "navigate", flowActionPayload: { screen: "S1", data: { a: 1 } }, header: { type: "image", image: { link: "https://e.com/i.png" } }, body: { text: "b" } },
    },
  });
  await wa.send({ to: ["+46732001122"], message, channelSpecificMessage: { messageType: "ORDER_STATUS", message: { reference_id: "r1" } } });
  // @ts-expect-error a flow is written camelCase (flowId), like every other field
  await wa.send({ to: ["+46732001122"], message, channelSpecificMessage: { messageType: "FLOWS", message: { flow_id: "f1", flowCta: "Go" } } });
  // @ts-expect-error only the three WhatsApp message types
  await wa.send({ to: ["+46732001122"], message, channelSpecificMessage: { messageType: "PAYMENT", message: {} } });
}
