import {
  erc1155Abi,
  erc721Abi,
  getAddress,
  hashMessage,
  isAddressEqual,
  type Address,
  type Chain,
  type Client,
  type Transport,
} from "viem";
import { getBlock, getChainId, readContract, verifyHash } from "viem/actions";
import { accessMessage } from "./accessMessage.js";
import { decodeAccessProof } from "./accessPayload.js";
import type { AccessProof } from "./accessTypes.js";
import type { CheckInStore } from "./checkInStore.js";
import { maxAccessChallengeTtl } from "./createAccessChallenge.js";

/** Why a door refuses a proof: one code per failure. */
export type AccessRefusalReason =
  /** The proof is for another chain than the client's. */
  | "WRONG_CHAIN"
  /** The proof answers another verifier's challenge. */
  | "AUDIENCE_MISMATCH"
  /** The proof is for another event. */
  | "EVENT_MISMATCH"
  /** The proof presents a token of another collection (or kind) than the door admits. */
  | "WRONG_COLLECTION"
  /** The proof presents a token the door does not admit (another token id, or a lower minimum balance). */
  | "WRONG_TOKEN"
  /** The challenge was issued more than `clockSkew` seconds in the future. */
  | "NOT_YET_VALID"
  /** The challenge's expiry has passed (or its lifetime is longer than the door allows). */
  | "EXPIRED"
  /** The signature is not the holder's (EOA, ERC-1271 or ERC-6492) over this proof. */
  | "BAD_SIGNATURE"
  /** The ERC-721 token does not exist (never minted, or burned). */
  | "TOKEN_NOT_FOUND"
  /** The signer does not own the ERC-721 token now (e.g. sold it after signing). */
  | "NOT_HOLDER"
  /** The signer's ERC-1155 balance is now below the minimum. */
  | "BALANCE_TOO_LOW"
  /** The proof's nonce was seen before: a replayed (copied, screenshotted) proof. */
  | "NONCE_REPLAYED"
  /** `admitAccess` only: the ticket was already admitted to this event. */
  | "ALREADY_CHECKED_IN";

/** What the door admits: a collection, optionally one token (ERC-721) or an id with a minimum (ERC-1155). */
export interface AccessAccept {
  readonly collection: Address;
  /** Default `"erc721"`. */
  readonly kind?: "erc721" | "erc1155";
  /** Only this token id (ERC-721) / this id (ERC-1155; required for ERC-1155). */
  readonly tokenId?: bigint;
  /** ERC-1155: the least balance the door accepts (default 1; a proof asking less is refused). */
  readonly minBalance?: bigint;
}

/** Parameters of {@link verifyAccess}. */
export interface VerifyAccessParameters {
  /** The proof, or its payload text (`mkap1.…`) as scanned. */
  readonly proof: AccessProof | string;
  /** The door's own audience URL (as in its challenges). */
  readonly audience: string;
  /** The event this door admits to. */
  readonly event: string;
  readonly accept: AccessAccept;
  /** Remembers the nonces seen (and, for `admitAccess`, the admissions). */
  readonly store: CheckInStore;
  /** Unix seconds to judge expiry by (default: the chain's latest block timestamp). */
  readonly now?: number;
  /** Seconds a challenge's issued-at may lie ahead of `now` (default 300). */
  readonly clockSkew?: number;
  /** The longest challenge lifetime the door accepts, in seconds (default 30 days). */
  readonly maxTtl?: number;
}

/** A proof the door accepts: the holder holds the ticket at `blockNumber`. */
export interface AccessGranted {
  readonly valid: true;
  readonly proof: AccessProof;
  readonly holder: Address;
  readonly tokenId: bigint;
  readonly blockNumber: bigint;
  /** The `now` the proof was judged at (unix seconds). */
  readonly now: number;
  /** ERC-1155: the holder's balance at `blockNumber`. */
  readonly balance?: bigint;
}

/** A refused proof: one reason, and a sentence for the person at the door. */
export interface AccessRefused {
  readonly valid: false;
  readonly reason: AccessRefusalReason;
  readonly message: string;
  /** The proof's claimed holder and token (not to be trusted: the proof was refused). */
  readonly holder?: Address;
  readonly tokenId?: bigint;
}

export type VerifyAccessReturnType = AccessGranted | AccessRefused;

/**
 * The door's check of a proof: chain, audience, event, what it presents, expiry, the signature (an EOA,
 * an ERC-1271 wallet or an undeployed ERC-6492 one, through viem's `verifyHash`), that the signer holds the
 * ticket **now** (`ownerOf` / `balanceOf` at the latest block, read in parallel with the signature), and
 * last that its nonce was never seen (the store records it). Browser-safe. A refusal is a result with one reason code; a payload that cannot be read
 * throws `AccessError("ACCESS_MALFORMED_PAYLOAD")`. It does not admit anyone: {@link admitAccess} does.
 * @example
 * const result = await verifyAccess(publicClient, {
 *   proof: scannedText,
 *   audience: "https://door.example",
 *   event: "devcon-2026",
 *   accept: { collection: "0x…" },
 *   store,
 * });
 * if (!result.valid) console.warn(result.reason);
 */
export async function verifyAccess<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: VerifyAccessParameters,
): Promise<VerifyAccessReturnType> {
  const proof = typeof parameters.proof === "string" ? decodeAccessProof(parameters.proof) : parameters.proof;
  const { challenge, holder, tokenId } = proof;
  const { grant } = challenge;
  const refuse = (reason: AccessRefusalReason, message: string): AccessRefused => ({ valid: false, reason, message, holder, tokenId });

  const chainId = client.chain?.id ?? (await getChainId(client));
  if (challenge.chainId !== chainId) return refuse("WRONG_CHAIN", `The proof is for chain ${challenge.chainId}, this door checks chain ${chainId}.`);
  if (!sameUrl(challenge.audience, parameters.audience)) {
    return refuse("AUDIENCE_MISMATCH", `The proof answers ${challenge.audience}, not this door (${parameters.audience}).`);
  }
  if (challenge.event !== parameters.event) return refuse("EVENT_MISMATCH", `The proof is for event ${challenge.event}, not ${parameters.event}.`);
  const accept = parameters.accept;
  const kind = accept.kind ?? "erc721";
  if (grant.kind !== kind || !isAddressEqual(grant.collection, accept.collection)) {
    return refuse("WRONG_COLLECTION", `The proof presents a ${grant.kind} token of ${grant.collection}; this door admits ${kind} tokens of ${getAddress(accept.collection)}.`);
  }
  if (grant.tokenId !== undefined && grant.tokenId !== tokenId) return refuse("WRONG_TOKEN", `The proof names token ${tokenId} but was signed for token ${grant.tokenId}.`);
  if (accept.tokenId !== undefined && accept.tokenId !== tokenId) return refuse("WRONG_TOKEN", `This door admits token ${accept.tokenId} only, not ${tokenId}.`);
  const minBalance = grant.kind === "erc1155" ? (grant.minBalance ?? 1n) : 1n;
  if (grant.kind === "erc1155" && minBalance < (accept.minBalance ?? 1n)) {
    return refuse("WRONG_TOKEN", `The proof shows a balance of at least ${minBalance}; this door needs ${accept.minBalance}.`);
  }

  const block = await getBlock(client, { blockTag: "latest", includeTransactions: false });
  const now = parameters.now ?? Number(block.timestamp);
  if (challenge.issuedAt > now + (parameters.clockSkew ?? 300)) return refuse("NOT_YET_VALID", `The challenge was issued in the future (${iso(challenge.issuedAt)}; now ${iso(now)}).`);
  if (now >= challenge.expiresAt) return refuse("EXPIRED", `The proof expired at ${iso(challenge.expiresAt)} (now ${iso(now)}): the holder signs a new challenge.`);
  if (challenge.expiresAt - challenge.issuedAt > (parameters.maxTtl ?? maxAccessChallengeTtl)) {
    return refuse("EXPIRED", `The challenge lives ${challenge.expiresAt - challenge.issuedAt} s, longer than this door accepts.`);
  }

  // The signature and the holding are read in parallel (one round trip of latency on a
  // remote RPC). The signature goes through viem's ERC-6492 universal validator (an eth_call: EOAs, ERC-1271
  // wallets, undeployed ERC-6492 wallets), with a local ECDSA recovery as viem's fallback.
  const hash = hashMessage(accessMessage(challenge, { holder, tokenId }));
  const blockNumber = block.number!;
  const [signed, holding] = await Promise.all([
    verifyHash(client, { address: holder, hash, signature: proof.signature }).catch(() => false),
    readHolding(client, grant.kind, grant.collection, holder, tokenId, blockNumber),
  ]);
  if (!signed) return refuse("BAD_SIGNATURE", `The signature is not ${holder}'s over this proof.`);
  let balance: bigint | undefined;
  if (grant.kind === "erc721") {
    if (holding === undefined) return refuse("TOKEN_NOT_FOUND", `Token ${tokenId} of ${grant.collection} does not exist (never minted, or burned).`);
    if (!isAddressEqual(holding as Address, holder)) return refuse("NOT_HOLDER", `${holder} does not hold token ${tokenId} now (its owner is ${holding as Address}).`);
  } else {
    balance = holding as bigint;
    if (balance < minBalance) return refuse("BALANCE_TOO_LOW", `${holder} holds ${balance} of id ${tokenId} now; at least ${minBalance} is needed.`);
  }

  if (!(await parameters.store.useNonce(challenge.nonce, challenge.expiresAt))) {
    return refuse("NONCE_REPLAYED", "This proof was already presented (its nonce was seen before): the holder signs a new challenge.");
  }
  return { valid: true, proof, holder, tokenId, blockNumber, now, ...(balance === undefined ? {} : { balance }) };
}

/** ERC-721: the owner (undefined when the token does not exist); ERC-1155: the holder's balance. */
async function readHolding<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  kind: "erc721" | "erc1155",
  collection: Address,
  holder: Address,
  tokenId: bigint,
  blockNumber: bigint,
): Promise<Address | bigint | undefined> {
  if (kind === "erc1155") return readContract(client, { address: collection, abi: erc1155Abi, functionName: "balanceOf", args: [holder, tokenId], blockNumber });
  try {
    return await readContract(client, { address: collection, abi: erc721Abi, functionName: "ownerOf", args: [tokenId], blockNumber });
  } catch (error) {
    if (isRevert(error)) return undefined;
    throw error;
  }
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** A call that reverted (the token does not exist), as opposed to a transport failure. */
function isRevert(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 8 && e instanceof Error; i++) {
    if (e.name === "ContractFunctionRevertedError" || e.name === "ContractFunctionZeroDataError") return true;
    e = e.cause;
  }
  return false;
}
