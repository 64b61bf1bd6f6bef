import type { Account, Address, Chain, Hex, Transport, WalletClient } from "viem";
import { signTypedData } from "viem/actions";
import { VoucherError } from "../errors/VoucherError.js";
import { voucherDomain, voucherTypes, type Voucher } from "./voucherTypes.js";

/**
 * Signs `voucher` for the contract at `contract` on chain `chainId` (EIP-712) with the wallet client's
 * account, or with `account` when given: a local account, a JSON-RPC account, or the owner key of a
 * contract wallet whose ERC-1271 check accepts its signatures. A 65-byte signature comes back with `v` as
 * 27/28 (a wallet's 0/1 is converted), the form the contracts' `ecrecover` accepts.
 */
export async function signVoucher<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  client: WalletClient<Transport, TChain, TAccount>,
  parameters: { voucher: Voucher; contract: Address; chainId: number; account?: Account | Address },
): Promise<Hex> {
  const account = parameters.account ?? client.account;
  if (account === undefined) {
    throw new VoucherError("VOUCHER_NO_SIGNER", "The wallet client has no account to sign the voucher with.", {
      hint: "Pass `account` (the voucher's signer: an account holding the minter role), or create the wallet client with one.",
      details: {},
    });
  }
  const signature = await signTypedData(client, {
    account,
    domain: voucherDomain(parameters.chainId, parameters.contract),
    types: voucherTypes,
    primaryType: "Voucher",
    message: parameters.voucher,
  });
  // Some wallets (hardware ones among them) give v as 0/1; the contracts' ecrecover takes only 27/28.
  if (signature.length === 132 && (signature.endsWith("00") || signature.endsWith("01"))) {
    return `${signature.slice(0, 130)}${signature.endsWith("00") ? "1b" : "1c"}` as Hex;
  }
  return signature;
}
