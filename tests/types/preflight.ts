// Type-checked by types.test.mjs against the installed package's ./preflight entry alone (nothing
// here imports the full entry): it declares the media preflight and SinchError, and no client.
import { SinchError, validateMedia, validateMediaBytes } from "sinch-whatsapp/preflight";
import type {
  MediaIssue, MediaIssueCode, MediaMessageType, MediaOptions, MediaReport, SinchErrorCode,
} from "sinch-whatsapp/preflight";
// @ts-expect-error the client is not in the preflight entry
import { WhatsAppClient } from "sinch-whatsapp/preflight";
// @ts-expect-error nor are callbacks
import { parseCallback } from "sinch-whatsapp/preflight";
// @ts-expect-error nor the client's types
import type { ClientOptions, CallOptions } from "sinch-whatsapp/preflight";
// @ts-expect-error nor the callback's types
import type { Callback } from "sinch-whatsapp/preflight";

export async function preflight(file: File, bytes: Uint8Array): Promise<MediaMessageType | null> {
  const options: MediaOptions = { as: "sticker", declaredType: "image/webp", fileName: "s.webp" };
  try {
    const report: MediaReport = await validateMedia(file, options);
    const again: MediaReport = validateMediaBytes(bytes, { as: report.messageType ?? undefined });
    // validateMedia takes the bytes too: an ArrayBuffer, a typed array, a DataView.
    const views: MediaReport[] = await Promise.all([
      validateMedia(await file.arrayBuffer()), validateMedia(bytes), validateMedia(new DataView(bytes.buffer)),
    ]);
    // @ts-expect-error but not a string
    await validateMedia("photo.jpg");
    const codes: MediaIssueCode[] = again.issues.map((issue: MediaIssue) => issue.code);
    const blocking = again.issues.filter((issue) => issue.severity === "error");
    console.log(views.length, report.ok, report.mimeType, report.declaredMimeType, report.size, report.details.width, codes, blocking);
    return report.messageType;
  } catch (err) {
    if (err instanceof SinchError) {
      const code: SinchErrorCode = err.code;
      console.error(code, err.field, err.retryable);
    }
    return null;
  }
}
