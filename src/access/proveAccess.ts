import { getAddress, type Account, type Address, type Chain, type Client, type Transport } from "viem";
import { signMessage } from "viem/actions";
import { AccessError } from "../errors/AccessError.js";
import { accessMessage } from "./accessMessage.js";
import type { AccessChallenge, AccessProof } from "./accessTypes.js";
import { challengeProblems, invalidChallenge, normalizeChallenge } from "./createAccessChallenge.js";

/** Parameters of {@link proveAccess}. */
export interface ProveAccessParameters {
  readonly challenge: AccessChallenge;
  /** The token presented: required for an ERC-721 challenge open to any token of the collection. */
  readonly tokenId?: bigint;
  /** The account that signs (default: the client's). */
  readonly account?: Account | Address;
  /**
   * The ticket holder when it is a contract wallet (ERC-1271) whose owner key signs (default: the signer).
   * A viem smart account signs for itself (ERC-1271, or ERC-6492 while undeployed): pass it as `account`.
   */
  readonly holder?: Address;
}

export type ProveAccessReturnType = AccessProof;

/**
 * The holder's side: signs the challenge as an EIP-4361 "Sign-In with Ethereum" message (wallets show
 * it readably: the door's site, the event, the token) and returns the proof, to encode for a QR code
 * with {@link encodeAccessProof}. Browser-safe. Nothing is sent to the chain.
 * @example
 * const proof = await proveAccess(walletClient, { challenge, tokenId: 7n });
 * const payload = encodeAccessProof(proof); // the QR code's text
 */
export async function proveAccess<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  client: Client<Transport, TChain, TAccount>,
  parameters: ProveAccessParameters,
): Promise<ProveAccessReturnType> {
  const problems = challengeProblems(parameters.challenge);
  const challenge = problems.length === 0 ? normalizeChallenge(parameters.challenge) : undefined;
  if (!challenge) throw invalidChallenge(problems);
  const { grant } = challenge;
  const tokenId = grant.kind === "erc1155" ? grant.tokenId : (grant.tokenId ?? parameters.tokenId);
  if (tokenId === undefined) throw invalidChallenge(["the challenge admits any token of the collection: name the token presented (tokenId)"]);
  if (parameters.tokenId !== undefined && parameters.tokenId !== tokenId) {
    throw invalidChallenge([`the challenge is for token ${tokenId}, not ${parameters.tokenId}`]);
  }
  const account = parameters.account ?? client.account;
  if (!account) {
    throw new AccessError("ACCESS_NO_SIGNER", "There is no account to sign the access proof with.", {
      hint: "Pass `account`, or use a wallet client with an account.",
      details: {},
    });
  }
  const signer = typeof account === "string" ? account : account.address;
  const holder = getAddress(parameters.holder ?? signer);
  const message = accessMessage(challenge, { holder, tokenId });
  const signature = await signMessage(client, { account, message });
  return { challenge, holder, tokenId, signature };
}
