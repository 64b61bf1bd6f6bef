/**
 * Fixed inputs of the gas benchmark: the realistic collection configuration every contract is deployed
 * with, the pinned clock, and deterministic "fresh" addresses. Everything here is a constant so that a
 * run's calldata (and so its gas, which depends on how many calldata bytes are zero) never changes.
 */
import { getAddress, keccak256, toBytes, type Address } from "viem";

/** The collection every contract (mintkit and peers) is deployed with. */
export const COLLECTION = {
  name: "mintkit Bench",
  symbol: "MKB",
  baseURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/",
  contractURI: "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy",
  maxSupply: 10_000n,
  /** Default ERC-2981 royalty, paid to the owner. */
  royaltyBps: 500n,
} as const;

/**
 * ERC-1155: the editions contracts' URI template (`{id}` = 64 lowercase hex chars), and each new id is
 * created with this cap and this many copies go to the holder.
 */
export const EDITION = {
  baseURI: `${COLLECTION.baseURI}{id}.json`,
  amount: 10n,
  maxSupply: 100n,
} as const;

/** Lazy-mint voucher price (ETH, forwarded to the primary-sale recipient = the owner). */
export const VOUCHER_PRICE = 10n ** 16n; // 0.01 ETH

/** Batch sizes of the marginal per-token batch cost: (gas(N_LARGE) - gas(N_SMALL)) / (N_LARGE - N_SMALL). */
export const BATCH_SMALL = 10;
export const BATCH_LARGE = 100;
/** A batch whose later tokens lie in the bitmap word after its head's (ids 2..301 on mintkit). */
export const BATCH_CROSS_WORD = 300;

/**
 * The pinned clock: the chain starts at GENESIS_DATE and every transaction the bench sends is mined in
 * a block whose timestamp is set explicitly (one second after the previous one), so a run replays the
 * same blocks every time.
 */
export const GENESIS_DATE = new Date("2026-01-01T00:00:00Z");
export const GENESIS_TIMESTAMP = BigInt(GENESIS_DATE.getTime() / 1000);
/** Voucher validity end used by the bench (a realistic non-zero window end, 30 days after genesis). */
export const VOUCHER_VALID_UNTIL = GENESIS_TIMESTAMP + 30n * 24n * 3600n;

/** The hardfork the bench runs (matches the compiler's evmVersion in hardhat.config.ts). */
export const HARDFORK = "prague";

/**
 * A deterministic address that no transaction of the bench has ever touched ("a fresh EOA"): the last
 * 20 bytes of keccak256("mintkit-bench:<label>:<index>"). The same label and index give the same address
 * for every contract measured, so every contract sees exactly the same calldata.
 */
export function freshAddress(label: string, index = 0): Address {
  const hash = keccak256(toBytes(`mintkit-bench:${label}:${index}`));
  return getAddress(`0x${hash.slice(-40)}`);
}

/** A salt for factory deployments (any fixed value; nonzero bytes like a real keccak-derived salt). */
export const FACTORY_SALT = keccak256(toBytes("mintkit-bench:salt"));
