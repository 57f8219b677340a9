// The "./preflight" entry: the media preflight and SinchError alone.
export * from "./preflight.js";
export { SinchError, SinchErrorCode } from "./sinch_error.js";
