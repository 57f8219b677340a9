export * from "./sinch_whatsapp.js";
export * from "./preflight.js";
export { SinchError, SinchErrorCode } from "./sinch_error.js";
import type {
  CallOptions, ContactCard, ButtonMessage, ListMessage, LocationMessage, SendResult, TemplateFields,
} from "./sinch_whatsapp.js";

type Recipients = string | string[];
type Fields<M> = Omit<M, "type">;

/** Convenience senders (js/package/api.js): each builds one message and calls `send`. */
declare module "./sinch_whatsapp.js" {
  interface WhatsAppClient {
    sendImage(to: Recipients, url: string, extra?: { caption?: string; provider?: string }, options?: CallOptions): Promise<SendResult>;
    sendVideo(to: Recipients, url: string, extra?: { caption?: string; provider?: string }, options?: CallOptions): Promise<SendResult>;
    /** Audio takes no caption. */
    sendAudio(to: Recipients, url: string, extra?: { provider?: string }, options?: CallOptions): Promise<SendResult>;
    sendDocument(to: Recipients, url: string, extra?: { caption?: string; filename?: string; provider?: string }, options?: CallOptions): Promise<SendResult>;
    /** A URL of a 512×512 WebP (https, or http on loopback: anything with `:` or `/` is taken as a URL), or the id of a sticker from a stickerpack. */
    sendSticker(to: Recipients, urlOrId: string, options?: CallOptions): Promise<SendResult>;
    sendLocation(to: Recipients, location: Fields<LocationMessage>, options?: CallOptions): Promise<SendResult>;
    sendContacts(to: Recipients, contacts: ContactCard[], options?: CallOptions): Promise<SendResult>;
    sendTemplate(to: Recipients, template: TemplateFields, options?: CallOptions): Promise<SendResult>;
    sendInteractive(to: Recipients, message: ButtonMessage | ListMessage, options?: CallOptions): Promise<SendResult>;
  }
}
