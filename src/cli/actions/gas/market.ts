/** `mintkit gas buy|listing-cancel|approve|check-in`: Seaport listings bought, cancelled, approved; a door's on-chain check-in. */
import { getAddress, type Address } from "viem";
import { readContract } from "viem/actions";
import type { CheckInTicket } from "../../../access/checkInOnChain.js";
import { marketTokenAbi } from "../../../market/tokenAbi.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { invalidInput, parseAddress, parseBigIntOption } from "../../parse.js";
import { resolveCollectionAddress } from "../../resolveCollection.js";
import { readOrderFile } from "../orderFile.js";
import { estimateReport } from "./report.js";
import { missingInput, setup, type GasOptions } from "./support.js";

/** The options of `gas listing-cancel` (and `--collection` of `gas approve`). */
export interface ListingGasOptions extends GasOptions {
  all?: boolean;
}

/** `gas listing-cancel <order.json> | --all`: what `mintkit listing cancel` sends, as --from (default: the signing account). */
export async function listingCancel(g: GlobalOptions, file: string | undefined, opts: ListingGasOptions): Promise<CommandResult> {
  if ((file === undefined) === (opts.all !== true)) {
    throw invalidInput("[order]", file ?? "", file === undefined ? "is missing" : "cannot go with --all", "Give one order file to cancel, or --all to cancel every order of the account.");
  }
  const listing = file === undefined ? undefined : await readOrderFile(file);
  const s = await setup(g, opts);
  const estimate = await s.lib.estimateCancelListingGas(s.ctx.publicClient, { ...(listing === undefined ? {} : { listing }), account: s.from });
  return estimateReport(s, estimate, opts, [file === undefined ? "every order of the account (incrementCounter)" : `order ${file}`]);
}

/** `gas approve --collection <c>`: the seller's one-time approval of Seaport (`mintkit list` sends it when missing). */
export async function approve(g: GlobalOptions, opts: GasOptions): Promise<CommandResult> {
  const s = await setup(g, opts);
  const collection = await resolveCollectionAddress(s.ctx, opts.collection ?? "", "--collection");
  const estimate = await s.lib.estimateApproveSeaportGas(s.ctx.publicClient, { collection, account: s.from });
  return estimateReport(s, estimate, opts);
}

/** The options `gas check-in` takes besides the common ones (the ticket options of `access check`). */
export interface CheckInGasOptions extends GasOptions {
  checkIn?: string;
  event?: string;
  erc1155?: string;
  minBalance?: string;
  holder?: string;
}

const UINT256 = { min: 0n, max: 2n ** 256n - 1n };

/**
 * `gas buy <order.json> [--from <buyer>]`: what `mintkit buy order.json` sends (the same order file, read the
 * same way: a bad file fails as it does there), as --from, else the signing account (who `buy` pays with).
 */
export async function buy(g: GlobalOptions, file: string, opts: GasOptions): Promise<CommandResult> {
  const listing = await readOrderFile(file);
  const s = await setup(g, opts);
  const estimate = await s.lib.estimateFulfillListingGas(s.ctx.publicClient, { listing, from: s.from });
  const item = listing.parameters.offer[0]!;
  return estimateReport(s, estimate, opts, [`order ${file}: ${item.startAmount} of token ${item.identifierOrCriteria} of ${item.token}, via ${estimate.via}`]);
}

/**
 * `gas check-in --check-in <contract> --event <id> --collection <c> --token-id <id> | --erc1155 <id> --holder <a>`:
 * the `AccessCheckIn` record a door makes after `access check` admitted the ticket, as --from (the door
 * account), else the signing account. An ERC-721 ticket's holder defaults to its owner now.
 */
export async function checkIn(g: GlobalOptions, opts: CheckInGasOptions): Promise<CommandResult> {
  if (opts.checkIn === undefined) throw missingInput("--check-in", "is required: the AccessCheckIn contract the door records in");
  const address = await parseAddress(opts.checkIn, "--check-in");
  if (opts.event === undefined) throw missingInput("--event", "is required: the event the ticket is checked in for");
  const s = await setup(g, opts);
  const collection = await resolveCollectionAddress(s.ctx, opts.collection ?? "", "--collection");
  const ticket = await ticketOf(s.ctx.publicClient, opts, opts.event, collection);
  const estimate = await s.lib.estimateCheckInGas(s.ctx.publicClient, { address, ticket, account: s.from });
  return estimateReport(s, estimate, opts, [`ticket: ${ticket.kind} ${ticket.tokenId} of ${collection}, held by ${ticket.holder}, event ${ticket.event}`]);
}

async function ticketOf(client: Parameters<typeof readContract>[0], opts: CheckInGasOptions, event: string, collection: Address): Promise<CheckInTicket> {
  if (opts.erc1155 !== undefined) {
    if (opts.tokenId !== undefined) throw invalidInput("--token-id", opts.tokenId, "cannot be used with --erc1155", "An ERC-1155 ticket is --erc1155 <id> --holder <address> [--min-balance <n>].");
    const tokenId = parseBigIntOption(opts.erc1155, "--erc1155", UINT256);
    const minBalance = opts.minBalance === undefined ? 1n : parseBigIntOption(opts.minBalance, "--min-balance", { min: 1n, max: UINT256.max });
    if (opts.holder === undefined) throw missingInput("--holder", "is required with --erc1155: an ERC-1155 ticket is recorded per holder");
    const holder = await parseAddress(opts.holder, "--holder");
    return { event, kind: "erc1155", collection, tokenId, holder, minBalance };
  }
  if (opts.minBalance !== undefined) throw invalidInput("--min-balance", opts.minBalance, "only applies to ERC-1155 tickets", "Add --erc1155 <id>, or drop --min-balance.");
  if (opts.tokenId === undefined) throw missingInput("--token-id", "is required: the ERC-721 ticket the door checks in (or --erc1155 <id>)");
  const tokenId = parseBigIntOption(opts.tokenId, "--token-id", UINT256);
  const holder =
    opts.holder !== undefined
      ? await parseAddress(opts.holder, "--holder")
      : getAddress(
          await readContract(client, { address: collection, abi: marketTokenAbi, functionName: "ownerOf", args: [tokenId] }).catch(() => {
            throw invalidInput("--token-id", String(tokenId), `is not a token of ${collection} (ownerOf reverts)`, "Pass a minted token id of the ticket collection, or --holder.");
          }),
        );
  return { event, kind: "erc721", collection, tokenId, holder };
}
