/** `mintkit gas plan|compare|fees`: batch planning, strategy comparison and fee tiers. */
import * as lib from "../../../gas/index.js";
import { resolveContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, type CommandResult } from "../../output.js";
import { contract, costLines, count, feesData, freshAddress, gwei, priceOf, setup, tierLines, type GasOptions } from "./support.js";
import { CliError } from "../../../errors/CliError.js";
import { parseAddress, parseBigIntOption } from "../../parse.js";

export async function plan(g: GlobalOptions, opts: GasOptions): Promise<CommandResult> {
  const s = await setup(g, opts);
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const to = opts.to ? await parseAddress(opts.to, "--to") : s.from;
  const n = await count(opts.count, 1n);
  const plan = await s.lib.planBatchMint(s.ctx.publicClient, {
    collection,
    to,
    count: n,
    account: s.from,
    ...(opts.maxGas !== undefined ? { maxGasPerTransaction: parseBigIntOption(opts.maxGas, "--max-gas", { min: 21_000n }) } : {}),
  });
  const { fees, cost, lines } = await costLines(s, plan.totalEstimatedGas, opts);
  return {
    data: { ...plan, chainId: s.ctx.chainId, cost, fees: feesData(fees) },
    text: [
      `Plan: ${plan.count} tokens to ${plan.to} on ${plan.collection} in ${plan.chunks.length} mintBatch transaction(s)`,
      `  per-transaction limit ${plan.perTransactionLimit} (block ${plan.blockGasLimit}, EIP-7825 ${plan.transactionGasCap}${plan.userGasCap !== undefined ? `, yours ${plan.userGasCap}` : ""}), filled to ${plan.targetGas}`,
      `  measured: ~${plan.model.gasPerToken} gas per extra token, ${plan.model.fixedGas} fixed`,
      ...plan.chunks.map((c) => `  #${c.index + 1}  ${String(c.quantity).padStart(6)} tokens  ids ${c.firstTokenId}-${c.lastTokenId}  ~${c.estimatedGas} gas`),
      `Total ~${plan.totalEstimatedGas} gas:`,
      ...lines,
    ],
  };
}

export async function compare(g: GlobalOptions, opts: GasOptions): Promise<CommandResult> {
  const s = await setup(g, opts, true);
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const editions = opts.editions !== undefined ? await contract(s.ctx, opts.editions, "--editions") : undefined;
  const n = await count(opts.count, 1n);
  const holders = (opts.holders ?? "one").trim();
  if (holders !== "one" && holders !== "many") {
    throw new CliError("CLI_INVALID_INPUT", `--holders must be "one" or "many", got "${opts.holders}".`, {
      hint: "one: a single holder gets every token; many: one token each to fresh holders.",
      details: { field: "--holders", value: opts.holders, reason: "neither one nor many" },
    });
  }
  if (holders === "many" && n > 20_000n) {
    throw new CliError("CLI_INVALID_INPUT", "--holders many takes at most 20000 tokens.", {
      hint: "Compare a smaller job; costs scale per holder.",
      details: { field: "--count", value: String(n), reason: "too many holders" },
    });
  }
  const recipients =
    holders === "one" ? [await freshAddress(s.lib, "compare")] : s.lib.sampleRecipients(n, `mintkit-cli:compare:${Date.now()}`);
  const fees = await s.lib.getFeeTiers(s.ctx.publicClient);
  const price = await priceOf(opts);
  const report = await s.lib.compareMintStrategies(s.ctx.publicClient, {
    count: n,
    recipients,
    account: s.from,
    collection,
    ...(editions ? { editions } : {}),
    voucherSigner: s.signer!.walletClient,
    fees,
    ...(price ? { price } : {}),
    ...(opts.maxGas !== undefined ? { maxGasPerTransaction: parseBigIntOption(opts.maxGas, "--max-gas", { min: 21_000n }) } : {}),
  });
  const text = [`${n} token(s) to ${holders === "one" ? "one holder" : `${n} holders`}, by simulation (standard tier):`];
  for (const r of report.strategies) {
    if (!r.available) {
      text.push(`  ${r.strategy.padEnd(8)} unavailable: ${r.unavailableReason}`);
      continue;
    }
    const c = r.cost?.tiers.standard;
    const fiat = c?.fiat ? ` ≈ ${c.fiat.display} ${c.fiat.currency}` : "";
    text.push(
      `  ${r.strategy.padEnd(8)} ${String(r.totalGas).padStart(12)} gas in ${r.transactions} tx (${r.gasPerToken}/token)${c ? `, ${formatEth(c.wei, 8)}${fiat}` : ""}, paid by ${r.paidBy}${r.strategy === report.cheapest ? "  ← cheapest" : ""}`,
    );
    for (const note of r.notes) text.push(`           ${note}`);
  }
  return { data: { ...report, chainId: s.ctx.chainId, fees: feesData(fees) }, text };
}

export async function fees(g: GlobalOptions, opts: GasOptions): Promise<CommandResult> {
  const ctx = await resolveContext(g);
  const fees = await lib.getFeeTiers(ctx.publicClient);
  const price = await priceOf(opts);
  const cost = lib.gasToCost(21_000n, fees, price);
  return {
    data: { ...feesData(fees), percentiles: fees.percentiles, chainId: ctx.chainId, transferCost: cost },
    text: [
      `Next base fee ${gwei(fees.nextBaseFeePerGas)} gwei (block ${fees.newestBlock + 1n}); tips from ${fees.source === "feeHistory" ? `the last ${fees.blockCount} blocks` : "the node (recent blocks were empty)"}`,
      ...(["slow", "standard", "fast"] as const).map(
        (t) => `  ${t.padEnd(9)} tip ${gwei(fees.tiers[t].maxPriorityFeePerGas)} gwei, max fee ${gwei(fees.tiers[t].maxFeePerGas)} gwei`,
      ),
      "A 21,000-gas ETH transfer costs:",
      ...tierLines(cost),
    ],
  };
}

