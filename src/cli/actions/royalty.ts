/** The work of `mintkit royalty get|set` (loaded lazily by the command). */
import { zeroAddress } from "viem";
import { mintkitCollectionAbi } from "../../contracts/mintkitCollection.js";
import { resolveContext } from "../context.js";
import type { GlobalOptions } from "../globalOptions.js";
import { formatEth, type CommandResult } from "../output.js";
import { parseBps } from "../parse.js";
import { parseAddress, parseAmount, parseUint, resolveAddressOrName } from "../grammar/index.js";
import { writeAndWait } from "../../chain/writeAndWait.js";
import { txReverted } from "../txReverted.js";

/** Options of `mintkit royalty get`. */
export interface RoyaltyGetOptions {
  tokenId: string;
  salePrice: string;
}

/** Options of `mintkit royalty set`. */
export interface RoyaltySetOptions {
  receiver: string;
  bps: string;
  tokenId?: string;
}

export async function royaltyGet(g: GlobalOptions, collection: string, opts: RoyaltyGetOptions): Promise<CommandResult> {
  const tokenId = parseUint(opts.tokenId, { field: "--token-id" });
  const salePrice = parseAmount(opts.salePrice, { field: "--sale-price" });
  const ctx = await resolveContext(g);
  const address = await resolveAddressOrName(ctx, collection, { field: "<collection>" });
  const royaltyInfo = (price: bigint) =>
    ctx.publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName: "royaltyInfo", args: [tokenId, price] });
  // The rate is read on a price of 10,000 (amount = bps), never derived from the sale price: on a small
  // price the amount rounds down (1 wei at 500 bps pays 0) and the rate would read 0.
  const [[receiver, bps], [, amount]] = await Promise.all([royaltyInfo(BPS_DENOMINATOR), royaltyInfo(salePrice)]);
  const none = receiver === zeroAddress;
  return {
    data: { collection: address, tokenId, salePrice, receiver: none ? null : receiver, amount, bps, chainId: ctx.chainId },
    text: none
      ? [`No royalty on token ${tokenId} of ${address}.`]
      : [
          `Royalty of token ${tokenId}: ${bps} bps to ${receiver}`,
          `  on a sale of ${formatEth(salePrice)} (${salePrice} wei): ${formatEth(amount)} (${amount} wei)`,
        ],
  };
}

/** ERC-2981 rates are in basis points: `royaltyInfo(id, 10000)` returns the rate itself. */
const BPS_DENOMINATOR = 10_000n;

export async function royaltySet(g: GlobalOptions, collection: string, opts: RoyaltySetOptions): Promise<CommandResult> {
  const receiver = await parseAddress(opts.receiver, "--receiver");
  const bps = parseBps(opts.bps, "--bps");
  const tokenId = opts.tokenId !== undefined ? parseUint(opts.tokenId, { field: "--token-id" }) : undefined;
  const ctx = await resolveContext(g, { signer: true });
  const address = await resolveAddressOrName(ctx, collection, { field: "<collection>" });
  const sent = await writeAndWait(ctx, {
    ...(tokenId === undefined
      ? { address, abi: mintkitCollectionAbi, functionName: "setDefaultRoyalty", args: [receiver, bps] }
      : { address, abi: mintkitCollectionAbi, functionName: "setTokenRoyalty", args: [tokenId, receiver, bps] }),
    account: ctx.account,
    action: "royalty set",
    onRevert: txReverted,
  });
  const scope = tokenId === undefined ? "default royalty" : `royalty of token ${tokenId}`;
  return {
    data: {
      collection: address,
      ...(tokenId !== undefined ? { tokenId } : {}),
      receiver,
      bps,
      transactionHash: sent.transactionHash,
      gasUsed: sent.gasUsed,
      cost: sent.fee,
      costEth: formatEth(sent.fee).replace(/ ETH$/, ""),
      chainId: ctx.chainId,
    },
    text: [
      receiver === zeroAddress ? `Removed the ${scope} of ${address}` : `Set the ${scope} of ${address}: ${bps} bps to ${receiver}`,
      `  tx        ${sent.transactionHash}`,
      `  gas used  ${sent.gasUsed}`,
      `  cost      ${formatEth(sent.fee)}`,
    ],
  };
}
