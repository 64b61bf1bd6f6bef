/**
 * The library's own send paths survive the chain moving between their estimate and their send. The sending
 * wallet is a local account (it signs, so its limit is fixed before `eth_sendRawTransaction`, as the CLI's
 * keystore accounts are); its transport lets another account's real transaction land on the chain just
 * before the library's transaction is submitted. Hardhat's EDR refuses a transaction that would run out of
 * gas at submission ("Transaction ran out of gas"): a bare estimate as the limit fails there.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { createWalletClient, custom, erc20Abi, getAddress, parseEther, type Address, type Hash, type Hex, type PrivateKeyAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { estimateContractGas, writeContract } from "viem/actions";
import { writeAndWait } from "../../src/chain/index.js";
import {
  SEAPORT_V1_6_ADDRESS,
  approveSeaport,
  createListing,
  createVoucher,
  estimateFulfillListingGas,
  fulfilAbi,
  fulfilCall,
  fulfillListing,
  mintkitCollectionAbi,
  redeemVoucher,
  signListing,
  signVoucher,
  SLOT_OPENED_GAS,
  type SignedListing,
  type Voucher,
} from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { benchConfig } from "../collection/helpers.js";
import { collectionConfig } from "../factory/helpers.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, holder, rival, seller, artist] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!];
const O = owner.account.address;
const chainId = await publicClient.getChainId();

/** A funded local account whose wallet runs `move` (another transaction, mined) right before its next submission. */
async function racingWallet() {
  const account: PrivateKeyAccount = privateKeyToAccount(generatePrivateKey());
  await publicClient.waitForTransactionReceipt({ hash: await owner.sendTransaction({ to: account.address, value: parseEther("10") }) });
  let move: (() => Promise<Hash>) | undefined;
  const walletClient = createWalletClient({
    account,
    chain: owner.chain,
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        if (method === "eth_sendRawTransaction" && move !== undefined) {
          const rivalTx = move;
          move = undefined;
          const receipt = await publicClient.waitForTransactionReceipt({ hash: await rivalTx() });
          expect(receipt.status, "the rival transaction lands first").to.equal("success");
        }
        return publicClient.request({ method, params } as Parameters<typeof publicClient.request>[0]);
      },
    }),
  });
  return { account, walletClient, raceBefore: (tx: () => Promise<Hash>) => void (move = tx) };
}

async function signed(contract: Address, fields: Partial<Voucher> & Pick<Voucher, "uid">) {
  const voucher = createVoucher({ validUntil: 0n, ...fields }, { allowFreeBearer: true });
  const signature: Hex = await signVoucher(owner, { voucher, contract, chainId });
  return { voucher, signature, signer: O, contract };
}

/** The limit a mined transaction was sent with. */
const limitOf = async (hash: Hash) => (await publicClient.getTransaction({ hash })).gas;

describe("send paths: the library's own transaction survives the state moving before it is sent", function () {
  it("redeemVoucher: the next id crosses into a new bitmap word between the estimate and the send", async function () {
    const buyer = await racingWallet();
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Send word")]);
    await c.write.mintBatch([holder.account.address, 10n, 1n]); // ids 1-10: the next batch starts in a used word
    const first = await signed(c.address, { to: buyer.account.address, quantity: 5n, uid: 1n });
    // Someone mints ids 11-255 first: the voucher's batch then starts at 256, in a word no batch opened.
    buyer.raceBefore(() => owner.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "mintBatch", args: [holder.account.address, 245n, 11n] }));
    const result = await redeemVoucher(buyer.walletClient, publicClient, first);
    expect(result.tokenIds).to.deep.equal([256n, 257n, 258n, 259n, 260n]);
    expect(result.gasUsed <= (await limitOf(result.transactionHash))).to.equal(true);
  });

  it("redeemVoucher: the buyer sold its only token between the estimate and the send", async function () {
    const buyer = await racingWallet();
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Send holder")]);
    await c.write.mint([buyer.account.address]); // token 1: the buyer is an existing holder when estimated
    const second = await signed(c.address, { to: buyer.account.address, uid: 2n, price: parseEther("0.01") });
    // The buyer let a marketplace (the rival) move its tokens; the sale lands between the estimate and the send.
    await writeAndWait({ publicClient, walletClient: buyer.walletClient }, { address: c.address, abi: mintkitCollectionAbi, functionName: "setApprovalForAll", args: [rival.account.address, true] });
    buyer.raceBefore(() =>
      rival.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [buyer.account.address, rival.account.address, 1n] }),
    );
    const result = await redeemVoucher(buyer.walletClient, publicClient, second);
    expect(await c.read.balanceOf([buyer.account.address])).to.equal(1n);
    const limit = await limitOf(result.transactionHash);
    expect(result.gasUsed <= limit).to.equal(true);
    expect(limit - result.gasUsed >= 0n && limit - result.gasUsed < SLOT_OPENED_GAS + 10_000n, "headroom is the fresh-holder slot, not a flat margin").to.equal(true);
  });

  it("writeAndWait with headroom: a mint to a holder who empties its balance first still lands", async function () {
    const minter = await racingWallet();
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(minter.account.address, "Send mint")]);
    const clients = { publicClient, walletClient: minter.walletClient };
    const call = { address: c.address, abi: mintkitCollectionAbi, functionName: "mint", args: [holder.account.address] } as const;
    await writeAndWait(clients, call); // token 1 to the holder
    const moveAway = (id: bigint) => () =>
      holder.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [holder.account.address, rival.account.address, id] });

    minter.raceBefore(moveAway(1n));
    const sent = await writeAndWait(clients, { ...call, headroom: { operation: "mint", contract: c.address, to: holder.account.address } });
    expect(sent.gasLimit?.headroom.items.map((i) => i.case)).to.deep.equal(["fresh-holder"]);
    expect(sent.gasUsed <= sent.gasLimit!.gasLimit).to.equal(true);
    expect(await limitOf(sent.transactionHash)).to.equal(sent.gasLimit!.gasLimit);
    expect(getAddress(await c.read.ownerOf([2n]))).to.equal(getAddress(holder.account.address));

    // The same race without headroom: the wallet's own estimate, made before the move, runs out of gas.
    minter.raceBefore(moveAway(2n));
    let error: unknown;
    await writeAndWait(clients, call).catch((err: unknown) => (error = err));
    expect(String(error)).to.match(/ran out of gas/i);
  });
});

describe("send paths: a Seaport fulfilment survives the state moving before it is sent", function () {
  before(async function () {
    await installSeaport({ publicClient, walletClient: owner });
  });

  /** A collection with royalty to the artist; the seller holds tokens 1-4 and approved Seaport. */
  async function market(label: string) {
    const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { name: label, royaltyReceiver: artist.account.address, royaltyBps: 500n })]);
    await c.write.mintBatch([seller.account.address, 4n, 1n]);
    await approveSeaport(seller, publicClient, { collection: c.address });
    const list = async (tokenId: bigint, currency?: Address): Promise<SignedListing> => {
      const now = (await publicClient.getBlock()).timestamp;
      const draft = await createListing(publicClient, {
        seller: seller.account.address,
        collection: c.address,
        tokenId,
        price: parseEther("1"),
        endTime: now + 86_400n,
        fee: { recipient: rival.account.address, bps: 250 },
        ...(currency === undefined ? {} : { currency }),
      });
      return signListing(seller, draft);
    };
    return { c, list };
  }

  it("fulfillListing: the buyer sold its only token of the collection between the estimate and the send", async function () {
    const buyer = await racingWallet();
    const { c, list } = await market("Race holder");
    await c.write.mint([buyer.account.address]); // token 5: the buyer is an existing holder when estimated
    await writeAndWait({ publicClient, walletClient: buyer.walletClient }, { address: c.address, abi: mintkitCollectionAbi, functionName: "setApprovalForAll", args: [rival.account.address, true] });
    const sellOff = (id: bigint) => () =>
      rival.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [buyer.account.address, rival.account.address, id] });

    const first = await list(1n);
    const estimate = await estimateFulfillListingGas(publicClient, { listing: first, from: buyer.account.address });
    expect(estimate.headroom.items.map((i) => i.case)).to.deep.equal(["fresh-holder"]);
    buyer.raceBefore(sellOff(5n));
    const result = await fulfillListing(buyer.walletClient, publicClient, { listing: first });
    expect(getAddress(await c.read.ownerOf([1n]))).to.equal(getAddress(buyer.account.address));
    expect(result.gasLimit.headroom.items.map((i) => i.case)).to.deep.equal(["fresh-holder"]);
    expect(await limitOf(result.transactionHash)).to.equal(result.gasLimit.gasLimit);
    // The state moved: the buyer was charged the fresh-holder slot the estimate did not see, within the limit.
    expect(Number(result.gasUsed - estimate.gas)).to.be.within(16_000, 18_000);
    expect(result.gasUsed <= result.gasLimit.gasLimit).to.equal(true);

    // The same race sent with the node's bare estimate (what fulfillListing sent before): it runs out of gas.
    const second = await list(2n);
    const call = { ...fulfilCall(second), address: SEAPORT_V1_6_ADDRESS, abi: fulfilAbi, account: buyer.account, value: parseEther("1") } as const;
    const bare = await estimateContractGas(publicClient, call as never);
    buyer.raceBefore(sellOff(1n));
    let error: unknown;
    await writeContract(buyer.walletClient, { ...call, chain: buyer.walletClient.chain, gas: bare } as never).catch((err: unknown) => (error = err));
    expect(String(error)).to.match(/ran out of gas/i);
  });

  it("fulfillListing in an ERC-20: the royalty receiver empties its balance between the estimate and the send", async function () {
    const buyer = await racingWallet();
    const { list } = await market("Race payee");
    const usd = await viem.deployContract("MockERC20");
    await usd.write.mint([buyer.account.address, parseEther("2")]);
    await writeAndWait({ publicClient, walletClient: buyer.walletClient }, { address: usd.address, abi: erc20Abi, functionName: "approve", args: [SEAPORT_V1_6_ADDRESS, parseEther("2")] });
    for (const who of [seller, artist, rival]) await usd.write.mint([who.account.address, 1n]); // every recipient holds some
    const emptyArtist = () => artist.writeContract({ address: usd.address, abi: erc20Abi, functionName: "transfer", args: [O, 1n] });

    const listing = await list(3n, usd.address);
    const estimate = await estimateFulfillListingGas(publicClient, { listing, from: buyer.account.address });
    expect(estimate.cases.map((c) => c.case)).to.include.members(["payee-existing-balance", "allowance-limited"]);
    expect(estimate.headroom.items.filter((i) => i.case === "fresh-payee")).to.have.length(3);
    buyer.raceBefore(emptyArtist);
    const result = await fulfillListing(buyer.walletClient, publicClient, { listing });
    expect(await usd.read.balanceOf([artist.account.address])).to.equal(parseEther("1") * 500n / 10_000n);
    expect(Number(result.gasUsed - estimate.gas)).to.be.within(16_000, 18_000); // the artist's balance written from zero
    expect(result.gasUsed <= result.gasLimit.gasLimit).to.equal(true);

    // Sent with the bare estimate, the same move makes it run out of gas.
    const next = await list(4n, usd.address);
    const call = { ...fulfilCall(next), address: SEAPORT_V1_6_ADDRESS, abi: fulfilAbi, account: buyer.account } as const;
    const bare = await estimateContractGas(publicClient, call as never);
    buyer.raceBefore(emptyArtist2(usd.address));
    let error: unknown;
    await writeContract(buyer.walletClient, { ...call, chain: buyer.walletClient.chain, gas: bare } as never).catch((err: unknown) => (error = err));
    expect(String(error)).to.match(/ran out of gas/i);
  });

  /** The artist sends its whole balance away (its royalty from the first sale). */
  const emptyArtist2 = (usd: Address) => async () => {
    const balance = await publicClient.readContract({ address: usd, abi: erc20Abi, functionName: "balanceOf", args: [artist.account.address] });
    return artist.writeContract({ address: usd, abi: erc20Abi, functionName: "transfer", args: [O, balance] });
  };
});
