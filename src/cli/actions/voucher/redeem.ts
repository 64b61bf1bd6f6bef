import { resolveContext, type SignerContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, type CommandResult } from "../../output.js";
import { readSignedVoucher } from "./support.js";
import { VoucherError } from "../../../errors/VoucherError.js";
import { note } from "../../output.js";
import { parseAddress, parseAmount } from "../../grammar/index.js";
import * as v from "../../../vouchers/index.js";
import * as viem from "viem";

/** Options of `mintkit voucher redeem`. */
export interface RedeemOptions {
  collection?: string;
  value?: string;
  approve?: boolean;
}

/** `mintkit voucher redeem <file>`: redeems a signed voucher from the signing account. */
export async function redeem(g: GlobalOptions, file: string, opts: RedeemOptions): Promise<CommandResult> {
  const signed = await readSignedVoucher(file);
  const ctx = await resolveContext(g, { signer: true });
  return redeemAction(ctx, signed, opts, g.json);
}

async function redeemAction(
  ctx: SignerContext,
  signed: Awaited<ReturnType<typeof readSignedVoucher>>,
  opts: RedeemOptions,
  json: boolean,
) {

  const contract = opts.collection === undefined ? signed.contract : await parseAddress(opts.collection, "--collection");
  const value = opts.value === undefined ? undefined : parseAmount(opts.value, { field: "--value" });
  const { voucher } = signed;
  const isEth = voucher.currency === viem.zeroAddress;

  if (opts.approve && !isEth) note(json, `Approving ${contract} for ${v.voucherTotalPrice(voucher)} of ${voucher.currency} if needed…`);
  note(json, `Redeeming voucher uid ${voucher.uid} at ${contract}…`);
  // The library checks the voucher's chain against the connected one and raises the allowance (--approve).
  const result = await v
    .redeemVoucher(ctx.walletClient, ctx.publicClient, {
      ...signed,
      contract,
      approve: opts.approve === true,
      ...(value === undefined ? {} : { value }),
    })
    .catch((error: unknown) => {
      if (error instanceof VoucherError && error.code === "VOUCHER_INSUFFICIENT_ALLOWANCE") {
        throw new VoucherError(error.code, error.shortMessage, {
          hint: `${error.hint} Or run this command again with --approve.`,
          details: error.details as never,
          cause: error.cause,
        });
      }
      throw error;
    });
  const ids = result.tokenIds.join(", ");
  const what =
    result.kind === "erc1155" ? `${result.quantity} cop${result.quantity === 1n ? "y" : "ies"} of token ${ids}` : `token${result.tokenIds.length === 1 ? "" : "s"} ${ids}`;
  return {
    data: {
      transactionHash: result.transactionHash,
      contract,
      kind: result.kind,
      tokenIds: result.tokenIds,
      quantity: result.quantity,
      recipient: result.recipient,
      uid: voucher.uid,
      value: result.value,
      gasUsed: result.gasUsed,
      fee: result.fee,
      blockNumber: result.blockNumber,
    },
    text: [
      `Redeemed voucher uid ${voucher.uid}: ${what} to ${result.recipient}.`,
      `transaction: ${result.transactionHash}`,
      `paid:        ${isEth ? formatEth(result.value) : `${v.voucherTotalPrice(voucher)} of ${voucher.currency}`}`,
      `gas used:    ${result.gasUsed} (fee ${formatEth(result.fee)})`,
    ],
  };
}
