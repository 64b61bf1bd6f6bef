import { assembleDocument, normaliseColor } from "./assembleDocument.js";
import { buildAttributes } from "./buildAttributes.js";
import { TOKEN_METADATA_FIELDS, type TokenMetadataInput } from "./buildTokenMetadata.js";
import type { EditionLocalization, EditionMetadata } from "./types.js";
import { validateEditionMetadata } from "./validateEditionMetadata.js";

/** camelCase input for {@link buildEditionMetadata}: the token fields plus the ERC-1155 ones. */
export interface EditionMetadataInput extends TokenMetadataInput {
  /** Decimal places for amounts (0 for non-fungible editions). */
  readonly decimals?: number;
  /** ERC-1155 free-form properties. */
  readonly properties?: Readonly<Record<string, unknown>>;
  /** Other languages: `uri` must contain `{locale}`. */
  readonly localization?: EditionLocalization;
}

/** The JSON field names of ERC-1155 token metadata, in the order the builder writes them. */
export const EDITION_METADATA_FIELDS = [...TOKEN_METADATA_FIELDS, "decimals", "properties", "localization"] as const;

/**
 * Builds ERC-1155 token metadata: the fields of {@link buildTokenMetadata} followed by `decimals`,
 * `properties` and `localization`, then validated under the ERC-1155 rules (URIs may use `{id}`;
 * turn a template into a concrete URI with `substituteTokenId`).
 *
 * @throws MetadataError `METADATA_INVALID` listing every problem (see {@link validateEditionMetadata}).
 */
export function buildEditionMetadata(input: EditionMetadataInput): EditionMetadata {
  return assembleDocument(
    [
      ["name", input.name],
      ["description", input.description],
      ["image", input.image],
      ["image_data", input.imageData],
      ["animation_url", input.animationUrl],
      ["external_url", input.externalUrl],
      ["background_color", normaliseColor(input.backgroundColor)],
      ["youtube_url", input.youtubeUrl],
      ["attributes", input.attributes === undefined ? undefined : buildAttributes(input.attributes)],
      ["decimals", input.decimals],
      ["properties", input.properties],
      [
        "localization",
        input.localization === undefined
          ? undefined
          : { uri: input.localization.uri, default: input.localization.default, locales: [...input.localization.locales] },
      ],
    ],
    input.extra,
    "edition",
    EDITION_METADATA_FIELDS,
    validateEditionMetadata,
  );
}
