import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim, SchemaValues } from "./claimTypes.js";
import { createSalt } from "./createSalt.js";
import { normalizeClaimValue } from "./normalizeClaimValue.js";
import { parseSchemaFields } from "./parseSchemaFields.js";

/**
 * The claims of one credential, typed by its schema: one claim per field, in the schema's order, each with a
 * fresh random 32-byte salt ({@link createSalt}). Every field needs a value and every value a field; values
 * are checked against their Solidity type. Throws a `CredentialError` (`CREDENTIAL_INVALID_SCHEMA` or
 * `CREDENTIAL_INVALID_CLAIMS`) that lists every problem.
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
}): Claim[] {
  const fields = parseSchemaFields(parameters.fields);
  const values = parameters.values as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  const claims: Claim[] = [];
  for (const { type, name } of fields) {
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
