/** Shared by the `mintkit gas` actions: options, the chain set-up, amounts and cost lines. */
import type { Address } from "viem";
import { resolveContext, type ChainContext, type SignerContext } from "../../context.js";
import * as lib from "../../../gas/index.js";
import { parseAddress, parseBigIntOption } from "../../parse.js";
import { CliError } from "../../../errors/CliError.js";
import { parseAmount } from "../../grammar/index.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth } from "../../output.js";
import type { EthPrice, FeeTiers } from "../../../gas/index.js";
import type { RedeemGasCase } from "../../../gas/index.js";
import { resolveCollectionAddress } from "../../resolveCollection.js";

/** `gas redeem`: what each voucher storage case means for its gas. */
export const REDEEM_CASES: Record<RedeemGasCase, string> = {
  "explicit-id": "explicit ERC-721 token id (the uid is neither read nor written)",
  "uid-used-word": "uid in a bitmap word already used (the word is rewritten)",
  "uid-new-word": "uid opens a new bitmap word (~17k gas more than a used word; consecutive uids share words)",
};

/** Options of the `mintkit gas` subcommands (each takes the ones it lists). */
export interface GasOptions {
  collection?: string;
  editions?: string;
  count?: string;
  to?: string;
  from?: string;
  uri?: string;
  price?: string;
  id?: string;
  tokenId?: string;
  maxGas?: string;
  holders?: string;
  direct?: boolean;
  ethPrice?: string;
  currency: string;
}


export interface Setup {
  readonly g: GlobalOptions;
  readonly ctx: ChainContext;
  readonly from: Address;
  readonly lib: typeof lib;
  /** Set when the signing account was resolved. */
  readonly signer?: SignerContext;
}

/** The chain context and the address simulations run as (--from, else the signing account). */
export async function setup(g: GlobalOptions, opts: GasOptions, needSigner = false): Promise<Setup> {
  if (opts.from !== undefined && !needSigner) {
    const from = await parseAddress(opts.from, "--from");
    return { g, ctx: await resolveContext(g), from, lib };
  }
  const signer = await resolveContext(g, { signer: true });
  const from = opts.from !== undefined ? await parseAddress(opts.from, "--from") : signer.account.address;
  return { g, ctx: signer, from, lib, signer };
}

/** A required input that is absent (`CLI_INVALID_INPUT`, exit 2): what is missing and what to pass. */
export function missingInput(field: string, reason: string, hint = `Pass ${field} and run the command again; nothing was sent.`): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", `${field} ${reason}.`, { hint, details: { field, reason } });
}

export async function contract(ctx: ChainContext, value: string, field: string): Promise<Address> {
  return resolveCollectionAddress(ctx, value, field);
}

export function count(value: string | undefined, fallback: bigint, field = "--count"): Promise<bigint> {
  return Promise.resolve(value === undefined ? fallback : parseBigIntOption(value, field, { min: 1n, max: 1_000_000n }));
}

export async function priceOf(opts: GasOptions): Promise<EthPrice | undefined> {
  if (opts.ethPrice === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(opts.ethPrice.trim())) {
    throw new CliError("CLI_INVALID_INPUT", `--eth-price must be a decimal price of 1 ETH, got "${opts.ethPrice}".`, {
      hint: "Pass e.g. --eth-price 3200 --currency USD.",
      details: { field: "--eth-price", value: opts.ethPrice, reason: "not a decimal price" },
    });
  }
  if (!/^[A-Za-z]{3}$/.test(opts.currency.trim())) {
    throw new CliError("CLI_INVALID_INPUT", `--currency must be a three-letter currency code (ISO 4217), got "${opts.currency}".`, {
      hint: "Pass e.g. --currency USD or --currency EUR.",
      details: { field: "--currency", value: opts.currency, reason: "not a currency code" },
    });
  }
  return { ethPrice: opts.ethPrice.trim(), currency: opts.currency.trim().toUpperCase() };
}

/** An ETH amount in the one grammar (`0.01eth`, `20gwei`, `123wei`; a bare number other than 0 is refused). */
export async function weiOf(value: string, field: string): Promise<bigint> {
  return parseAmount(value, { field });
}

/** A fresh address per run of the CLI: the costliest recipient (no balance yet). */
export async function freshAddress(lib: Setup["lib"], label: string): Promise<Address> {
  return lib.sampleRecipients(1, `mintkit-cli:${label}:${Date.now()}:${Math.random()}`)[0]!;
}

export async function costLines(s: Setup, gas: bigint, opts: GasOptions) {
  const fees = await s.lib.getFeeTiers(s.ctx.publicClient);
  const price = await priceOf(opts);
  const cost = s.lib.gasToCost(gas, fees, price);
  return { fees, cost, lines: tierLines(cost) };
}

export function tierLines(cost: lib.GasCost): string[] {
  return (["slow", "standard", "fast"] as const).map((t) => {
    const c = cost.tiers[t];
    const fiat = c.fiat ? `  ≈ ${c.fiat.display} ${c.fiat.currency}` : "";
    return `  ${t.padEnd(9)} ${formatEth(c.wei, 8).padEnd(16)} at ${gwei(c.gasPrice)} gwei${fiat}  (at most ${formatEth(c.maxWei, 8)})`;
  });
}

export function gwei(wei: bigint): string {
  const whole = wei / 1_000_000_000n;
  const frac = (wei % 1_000_000_000n).toString().padStart(9, "0").slice(0, 3).replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function feesData(fees: FeeTiers) {
  return { nextBaseFeePerGas: fees.nextBaseFeePerGas, tiers: fees.tiers, source: fees.source, newestBlock: fees.newestBlock };
}

