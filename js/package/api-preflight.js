// The ./preflight entry's public surface: the media preflight.
export { validateMedia, validateMediaBytes } from "./preflight.js";
export { SinchError } from "./errors.js";
// The glue's synchronous init (a no-op once initialised): tests reach the wasm memory through it.
export { initSync } from "./sinch_whatsapp.js";
