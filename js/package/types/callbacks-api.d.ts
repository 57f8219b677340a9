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
 * `x-sinch-webhook-signature*` (only that API's when `options.api` names it, else
 * chosen by the headers present). `true` when it
 * matches, `false` when it does not. Throws `SinchError` (`signature_invalid`,
 * `field` naming the header) when a signature header is missing or malformed, the
 * algorithm is not `HMAC_SHA_256` (standalone) or `HmacSHA256` (Conversation), or a
 * Conversation webhook's timestamp is further than `options.toleranceSeconds` from
 * `options.now` (a replayed or long-delayed callback). Pass the body exactly as
 * received: bytes are safest. `key` is the webhook's secret.
 */
export declare function verifyCallbackSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: Headers | Record<string, string | string[] | undefined> | [string, string][],
  key: string | Uint8Array | ArrayBuffer,
  options?: VerifyOptions,
): boolean;
/** Which signature form to take, and how fresh a Conversation API webhook must be. */
export interface VerifyOptions {
  /**
   * The API the callbacks come from: only its signature form is taken (a callback
   * without its headers throws `signature_invalid` naming its signature header).
   * Name it: left out, either form is taken, chosen by the headers, and the
   * standalone form has no timestamp, so a relabelled Conversation webhook could be
   * replayed later.
   */
  api?: "whatsapp" | "conversation";
  /**
   * Seconds the `x-sinch-webhook-signature-timestamp` may be from `now`, older or
   * newer (a whole number, 0 or more). Default 300. Within it, refuse a nonce seen before.
   */
  toleranceSeconds?: number;
  /** Now, as a `Date` or milliseconds since 1970 (default: the clock). */
  now?: Date | number;
}
