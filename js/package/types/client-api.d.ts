// The client class (js/package/client.js), part of the full entry's index.d.ts.
type Recipients = string | string[];
/** `C` for a client of `api: "conversation"`, else `W`. */
type ByApi<O, C, W> = O extends { api: "conversation" } ? C : W;
type Fields<M> = Omit<M, "type">;

/**
 * A client for one bot, or (`api: "conversation"`) one project's app. `toJSON`, `toString`,
 * `inspect` and errors never show the token, key secret or access token. Under
 * `api: "conversation"` a method with no equivalent rejects with `unsupported`.
 */
export declare class WhatsAppClient<O extends ClientOptions = WhatsAppOptions> {
  /** Checks the options; throws `SinchError` (`invalid_argument`) on bad ones. */
  constructor(options: O);
  /** The bot id this client sends as. */
  readonly botId: ByApi<O, undefined, string>;
  /** The project id (`api: "conversation"`). */
  readonly projectId: ByApi<O, string, undefined>;
  /** The app id (`api: "conversation"`). */
  readonly appId: ByApi<O, string, undefined>;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** A safe summary for logs and `JSON.stringify`. */
  toJSON(): ByApi<O, { api: "conversation"; projectId: string; appId: string; baseUrl: string; keySecret: string | null }, { botId: string; baseUrl: string; token: string | null }>;
  /** `WhatsAppClient(bot-id @ base-url)`, or `WhatsAppClient(project-id/app-id @ base-url)`. */
  toString(): string;

  /** Sends any message object to 1–20 recipients (`POST /messages`; under `api: "conversation"` one `messages:send` each, 4 at a time). */
  send(request: SendRequest, options?: CallOptions): Promise<SendResult>;
  /** Sends a text message: `sendText("+46732001122", "Hello")`. */
  sendText(to: Recipients, text: string, options?: CallOptions): Promise<SendResult>;
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

  /** Marks a received message as read (`POST /events`; `unsupported` under `api: "conversation"`). */
  markRead(messageId: string, options?: CallOptions): Promise<void>;
  /** Which numbers can receive WhatsApp messages (`POST /capability`; asynchronous `capability:query` per number under `api: "conversation"`). */
  capability(numbers: string[], options?: CallOptions): Promise<ByApi<O, CapabilityRequests, Capabilities>>;
  /** Opts numbers in (`POST /provision/optin`). */
  optIn(numbers: string[], options?: CallOptions): Promise<OptInResult>;
  /** Opts numbers out (`DELETE /provision/optin`). */
  optOut(numbers: string[], options?: CallOptions): Promise<OptInResult>;
  /** Blacklists numbers (`POST /provision/blacklist`). */
  addToBlacklist(numbers: string[], options?: CallOptions): Promise<void>;
  /** Takes numbers off the blacklist (`DELETE /provision/blacklist`). */
  removeFromBlacklist(numbers: string[], options?: CallOptions): Promise<void>;
  /** One page of the blacklist (`GET /provision/blacklist`). */
  blacklist(page?: number, options?: CallOptions): Promise<BlacklistPage>;

  /** The stored delivery reports of one message (`GET /callbacks/status/{id}`; the stored message, `GET …/messages/{id}`, under `api: "conversation"`). */
  callbackStatus(messageId: string, options?: CallOptions): Promise<ByApi<O, StoredMessage, CallbackStoreResults>>;
  /** Stored inbound messages (`GET /callbacks/notifications`). */
  callbackNotifications(filter?: NotificationFilter, options?: CallOptions): Promise<CallbackStoreResults>;

  /** Adds a media provider (`POST /provision/provider`). */
  addProvider(provider: ProviderInput, options?: CallOptions): Promise<void>;
  /** The media providers, without their credentials (`GET /provision/provider`). */
  listProviders(options?: CallOptions): Promise<Providers>;
  /** Deletes a media provider (`DELETE /provision/provider/{name}`). */
  deleteProvider(name: string, options?: CallOptions): Promise<void>;

  listStickerpacks(namespace?: Namespace, options?: CallOptions): Promise<StickerpackList>;
  getStickerpack(stickerpackId: string, namespace?: Namespace, options?: CallOptions): Promise<StickerpackInfo>;
  createStickerpack(fields: StickerpackFields, options?: CallOptions): Promise<{ id: string }>;
  updateStickerpack(stickerpackId: string, fields: Partial<StickerpackFields>, options?: CallOptions): Promise<void>;
  deleteStickerpack(stickerpackId: string, options?: CallOptions): Promise<void>;
  listStickers(stickerpackId: string, namespace?: Namespace, options?: CallOptions): Promise<StickerList>;
  getSticker(stickerpackId: string, index: number | string, namespace?: Namespace, options?: CallOptions): Promise<StickerInfo>;
  createSticker(stickerpackId: string, fields: StickerFields, options?: CallOptions): Promise<{ index: string }>;
  updateSticker(stickerpackId: string, index: number | string, fields: Partial<StickerFields>, options?: CallOptions): Promise<void>;
  deleteSticker(stickerpackId: string, index: number | string, options?: CallOptions): Promise<void>;
}
