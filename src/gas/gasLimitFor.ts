import { GasError } from "../errors/GasError.js";
import { getFeeTiers, type FeeTierName, type FeeTiers } from "./getFeeTiers.js";
import type { Headroom } from "./headroom.js";
import { headroomFor, type HeadroomForParameters } from "./headroomFor.js";
import type { GasClient, SimulatedGas } from "./simulateGas.js";
import { TRANSACTION_GAS_CAP } from "./transactionGasLimit.js";
import type { GasUsedSource } from "./measureGasUsed.js";

/** The most a transaction sent with a given limit can cost: every unit of its limit at the tier's fee cap. */
export interface WorstCaseCost {
  /** `gasLimit × maxFeePerGas`, in wei. */
  readonly wei: bigint;
  readonly maxFeePerGas: bigint;
  readonly tier: FeeTierName;
}

/** The gas figures to send a transaction with. */
export interface GasLimit {
  /** Gas it is expected to be charged now (the receipt's gasUsed on the chain as it is). */
  readonly gas: bigint;
  /**
   * The limit to send it with: {@link minimumGasLimit} plus the {@link headroom} for what can move before it is
   * included, capped at the EIP-7825 per-transaction cap (never below the minimum).
   */
  readonly gasLimit: bigint;
  /** The smallest limit at which it succeeds on the chain as it is now (or the node's estimate). Sending exactly this runs out of gas if the state moves against it. */
  readonly minimumGasLimit: bigint;
  readonly headroom: Headroom;
  /** `gasLimit` at the fee tier's cap; absent when the node gives no fee history. */
  readonly worstCaseCost?: WorstCaseCost;
}

/** What {@link gasLimitFor} takes: the operation's state (see {@link headroomFor}) and an estimate. */
export type GasLimitForParameters = HeadroomForParameters & {
  /** The minimal limit (a mintkit estimate's `minimumGasLimit`) or a node's `eth_estimateGas` answer, which is at least that. */
  readonly estimate: bigint;
  /** Expected gasUsed, if known (default: `estimate`). */
  readonly gas?: bigint;
  /** Fee tiers already read (default: read with {@link getFeeTiers}). */
  readonly fees?: FeeTiers;
  /** The tier whose fee cap prices the worst case (default `"fast"`). */
  readonly tier?: FeeTierName;
};

/**
 * The gas limit to send a transaction with so that it survives the chain moving between the estimate and
 * its inclusion: the estimate plus the headroom {@link headroomFor} reads from the chain (a holder that may
 * empty its balance, a batch that may open a new bitmap word…) instead of a flat percentage, and what the
 * transaction costs at worst with that limit.
 *
 * @example
 * const estimate = await publicClient.estimateContractGas({ address, abi, functionName: "redeem", args, account, value });
 * const { gasLimit } = await gasLimitFor(publicClient, { operation: "redeem", contract: address, voucher, from: account.address, estimate });
 * await walletClient.writeContract({ address, abi, functionName: "redeem", args, value, gas: gasLimit });
 */
export async function gasLimitFor(client: GasClient, parameters: GasLimitForParameters): Promise<GasLimit> {
  const { estimate, fees, tier, gas, ...operation } = parameters;
  if (typeof estimate !== "bigint" || estimate <= 0n) {
    throw new GasError("GAS_INVALID_PARAMETER", "The estimate must be a positive gas amount (bigint).", {
      hint: "Pass the node's eth_estimateGas answer or a mintkit estimate's minimumGasLimit.",
      details: { parameter: "estimate", value: String(estimate), reason: "not a positive bigint" },
    });
  }
  const headroom = await headroomFor(client, operation as HeadroomForParameters);
  return limitWithHeadroom(client, { gas: gas ?? estimate, minimumGasLimit: estimate, headroom, fees, tier });
}

/** Internal: the {@link GasLimit} of a minimal limit and its headroom (worst-case cost from the fee tiers). */
export async function limitWithHeadroom(
  client: GasClient,
  parameters: { gas: bigint; minimumGasLimit: bigint; headroom: Headroom; fees?: FeeTiers | undefined; tier?: FeeTierName | undefined },
): Promise<GasLimit> {
  const { gas, minimumGasLimit, headroom } = parameters;
  let gasLimit = minimumGasLimit + headroom.gas;
  if (gasLimit > TRANSACTION_GAS_CAP) gasLimit = minimumGasLimit > TRANSACTION_GAS_CAP ? minimumGasLimit : TRANSACTION_GAS_CAP;
  const tier = parameters.tier ?? "fast";
  let fees = parameters.fees;
  if (fees === undefined) {
    try {
      fees = await getFeeTiers(client);
    } catch (err) {
      if (!(err instanceof GasError)) throw err;
    }
  }
  const maxFeePerGas = fees?.tiers[tier].maxFeePerGas;
  return {
    gas,
    gasLimit,
    minimumGasLimit,
    headroom,
    ...(maxFeePerGas !== undefined ? { worstCaseCost: { wei: gasLimit * maxFeePerGas, maxFeePerGas, tier } } : {}),
  };
}

/** Internal: the gas fields of a mintkit estimate from its simulation and the operation's state. */
export async function estimateFields(
  client: GasClient,
  sim: SimulatedGas,
  operation: HeadroomForParameters,
): Promise<GasLimit & { readonly gasSource: GasUsedSource }> {
  const headroom = await headroomFor(client, operation);
  const limit = await limitWithHeadroom(client, { gas: sim.gasUsed, minimumGasLimit: sim.gasLimit, headroom });
  return { ...limit, gasSource: sim.source };
}
