import { ProblemCollector } from "./collectProblems.js";
import { checkDocumentRoot, checkTokenDocument } from "./checkTokenDocument.js";
import type { EditionMetadata, ValidationResult } from "./types.js";

/**
 * Validates ERC-1155 token metadata and reports every problem at once with its JSON path.
 *
 * The rules of {@link validateTokenMetadata}, plus: URIs may contain `{id}` (any other `{…}` is an
 * error, as ERC-1155 clients substitute only `{id}`); `decimals` is a whole number >= 0;
 * `properties` is a JSON object; `localization` (optional) has a `uri` containing `{locale}`, a
 * `default` locale and a non-empty `locales` array (a default missing from it is a warning).
 *
 * @param metadata The parsed JSON (not the JSON text).
 */
export function validateEditionMetadata(metadata: unknown): ValidationResult<EditionMetadata> {
  const out = new ProblemCollector();
  if (checkDocumentRoot(metadata, out)) checkTokenDocument(metadata, out, "ERC-1155");
  return out.result(metadata as EditionMetadata);
}
