import { getAddress } from "viem";
import { parseSignedVoucher } from "./parseSignedVoucher.js";
import { SIGNED_VOUCHER_TYPE, SIGNED_VOUCHER_VERSION, type SignedVoucher } from "./signedVoucher.js";
import { validateVoucher } from "./validateVoucher.js";
import { voucherError } from "./voucherProblem.js";
import { voucherTypes } from "./voucherTypes.js";

/**
 * The signed-voucher file for `signed` (JSON text, 2-space indented, newline-terminated): the format tag
 * and version, the chain id, checksummed addresses, and the voucher's integers as decimal strings. The
 * result always reads back with `parseSignedVoucher`; an invalid voucher throws `VOUCHER_INVALID_FILE`
 * listing every problem, and nothing is written.
 *
 * @example
 * const signature = await signVoucher(walletClient, { voucher, contract, chainId });
 * await writeFile("voucher.json", serializeSignedVoucher({ voucher, signature, signer, contract, chainId }));
 */
export function serializeSignedVoucher(signed: SignedVoucher): string {
  const problems = validateVoucher(signed.voucher);
  if (problems.length > 0) throw voucherError("VOUCHER_INVALID_FILE", { problems });
  const voucher: Record<string, string> = {};
  for (const field of voucherTypes.Voucher) {
    const value = signed.voucher[field.name];
    voucher[field.name] = field.type === "address" ? getAddress(value as string) : String(value);
  }
  const file = {
    type: SIGNED_VOUCHER_TYPE,
    version: SIGNED_VOUCHER_VERSION,
    chainId: signed.chainId,
    contract: signed.contract,
    signer: signed.signer,
    signature: signed.signature,
    voucher,
  };
  parseSignedVoucher(file); // the same checks as the reader (chain id, addresses, signature): throws if off
  return `${JSON.stringify({ ...file, contract: getAddress(signed.contract), signer: getAddress(signed.signer) }, null, 2)}\n`;
}
