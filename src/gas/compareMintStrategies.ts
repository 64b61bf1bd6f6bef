import type { Account, Address, Chain, Transport, WalletClient } from "viem";
import { getChainId, readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { GasError } from "../errors/GasError.js";
import { createVoucher } from "../vouchers/createVoucher.js";
import { signVoucher } from "../vouchers/signVoucher.js";
import { estimateAirdropGas } from "./estimateAirdropGas.js";
import { estimateEditionsMintGas } from "./estimateEditionsMintGas.js";
import { estimateMintGas } from "./estimateMintGas.js";
import { estimateRedeemGas } from "./estimateRedeemGas.js";
import { chunkGas, fitChunks } from "./fitChunks.js";
import type { FeeTiers } from "./getFeeTiers.js";
import { gasToCost, type EthPrice, type GasCost } from "./gasToCost.js";
import { planBatchMint } from "./planBatchMint.js";
import type { GasAccount, GasClient } from "./simulateGas.js";
import { toAddress, toQuantity } from "./toQuantity.js";
import { getTransactionGasLimit } from "./transactionGasLimit.js";
import type { GasOperation } from "./types.js";

/** The ways mintkit can put N tokens in holders' hands. */
export const MINT_STRATEGIES = ["single", "batch", "lazy", "erc1155"] as const;
export type MintStrategy = (typeof MINT_STRATEGIES)[number];

/** The job to compare strategies for, and the deployed contracts to simulate them on. */
export interface CompareMintStrategiesParameters {
  /** Tokens to mint. */
  readonly count: bigint | number;
  /** One address (it receives all `count` tokens) or `count` addresses (one token each). */
  readonly recipients: readonly Address[];
  /** The creator: owner or minter of the contracts, sender of every creator-paid simulation. */
  readonly account: GasAccount;
  /** A deployed MintkitCollection (single, batch and lazy strategies run on it). */
  readonly collection: Address;
  /** A deployed MintkitEditions for the ERC-1155 strategy; without it that strategy is reported unavailable. */
  readonly editions?: Address;
  /**
   * A wallet client whose account holds the minter role, to sign the vouchers the lazy strategy simulates
   * (signing is off-chain; nothing is sent). Without it the lazy strategy is reported unavailable.
   */
  readonly voucherSigner?: WalletClient<Transport, Chain | undefined, Account | undefined>;
  /** The lazy strategy's price per token in wei (default 0); the buyer must hold it for the simulation. */
  readonly voucherPrice?: bigint;
  /** Who redeems in the lazy simulations (default `account`). */
  readonly buyer?: GasAccount;
  readonly maxGasPerTransaction?: bigint | number;
  readonly safetyMarginBps?: number;
  /** Fee tiers ({@link getFeeTiers}) to price each strategy; and a fiat price of 1 ETH. */
  readonly fees?: FeeTiers;
  readonly price?: EthPrice;
}

/** One kind of transaction of a strategy and how many of it. */
export interface StrategyStep {
  readonly operation: GasOperation;
  readonly transactions: bigint;
  /** Tokens each transaction mints. */
  readonly tokensEach: bigint;
  /** Gas of each. */
  readonly gasEach: bigint;
  /** True when this exact transaction was simulated on the current chain state; false when projected. */
  readonly simulated: boolean;
}

/** The gas (and cost) of one strategy. */
export interface MintStrategyReport {
  readonly strategy: MintStrategy;
  readonly available: boolean;
  /** Why the strategy could not be simulated (missing contract, signer, or a revert). */
  readonly unavailableReason?: string;
  /** Who pays the gas: the creator, or the buyers (lazy mint: each redeemer pays for their own). */
  readonly paidBy: "creator" | "buyers";
  readonly transactions: bigint;
  readonly totalGas: bigint;
  /** totalGas / count, rounded up. */
  readonly gasPerToken: bigint;
  readonly steps: readonly StrategyStep[];
  /** What the figures assume (projections, semantics such as ERC-1155 copies). */
  readonly notes: readonly string[];
  readonly cost?: GasCost;
}

export interface MintStrategyComparison {
  readonly count: bigint;
  readonly holders: "one" | "many";
  readonly strategies: readonly MintStrategyReport[];
  /** The available strategy with the least total gas. */
  readonly cheapest: MintStrategy | undefined;
  readonly perTransactionLimit: bigint;
}

/**
 * Compares, for one job (N tokens to one holder, or one token each to N holders), the gas of four ways to
 * mint: `single` (one `mint` per token), `batch` (`mintBatch` chunks for one holder, `airdrop` chunks for
 * many, each under the per-transaction limit), `lazy` (signed vouchers redeemed by the buyers, who pay
 * the gas: one voucher per holder, or quantity vouchers in chunks for one holder) and `erc1155` (one
 * `mint` of N copies of a new id for one holder; for many, a new id then mints of that existing id).
 *
 * Honest by construction: every figure comes from simulations (`eth_estimateGas`) on the target chain,
 * on contracts the caller has deployed, and nothing is sent. So the caller passes the contracts'
 * addresses (the ERC-1155 strategy needs `editions`) and, for the lazy strategy, a `voucherSigner` with the
 * minter role (vouchers are signed locally, never redeemed); a strategy whose inputs are missing, or whose
 * simulation reverts, is reported `available: false` with the reason. A chain state cannot be simulated
 * ahead of transactions not yet sent, so repeated transactions are projected from simulated ones; each
 * step says whether it was simulated as is, and the notes say what a projection assumes.
 *
 * @example
 * const report = await compareMintStrategies(publicClient, {
 *   count: 100, recipients: [holder], account: owner, collection, editions, voucherSigner: walletClient,
 *   fees: await getFeeTiers(publicClient), price: { ethPrice: 3200, currency: "USD" },
 * });
 * report.cheapest; // "batch"
 */
export async function compareMintStrategies(
  client: GasClient,
  parameters: CompareMintStrategiesParameters,
): Promise<MintStrategyComparison> {
  const count = toQuantity("count", parameters.count);
  const collection = toAddress("collection", parameters.collection);
  const editions = parameters.editions === undefined ? undefined : toAddress("editions", parameters.editions);
  if (!Array.isArray(parameters.recipients) || (BigInt(parameters.recipients.length) !== 1n && BigInt(parameters.recipients.length) !== count)) {
    throw new GasError("GAS_INVALID_PARAMETER", `recipients must hold 1 address (one holder) or ${count} (one token each).`, {
      hint: "Pass one recipient to mint every token to it, or exactly `count` recipients.",
      details: { parameter: "recipients", value: String(parameters.recipients?.length), reason: "length is neither 1 nor count" },
    });
  }
  const recipients = parameters.recipients.map((r, i) => toAddress(`recipients[${i}]`, r));
  const holders = recipients.length === 1 && count > 1n ? "one" : "many";
  const limits = await getTransactionGasLimit(client, {
    ...(parameters.maxGasPerTransaction !== undefined ? { maxGasPerTransaction: parameters.maxGasPerTransaction } : {}),
    ...(parameters.safetyMarginBps !== undefined ? { safetyMarginBps: parameters.safetyMarginBps } : {}),
  });
  const { account } = parameters;
  const context: StrategyContext = { client, count, collection, recipients, account, limits, parameters };

  const run = async (
    strategy: MintStrategy,
    paidBy: MintStrategyReport["paidBy"],
    build: () => Promise<{ steps: StrategyStep[]; notes: string[] }>,
  ): Promise<MintStrategyReport> => {
    try {
      const { steps, notes } = await build();
      const transactions = steps.reduce((s, st) => s + st.transactions, 0n);
      const totalGas = steps.reduce((s, st) => s + st.transactions * st.gasEach, 0n);
      return {
        strategy,
        available: true,
        paidBy,
        transactions,
        totalGas,
        gasPerToken: (totalGas + count - 1n) / count,
        steps,
        notes,
        ...(parameters.fees ? { cost: gasToCost(totalGas, parameters.fees, parameters.price) } : {}),
      };
    } catch (err) {
      // A caller error (bad address, bad cap…) is the caller's to fix, not a strategy's property.
      if (err instanceof GasError && (err.code === "GAS_INVALID_PARAMETER" || err.code === "GAS_ESTIMATION_FAILED")) throw err;
      const reason = err instanceof GasError ? err.shortMessage : String(err);
      return { strategy, available: false, unavailableReason: reason, paidBy, transactions: 0n, totalGas: 0n, gasPerToken: 0n, steps: [], notes: [] };
    }
  };

  const strategies: MintStrategyReport[] = [];
  strategies.push(await run("single", "creator", () => singleStrategy(context, holders)));
  strategies.push(await run("batch", "creator", () => batchStrategy(context, holders)));
  strategies.push(
    parameters.voucherSigner === undefined
      ? unavailable("lazy", "buyers", "No voucherSigner given: the lazy strategy needs a minter's wallet to sign the simulated vouchers.")
      : await run("lazy", "buyers", () => lazyStrategy(context, holders, parameters.voucherSigner!)),
  );
  strategies.push(
    editions === undefined
      ? unavailable("erc1155", "creator", "No editions contract given: deploy a MintkitEditions and pass its address.")
      : await run("erc1155", "creator", () => erc1155Strategy(context, holders, editions)),
  );
  const available = strategies.filter((s) => s.available);
  const cheapest = available.reduce<MintStrategyReport | undefined>((best, s) => (best === undefined || s.totalGas < best.totalGas ? s : best), undefined);
  return { count, holders, strategies, cheapest: cheapest?.strategy, perTransactionLimit: limits.perTransactionLimit };
}

interface StrategyContext {
  readonly client: GasClient;
  readonly count: bigint;
  readonly collection: Address;
  readonly recipients: readonly Address[];
  readonly account: GasAccount;
  readonly limits: Awaited<ReturnType<typeof getTransactionGasLimit>>;
  readonly parameters: CompareMintStrategiesParameters;
}

function unavailable(strategy: MintStrategy, paidBy: MintStrategyReport["paidBy"], reason: string): MintStrategyReport {
  return { strategy, available: false, unavailableReason: reason, paidBy, transactions: 0n, totalGas: 0n, gasPerToken: 0n, steps: [], notes: [] };
}

async function singleStrategy(ctx: StrategyContext, holders: "one" | "many") {
  const { client, count, collection, recipients, account } = ctx;
  const first = await estimateMintGas(client, { collection, to: recipients[0]!, account });
  const steps: StrategyStep[] = [{ operation: "mint", transactions: 1n, tokensEach: 1n, gasEach: first.gas, simulated: true }];
  const notes: string[] = [];
  if (count > 1n) {
    if (holders === "many") {
      steps.push({ operation: "mint", transactions: count - 1n, tokensEach: 1n, gasEach: first.gas, simulated: false });
      notes.push("Each recipient is projected at the first recipient's simulated cost (exact for recipients who hold no token yet).");
    } else {
      // A later mint to the same holder finds a non-zero balance: simulate a mint to an existing holder.
      const existing = await lastHolder(client, collection);
      if (existing !== undefined) {
        const repeat = await estimateMintGas(client, { collection, to: existing, account });
        steps.push({ operation: "mint", transactions: count - 1n, tokensEach: 1n, gasEach: repeat.gas, simulated: false });
        notes.push(`Mints after the first are projected with a simulated mint to an existing holder (${existing}).`);
      } else {
        steps.push({ operation: "mint", transactions: count - 1n, tokensEach: 1n, gasEach: first.gas, simulated: false });
        notes.push("The collection has no holder yet: mints after the first are projected at the first's cost (an upper bound).");
      }
    }
  }
  return { steps, notes };
}

async function batchStrategy(ctx: StrategyContext, holders: "one" | "many") {
  const { client, count, collection, recipients, account, parameters } = ctx;
  if (holders === "one") {
    const plan = await planBatchMint(client, {
      collection,
      to: recipients[0]!,
      count,
      account,
      ...(parameters.maxGasPerTransaction !== undefined ? { maxGasPerTransaction: parameters.maxGasPerTransaction } : {}),
      ...(parameters.safetyMarginBps !== undefined ? { safetyMarginBps: parameters.safetyMarginBps } : {}),
    });
    const steps = groupSteps(
      "mintBatch",
      plan.chunks.map((c) => ({ quantity: c.quantity, gas: c.estimatedGas })),
    );
    return {
      steps,
      notes: plan.chunks.length > 1 ? ["The first mintBatch is simulated as is; later ones are projected from the fitted gas line."] : [],
    };
  }
  const fit = await fitChunks("airdrop", count, ctx.limits.targetGas, ctx.limits.perTransactionLimit, async (n) => {
    const { minimumGasLimit } = await estimateAirdropGas(client, { collection, recipients: recipients.slice(0, Number(n)), account });
    return minimumGasLimit;
  });
  const steps = groupSteps(
    "airdrop",
    fit.quantities.map((q) => ({ quantity: q, gas: chunkGas(fit, q) })),
  );
  return {
    steps,
    notes:
      fit.quantities.length > 1
        ? ["The first airdrop (first recipients) is simulated as is; later ones are projected from the fitted gas line (recipients alike)."]
        : [],
  };
}

async function lazyStrategy(
  ctx: StrategyContext,
  holders: "one" | "many",
  signer: WalletClient<Transport, Chain | undefined, Account | undefined>,
) {
  const { client, count, collection, recipients, parameters } = ctx;
  const signerAccount = signer.account;
  if (signerAccount === undefined) {
    throw new GasError("GAS_STRATEGY_UNAVAILABLE", "The voucher signer's wallet client has no account.", {
      hint: "Create the wallet client with the minter's account.",
      details: { strategy: "lazy", missing: "voucherSigner.account" },
    });
  }
  const chainId = await getChainId(client);
  const price = parameters.voucherPrice ?? 0n;
  const buyer = parameters.buyer ?? ctx.account;
  const redeemGas = async (to: Address, quantity: bigint, use: "gas" | "minimumGasLimit" = "gas") => {
    const voucher = createVoucher({ to, quantity, price, uid: randomUid() });
    const signature = await signVoucher(signer, { voucher, contract: collection, chainId, account: signerAccount });
    const estimate = await estimateRedeemGas(client, { contract: collection, voucher, signer: signerAccount.address, signature, account: buyer });
    return estimate[use];
  };
  const notes = [
    "Buyers pay this gas (and the price); the creator pays nothing on-chain.",
    "Each voucher's uid is simulated in a fresh bitmap word (the first redeem of a word; consecutive uids sharing one cost less).",
  ];
  if (holders === "many") {
    const gas = await redeemGas(recipients[0]!, 1n);
    const steps: StrategyStep[] = [{ operation: "redeem", transactions: 1n, tokensEach: 1n, gasEach: gas, simulated: true }];
    if (count > 1n) steps.push({ operation: "redeem", transactions: count - 1n, tokensEach: 1n, gasEach: gas, simulated: false });
    notes.push("One voucher per recipient, each projected at the first's simulated cost.");
    return { steps, notes };
  }
  const fit = await fitChunks("redeem", count, ctx.limits.targetGas, ctx.limits.perTransactionLimit, (n) => redeemGas(recipients[0]!, n, "minimumGasLimit"));
  const steps = groupSteps(
    "redeem",
    fit.quantities.map((q) => ({ quantity: q, gas: chunkGas(fit, q) })),
  );
  notes.push("Vouchers of several tokens each (consecutive ids), sized to fit one transaction.");
  return { steps, notes };
}

async function erc1155Strategy(ctx: StrategyContext, holders: "one" | "many", editions: Address) {
  const { client, count, recipients, account } = ctx;
  const notes = ["ERC-1155: copies of one id (semi-fungible), not unique tokens with their own metadata."];
  if (holders === "one") {
    const created = await estimateEditionsMintGas(client, { editions, to: recipients[0]!, amount: count, account });
    return { steps: [{ operation: created.operation, transactions: 1n, tokensEach: count, gasEach: created.gas, simulated: true }], notes };
  }
  const created = await estimateEditionsMintGas(client, { editions, to: recipients[0]!, amount: 1n, account });
  const steps: StrategyStep[] = [{ operation: created.operation, transactions: 1n, tokensEach: 1n, gasEach: created.gas, simulated: true }];
  if (count > 1n) {
    const existingId = await lastExistingId(client, editions);
    let repeat: bigint | undefined;
    if (existingId !== undefined) {
      try {
        repeat = (await estimateEditionsMintGas(client, { editions, to: recipients[1] ?? recipients[0]!, id: existingId, amount: 1n, account })).gas;
        notes.push(`Mints after the first are projected with a simulated mint of the existing id ${existingId}.`);
      } catch {
        repeat = undefined;
      }
    }
    if (repeat === undefined) {
      repeat = created.gas;
      notes.push("No mintable existing id to simulate: mints after the first are projected at the new id's cost (an upper bound).");
    }
    steps.push({ operation: "editionsMintExisting", transactions: count - 1n, tokensEach: 1n, gasEach: repeat, simulated: false });
  }
  return { steps, notes };
}

/** Chunks of equal (quantity, gas) grouped into steps; the first chunk is the simulated one. */
function groupSteps(operation: GasOperation, chunks: readonly { quantity: bigint; gas: bigint }[]): StrategyStep[] {
  const steps: StrategyStep[] = [];
  chunks.forEach((c, i) => {
    const last = steps[steps.length - 1];
    if (i > 1 && last && last.tokensEach === c.quantity && last.gasEach === c.gas) {
      steps[steps.length - 1] = { ...last, transactions: last.transactions + 1n };
    } else {
      steps.push({ operation, transactions: 1n, tokensEach: c.quantity, gasEach: c.gas, simulated: i === 0 });
    }
  });
  return steps;
}

/** The owner of the collection's most recently minted token, if any (a holder with a non-zero balance). */
async function lastHolder(client: GasClient, collection: Address): Promise<Address | undefined> {
  try {
    const next = await readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
    if (next <= 1n) return undefined;
    return await readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [next - 1n] });
  } catch {
    return undefined;
  }
}

/** The highest existing id below the editions contract's next id, if any. */
async function lastExistingId(client: GasClient, editions: Address): Promise<bigint | undefined> {
  try {
    const next = await readContract(client, { address: editions, abi: mintkitEditionsAbi, functionName: "nextTokenId" });
    for (let id = next - 1n; id >= 1n && id >= next - 8n; id--) {
      if (await readContract(client, { address: editions, abi: mintkitEditionsAbi, functionName: "exists", args: [id] })) return id;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function randomUid(): bigint {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

