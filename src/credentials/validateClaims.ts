import { isHex, size } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import { claimNameProblem, type Claim } from "./claimTypes.js";
import { normalizeClaimValue } from "./normalizeClaimValue.js";

/**
 * Every problem with a list of claims (unsupported type, bad name, value that does not fit its type, salt
 * that is not 32 bytes, duplicated name, empty list), and the claims in canonical form when there is none.
 * `input` is untyped on purpose: claims often come from JSON or from another library (EAS's `PrivateData`).
 * With `strictNames: false` any non-empty name is accepted (EAS allows any string; mintkit schemas do not).
 */
export function checkClaims(
  input: unknown,
  label = "claims",
  options: { strictNames?: boolean } = {},
): { claims: Claim[]; problems: [] } | { claims?: undefined; problems: string[] } {
  const problems: string[] = [];
  if (!Array.isArray(input)) return { problems: [`${label} must be an array`] };
  if (input.length === 0) problems.push(`${label} must not be empty`);
  const claims: Claim[] = [];
  const seen = new Set<string>();
  input.forEach((raw: unknown, i) => {
    const at = `${label}[${i}]`;
    if (typeof raw !== "object" || raw === null) {
      problems.push(`${at} must be an object { type, name, value, salt }`);
      return;
    }
    const { type, name, value, salt } = raw as Record<string, unknown>;
    const before = problems.length;
    if (typeof type !== "string") problems.push(`${at}.type must be a string`);
    if (typeof name !== "string") problems.push(`${at}.name must be a string`);
    else {
      const nameProblem = options.strictNames === false ? (name === "" ? "the name is empty" : undefined) : claimNameProblem(name);
      if (nameProblem) problems.push(`${at}: ${nameProblem}`);
      if (seen.has(name)) problems.push(`${at}: claim "${name}" appears more than once`);
      seen.add(name);
    }
    if (typeof salt !== "string" || !isHex(salt, { strict: true }) || salt.length !== 66 || size(salt) !== 32) {
      problems.push(`${at}.salt must be 32 bytes of 0x-prefixed hex`);
    }
    if (typeof type === "string") {
      const checked = normalizeClaimValue(type, value, `${at}.value`);
      problems.push(...checked.problems);
      if (problems.length === before && checked.value !== undefined) {
        claims.push({ type, name: name as string, value: checked.value, salt: (salt as string).toLowerCase() as `0x${string}` });
      }
    }
  });
  return problems.length === 0 ? { claims, problems: [] } : { problems };
}

/** {@link checkClaims}, throwing a `CredentialError` (`CREDENTIAL_INVALID_CLAIMS`) that lists every problem. */
export function validateClaims(input: unknown): Claim[] {
  const result = checkClaims(input);
  if (result.claims === undefined) {
    throw new CredentialError("CREDENTIAL_INVALID_CLAIMS", `The claims are invalid (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}).`, {
      hint: `Fix: ${result.problems.join("; ")}.`,
      details: { problems: result.problems },
    });
  }
  return result.claims;
}
