// The media preflight (js/package/preflight.js), part of the full and ./preflight entries' index.d.ts.

/**
 * Checks a `Blob` or `File` before upload: its real type from its bytes, the message type it fits, the size limits.
 * An `ArrayBuffer` or a typed array or `DataView` is checked as `validateMediaBytes` checks bytes.
 */
export declare function validateMedia(blob: Blob | ArrayBuffer | ArrayBufferView, options?: MediaOptions): Promise<MediaReport>;
/** The same check on bytes already in memory. */
export declare function validateMediaBytes(bytes: Uint8Array, options?: MediaOptions): MediaReport;
