import { getAddress, isAddress, zeroAddress, type Address } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { checkDeployInput } from "./checkDeployInput.js";

/** The highest royalty the contracts accept, in basis points (10%). */
export const maxRoyaltyBps = 1_000;

/** Highest `maxSupply` a collection accepts (token ids are 40-bit). */
export const maxCollectionSupply = 2n ** 40n - 2n;

/** Loose input for a collection or editions contract (strings as typed on a command line are fine). */
export interface ContractConfigInput {
  readonly name: string;
  readonly symbol?: string;
  readonly baseURI?: string;
  readonly contractURI?: string;
  /** 0 or absent = unlimited (collections only). */
  readonly maxSupply?: bigint | number | string;
  /** Default: the creator. */
  readonly owner?: string;
  /** Default: the owner when `royaltyBps` > 0. */
  readonly royaltyReceiver?: string;
  /** 0..1000. Default 0. */
  readonly royaltyBps?: bigint | number | string;
  /** Default: zero (payments go to the owner). */
  readonly primarySaleRecipient?: string;
}

/** `MintkitCollection.Config` as the contract takes it. */
export interface CollectionConfig {
  readonly owner: Address;
  readonly name: string;
  readonly symbol: string;
  readonly baseURI: string;
  readonly contractURI: string;
  readonly maxSupply: bigint;
  readonly royaltyReceiver: Address;
  readonly royaltyBps: bigint;
  readonly primarySaleRecipient: Address;
}

/** `EditionsConfig` as the contract takes it. */
export type EditionsConfig = Omit<CollectionConfig, "maxSupply">;

/**
 * Validates and completes a collection configuration before anything is sent: addresses (checksums
 * too), royalty ≤ 1000 bps, max supply in range, a name. Browser-safe.
 * @throws DeployError `DEPLOY_INVALID_CONFIG` naming the field.
 * @example
 * const config = resolveCollectionConfig({ name: "Art", royaltyBps: "500" }, { creator: account.address });
 */
export function resolveCollectionConfig(input: ContractConfigInput, defaults: { readonly creator: Address }): CollectionConfig {
  const maxSupply = toBigInt(input.maxSupply ?? 0n, "maxSupply");
  if (maxSupply < 0n || maxSupply > maxCollectionSupply) {
    throw invalid("maxSupply", String(maxSupply), `must be between 0 (unlimited) and ${maxCollectionSupply}`);
  }
  return { ...resolveShared(input, defaults, "ERC-721"), maxSupply };
}

/** Like `resolveCollectionConfig`, for an ERC-1155 editions contract (no max supply; per-id caps instead). */
export function resolveEditionsConfig(input: ContractConfigInput, defaults: { readonly creator: Address }): EditionsConfig {
  return resolveShared(input, defaults, "ERC-1155");
}

function resolveShared(input: ContractConfigInput, defaults: { readonly creator: Address }, style: "ERC-721" | "ERC-1155"): EditionsConfig {
  if (typeof input.name !== "string" || input.name.trim() === "") throw invalid("name", String(input.name ?? ""), "must not be empty");
  checkDeployInput(input, style);
  const owner = address(input.owner, defaults.creator, "owner");
  if (owner === zeroAddress) throw invalid("owner", owner, "must not be the zero address");
  const royaltyBps = toBigInt(input.royaltyBps ?? 0n, "royaltyBps");
  if (royaltyBps < 0n || royaltyBps > BigInt(maxRoyaltyBps)) {
    throw invalid("royaltyBps", String(royaltyBps), `must be between 0 and ${maxRoyaltyBps} (10%)`);
  }
  const royaltyReceiver = address(input.royaltyReceiver, royaltyBps > 0n ? owner : zeroAddress, "royaltyReceiver");
  if (royaltyBps > 0n && royaltyReceiver === zeroAddress) {
    throw invalid("royaltyReceiver", royaltyReceiver, "must not be the zero address when royaltyBps > 0");
  }
  for (const [field, value] of [
    ["name", input.name],
    ["symbol", input.symbol],
    ["baseURI", input.baseURI],
    ["contractURI", input.contractURI],
  ] as const) {
    if (value !== undefined && new TextEncoder().encode(value).length > 65_535) {
      throw invalid(field, `${value.slice(0, 20)}…`, "must be at most 65,535 bytes");
    }
  }
  return {
    owner,
    name: input.name,
    symbol: input.symbol ?? "",
    baseURI: input.baseURI ?? "",
    contractURI: input.contractURI ?? "",
    royaltyReceiver,
    royaltyBps,
    primarySaleRecipient: address(input.primarySaleRecipient, zeroAddress, "primarySaleRecipient"),
  };
}

function address(value: string | undefined, fallback: Address, field: string): Address {
  if (value === undefined || value === "") return getAddress(fallback);
  if (!isAddress(value)) {
    throw invalid(field, value, /^0x[0-9a-fA-F]{40}$/.test(value) ? "has a wrong checksum (mixed case)" : "is not an address (0x + 40 hex)");
  }
  return getAddress(value);
}

function toBigInt(value: bigint | number | string, field: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return BigInt(value.trim());
  throw invalid(field, String(value), "must be a non-negative integer");
}

function invalid(field: string, value: string, reason: string): DeployError<"DEPLOY_INVALID_CONFIG"> {
  return new DeployError("DEPLOY_INVALID_CONFIG", `Invalid ${field} "${value}": ${reason}.`, {
    hint: `Fix ${field} and run again; nothing was sent.`,
    details: { field, value, reason },
  });
}
