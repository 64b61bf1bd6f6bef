import type { MediaFormat, MediaType } from "./types.js";

/** Every supported media format: MIME type, kind, canonical extension. */
export const MEDIA_FORMATS: { readonly [F in MediaFormat]: MediaType & { readonly format: F } } = {
  png: { format: "png", mimeType: "image/png", kind: "image", extension: "png" },
  jpeg: { format: "jpeg", mimeType: "image/jpeg", kind: "image", extension: "jpg" },
  gif: { format: "gif", mimeType: "image/gif", kind: "image", extension: "gif" },
  svg: { format: "svg", mimeType: "image/svg+xml", kind: "image", extension: "svg" },
  webp: { format: "webp", mimeType: "image/webp", kind: "image", extension: "webp" },
  mp4: { format: "mp4", mimeType: "video/mp4", kind: "video", extension: "mp4" },
  mov: { format: "mov", mimeType: "video/quicktime", kind: "video", extension: "mov" },
  webm: { format: "webm", mimeType: "video/webm", kind: "video", extension: "webm" },
  mp3: { format: "mp3", mimeType: "audio/mpeg", kind: "audio", extension: "mp3" },
  wav: { format: "wav", mimeType: "audio/wav", kind: "audio", extension: "wav" },
  flac: { format: "flac", mimeType: "audio/flac", kind: "audio", extension: "flac" },
  glb: { format: "glb", mimeType: "model/gltf-binary", kind: "model", extension: "glb" },
};

/** The supported formats, images first. */
export const SUPPORTED_MEDIA_FORMATS = Object.keys(MEDIA_FORMATS) as readonly MediaFormat[];

/** File name extensions (lowercase, no dot) and the format each names. */
export const MEDIA_EXTENSIONS: Readonly<Record<string, MediaFormat>> = {
  png: "png",
  apng: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  jpe: "jpeg",
  jfif: "jpeg",
  gif: "gif",
  svg: "svg",
  webp: "webp",
  mp4: "mp4",
  m4v: "mp4",
  mov: "mov",
  qt: "mov",
  webm: "webm",
  mp3: "mp3",
  wav: "wav",
  wave: "wav",
  flac: "flac",
  glb: "glb",
};

/** A one-line list for messages: `PNG, JPEG, GIF, SVG, WEBP (images); MP4, MOV, WEBM (video); …`. */
export function describeSupportedFormats(): string {
  const groups: Array<[string, string]> = [
    ["image", "images"],
    ["video", "video"],
    ["audio", "audio"],
    ["model", "3D"],
  ];
  return groups
    .map(([kind, label]) => {
      const names = SUPPORTED_MEDIA_FORMATS.filter((f) => MEDIA_FORMATS[f].kind === kind).map((f) => f.toUpperCase());
      return `${names.join(", ")} (${label})`;
    })
    .join("; ");
}
