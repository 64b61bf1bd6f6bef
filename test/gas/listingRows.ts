/**
 * The rows of the gas matrix (operations.test.ts) for this wave's operations: a buyer filling a Seaport 1.6
 * listing (ERC-721 and ERC-1155, ETH and ERC-20, royalty and marketplace fee), the seller's one-time approval, a
 * listing cancelled (one, or all by counter), and a door's on-chain check-in (ERC-721, ERC-1155). Each is sent by
 * the library's own send path (`fulfillListing`, `approveSeaport`, `cancelListing`, `checkInOnChain`), which picks
 * its own limit: the rows check it carries the estimate's headroom.
 */
import { expect } from "chai";
import { getAddress, maxUint256, parseEther, type Address, type Hash, type PublicClient, type WalletClient, type Account, type Chain, type Transport } from "viem";
import {
  SEAPORT_V1_6_ADDRESS,
  approveSeaport,
  cancelListing,
  checkInOnChain,
  createAccessChallenge,
  createListing,
  createMemoryCheckInStore,
  encodeAccessProof,
  estimateApproveSeaportGas,
  estimateCancelListingGas,
  estimateCheckInGas,
  estimateFulfillListingGas,
  fulfillListing,
  proveAccess,
  sampleRecipients,
  signListing,
  verifyAccess,
  type AccessGrant,
  type AccessGranted,
  type GasEstimate,
  type GasOperation,
  type SignedListing,
} from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";

type Wallet = WalletClient<Transport, Chain, Account>;

/** One row: estimate, then send the estimated transaction (the library's own send path here). */
export interface GasRow {
  readonly name: string;
  readonly operation: GasOperation;
  readonly estimate: () => Promise<GasEstimate>;
  readonly send: (gas: bigint, estimate: GasEstimate) => Promise<Hash>;
  /** The case names the estimate must report, when the row is about a case. */
  readonly cases?: readonly string[];
  /**
   * Storage slots the transaction clears (nonzero to zero): each refunds 4,800 gas after execution (EIP-3529),
   * so gasUsed ends that far below the limit the execution needs.
   */
  readonly clearedSlots?: number;
}

/** What the rows need from the test's chain. */
export interface ListingRowsContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Hardhat's viem helpers, as the tests use them
  readonly viem: any;
  readonly publicClient: PublicClient;
  readonly wallets: readonly Wallet[];
}

const AUDIENCE = "https://door.example";
const EVENT = "gas-matrix-2026";
const PRICE = parseEther("1");

/** The matrix rows of fulfilment, listing cancel and check-in; the chain set-up runs in the first row. */
export function listingRows(ctx: ListingRowsContext): GasRow[] {
  const { viem, publicClient } = ctx;
  const [owner, seller, buyerA, buyerB, market, door, ticketHolder] = [0, 4, 5, 6, 7, 8, 9].map((i) => ctx.wallets[i]!);
  const O = getAddress(owner!.account.address);
  const royaltyReceiver = sampleRecipients(1, "gas-matrix royalty")[0]!; // an empty account: the first payment creates it
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let s: { collection: any; editions: any; usd: any; record: any } | undefined;
  const setUp = async () => {
    if (s !== undefined) return s;
    await installSeaport({ publicClient, walletClient: owner! });
    const collection = await viem.deployContract("MintkitCollection", [benchConfig(O, { royaltyReceiver, royaltyBps: 500n })]);
    await collection.write.mintBatch([seller!.account.address, 6n, await collection.read.nextTokenId()]);
    await collection.write.mint([ticketHolder!.account.address]);
    const editions = await viem.deployContract("MintkitEditions", [editionsConfig(O)]);
    await editions.write.mint([seller!.account.address, 7n, 5n, 0n, "0x"]);
    await editions.write.mint([ticketHolder!.account.address, 9n, 2n, 0n, "0x"]);
    await approveSeaport(seller!, publicClient, { collection: collection.address });
    const usd = await viem.deployContract("MockERC20");
    const record = await viem.deployContract("AccessCheckIn", [O]);
    await record.write.grantRole([await record.read.DOOR_ROLE(), door!.account.address]);
    s = { collection, editions, usd, record };
    return s;
  };
  const list = async (collection: Address, tokenId: bigint, extra: Partial<Parameters<typeof createListing>[1]> = {}) => {
    const now = (await publicClient.getBlock()).timestamp;
    const draft = await createListing(publicClient, {
      seller: seller!.account.address,
      collection,
      tokenId,
      price: PRICE,
      endTime: now + 86_400n,
      fee: { recipient: market!.account.address, bps: 250 },
      ...extra,
    });
    return signListing(seller!, draft);
  };
  const fulfilRow = (name: string, buyer: Wallet, prepare: () => Promise<SignedListing>, cases: string[], clearedSlots = 0): GasRow => {
    let listing: SignedListing | undefined;
    return {
      name,
      operation: "fulfillListing",
      cases,
      clearedSlots,
      estimate: async () => {
        listing = await prepare();
        return estimateFulfillListingGas(publicClient, { listing, from: buyer.account.address });
      },
      send: async (_gas, estimate) => {
        const result = await fulfillListing(buyer, publicClient, { listing: listing! });
        expect(result.gasLimit.headroom).to.deep.equal(estimate.headroom);
        expect((await publicClient.getTransaction({ hash: result.transactionHash })).gas).to.equal(result.gasLimit.gasLimit);
        return result.transactionHash;
      },
    };
  };
  let toCancel: SignedListing | undefined;
  const checkInRow = (name: string, grant: (st: NonNullable<typeof s>) => AccessGrant, tokenId?: bigint): GasRow => {
    let granted: AccessGranted | undefined;
    return {
      name,
      operation: "checkIn",
      cases: ["ticket-record"],
      estimate: async () => {
        const st = await setUp();
        const challenge = createAccessChallenge({
          audience: AUDIENCE,
          event: EVENT,
          chainId: await publicClient.getChainId(),
          grant: grant(st),
          now: Number((await publicClient.getBlock()).timestamp),
        });
        const proof = encodeAccessProof(await proveAccess(ticketHolder!, { challenge, ...(tokenId === undefined ? {} : { tokenId }) }));
        const verdict = await verifyAccess(publicClient, { proof, audience: AUDIENCE, event: EVENT, accept: grant(st), store: createMemoryCheckInStore() });
        if (!verdict.valid) expect.fail(verdict.message);
        granted = verdict;
        return estimateCheckInGas(publicClient, { address: st.record.address, granted, account: door!.account.address });
      },
      send: (_gas) => checkInOnChain(door!, { address: s!.record.address, granted: granted! }),
    };
  };
  return [
    fulfilRow("fulfil an ERC-721 listing in ETH: royalty to an empty account, marketplace fee, first-time holder", buyerA!, async () => {
      const st = await setUp();
      return list(st.collection.address, 1n);
    }, ["fresh-holder", "recipient-new-account", "recipient-existing-account"]),
    fulfilRow("fulfil an ERC-721 listing in ETH: every recipient exists, the buyer holds one", buyerA!, async () => list(s!.collection.address, 2n), [
      "existing-holder",
      "recipient-existing-account",
    ]),
    {
      name: "approve Seaport for the seller's tokens of a collection (approveSeaport)",
      operation: "approveSeaport",
      estimate: () => estimateApproveSeaportGas(publicClient, { collection: s!.editions.address, account: seller!.account.address }),
      send: async (_gas, estimate) => {
        const result = await approveSeaport(seller!, publicClient, { collection: s!.editions.address });
        expect(result.gasLimit?.gasLimit).to.equal((await publicClient.getTransaction({ hash: result.transactionHash! })).gas);
        expect(result.gasLimit?.headroom).to.deep.equal(estimate.headroom);
        return result.transactionHash!;
      },
    },
    fulfilRow("fulfil an ERC-1155 listing (2 copies) in ETH", buyerB!, async () => list(s!.editions.address, 7n, { quantity: 2n }), ["fresh-holder"]),
    fulfilRow("fulfil an ERC-721 listing in an ERC-20: recipients hold none of it, allowance limited", buyerB!, async () => {
      await s!.usd.write.mint([buyerB!.account.address, PRICE]);
      await s!.usd.write.approve([SEAPORT_V1_6_ADDRESS, PRICE], { account: buyerB!.account });
      return list(s!.collection.address, 3n, { currency: s!.usd.address });
    }, ["fresh-holder", "payee-new-balance", "allowance-limited"], 2), // the buyer spends its whole balance and allowance
    fulfilRow("fulfil an ERC-721 listing in an ERC-20: recipients hold it, allowance unlimited", buyerB!, async () => {
      await s!.usd.write.mint([buyerB!.account.address, PRICE]);
      await s!.usd.write.approve([SEAPORT_V1_6_ADDRESS, maxUint256], { account: buyerB!.account });
      return list(s!.collection.address, 4n, { currency: s!.usd.address });
    }, ["existing-holder", "payee-existing-balance", "allowance-unlimited"], 1), // the buyer spends its whole balance
    {
      name: "cancel one listing (Seaport cancel)",
      operation: "cancelListing",
      estimate: async () => {
        toCancel = await list(s!.collection.address, 5n);
        return estimateCancelListingGas(publicClient, { listing: toCancel, account: seller!.account.address });
      },
      send: async () => (await cancelListing(seller!, publicClient, { listing: toCancel! })).transactionHash,
    },
    {
      name: "cancel every listing (incrementCounter)",
      operation: "cancelListing",
      estimate: () => estimateCancelListingGas(publicClient, { account: seller!.account.address }),
      send: async () => (await cancelListing(seller!, publicClient, {})).transactionHash,
    },
    checkInRow("check in an ERC-721 ticket on chain", (st) => ({ kind: "erc721", collection: st.collection.address }), 7n),
    checkInRow("check in an ERC-1155 ticket on chain", (st) => ({ kind: "erc1155", collection: st.editions.address, tokenId: 9n, minBalance: 1n })),
  ];
}
