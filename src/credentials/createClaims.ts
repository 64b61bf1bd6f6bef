import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim, SchemaValues } from "./claimTypes.js";
import { createSalt } from "./createSalt.js";
import { normalizeClaimValue } from "./normalizeClaimValue.js";
import { COMMITMENT_TYPE, MAX_PROVABLE_VALUE, committedClaimName, isBlinding } from "./commitmentClaims.js";
import { poseidonCommitment } from "./poseidonCommitment.js";
import { parseSchemaFields } from "./parseSchemaFields.js";

/**
 * The claims of one credential, typed by its schema: one claim per field, in the schema's order, each with a
 * fresh random 32-byte salt ({@link createSalt}). Every field needs a value and every value a field; values
 * are checked against their Solidity type. Throws a `CredentialError` (`CREDENTIAL_INVALID_SCHEMA` or
 * `CREDENTIAL_INVALID_CLAIMS`) that lists every problem.
 *
 * A schema field `uint256 <name>#poseidon` marks the unsigned integer claim `<name>` (below 2^64, e.g. a
 * birth date as days since 1970-01-01) as provable in zero knowledge: its value is computed here as
 * `Poseidon(<name>, blindings[<name>])` ({@link poseidonCommitment}), so pass a fresh blinding per provable
 * claim ({@link createBlinding}) and keep it in the holder's claims file (`createClaimsFile({ blindings })`).
 *
 * @example
 * const claims = createClaims({
 *   fields: ["bool age_over_18", "string nationality"],
 *   values: { age_over_18: true, nationality: "NL" },
 * });
 */
export function createClaims<const TFields extends readonly string[]>(parameters: {
  /** The schema's fields, `"<type> <name>"` as registered on the registry. */
  fields: TFields;
  /** One value per field, by claim name. */
  values: SchemaValues<TFields>;
  /** Salts to use instead of fresh random ones (tests, re-issuing the same claims). */
  salts?: Readonly<Record<string, Hex>>;
  /** The blinding of each provable claim, by the name of the claim committed to (`birth_date`, not `birth_date#poseidon`). */
  blindings?: Readonly<Record<string, Hex>>;
}): Claim[] {
  const fields = parseSchemaFields(parameters.fields);
  const values = parameters.values as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  const claims: Claim[] = [];
  const commitments = new Map<string, bigint>();
  for (const { type, name } of fields) {
    const committed = committedClaimName(name);
    if (committed === undefined) continue;
    const source = fields.find((f) => f.name === committed);
    const blinding = parameters.blindings?.[committed];
    const value = values[committed];
    if (type !== COMMITMENT_TYPE) problems.push(`commitment claim "${name}" must be a ${COMMITMENT_TYPE}`);
    else if (source === undefined || !/^uint\d+$/.test(source.type)) {
      problems.push(`commitment claim "${name}" needs an unsigned integer claim "${committed}" in the schema`);
    } else if (!isBlinding(blinding)) {
      problems.push(`commitment claim "${name}" needs a blinding: pass blindings: { ${committed}: createBlinding() } (31 bytes of hex)`);
    } else {
      const checked = normalizeClaimValue(source.type, value, `claim "${committed}"`);
      if (checked.value === undefined) continue; // reported below with the claim itself
      if ((checked.value as bigint) > MAX_PROVABLE_VALUE) problems.push(`claim "${committed}" is provable only up to 2^64 - 1`);
      else commitments.set(name, poseidonCommitment(checked.value as bigint, blinding));
    }
  }
  for (const { type, name } of fields) {
    const commitment = commitments.get(name);
    if (commitment !== undefined) {
      if (values[name] !== undefined && normalizeClaimValue(type, values[name]).value !== commitment) {
        problems.push(`claim "${name}" does not match Poseidon(${committedClaimName(name)}, blinding): leave it out, it is computed`);
      }
      claims.push({ type, name, value: commitment, salt: parameters.salts?.[name] ?? createSalt() });
      continue;
    }
    if (committedClaimName(name) !== undefined) continue; // its problem is listed above
    if (!Object.prototype.hasOwnProperty.call(values, name) || values[name] === undefined) {
      problems.push(`claim "${name}" (${type}) has no value`);
      continue;
    }
    const checked = normalizeClaimValue(type, values[name], `claim "${name}"`);
    problems.push(...checked.problems);
    if (checked.value !== undefined) claims.push({ type, name, value: checked.value, salt: parameters.salts?.[name] ?? createSalt() });
  }
  const known = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(values)) if (!known.has(name)) problems.push(`"${name}" is not a field of the schema`);
  for (const name of Object.keys(parameters.blindings ?? {})) {
    if (!known.has(`${name}#poseidon`)) problems.push(`blinding "${name}": the schema has no commitment field "uint256 ${name}#poseidon"`);
  }
  for (const [name, salt] of Object.entries(parameters.salts ?? {})) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(salt)) problems.push(`salt of "${name}" must be 32 bytes of 0x-prefixed hex`);
  }
  if (problems.length > 0) {
    throw new CredentialError("CREDENTIAL_INVALID_CLAIMS", `The claims do not fit the schema (${problems.length} problem${problems.length === 1 ? "" : "s"}).`, {
      hint: `Give exactly one value of the right type per schema field. Fix: ${problems.join("; ")}.`,
      details: { problems },
    });
  }
  return claims;
}
