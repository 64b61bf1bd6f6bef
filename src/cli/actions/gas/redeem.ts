/** `mintkit gas redeem [file] --from <buyer>`: the buyer redeeming the very voucher it holds (or a sample of the next one). */
import { zeroAddress, type Address } from "viem";
import * as lib from "../../../gas/index.js";
import { createVoucher, signVoucher } from "../../../vouchers/index.js";
import { voucherError } from "../../../vouchers/voucherProblem.js";
import { resolveContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { parseAddress } from "../../parse.js";
import { resolveCollectionAddress } from "../../resolveCollection.js";
import { nextUid, readSignedVoucher } from "../voucher/support.js";
import { estimateReport } from "./report.js";
import { count, missingInput, setup, weiOf, type GasOptions } from "./support.js";

/**
 * With a signed voucher file: estimates that voucher, redeemed by --from (default: the voucher's recipient;
 * a bearer voucher needs --from; never the signer unless you name it), at the file's contract (or
 * --collection). Without a file: a sample voucher signed by the signing account with the uid `voucher sign`
 * would issue next (so the uid's bitmap-word case is the real one), redeemed by --from.
 */
export async function redeem(g: GlobalOptions, file: string | undefined, opts: GasOptions): Promise<CommandResult> {
  if (file === undefined) return sampleRedeem(g, opts);
  const signed = await readSignedVoucher(file);
  const buyer = opts.from !== undefined ? await parseAddress(opts.from, "--from") : signed.voucher.to;
  if (buyer === zeroAddress) {
    throw missingInput("--from", "is required: this bearer voucher names no recipient, so say who redeems it", "Pass --from <the buyer's address>: the buyer pays the gas and the price, and a first-time holder costs 17,100 gas more.");
  }
  const ctx = await resolveContext(g);
  if (signed.chainId !== ctx.chainId) throw voucherError("VOUCHER_WRONG_CHAIN", { signedFor: signed.chainId, chainId: ctx.chainId });
  const contract = opts.collection !== undefined ? await resolveCollectionAddress(ctx, opts.collection, "--collection") : signed.contract;
  const s = { g, ctx, from: buyer, lib };
  const estimate = await lib.estimateRedeemGas(ctx.publicClient, { contract, voucher: signed.voucher, signer: signed.signer, signature: signed.signature, from: buyer });
  return estimateReport(s, estimate, opts, [`voucher ${file}: uid ${signed.voucher.uid}, signed by ${signed.signer}`]);
}

/** A sample voucher (never written out) with the signer's next uid, redeemed by --from. */
async function sampleRedeem(g: GlobalOptions, opts: GasOptions): Promise<CommandResult> {
  if (opts.collection === undefined) throw missingInput("--collection", "is required without a voucher file", "Pass the voucher file (mintkit gas redeem v.json --from 0xBuyer), or --collection to price a sample voucher.");
  const quantity = await count(opts.count, 1n);
  const price = await weiOf(opts.price ?? "0", "--price");
  if (opts.from === undefined) {
    throw missingInput("--from", "is required: say who redeems (the buyer pays the gas and the price; the signer is not the buyer)", "Pass --from <the buyer's address>.");
  }
  const s = await setup(g, opts, true);
  const signer = s.signer!;
  const contract: Address = await resolveCollectionAddress(s.ctx, opts.collection, "--collection");
  const uid = await nextUid(signer, contract);
  const voucher = createVoucher(
    { quantity, price, ...(opts.uri !== undefined ? { uri: opts.uri } : {}), uid },
    { allowFreeBearer: true }, // only simulated, never written out
  );
  const signature = await signVoucher(signer.walletClient, { voucher, contract, chainId: s.ctx.chainId, account: signer.account });
  const estimate = await lib.estimateRedeemGas(s.ctx.publicClient, { contract, voucher, signer: signer.account.address, signature, from: s.from });
  return estimateReport(s, estimate, opts, [`sample voucher with uid ${uid} (the next uid voucher sign would issue)`]);
}
