import type { Address, Hash } from "viem";

/** The contracts mintkit deploys once per chain, at the same address on every chain (`getCoreContracts`). */
export type CoreContractName = "MintkitCollection" | "MintkitEditions" | "CredentialRegistry" | "MintkitFactory";

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

/** A soulbound `CredentialRegistry` created through the factory, in a deployments record (keyed by its name). */
export interface RecordedCredentialRegistry extends RecordedContract {
  readonly owner: Address;
  readonly symbol: string;
  /** The account that called the factory, and the salt text (absent in records written before 1.0). */
  readonly creator?: Address;
  readonly salt?: string;
}

/**
 * `deployments/<chainId>.json`: the user's contracts on one chain. Written by `scripts/deploy.ts` and
 * `mintkit deploy`. `collections`, `editions` and `credentialRegistries` are keyed by the contract's name. mintkit's own contracts
 * (implementations, factory) are not recorded: their addresses are the same on every chain and computed
 * (`getCoreContracts`).
 */
export interface DeploymentRecord {
  chainId: number;
  network: string;
  /**
   * Core contracts as files written before mintkit 1.0 recorded them (they were deployed per chain, at
   * other addresses). Never written now, and never read to find the factory.
   */
  contracts?: Partial<Record<string, RecordedContract>>;
  collections: Record<string, RecordedClone>;
  /** ERC-1155 editions contracts created through the factory (absent in files written before it existed). */
  editions?: Record<string, RecordedClone>;
  /** Credential registries created through the factory, by name (absent in files written before they were recorded). */
  credentialRegistries?: Record<string, RecordedCredentialRegistry>;
}

/** The sections of a deployments record that hold the user's contracts, by name. */
export type RecordSection = "collections" | "editions" | "credentialRegistries";

/** An empty record for a chain. */
export function emptyDeploymentRecord(chainId: number, network: string): DeploymentRecord {
  return { chainId, network, collections: {} };
}
