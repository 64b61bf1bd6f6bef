import type { Address, Chain, Hex } from "viem";
import { call } from "viem/actions";
import type { GasAccount, GasClient } from "./simulateGas.js";

/** How far below a node's estimate the minimal gas limit is searched for (1/32 ≈ 3.1%). */
const SEARCH_SPAN = 32n;
/** The search stops within 1/1024 (≈0.1%) of the minimal limit. */
const PRECISION = 1024n;

/**
 * Internal: narrows a node's `eth_estimateGas` answer to the smallest gas limit (within ~0.1%) at which the
 * transaction still succeeds, by `eth_call`s with explicit gas limits. Nodes stop their own binary search
 * early (geth within 1.5%, Hardhat's EDR within ~2.4% for calls into other contracts); a transaction with
 * no call into another contract is usually estimated exactly, which one probe at `estimate − 1` confirms.
 * Any probe failure counts as "not enough gas" (the estimate itself succeeded on the same state).
 */
export async function refineGasLimit(
  client: GasClient,
  transaction: { readonly account: GasAccount; readonly to?: Address; readonly data: Hex; readonly value?: bigint },
  estimate: bigint,
): Promise<bigint> {
  const succeeds = async (gas: bigint): Promise<boolean> => {
    try {
      await call(client, {
        account: transaction.account,
        ...(transaction.to ? { to: transaction.to } : {}),
        data: transaction.data,
        ...(transaction.value ? { value: transaction.value } : {}),
        gas,
      } as Parameters<typeof call<Chain | undefined>>[1]);
      return true;
    } catch {
      return false;
    }
  };
  if (!(await succeeds(estimate - 1n))) return estimate;
  let hi = estimate - 1n;
  let lo = hi - hi / SEARCH_SPAN;
  // Widen the window if the node's estimate was even more generous (rare; bounded).
  for (let i = 0; i < 3 && (await succeeds(lo)); i++) {
    hi = lo;
    lo = hi - hi / SEARCH_SPAN;
  }
  while (hi - lo > hi / PRECISION && hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (await succeeds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
