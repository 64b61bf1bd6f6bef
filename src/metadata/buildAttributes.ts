import type { DisplayType, TokenAttribute } from "./types.js";

/** One trait, camelCase, as {@link buildTokenMetadata} takes it. */
export interface AttributeInput {
  /** The trait's name, e.g. `"Eyes"`. Leave out for a generic trait. */
  readonly traitType?: string;
  readonly value: string | number;
  /** How to show a numeric value; leave out for text traits. */
  readonly displayType?: DisplayType;
  /** The top of a numeric value's range. */
  readonly maxValue?: number;
}

/**
 * Traits as a list of {@link AttributeInput}, or as a plain record `{ Eyes: "Blue", Level: 5 }` (each
 * entry becomes a trait without `display_type`, in the record's key order).
 */
export type AttributesInput = readonly AttributeInput[] | Readonly<Record<string, string | number>>;

/**
 * Turns camelCase trait input into OpenSea `attributes` entries (`trait_type`, `value`,
 * `display_type`, `max_value`, in that order, unset fields left out). Does not validate: the
 * metadata builders validate the whole document.
 */
export function buildAttributes(input: AttributesInput): TokenAttribute[] {
  if (!isAttributeList(input)) {
    return Object.entries(input).map(([traitType, value]) => ({ trait_type: traitType, value }));
  }
  return input.map((a) => {
    const entry: Record<string, unknown> = {};
    if (a.traitType !== undefined) entry["trait_type"] = a.traitType;
    entry["value"] = a.value;
    if (a.displayType !== undefined) entry["display_type"] = a.displayType;
    if (a.maxValue !== undefined) entry["max_value"] = a.maxValue;
    return entry as unknown as TokenAttribute;
  });
}

function isAttributeList(input: AttributesInput): input is readonly AttributeInput[] {
  return Array.isArray(input);
}
