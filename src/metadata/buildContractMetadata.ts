import { getAddress, type Address } from "viem";
import { assembleDocument } from "./assembleDocument.js";
import type { ContractMetadata } from "./types.js";
import { validateContractMetadata } from "./validateContractMetadata.js";
import { CONTRACT_METADATA_FIELDS } from "./metadataFields.js";

/** camelCase input for {@link buildContractMetadata}. */
export interface ContractMetadataInput {
  /** Required by ERC-7572. */
  readonly name: string;
  readonly symbol?: string;
  readonly description?: string;
  /** The collection's picture. */
  readonly image?: string;
  readonly bannerImage?: string;
  /** 1:1 image for highlight sections. */
  readonly featuredImage?: string;
  readonly externalLink?: string;
  /** Addresses allowed to edit the collection on marketplaces; written checksummed. */
  readonly collaborators?: readonly Address[];
  /** Further fields, written after the standard ones (they must not repeat a standard field). */
  readonly extra?: Readonly<Record<string, unknown>>;
}


/**
 * Builds ERC-7572 contract-level metadata (what `contractURI()` points to): snake_case fields in a
 * fixed order, unset fields left out, collaborators checksummed, then validated.
 *
 * @throws MetadataError `METADATA_INVALID` listing every problem (see {@link validateContractMetadata}).
 */
export function buildContractMetadata(input: ContractMetadataInput): ContractMetadata {
  const metadata = assembleDocument(
    [
      ["name", input.name],
      ["symbol", input.symbol],
      ["description", input.description],
      ["image", input.image],
      ["banner_image", input.bannerImage],
      ["featured_image", input.featuredImage],
      ["external_link", input.externalLink],
      ["collaborators", input.collaborators === undefined ? undefined : [...input.collaborators]],
    ],
    input.extra,
    "contract",
    CONTRACT_METADATA_FIELDS,
    validateContractMetadata,
  );
  const collaborators = metadata.collaborators;
  return collaborators === undefined ? metadata : { ...metadata, collaborators: collaborators.map((a) => getAddress(a)) };
}
