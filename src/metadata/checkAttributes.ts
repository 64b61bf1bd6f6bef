import { describeValue, fieldPath, indexPath, isRecord, type ProblemCollector } from "./collectProblems.js";
import { checkNearMisses } from "./checkFields.js";
import type { DisplayType } from "./types.js";

/** The `display_type` values OpenSea defines. */
export const DISPLAY_TYPES: readonly DisplayType[] = ["number", "boost_number", "boost_percentage", "date"];

const ATTRIBUTE_FIELDS = ["trait_type", "value", "display_type", "max_value"] as const;
const ATTRIBUTE_ALIASES: Readonly<Record<string, string>> = { trait: "trait_type", type: "trait_type" };

/** Unix times at or above this (in seconds, year 5138) are taken to be milliseconds by mistake. */
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * Internal: checks an `attributes` array (OpenSea traits).
 *
 * - each entry is an object; `trait_type`, if present, is a non-empty string;
 * - `value` is required: a string or a finite number, and a number when `display_type` is set;
 * - `display_type` is one of `number`, `boost_number`, `boost_percentage`, `date`;
 * - `date` values are whole Unix times in seconds (values >= 1e11 are reported as milliseconds);
 * - `max_value` is a finite number, only with a numeric `value`, not below `value`, not on dates.
 */
export function checkAttributes(value: unknown, path: string, out: ProblemCollector): void {
  if (!Array.isArray(value)) {
    const hint = isRecord(value) ? ' (list each trait as {"trait_type": "Eyes", "value": "Blue"})' : "";
    out.error(path, "wrong_type", `must be an array of traits, got ${describeValue(value)}${hint}`);
    return;
  }
  value.forEach((entry: unknown, i) => checkAttribute(entry, indexPath(path, i), out));
}

function checkAttribute(entry: unknown, path: string, out: ProblemCollector): void {
  if (!isRecord(entry)) {
    out.error(path, "wrong_type", `must be an object such as {"trait_type": "Eyes", "value": "Blue"}, got ${describeValue(entry)}`);
    return;
  }
  const traitType = entry["trait_type"];
  if (traitType !== undefined) {
    if (typeof traitType !== "string") {
      out.error(fieldPath(path, "trait_type"), "wrong_type", `must be a string, got ${describeValue(traitType)}`);
    } else if (traitType.trim() === "") {
      out.error(fieldPath(path, "trait_type"), "empty", "must not be empty; leave it out for a trait without a name");
    }
  }

  const displayTypeRaw = entry["display_type"];
  let displayType: DisplayType | undefined;
  if (displayTypeRaw !== undefined) {
    if (typeof displayTypeRaw === "string" && (DISPLAY_TYPES as readonly string[]).includes(displayTypeRaw)) {
      displayType = displayTypeRaw as DisplayType;
    } else {
      out.error(
        fieldPath(path, "display_type"),
        "display_type",
        `must be one of ${DISPLAY_TYPES.map((d) => `"${d}"`).join(", ")}, got ${describeValue(displayTypeRaw)}; leave it out for a text trait`,
      );
    }
  }

  const valuePath = fieldPath(path, "value");
  const v = entry["value"];
  let numericValue: number | undefined;
  if (v === undefined) {
    out.error(valuePath, "required", "is required");
  } else if (displayType !== undefined) {
    if (typeof v === "number" && Number.isFinite(v)) {
      numericValue = v;
    } else {
      const asNumber = typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
      const hint = Number.isFinite(asNumber) ? ` (write ${asNumber}, not ${JSON.stringify(v)})` : `, got ${describeValue(v)}`;
      out.error(valuePath, "attribute_value", `must be a number when display_type is "${displayType}"${hint}`);
    }
  } else if (typeof v === "number") {
    if (Number.isFinite(v)) numericValue = v;
    else out.error(valuePath, "attribute_value", `must be a finite number, got ${describeValue(v)}`);
  } else if (typeof v === "boolean") {
    out.error(valuePath, "attribute_value", `must be a string or a number, got ${v}; write "${v}" to show it as text`);
  } else if (typeof v !== "string") {
    out.error(valuePath, "attribute_value", `must be a string or a number, got ${describeValue(v)}`);
  } else if (v.trim() === "") {
    out.error(valuePath, "empty", "must not be empty");
  }

  if (displayType === "date" && numericValue !== undefined) {
    if (Math.abs(numericValue) >= MILLISECONDS_THRESHOLD) {
      out.error(
        valuePath,
        "date_milliseconds",
        `looks like milliseconds; display_type "date" takes a Unix time in seconds: write ${Math.trunc(numericValue / 1000)}`,
      );
    } else if (!Number.isInteger(numericValue)) {
      out.error(valuePath, "integer", 'must be a whole number of seconds when display_type is "date"');
    }
  }

  const maxValue = entry["max_value"];
  if (maxValue !== undefined) {
    const maxPath = fieldPath(path, "max_value");
    if (typeof maxValue !== "number" || !Number.isFinite(maxValue)) {
      out.error(maxPath, "wrong_type", `must be a finite number, got ${describeValue(maxValue)}`);
    } else if (displayType === "date") {
      out.error(maxPath, "max_value", 'does not apply when display_type is "date"; remove it');
    } else if (typeof v === "string") {
      out.error(maxPath, "max_value", "only applies to numeric values; remove it or make value a number");
    } else if (numericValue !== undefined && numericValue > maxValue) {
      out.error(maxPath, "max_value", `must not be below value (${numericValue})`);
    }
  }

  checkNearMisses(entry, path, ATTRIBUTE_FIELDS, ATTRIBUTE_ALIASES, out);
}
