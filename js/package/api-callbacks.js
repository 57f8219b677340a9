// The ./callbacks entry's public surface: parse and verify webhooks.
export { parseCallback, verifyCallbackSignature } from "./callbacks.js";
export { SinchError } from "./errors.js";
// The glue's synchronous init (a no-op once initialised).
export { initSync } from "./sinch_whatsapp.js";
