// The media preflight's options and report, part of the full and ./preflight entries' index.d.ts.
/** The WhatsApp message types a file can be sent as. */
export type MediaMessageType = "image" | "video" | "audio" | "document" | "sticker";
/** Options of `validateMedia` and `validateMediaBytes`; all optional. */
export interface MediaOptions {
  /** The message type the file is meant for; left out, the best fit is picked. */
  as?: MediaMessageType;
  /** The MIME type the file claims; defaults to `blob.type`. Compared with the content. */
  declaredType?: string;
  /** The file name; defaults to `file.name`. Its extension is compared with the content. */
  fileName?: string;
}
export type MediaIssueCode =
  | "media_empty" | "media_unsupported_type" | "media_type_mismatch" | "media_extension_mismatch"
  | "media_too_large" | "media_size_ambiguous" | "media_over_processing_limit" | "media_truncated"
  | "media_sticker_dimensions" | "media_sticker_too_large"
  | "media_video_codec" | "media_audio_codec" | "media_image_codec" | "media_not_for_type"
  | "media_text_encoding" | "media_leading_data" | "media_trailing_data" | "media_encrypted"
  | "media_macro_enabled" | "media_not_fully_checked";
/** One finding: an error blocks sending, a warning does not. */
export interface MediaIssue { code: MediaIssueCode; severity: "error" | "warning"; message: string }
/** The preflight verdict. */
export interface MediaReport {
  /** No issue of severity "error". */
  ok: boolean;
  /** The message type it fits (the one asked for, or the best fit); null when none. */
  messageType: MediaMessageType | null;
  /** The type sniffed from the content; null when not recognised. */
  mimeType: string | null;
  /** The type the caller or the browser declared. */
  declaredMimeType: string | null;
  /** Bytes. */
  size: number;
  issues: MediaIssue[];
  /** What the sniffers measured, where it applies. */
  details: { width?: number; height?: number; animated?: boolean; videoCodec?: string; audioCodec?: string };
}
