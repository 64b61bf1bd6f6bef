/**
 * Stops the worker threads snarkjs keeps for the BN254 curve after proving or verifying a predicate, so a
 * Node process can exit. The next proof or verification starts the curve again (a cold start). Harmless when
 * nothing was proved.
 *
 * @example
 * await verifyPresentation(client, presentation, options);
 * await releasePredicateProver();
 */
export async function releasePredicateProver(): Promise<void> {
  const holder = globalThis as { curve_bn128?: { terminate?: () => Promise<void> | void } | null };
  const curve = holder.curve_bn128;
  if (curve?.terminate) {
    holder.curve_bn128 = null;
    await curve.terminate();
  }
}
