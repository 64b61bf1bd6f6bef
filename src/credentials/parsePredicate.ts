import { CredentialError } from "../errors/CredentialError.js";
import { claimNameProblem } from "./claimTypes.js";
import { ageBoundaryDay } from "./predicateDates.js";
import { MAX_PROVABLE_VALUE } from "./commitmentClaims.js";
import type { PredicateStatement } from "./predicateTypes.js";

const AGE = /^age\s*>=\s*(\d{1,2})$/;
const RANGE = /^([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(\d+)\s*\.\.\s*(\d+)$/;
const AT_LEAST = /^([A-Za-z_][A-Za-z0-9_]*)\s*>=\s*(\d+)$/;
const AT_MOST = /^([A-Za-z_][A-Za-z0-9_]*)\s*<=\s*(\d+)$/;

function invalid(text: string, reason: string): CredentialError<"CREDENTIAL_INVALID_PREDICATE"> {
  return new CredentialError("CREDENTIAL_INVALID_PREDICATE", `The predicate "${text}" cannot be proved: ${reason}.`, {
    hint: 'Write "age>=21" (a birth date claim), "score in 600..850", "score>=600" or "score<=850" (unsigned integers below 2^64).',
    details: { predicate: text, reason },
  });
}

/**
 * Parses a predicate: `"age>=N"` (N from 0 to 99; on the birth date claim `ageClaim`, default `birth_date`),
 * `"<claim> in LO..HI"`, `"<claim> >= LO"` or `"<claim> <= HI"`. Throws `CREDENTIAL_INVALID_PREDICATE`.
 *
 * @example
 * parsePredicate("age>=21"); // { kind: "age", claim: "birth_date", minAge: 21 }
 * parsePredicate("score in 600..850"); // { kind: "range", claim: "score", lo: 600n, hi: 850n }
 */
export function parsePredicate(text: string, options: { ageClaim?: string } = {}): PredicateStatement {
  const trimmed = text.trim();
  const age = AGE.exec(trimmed);
  if (age) {
    const claim = options.ageClaim ?? "birth_date";
    const problem = claimNameProblem(claim);
    if (problem) throw invalid(text, problem);
    return { kind: "age", claim, minAge: Number(age[1]) };
  }
  let range: [string, bigint, bigint] | undefined;
  let m: RegExpExecArray | null;
  if ((m = RANGE.exec(trimmed))) range = [m[1]!, BigInt(m[2]!), BigInt(m[3]!)];
  else if ((m = AT_LEAST.exec(trimmed))) range = [m[1]!, BigInt(m[2]!), MAX_PROVABLE_VALUE];
  else if ((m = AT_MOST.exec(trimmed))) range = [m[1]!, 0n, BigInt(m[2]!)];
  if (range === undefined) throw invalid(text, "it is not one of the forms mintkit proves");
  const [claim, lo, hi] = range;
  if (lo > MAX_PROVABLE_VALUE || hi > MAX_PROVABLE_VALUE) throw invalid(text, "bounds must be below 2^64");
  if (lo > hi) throw invalid(text, `the range is empty (${lo} > ${hi})`);
  return { kind: "range", claim, lo, hi };
}

/** The canonical text of a statement: `"age>=21"`, `"score in 600..850"`. */
export function formatPredicate(statement: PredicateStatement): string {
  return statement.kind === "age" ? `age>=${statement.minAge}` : `${statement.claim} in ${statement.lo}..${statement.hi}`;
}

/**
 * The range `[lo, hi]` a statement means on day `day` (days since 1970-01-01; only age statements depend on
 * it): "age>=N" is `0 <= birth_date <= ageBoundaryDay(day, N)`. `undefined` when no provable value satisfies it
 * (an age boundary before 1970).
 */
export function predicateRange(statement: PredicateStatement, day: number): { lo: bigint; hi: bigint } | undefined {
  if (statement.kind === "range") return { lo: statement.lo, hi: statement.hi };
  const boundary = ageBoundaryDay(day, statement.minAge);
  return boundary < 0 ? undefined : { lo: 0n, hi: BigInt(boundary) };
}
