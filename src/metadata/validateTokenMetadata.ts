import { ProblemCollector } from "./collectProblems.js";
import { checkDocumentRoot, checkTokenDocument } from "./checkTokenDocument.js";
import type { TokenMetadata, ValidationResult } from "./types.js";

/**
 * Validates ERC-721 token metadata (the ERC-721 metadata JSON schema plus OpenSea's fields) and
 * reports every problem at once, each with its JSON path (e.g. `attributes[2].value`).
 *
 * Rules (errors unless marked):
 * - `name` is required, a non-empty string; `description` a string (empty: warning).
 * - `image`, `animation_url`, `external_url`, `youtube_url` are absolute URIs: `ipfs://<cid>`,
 *   `ar://`, `https://` or `data:` (`http://` and IPFS gateway URLs: warnings). `{…}` placeholders
 *   are a warning (ERC-721 clients do not substitute them).
 * - `image` (or `image_data`) is recommended, not required: a warning when both are missing.
 * - `background_color` is six hex digits without `#`.
 * - `attributes`: see {@link https://docs.opensea.io/docs/metadata-standards OpenSea}: `value` a
 *   string or number, a number when `display_type` is set, dates in seconds, sane `max_value`.
 * - Extra fields are allowed; ones that look misspelt (`animationUrl`, `image_url`) are warnings.
 *
 * @param metadata The parsed JSON (not the JSON text).
 * @returns `{ ok: true, value, warnings }` or `{ ok: false, problems }`.
 */
export function validateTokenMetadata(metadata: unknown): ValidationResult<TokenMetadata> {
  const out = new ProblemCollector();
  if (checkDocumentRoot(metadata, out)) checkTokenDocument(metadata, out, "ERC-721");
  return out.result(metadata as TokenMetadata);
}
