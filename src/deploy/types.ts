import type { Address, Hash } from "viem";

/** The contracts mintkit deploys once per chain. */
export type CoreContractName = "MintkitCollection" | "MintkitEditions" | "MintkitFactory";

/** A deployed contract in a deployments record. */
export interface RecordedContract {
  readonly address: Address;
  readonly transactionHash?: Hash;
}

/** A collection (or editions contract) created through the factory, in a deployments record. */
export interface RecordedClone extends RecordedContract {
  /** The account that called the factory (part of the deterministic address). */
  readonly creator: Address;
  /** The salt text (the on-chain salt is `keccak256(toBytes(salt))`). */
  readonly salt: string;
}

/**
 * `deployments/<chainId>.json`: what is deployed on one chain. Written by `scripts/deploy.ts` and
 * `mintkit deploy`/`mintkit dev`. `collections` and `editions` are keyed by the contract's name.
 */
export interface DeploymentRecord {
  chainId: number;
  network: string;
  contracts: Partial<Record<CoreContractName, RecordedContract>>;
  collections: Record<string, RecordedClone>;
  /** ERC-1155 editions contracts created through the factory (absent in files written before it existed). */
  editions?: Record<string, RecordedClone>;
}

/** An empty record for a chain. */
export function emptyDeploymentRecord(chainId: number, network: string): DeploymentRecord {
  return { chainId, network, contracts: {}, collections: {} };
}
