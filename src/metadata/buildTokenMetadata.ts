import { assembleDocument, normaliseColor } from "./assembleDocument.js";
import { buildAttributes, type AttributesInput } from "./buildAttributes.js";
import type { TokenMetadata } from "./types.js";
import { validateTokenMetadata } from "./validateTokenMetadata.js";
import { TOKEN_METADATA_FIELDS } from "./metadataFields.js";

/** camelCase input for {@link buildTokenMetadata}. */
export interface TokenMetadataInput {
  readonly name: string;
  /** Markdown allowed. */
  readonly description?: string;
  /** Image URI; for video, audio or 3D, the poster image (see `mediaFieldFor`). */
  readonly image?: string;
  /** Raw SVG markup, instead of `image`. */
  readonly imageData?: string;
  /** Video, audio, GLB or HTML URI. */
  readonly animationUrl?: string;
  readonly externalUrl?: string;
  /** Six hex digits; a leading `#` is dropped and the digits lowercased. */
  readonly backgroundColor?: string;
  readonly youtubeUrl?: string;
  readonly attributes?: AttributesInput;
  /** Further fields, written after the standard ones as given (they must not repeat a standard field). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Builds ERC-721 token metadata (OpenSea standard) from camelCase input: snake_case field names,
 * fields always in the same order (so the same input gives the same JSON bytes and the same CID),
 * unset fields left out, `background_color` normalised, then validated.
 *
 * @throws MetadataError `METADATA_INVALID` listing every problem (see {@link validateTokenMetadata}).
 */
export function buildTokenMetadata(input: TokenMetadataInput): TokenMetadata {
  return assembleDocument(tokenFields(input), input.extra, "token", TOKEN_METADATA_FIELDS, validateTokenMetadata);
}

/**
 * The standard token fields of `input` as `[json name, value]` pairs in {@link TOKEN_METADATA_FIELDS}
 * order; the ERC-1155 builder writes these first too.
 */
export function tokenFields(input: TokenMetadataInput): Array<readonly [string, unknown]> {
  return [
    ["name", input.name],
    ["description", input.description],
    ["image", input.image],
    ["image_data", input.imageData],
    ["animation_url", input.animationUrl],
    ["external_url", input.externalUrl],
    ["background_color", normaliseColor(input.backgroundColor)],
    ["youtube_url", input.youtubeUrl],
    ["attributes", input.attributes === undefined ? undefined : buildAttributes(input.attributes)],
  ];
}
