// The public surface, shared by every entry point once the wasm is initialised.
import * as glue from "./sinch_whatsapp.js";

export * from "./sinch_whatsapp.js";
export { SinchError } from "./sinch_error.js";

// Convenience senders: each builds one message object and calls `send`, where the
// Rust core validates it. (The preflight-only build has no client.)
const list = (to) => (Array.isArray(to) ? to : [to]);
// The call options come right after the arguments `fields` takes.
const sender = (type, fields) =>
  function (to, ...args) {
    const options = args[fields.length];
    return this.send({ to: list(to), message: { type, ...fields(...args) } }, options);
  };
const byUrl = (url, extra) => ({ url, ...extra });
const sticker = (urlOrId) => (/^https?:\/\//i.test(urlOrId) ? { url: urlOrId } : { id: urlOrId });

if (glue.WhatsAppClient) {
  Object.assign(glue.WhatsAppClient.prototype, {
    sendImage: sender("image", byUrl),
    sendVideo: sender("video", byUrl),
    sendAudio: sender("audio", byUrl),
    sendDocument: sender("document", byUrl),
    sendSticker: sender("sticker", sticker),
    sendLocation: sender("location", (location) => location),
    sendContacts: sender("contacts", (contacts) => ({ contacts })),
    sendTemplate: sender("template", (template) => template),
    sendInteractive: sender("interactive", (message) => ({ message })),
  });
}
