import { formatEther, formatUnits, parseUnits } from "viem";
import { GasError } from "../errors/GasError.js";
import { FEE_TIERS, type FeeTierName, type FeeTiers } from "./getFeeTiers.js";

/** A fiat price of 1 ETH given by the caller (mintkit never fetches prices). */
export interface EthPrice {
  /** Price of 1 ETH, e.g. `3200` or `"3200.50"`. */
  readonly ethPrice: number | string;
  /** The currency's code, e.g. `"USD"`, `"EUR"` (a label only). */
  readonly currency: string;
}

/** The cost of some gas at one fee tier. */
export interface TierCost {
  /** Expected price per gas (next base fee + tip), in wei. */
  readonly gasPrice: bigint;
  /** Expected cost, in wei and in ETH (`formatEther`). */
  readonly wei: bigint;
  readonly eth: string;
  /** The most it could cost (at `maxFeePerGas`), in wei and in ETH. */
  readonly maxWei: bigint;
  readonly maxEth: string;
  /** The expected cost in the caller's currency, when a price was given. */
  readonly fiat?: {
    /** Exact decimal string (8 decimals at most). */
    readonly amount: string;
    /** Rounded for display: 2 decimals, or 2 significant digits below 0.01. */
    readonly display: string;
    readonly currency: string;
  };
}

/** The cost of `gas` at every fee tier. */
export interface GasCost {
  readonly gas: bigint;
  readonly tiers: Readonly<Record<FeeTierName, TierCost>>;
}

const FIAT_DECIMALS = 8;

/**
 * Turns a gas amount into its cost at each fee tier of {@link getFeeTiers}: wei and ETH expected (next
 * base fee + tip) and at most (max fee), and in a fiat currency when the caller gives the price of 1 ETH.
 *
 * @example
 * const fees = await getFeeTiers(publicClient);
 * const cost = gasToCost(75_000n, fees, { ethPrice: 3200, currency: "USD" });
 * cost.tiers.standard.eth; // "0.000225"
 * cost.tiers.standard.fiat?.display; // "0.72"
 */
export function gasToCost(gas: bigint, fees: FeeTiers, price?: EthPrice): GasCost {
  if (typeof gas !== "bigint" || gas < 0n) {
    throw new GasError("GAS_INVALID_PARAMETER", "Gas must be a non-negative bigint.", {
      hint: "Pass the gas units as a bigint, e.g. 75000n.",
      details: { parameter: "gas", value: String(gas), reason: "not a non-negative bigint" },
    });
  }
  const priceUnits = price === undefined ? undefined : toPriceUnits(price);
  const tiers = {} as Record<FeeTierName, TierCost>;
  for (const name of FEE_TIERS) {
    const tier = fees.tiers[name];
    const wei = gas * tier.expectedGasPrice;
    const maxWei = gas * tier.maxFeePerGas;
    let fiat: TierCost["fiat"];
    if (price !== undefined && priceUnits !== undefined) {
      const units = (wei * priceUnits) / 10n ** 18n;
      fiat = { amount: formatUnits(units, FIAT_DECIMALS), display: display(units), currency: price.currency };
    }
    tiers[name] = {
      gasPrice: tier.expectedGasPrice,
      wei,
      eth: formatEther(wei),
      maxWei,
      maxEth: formatEther(maxWei),
      ...(fiat ? { fiat } : {}),
    };
  }
  return { gas, tiers };
}

function toPriceUnits(price: EthPrice): bigint {
  const text = typeof price.ethPrice === "number" ? numberToDecimal(price.ethPrice) : price.ethPrice.trim();
  let units: bigint | undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    try {
      units = parseUnits(text, FIAT_DECIMALS);
    } catch {
      units = undefined;
    }
  }
  if (units === undefined || typeof price.currency !== "string" || price.currency.trim() === "") {
    throw new GasError("GAS_INVALID_PARAMETER", `Not a usable ETH price: ${String(price.ethPrice)} ${String(price.currency)}.`, {
      hint: 'Pass a non-negative decimal price of 1 ETH and a currency code, e.g. { ethPrice: 3200, currency: "USD" }.',
      details: { parameter: "ethPrice", value: String(price.ethPrice), reason: "not a non-negative decimal with a currency" },
    });
  }
  return units;
}

function numberToDecimal(n: number): string {
  if (!Number.isFinite(n) || n < 0) return "invalid";
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: FIAT_DECIMALS });
}

/** 2 decimals (rounded half up), or 2 significant digits for amounts under 0.01. */
function display(units: bigint): string {
  const cent = 10n ** BigInt(FIAT_DECIMALS - 2);
  if (units === 0n || units >= cent) return formatUnits(((units + cent / 2n) / cent) * cent, FIAT_DECIMALS).replace(/^(\d+)$/, "$1.00").replace(/\.(\d)$/, ".$10");
  const digits = units.toString().length;
  const scale = 10n ** BigInt(digits - 2);
  return formatUnits(((units + scale / 2n) / scale) * scale, FIAT_DECIMALS);
}
