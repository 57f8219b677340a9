export * from "./sinch_whatsapp.js";
export { SinchError, SinchErrorCode } from "./sinch_error.js";
