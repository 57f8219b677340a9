// The public surface, shared by every entry point once the wasm is initialised.
import * as glue from "./sinch_whatsapp.js";
import { SinchError } from "./sinch_error.js";

export * from "./sinch_whatsapp.js";
export { SinchError } from "./sinch_error.js";
export { validateMedia, validateMediaBytes } from "./preflight.js";

// Convenience senders: each builds one message object and calls `send`, where the
// Rust core validates it. (The preflight-only build has no client.)
const refused = (field, rule) => new SinchError("invalid_argument", `${field}: ${rule}`, { field });
const list = (to) => (Array.isArray(to) ? to : [to]);
// The call options come right after the arguments `fields` takes.
// Like every method, a sender never throws: a value that cannot even be read (a
// throwing getter, a Proxy) rejects with a SinchError.
const sender = (type, fields) =>
  function (to, ...args) {
    let request;
    try {
      const message = fields(...args);
      // The helper's own type wins; another one given in its fields is refused, not obeyed.
      if (Object.hasOwn(message, "type") && message.type !== type) {
        return Promise.reject(refused("message.type", `this helper sends only ${type} messages; use send for another type`));
      }
      request = { to: list(to), message: { ...message, type } };
    } catch {
      return Promise.reject(refused("message", `the ${type} message could not be read`));
    }
    return this.send(request, args[fields.length]);
  };
const byUrl = (url, extra) => ({ url, ...extra });
// A reference with ":" or "/" is a URL (which must be https, or http on loopback);
// anything else is the id of a stickerpack's sticker.
const sticker = (urlOrId) => (typeof urlOrId === "string" && /[:/]/.test(urlOrId) ? { url: urlOrId } : { id: urlOrId });

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
