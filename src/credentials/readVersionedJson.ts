import type { Hex } from "viem";

/**
 * Internal: the common start of reading a mintkit JSON file (claims file, presentation): parses JSON text
 * (or takes an already parsed value), requires an object, and checks its `format` tag and `version`.
 * Throws `invalid([...])` when the input is not a JSON object; returns the fields and the problems found
 * so far, for the caller to add its own and throw once.
 */
export function readVersionedJson(
  input: string | unknown,
  expected: { readonly format: string; readonly version: number; readonly notObject: string },
  invalid: (problems: string[]) => Error,
): { readonly fields: Record<string, unknown>; readonly problems: string[] } {
  let raw: unknown = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw invalid([describeJsonError(input, error)]);
    }
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalid([expected.notObject]);
  const fields = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (fields.format !== expected.format) problems.push(`format must be "${expected.format}"`);
  if (fields.version !== expected.version) {
    problems.push(`version ${JSON.stringify(fields.version)} is not supported (this mintkit reads version ${expected.version})`);
  }
  return { fields, problems };
}

/**
 * Internal: what is wrong with JSON text that does not parse, in words (never the parser's raw message, which
 * quotes the file's bytes): empty, cut short (a torn or truncated copy) or not JSON at a character.
 */
export function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === "") return "the file is empty";
  const message = error instanceof Error ? error.message : "";
  if (/Unexpected end|Unterminated|end of JSON/i.test(message)) return "not JSON: it ends early (a truncated copy or an interrupted write?)";
  const at = /position (\d+)/.exec(message)?.[1];
  if (/^[\s\uFEFF]*[{[]/.test(text) === false) return "not JSON: it does not start with { (is it the right file?)";
  return `not JSON: invalid at character ${at ?? "?"}`;
}

/** Internal: 32 bytes of 0x-prefixed hex (either case). */
export const isBytes32 = (value: unknown): value is Hex => typeof value === "string" && /^0x[0-9a-fA-F]{64}$/.test(value);
