import type { Problem, ProblemCode, ProblemSeverity, ValidationResult } from "./types.js";

/**
 * Internal: gathers problems while a validator walks a document, so that every problem is reported
 * in one pass instead of stopping at the first.
 */
export class ProblemCollector {
  readonly problems: Problem[] = [];

  error(path: string, code: ProblemCode, message: string): void {
    this.add(path, code, message, "error");
  }

  warn(path: string, code: ProblemCode, message: string): void {
    this.add(path, code, message, "warning");
  }

  add(path: string, code: ProblemCode, message: string, severity: ProblemSeverity): void {
    this.problems.push({ path, code, message, severity });
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }

  /** The validation result: `ok` with the value and warnings, or every problem. */
  result<T>(value: T): ValidationResult<T> {
    const problems: readonly Problem[] = [...this.problems];
    return this.hasErrors ? { ok: false, problems } : { ok: true, value, warnings: problems };
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `fieldPath("attributes[2]", "value")` is `attributes[2].value`; odd keys are quoted: `properties["a b"]`. */
export function fieldPath(base: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === "" ? key : `${base}.${key}`;
}

/** `indexPath("attributes", 2)` is `attributes[2]`. */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** A short, readable rendering of a JSON value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "object") return "an object";
  if (typeof value === "bigint") return `${value}n (a bigint)`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
