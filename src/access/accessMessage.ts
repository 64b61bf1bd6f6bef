import { createSiweMessage } from "viem/siwe";
import type { Address } from "viem";
import type { AccessChallenge } from "./accessTypes.js";

/**
 * The EIP-4361 ("Sign-In with Ethereum") message a holder signs for a challenge: the audience's host is the
 * `domain`, the audience the `uri`, the event the `requestId`, and the statement says in words which token
 * admits the holder, so a wallet shows it readably. The verifier rebuilds the same text from the proof's
 * fields, so the payload never carries the message itself. Browser-safe.
 * @example
 * const message = accessMessage(challenge, { holder: "0x…", tokenId: 7n });
 */
export function accessMessage(challenge: AccessChallenge, parameters: { readonly holder: Address; readonly tokenId: bigint }): string {
  const { grant } = challenge;
  const statement =
    grant.kind === "erc721"
      ? `Check me in to ${challenge.event} with token #${parameters.tokenId} of ${grant.collection}.`
      : `Check me in to ${challenge.event} holding at least ${grant.minBalance ?? 1n} of token #${parameters.tokenId} of ${grant.collection} (ERC-1155).`;
  return createSiweMessage({
    domain: new URL(challenge.audience).host,
    address: parameters.holder,
    statement,
    uri: challenge.audience,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    issuedAt: new Date(challenge.issuedAt * 1000),
    expirationTime: new Date(challenge.expiresAt * 1000),
    requestId: challenge.event,
  });
}
