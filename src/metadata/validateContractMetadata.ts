import { getAddress, isAddress } from "viem";
import { ProblemCollector, describeValue } from "./collectProblems.js";
import { checkDocumentRoot } from "./checkTokenDocument.js";
import { checkNearMisses, checkText } from "./checkFields.js";
import { checkUri, type UriFieldRules } from "./checkUri.js";
import { CONTRACT_METADATA_FIELDS } from "./metadataFields.js";
import type { ContractMetadata, ValidationResult } from "./types.js";

const CONTRACT_ALIASES: Readonly<Record<string, string>> = {
  external_url: "external_link",
  externalUrl: "external_link",
  banner: "banner_image",
  featured: "featured_image",
  image_url: "image",
};

/**
 * Validates ERC-7572 contract-level metadata (what `contractURI()` returns) and reports every problem
 * at once with its JSON path.
 *
 * Rules: `name` is required (the only field ERC-7572 requires); `symbol` and `description` are
 * strings; `image`, `banner_image`, `featured_image` and `external_link` are URIs under the same
 * rules as token metadata (`image` missing: warning); `collaborators` is an array of addresses (a
 * mixed-case address with a wrong EIP-55 checksum is an error, a repeated one a warning). A field
 * spelt `external_url` is a warning: ERC-7572 calls it `external_link`.
 *
 * @param metadata The parsed JSON (not the JSON text).
 */
export function validateContractMetadata(metadata: unknown): ValidationResult<ContractMetadata> {
  const out = new ProblemCollector();
  if (checkDocumentRoot(metadata, out)) {
    const doc = metadata;
    const imageRules: UriFieldRules = { expect: "image", placeholders: [], standard: "ERC-7572" };
    checkText(doc, "name", "", out, { required: true });
    checkText(doc, "symbol", "", out);
    checkText(doc, "description", "", out, { emptyIsWarning: true });
    for (const key of ["image", "banner_image", "featured_image"] as const) {
      if (doc[key] !== undefined) checkUri(doc[key], key, out, imageRules);
    }
    if (doc["external_link"] !== undefined) {
      checkUri(doc["external_link"], "external_link", out, { expect: "any", placeholders: [], standard: "ERC-7572" });
    }
    if (doc["collaborators"] !== undefined) checkCollaborators(doc["collaborators"], out);
    if (doc["image"] === undefined) {
      out.warn("image", "image_recommended", "is recommended: marketplaces use it as the collection's picture");
    }
    checkNearMisses(doc, "", CONTRACT_METADATA_FIELDS, CONTRACT_ALIASES, out);
  }
  return out.result(metadata as ContractMetadata);
}

function checkCollaborators(value: unknown, out: ProblemCollector): void {
  if (!Array.isArray(value)) {
    out.error("collaborators", "wrong_type", `must be an array of addresses, got ${describeValue(value)}`);
    return;
  }
  const seen = new Map<string, number>();
  value.forEach((entry: unknown, i) => {
    const path = `collaborators[${i}]`;
    if (typeof entry !== "string" || !isAddress(entry, { strict: false })) {
      out.error(path, "address", `must be a 0x-prefixed 20-byte address, got ${describeValue(entry)}`);
      return;
    }
    const hex = entry.slice(2);
    const oneCase = hex === hex.toLowerCase() || hex === hex.toUpperCase(); // EIP-55: not checksummed
    if (!oneCase && !isAddress(entry, { strict: true })) {
      out.error(
        path,
        "address_checksum",
        "has mixed case but a wrong EIP-55 checksum, so it may be mistyped; check it, then write it all lowercase or checksummed",
      );
      return;
    }
    const key = getAddress(entry);
    const first = seen.get(key);
    if (first !== undefined) out.warn(path, "duplicate", `repeats collaborators[${first}]`);
    else seen.set(key, i);
  });
}
