// The full entry's public surface: the client, the callbacks and the media
// preflight (api-callbacks.js and api-preflight.js are the other entries'). Nothing
// here touches the wasm until it is called.
export { WhatsAppClient } from "./client.js";
export { SinchError } from "./errors.js";
// The glue's synchronous init (a no-op once initialised): tests reach the wasm memory through it.
export { initSync } from "./sinch_whatsapp.js";
export { parseCallback, verifyCallbackSignature } from "./callbacks.js";
export { validateMedia, validateMediaBytes } from "./preflight.js";
