import { fieldPath } from "./collectProblems.js";
import { throwIfInvalid } from "./throwIfInvalid.js";
import type { MetadataKind, Problem, ValidationResult } from "./types.js";

/**
 * Internal, for the builders: writes the defined standard fields in order, then `extra` fields, then
 * validates. An `extra` key that repeats a standard field is a problem (not silently dropped).
 */
export function assembleDocument<T>(
  fields: ReadonlyArray<readonly [string, unknown]>,
  extra: Readonly<Record<string, unknown>> | undefined,
  kind: MetadataKind,
  standardFields: readonly string[],
  validate: (doc: unknown) => ValidationResult<T>,
): T {
  const doc: Record<string, unknown> = {};
  for (const [key, value] of fields) if (value !== undefined) doc[key] = value;
  const clashes: Problem[] = [];
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (standardFields.includes(key)) {
      clashes.push({
        path: fieldPath("extra", key),
        code: "duplicate",
        severity: "error",
        message: `is a standard field; set it through the builder's own option instead of extra`,
      });
    } else if (value !== undefined) {
      doc[key] = value;
    }
  }
  const result = validate(doc);
  if (clashes.length === 0) return throwIfInvalid(result, kind);
  const others = result.ok ? result.warnings : result.problems;
  return throwIfInvalid<T>({ ok: false, problems: [...clashes, ...others] }, kind);
}

/** Internal: `"#1A2B3C"` becomes `"1a2b3c"`; anything else is left for the validator to report. */
export function normaliseColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const bare = color.startsWith("#") ? color.slice(1) : color;
  return /^[0-9A-Fa-f]{6}$/.test(bare) ? bare.toLowerCase() : color;
}
