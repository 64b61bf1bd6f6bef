/**
 * What the bench measures: "subjects", each a contract deployed one way (a peer's direct deploy,
 * mintkit's direct deploy, a mintkit clone through the factory) plus the calls that do each job.
 * A measurement only talks to these interfaces, so a new contract or a new way of deploying one is a
 * new subject, not a new measurement.
 */
import type { Abi, Address, Hex } from "viem";
import type { BenchChain, Call, WalletClient } from "./chain.js";
import type { Voucher } from "./vouchers.js";

/** A deployed ERC-721 collection and how to ask it for the jobs the bench measures. */
export interface Collection721 {
  address: Address;
  abi: Abi;
  /** Owner mints one token (the next id) to `to`. */
  mint(to: Address): Call;
  /**
   * Owner mints `quantity` consecutive tokens to `to` in one call; absent if the contract cannot.
   * `mintedBefore` is how many tokens the contract minted before this batch: mintkit turns it into the
   * expected first id its `mintBatch` requires (ids from 1); peers ignore it.
   */
  mintBatch?(to: Address, quantity: bigint, mintedBefore: bigint): Call;
}

/** A deployed lazy-mint contract: redeems a voucher signed by `signer`. */
export interface LazyRedeemer extends Collection721 {
  redeem(voucher: Voucher, signer: Address, signature: Hex, value: bigint): Call;
}

/** A deployed ERC-1155 editions contract. */
export interface Editions1155 {
  address: Address;
  abi: Abi;
  /**
   * Owner creates a new id capped at `maxSupply` and mints `amount` of it to `to`. `nextId` is the id
   * the contract will create (peers that take the id as an argument use it; others ignore it).
   */
  mintNewId(to: Address, amount: bigint, maxSupply: bigint, nextId: bigint): Call;
}

/** A way to get a contract onto the chain, measured as the gas of the transaction that does it. */
export interface Deployable<T> {
  /** Report column, e.g. "mintkit", "oz", "erc721a", "solady". */
  subject: string;
  /** One line saying what this subject is. */
  describe: string;
  deploy(chain: BenchChain, owner: WalletClient): Promise<{ contract: T; gasUsed: bigint }>;
}
