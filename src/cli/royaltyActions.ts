/** The work of `mintkit royalty get|set` (loaded lazily by the command). */
import { parseEther, zeroAddress } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { CliError } from "../errors/CliError.js";
import type { RoyaltyGetOptions, RoyaltySetOptions } from "./commands/royalty.js";
import { resolveContext } from "./context.js";
import type { GlobalOptions } from "./globalOptions.js";
import { formatEth, type CommandResult } from "./output.js";
import { parseAddress, parseBigIntOption, parseBps } from "./parse.js";
import { resolveCollectionAddress } from "./resolveCollection.js";
import { sendWrite } from "./sendWrite.js";

export async function royaltyGet(g: GlobalOptions, collection: string, opts: RoyaltyGetOptions): Promise<CommandResult> {
  const tokenId = parseBigIntOption(opts.tokenId, "--token-id");
  const salePrice = parsePrice(opts.salePrice);
  const ctx = await resolveContext(g);
  const address = await resolveCollectionAddress(ctx, collection);
  const [receiver, amount] = await ctx.publicClient.readContract({
    address,
    abi: mintkitCollectionAbi,
    functionName: "royaltyInfo",
    args: [tokenId, salePrice],
  });
  const bps = salePrice > 0n ? (amount * 10_000n) / salePrice : 0n;
  const none = receiver === zeroAddress;
  return {
    data: { collection: address, tokenId, salePrice, receiver: none ? null : receiver, amount, bps, chainId: ctx.chainId },
    text: none
      ? [`No royalty on token ${tokenId} of ${address}.`]
      : [`Royalty of token ${tokenId}: ${bps} bps to ${receiver}`, `  on a sale of ${formatEth(salePrice)}: ${formatEth(amount)} (${amount} wei)`],
  };
}

export async function royaltySet(g: GlobalOptions, collection: string, opts: RoyaltySetOptions): Promise<CommandResult> {
  const receiver = await parseAddress(opts.receiver, "--receiver");
  const bps = parseBps(opts.bps, "--bps");
  const tokenId = opts.tokenId !== undefined ? parseBigIntOption(opts.tokenId, "--token-id") : undefined;
  const ctx = await resolveContext(g, { signer: true });
  const address = await resolveCollectionAddress(ctx, collection);
  const sent = await sendWrite(
    ctx,
    "royalty set",
    tokenId === undefined
      ? { address, abi: mintkitCollectionAbi, functionName: "setDefaultRoyalty", args: [receiver, bps] }
      : { address, abi: mintkitCollectionAbi, functionName: "setTokenRoyalty", args: [tokenId, receiver, bps] },
  );
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

/** A price in wei (`1000`) or ether (`1.5eth`, `0.1 ETH`). */
function parsePrice(value: string): bigint {
  const m = /^\s*(\d+(?:\.\d+)?)\s*eth\s*$/i.exec(value);
  if (m) {
    try {
      return parseEther(m[1]!);
    } catch {
      // fall through
    }
  }
  if (/^\s*\d+\s*$/.test(value)) return BigInt(value.trim());
  throw new CliError("CLI_INVALID_INPUT", `--sale-price must be wei or an ETH amount like 1.5eth, got "${value}".`, {
    hint: "Write the price in wei (1000000000000000000) or with an eth suffix (1eth).",
    details: { field: "--sale-price", value, reason: "not a price" },
  });
}
