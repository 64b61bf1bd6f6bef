import type { BlockTag } from "viem";
import { estimateMaxPriorityFeePerGas, getFeeHistory } from "viem/actions";
import { GasError } from "../errors/GasError.js";
import type { GasClient } from "./simulateGas.js";

/** The three fee tiers mintkit reports. */
export const FEE_TIERS = ["slow", "standard", "fast"] as const;
export type FeeTierName = (typeof FEE_TIERS)[number];

/** EIP-1559 fees for one tier, in wei per gas. */
export interface FeeTier {
  /**
   * The tip: the tier's percentile (over recent blocks) of the same percentile of the tips paid in each
   * block: slow = 10th of the blocks' 10th percentiles, standard = median of medians, fast = 90th of 90ths.
   */
  readonly maxPriorityFeePerGas: bigint;
  /** The cap a transaction would set: 2 × next base fee + tip (survives six full blocks of base-fee rises). */
  readonly maxFeePerGas: bigint;
  /** What a transaction included in the next block pays per gas: next base fee + tip. */
  readonly expectedGasPrice: bigint;
}

/** Fee tiers from `eth_feeHistory`. */
export interface FeeTiers {
  /** The base fee of the block after the newest one sampled (from the fee history itself). */
  readonly nextBaseFeePerGas: bigint;
  readonly tiers: Readonly<Record<FeeTierName, FeeTier>>;
  /** The reward percentiles asked for, slow/standard/fast. */
  readonly percentiles: Readonly<Record<FeeTierName, number>>;
  /** The newest block sampled, and how many blocks. */
  readonly newestBlock: bigint;
  readonly blockCount: number;
  /**
   * `"feeHistory"`: tips from recent blocks' transactions. `"node"`: the sampled blocks held no
   * transaction, so every tier uses the node's `eth_maxPriorityFeePerGas`.
   */
  readonly source: "feeHistory" | "node";
}

/**
 * Reads EIP-1559 fee tiers from the chain's `eth_feeHistory`: the next block's base fee and, for slow /
 * standard / fast, the 10th / 50th / 90th percentile over the last `blockCount` blocks (default 20) of
 * each block's 10th / 50th / 90th percentile tip (percentiles configurable): the slow tier is what got
 * into the cheaper blocks cheaply, the fast one what the dearer blocks' dearer transactions paid. Blocks without transactions are left out; if
 * all are empty, the node's `eth_maxPriorityFeePerGas` is used for every tier (`source: "node"`).
 *
 * @example
 * const fees = await getFeeTiers(publicClient);
 * fees.tiers.fast.maxFeePerGas; // wei per gas
 */
export async function getFeeTiers(
  client: GasClient,
  options: {
    readonly blockCount?: number;
    readonly percentiles?: Readonly<Record<FeeTierName, number>>;
    readonly blockTag?: BlockTag;
  } = {},
): Promise<FeeTiers> {
  const blockCount = options.blockCount ?? 20;
  const percentiles = options.percentiles ?? { slow: 10, standard: 50, fast: 90 };
  if (!Number.isInteger(blockCount) || blockCount < 1 || blockCount > 1024) {
    throw new GasError("GAS_INVALID_PARAMETER", "blockCount must be a whole number from 1 to 1024.", {
      hint: "Pass blockCount as an integer, e.g. 20.",
      details: { parameter: "blockCount", value: String(blockCount), reason: "out of range" },
    });
  }
  const ps = FEE_TIERS.map((t) => percentiles[t]);
  if (ps.some((p) => !(p >= 0 && p <= 100)) || ps[0]! > ps[1]! || ps[1]! > ps[2]!) {
    throw new GasError("GAS_INVALID_PARAMETER", "Fee percentiles must be in [0, 100], slow ≤ standard ≤ fast.", {
      hint: "Pass percentiles like { slow: 10, standard: 50, fast: 90 }.",
      details: { parameter: "percentiles", value: ps.join(","), reason: "out of range or out of order" },
    });
  }
  let history;
  try {
    history = await getFeeHistory(client, { blockCount, rewardPercentiles: ps, blockTag: options.blockTag ?? "latest" });
  } catch (err) {
    throw new GasError("GAS_FEE_HISTORY_UNAVAILABLE", "The node did not answer eth_feeHistory.", {
      hint: "Check the RPC endpoint is reachable and serves an EIP-1559 chain.",
      details: { blockCount },
      cause: err,
    });
  }
  const nextBaseFeePerGas = history.baseFeePerGas[history.baseFeePerGas.length - 1];
  if (nextBaseFeePerGas === undefined || history.baseFeePerGas.length < 2) {
    throw new GasError("GAS_FEE_HISTORY_UNAVAILABLE", "eth_feeHistory returned no base fees.", {
      hint: "The chain may predate EIP-1559; mintkit's fee tiers need EIP-1559 fee history.",
      details: { blockCount },
    });
  }
  const sampled = history.baseFeePerGas.length - 1;
  const newestBlock = history.oldestBlock + BigInt(sampled) - 1n;
  // Rewards of blocks that held transactions only: an empty block's "percentiles" are zeros.
  const rows = (history.reward ?? []).filter((_, i) => (history.gasUsedRatio[i] ?? 0) > 0);
  let tips: bigint[];
  let source: FeeTiers["source"];
  if (rows.length > 0) {
    tips = ps.map((p, j) => percentile(rows.map((row) => row[j] ?? 0n), p));
    for (let j = 1; j < tips.length; j++) if (tips[j]! < tips[j - 1]!) tips[j] = tips[j - 1]!;
    source = "feeHistory";
  } else {
    let suggested: bigint;
    try {
      suggested = await estimateMaxPriorityFeePerGas(client);
    } catch (err) {
      throw new GasError("GAS_FEE_HISTORY_UNAVAILABLE", "No recent transactions to read tips from, and no node suggestion.", {
        hint: "Try again once the chain has recent transactions, or pass a larger blockCount.",
        details: { blockCount },
        cause: err,
      });
    }
    tips = ps.map(() => suggested);
    source = "node";
  }
  const tier = (tip: bigint): FeeTier => ({
    maxPriorityFeePerGas: tip,
    maxFeePerGas: nextBaseFeePerGas * 2n + tip,
    expectedGasPrice: nextBaseFeePerGas + tip,
  });
  return {
    nextBaseFeePerGas,
    tiers: { slow: tier(tips[0]!), standard: tier(tips[1]!), fast: tier(tips[2]!) },
    percentiles: { ...percentiles },
    newestBlock,
    blockCount: sampled,
    source,
  };
}

/** The nearest-rank `p`-th percentile of `values` (non-empty). */
function percentile(values: bigint[], p: number): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
