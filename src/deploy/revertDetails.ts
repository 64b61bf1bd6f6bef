/**
 * The decoded custom error of a failed call or transaction, if viem could decode it (walks the cause
 * chain for viem's `ContractFunctionRevertedError`). Browser-safe.
 * @example
 * try { await publicClient.simulateContract(...) } catch (err) { const { errorName } = revertDetails(err); }
 */
export function revertDetails(err: unknown): { errorName?: string; errorArgs?: string[]; reason?: string } {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current.name === "ContractFunctionRevertedError") {
      const e = current as Error & { data?: { errorName?: string; args?: readonly unknown[] }; reason?: string };
      const errorName = e.data?.errorName ?? (e.reason ? "Error" : undefined);
      const errorArgs = e.data?.args?.map((a) => (typeof a === "bigint" ? a.toString() : String(a)));
      return {
        ...(errorName ? { errorName } : {}),
        ...(errorArgs ? { errorArgs } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
      };
    }
    current = current.cause;
  }
  return {};
}

/** `Name(arg1, arg2)` for a decoded revert, or `undefined`. */
export function formatRevert(details: { errorName?: string; errorArgs?: readonly string[]; reason?: string }): string | undefined {
  if (details.reason && (!details.errorName || details.errorName === "Error")) return details.reason;
  if (!details.errorName) return undefined;
  return `${details.errorName}(${(details.errorArgs ?? []).join(", ")})`;
}
