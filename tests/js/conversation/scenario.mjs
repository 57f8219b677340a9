// What the Conversation API suites share in Node, workerd and Chromium: the
// emulator's project, a client for it, and the methods that have no equivalent.

/** The emulator's Conversation API project, app and key (its defaults). */
export const CONVERSATION = { projectId: "project-1", appId: "app-1", keyId: "key-1", keySecret: "secret-1" };

/** A client of `api: "conversation"` on the emulator at `url`, `options` over the defaults. */
export function conversationClient(WhatsAppClient, url, options = {}) {
  const { projectId, appId, keyId, keySecret } = CONVERSATION;
  return new WhatsAppClient({ api: "conversation", projectId, appId, keyId, keySecret, baseUrl: url, authUrl: `${url}/oauth2/token`, ...options });
}

/** Every method with no Conversation API equivalent, with arguments it would take. */
export const UNSUPPORTED = [
  ["markRead", ["wamid.1"]],
  ["optIn", [["+46732001122"]]],
  ["optOut", [["+46732001122"]]],
  ["addToBlacklist", [["+46732001122"]]],
  ["removeFromBlacklist", [["+46732001122"]]],
  ["blacklist", []],
  ["callbackNotifications", []],
  ["addProvider", [{ name: "cdn", bearer: "t" }]],
  ["listProviders", []],
  ["deleteProvider", ["cdn"]],
  ["listStickerpacks", []],
  ["getStickerpack", ["1"]],
  ["createStickerpack", [{ publisher: "p", name: "n" }]],
  ["updateStickerpack", ["1", { name: "n" }]],
  ["deleteStickerpack", ["1"]],
  ["listStickers", ["1"]],
  ["getSticker", ["1", 0]],
  ["createSticker", ["1", { url: "https://x.example/s.webp" }]],
  ["updateSticker", ["1", 0, { emojis: [] }]],
  ["deleteSticker", ["1", 0]],
];
