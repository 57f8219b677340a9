// Calls every client method inside workerd, in order, and reports each outcome.
import { WhatsAppClient } from "sinch-whatsapp";

const TO = "+46732001122";
const IMG = "https://media.example.com/a.jpg";

/** [name, call(client, state)]; `state` carries ids from earlier answers. */
const CALLS = [
  ["send", (c, s) => c.send({ to: [TO], message: { type: "text", text: "w" } }).then((r) => (s.id = r.messages[0].id))],
  ["sendText", (c) => c.sendText(TO, "w")],
  ["sendImage", (c) => c.sendImage(TO, IMG)],
  ["sendVideo", (c) => c.sendVideo(TO, "https://media.example.com/v.mp4")],
  ["sendAudio", (c) => c.sendAudio(TO, "https://media.example.com/a.ogg")],
  ["sendDocument", (c) => c.sendDocument(TO, "https://media.example.com/d.pdf", { filename: "d.pdf" })],
  ["sendSticker", (c) => c.sendSticker(TO, "https://media.example.com/s.webp")],
  ["sendLocation", (c) => c.sendLocation(TO, { lat: 1, lng: 2 })],
  ["sendContacts", (c) => c.sendContacts(TO, [{ name: { formattedName: "Ada" } }])],
  ["sendTemplate", (c) => c.sendTemplate(TO, { templateName: "t", bodyParams: ["x"] })],
  ["sendInteractive", (c) => c.sendInteractive(TO, { type: "button", body: { text: "b" }, action: { buttons: [{ id: "1", title: "One" }] } })],
  ["markRead", (c, s) => c.markRead(s.id)],
  ["capability", (c) => c.capability([TO])],
  ["optIn", (c) => c.optIn([TO])],
  ["optOut", (c) => c.optOut([TO])],
  ["addToBlacklist", (c) => c.addToBlacklist([TO])],
  ["blacklist", (c) => c.blacklist(0)],
  ["removeFromBlacklist", (c) => c.removeFromBlacklist([TO])],
  ["addProvider", (c) => c.addProvider({ name: "cdn", bearer: "provider-secret" })],
  ["listProviders", (c) => c.listProviders()],
  ["deleteProvider", (c) => c.deleteProvider("cdn")],
  ["createStickerpack", (c, s) => c.createStickerpack({ publisher: "P", name: "N" }).then((r) => (s.pack = r.id))],
  ["listStickerpacks", (c) => c.listStickerpacks()],
  ["getStickerpack", (c, s) => c.getStickerpack(s.pack)],
  ["updateStickerpack", (c, s) => c.updateStickerpack(s.pack, { name: "M" })],
  ["createSticker", (c, s) => c.createSticker(s.pack, { url: "https://media.example.com/s.webp", emojis: ["🐥"] })],
  ["listStickers", (c, s) => c.listStickers(s.pack)],
  ["getSticker", (c, s) => c.getSticker(s.pack, 0)],
  ["updateSticker", (c, s) => c.updateSticker(s.pack, 0, { emojis: ["😃"] })],
  ["deleteSticker", (c, s) => c.deleteSticker(s.pack, 0)],
  ["deleteStickerpack", (c, s) => c.deleteStickerpack(s.pack)],
  ["callbackStatus", (c, s) => c.callbackStatus(s.id)],
  ["callbackNotifications", (c) => c.callbackNotifications({ page: 1 })],
];

export default {
  async fetch(request, env) {
    const client = new WhatsAppClient({ botId: env.BOT_ID, token: env.TOKEN, baseUrl: env.EMULATOR_URL });
    const state = {};
    const outcomes = [];
    for (const [name, call] of CALLS) {
      try {
        await call(client, state);
        outcomes.push([name, "ok"]);
      } catch (err) {
        outcomes.push([name, `${err.code}: ${err.message}`]);
      }
    }
    return Response.json(outcomes);
  },
};
