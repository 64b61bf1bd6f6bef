import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim } from "./claimTypes.js";
import { commitClaims } from "./commitClaims.js";
import { checkCredentialReference, credentialReferenceToJson, type CredentialReference, type CredentialReferenceJson } from "./credentialReference.js";
import { claimValueToJson, type ClaimValueJson } from "./normalizeClaimValue.js";
import { isBytes32, readVersionedJson } from "./readVersionedJson.js";
import { checkClaims } from "./validateClaims.js";
import { COMMITMENT_SUFFIX, committedClaimName, isBlinding } from "./commitmentClaims.js";
import { poseidonCommitment } from "./poseidonCommitment.js";

/** The format tag and version of holder claims files. */
export const CLAIMS_FILE_FORMAT = "mintkit-claims";
export const CLAIMS_FILE_VERSION = 1;

/**
 * What a holder keeps (privately: it holds every value and salt) to disclose claims of one credential later.
 */
export interface ClaimsFile {
  readonly format: typeof CLAIMS_FILE_FORMAT;
  readonly version: typeof CLAIMS_FILE_VERSION;
  readonly credential: CredentialReference;
  readonly claims: readonly Claim[];
  /** The claims root, equal to the credential's on-chain `claimsRoot`. */
  readonly root: Hex;
  /**
   * The blinding of each provable claim (by the name of the claim committed to, e.g. `birth_date`): with the
   * value it opens the `<name>#poseidon` commitment claim in a zero-knowledge predicate proof. Absent when the
   * credential has no provable claim. Not part of the EAS private data (`claims` alone is).
   */
  readonly blindings?: Readonly<Record<string, Hex>>;
}

/** The JSON form of a {@link ClaimsFile}: integers (token id, integer claim values) as decimal strings. */
export interface ClaimsFileJson {
  readonly format: typeof CLAIMS_FILE_FORMAT;
  readonly version: typeof CLAIMS_FILE_VERSION;
  readonly credential: CredentialReferenceJson;
  readonly claims: readonly { readonly type: string; readonly name: string; readonly value: ClaimValueJson; readonly salt: Hex }[];
  readonly root: Hex;
  readonly blindings?: Readonly<Record<string, Hex>>;
}

function invalid(problems: string[]): CredentialError<"CREDENTIAL_INVALID_CLAIMS_FILE"> {
  return new CredentialError("CREDENTIAL_INVALID_CLAIMS_FILE", `The claims file is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}).`, {
    hint: `Use the claims file the issuer gave you, unmodified. Fix: ${problems.join("; ")}.`,
    details: { problems },
  });
}

/**
 * A holder claims file for credential `credential` with `claims` (values and salts); its root is computed
 * from the claims. Throws a `CredentialError` (`CREDENTIAL_INVALID_CLAIMS_FILE`) listing every problem.
 *
 * @example
 * const file = createClaimsFile({ credential: { chainId, registry, tokenId, holder, issuer, schemaId }, claims });
 * writeFileSync("claims.json", stringifyClaimsFile(file));
 */
export function createClaimsFile(parameters: {
  credential: CredentialReference;
  claims: readonly Claim[];
  /** The blindings given to `createClaims` (required when the claims include `<name>#poseidon` commitments). */
  blindings?: Readonly<Record<string, Hex>>;
}): ClaimsFile {
  const problems: string[] = [];
  const credential = checkCredentialReference(parameters.credential, "credential", problems);
  const checked = checkClaims(parameters.claims, "claims");
  problems.push(...checked.problems);
  const blindings = checked.claims === undefined ? undefined : checkBlindings(parameters.blindings, checked.claims, problems);
  if (credential === undefined || checked.claims === undefined || problems.length > 0) throw invalid(problems);
  return {
    format: CLAIMS_FILE_FORMAT,
    version: CLAIMS_FILE_VERSION,
    credential,
    claims: checked.claims,
    root: commitClaims(checked.claims).root,
    ...(blindings === undefined ? {} : { blindings }),
  };
}

/**
 * Checks the blindings against the commitment claims: one blinding per `<name>#poseidon` claim, none other,
 * each 31 bytes, and `Poseidon(value, blinding)` equal to the commitment. Returns them lowercased.
 */
function checkBlindings(input: unknown, claims: readonly Claim[], problems: string[]): Record<string, Hex> | undefined {
  const commitments = claims.filter((c) => committedClaimName(c.name) !== undefined);
  if (input === undefined && commitments.length === 0) return undefined;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    problems.push(`blindings must be an object of 31-byte hex values by claim name (the claims include ${commitments.map((c) => c.name).join(", ")})`);
    return undefined;
  }
  const blindings: Record<string, Hex> = {};
  for (const [name, blinding] of Object.entries(input as Record<string, unknown>)) {
    const commitment = claims.find((c) => c.name === `${name}${COMMITMENT_SUFFIX}`);
    const value = claims.find((c) => c.name === name)?.value;
    if (commitment === undefined) problems.push(`blindings.${name}: there is no claim "${name}${COMMITMENT_SUFFIX}"`);
    else if (!isBlinding(blinding)) problems.push(`blindings.${name} must be 31 bytes of 0x-prefixed hex`);
    else if (typeof value !== "bigint" || value >= 1n << 64n || poseidonCommitment(value, blinding) !== commitment.value) {
      problems.push(`blindings.${name} does not open claim "${name}${COMMITMENT_SUFFIX}" (Poseidon(${name}, blinding) differs)`);
    } else blindings[name] = blinding.toLowerCase() as Hex;
  }
  for (const c of commitments) {
    if (!Object.prototype.hasOwnProperty.call(input, committedClaimName(c.name)!)) problems.push(`blindings has no blinding for claim "${c.name}"`);
  }
  return blindings;
}

/** The JSON-safe object of a claims file. */
export function claimsFileToJson(file: ClaimsFile): ClaimsFileJson {
  return {
    format: file.format,
    version: file.version,
    credential: credentialReferenceToJson(file.credential),
    claims: file.claims.map((c) => ({ type: c.type, name: c.name, value: claimValueToJson(c.value), salt: c.salt })),
    root: file.root,
    ...(file.blindings === undefined ? {} : { blindings: { ...file.blindings } }),
  };
}

/** A claims file as JSON text (two-space indent, trailing newline). */
export function stringifyClaimsFile(file: ClaimsFile): string {
  return `${JSON.stringify(claimsFileToJson(file), null, 2)}\n`;
}

/**
 * Reads a holder claims file (JSON text or an already parsed object) and checks it all: format and
 * version, the credential reference (addresses, token id that encodes the holder and schema), every claim
 * (type, name, value, salt) and that the root matches the claims. Throws a `CredentialError`
 * (`CREDENTIAL_INVALID_CLAIMS_FILE`) listing every problem found.
 */
export function parseClaimsFile(input: string | unknown): ClaimsFile {
  const { fields: r, problems } = readVersionedJson(
    input,
    { format: CLAIMS_FILE_FORMAT, version: CLAIMS_FILE_VERSION, notObject: "the file must hold a JSON object" },
    invalid,
  );
  const credential = checkCredentialReference(r.credential, "credential", problems);
  const checked = checkClaims(r.claims, "claims");
  problems.push(...checked.problems);
  const root = r.root;
  if (!isBytes32(root)) problems.push("root must be 32 bytes of 0x-prefixed hex");
  else if (checked.claims !== undefined && commitClaims(checked.claims).root !== root.toLowerCase()) {
    problems.push("root does not match the claims (a value or a salt was changed)");
  }
  const blindings = checked.claims === undefined ? undefined : checkBlindings(r.blindings, checked.claims, problems);
  if (credential === undefined || checked.claims === undefined || problems.length > 0) throw invalid(problems);
  return {
    format: CLAIMS_FILE_FORMAT,
    version: CLAIMS_FILE_VERSION,
    credential,
    claims: checked.claims,
    root: (root as string).toLowerCase() as Hex,
    ...(blindings === undefined ? {} : { blindings }),
  };
}
