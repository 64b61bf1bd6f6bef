/**
 * Types of tickets and access passes. Browser-safe (types only).
 *
 * A verifier (the organiser's door) makes an {@link AccessChallenge}; the holder signs it as an EIP-4361
 * "Sign-In with Ethereum" message ({@link AccessProof}); the door verifies the proof against the chain and
 * records the check-in once.
 */
import type { Address, Hex } from "viem";

/** What grants entry: a token of an ERC-721 collection, or a minimum balance of an ERC-1155 id. */
export type AccessGrant =
  | {
      readonly kind: "erc721";
      readonly collection: Address;
      /** Only this token admits (default: any token of the collection; the holder names it in the proof). */
      readonly tokenId?: bigint;
    }
  | {
      readonly kind: "erc1155";
      readonly collection: Address;
      /** The ERC-1155 id that is the ticket. */
      readonly tokenId: bigint;
      /** The balance of `tokenId` the holder must have (default 1). */
      readonly minBalance?: bigint;
    };

/** A verifier's challenge: who asks (audience), for which event, what grants entry, a fresh nonce, a window. */
export interface AccessChallenge {
  /** The verifier, as an http(s) URL (`https://door.example`): the SIWE `uri`; its host is the SIWE `domain`. */
  readonly audience: string;
  /** The event the ticket is for (1 to 64 of `A-Z a-z 0-9 . _ : -`): the SIWE `requestId`. */
  readonly event: string;
  readonly chainId: number;
  readonly grant: AccessGrant;
  /** 32 lowercase hex characters (16 random bytes): the SIWE `nonce`. */
  readonly nonce: string;
  /** Unix seconds. */
  readonly issuedAt: number;
  /** Unix seconds; the proof is refused from this second on. */
  readonly expiresAt: number;
}

/** A holder's signed answer to a challenge. */
export interface AccessProof {
  readonly challenge: AccessChallenge;
  /** The signer: the account that holds the ticket (an EOA or a contract wallet). */
  readonly holder: Address;
  /** The token presented (for ERC-721 the token id, for ERC-1155 the grant's id). */
  readonly tokenId: bigint;
  /** EIP-191 signature of the SIWE message (ERC-1271 / ERC-6492 signatures of contract wallets allowed). */
  readonly signature: Hex;
}
