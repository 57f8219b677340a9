// The public surface, shared by every entry point once the wasm is initialised.
import * as glue from "./sinch_whatsapp.js";
import { SinchError } from "./sinch_error.js";

export * from "./sinch_whatsapp.js";
export { SinchError } from "./sinch_error.js";

// Convenience senders: each builds one message object and calls `send`, where the
// Rust core validates it. (The preflight-only build has no client.)
const list = (to) => (Array.isArray(to) ? to : [to]);
// The call options come right after the arguments `fields` takes.
// Like every method, a sender never throws: a value that cannot even be read (a
// throwing getter, a Proxy) rejects with a SinchError.
const sender = (type, fields) =>
  function (to, ...args) {
    let request;
    try {
      request = { to: list(to), message: { type, ...fields(...args) } };
    } catch {
      const error = new SinchError("invalid_argument", `message: the ${type} message could not be read`, { field: "message" });
      return Promise.reject(error);
    }
    return this.send(request, args[fields.length]);
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
