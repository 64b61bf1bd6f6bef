import { MarketError, type MarketErrorCode, type MarketErrorDetailsByCode } from "../errors/MarketError.js";

/**
 * One reason a listing cannot be filled (or made): a stable `code` (the same as the `MarketError` a
 * Seaport revert decodes to), what is wrong (`message`), what to do next (`hint`) and typed `details`.
 */
export type MarketProblem = {
  [TCode in MarketErrorCode]: {
    readonly code: TCode;
    readonly message: string;
    readonly hint: string;
    readonly details: MarketErrorDetailsByCode[TCode];
  };
}[MarketErrorCode];

type Describe<TCode extends MarketErrorCode> = (details: MarketErrorDetailsByCode[TCode]) => { message: string; hint: string };

const isoTime = (unixSeconds: string): string => {
  const ms = Number(unixSeconds) * 1000;
  return Number.isFinite(ms) && ms <= 8.64e15 ? new Date(ms).toISOString() : `unix ${unixSeconds}`;
};

const descriptions: { [TCode in MarketErrorCode]: Describe<TCode> } = {
  MARKET_NO_ACCOUNT: () => ({
    message: "There is no account to sign or send with.",
    hint: "Pass `account`, or create the wallet client with one.",
  }),
  MARKET_INVALID_INPUT: (d) => ({
    message: `Invalid ${d.field}: ${d.reason}.`,
    hint: "Fix the value: addresses are 0x-prefixed 20-byte hex, amounts and ids are non-negative integers.",
  }),
  MARKET_INVALID_ORDER_FILE: (d) => ({
    message: `Not a valid Seaport order: ${d.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}.`,
    hint: "Use the JSON written by `serializeListing` (`mintkit list --out`) or an OpenSea Orders API order ({ parameters, signature, protocol_address }), unmodified.",
  }),
  MARKET_UNSUPPORTED_ORDER: (d) => ({
    message: `mintkit does not fulfil this order: ${d.reason}.`,
    hint: "Fulfil it with a client that supports it (e.g. @opensea/seaport-js), or list the token again with mintkit.",
  }),
  MARKET_FREE_LISTING: () => ({
    message: "The price is 0: whoever fills the listing gets the token for nothing.",
    hint: "Set a price, or pass allowFree: true (CLI: --allow-free) if giving it away is really meant.",
  }),
  MARKET_FEES_EXCEED_PRICE: (d) => ({
    message: `The royalty (${d.royalty}) and the fee (${d.fee}) add up to more than the price (${d.price}).`,
    hint: "Raise the price or lower the marketplace fee.",
  }),
  MARKET_CURRENCY_NOT_CONTRACT: (d) => ({
    message: `The currency ${d.currency} is not a contract on this chain.`,
    hint: "Give the ERC-20's address on this chain, or leave the currency out to sell for ETH.",
  }),
  MARKET_NOT_A_TOKEN: (d) => ({
    message: `${d.collection} is not an ERC-721 or ERC-1155 contract on this chain (no code, or no ERC-165 support).`,
    hint: "Check the collection address and the network.",
  }),
  MARKET_SEAPORT_NOT_DEPLOYED: (d) => ({
    message: `There is no Seaport 1.6 at ${d.seaport} on chain ${d.chainId}.`,
    hint: "On a local chain, run `mintkit dev` (it installs Seaport at its canonical address) or call installSeaport from mintkit/node.",
  }),
  MARKET_WRONG_CHAIN: (d) => ({
    message: `The order was made for chain ${d.signedFor}, this is chain ${d.chainId}.`,
    hint: `Use it on chain ${d.signedFor} (--network), or ask the seller to list on chain ${d.chainId}.`,
  }),
  MARKET_WRONG_SEAPORT: (d) => ({
    message: `The order is for the Seaport contract at ${d.orderSeaport}, not ${d.seaport}.`,
    hint: "Fulfil it on the Seaport it names, or ask the seller to list on Seaport 1.6 at its canonical address.",
  }),
  MARKET_BAD_SIGNATURE: (d) => ({
    message: `The signature is not ${d.offerer}'s over this order (order hash ${d.orderHash}).`,
    hint: "The order was changed after signing, or signed for another chain or Seaport: use it exactly as signed, or ask the seller to list again.",
  }),
  MARKET_COUNTER_CHANGED: (d) => ({
    message: `The seller cancelled all their orders: the order was signed with counter ${d.orderCounter}, ${d.offerer}'s counter is now ${d.counter}.`,
    hint: "The order can never be filled; ask the seller for a new listing.",
  }),
  MARKET_CANCELLED: (d) => ({
    message: `The order ${d.orderHash} was cancelled on Seaport.`,
    hint: "A cancelled order can never be filled; ask the seller for a new listing.",
  }),
  MARKET_FILLED: (d) => ({
    message: `The order ${d.orderHash} was already filled.`,
    hint: "The token is sold; look for another listing.",
  }),
  MARKET_NOT_APPROVED: (d) => ({
    message: `${d.owner} has not approved ${d.operator} to transfer their tokens of ${d.collection}.`,
    hint: "The seller approves it (setApprovalForAll; `mintkit list` does it for them) before the order can be filled.",
  }),
  MARKET_SELLER_NOT_HOLDER: (d) => ({
    message:
      d.needed === undefined
        ? `${d.seller} does not hold token ${d.tokenId} of ${d.collection}${d.holder === undefined ? "" : ` (${d.holder} does)`}.`
        : `${d.seller} holds ${d.balance ?? "0"} of token ${d.tokenId} of ${d.collection}, the order sells ${d.needed}.`,
    hint: "Only the holder can list a token; a listing whose seller sold or moved the token cannot be filled.",
  }),
  MARKET_NOT_STARTED: (d) => ({
    message: `The order opens at ${isoTime(d.startTime)}; the chain's time is ${isoTime(d.now)}.`,
    hint: `Fill it at or after ${isoTime(d.startTime)}.`,
  }),
  MARKET_EXPIRED: (d) => ({
    message: `The order ends at ${isoTime(d.endTime)}; the chain's time is ${isoTime(d.now)}.`,
    hint: "An expired order can never be filled: list again with a later expiry (e.g. +7d).",
  }),
  MARKET_INSUFFICIENT_FUNDS: (d) => ({
    message: `${d.account} has ${d.balance} wei, the order costs ${d.needed} wei: ${d.missing} wei missing (plus gas).`,
    hint: "Fund the buying account, then buy again.",
  }),
  MARKET_INSUFFICIENT_TOKEN_BALANCE: (d) => ({
    message: `${d.account} holds ${d.balance} of ${d.currency}, the order costs ${d.needed}: ${d.missing} missing.`,
    hint: "Get more of the currency, then buy again.",
  }),
  MARKET_INSUFFICIENT_ALLOWANCE: (d) => ({
    message: `${d.account} allows ${d.spender} to take ${d.allowance} of ${d.currency}, the order costs ${d.needed}: ${d.missing} missing.`,
    hint: `Approve ${d.spender} for at least ${d.needed} of ${d.currency} (approve(spender, amount)), then buy again.`,
  }),
  MARKET_FULFILL_REVERTED: (d) => ({
    message: `Seaport refused the fulfilment${d.errorName === undefined ? "" : `: ${d.errorName}(${(d.args ?? []).join(", ")})`}${d.reason === undefined ? "" : `: ${d.reason}`}.`,
    hint: "Run `mintkit listing verify` on the order to see what is wrong with it.",
  }),
  MARKET_TRANSACTION_REVERTED: (d) => ({
    message: `The transaction ${d.transactionHash} was mined but reverted.`,
    hint: "The chain changed between the simulation and the transaction (someone else bought or the seller cancelled); verify the order again.",
  }),
  MARKET_RPC_FAILED: (d) => ({
    message: `The chain did not answer (${d.operation}).`,
    hint: "Check the RPC URL and that the node is running, then retry.",
  }),
};

/** The problem for `code` with its `details`: the message and the hint. */
export function marketProblem<TCode extends MarketErrorCode>(code: TCode, details: MarketErrorDetailsByCode[TCode]): MarketProblem {
  const { message, hint } = (descriptions[code] as Describe<TCode>)(details);
  return { code, message, hint, details } as MarketProblem;
}

/** The `MarketError` for `code` with its `details` (and the underlying `cause`). */
export function marketError<TCode extends MarketErrorCode>(
  code: TCode,
  details: MarketErrorDetailsByCode[TCode],
  cause?: unknown,
): MarketError<TCode> {
  const { message, hint } = (descriptions[code] as Describe<TCode>)(details);
  return new MarketError(code, message, { hint, details, ...(cause === undefined ? {} : { cause }) });
}

/** The `MarketError` for a problem `verifyListing` found. */
export function problemError(problem: MarketProblem): MarketError {
  return new MarketError(problem.code, problem.message, { hint: problem.hint, details: problem.details } as never);
}
