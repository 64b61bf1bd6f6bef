import { throwIfInvalid } from "./throwIfInvalid.js";
import type { TokenMetadata } from "./types.js";
import { validateTokenMetadata } from "./validateTokenMetadata.js";

/**
 * Like {@link validateTokenMetadata}, but returns the metadata typed when it is valid and otherwise
 * throws one `MetadataError` with code `METADATA_INVALID` whose `details.problems` lists every
 * problem (its message lists them too, one per line with its JSON path). Warnings do not throw.
 */
export function assertTokenMetadata(metadata: unknown): TokenMetadata {
  return throwIfInvalid(validateTokenMetadata(metadata), "token");
}
