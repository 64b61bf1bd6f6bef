import { hexToBigInt, isHex, numberToHex, type Address, type Hex } from "viem";
import type { GasAccount, GasClient } from "./simulateGas.js";

/** How a {@link GasEstimate}'s `gas` (expected gasUsed) was measured. */
export type GasUsedSource = "trace" | "accessList" | "limit";

/** Methods a client's node refused, so they are not asked again. */
const refused = new WeakMap<object, Set<string>>();

/**
 * Internal: the gas a transaction will be charged (its receipt's gasUsed), by simulation with the given
 * gas limit: `debug_traceCall` with the `callTracer` (Hardhat, anvil, geth with the debug API), else
 * `eth_createAccessList`, which reports gasUsed (most public RPC providers). `undefined` when the node
 * offers neither; the caller then reports the gas limit, which is at most a few thousand gas above
 * (a value transfer's 2,300 stipend, the 1/64 kept back by each call into another contract).
 */
export async function measureGasUsed(
  client: GasClient,
  transaction: { readonly account: GasAccount; readonly to?: Address; readonly data: Hex; readonly value?: bigint },
  gasLimit: bigint,
): Promise<{ gasUsed: bigint; source: Exclude<GasUsedSource, "limit"> } | undefined> {
  const call = {
    from: typeof transaction.account === "string" ? transaction.account : transaction.account.address,
    ...(transaction.to ? { to: transaction.to } : {}),
    data: transaction.data,
    gas: numberToHex(gasLimit),
    ...(transaction.value ? { value: numberToHex(transaction.value) } : {}),
  };
  const skip = refused.get(client) ?? new Set<string>();
  refused.set(client, skip);
  if (!skip.has("debug_traceCall")) {
    try {
      const frame = (await client.request({
        method: "debug_traceCall",
        params: [call, "latest", { tracer: "callTracer", tracerConfig: { onlyTopCall: true } }],
      } as never)) as { gasUsed?: unknown; error?: unknown } | null;
      if (frame && typeof frame.gasUsed === "string" && isHex(frame.gasUsed) && frame.error === undefined) {
        return { gasUsed: hexToBigInt(frame.gasUsed), source: "trace" };
      }
    } catch (err) {
      if (isUnsupported(err)) skip.add("debug_traceCall");
    }
  }
  if (!skip.has("eth_createAccessList")) {
    try {
      const result = (await client.request({ method: "eth_createAccessList", params: [call, "latest"] } as never)) as {
        gasUsed?: unknown;
        error?: unknown;
      } | null;
      if (result && typeof result.gasUsed === "string" && isHex(result.gasUsed) && !result.error) {
        return { gasUsed: hexToBigInt(result.gasUsed), source: "accessList" };
      }
    } catch (err) {
      if (isUnsupported(err)) skip.add("eth_createAccessList");
    }
  }
  return undefined;
}

function isUnsupported(err: unknown): boolean {
  const text = String((err as { message?: unknown })?.message ?? err);
  return /not (supported|available|found)|does not exist|unsupported|method not found|-32601|-32004/i.test(text);
}
