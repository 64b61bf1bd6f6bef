import type { Address } from "viem";
import { resolveContext, type SignerContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { describeVoucher, nextUid, refuseExisting, saveNextUid, tokenDecimals, writeAtomically } from "./support.js";
import { VoucherError } from "../../../errors/VoucherError.js";
import { note } from "../../output.js";
import { parseBps } from "../../parse.js";
import { parseAddress, parseAmount, parseUint, resolveAddressOrName } from "../../grammar/index.js";
import { checkWindow } from "./window.js";
import * as v from "../../../vouchers/index.js";
import * as viem from "viem";

/** Options of `mintkit voucher sign`. */
export interface SignOptions {
  collection: string;
  to?: string;
  tokenId?: string;
  quantity?: string;
  uri?: string;
  price?: string;
  currency?: string;
  payee?: string;
  royaltyReceiver?: string;
  royaltyBps?: string;
  maxSupply?: string;
  validFrom?: string;
  validUntil?: string;
  uid?: string;
  wallet?: string;
  out?: string;
  force?: boolean;
  allowFreeBearer?: boolean;
}

/** `mintkit voucher sign`: signs a voucher with the signing account and writes it (or prints it). */
export async function sign(g: GlobalOptions, opts: SignOptions): Promise<CommandResult> {
  const ctx = await resolveContext(g, { signer: true });
  return signAction(ctx, opts);
}

async function signAction(ctx: SignerContext, opts: SignOptions) {
  const contract = await resolveAddressOrName(ctx, opts.collection, { field: "--collection" });
  const optionalAddress = async (value: string | undefined, field: string): Promise<Address> =>
    value === undefined ? viem.zeroAddress : parseAddress(value, field);
  const currency = await optionalAddress(opts.currency, "--currency");
  const now = (await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const decimals = currency === viem.zeroAddress ? 18 : await tokenDecimals(ctx, currency);
  const price = parseAmount(opts.price ?? "0", { field: "--price", ...(currency === viem.zeroAddress ? {} : { token: { decimals } }) });
  const fields = {
    to: await optionalAddress(opts.to, "--to"),
    tokenId: parseUint(opts.tokenId ?? "0", { field: "--token-id" }),
    quantity: parseUint(opts.quantity ?? "1", { field: "--quantity", min: 1n }),
    uri: opts.uri ?? "",
    price,
    currency,
    payee: await optionalAddress(opts.payee, "--payee"),
    royaltyReceiver: await optionalAddress(opts.royaltyReceiver, "--royalty-receiver"),
    royaltyBps: parseBps(opts.royaltyBps ?? "0"),
    maxSupply: parseUint(opts.maxSupply ?? "0", { field: "--max-supply" }),
    ...checkWindow(opts, now),
  };
  if (opts.out !== undefined && !opts.force) await refuseExisting(opts.out);
  const autoUid = opts.uid === undefined;
  const uid = autoUid ? await nextUid(ctx, contract) : parseUint(opts.uid ?? "", { field: "--uid" });
  const voucher = v.createVoucher({ ...fields, uid }, { now, allowFreeBearer: opts.allowFreeBearer === true });
  if (v.isFreeBearerVoucher(voucher)) {
    note(
      false,
      "Warning: this voucher is free and names no recipient: anyone who gets hold of it mints for nothing until it " +
        `expires${voucher.validUntil === 0n ? " (never)" : ` (${new Date(Number(voucher.validUntil) * 1000).toISOString()})`} ` +
        "or is cancelled (mintkit voucher cancel).",
      true,
    );
  }
  const signer = opts.wallet === undefined ? ctx.account.address : await parseAddress(opts.wallet, "--wallet");

  const signature = await v.signVoucher(ctx.walletClient, { voucher, contract, chainId: ctx.chainId });
  // A voucher the contract would refuse is not written (a future window is fine: it opens later).
  const check = await v.verifyVoucher(ctx.publicClient, { voucher, signature, signer, contract });
  const blocking = check.problems.filter((p) => p.code !== "VOUCHER_NOT_YET_VALID");
  const first = blocking[0];
  if (first !== undefined) {
    const also = blocking.slice(1).map((p) => p.code);
    throw new VoucherError(
      first.code,
      `The voucher would be refused, so it was not written: ${first.message}${also.length > 0 ? ` (also: ${also.join(", ")})` : ""}`,
      { hint: first.hint, details: first.details as never },
    );
  }

  const file = v.serializeSignedVoucher({ voucher, signature, signer, contract, chainId: ctx.chainId });
  const digest = v.hashVoucher({ voucher, contract, chainId: ctx.chainId });
  if (opts.out === undefined) {
    if (autoUid) await saveNextUid(ctx, contract, uid + 1n);
    return { data: JSON.parse(file) as unknown, text: file.trimEnd() };
  }
  await writeAtomically(opts.out, file, opts.force === true);
  if (autoUid) await saveNextUid(ctx, contract, uid + 1n);
  const window = check.problems.some((p) => p.code === "VOUCHER_NOT_YET_VALID")
    ? `opens ${new Date(Number(fields.validFrom) * 1000).toISOString()}`
    : "redeemable now";
  return {
    data: { file: opts.out, chainId: ctx.chainId, contract, kind: check.kind, signer, uid, digest, signature, voucher },
    text: [
      `Signed voucher uid ${uid} for ${contract} (chain ${ctx.chainId}), signer ${signer}: ${window}.`,
      ...describeVoucher(voucher),
      `Written to ${opts.out}. Redeem it with: mintkit voucher redeem ${opts.out}`,
    ],
  };
}
