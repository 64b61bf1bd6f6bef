import { bytesToHex, getAddress, isAddress } from "viem";
import { AccessError } from "../errors/AccessError.js";
import type { AccessChallenge, AccessGrant } from "./accessTypes.js";

/** Parameters of {@link createAccessChallenge}. */
export interface CreateAccessChallengeParameters {
  /** The verifier, as an http(s) URL, e.g. `https://door.example`. */
  readonly audience: string;
  /** The event id (1 to 64 of `A-Z a-z 0-9 . _ : -`), e.g. `devcon-2026-day1`. */
  readonly event: string;
  readonly chainId: number;
  readonly grant: AccessGrant;
  /** Unix seconds the challenge is made at (default: the wall clock; the CLI uses the chain's latest block). */
  readonly now?: number;
  /** Lifetime in seconds (default 600; at most 30 days). */
  readonly ttl?: number;
}

export type CreateAccessChallengeReturnType = AccessChallenge;

/** Longest challenge lifetime: 30 days. */
export const maxAccessChallengeTtl = 30 * 86_400;
const EVENT = /^[A-Za-z0-9._:-]{1,64}$/;
const UINT256_MAX = 2n ** 256n - 1n;

/**
 * A verifier's challenge for a holder: audience, event, what grants entry, a fresh random nonce (16 bytes
 * from the platform CSPRNG) and an expiry. Browser-safe. Invalid parameters throw
 * `AccessError("ACCESS_INVALID_CHALLENGE")` listing every problem.
 * @example
 * const challenge = createAccessChallenge({
 *   audience: "https://door.example",
 *   event: "devcon-2026",
 *   chainId: 31337,
 *   grant: { kind: "erc721", collection: "0x…" },
 * });
 */
export function createAccessChallenge(parameters: CreateAccessChallengeParameters): CreateAccessChallengeReturnType {
  const now = parameters.now ?? Math.floor(Date.now() / 1000);
  const ttl = parameters.ttl ?? 600;
  const nonce = bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(16))).slice(2);
  const challenge: AccessChallenge = {
    audience: parameters.audience,
    event: parameters.event,
    chainId: parameters.chainId,
    grant: parameters.grant,
    nonce,
    issuedAt: now,
    expiresAt: now + ttl,
  };
  const problems = challengeProblems(challenge);
  if (!Number.isSafeInteger(ttl) || ttl < 1 || ttl > maxAccessChallengeTtl) problems.push(`ttl must be 1 to ${maxAccessChallengeTtl} seconds (30 days)`);
  if (problems.length > 0) throw invalidChallenge(problems);
  return normalizeChallenge(challenge);
}

/** Every problem of a challenge (empty when it is well-formed). Shared by the decoder. */
export function challengeProblems(challenge: AccessChallenge): string[] {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(challenge.audience);
  } catch {
    problems.push(`audience must be an http(s) URL such as https://door.example (got ${JSON.stringify(challenge.audience)})`);
  }
  if (url && !/^https?:$/.test(url.protocol)) problems.push("audience must be an http(s) URL");
  if (new TextEncoder().encode(challenge.audience).length > 200) problems.push("audience must be at most 200 bytes");
  if (!EVENT.test(challenge.event)) problems.push("event must be 1 to 64 of A-Z a-z 0-9 . _ : -");
  if (!Number.isSafeInteger(challenge.chainId) || challenge.chainId < 1) problems.push("chainId must be a positive integer");
  if (!/^[0-9a-f]{32}$/.test(challenge.nonce)) problems.push("nonce must be 32 lowercase hex characters");
  if (!Number.isSafeInteger(challenge.issuedAt) || challenge.issuedAt < 0) problems.push("issuedAt must be unix seconds");
  if (!Number.isSafeInteger(challenge.expiresAt) || challenge.expiresAt <= challenge.issuedAt) problems.push("expiresAt must be unix seconds after issuedAt");
  const grant = challenge.grant as AccessGrant | undefined;
  if (!grant || (grant.kind !== "erc721" && grant.kind !== "erc1155")) {
    problems.push('grant.kind must be "erc721" or "erc1155"');
    return problems;
  }
  if (typeof grant.collection !== "string" || !isAddress(grant.collection, { strict: false })) problems.push("grant.collection must be an address");
  const inRange = (v: unknown) => typeof v === "bigint" && v >= 0n && v <= UINT256_MAX;
  if (grant.kind === "erc1155" && !inRange(grant.tokenId)) problems.push("grant.tokenId (the ERC-1155 id) must be a uint256");
  if (grant.kind === "erc721" && grant.tokenId !== undefined && !inRange(grant.tokenId)) problems.push("grant.tokenId must be a uint256");
  if (grant.kind === "erc1155" && grant.minBalance !== undefined && (!inRange(grant.minBalance) || grant.minBalance < 1n)) {
    problems.push("grant.minBalance must be a uint256 of at least 1");
  }
  return problems;
}

/** The challenge with a checksummed collection and ERC-1155's default minimum balance written out. */
export function normalizeChallenge(challenge: AccessChallenge): AccessChallenge {
  const { grant } = challenge;
  const collection = getAddress(grant.collection);
  return {
    ...challenge,
    grant:
      grant.kind === "erc721"
        ? { kind: "erc721", collection, ...(grant.tokenId === undefined ? {} : { tokenId: grant.tokenId }) }
        : { kind: "erc1155", collection, tokenId: grant.tokenId, minBalance: grant.minBalance ?? 1n },
  };
}

export function invalidChallenge(problems: readonly string[]): AccessError<"ACCESS_INVALID_CHALLENGE"> {
  return new AccessError("ACCESS_INVALID_CHALLENGE", `The access challenge is invalid: ${problems.join("; ")}.`, {
    hint: "Make challenges with createAccessChallenge (or `mintkit access challenge`) and pass them on unchanged.",
    details: { problems },
  });
}
