import { VoucherError, type VoucherErrorCode, type VoucherErrorDetailsByCode } from "../errors/VoucherError.js";

/**
 * One reason a voucher cannot be redeemed (or a signed-voucher file cannot be used): a stable `code` (the
 * same as the `VoucherError` the contract's revert decodes to), what is wrong (`message`), what to do
 * next (`hint`) and typed `details`.
 */
export type VoucherProblem = {
  [TCode in VoucherErrorCode]: {
    readonly code: TCode;
    readonly message: string;
    readonly hint: string;
    readonly details: VoucherErrorDetailsByCode[TCode];
  };
}[VoucherErrorCode];

type Describe<TCode extends VoucherErrorCode> = (details: VoucherErrorDetailsByCode[TCode]) => {
  message: string;
  hint: string;
};

const isoTime = (unixSeconds: string): string => {
  const ms = Number(unixSeconds) * 1000;
  return Number.isFinite(ms) && ms <= 8.64e15 ? new Date(ms).toISOString() : `unix ${unixSeconds}`;
};

const descriptions: { [TCode in VoucherErrorCode]: Describe<TCode> } = {
  VOUCHER_NO_SIGNER: () => ({
    message: "There is no account to sign the voucher with.",
    hint: "Pass `account` (the voucher's signer: an account holding the minter role), or create the wallet client with one.",
  }),
  VOUCHER_NO_ACCOUNT: () => ({
    message: "There is no account to redeem the voucher with.",
    hint: "Pass `account` (the redeemer, who pays the price and the gas), or create the wallet client with one.",
  }),
  VOUCHER_INVALID_FIELD: (d) => ({
    message: `Invalid \`${d.path}\`: ${d.reason}.`,
    hint: "Fix the field: addresses are 0x-prefixed 20-byte hex, amounts and ids are non-negative integers within their Solidity type.",
  }),
  VOUCHER_INVALID_FILE: (d) => ({
    message: `Not a valid mintkit signed voucher: ${d.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}.`,
    hint: "Use a file written by `serializeSignedVoucher` (`mintkit voucher sign --out`), unmodified.",
  }),
  VOUCHER_ZERO_QUANTITY: () => ({
    message: "The voucher mints nothing (quantity is 0).",
    hint: "Sign a new voucher with a quantity of at least 1.",
  }),
  VOUCHER_EMPTY_WINDOW: (d) => ({
    message: `The voucher's window is empty: it ends (${isoTime(d.validUntil)}) before it opens (${isoTime(d.validFrom)}).`,
    hint: "Sign a new voucher with validUntil at or after validFrom (or 0 for no end).",
  }),
  VOUCHER_NOT_YET_VALID: (d) => ({
    message: `The voucher is not valid yet: it opens at ${isoTime(d.validFrom)}, the chain's time is ${isoTime(d.now)}.`,
    hint: `Redeem at or after ${isoTime(d.validFrom)}.`,
  }),
  VOUCHER_EXPIRED: (d) => ({
    message: `The voucher expired at ${isoTime(d.validUntil)} (the chain's time is ${isoTime(d.now)}).`,
    hint: "Ask the creator for a new voucher.",
  }),
  VOUCHER_ALREADY_REDEEMED: (d) => ({
    message: `The voucher's uid ${d.uid} was already redeemed on this contract.`,
    hint: "A voucher is spendable once; ask the creator for a voucher with a new uid.",
  }),
  VOUCHER_CANCELLED: (d) => ({
    message:
      d.tokenId === undefined
        ? `The voucher (uid ${d.uid}) was cancelled on this contract by a minter or admin.`
        : `The voucher's token id ${d.tokenId} was cancelled on this contract by a minter or admin (cancelReservedIds): it will never be minted.`,
    hint: "A cancelled voucher can never be redeemed; ask the creator for a new voucher.",
  }),
  VOUCHER_FREE_BEARER: () => ({
    message: "The voucher is free (price 0) and open to any recipient (to = zero address): whoever holds it can mint for nothing.",
    hint: "Name the recipient (to), set a price, or pass allowFreeBearer: true (CLI: --allow-free-bearer) if that is really meant.",
  }),
  VOUCHER_INVALID_SIGNATURE: (d) => ({
    message: `The signature is not ${d.signer}'s over this voucher on this chain and contract.`,
    hint: "The voucher was changed after signing, or signed by another key, for another chain or for another contract: use the voucher exactly as signed, or ask the creator to sign it again.",
  }),
  VOUCHER_WRONG_SIGNER: (d) => ({
    message: `The voucher was signed by ${d.recovered}, not by ${d.signer} as it says.`,
    hint: `Redeem it with signer ${d.recovered}, or ask ${d.signer} to sign it.`,
  }),
  VOUCHER_WRONG_CHAIN: (d) => ({
    message: `The voucher was signed for chain ${d.signedFor}, not for chain ${d.chainId} (the one connected).`,
    hint: `Connect to chain ${d.signedFor} (--rpc-url / --network), or ask the creator to sign a voucher for chain ${d.chainId}.`,
  }),
  VOUCHER_WRONG_CONTRACT: (d) => ({
    message: `The voucher was signed for contract ${d.signedFor}, not for ${d.contract}.`,
    hint: `Redeem it at ${d.signedFor}, or ask the creator to sign a voucher for ${d.contract}.`,
  }),
  VOUCHER_SIGNER_NOT_MINTER: (d) => ({
    message: `The signer ${d.signer} may not mint on this contract (not the owner, no MINTER_ROLE).`,
    hint: "Ask the contract's admin to grant the signer MINTER_ROLE, or have a minter sign the voucher.",
  }),
  VOUCHER_CONTRACT_NOT_FOUND: (d) => ({
    message: `There is no contract at ${d.contract} on chain ${d.chainId}.`,
    hint: "Check the contract address and the chain (--rpc-url / --network).",
  }),
  VOUCHER_NOT_A_VOUCHER_CONTRACT: (d) => ({
    message: `${d.contract} is not a mintkit token contract (no mintkit EIP-712 voucher domain).`,
    hint: "Use the address of a mintkit collection (ERC-721) or editions (ERC-1155) contract.",
  }),
  VOUCHER_WRONG_PAYMENT: (d) => ({
    message: `Wrong payment: the voucher costs ${d.expected} wei in ETH, ${d.sent} wei was sent.`,
    hint:
      d.currency === "ETH"
        ? `Send exactly ${d.expected} wei (price × quantity) as the transaction value.`
        : `The voucher is priced in the ERC-20 ${d.currency}: send no ETH (value 0).`,
  }),
  VOUCHER_NO_PAYEE: () => ({
    message: "The voucher is priced but names no payee, and the contract has no primary-sale recipient.",
    hint: "The contract's admin must set a primary-sale recipient, or the creator must sign a voucher with a payee.",
  }),
  VOUCHER_PRICE_OVERFLOW: (d) => ({
    message: `The total price (${d.price} × ${d.quantity}) does not fit in 256 bits.`,
    hint: "Sign a new voucher with a sensible price and quantity.",
  }),
  VOUCHER_CURRENCY_NOT_CONTRACT: (d) => ({
    message: `The voucher's currency ${d.currency} is not a contract on this chain.`,
    hint: "Use an ERC-20 deployed on this chain, or the zero address for ETH.",
  }),
  VOUCHER_INSUFFICIENT_ALLOWANCE: (d) => ({
    message: `${d.owner} has approved ${d.allowance} of the ERC-20 ${d.currency} for the contract; redeeming takes ${d.needed}.`,
    hint: `Approve first: call approve(${d.spender}, ${d.needed}) on ${d.currency} from ${d.owner}, then redeem.`,
  }),
  VOUCHER_INSUFFICIENT_TOKEN_BALANCE: (d) => ({
    message: `${d.owner} holds ${d.balance} of the ERC-20 ${d.currency}; redeeming costs ${d.needed}.`,
    hint: `Fund ${d.owner} with at least ${d.needed} of ${d.currency}.`,
  }),
  VOUCHER_INSUFFICIENT_FUNDS: (d) => ({
    message: `${d.account} has too little ETH to send ${d.value} wei plus the gas.`,
    hint: `Fund ${d.account}, or redeem from another account.`,
  }),
  VOUCHER_MAX_SUPPLY_EXCEEDED: (d) => ({
    message: `Minting ${d.requested} would pass the max supply ${d.maxSupply === "0" ? "(the id space)" : d.maxSupply}${
      d.tokenId === undefined ? "" : ` of id ${d.tokenId}`
    }: ${d.available} left.`,
    hint: "Ask the creator for a voucher with a smaller quantity (or to raise the max supply).",
  }),
  VOUCHER_MAX_SUPPLY_NOT_SUPPORTED: (d) => ({
    message: `The voucher sets maxSupply ${d.maxSupply}, an ERC-1155 field, on an ERC-721 collection.`,
    hint: "Sign the voucher with maxSupply 0 for a collection.",
  }),
  VOUCHER_QUANTITY_NOT_ONE: (d) => ({
    message: `A voucher for a specific token id mints one token, this one asks for ${d.quantity}.`,
    hint: "Sign it with quantity 1, or with tokenId 0 (the next ids) for several.",
  }),
  VOUCHER_TOKEN_NOT_RESERVED: (d) => ({
    message: `Token id ${d.tokenId} is not a reserved, unminted id of the collection.`,
    hint: "Reserve the id first (`reserve`), or sign the voucher with tokenId 0 (the next id).",
  }),
  VOUCHER_MAX_SUPPLY_MISMATCH: (d) => ({
    message: `The voucher's maxSupply ${d.given} does not match id ${d.tokenId}'s${d.recorded === undefined ? " range" : ` cap ${d.recorded}`}.`,
    hint: "Sign the voucher with maxSupply 0 (keep the id's cap) or the id's recorded cap.",
  }),
  VOUCHER_URI_MISMATCH: (d) => ({
    message: `The voucher's URI differs from the URI of the existing id ${d.tokenId}.`,
    hint: "Sign the voucher with an empty URI (keep the id's) or the id's own URI.",
  }),
  VOUCHER_ROYALTY_MISMATCH: (d) => ({
    message: `The voucher's royalty differs from the royalty of the existing id ${d.tokenId}.`,
    hint: "Sign the voucher with a zero royalty (keep the id's) or the id's own royalty.",
  }),
  VOUCHER_INVALID_ROYALTY: (d) => ({
    message: `Invalid voucher royalty: ${d.bps} bps to ${d.receiver} (at most ${d.maxBps} bps, to a non-zero receiver).`,
    hint: `Sign the voucher with a royalty of at most ${d.maxBps} bps and a receiver.`,
  }),
  VOUCHER_RECEIVER_REJECTED: (d) => ({
    message: `The recipient ${d.receiver} does not accept the tokens.`,
    hint: "Redeem to an account, or to a contract implementing the ERC-721/ERC-1155 receiver hook.",
  }),
  VOUCHER_REDEEM_REVERTED: (d) => ({
    message: `The redemption reverted${d.errorName ? ` with ${d.errorName}(${(d.args ?? []).join(", ")})` : ""}${
      d.reason ? `: ${d.reason}` : ""
    }.`,
    hint: "Check the voucher against the contract (`verifyVoucher` / `mintkit voucher verify`).",
  }),
  VOUCHER_TRANSACTION_REVERTED: (d) => ({
    message: `The redemption transaction ${d.transactionHash} was mined but reverted.`,
    hint: "The chain changed between simulation and inclusion (e.g. the uid was spent): verify the voucher again.",
  }),
  VOUCHER_RPC_FAILED: (d) => ({
    message: `The chain did not answer (${d.operation}).`,
    hint: "Check that the node is running and the RPC URL (--rpc-url / --network) is right, then retry.",
  }),
};

/** The problem `code` with `details`, with its message and hint. */
export function voucherProblem<TCode extends VoucherErrorCode>(
  code: TCode,
  details: VoucherErrorDetailsByCode[TCode],
): Extract<VoucherProblem, { code: TCode }> {
  const { message, hint } = (descriptions[code] as Describe<TCode>)(details);
  return { code, message, hint, details } as unknown as Extract<VoucherProblem, { code: TCode }>;
}

/** The `VoucherError` for a problem (what `simulateRedeem` and `redeemVoucher` throw). */
function voucherProblemError(problem: VoucherProblem, cause?: unknown): VoucherError {
  return new VoucherError(problem.code, problem.message, {
    hint: problem.hint,
    details: problem.details as never,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Shorthand: the `VoucherError` with `code` and `details`. */
export function voucherError<TCode extends VoucherErrorCode>(
  code: TCode,
  details: VoucherErrorDetailsByCode[TCode],
  cause?: unknown,
): VoucherError<TCode> {
  return voucherProblemError(voucherProblem(code, details), cause) as VoucherError<TCode>;
}
