// The public surface, shared by every entry point once the wasm is initialised.
export * from "./sinch_whatsapp.js";
export { SinchError } from "./sinch_error.js";
