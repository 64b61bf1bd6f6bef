import { BaseError, ContractFunctionRevertedError, InsufficientFundsError, parseAbi, type Client } from "viem";
import { getBalance } from "viem/actions";
import { isRevertError } from "./chainRead.js";
import type { MarketError } from "../errors/MarketError.js";
import { marketError, problemError } from "./marketProblem.js";
import type { SignedListing } from "./orderTypes.js";
import { verifyListing } from "./verifyListing.js";
import { seaportAbi } from "./generated/seaportAbi.js";

/** Seaport's ABI plus the token errors a transfer inside it can bubble up (OpenZeppelin ERC-20/721/1155). */
export const fulfilAbi = [
  ...seaportAbi,
  ...parseAbi([
    "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
    "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
    "error ERC721InsufficientApproval(address operator, uint256 tokenId)",
    "error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)",
    "error ERC1155MissingApprovalForAll(address operator, address owner)",
    "error ERC1155InsufficientBalance(address sender, uint256 balance, uint256 needed, uint256 tokenId)",
  ]),
] as const;

const str = (v: unknown): string => (typeof v === "bigint" ? v.toString() : String(v));

/**
 * The one place a failed fulfilment (simulation, estimate or mined transaction) becomes a `MarketError`.
 * The listing is verified again on the chain's current state, so a revert for a reason `verifyListing`
 * names (cancelled, filled, counter changed, expired, seller moved the token or revoked the approval,
 * bad signature) gets that code; otherwise the Seaport error (`InvalidTime`, `InsufficientNativeTokensSupplied`,
 * …) is decoded into `MARKET_FULFILL_REVERTED` with its name and arguments; too little ETH for the
 * value is `MARKET_INSUFFICIENT_FUNDS`. `undefined` when `error` is not a revert (the chain failed to answer).
 */
export async function explainFulfilError(
  client: Client,
  error: unknown,
  context: { readonly listing: SignedListing; readonly seaport: `0x${string}`; readonly account: `0x${string}`; readonly value: bigint },
): Promise<MarketError | undefined> {
  if (error instanceof BaseError && error.walk((e) => e instanceof InsufficientFundsError) !== null) {
    const balance = await getBalance(client, { address: context.account }).catch(() => 0n);
    const missing = context.value > balance ? context.value - balance : 0n; // else it is the gas that is missing
    return marketError(
      "MARKET_INSUFFICIENT_FUNDS",
      { account: context.account, needed: str(context.value), balance: str(balance), missing: str(missing) },
      error,
    );
  }
  if (!isRevertError(error)) return undefined;
  const verified = await verifyListing(client, { listing: context.listing, seaport: context.seaport }).catch(() => undefined);
  const first = verified?.problems[0];
  if (first !== undefined) return problemError(first);
  const reverted =
    error instanceof BaseError ? (error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null) : null;
  const errorName = reverted?.data?.errorName;
  const args = ((reverted?.data?.args ?? []) as readonly unknown[]).map(str);
  return marketError(
    "MARKET_FULFILL_REVERTED",
    {
      ...(errorName === undefined ? {} : { errorName, args }),
      ...(reverted?.reason === undefined ? {} : { reason: reverted.reason }),
    },
    error,
  );
}
