/**
 * Walks an error's `cause` chain (viem's `BaseError.walk`, for any error: viem's, mintkit's, a plain
 * `Error`, or a non-error value). Returns the first error for which `fn` returns true (`null` if none
 * does), or, without `fn`, the deepest cause. Cycles are cut. Browser-safe.
 * @example
 * const reverted = walkCause(err, (e) => e instanceof Error && e.name === "ContractFunctionRevertedError");
 */
export function walkCause(err: unknown, fn?: (err: unknown) => boolean): unknown {
  let current: unknown = err;
  const seen = new Set<unknown>();
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (fn?.(current)) return current;
    const next: unknown = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
    if (next === undefined || next === null) break;
    current = next;
  }
  return fn ? null : current;
}

/** The first `Error` in `err`'s cause chain whose `name` is one of `names`, or `undefined`. */
export function findCauseByName(err: unknown, ...names: readonly string[]): Error | undefined {
  const found = walkCause(err, (e) => e instanceof Error && names.includes(e.name));
  return found instanceof Error ? found : undefined;
}
