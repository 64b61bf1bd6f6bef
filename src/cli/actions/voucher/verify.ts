import { resolveContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { describeVoucher, readSignedVoucher } from "./support.js";
import { note } from "../../output.js";
import { verifyVoucher } from "../../../vouchers/index.js";
import { parseAddress } from "../../grammar/index.js";

/** Options of `mintkit voucher verify`. */
export interface VerifyOptions {
  collection?: string;
}

/**
 * `mintkit voucher verify <file>`: checks a signed voucher against the chain. Exit code 0 when valid; 1 when
 * the chain would refuse it; 2 when the file is for another chain (wrong input, not a verdict on the voucher).
 * An invalid voucher's first problem is also written to stderr as `Error:`/`Hint:`/`Code:` lines.
 */
export async function verify(g: GlobalOptions, file: string, opts: VerifyOptions): Promise<CommandResult> {
  const signed = await readSignedVoucher(file);
  const ctx = await resolveContext(g);
  const contract = opts.collection === undefined ? signed.contract : await parseAddress(opts.collection, "--collection");
  const result = await verifyVoucher(ctx.publicClient, {
    ...signed,
    contract,
    signedFor: { chainId: signed.chainId, contract: signed.contract },
  });
  const problems = result.problems.map((p) => ({ code: p.code, message: p.message, hint: p.hint }));
  const first = problems[0];
  if (!result.valid) {
    process.exitCode = problems.some((p) => p.code === "VOUCHER_WRONG_CHAIN") ? 2 : 1;
    if (first !== undefined) note(g.json, `Error: ${first.message}\nHint: ${first.hint}\nCode: ${first.code}`);
  }
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
