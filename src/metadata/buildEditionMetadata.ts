import { assembleDocument } from "./assembleDocument.js";
import { tokenFields, type TokenMetadataInput } from "./buildTokenMetadata.js";
import { EDITION_METADATA_FIELDS } from "./metadataFields.js";
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
      ...tokenFields(input),
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
