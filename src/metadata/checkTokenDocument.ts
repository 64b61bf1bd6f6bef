import { describeValue, fieldPath, isRecord, type ProblemCollector } from "./collectProblems.js";
import { checkAttributes } from "./checkAttributes.js";
import { checkDocumentLimits } from "./checkDocumentLimits.js";
import { checkColor, checkNearMisses, checkText } from "./checkFields.js";
import { checkUri, type UriFieldRules } from "./checkUri.js";
import { EDITION_METADATA_FIELDS, TOKEN_METADATA_FIELDS } from "./metadataFields.js";

const TOKEN_ALIASES: Readonly<Record<string, string>> = {
  image_url: "image",
  imageUrl: "image",
  imageURI: "image",
  image_uri: "image",
  animation: "animation_url",
  animationURI: "animation_url",
  traits: "attributes",
  attribute: "attributes",
  external_link: "external_url",
  externalLink: "external_url",
};
const LOCALIZATION_FIELDS = ["uri", "default", "locales"] as const;

/** Internal: `value` is a JSON object, or a `not_object` problem is recorded. */
export function checkDocumentRoot(value: unknown, out: ProblemCollector): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  const hint = typeof value === "string" ? " (parse the JSON text first: JSON.parse(text))" : "";
  out.error("", "not_object", `must be a JSON object, got ${describeValue(value)}${hint}`);
  return false;
}

/**
 * Internal: the rules shared by ERC-721 and ERC-1155 token metadata, plus the ERC-1155 fields when
 * `standard` is `ERC-1155`.
 */
export function checkTokenDocument(
  doc: Readonly<Record<string, unknown>>,
  out: ProblemCollector,
  standard: "ERC-721" | "ERC-1155",
): void {
  if (!checkDocumentLimits(doc, out)) return;
  const placeholders = standard === "ERC-1155" ? ["id"] : [];
  const imageRules: UriFieldRules = { expect: "image", placeholders, standard };
  const anyRules: UriFieldRules = { expect: "any", placeholders, standard };

  checkText(doc, "name", "", out, { required: true });
  checkText(doc, "description", "", out, { emptyIsWarning: true });
  if (doc["image"] !== undefined) checkUri(doc["image"], "image", out, imageRules);
  if (doc["image_data"] !== undefined) checkImageData(doc, out);
  if (doc["animation_url"] !== undefined) checkUri(doc["animation_url"], "animation_url", out, anyRules);
  if (doc["external_url"] !== undefined) checkUri(doc["external_url"], "external_url", out, anyRules);
  if (doc["youtube_url"] !== undefined) checkUri(doc["youtube_url"], "youtube_url", out, anyRules);
  if (doc["background_color"] !== undefined) checkColor(doc["background_color"], "background_color", out);
  if (doc["attributes"] !== undefined) checkAttributes(doc["attributes"], "attributes", out);

  if (standard === "ERC-1155") {
    if (doc["decimals"] !== undefined) checkDecimals(doc["decimals"], out);
    if (doc["properties"] !== undefined && !isRecord(doc["properties"])) {
      out.error("properties", "wrong_type", `must be a JSON object, got ${describeValue(doc["properties"])}`);
    }
    if (doc["localization"] !== undefined) checkLocalization(doc["localization"], out);
  }

  if (doc["image"] === undefined && doc["image_data"] === undefined) {
    out.warn(
      "image",
      "image_recommended",
      doc["animation_url"] === undefined
        ? "is recommended; marketplaces show a placeholder without it"
        : "is recommended as the poster of animation_url; marketplaces show a placeholder without it",
    );
  }
  checkNearMisses(doc, "", standard === "ERC-1155" ? EDITION_METADATA_FIELDS : TOKEN_METADATA_FIELDS, TOKEN_ALIASES, out);
}

function checkImageData(doc: Readonly<Record<string, unknown>>, out: ProblemCollector): void {
  const value = doc["image_data"];
  if (typeof value !== "string") {
    out.error("image_data", "wrong_type", `must be a string of SVG markup, got ${describeValue(value)}`);
    return;
  }
  const head = value.trimStart().slice(0, 200).toLowerCase();
  if (!head.startsWith("<svg") && !head.startsWith("<?xml")) {
    out.error("image_data", "image_data", "must be raw SVG markup starting with <svg; put image URIs in image");
  }
  if (doc["image"] !== undefined) {
    out.warn("image_data", "image_data", "is ignored by marketplaces when image is set; keep one of the two");
  }
}

function checkDecimals(value: unknown, out: ProblemCollector): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    out.error("decimals", "integer", `must be a whole number >= 0 (0 for non-fungible editions), got ${describeValue(value)}`);
  }
}

function checkLocalization(value: unknown, out: ProblemCollector): void {
  if (!isRecord(value)) {
    out.error(
      "localization",
      "wrong_type",
      `must be an object {"uri": ".../{locale}.json", "default": "en", "locales": ["en", ...]}, got ${describeValue(value)}`,
    );
    return;
  }
  const uriPath = fieldPath("localization", "uri");
  const uri = value["uri"];
  if (uri === undefined) {
    out.error(uriPath, "required", 'is required: a URI template containing "{locale}"');
  } else {
    checkUri(uri, uriPath, out, { expect: "any", placeholders: ["locale", "id"], standard: "ERC-1155" });
    if (typeof uri === "string" && uri !== "" && !uri.includes("{locale}")) {
      out.error(uriPath, "locale", 'must contain "{locale}", which clients replace with the locale');
    }
  }
  checkText(value, "default", "localization", out, { required: true });
  const localesPath = fieldPath("localization", "locales");
  const locales = value["locales"];
  if (locales === undefined) {
    out.error(localesPath, "required", 'is required: the list of locales, e.g. ["en", "es"]');
  } else if (!Array.isArray(locales) || locales.length === 0) {
    out.error(localesPath, "wrong_type", `must be a non-empty array of locale strings, got ${describeValue(locales)}`);
  } else {
    const seen = new Set<string>();
    locales.forEach((locale: unknown, i) => {
      const path = `${localesPath}[${i}]`;
      if (typeof locale !== "string" || locale.trim() === "") {
        out.error(path, "locale", `must be a locale string such as "en" or "pt-BR", got ${describeValue(locale)}`);
      } else if (seen.has(locale)) {
        out.warn(path, "duplicate", `repeats "${locale}"`);
      } else {
        seen.add(locale);
      }
    });
    const fallback = value["default"];
    if (typeof fallback === "string" && fallback.trim() !== "" && !seen.has(fallback)) {
      out.warn(localesPath, "locale", `does not include the default locale "${fallback}"; add it`);
    }
  }
  checkNearMisses(value, "localization", LOCALIZATION_FIELDS, {}, out);
}
