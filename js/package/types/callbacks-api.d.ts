// The callback functions (js/package/callbacks.js), part of the full and ./callbacks entries' index.d.ts.

/**
 * Parses a callback body (the raw text, or its bytes) into typed delivery reports,
 * contacts and inbound notifications; a malformed entry stays in its place as an
 * `InvalidEntry`. Throws `SinchError` (`invalid_callback`) only when the body is not
 * a Sinch WhatsApp callback at all.
 */
export declare function parseCallback(rawBody: string | Uint8Array | ArrayBuffer): Callback;
/**
 * Checks the HMAC-SHA256 signature Sinch puts on a callback: `true` when it matches,
 * `false` when it does not. Throws `SinchError` (`signature_invalid`, `field` naming
 * the header) when a signature header is missing or malformed or the algorithm is not
 * `HMAC_SHA_256`. Pass the body exactly as received: bytes are safest.
 */
export declare function verifyCallbackSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: Headers | Record<string, string | string[]> | [string, string][],
  key: string | Uint8Array | ArrayBuffer,
): boolean;
