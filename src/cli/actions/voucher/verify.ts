import { resolveContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { describeVoucher, readSignedVoucher } from "./support.js";
import { verifyVoucher } from "../../../vouchers/index.js";
import { parseAddress } from "../../parse.js";

/** Options of `mintkit voucher verify`. */
export interface VerifyOptions {
  collection?: string;
}

/** `mintkit voucher verify <file>`: checks a signed voucher against the chain; exit code 1 unless valid. */
export async function verify(g: GlobalOptions, file: string, opts: VerifyOptions): Promise<CommandResult> {
  const signed = await readSignedVoucher(file);
  const ctx = await resolveContext(g);
  const contract = opts.collection === undefined ? signed.contract : await parseAddress(opts.collection, "--collection");
  const result = await verifyVoucher(ctx.publicClient, {
    ...signed,
    contract,
    signedFor: { chainId: signed.chainId, contract: signed.contract },
  });
  if (!result.valid) process.exitCode = 1;
  const problems = result.problems.map((p) => ({ code: p.code, message: p.message, hint: p.hint }));
  return {
    data: {
      valid: result.valid,
      file,
      chainId: result.chainId,
      contract,
      kind: result.kind,
      signer: signed.signer,
      uid: signed.voucher.uid,
      blockNumber: result.blockNumber,
      problems,
      voucher: signed.voucher,
    },
    text: result.valid
      ? [
          `Valid: voucher uid ${signed.voucher.uid} for ${contract} on chain ${result.chainId}, signed by ${signed.signer}.`,
          ...describeVoucher(signed.voucher),
        ]
      : [
          `Invalid: voucher uid ${signed.voucher.uid} would be refused (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
          ...problems.flatMap((p) => [`  - ${p.message}`, `    ${p.hint}`, `    (${p.code})`]),
        ],
  };
}
