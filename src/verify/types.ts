import type { Address, Hex } from "viem";
import type { VerificationService } from "../errors/VerifyError.js";

export type { VerificationService };

/** The mintkit contracts whose sources ship with the package (the core contracts). */
export type VerifiableContractName = "MintkitCollection" | "MintkitEditions" | "CredentialRegistry" | "MintkitFactory";

/** A Solidity standard JSON input (what `solc --standard-json` reads). */
export interface StandardJsonInput {
  readonly language: "Solidity";
  readonly sources: Readonly<Record<string, { readonly content: string }>>;
  readonly settings: {
    readonly evmVersion?: string;
    readonly optimizer?: { readonly enabled?: boolean; readonly runs?: number };
    readonly remappings?: readonly string[];
    readonly outputSelection: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  };
}

/**
 * What to verify at an address: the contract, its constructor arguments and, when the address the caller
 * gave is an EIP-1167 clone, that clone (its code is the 45-byte proxy; the sources verified are the
 * implementation's).
 */
export interface VerificationTarget {
  /** The contract whose sources are submitted (the implementation, for a clone). */
  readonly address: Address;
  readonly contractName: VerifiableContractName;
  /** ABI-encoded constructor arguments (`0x` when none). */
  readonly constructorArguments: Hex;
  /** Present when the address given was an EIP-1167 clone of `address`. */
  readonly clone?: { readonly address: Address };
  readonly chainId: number;
}

/** How a verification ended, per service. `pending` means the service had not finished when we stopped waiting. */
export type VerificationStatus = "verified" | "already-verified" | "pending";

/** Sourcify's match kinds: `full` (exact_match: even the metadata hash matches), `partial` (match). */
export type VerificationMatch = "full" | "partial";

/** Marking a clone as a proxy of its implementation on an Etherscan-compatible explorer. */
export interface ProxyMarking {
  readonly address: Address;
  readonly implementation: Address;
  /** `marked`: the explorer linked the proxy to the implementation; `not-marked`: it refused (reason in `message`). */
  readonly status: "marked" | "not-marked" | "pending";
  readonly message: string;
}

/** The result of one service's verification. */
export interface VerificationResult {
  readonly service: VerificationService;
  readonly status: VerificationStatus;
  /** Sourcify's match, when it says. */
  readonly match?: VerificationMatch;
  readonly address: Address;
  readonly contractName: VerifiableContractName;
  /** Sourcify's verificationId or Etherscan's GUID (to check a `pending` verification later). */
  readonly id?: string;
  /** The service's own words. */
  readonly message: string;
  /** For a clone on an Etherscan-compatible explorer: the proxy marking. */
  readonly proxy?: ProxyMarking;
}

/** How requests to a service are retried and how long a verification is waited for. */
export interface VerifyRequestOptions {
  /** `fetch` to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Retries after HTTP 429 / 5xx / a network error (default 3). */
  readonly retryCount?: number;
  /** First retry delay in ms, doubled each time; a `Retry-After` header wins (default 1000). */
  readonly retryDelay?: number;
  /** Delay between status polls in ms (default 3000). */
  readonly pollingInterval?: number;
  /** Stop polling after this many ms and return `pending` (default 120000). */
  readonly timeout?: number;
  /** Per-request timeout in ms (default 30000). */
  readonly requestTimeout?: number;
}
