import { getAddress, isAddressEqual, zeroAddress, type Address, type Client } from "viem";
import { getBlock, getChainId, getCode, readContract } from "viem/actions";
import { seaportAbi } from "./generated/seaportAbi.js";
import { assertSeaport } from "./assertSeaport.js";
import { marketRead, marketReadOrThrow } from "./chainRead.js";
import { marketError } from "./marketProblem.js";
import { ItemType, OrderType, type ConsiderationItem, type OrderComponents } from "./orderTypes.js";
import { readTokenKind, type TokenKind } from "./readTokenKind.js";
import { NO_CONDUIT_KEY, SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";
import { marketTokenAbi } from "./tokenAbi.js";

const UINT256_MAX = (1n << 256n) - 1n;
const ZERO_HASH = NO_CONDUIT_KEY;

export interface CreateListingParameters {
  /** Who sells: the token holder and the order's offerer (an EOA or a contract wallet). */
  readonly seller: Address;
  readonly collection: Address;
  readonly tokenId: bigint;
  /** ERC-1155: how many copies (default 1). ERC-721: must be 1. */
  readonly quantity?: bigint;
  /** The total price the buyer pays, in the currency's smallest unit (wei for ETH). */
  readonly price: bigint;
  /** An ERC-20 to be paid in; ETH when absent (or the zero address). */
  readonly currency?: Address;
  /** When the order opens (unix seconds); the chain's latest block time when absent. */
  readonly startTime?: bigint;
  /** When the order ends (unix seconds); must be after the chain's time. */
  readonly endTime: bigint;
  /** An optional marketplace fee: `bps` of the price to `recipient`. */
  readonly fee?: { readonly recipient: Address; readonly bps: number };
  /** Allow a price of 0 (otherwise `MARKET_FREE_LISTING`). */
  readonly allowFree?: boolean;
  /** The order's salt (random when absent): two listings of the same terms differ by it. */
  readonly salt?: bigint;
  /** The Seaport contract (default: Seaport 1.6 at its canonical address). */
  readonly seaport?: Address;
}

/** How the price is shared out. */
export interface ListingBreakdown {
  readonly price: bigint;
  readonly currency: Address;
  /** ERC-2981 `royaltyInfo(tokenId, price)`; undefined when the token pays none. */
  readonly royalty: { readonly receiver: Address; readonly amount: bigint } | undefined;
  readonly fee: { readonly recipient: Address; readonly amount: bigint } | undefined;
  /** What the seller receives: price - royalty - fee. */
  readonly sellerProceeds: bigint;
}

export interface CreateListingReturnType extends ListingBreakdown {
  /** The order to sign (`signListing`). */
  readonly components: OrderComponents;
  readonly seaport: Address;
  readonly chainId: number;
  readonly kind: TokenKind;
  /** Whether the seller has already approved Seaport for the collection (else approve before it can be filled: `approveSeaport`). */
  readonly approved: boolean;
}

/**
 * Builds a Seaport 1.6 listing of an ERC-721 token or of ERC-1155 copies: the token as the offer; as
 * consideration the seller's proceeds, the creator royalty the token reports (`royaltyInfo(tokenId,
 * price)`, ERC-2981) and the optional marketplace fee. Checks everything before anything is signed: the
 * seller holds the token (`MARKET_SELLER_NOT_HOLDER`), the price is not 0 (`MARKET_FREE_LISTING`, unless
 * `allowFree`), the expiry is in the future (`MARKET_EXPIRED`), the currency is a contract
 * (`MARKET_CURRENCY_NOT_CONTRACT`), royalty + fee fit in the price (`MARKET_FEES_EXCEED_PRICE`) and Seaport
 * 1.6 is at the address on this chain (`MARKET_SEAPORT_NOT_DEPLOYED`). No conduit: the seller approves
 * Seaport itself. The counter is read from Seaport.
 *
 * @example
 * const draft = await createListing(publicClient, { seller, collection, tokenId: 1n, price: parseEther("0.5"), endTime });
 * const listing = await signListing(walletClient, draft);
 */
export async function createListing(client: Client, parameters: CreateListingParameters): Promise<CreateListingReturnType> {
  const seaport = getAddress(parameters.seaport ?? SEAPORT_V1_6_ADDRESS);
  const seller = getAddress(parameters.seller);
  const collection = getAddress(parameters.collection);
  const currency = getAddress(parameters.currency ?? zeroAddress);
  const { tokenId, price, endTime } = parameters;
  const quantity = parameters.quantity ?? 1n;
  checkRanges(parameters, quantity);
  if (price === 0n && parameters.allowFree !== true) throw marketError("MARKET_FREE_LISTING", {});

  const [chainId, block] = await Promise.all([
    marketReadOrThrow("eth_chainId", () => getChainId(client)),
    marketReadOrThrow("latest block", () => getBlock(client, { blockTag: "latest" })),
  ]);
  const now = block.timestamp;
  const startTime = parameters.startTime ?? now;
  if (endTime <= now) throw marketError("MARKET_EXPIRED", { endTime: String(endTime), now: String(now) });
  if (endTime <= startTime) {
    throw marketError("MARKET_INVALID_INPUT", { field: "endTime", reason: `it (${endTime}) is not after startTime (${startTime})` });
  }
  if (currency !== zeroAddress) {
    const code = await marketReadOrThrow("getCode(currency)", () => getCode(client, { address: currency }));
    if (code === undefined || code === "0x") throw marketError("MARKET_CURRENCY_NOT_CONTRACT", { currency });
  }
  await assertSeaport(client, { seaport, chainId });
  const kind = await readTokenKind(client, { collection });
  if (kind === "erc721" && quantity !== 1n) {
    throw marketError("MARKET_INVALID_INPUT", { field: "quantity", reason: `an ERC-721 token is sold alone (quantity 1), not ${quantity}` });
  }
  await assertHolds(client, { kind, collection, tokenId, seller, quantity });

  const [royaltyInfo, counter, approved] = await Promise.all([
    marketRead(
      "royaltyInfo",
      () => readContract(client, { address: collection, abi: marketTokenAbi, functionName: "royaltyInfo", args: [tokenId, price] }),
      undefined,
    ),
    marketReadOrThrow("Seaport getCounter", () => readContract(client, { address: seaport, abi: seaportAbi, functionName: "getCounter", args: [seller] })),
    marketRead(
      "isApprovedForAll",
      () => readContract(client, { address: collection, abi: marketTokenAbi, functionName: "isApprovedForAll", args: [seller, seaport] }),
      false,
    ),
  ]);
  const royalty =
    royaltyInfo !== undefined && royaltyInfo[1] > 0n && !isAddressEqual(royaltyInfo[0], zeroAddress)
      ? { receiver: getAddress(royaltyInfo[0]), amount: royaltyInfo[1] }
      : undefined;
  const fee =
    parameters.fee !== undefined && parameters.fee.bps > 0
      ? { recipient: getAddress(parameters.fee.recipient), amount: (price * BigInt(parameters.fee.bps)) / 10_000n }
      : undefined;
  const taken = (royalty?.amount ?? 0n) + (fee?.amount ?? 0n);
  if (taken > price) {
    throw marketError("MARKET_FEES_EXCEED_PRICE", { price: String(price), royalty: String(royalty?.amount ?? 0n), fee: String(fee?.amount ?? 0n) });
  }
  const sellerProceeds = price - taken;

  const paymentType = currency === zeroAddress ? ItemType.NATIVE : ItemType.ERC20;
  const pay = (amount: bigint, recipient: Address): ConsiderationItem => ({
    itemType: paymentType,
    token: currency,
    identifierOrCriteria: 0n,
    startAmount: amount,
    endAmount: amount,
    recipient,
  });
  const consideration = [
    pay(sellerProceeds, seller),
    ...(royalty === undefined ? [] : [pay(royalty.amount, royalty.receiver)]),
    ...(fee === undefined ? [] : [pay(fee.amount, fee.recipient)]),
  ];
  const components: OrderComponents = {
    offerer: seller,
    zone: zeroAddress,
    offer: [
      {
        itemType: kind === "erc721" ? ItemType.ERC721 : ItemType.ERC1155,
        token: collection,
        identifierOrCriteria: tokenId,
        startAmount: quantity,
        endAmount: quantity,
      },
    ],
    consideration,
    orderType: OrderType.FULL_OPEN,
    startTime,
    endTime,
    zoneHash: ZERO_HASH,
    salt: parameters.salt ?? randomSalt(),
    conduitKey: NO_CONDUIT_KEY,
    counter,
  };
  return { components, seaport, chainId, kind, approved, price, currency, royalty, fee, sellerProceeds };
}

function checkRanges(parameters: CreateListingParameters, quantity: bigint): void {
  const check = (field: string, value: bigint, min = 0n) => {
    if (value < min || value > UINT256_MAX) {
      throw marketError("MARKET_INVALID_INPUT", { field, reason: `${value} is out of range (${min} to 2^256-1)` });
    }
  };
  check("tokenId", parameters.tokenId);
  check("price", parameters.price);
  check("quantity", quantity, 1n);
  check("endTime", parameters.endTime);
  if (parameters.fee !== undefined && (!Number.isInteger(parameters.fee.bps) || parameters.fee.bps < 0 || parameters.fee.bps > 10_000)) {
    throw marketError("MARKET_INVALID_INPUT", { field: "fee.bps", reason: `${parameters.fee.bps} is not a whole number of basis points from 0 to 10000` });
  }
}

/** Throws `MARKET_SELLER_NOT_HOLDER` unless `seller` holds the token (ERC-721) or `quantity` copies (ERC-1155). */
export async function assertHolds(
  client: Client,
  p: { kind: TokenKind; collection: Address; tokenId: bigint; seller: Address; quantity: bigint },
): Promise<void> {
  const base = { collection: getAddress(p.collection), tokenId: String(p.tokenId), seller: getAddress(p.seller) };
  if (p.kind === "erc721") {
    const owner = await marketRead(
      "ownerOf",
      () => readContract(client, { address: p.collection, abi: marketTokenAbi, functionName: "ownerOf", args: [p.tokenId] }),
      undefined,
    );
    if (owner === undefined || !isAddressEqual(owner, p.seller)) {
      throw marketError("MARKET_SELLER_NOT_HOLDER", { ...base, ...(owner === undefined ? {} : { holder: getAddress(owner) }) });
    }
    return;
  }
  const balance = await marketReadOrThrow("balanceOf", () =>
    readContract(client, { address: p.collection, abi: marketTokenAbi, functionName: "balanceOf", args: [p.seller, p.tokenId] }),
  );
  if (balance < p.quantity) {
    throw marketError("MARKET_SELLER_NOT_HOLDER", { ...base, balance: String(balance), needed: String(p.quantity) });
  }
}

/** A random 256-bit salt (Web Crypto: browser and Node). */
function randomSalt(): bigint {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`);
}
