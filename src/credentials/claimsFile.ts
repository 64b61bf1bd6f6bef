import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim } from "./claimTypes.js";
import { commitClaims } from "./commitClaims.js";
import { checkCredentialReference, credentialReferenceToJson, type CredentialReference, type CredentialReferenceJson } from "./credentialReference.js";
import { claimValueToJson, type ClaimValueJson } from "./normalizeClaimValue.js";
import { isBytes32, readVersionedJson } from "./readVersionedJson.js";
import { checkClaims } from "./validateClaims.js";

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
}

/** The JSON form of a {@link ClaimsFile}: integers (token id, integer claim values) as decimal strings. */
export interface ClaimsFileJson {
  readonly format: typeof CLAIMS_FILE_FORMAT;
  readonly version: typeof CLAIMS_FILE_VERSION;
  readonly credential: CredentialReferenceJson;
  readonly claims: readonly { readonly type: string; readonly name: string; readonly value: ClaimValueJson; readonly salt: Hex }[];
  readonly root: Hex;
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
export function createClaimsFile(parameters: { credential: CredentialReference; claims: readonly Claim[] }): ClaimsFile {
  const problems: string[] = [];
  const credential = checkCredentialReference(parameters.credential, "credential", problems);
  const checked = checkClaims(parameters.claims, "claims");
  problems.push(...checked.problems);
  if (credential === undefined || checked.claims === undefined || problems.length > 0) throw invalid(problems);
  return { format: CLAIMS_FILE_FORMAT, version: CLAIMS_FILE_VERSION, credential, claims: checked.claims, root: commitClaims(checked.claims).root };
}

/** The JSON-safe object of a claims file. */
export function claimsFileToJson(file: ClaimsFile): ClaimsFileJson {
  return {
    format: file.format,
    version: file.version,
    credential: credentialReferenceToJson(file.credential),
    claims: file.claims.map((c) => ({ type: c.type, name: c.name, value: claimValueToJson(c.value), salt: c.salt })),
    root: file.root,
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
  if (credential === undefined || checked.claims === undefined || problems.length > 0) throw invalid(problems);
  return { format: CLAIMS_FILE_FORMAT, version: CLAIMS_FILE_VERSION, credential, claims: checked.claims, root: (root as string).toLowerCase() as Hex };
}
