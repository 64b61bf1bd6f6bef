import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";
import type { MediaFormat, MetadataKind, Problem } from "../metadata/types.js";

/**
 * Typed `details` for each metadata and media error code. Browser-safe.
 * Owned by the metadata room (`src/metadata`); re-exported from `src/metadata/index.ts`.
 */
export interface MetadataErrorDetailsByCode {
  /** Metadata failed validation; `problems` lists every problem (errors and warnings) with its JSON path. */
  METADATA_INVALID: { readonly kind: MetadataKind; readonly problems: readonly Problem[] };
  /** The bytes are not one of the supported media formats. */
  MEDIA_UNSUPPORTED: {
    readonly fileName?: string;
    /** What the bytes are, when recognisable at all (e.g. `application/pdf`). */
    readonly detectedMimeType?: string;
    readonly detectedExtension?: string;
    readonly supported: readonly MediaFormat[];
  };
  /** The file name's extension says one format, the bytes say another. */
  MEDIA_MISLABELLED: {
    readonly fileName: string;
    /** The extension of `fileName`, lowercase, without the dot. */
    readonly declaredExtension: string;
    /** The supported format that extension names, if it names one. */
    readonly declaredFormat?: MediaFormat;
    readonly detectedFormat: MediaFormat;
    readonly detectedMimeType: string;
    /** The extension the file should have. */
    readonly expectedExtension: string;
  };
  /** The media is larger than the size limit. */
  MEDIA_TOO_LARGE: { readonly fileName?: string; readonly size: number; readonly maxSize: number };
  /** The media has no bytes. */
  MEDIA_EMPTY: { readonly fileName?: string };
  /** Video, audio or a 3D model goes to `animation_url` and needs an image for `image`. */
  MEDIA_POSTER_REQUIRED: { readonly format: MediaFormat };
  /** The poster given for `image` is not an image. */
  MEDIA_POSTER_NOT_IMAGE: { readonly format: MediaFormat };
  /** A token id is not an integer in [0, 2^256). */
  TOKEN_ID_INVALID: { readonly id: string; readonly reason: string };
}

export type MetadataErrorCode = keyof MetadataErrorDetailsByCode;

/** Errors of the metadata layer (`src/metadata`): validation, media detection, `{id}` substitution. */
export class MetadataError<TCode extends MetadataErrorCode = MetadataErrorCode> extends MintkitError<
  TCode,
  MetadataErrorDetailsByCode[TCode]
> {
  override name = "MetadataError";
  /** Always present on metadata errors (the constructor requires it). */
  declare readonly details: MetadataErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<MetadataErrorDetailsByCode[TCode]> & {
      readonly details: MetadataErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "README.md (Library: metadata)", ...options });
  }
}

/** True when `err` is a `MetadataError`, optionally with the given code. */
export function isMetadataError<TCode extends MetadataErrorCode>(
  err: unknown,
  code?: TCode,
): err is MetadataError<TCode> {
  return err instanceof MetadataError && (code === undefined || err.code === code);
}
