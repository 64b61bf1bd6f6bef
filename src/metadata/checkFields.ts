import { describeValue, fieldPath, type ProblemCollector } from "./collectProblems.js";

/** Internal: checks a text field. Missing is fine unless `required`. */
export function checkText(
  record: Readonly<Record<string, unknown>>,
  key: string,
  base: string,
  out: ProblemCollector,
  options: { readonly required?: boolean; readonly emptyIsWarning?: boolean } = {},
): void {
  const path = fieldPath(base, key);
  const value = record[key];
  if (value === undefined) {
    if (options.required) out.error(path, "required", "is required; add a non-empty string");
    return;
  }
  if (typeof value !== "string") {
    out.error(path, "wrong_type", `must be a string, got ${describeValue(value)}`);
    return;
  }
  if (value.trim() === "") {
    if (options.required) out.error(path, "empty", "must not be empty");
    else out.add(path, "empty", "is empty; leave the field out instead", options.emptyIsWarning ? "warning" : "error");
  }
}

const COLOR = /^[0-9A-Fa-f]{6}$/;

/** Internal: `background_color` is six hex digits without `#`. */
export function checkColor(value: unknown, path: string, out: ProblemCollector): void {
  if (typeof value !== "string") {
    out.error(path, "wrong_type", `must be a string of six hex digits such as "1a2b3c", got ${describeValue(value)}`);
    return;
  }
  if (COLOR.test(value)) return;
  if (value.startsWith("#") && COLOR.test(value.slice(1))) {
    out.error(path, "color", `must not start with "#": write "${value.slice(1)}"`);
    return;
  }
  if (/^#?[0-9A-Fa-f]{3}$/.test(value)) {
    const short = value.replace("#", "");
    const long = [...short].map((c) => c + c).join("");
    out.error(path, "color", `must have six hex digits, not three: write "${long}"`);
    return;
  }
  out.error(path, "color", `must be six hex digits without "#" (e.g. "1a2b3c"), got ${describeValue(value)}`);
}

const squash = (key: string): string => key.toLowerCase().replace(/[_\-\s]/g, "");

/**
 * Internal: warns about fields a standard does not define but that look like a misspelt one
 * (`animationUrl`, `Image`, `image_url`…). Other extra fields are allowed silently.
 */
export function checkNearMisses(
  record: Readonly<Record<string, unknown>>,
  base: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>>,
  out: ProblemCollector,
): void {
  const bySquashed = new Map(known.map((k) => [squash(k), k]));
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const meant = aliases[key] ?? bySquashed.get(squash(key));
    if (meant === undefined) continue;
    const alsoPresent = record[meant] !== undefined ? ` (the document also has "${meant}"; remove one)` : "";
    out.warn(
      fieldPath(base, key),
      "unknown_field",
      `is not a field of the standard and will be ignored; did you mean "${meant}"?${alsoPresent}`,
    );
  }
}
