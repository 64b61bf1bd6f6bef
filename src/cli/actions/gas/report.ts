/** The output of one `mintkit gas <operation>` estimate: the limit to send with first, then why, then the cost. */
import type { CommandResult } from "../../output.js";
import { formatEth } from "../../output.js";
import type { GasEstimate } from "../../../gas/index.js";
import { costLines, feesData, gwei, type GasOptions, type Setup } from "./support.js";

/** Thousands separators for a gas figure (17100 → 17,100). */
const n = (value: bigint): string => value.toLocaleString("en-US");

/**
 * The headline is the limit to send with (`send with a limit of N (minimum M + headroom H)`): sending the
 * minimum runs out of gas as soon as the state moves against the transaction. Then the expected gas, the
 * state-dependent cases the transaction is in, the headroom items, the worst-case cost and the cost per tier.
 */
export async function estimateReport(s: Setup, estimate: GasEstimate, opts: GasOptions, extra: readonly string[] = []): Promise<CommandResult> {
  const { fees, cost, lines } = await costLines(s, estimate.gas, opts);
  const on = `${estimate.operation}${estimate.via ? ` (${estimate.via})` : ""}${estimate.contract ? ` on ${estimate.contract}` : ""}`;
  const worst = estimate.worstCaseCost;
  const text = [
    `${on}: send with a limit of ${n(estimate.gasLimit)} (minimum ${n(estimate.minimumGasLimit)} + headroom ${n(estimate.headroom.gas)})`,
    `  expected gas ${n(estimate.gas)}${estimate.quantity > 0n ? `, ${estimate.quantity} token(s)` : ""}${estimate.value > 0n ? `, value ${estimate.value} wei` : ""}, as ${estimate.account}`,
    ...extra.map((line) => `  ${line}`),
    ...estimate.cases.map((c) => `  case ${c.case}${c.gas > 0n ? ` (+${n(c.gas)})` : ""}: ${c.description}`),
    ...estimate.headroom.items.map((i) => `  headroom ${i.case} +${n(i.gas)}: ${i.description}`),
    ...(worst
      ? [`  worst case ${formatEth(worst.wei, 8)} (the whole limit at the ${worst.tier} tier's max fee, ${gwei(worst.maxFeePerGas)} gwei)`]
      : []),
    `Cost of the expected gas (base fee ${gwei(fees.nextBaseFeePerGas)} gwei, tips from ${fees.source === "feeHistory" ? "recent blocks" : "the node"}):`,
    ...lines,
  ];
  return { data: { ...estimate, chainId: s.ctx.chainId, cost, fees: feesData(fees) }, text };
}
