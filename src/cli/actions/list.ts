/** The work of `mintkit list` (loaded lazily by the command). */
import { erc20Abi, formatUnits, parseEther, parseGwei, parseUnits, zeroAddress, type Address } from "viem";
import { approveSeaport } from "../../market/approveSeaport.js";
import { createListing } from "../../market/createListing.js";
import { hashListing } from "../../market/hashListing.js";
import { listingToJson, serializeListing } from "../../market/serializeListing.js";
import { signListing } from "../../market/signListing.js";
import { resolveContext } from "../context.js";
import { parseExpiry } from "./credential/options.js";
import type { GlobalOptions } from "../globalOptions.js";
import { formatEth, type CommandResult } from "../output.js";
import { invalidInput, parseAddress, parseBigIntOption } from "../parse.js";
import { resolveCollectionAddress } from "../resolveCollection.js";

/** Options of `mintkit list` (parsed in ../actions/list.ts). */
export interface ListOptions {
  price: string;
  currency?: string;
  quantity?: string;
  expires: string;
  starts?: string;
  feeBps?: string;
  feeTo?: string;
  allowFree?: boolean;
  out?: string;
}

export async function listToken(g: GlobalOptions, collectionArg: string, tokenIdArg: string, opts: ListOptions): Promise<CommandResult> {
  const tokenId = parseBigIntOption(tokenIdArg, "<token-id>");
  const quantity = opts.quantity === undefined ? undefined : parseBigIntOption(opts.quantity, "--quantity", { min: 1n });
  const currency = opts.currency === undefined ? undefined : await parseAddress(opts.currency, "--currency");
  if ((opts.feeBps === undefined) !== (opts.feeTo === undefined)) {
    throw invalidInput(opts.feeBps === undefined ? "--fee-to" : "--fee-bps", opts.feeBps ?? opts.feeTo ?? "", "needs the other one", "Pass both --fee-bps and --fee-to, or neither.");
  }
  const fee =
    opts.feeBps === undefined || opts.feeTo === undefined
      ? undefined
      : { bps: Number(parseBigIntOption(opts.feeBps, "--fee-bps", { max: 10_000n })), recipient: await parseAddress(opts.feeTo, "--fee-to") };

  const ctx = await resolveContext(g, { signer: true });
  const collection = await resolveCollectionAddress(ctx, collectionArg, "<collection>");
  const now = (await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const endTime = BigInt(parseExpiry(opts.expires, now, "--expires"));
  if (endTime === 0n) throw invalidInput("--expires", opts.expires, "a listing must end", "Pass an expiry such as +7d or +30d.");
  const startTime = opts.starts === undefined ? undefined : BigInt(parseExpiry(opts.starts, now, "--starts"));
  const decimals = currency === undefined ? 18 : await tokenDecimals(ctx.publicClient, currency);
  const price = parseListingPrice(opts.price, currency, decimals);

  const draft = await createListing(ctx.publicClient, {
    seller: ctx.account.address,
    collection,
    tokenId,
    price,
    endTime,
    ...(quantity === undefined ? {} : { quantity }),
    ...(currency === undefined ? {} : { currency }),
    ...(startTime === undefined ? {} : { startTime }),
    ...(fee === undefined ? {} : { fee }),
    ...(opts.allowFree === true ? { allowFree: true } : {}),
  });
  const approval = await approveSeaport(ctx.walletClient, ctx.publicClient, { collection });
  const listing = await signListing(ctx.walletClient, draft);
  if (opts.out !== undefined) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(opts.out, serializeListing(listing));
  }
  const amount = (v: bigint) => (currency === undefined ? formatEth(v, 18) : `${formatUnits(v, decimals)} of ${currency}`);
  const orderHash = hashListing(listing.parameters);
  return {
    data: {
      orderHash,
      ...(opts.out === undefined ? { order: listingToJson(listing) } : { file: opts.out }),
      collection,
      tokenId,
      kind: draft.kind,
      quantity: quantity ?? 1n,
      seller: ctx.account.address,
      price,
      currency: draft.currency,
      royalty: draft.royalty ?? null,
      fee: draft.fee ?? null,
      sellerProceeds: draft.sellerProceeds,
      startTime: listing.parameters.startTime,
      endTime,
      approval: { transactionHash: approval.transactionHash ?? null, gasUsed: approval.gasUsed, cost: approval.fee },
      chainId: ctx.chainId,
    },
    text: [
      `Listed token ${tokenId} of ${collection} for ${amount(price)} on Seaport 1.6 (order ${orderHash})`,
      `  seller gets  ${amount(draft.sellerProceeds)}`,
      `  royalty      ${draft.royalty === undefined ? "none" : `${amount(draft.royalty.amount)} to ${draft.royalty.receiver}`}`,
      `  fee          ${draft.fee === undefined ? "none" : `${amount(draft.fee.amount)} to ${draft.fee.recipient}`}`,
      `  ends         ${new Date(Number(endTime) * 1000).toISOString()}`,
      approval.transactionHash === undefined
        ? "  approval     Seaport was already approved for this collection (nothing sent)"
        : `  approval     approved Seaport for this collection once: ${formatEth(approval.fee)} (${approval.gasUsed} gas, tx ${approval.transactionHash})`,
      opts.out === undefined ? serializeListing(listing).trimEnd() : `  order        written to ${opts.out} (signing cost no gas)`,
    ],
  };
}

/**
 * A listing price: for ETH `<n>eth`, `<n>gwei` or wei (a bare integer or `<n>wei`); a bare decimal is
 * refused. For an ERC-20 (`--currency`), an amount in the token's units (`1.5`), or `<n>wei` for its
 * smallest unit.
 */
export function parseListingPrice(value: string, currency: Address | undefined, decimals: number): bigint {
  const text = value.trim().toLowerCase().replace(/_/g, "");
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(eth|gwei|wei)?$/.exec(text);
  const bad = (reason: string, hint: string) => invalidInput("--price", value, reason, hint);
  if (m === null) throw bad("is not an amount", "Write the price like 0.5eth, 20gwei or 1000 (wei); with --currency, like 1.5.");
  const [, amount, unit] = m as unknown as [string, string, string | undefined];
  try {
    if (currency === undefined || currency === zeroAddress) {
      if (unit === "eth") return parseEther(amount);
      if (unit === "gwei") return parseGwei(amount);
      if (/^\d+$/.test(amount)) return BigInt(amount);
      throw bad("has decimals but no unit", `Write ${amount}eth for ether (a bare integer is wei).`);
    }
    if (unit === "eth" || unit === "gwei") throw bad(`is in ${unit} but the currency is an ERC-20`, "Write the amount of the token (1.5), or <n>wei for its smallest unit.");
    if (unit === "wei") {
      if (!/^\d+$/.test(amount)) throw bad("has decimals in wei", "Wei is a whole number.");
      return BigInt(amount);
    }
    if ((amount.split(".")[1] ?? "").length > decimals) throw bad(`has more than the token's ${decimals} decimals`, `Round it to ${decimals} decimals.`);
    return parseUnits(amount, decimals);
  } catch (error) {
    if (error instanceof Error && error.name === "CliError") throw error;
    throw bad("is not an amount", "Write the price like 0.5eth.");
  }
}

/** The ERC-20's `decimals()` (18 when it has none). */
async function tokenDecimals(client: { readContract: (args: never) => Promise<unknown> }, currency: Address): Promise<number> {
  try {
    return Number(await client.readContract({ address: currency, abi: erc20Abi, functionName: "decimals" } as never));
  } catch {
    return 18;
  }
}
