import { throwIfInvalid } from "./throwIfInvalid.js";
import type { EditionMetadata } from "./types.js";
import { validateEditionMetadata } from "./validateEditionMetadata.js";

/**
 * Like {@link validateEditionMetadata}, but returns the metadata typed when it is valid and otherwise
 * throws one `MetadataError` with code `METADATA_INVALID` whose `details.problems` lists every
 * problem (its message lists them too, one per line with its JSON path). Warnings do not throw.
 */
export function assertEditionMetadata(metadata: unknown): EditionMetadata {
  return throwIfInvalid(validateEditionMetadata(metadata), "edition");
}
