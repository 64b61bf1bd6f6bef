import { expect } from "chai";
import type { Problem, ValidationResult } from "../../../src/metadata/types.js";

export const CID_V0 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
export const CID_V1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

/** The problems of a failed result (fails the test if it passed). */
export function problemsOf<T>(result: ValidationResult<T>): readonly Problem[] {
  if (result.ok) expect.fail(`expected problems, got ok with warnings ${JSON.stringify(result.warnings)}`);
  return result.problems;
}

/** The warnings of a passing result (fails the test if it failed). */
export function warningsOf<T>(result: ValidationResult<T>): readonly Problem[] {
  if (!result.ok) expect.fail(`expected ok, got problems ${JSON.stringify(result.problems)}`);
  return result.warnings;
}

/** `path: message` lines, the way a CLI prints them. */
export function lines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

/** The one problem at `path` (fails unless there is exactly one). */
export function at(problems: readonly Problem[], path: string): Problem {
  const found = problems.filter((p) => p.path === path);
  expect(found, `problems at ${path} in ${JSON.stringify(problems, null, 1)}`).to.have.length(1);
  return found[0] as Problem;
}
