// file-type is loaded on first use (a dynamic import), so `import "mintkit"` does not pay for it.
import type { FileTypeResult } from "file-type/core";
import { MetadataError } from "../errors/MetadataError.js";
import { isSvg } from "./isSvg.js";
import { describeSupportedFormats, MEDIA_EXTENSIONS, MEDIA_FORMATS, SUPPORTED_MEDIA_FORMATS } from "./mediaFormats.js";
import type { DetectedMedia, MediaFormat, MediaInput, MediaType } from "./types.js";

/** The default size limit: 100 MB (100,000,000 bytes), the media limit of the major marketplaces. */
export const DEFAULT_MAX_MEDIA_SIZE = 100_000_000;

/** Bytes read from a `Blob` to look for an SVG root element. */
const SVG_SNIFF_BYTES = 64 * 1024;

/** file-type's names for the formats mintkit supports. */
const FROM_FILE_TYPE: Readonly<Record<string, MediaFormat>> = {
  png: "png",
  apng: "png",
  jpg: "jpeg",
  gif: "gif",
  webp: "webp",
  mp4: "mp4",
  m4v: "mp4",
  mov: "mov",
  webm: "webm",
  mp3: "mp3",
  wav: "wav",
  flac: "flac",
  glb: "glb",
};

/** Extensions that name a known non-supported type, so a supported file carrying one is mislabelled. */
const OTHER_KNOWN_EXTENSIONS: ReadonlySet<string> = new Set([
  "txt", "json", "html", "htm", "xml", "csv", "md", "js", "css", "pdf", "zip", "gltf", "svgz",
  "bmp", "tif", "tiff", "ico", "avif", "heic", "heif", "psd", "mkv", "avi", "wmv", "ogg", "ogv", "oga",
  "opus", "m4a", "aac", "aiff", "aif",
]);

export interface DetectMediaTypeOptions {
  /**
   * The file's name, to check its extension against the bytes. Defaults to the `name` of a `File`.
   * An extension naming another format than the bytes is a `MEDIA_MISLABELLED` error (see
   * `allowMislabelled`); a name without an extension, or with one that names nothing known
   * (`.bin`), is not checked.
   */
  readonly fileName?: string;
  /** Largest accepted size in bytes; default {@link DEFAULT_MAX_MEDIA_SIZE} (100 MB). */
  readonly maxSize?: number;
  /** Go by the bytes when the name disagrees, and report it in `mislabelled` instead of throwing. */
  readonly allowMislabelled?: boolean;
}

/**
 * Detects a media file's format from its bytes (never from its name): PNG, JPEG, GIF, SVG, WEBP,
 * MP4, MOV, WEBM, MP3, WAV, FLAC or GLB. Browser-safe: takes bytes or a `Blob`/`File` (a `Blob` is
 * streamed, so a large file is not read into memory; its size is checked before any reading).
 *
 * @throws MetadataError
 * - `MEDIA_EMPTY`: no bytes;
 * - `MEDIA_TOO_LARGE`: over `maxSize` (default 100 MB);
 * - `MEDIA_UNSUPPORTED`: the bytes are another format (named when recognisable, e.g. PDF) or none;
 * - `MEDIA_MISLABELLED`: the file name says one format, the bytes another (both are in `details`),
 *   unless `allowMislabelled` is set.
 */
export async function detectMediaType(input: MediaInput, options: DetectMediaTypeOptions = {}): Promise<DetectedMedia> {
  const fileName = options.fileName ?? nameOf(input);
  const maxSize = options.maxSize ?? DEFAULT_MAX_MEDIA_SIZE;
  const size = isBlob(input) ? input.size : input.byteLength;
  const label = fileName ?? "The media";

  if (size === 0) {
    throw new MetadataError("MEDIA_EMPTY", `${label} is empty (0 bytes).`, {
      hint: "Check that the file was written completely, then pass its bytes again.",
      details: withName({}, fileName),
    });
  }
  if (size > maxSize) {
    // Exact byte counts when rounding would show the same figure twice ("100 MB, over the 100 MB limit").
    const [shown, limit] =
      formatSize(size) === formatSize(maxSize) ? [`${size} bytes`, `${maxSize}-byte`] : [formatSize(size), formatSize(maxSize)];
    throw new MetadataError("MEDIA_TOO_LARGE", `${label} is ${shown}, over the ${limit} limit.`, {
      hint:
        "Compress or shorten it (marketplaces refuse media over 100 MB), or raise the limit with the maxSize option " +
        "if you know where it will be shown.",
      details: withName({ size, maxSize }, fileName),
    });
  }

  const { fileTypeFromBlob, fileTypeFromBuffer, supportedExtensions } = await import("file-type/core");
  const found = isBlob(input) ? await fileTypeFromBlob(input) : await fileTypeFromBuffer(input);
  const type = await toMediaType(found, input);
  if (type === undefined) throw unsupported(found, fileName);

  const declaredExtension = extensionOf(fileName);
  const declaredFormat = declaredExtension === undefined ? undefined : MEDIA_EXTENSIONS[declaredExtension];
  const names =
    declaredExtension !== undefined &&
    (declaredFormat !== undefined || supportedExtensions.has(declaredExtension) || OTHER_KNOWN_EXTENSIONS.has(declaredExtension));
  const mislabelled = names && declaredFormat !== type.format;
  const detected: DetectedMedia = { ...type, size, ...withName({}, fileName) };
  if (!mislabelled || fileName === undefined || declaredExtension === undefined) return detected;

  if (!options.allowMislabelled) {
    const said = declaredFormat === undefined ? `.${declaredExtension}` : declaredFormat.toUpperCase();
    throw new MetadataError(
      "MEDIA_MISLABELLED",
      `${fileName} is named as ${said} but its bytes are ${type.format.toUpperCase()} (${type.mimeType}).`,
      {
        hint:
          `Rename it to ${renamed(fileName, type.extension)} (gateways and browsers take the Content-Type from the name), ` +
          "or pass allowMislabelled: true to go by the bytes.",
        details: {
          fileName,
          declaredExtension,
          ...(declaredFormat === undefined ? {} : { declaredFormat }),
          detectedFormat: type.format,
          detectedMimeType: type.mimeType,
          expectedExtension: type.extension,
        },
      },
    );
  }
  return {
    ...detected,
    mislabelled: { declaredExtension, ...(declaredFormat === undefined ? {} : { declaredFormat }) },
  };
}

async function toMediaType(found: FileTypeResult | undefined, input: MediaInput): Promise<MediaType | undefined> {
  const format = found === undefined ? undefined : FROM_FILE_TYPE[found.ext];
  if (format !== undefined) return MEDIA_FORMATS[format];
  // file-type does not detect SVG: it reports XML (with a declaration) or nothing.
  if (found !== undefined && found.ext !== "xml") return undefined;
  const head = isBlob(input)
    ? new Uint8Array(await input.slice(0, SVG_SNIFF_BYTES).arrayBuffer())
    : ArrayBuffer.isView(input)
      ? input
      : new Uint8Array(input);
  return isSvg(head) ? MEDIA_FORMATS.svg : undefined;
}

function unsupported(found: FileTypeResult | undefined, fileName: string | undefined): MetadataError<"MEDIA_UNSUPPORTED"> {
  const label = fileName ?? "The media";
  const what =
    found === undefined
      ? `${label} is not in a supported media format (its bytes match none).`
      : `${label} is ${found.ext.toUpperCase()} (${found.mime}), which is not a supported media format.`;
  return new MetadataError("MEDIA_UNSUPPORTED", what, {
    hint: `Convert it to one of: ${describeSupportedFormats()}.`,
    details: {
      ...withName({}, fileName),
      ...(found === undefined ? {} : { detectedMimeType: found.mime, detectedExtension: found.ext }),
      supported: SUPPORTED_MEDIA_FORMATS,
    },
  });
}

/** Duck-typed, so that a Blob from another realm (iframe, polyfill) is recognised too. */
function isBlob(input: MediaInput): input is Blob {
  const candidate = input as Partial<Blob>;
  return typeof candidate.size === "number" && typeof candidate.stream === "function" && typeof candidate.slice === "function";
}

function nameOf(input: MediaInput): string | undefined {
  if (!isBlob(input)) return undefined;
  const name: unknown = (input as Blob & { readonly name?: unknown }).name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/** Lowercase extension of the last path segment, without the dot; undefined when there is none. */
function extensionOf(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return undefined;
  return base.slice(dot + 1).toLowerCase();
}

function renamed(fileName: string, extension: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return `${base.slice(0, base.lastIndexOf("."))}.${extension}`;
}

function withName<T extends object>(details: T, fileName: string | undefined): T & { fileName?: string } {
  return fileName === undefined ? details : { ...details, fileName };
}

/** Decimal units, as marketplaces state their limits: 1 MB = 1,000,000 bytes. */
function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${trim(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${trim(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

const trim = (n: number): string => (Math.round(n * 10) / 10).toString();
