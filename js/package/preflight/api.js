// The public surface of the "./preflight" entry (pkg/preflight/): the media preflight and
// SinchError, nothing of the client or the callbacks. Its index.js, node.js and workerd.js
// are the full entry's (they initialise the wasm and re-export this file).
export { validateMedia, validateMediaBytes } from "./preflight.js";
export { SinchError } from "./errors.js";
