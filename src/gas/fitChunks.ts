import { GasError } from "../errors/GasError.js";

/** gas(n) ≈ fixedGas + gasPerToken · n, fitted through simulations. */
export interface GasLine {
  readonly fixedGas: bigint;
  readonly gasPerToken: bigint;
}

/** Internal: how {@link fitChunks} split `count` items. */
export interface ChunkFit {
  /** Items in the largest transaction(s); the last `pieces·size − count` carry one item less. */
  readonly size: bigint;
  readonly pieces: bigint;
  readonly model: GasLine;
  /** The simulated gas of a `size`-item transaction. */
  readonly largestGas: bigint;
  /** The simulated gas of a one-item transaction, if simulated. */
  readonly singleGas: bigint | undefined;
  /** Quantities in order, largest first. */
  readonly quantities: readonly bigint[];
}

/** A sample big enough to average a contract's per-range bookkeeping (ERC721Batch: one record per ≤512 ids). */
const LINE_SAMPLE = 512n;

/**
 * Internal: splits `count` items (tokens of a batch, recipients of an airdrop…) into transactions whose
 * simulated gas stays at or under `target`. `gasOf(n)` simulates an n-item transaction on the current chain
 * state (memoised here). A line is fitted through n = 2 and n = min(count, 512), refined near the largest
 * size that fits, the chunks are balanced and the largest is simulated once more (one more chunk until it
 * fits). Throws `GAS_LIMIT_TOO_LOW` when one item alone is over the target.
 */
export async function fitChunks(
  operation: string,
  count: bigint,
  target: bigint,
  perTransactionLimit: bigint,
  simulate: (n: bigint) => Promise<bigint>,
): Promise<ChunkFit & { samples: readonly { quantity: bigint; gas: bigint }[] }> {
  const memo = new Map<bigint, bigint>();
  const gasOf = async (n: bigint) => {
    const known = memo.get(n);
    if (known !== undefined) return known;
    const gas = await simulate(n);
    memo.set(n, gas);
    return gas;
  };
  const tooLow = (required: bigint) =>
    new GasError(
      "GAS_LIMIT_TOO_LOW",
      `One ${operation} transaction needs about ${required} gas, over the per-transaction target of ${target} (limit ${perTransactionLimit} minus the safety margin).`,
      {
        hint: "Raise maxGasPerTransaction (or lower the safety margin).",
        details: { operation, perTransactionLimit: String(perTransactionLimit), required: String(required) },
      },
    );

  // The smallest multi-item transaction: also checks the caller may send it and the contract accepts it.
  const small = count < 2n ? count : 2n;
  const gSmall = await gasOf(small);
  let model: GasLine = { fixedGas: gSmall, gasPerToken: 0n };
  let size: bigint;
  let pieces: bigint;
  if (count === 1n) {
    if (gSmall > target) throw tooLow(gSmall);
    size = 1n;
    pieces = 1n;
  } else if (gSmall > target) {
    const gOne = await gasOf(1n);
    if (gOne > target) throw tooLow(gOne);
    size = 1n;
    pieces = count;
  } else {
    let n1 = small;
    let g1 = gSmall;
    let n2 = count < LINE_SAMPLE ? count : LINE_SAMPLE;
    // A sample must stay under the node's own cap: halve it until the simulation fits.
    let g2: bigint | undefined;
    while (g2 === undefined) {
      try {
        g2 = await gasOf(n2);
      } catch (err) {
        if (!(err instanceof GasError) || err.code !== "GAS_ESTIMATION_FAILED" || n2 <= 4n) throw err;
        n2 /= 2n;
      }
    }
    model = fitLine(n1, g1, n2, g2);
    if (n2 < count || g2 > target) {
      const fit = largestFitting(model, target, count);
      if (fit > n2 + n2 / 2n) {
        n1 = n2;
        g1 = g2;
        n2 = fit;
        g2 = await gasOf(n2);
        model = fitLine(n1, g1, n2, g2);
      }
    }
    const maxSize = largestFitting(model, target, count);
    pieces = maxSize < 2n ? count : ceilDiv(count, maxSize);
    for (;;) {
      size = ceilDiv(count, pieces);
      if ((await gasOf(size)) <= target) break;
      if (size === 1n) throw tooLow(await gasOf(1n));
      pieces += 1n;
    }
  }
  const largestGas = await gasOf(size);
  const shortfall = pieces * size - count;
  const quantities: bigint[] = [];
  for (let i = 0n; i < pieces; i++) quantities.push(i < pieces - shortfall ? size : size - 1n);
  const needsSingle = quantities.some((q) => q === 1n);
  const singleGas = needsSingle ? await gasOf(1n) : memo.get(1n);
  return {
    size,
    pieces,
    model,
    largestGas,
    singleGas,
    quantities,
    samples: [...memo]
      .map(([quantity, gas]) => ({ quantity, gas }))
      .sort((a, b) => (a.quantity < b.quantity ? -1 : a.quantity > b.quantity ? 1 : 0)),
  };
}

/** Internal: the gas {@link fitChunks} projects for a chunk of `quantity` items (see its fields). */
export function chunkGas(fit: ChunkFit, quantity: bigint): bigint {
  if (quantity === fit.size) return fit.largestGas;
  if (quantity === 1n && fit.singleGas !== undefined) return fit.singleGas;
  return fit.largestGas - fit.model.gasPerToken * (fit.size - quantity);
}

/** The line through (n1, g1) and (n2, g2); the slope rounded up so the line errs on the high side. */
function fitLine(n1: bigint, g1: bigint, n2: bigint, g2: bigint): GasLine {
  if (n2 <= n1) return { fixedGas: g1, gasPerToken: 0n };
  const gasPerToken = ceilDiv(g2 > g1 ? g2 - g1 : 0n, n2 - n1);
  return { fixedGas: g2 - gasPerToken * n2, gasPerToken };
}

/** The largest n ≤ cap with fixedGas + gasPerToken·n ≤ target (at least 1). */
function largestFitting(model: GasLine, target: bigint, cap: bigint): bigint {
  if (model.gasPerToken === 0n) return cap;
  const n = (target - model.fixedGas) / model.gasPerToken;
  if (n < 1n) return 1n;
  return n < cap ? n : cap;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
