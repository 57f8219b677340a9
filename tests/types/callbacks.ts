// Type-checked by types.test.mjs against the installed package's ./callbacks entry: it
// declares parse and verify, their types and SinchError, and no client or preflight.
import { SinchError, parseCallback, verifyCallbackSignature } from "sinch-whatsapp/callbacks";
import type { Callback, DeliveryReport, InboundNotification, InvalidEntry, SinchErrorCode } from "sinch-whatsapp/callbacks";
// @ts-expect-error the client is not in the callbacks entry
import { WhatsAppClient } from "sinch-whatsapp/callbacks";
// @ts-expect-error nor is the preflight
import { validateMedia } from "sinch-whatsapp/callbacks";
// @ts-expect-error nor the client's types
import type { ClientOptions } from "sinch-whatsapp/callbacks";

export function receive(body: Uint8Array, headers: Headers, key: string): DeliveryReport[] {
  try {
    if (!verifyCallbackSignature(body, headers, key)) return [];
    const callback: Callback = parseCallback(body);
    // A malformed entry stays in its place, as `kind: "invalid"`.
    return callback.statuses.filter((s): s is DeliveryReport => (s as InvalidEntry).kind !== "invalid");
  } catch (err) {
    if (err instanceof SinchError) {
      const code: SinchErrorCode = err.code;
      console.error(code, err.field);
    }
    return [];
  }
}

/** The texts of a callback's well-formed text messages. */
export function texts(callback: Callback): string[] {
  return callback.notifications
    .filter((n): n is InboundNotification => n.kind !== "invalid")
    .flatMap((n) => (n.message.type === "text" ? [n.message.body] : []));
}

/** A Conversation API webhook within 10 minutes of now, and what it carries. */
export function conversation(body: Uint8Array, headers: Headers, secret: string): string {
  if (!verifyCallbackSignature(body, headers, secret, { api: "conversation", toleranceSeconds: 600, now: new Date() })) return "";
  verifyCallbackSignature(body, headers, secret, { api: "whatsapp" });
  // @ts-expect-error an unknown option
  verifyCallbackSignature(body, headers, secret, { tolerance: 600 });
  // @ts-expect-error an API that is neither
  verifyCallbackSignature(body, headers, secret, { api: "sms" });
  // Node's `request.headers` (`IncomingHttpHeaders`: a value may be missing).
  const nodeHeaders: { [name: string]: string | string[] | undefined } = { "x-sinch-webhook-signature": undefined };
  verifyCallbackSignature(body, nodeHeaders, secret, { api: "conversation" });
  const cb = parseCallback(body);
  if (cb.api !== "conversation") return "";
  const report = cb.statuses[0];
  if (report && report.kind !== "invalid") return `${report.state} ${report.conversationStatus} ${report.reason?.code} ${report.correlationId}`;
  return cb.unknown?.rawType ?? "";
}
