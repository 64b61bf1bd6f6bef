import type { Address } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { GasError } from "../errors/GasError.js";
import { chunkGas, fitChunks, type GasLine } from "./fitChunks.js";
import { accountAddress, simulateGas, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress, toQuantity } from "./toQuantity.js";
import { getTransactionGasLimit, type TransactionGasLimit } from "./transactionGasLimit.js";

/** What {@link planBatchMint} plans. */
export interface PlanBatchMintParameters {
  /** A deployed MintkitCollection (direct or factory clone). */
  readonly collection: Address;
  /** Who receives the tokens. */
  readonly to: Address;
  /** How many tokens to mint in all (e.g. 10,000). */
  readonly count: bigint | number;
  /** The account that will send the transactions (the owner or a minter): simulations run as it. */
  readonly account: GasAccount;
  /** A cap of your own on one transaction's gas; the plan stays under it as well as the chain's limits. */
  readonly maxGasPerTransaction?: bigint | number;
  /** Margin kept under the per-transaction limit, in basis points (default 500 = 5%). */
  readonly safetyMarginBps?: number;
}

/** One transaction of a {@link BatchMintPlan}: `mintBatch(to, quantity, firstTokenId)`. */
export interface BatchMintChunk {
  /** 0-based position: send the chunks in this order. */
  readonly index: number;
  /** The first id this chunk mints, if every earlier chunk is sent first and nobody else mints. */
  readonly firstTokenId: bigint;
  /** The last id it mints. */
  readonly lastTokenId: bigint;
  /** Tokens in this transaction. */
  readonly quantity: bigint;
  /** Gas of this transaction: simulated for the first chunk, from the measured line for the others. */
  readonly estimatedGas: bigint;
}

/** A mint of `count` tokens split into `mintBatch` transactions that each fit one transaction. */
export interface BatchMintPlan extends TransactionGasLimit {
  readonly collection: Address;
  readonly to: Address;
  readonly account: Address;
  readonly count: bigint;
  /** The transactions, in order. Quantities differ by at most one (largest first). */
  readonly chunks: readonly BatchMintChunk[];
  readonly totalEstimatedGas: bigint;
  /**
   * The line fitted through the simulations, gas(n) ≈ fixedGas + gasPerToken · n (n ≥ 2), used to size
   * the chunks and to estimate all but the first (which is simulated as is).
   */
  readonly model: GasLine;
  /** Every simulation the plan ran: quantity → estimated gas, on the current chain state. */
  readonly samples: readonly { readonly quantity: bigint; readonly gas: bigint }[];
  /** The collection's next id and max supply (0 = no cap) when planned. */
  readonly nextTokenId: bigint;
  readonly maxSupply: bigint;
}

const ID_SPACE = (1n << 40n) - 2n;

/**
 * Plans a mint of `count` tokens on a MintkitCollection as `mintBatch(to, quantity, expectedFirstId)`
 * transactions (each chunk says its `firstTokenId`: pass it as `expectedFirstId`), each
 * under min(latest block gas limit, EIP-7825's 2^24 cap, `maxGasPerTransaction`) minus a safety margin.
 *
 * Gas is measured on the target chain, never assumed: `mintBatch` is simulated (`eth_estimateGas`, as
 * `account`) for 2 and 512 tokens, a line gas(n) = a + b·n is fitted and refined with a simulation near
 * the largest size that fits, the chunks are balanced, and the largest chunk is simulated once more
 * (shrinking until it fits). The simulations also check that `account` may mint (`GAS_NOT_MINTER`) and
 * the collection accepts the mint; `count` over the remaining max supply is refused up front
 * (`GAS_MAX_SUPPLY_EXCEEDED`). Nothing is sent.
 *
 * @example
 * const plan = await planBatchMint(publicClient, { collection, to, count: 10_000, account: owner });
 * for (const chunk of plan.chunks) {
 *   await walletClient.writeContract({ address: collection, abi: mintkitCollectionAbi,
 *     functionName: "mintBatch", args: [to, chunk.quantity, chunk.firstTokenId], gas: plan.perTransactionLimit });
 * }
 */
export async function planBatchMint(client: GasClient, parameters: PlanBatchMintParameters): Promise<BatchMintPlan> {
  const collection = toAddress("collection", parameters.collection);
  const to = toAddress("to", parameters.to);
  const count = toQuantity("count", parameters.count);
  const account = parameters.account;
  const limits = await getTransactionGasLimit(client, {
    ...(parameters.maxGasPerTransaction !== undefined ? { maxGasPerTransaction: parameters.maxGasPerTransaction } : {}),
    ...(parameters.safetyMarginBps !== undefined ? { safetyMarginBps: parameters.safetyMarginBps } : {}),
  });
  const target = limits.targetGas;

  const { nextTokenId, maxSupply } = await readSupply(client, collection);
  const available = (maxSupply === 0n ? ID_SPACE : maxSupply) + 1n - nextTokenId;
  if (count > available) {
    throw new GasError(
      "GAS_MAX_SUPPLY_EXCEEDED",
      `Cannot mint ${count} tokens on ${collection}: only ${available} remain under the max supply of ${maxSupply}.`,
      {
        hint: `Mint at most ${available} tokens, or raise the cap with setMaxSupply (admin) first.`,
        details: { collection, requested: String(count), available: String(available), maxSupply: String(maxSupply) },
      },
    );
  }

  const fit = await fitChunks("mintBatch", count, target, limits.perTransactionLimit, (quantity) =>
    simulateGas(client, "mintBatch", {
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "mintBatch",
      args: [to, quantity, nextTokenId],
      account,
    }),
  );
  const chunks: BatchMintChunk[] = [];
  let first = nextTokenId;
  let total = 0n;
  fit.quantities.forEach((quantity, index) => {
    const estimatedGas = chunkGas(fit, quantity);
    chunks.push({ index, firstTokenId: first, lastTokenId: first + quantity - 1n, quantity, estimatedGas });
    first += quantity;
    total += estimatedGas;
  });

  return {
    ...limits,
    collection,
    to,
    account: accountAddress(account),
    count,
    chunks,
    totalEstimatedGas: total,
    model: fit.model,
    samples: fit.samples,
    nextTokenId,
    maxSupply,
  };
}

async function readSupply(client: GasClient, collection: Address): Promise<{ nextTokenId: bigint; maxSupply: bigint }> {
  try {
    const [nextTokenId, maxSupply] = await Promise.all([
      readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" }),
      readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "maxSupply" }),
    ]);
    return { nextTokenId, maxSupply };
  } catch (err) {
    throw new GasError("GAS_INVALID_PARAMETER", `${collection} does not answer as a MintkitCollection on this chain.`, {
      hint: "Check the collection address and the network (--rpc-url / chain): it must be a deployed MintkitCollection.",
      details: { parameter: "collection", value: collection, reason: "not a MintkitCollection" },
      cause: err,
    });
  }
}
