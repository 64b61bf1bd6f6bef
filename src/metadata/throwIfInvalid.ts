import { MetadataError } from "../errors/MetadataError.js";
import { formatProblems } from "./formatProblems.js";
import type { MetadataKind, ValidationResult } from "./types.js";

const LABEL: Readonly<Record<MetadataKind, string>> = {
  token: "Token metadata (ERC-721)",
  edition: "Edition metadata (ERC-1155)",
  contract: "Contract metadata (ERC-7572)",
};

/** Internal: unwraps a validation result or throws one `METADATA_INVALID` error carrying every problem. */
export function throwIfInvalid<T>(result: ValidationResult<T>, kind: MetadataKind): T {
  if (result.ok) return result.value;
  const errors = result.problems.filter((p) => p.severity === "error");
  const warnings = result.problems.length - errors.length;
  const counted = `${errors.length} ${errors.length === 1 ? "problem" : "problems"}`;
  const alsoWarnings = warnings > 0 ? ` and ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "";
  throw new MetadataError("METADATA_INVALID", `${LABEL[kind]} has ${counted}${alsoWarnings}.`, {
    hint: `Fix each field below, then validate again:\n${indent(formatProblems(result.problems))}`,
    details: { kind, problems: result.problems },
  });
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
