/** The work of `mintkit listing verify|cancel` (loaded lazily by the command). */
import { hashListing } from "../../market/hashListing.js";
import { cancelListing } from "../../market/cancelListing.js";
import { verifyListing } from "../../market/verifyListing.js";
import { resolveContext } from "../context.js";
import type { GlobalOptions } from "../globalOptions.js";
import { readOrderFile } from "./orderFile.js";
import { formatEth, type CommandResult } from "../output.js";
import { invalidInput } from "../parse.js";

/** Options of `mintkit listing cancel`. */
export interface ListingCancelOptions {
  all?: boolean;
}

export async function verifyListingFile(g: GlobalOptions, file: string): Promise<CommandResult> {
  const listing = await readOrderFile(file);
  const ctx = await resolveContext(g);
  const result = await verifyListing(ctx.publicClient, { listing });
  if (!result.valid) process.exitCode = 1;
  const problems = result.problems.map((p) => ({ code: p.code, message: p.message, hint: p.hint, details: p.details }));
  const item = listing.parameters.offer[0];
  return {
    data: {
      valid: result.valid,
      orderHash: result.orderHash,
      offerer: listing.parameters.offerer,
      collection: item?.token ?? null,
      tokenId: item?.identifierOrCriteria ?? null,
      price: result.price,
      currency: result.currency,
      endTime: listing.parameters.endTime,
      chainId: result.chainId,
      problems,
    },
    text: result.valid
      ? [`Valid: order ${result.orderHash} can be filled now (price ${result.price} wei-units of ${result.currency === "0x0000000000000000000000000000000000000000" ? "ETH" : result.currency}).`]
      : [
          `Invalid: order ${result.orderHash} cannot be filled (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
          ...problems.flatMap((p) => [`  - ${p.message}`, `    ${p.hint}`, `    (${p.code})`]),
        ],
  };
}

export async function cancelListings(g: GlobalOptions, file: string | undefined, opts: ListingCancelOptions): Promise<CommandResult> {
  if ((file === undefined) === (opts.all !== true)) {
    throw invalidInput("[order]", file ?? "", file === undefined ? "is missing" : "cannot go with --all", "Give one order file to cancel, or --all to cancel every order of the account.");
  }
  const listing = file === undefined ? undefined : await readOrderFile(file);
  const ctx = await resolveContext(g, { signer: true });
  const result = await cancelListing(ctx.walletClient, ctx.publicClient, listing === undefined ? {} : { listing });
  return {
    data: {
      transactionHash: result.transactionHash,
      orderHash: listing === undefined ? null : hashListing(listing.parameters),
      all: listing === undefined,
      newCounter: result.newCounter ?? null,
      gasUsed: result.gasUsed,
      cost: result.fee,
      chainId: ctx.chainId,
    },
    text: [
      listing === undefined
        ? `Cancelled every Seaport order of ${ctx.account.address} (counter now ${result.newCounter})`
        : `Cancelled order ${result.orderHash} on Seaport`,
      `  tx        ${result.transactionHash}`,
      `  gas used  ${result.gasUsed}`,
      `  cost      ${formatEth(result.fee)}`,
    ],
  };
}
