import {
  getAddress,
  isAddressEqual,
  zeroAddress,
  type Address,
} from "viem";
import type { VoucherError } from "../errors/VoucherError.js";
import { decodeRevert, isRevertError } from "../chain/decodeRevert.js";
import { findCauseByName } from "../chain/walkCause.js";
import { voucherError } from "./voucherProblem.js";
import type { Voucher } from "./voucherTypes.js";

/** What the redemption was: enough to word the decoded error. */
export interface RedeemErrorContext {
  readonly voucher: Voucher;
  /** The redeemer. */
  readonly account: Address;
  /** The ETH sent. */
  readonly value: bigint;
}

const EDITIONS_UNCAPPED_LIMIT = (1n << 96n) - 1n;
const str = (value: unknown): string => (typeof value === "bigint" ? value.toString() : String(value));

/**
 * The `VoucherError` for a failed `redeem` simulation, estimate or transaction: each custom error of the
 * token contracts (and of an OpenZeppelin ERC-20 price) becomes its voucher code, with what to do next;
 * any other revert is `VOUCHER_REDEEM_REVERTED` (with the error's name and arguments, or the reason
 * string); too little ETH is `VOUCHER_INSUFFICIENT_FUNDS`. `undefined` when `error` is not a revert (the
 * chain failed to answer): the caller reports that.
 */
export function decodeRedeemError(error: unknown, context: RedeemErrorContext): VoucherError | undefined {
  if (findCauseByName(error, "InsufficientFundsError") !== undefined) {
    return voucherError("VOUCHER_INSUFFICIENT_FUNDS", { account: getAddress(context.account), value: str(context.value) }, error);
  }
  if (!isRevertError(error)) return undefined;
  const reverted = decodeRevert(error);
  const errorName = reverted.errorName === "Error" ? undefined : reverted.errorName;
  const args = reverted.args ?? [];
  const a = (i: number): string => str(args[i]);
  const { voucher } = context;
  const currency = isAddressEqual(voucher.currency, zeroAddress) ? "ETH" : getAddress(voucher.currency);
  switch (errorName) {
    case "VoucherNotYetValid":
      return voucherError("VOUCHER_NOT_YET_VALID", { validFrom: a(0), now: a(1) }, error);
    case "VoucherExpired":
      return voucherError("VOUCHER_EXPIRED", { validUntil: a(0), now: a(1) }, error);
    case "VoucherAlreadyRedeemed":
      return voucherError("VOUCHER_ALREADY_REDEEMED", { uid: a(0) }, error);
    case "VoucherCancelled":
      return voucherError("VOUCHER_CANCELLED", { uid: a(0) }, error);
    case "VoucherInvalidSignature":
      return voucherError("VOUCHER_INVALID_SIGNATURE", { signer: a(0) }, error);
    case "VoucherSignerNotMinter":
      return voucherError("VOUCHER_SIGNER_NOT_MINTER", { signer: a(0) }, error);
    case "VoucherZeroQuantity":
    case "ZeroQuantity":
      return voucherError("VOUCHER_ZERO_QUANTITY", {}, error);
    case "VoucherWrongPayment":
      return voucherError("VOUCHER_WRONG_PAYMENT", { expected: a(0), sent: a(1), currency }, error);
    case "VoucherNoPayee":
      return voucherError("VOUCHER_NO_PAYEE", {}, error);
    case "MaxSupplyExceeded":
      return voucherError("VOUCHER_MAX_SUPPLY_EXCEEDED", { maxSupply: a(0), available: a(1), requested: a(2) }, error);
    case "TokenMaxSupplyExceeded": {
      const cap = args[1] as bigint;
      const available = (cap === 0n ? EDITIONS_UNCAPPED_LIMIT : cap) - (args[2] as bigint);
      return voucherError(
        "VOUCHER_MAX_SUPPLY_EXCEEDED",
        { tokenId: a(0), maxSupply: a(1), available: str(available), requested: a(3) },
        error,
      );
    }
    case "VoucherMaxSupplyNotSupported":
      return voucherError("VOUCHER_MAX_SUPPLY_NOT_SUPPORTED", { maxSupply: a(0) }, error);
    case "VoucherQuantityNotOne":
      return voucherError("VOUCHER_QUANTITY_NOT_ONE", { quantity: a(0) }, error);
    case "TokenNotReserved":
      return voucherError("VOUCHER_TOKEN_NOT_RESERVED", { tokenId: a(0) }, error);
    case "MaxSupplyMismatch":
      return voucherError("VOUCHER_MAX_SUPPLY_MISMATCH", { tokenId: a(0), recorded: a(1), given: a(2) }, error);
    case "InvalidMaxSupply":
      return voucherError("VOUCHER_MAX_SUPPLY_MISMATCH", { tokenId: str(voucher.tokenId), given: a(0) }, error);
    case "URIMismatch":
      return voucherError("VOUCHER_URI_MISMATCH", { tokenId: a(0) }, error);
    case "RoyaltyMismatch":
      return voucherError("VOUCHER_ROYALTY_MISMATCH", { tokenId: a(0) }, error);
    case "RoyaltyTooHigh":
      return voucherError(
        "VOUCHER_INVALID_ROYALTY",
        { bps: a(0), maxBps: a(1), receiver: getAddress(voucher.royaltyReceiver) },
        error,
      );
    case "InvalidRoyaltyReceiver":
    case "ERC2981InvalidTokenRoyalty":
    case "ERC2981InvalidTokenRoyaltyReceiver":
      return voucherError(
        "VOUCHER_INVALID_ROYALTY",
        { bps: str(voucher.royaltyBps), maxBps: "1000", receiver: getAddress(voucher.royaltyReceiver) },
        error,
      );
    case "ERC721InvalidReceiver":
    case "ERC1155InvalidReceiver":
      return voucherError("VOUCHER_RECEIVER_REJECTED", { receiver: a(0) }, error);
    case "ERC20InsufficientAllowance":
      return voucherError(
        "VOUCHER_INSUFFICIENT_ALLOWANCE",
        { currency, owner: getAddress(context.account), spender: a(0), allowance: a(1), needed: a(2) },
        error,
      );
    case "ERC20InsufficientBalance":
      return voucherError(
        "VOUCHER_INSUFFICIENT_TOKEN_BALANCE",
        { currency, owner: a(0), balance: a(1), needed: a(2) },
        error,
      );
    default:
      return voucherError(
        "VOUCHER_REDEEM_REVERTED",
        {
          ...(errorName === undefined ? {} : { errorName, args: args.map(str) }),
          ...(reverted.reason === undefined ? {} : { reason: reverted.reason }),
        },
        error,
      );
  }
}
