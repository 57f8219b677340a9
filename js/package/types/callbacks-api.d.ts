// The callback functions (js/package/callbacks.js), part of the full and ./callbacks entries' index.d.ts.

/**
 * Parses a callback body (the raw text, or its bytes) into typed delivery reports,
 * contacts and inbound notifications; a malformed entry stays in its place as an
 * `InvalidEntry`. Throws `SinchError` (`invalid_callback`) only when the body is not
 * a Sinch WhatsApp callback at all.
 */
export declare function parseCallback(rawBody: string | Uint8Array | ArrayBuffer): Callback;
/**
 * Checks the HMAC-SHA256 signature Sinch puts on a callback: the standalone API's
 * `sinch-whatsapp-callback-signature*` headers, or the Conversation API's
 * `x-sinch-webhook-signature*` (chosen by the headers present). `true` when it
 * matches, `false` when it does not. Throws `SinchError` (`signature_invalid`,
 * `field` naming the header) when a signature header is missing or malformed, the
 * algorithm is not `HMAC_SHA_256` (standalone) or `HmacSHA256` (Conversation), or a
 * Conversation webhook's timestamp is further than `options.toleranceSeconds` from
 * `options.now` (a replayed or long-delayed callback). Pass the body exactly as
 * received: bytes are safest. `key` is the webhook's secret.
 */
export declare function verifyCallbackSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: Headers | Record<string, string | string[]> | [string, string][],
  key: string | Uint8Array | ArrayBuffer,
  options?: VerifyOptions,
): boolean;
/** How fresh a Conversation API webhook must be (the standalone form has no timestamp). */
export interface VerifyOptions {
  /**
   * Seconds the `x-sinch-webhook-signature-timestamp` may be from `now`, older or
   * newer (a whole number, 0 or more). Default 300. Within it, refuse a nonce seen before.
   */
  toleranceSeconds?: number;
  /** Now, as a `Date` or milliseconds since 1970 (default: the clock). */
  now?: Date | number;
}
