import { throwIfInvalid } from "./throwIfInvalid.js";
import type { ContractMetadata } from "./types.js";
import { validateContractMetadata } from "./validateContractMetadata.js";

/**
 * Like {@link validateContractMetadata}, but returns the metadata typed when it is valid and otherwise
 * throws one `MetadataError` with code `METADATA_INVALID` whose `details.problems` lists every
 * problem (its message lists them too, one per line with its JSON path). Warnings do not throw.
 */
export function assertContractMetadata(metadata: unknown): ContractMetadata {
  return throwIfInvalid(validateContractMetadata(metadata), "contract");
}
