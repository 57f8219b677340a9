// The media preflight (js/package/preflight.js), in the full entry and in "./preflight".
import type { MediaOptions, MediaReport } from "./sinch_whatsapp.js";

export type {
  MediaIssue, MediaIssueCode, MediaMessageType, MediaOptions, MediaReport,
} from "./sinch_whatsapp.js";

/**
 * Checks a Blob or File (or an ArrayBuffer or typed array) before upload: its real type from
 * its bytes, the message type it fits, the size limits. Reads only a few ranges via
 * `blob.slice()`. `declaredType` defaults to `blob.type`, `fileName` to `file.name`.
 */
export function validateMedia(blob: Blob | ArrayBuffer | ArrayBufferView, options?: MediaOptions): Promise<MediaReport>;

/**
 * The same check on bytes already in memory. Only the ranges asked for are copied into wasm,
 * so a 100 MB array costs kilobytes there.
 */
export function validateMediaBytes(bytes: Uint8Array, options?: MediaOptions): MediaReport;
