import { CredentialError } from "../errors/CredentialError.js";
import { parseClaimField, type ClaimField } from "./claimTypes.js";

/**
 * Parses a schema's fields as the registry stores them (`registerSchema(name, fields)`, each
 * `"<type> <name>"`), throwing a `CredentialError` (`CREDENTIAL_INVALID_SCHEMA`) that lists every problem:
 * an unsupported type, a bad or duplicated name, an empty list.
 *
 * @example
 * parseSchemaFields(["bool age_over_18", "string nationality"]);
 * // [{ type: "bool", name: "age_over_18" }, { type: "string", name: "nationality" }]
 */
export function parseSchemaFields(fields: readonly string[]): ClaimField[] {
  const problems: string[] = [];
  const parsed: ClaimField[] = [];
  const seen = new Set<string>();
  if (fields.length === 0) problems.push("a schema needs at least one field");
  for (const raw of fields) {
    const { field, problems: fieldProblems } = parseClaimField(raw);
    problems.push(...fieldProblems);
    if (!field) continue;
    if (seen.has(field.name)) problems.push(`field "${field.name}" is declared more than once`);
    seen.add(field.name);
    parsed.push(field);
  }
  if (problems.length > 0) {
    throw new CredentialError("CREDENTIAL_INVALID_SCHEMA", `The schema fields are invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}).`, {
      hint: `Declare each field as "<type> <name>" with a Solidity type, e.g. "bool age_over_18". Fix: ${problems.join("; ")}.`,
      details: { problems },
    });
  }
  return parsed;
}
