import { getAddress, type Address, type Client } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { chainRead } from "./chainCall.js";
import type { Voucher } from "./voucherTypes.js";

/** ERC-165 id of ERC-721: only a collection has explicit-id vouchers cancelled by token id. */
const ERC721_INTERFACE = "0x80ac58cd";

export interface PrepareCancelVouchersParameters {
  /** The contract the vouchers were signed for. */
  readonly contract: Address;
  /** The vouchers to cancel (e.g. signed-voucher files' `voucher`). */
  readonly vouchers: readonly Voucher[];
}

/** One contract call that cancels some of the vouchers: send it from a minter or admin. */
export type CancelVouchersCall = {
  readonly address: Address;
  readonly abi: typeof mintkitCollectionAbi;
} & (
  | { readonly functionName: "cancelVouchers"; readonly args: readonly [readonly bigint[]] }
  | { readonly functionName: "cancelReservedIds"; readonly args: readonly [readonly bigint[]] }
);

/** The calls that cancel the vouchers (one or two; none for no vouchers). */
export type PrepareCancelVouchersReturnType = readonly CancelVouchersCall[];

/**
 * The contract calls that cancel `vouchers` at `contract`, so that none of them can ever be redeemed:
 * - `cancelVouchers(uids)` for vouchers whose uid guards their replay (every ERC-1155 voucher, and every
 *   ERC-721 voucher minting the next id);
 * - `cancelReservedIds(tokenIds)` for ERC-721 vouchers naming their token id: the collection does not
 *   read their uid (the token is their replay guard), so only cancelling the id stops them, and it stops
 *   every voucher for that id. An id already minted is left as it is (its vouchers cannot mint again).
 *
 * The contract's kind is read from the chain (ERC-165). Send each call from an account with the minter
 * or admin role (e.g. with viem's `writeContract`); the contract refuses others with
 * `VoucherCancelNotAuthorized`.
 *
 * @example
 * const calls = await prepareCancelVouchers(publicClient, { contract, vouchers: [signed.voucher] });
 * for (const call of calls) await walletClient.writeContract(call);
 */
export async function prepareCancelVouchers(
  client: Client,
  parameters: PrepareCancelVouchersParameters,
): Promise<PrepareCancelVouchersReturnType> {
  const address = getAddress(parameters.contract);
  const { vouchers } = parameters;
  if (vouchers.length === 0) return [];
  const byTokenId = vouchers.some((v) => v.tokenId !== 0n)
    ? await chainRead(
        "supportsInterface(ERC-721)",
        () => readContract(client, { address, abi: mintkitCollectionAbi, functionName: "supportsInterface", args: [ERC721_INTERFACE] }),
        false,
      )
    : false;
  const unique = (values: bigint[]) => [...new Set(values)];
  const tokenIds = byTokenId ? unique(vouchers.filter((v) => v.tokenId !== 0n).map((v) => v.tokenId)) : [];
  const uids = unique(vouchers.filter((v) => !byTokenId || v.tokenId === 0n).map((v) => v.uid));
  const abi = mintkitCollectionAbi;
  const calls: CancelVouchersCall[] = [];
  if (uids.length > 0) calls.push({ address, abi, functionName: "cancelVouchers", args: [uids] });
  if (tokenIds.length > 0) calls.push({ address, abi, functionName: "cancelReservedIds", args: [tokenIds] });
  return calls;
}
