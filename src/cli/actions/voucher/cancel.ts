import type { Address } from "viem";
import { resolveContext, type SignerContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, type CommandResult } from "../../output.js";
import { invalidInput } from "../../parse.js";
import { readSignedVoucher } from "./support.js";
import { writeAndWait } from "../../../chain/writeAndWait.js";
import { mintkitCollectionAbi } from "../../../contracts/index.js";
import { VoucherError } from "../../../errors/VoucherError.js";
import { note } from "../../output.js";
import { parseUint, resolveAddressOrName } from "../../grammar/index.js";
import { txReverted } from "../../txReverted.js";
import * as v from "../../../vouchers/index.js";

/** Options of `mintkit voucher cancel`. */
export interface CancelOptions {
  collection?: string;
  uid?: string[];
}

/** `mintkit voucher cancel [file] [--uid N…]`: cancels vouchers on their contract. */
export async function cancel(g: GlobalOptions, file: string | undefined, opts: CancelOptions): Promise<CommandResult> {
  if ((file === undefined) === (opts.uid === undefined)) {
    throw invalidInput("voucher cancel", file ?? "", "give a signed voucher file or --uid N…, not both and not neither");
  }
  const signed = file === undefined ? undefined : await readSignedVoucher(file);
  const ctx = await resolveContext(g, { signer: true });
  return cancelAction(ctx, signed, opts, g.json);
}

async function cancelAction(
  ctx: SignerContext,
  signed: Awaited<ReturnType<typeof readSignedVoucher>> | undefined,
  opts: CancelOptions,
  json: boolean,
) {
  if (signed !== undefined && signed.chainId !== ctx.chainId) {
    const p = v.voucherProblem("VOUCHER_WRONG_CHAIN", { signedFor: signed.chainId, chainId: ctx.chainId });
    throw new VoucherError(p.code, p.message, { hint: p.hint, details: p.details });
  }
  let contract: Address;
  if (opts.collection !== undefined) contract = await resolveAddressOrName(ctx, opts.collection, { field: "--collection" });
  else if (signed !== undefined) contract = signed.contract;
  else throw invalidInput("--collection", "", "is required with --uid (the contract the vouchers were signed for)");
  const uids =
    signed !== undefined ? [signed.voucher.uid] : (opts.uid ?? []).map((u) => parseUint(u, { field: "--uid" }));
  // An ERC-721 voucher naming its token id is cancelled by that id (the collection does not read its uid).
  const [call] = signed === undefined ? [] : await v.prepareCancelVouchers(ctx.publicClient, { contract, vouchers: [signed.voucher] });
  const tokenIds = call?.functionName === "cancelReservedIds" ? call.args[0] : undefined;
  const what = tokenIds
    ? `reserved token id ${tokenIds.join(", ")} (every voucher for it)`
    : `voucher uid${uids.length === 1 ? "" : "s"} ${uids.join(", ")}`;
  note(json, `Cancelling ${what} at ${contract}…`);
  const sent = await writeAndWait(ctx, {
    address: contract,
    abi: mintkitCollectionAbi,
    ...(tokenIds ? { functionName: "cancelReservedIds", args: [tokenIds] } : { functionName: "cancelVouchers", args: [uids] }),
    account: ctx.account,
    action: "voucher cancel",
    onRevert: txReverted,
    headroom: { operation: "cancelVouchers" },
  });
  return {
    data: { transactionHash: sent.transactionHash, contract, uids, ...(tokenIds ? { tokenIds } : {}), gasUsed: sent.gasUsed, fee: sent.fee },
    text: [
      `Cancelled ${what} at ${contract}: ${tokenIds ? "it can" : "they can"} no longer be redeemed.`,
      `transaction: ${sent.transactionHash}`,
      `gas used:    ${sent.gasUsed} (fee ${formatEth(sent.fee)})`,
    ],
  };
}
