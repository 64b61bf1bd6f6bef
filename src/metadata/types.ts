import type { Address } from "viem";

/** Which metadata document a validator or builder deals with. */
export type MetadataKind = "token" | "edition" | "contract";

// ---------------------------------------------------------------------------------------------
// Problems and validation results
// ---------------------------------------------------------------------------------------------

/**
 * How bad a problem is. `error`: the document breaks the standard or will not display; validation
 * fails. `warning`: the document is valid but probably not what was meant (http:// links, camelCase
 * field names, an image that is recommended but missing); validation still succeeds.
 */
export type ProblemSeverity = "error" | "warning";

/** A stable identifier for each kind of problem, to branch on without parsing messages. */
export type ProblemCode =
  | "not_object"
  | "too_deep"
  | "too_large"
  | "required"
  | "wrong_type"
  | "empty"
  | "whitespace"
  | "uri_relative"
  | "uri_scheme"
  | "uri_insecure"
  | "uri_malformed"
  | "uri_gateway"
  | "uri_placeholder"
  | "data_uri_media_type"
  | "ipfs_cid"
  | "color"
  | "display_type"
  | "attribute_value"
  | "max_value"
  | "date_milliseconds"
  | "integer"
  | "range"
  | "address"
  | "address_checksum"
  | "duplicate"
  | "unknown_field"
  | "locale"
  | "image_recommended"
  | "image_data";

/** One problem found in a metadata document. */
export interface Problem {
  /**
   * Where: a JSON path from the document root, e.g. `attributes[2].value`, `properties["rich key"]`,
   * `collaborators[0]`. The empty string means the document itself.
   */
  readonly path: string;
  /** What is wrong and, where it helps, what to write instead. Does not repeat the path. */
  readonly message: string;
  readonly severity: ProblemSeverity;
  readonly code: ProblemCode;
}

/**
 * The result of a validator. `ok` is true when there is no `error`-level problem; warnings are then
 * in `warnings`. When `ok` is false, `problems` holds every problem found, errors and warnings (field
 * by field, in the order the standard lists the fields).
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

// ---------------------------------------------------------------------------------------------
// Metadata documents, as they appear in JSON (snake_case field names, as the standards spell them)
// ---------------------------------------------------------------------------------------------

/** OpenSea `display_type` values. Without one, a trait is shown as text (strings) or a ranked number. */
export type DisplayType = "number" | "boost_number" | "boost_percentage" | "date";

/** A text (or plain numeric) trait: shown as a property, with a rarity percentage. */
export interface TextAttribute {
  readonly trait_type?: string;
  readonly value: string | number;
  readonly display_type?: undefined;
  /** Only with a numeric `value`: the top of its range (shown as "value of max_value"). */
  readonly max_value?: number;
}

/** A numeric trait shown as a number, boost or date (`value` is a Unix time in seconds for `date`). */
export interface NumericAttribute {
  readonly trait_type?: string;
  readonly value: number;
  readonly display_type: DisplayType;
  readonly max_value?: number;
}

/** One entry of `attributes`. */
export type TokenAttribute = TextAttribute | NumericAttribute;

/**
 * ERC-721 token metadata (the ERC-721 metadata JSON schema plus OpenSea's fields).
 * Unknown extra fields are allowed by the standards and kept by the validator.
 */
export interface TokenMetadata {
  /** Required by mintkit (marketplaces fall back to "#<id>" without it). */
  readonly name: string;
  /** Markdown is allowed. */
  readonly description?: string;
  /** Image URI (`ipfs://`, `ar://`, `https://` or `data:`). Recommended, not required. */
  readonly image?: string;
  /** Raw SVG markup, instead of `image` (OpenSea). */
  readonly image_data?: string;
  /** Video, audio, 3D model (GLB) or HTML page URI. Give `image` as its poster. */
  readonly animation_url?: string;
  /** The item's page on the creator's site. */
  readonly external_url?: string;
  /** Six hex digits without `#`, e.g. `"1a2b3c"`. */
  readonly background_color?: string;
  readonly youtube_url?: string;
  readonly attributes?: readonly TokenAttribute[];
  readonly [field: string]: unknown;
}

/** ERC-1155 `localization`: where the other languages' documents are. */
export interface EditionLocalization {
  /** A URI template containing `{locale}`, e.g. `ipfs://<cid>/{locale}/{id}.json`. */
  readonly uri: string;
  /** The locale of this document, e.g. `en`. */
  readonly default: string;
  /** Every locale available, including `default`. */
  readonly locales: readonly string[];
}

/**
 * ERC-1155 token metadata: the ERC-1155 metadata JSON schema (`decimals`, `properties`,
 * `localization`) plus the OpenSea fields of {@link TokenMetadata}. URIs may contain `{id}`.
 */
export interface EditionMetadata extends TokenMetadata {
  /** Decimal places to display amounts with (0 for non-fungible editions). */
  readonly decimals?: number;
  /** Free-form properties (ERC-1155). */
  readonly properties?: { readonly [key: string]: unknown };
  readonly localization?: EditionLocalization;
}

/** ERC-7572 contract-level metadata, returned by `contractURI()`. */
export interface ContractMetadata {
  /** The only field ERC-7572 requires. */
  readonly name: string;
  readonly symbol?: string;
  readonly description?: string;
  /** Profile image of the collection. */
  readonly image?: string;
  readonly banner_image?: string;
  /** 1:1 image used in highlight sections. */
  readonly featured_image?: string;
  readonly external_link?: string;
  /** Addresses allowed to edit the collection on marketplaces. */
  readonly collaborators?: readonly Address[];
  readonly [field: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Media
// ---------------------------------------------------------------------------------------------

/** The media formats mintkit accepts, named by their usual extension (`jpeg` for JPEG). */
export type MediaFormat =
  | "png"
  | "jpeg"
  | "gif"
  | "svg"
  | "webp"
  | "mp4"
  | "mov"
  | "webm"
  | "mp3"
  | "wav"
  | "flac"
  | "glb";

/** What a media format is, which decides the metadata field it fits. */
export type MediaKind = "image" | "video" | "audio" | "model";

/** A media format as detected from a file's bytes. */
export interface MediaType {
  readonly format: MediaFormat;
  /** e.g. `image/png`, `video/quicktime`, `model/gltf-binary`. */
  readonly mimeType: string;
  readonly kind: MediaKind;
  /** The extension a file of this format should have, without the dot (e.g. `jpg`). */
  readonly extension: string;
}

/** The result of {@link detectMediaType}: the type plus what was checked. */
export interface DetectedMedia extends MediaType {
  /** Size in bytes. */
  readonly size: number;
  /** The file name given (or the `File`'s name), if any. */
  readonly fileName?: string;
  /**
   * Set when the file name's extension names a different format than the bytes (only returned when
   * `allowMislabelled` is true; otherwise a `MEDIA_MISLABELLED` error is thrown).
   */
  readonly mislabelled?: { readonly declaredExtension: string; readonly declaredFormat?: MediaFormat };
}

/** Input accepted by the media helpers: raw bytes or a `Blob`/`File` (browser and Node >= 20). */
export type MediaInput = Uint8Array | ArrayBuffer | Blob;
