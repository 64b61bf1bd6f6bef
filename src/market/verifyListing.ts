import {
  compactSignatureToSignature,
  getAddress,
  isAddressEqual,
  parseAbi,
  parseCompactSignature,
  recoverAddress,
  serializeSignature,
  size,
  type Address,
  type Client,
  type Hash,
  type Hex,
} from "viem";
import { getBlock, getChainId, readContract, verifyHash } from "viem/actions";
import { seaportAbi } from "./generated/seaportAbi.js";
import { assertSeaport } from "./assertSeaport.js";
import { marketRead, marketReadOrThrow } from "./chainRead.js";
import { assertHolds } from "./createListing.js";
import { hashListing, listingDigest } from "./hashListing.js";
import { isMarketError } from "../errors/MarketError.js";
import { marketProblem, type MarketProblem } from "./marketProblem.js";
import { ItemType, type SignedListing } from "./orderTypes.js";
import { CONDUIT_CONTROLLER_ADDRESS, NO_CONDUIT_KEY, SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";
import { marketTokenAbi } from "./tokenAbi.js";

const conduitControllerAbi = parseAbi(["function getConduit(bytes32 conduitKey) view returns (address conduit, bool exists)"]);

export interface VerifyListingParameters {
  readonly listing: SignedListing;
  /** The Seaport the order must be for (default: Seaport 1.6 at its canonical address). */
  readonly seaport?: Address;
}

export interface VerifyListingReturnType {
  /** True when nothing stops the order from being filled now. */
  readonly valid: boolean;
  /** One entry per problem, each with its own code. */
  readonly problems: readonly MarketProblem[];
  readonly orderHash: Hash;
  readonly chainId: number;
  /** What a buyer pays: the sum of the consideration, in `currency` (zero address: ETH). */
  readonly price: bigint;
  readonly currency: Address;
}

/**
 * Verifies a signed listing against the chain, reporting every problem with its own code:
 * `MARKET_WRONG_CHAIN`, `MARKET_WRONG_SEAPORT`, `MARKET_UNSUPPORTED_ORDER`, `MARKET_NOT_STARTED`,
 * `MARKET_EXPIRED`, `MARKET_BAD_SIGNATURE` (EOA or ERC-1271 wallet: viem's `verifyHash` over the EIP-712
 * digest), `MARKET_COUNTER_CHANGED` (the seller cancelled all their orders), `MARKET_CANCELLED`,
 * `MARKET_FILLED`, `MARKET_SELLER_NOT_HOLDER` and `MARKET_NOT_APPROVED` (the seller's approval of Seaport
 * or of the order's conduit). A chain that does not answer throws `MARKET_RPC_FAILED`; no Seaport 1.6 at
 * the address throws `MARKET_SEAPORT_NOT_DEPLOYED`.
 *
 * @example
 * const { valid, problems } = await verifyListing(publicClient, { listing: parseListing(json) });
 */
export async function verifyListing(client: Client, parameters: VerifyListingParameters): Promise<VerifyListingReturnType> {
  const { listing } = parameters;
  const p = listing.parameters;
  const expectedSeaport = getAddress(parameters.seaport ?? SEAPORT_V1_6_ADDRESS);
  const problems: MarketProblem[] = [];
  const [chainId, block] = await Promise.all([
    marketReadOrThrow("eth_chainId", () => getChainId(client)),
    marketReadOrThrow("latest block", () => getBlock(client, { blockTag: "latest" })),
  ]);
  const orderHash = hashListing(p);
  const currency = getAddress(p.consideration[0]?.token ?? "0x0000000000000000000000000000000000000000");
  const price = p.consideration.reduce((sum, item) => sum + item.startAmount, 0n);
  const result = (): VerifyListingReturnType => ({ valid: problems.length === 0, problems, orderHash, chainId, price, currency });

  if (listing.chainId !== undefined && listing.chainId !== chainId) {
    problems.push(marketProblem("MARKET_WRONG_CHAIN", { signedFor: listing.chainId, chainId }));
  }
  if (!isAddressEqual(listing.seaport, expectedSeaport)) {
    problems.push(marketProblem("MARKET_WRONG_SEAPORT", { orderSeaport: getAddress(listing.seaport), seaport: expectedSeaport }));
  }
  if (problems.length > 0) return result(); // nothing else can be checked meaningfully on this chain / Seaport
  await assertSeaport(client, { seaport: expectedSeaport, chainId });

  const unsupported = unsupportedReason(listing);
  if (unsupported !== undefined) problems.push(marketProblem("MARKET_UNSUPPORTED_ORDER", { reason: unsupported }));
  const now = block.timestamp;
  if (now < p.startTime) problems.push(marketProblem("MARKET_NOT_STARTED", { startTime: String(p.startTime), now: String(now) }));
  if (now >= p.endTime) problems.push(marketProblem("MARKET_EXPIRED", { endTime: String(p.endTime), now: String(now) }));

  const digest = listingDigest(listing, chainId);
  const [signatureValid, counter, status] = await Promise.all([
    marketRead("verify the signature", () => isOfferersSignature(client, p.offerer, digest, listing.signature), false),
    marketReadOrThrow("Seaport getCounter", () =>
      readContract(client, { address: expectedSeaport, abi: seaportAbi, functionName: "getCounter", args: [p.offerer] }),
    ),
    marketReadOrThrow("Seaport getOrderStatus", () =>
      readContract(client, { address: expectedSeaport, abi: seaportAbi, functionName: "getOrderStatus", args: [orderHash] }),
    ),
  ]);
  if (!signatureValid) problems.push(marketProblem("MARKET_BAD_SIGNATURE", { offerer: getAddress(p.offerer), orderHash }));
  if (counter !== p.counter) {
    problems.push(marketProblem("MARKET_COUNTER_CHANGED", { offerer: getAddress(p.offerer), orderCounter: String(p.counter), counter: String(counter) }));
  }
  const [, isCancelled, totalFilled, totalSize] = status;
  if (isCancelled) problems.push(marketProblem("MARKET_CANCELLED", { orderHash }));
  else if (totalSize > 0n && totalFilled >= totalSize) problems.push(marketProblem("MARKET_FILLED", { orderHash }));

  const item = p.offer[0];
  if (unsupported === undefined && item !== undefined) {
    const kind = item.itemType === ItemType.ERC721 ? "erc721" : "erc1155";
    try {
      await assertHolds(client, { kind, collection: item.token, tokenId: item.identifierOrCriteria, seller: p.offerer, quantity: item.startAmount });
    } catch (error) {
      if (!isMarketError(error, "MARKET_SELLER_NOT_HOLDER")) throw error;
      problems.push(marketProblem("MARKET_SELLER_NOT_HOLDER", error.details as never));
    }
    const operator = await orderOperator(client, expectedSeaport, p.conduitKey);
    const approved = await marketRead(
      "isApprovedForAll",
      () => readContract(client, { address: item.token, abi: marketTokenAbi, functionName: "isApprovedForAll", args: [p.offerer, operator] }),
      false,
    );
    if (!approved) {
      problems.push(marketProblem("MARKET_NOT_APPROVED", { collection: getAddress(item.token), owner: getAddress(p.offerer), operator }));
    }
  }
  return result();
}

/**
 * Whether `signature` is the offerer's over `digest`, as Seaport checks it: an ECDSA signature (65 bytes,
 * or 64-byte EIP-2098 compact, which seaport-js makes) recovering to the offerer, else the offerer's
 * ERC-1271 `isValidSignature` (viem's `verifyHash`).
 */
async function isOfferersSignature(client: Client, offerer: Address, digest: Hash, signature: Hex): Promise<boolean> {
  if (size(signature) === 64) {
    const expanded = serializeSignature(compactSignatureToSignature(parseCompactSignature(signature)));
    const recovered = await recoverAddress({ hash: digest, signature: expanded }).catch(() => undefined);
    if (recovered !== undefined && isAddressEqual(recovered, offerer)) return true;
  }
  return verifyHash(client, { address: offerer, hash: digest, signature });
}

/** Who moves the offerer's tokens: Seaport itself without a conduit, else the conduit the key names. */
export async function orderOperator(client: Client, seaport: Address, conduitKey: `0x${string}`): Promise<Address> {
  if (conduitKey.toLowerCase() === NO_CONDUIT_KEY) return getAddress(seaport);
  const [conduit] = await marketReadOrThrow("ConduitController getConduit", () =>
    readContract(client, { address: CONDUIT_CONTROLLER_ADDRESS, abi: conduitControllerAbi, functionName: "getConduit", args: [conduitKey] }),
  );
  return getAddress(conduit);
}

/** Why mintkit cannot verify or fulfil this order, or undefined: a listing of one ERC-721/1155 token for ETH or one ERC-20. */
export function unsupportedReason(listing: SignedListing): string | undefined {
  const p = listing.parameters;
  if (p.offer.length !== 1) return `it offers ${p.offer.length} items (mintkit fulfils listings of one token)`;
  const item = p.offer[0]!;
  if (item.itemType !== ItemType.ERC721 && item.itemType !== ItemType.ERC1155) return `its offer item has item type ${item.itemType} (not an ERC-721 or ERC-1155 token)`;
  if (item.startAmount !== item.endAmount) return "its offered amount changes over time";
  if (p.consideration.length === 0) return "it asks for nothing";
  const first = p.consideration[0]!;
  if (first.itemType !== ItemType.NATIVE && first.itemType !== ItemType.ERC20) return "its consideration is not paid in ETH or an ERC-20";
  for (const c of p.consideration) {
    if (c.itemType !== first.itemType || !isAddressEqual(c.token, first.token)) return "its consideration mixes currencies";
    if (c.startAmount !== c.endAmount) return "its price changes over time (a Dutch auction)";
  }
  if (p.orderType > 3) return "it is a contract order";
  return undefined;
}
