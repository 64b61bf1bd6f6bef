import {
  type Address,
  type Chain,
  type Client,
  type Hex,
  type Transport,
} from "viem";
import { readContract } from "viem/actions";
import { findCauseByName } from "../chain/walkCause.js";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";

/** A credential as the registry records it. */
export interface OnChainCredential {
  readonly tokenId: bigint;
  readonly holder: Address;
  readonly issuer: Address;
  readonly schemaId: number;
  /** Unix seconds. */
  readonly issuedAt: number;
  /** Unix seconds; 0 = never expires. Valid while `now < expiry`. */
  readonly expiry: number;
  readonly revoked: boolean;
  /** ERC-5484: 0 IssuerOnly, 1 OwnerOnly, 2 Both, 3 Neither. */
  readonly burnAuth: number;
  readonly claimsRoot: Hex;
}

/** True when a viem error means "the contract reverted / returned nothing" rather than an RPC failure. */
export function isContractRejection(error: unknown): boolean {
  return findCauseByName(error, "ContractFunctionRevertedError", "ContractFunctionZeroDataError") !== undefined;
}

/**
 * Reads credential `tokenId` from the registry at `registry`: `undefined` when it does not exist (never
 * issued, burned, or `registry` is not a credential registry). RPC failures throw.
 */
export async function getCredential<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: { registry: Address; tokenId: bigint; blockNumber?: bigint },
): Promise<OnChainCredential | undefined> {
  try {
    const c = await readContract(client, {
      address: parameters.registry,
      abi: credentialRegistryAbi,
      functionName: "credential",
      args: [parameters.tokenId],
      ...(parameters.blockNumber === undefined ? {} : { blockNumber: parameters.blockNumber }),
    });
    return {
      tokenId: parameters.tokenId,
      holder: c.holder,
      issuer: c.issuer,
      schemaId: c.schemaId,
      issuedAt: c.issuedAt,
      expiry: c.expiry,
      revoked: c.revoked,
      burnAuth: c.burnAuth,
      claimsRoot: c.claimsRoot,
    };
  } catch (error) {
    if (isContractRejection(error)) return undefined;
    throw error;
  }
}
