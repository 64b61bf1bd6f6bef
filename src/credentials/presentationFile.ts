import { getAddress, isAddress, isHex, type Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import { claimValueToJson, type ClaimValueJson } from "./normalizeClaimValue.js";
import type { Presentation } from "./presentationTypes.js";
import type { Groth16Proof, PredicateProof } from "./predicateTypes.js";
import { isBytes32, readVersionedJson } from "./readVersionedJson.js";
import { checkClaims } from "./validateClaims.js";

/** The format tag and version of presentation files. */
export const PRESENTATION_FORMAT = "mintkit-presentation";
export const PRESENTATION_VERSION = 1;

/** The JSON form of a {@link Presentation}: integers as decimal strings. */
export interface PresentationJson {
  readonly format: typeof PRESENTATION_FORMAT;
  readonly version: typeof PRESENTATION_VERSION;
  readonly chainId: number;
  readonly registry: string;
  readonly tokenId: string;
  readonly holder: string;
  readonly audience: string;
  readonly nonce: string;
  readonly issuedAt: number;
  readonly disclosure: {
    readonly root: Hex;
    readonly claims: readonly { readonly type: string; readonly name: string; readonly value: ClaimValueJson; readonly salt: Hex }[];
    readonly proof: readonly Hex[];
    readonly proofFlags: readonly boolean[];
  };
  readonly signature: Hex;
  readonly predicates?: readonly PredicateProofJson[];
}

/** The JSON form of a {@link PredicateProof}: bounds as decimal strings. */
export interface PredicateProofJson {
  readonly statement: string;
  readonly claim: string;
  readonly lo: string;
  readonly hi: string;
  readonly day?: number;
  readonly proof: Groth16Proof;
}

/** The JSON-safe object of a presentation. */
export function presentationToJson(p: Presentation): PresentationJson {
  return {
    format: PRESENTATION_FORMAT,
    version: PRESENTATION_VERSION,
    chainId: p.chainId,
    registry: p.registry,
    tokenId: p.tokenId.toString(),
    holder: p.holder,
    audience: p.audience,
    nonce: p.nonce,
    issuedAt: p.issuedAt,
    disclosure: {
      root: p.disclosure.root,
      claims: p.disclosure.claims.map((c) => ({ type: c.type, name: c.name, value: claimValueToJson(c.value), salt: c.salt })),
      proof: [...p.disclosure.proof],
      proofFlags: [...p.disclosure.proofFlags],
    },
    signature: p.signature,
    ...(p.predicates === undefined
      ? {}
      : {
          predicates: p.predicates.map((q) => ({
            statement: q.statement,
            claim: q.claim,
            lo: q.lo.toString(),
            hi: q.hi.toString(),
            ...(q.day === undefined ? {} : { day: q.day }),
            proof: q.proof,
          })),
        }),
  };
}

const DECIMAL = /^\d{1,78}$/;
const isDecimalPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string" && DECIMAL.test(x));

/** Reads the `predicates` of a presentation file, listing problems. */
function parsePredicates(input: unknown, problems: string[]): PredicateProof[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input)) {
    problems.push("predicates must be an array");
    return undefined;
  }
  return input.flatMap((raw: unknown, i): PredicateProof[] => {
    const at = `predicates[${i}]`;
    const q = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const before = problems.length;
    if (typeof q.statement !== "string") problems.push(`${at}.statement must be a string`);
    if (typeof q.claim !== "string") problems.push(`${at}.claim must be a string`);
    for (const key of ["lo", "hi"] as const) if (typeof q[key] !== "string" || !/^\d{1,20}$/.test(q[key] as string)) problems.push(`${at}.${key} must be a decimal string`);
    if (q.day !== undefined && (typeof q.day !== "number" || !Number.isSafeInteger(q.day) || q.day < 0)) problems.push(`${at}.day must be days since 1970-01-01`);
    const proof = (typeof q.proof === "object" && q.proof !== null ? q.proof : {}) as Record<string, unknown>;
    if (!isDecimalPair(proof.a) || !isDecimalPair(proof.c) || !Array.isArray(proof.b) || proof.b.length !== 2 || !proof.b.every(isDecimalPair)) {
      problems.push(`${at}.proof must be a Groth16 proof { a, b, c } of decimal strings`);
    }
    if (problems.length > before) return [];
    return [
      {
        statement: q.statement as string,
        claim: q.claim as string,
        lo: BigInt(q.lo as string),
        hi: BigInt(q.hi as string),
        ...(q.day === undefined ? {} : { day: q.day as number }),
        proof: q.proof as Groth16Proof,
      },
    ];
  });
}

/** A presentation as JSON text (two-space indent, trailing newline): what a holder sends a verifier. */
export function stringifyPresentation(p: Presentation): string {
  return `${JSON.stringify(presentationToJson(p), null, 2)}\n`;
}

function invalid(problems: string[]): CredentialError<"CREDENTIAL_INVALID_PRESENTATION"> {
  return new CredentialError("CREDENTIAL_INVALID_PRESENTATION", `The presentation is malformed (${problems.length} problem${problems.length === 1 ? "" : "s"}).`, {
    hint: `Ask the holder for a presentation made by mintkit (createPresentation). Fix: ${problems.join("; ")}.`,
    details: { problems },
  });
}

/**
 * Reads a presentation (JSON text or a parsed object) and checks its shape: every field present and typed,
 * claims encodable. Says nothing about whether it is valid: that is {@link verifyPresentation}'s job.
 * Throws a `CredentialError` (`CREDENTIAL_INVALID_PRESENTATION`) listing every problem.
 */
export function parsePresentation(input: string | unknown): Presentation {
  const { fields: r, problems } = readVersionedJson(
    input,
    { format: PRESENTATION_FORMAT, version: PRESENTATION_VERSION, notObject: "the presentation must be a JSON object" },
    invalid,
  );
  if (typeof r.chainId !== "number" || !Number.isSafeInteger(r.chainId) || r.chainId <= 0) problems.push("chainId must be a positive integer");
  for (const key of ["registry", "holder"] as const) {
    if (typeof r[key] !== "string" || !isAddress(r[key] as string, { strict: false })) problems.push(`${key} must be a 20-byte hex address`);
  }
  const tokenIdOk = typeof r.tokenId === "string" && /^\d+$/.test(r.tokenId) && BigInt(r.tokenId) < 1n << 256n;
  if (!tokenIdOk) problems.push("tokenId must be a uint256 as a decimal string");
  for (const key of ["audience", "nonce"] as const) if (typeof r[key] !== "string") problems.push(`${key} must be a string`);
  if (typeof r.issuedAt !== "number" || !Number.isSafeInteger(r.issuedAt) || r.issuedAt < 0) problems.push("issuedAt must be unix seconds");
  if (typeof r.signature !== "string" || !isHex(r.signature, { strict: true })) problems.push("signature must be hex");
  const d = r.disclosure as Record<string, unknown> | undefined;
  let claims: ReturnType<typeof checkClaims>["claims"];
  if (typeof d !== "object" || d === null) problems.push("disclosure must be an object { root, claims, proof, proofFlags }");
  else {
    if (!isBytes32(d.root)) problems.push("disclosure.root must be 32 bytes of hex");
    if (!Array.isArray(d.proof) || !d.proof.every(isBytes32)) problems.push("disclosure.proof must be an array of 32-byte hex values");
    if (!Array.isArray(d.proofFlags) || !d.proofFlags.every((f) => typeof f === "boolean")) problems.push("disclosure.proofFlags must be an array of booleans");
    if (Array.isArray(d.claims) && d.claims.length === 0) claims = [];
    else {
      const checked = checkClaims(d.claims, "disclosure.claims", { strictNames: false });
      problems.push(...checked.problems);
      claims = checked.claims;
    }
  }
  const predicates = parsePredicates(r.predicates, problems);
  if (problems.length > 0 || claims === undefined || d === undefined) throw invalid(problems);
  return {
    chainId: r.chainId as number,
    registry: getAddress(r.registry as string),
    tokenId: BigInt(r.tokenId as string),
    holder: getAddress(r.holder as string),
    audience: r.audience as string,
    nonce: r.nonce as string,
    issuedAt: r.issuedAt as number,
    disclosure: {
      root: (d.root as string).toLowerCase() as Hex,
      claims,
      proof: (d.proof as string[]).map((p) => p.toLowerCase() as Hex),
      proofFlags: d.proofFlags as boolean[],
    },
    signature: r.signature as Hex,
    ...(predicates === undefined ? {} : { predicates }),
  };
}
