import { MEDIA_FORMATS } from "./mediaFormats.js";
import type { MediaFormat, MediaKind, MediaType } from "./types.js";

/** The token metadata field a media file goes in. */
export type MediaField = "image" | "animation_url";

/** Where a media file goes, and whether it needs an image beside it. */
export interface MediaPlacement {
  readonly field: MediaField;
  /** True for `animation_url` media: marketplaces show `image` as its poster (thumbnail). */
  readonly posterRequired: boolean;
}

/**
 * Which metadata field a media format fits: images (PNG, JPEG, GIF, SVG, WEBP) go in `image`;
 * video (MP4, MOV, WEBM), audio (MP3, WAV, FLAC) and 3D models (GLB) go in `animation_url`, with a
 * poster image in `image`.
 *
 * @param media A format (`"mp4"`), a kind (`"video"`) or a detected media type.
 */
export function mediaFieldFor(media: MediaFormat | MediaKind | Pick<MediaType, "kind">): MediaPlacement {
  const kind = typeof media === "string" ? (isKind(media) ? media : MEDIA_FORMATS[media].kind) : media.kind;
  return kind === "image" ? { field: "image", posterRequired: false } : { field: "animation_url", posterRequired: true };
}

function isKind(value: MediaFormat | MediaKind): value is MediaKind {
  return value === "image" || value === "video" || value === "audio" || value === "model";
}
