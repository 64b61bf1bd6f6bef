/** The work of `mintkit buy` (loaded lazily by the command). */
import { formatUnits, zeroAddress } from "viem";
import { fulfillListing } from "../../market/fulfillListing.js";
import { resolveContext } from "../context.js";
import type { GlobalOptions } from "../globalOptions.js";
import { readOrderFile } from "./orderFile.js";
import { formatEth, type CommandResult } from "../output.js";

export async function buyListing(g: GlobalOptions, file: string): Promise<CommandResult> {
  const listing = await readOrderFile(file);
  const ctx = await resolveContext(g, { signer: true });
  const result = await fulfillListing(ctx.walletClient, ctx.publicClient, { listing });
  const item = listing.parameters.offer[0]!;
  const paid = result.currency === zeroAddress ? formatEth(result.price, 18) : `${formatUnits(result.price, 0)} (smallest units) of ${result.currency}`;
  return {
    data: {
      orderHash: result.orderHash,
      transactionHash: result.transactionHash,
      path: result.path,
      collection: item.token,
      tokenId: item.identifierOrCriteria,
      quantity: item.startAmount,
      buyer: ctx.account.address,
      price: result.price,
      currency: result.currency,
      gasUsed: result.gasUsed,
      cost: result.fee,
      chainId: ctx.chainId,
    },
    text: [
      `Bought token ${item.identifierOrCriteria} of ${item.token} for ${paid}`,
      `  tx        ${result.transactionHash} (${result.path})`,
      `  gas used  ${result.gasUsed}`,
      `  gas cost  ${formatEth(result.fee)}`,
    ],
  };
}
