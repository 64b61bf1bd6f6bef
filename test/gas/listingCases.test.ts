/**
 * The state-dependent cases of a Seaport fulfilment and an on-chain check-in are priced as the EVM charges
 * them: two estimates that differ only in one case differ by that case's gas (ETH to an empty account
 * +25,000; ERC-20 balances opened from zero +17,100 each), and a check-in costs the same whether it is the
 * event's first or not (the contract keeps nothing per event).
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, maxUint256, parseEther, type Address } from "viem";
import {
  ALLOWANCE_WRITE_GAS,
  NEW_ACCOUNT_GAS,
  SEAPORT_V1_6_ADDRESS,
  SLOT_OPENED_GAS,
  accessEventId,
  approveSeaport,
  createListing,
  estimateApproveSeaportGas,
  estimateCheckInGas,
  isGasError,
  estimateFulfillListingGas,
  fulfillListing,
  sampleRecipients,
  signListing,
  type GasEstimate,
} from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { benchConfig } from "../collection/helpers.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, seller, buyer, market, door, holder] = await viem.getWalletClients();
const O = getAddress(owner!.account.address);
await installSeaport({ publicClient, walletClient: owner! });

const caseGas = (e: GasEstimate, name: string) => e.cases.find((c) => c.case === name)?.gas;

async function saleOf(royaltyReceiver: Address) {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { royaltyReceiver, royaltyBps: 500n })]);
  await c.write.mintBatch([seller!.account.address, 4n, 1n]);
  await c.write.mint([buyer!.account.address]); // the buyer holds one already: its holder case is the same in every sale
  await approveSeaport(seller!, publicClient, { collection: c.address });
  const list = async (tokenId: bigint, currency?: Address) => {
    const now = (await publicClient.getBlock()).timestamp;
    const draft = await createListing(publicClient, {
      seller: seller!.account.address,
      collection: c.address,
      tokenId,
      price: parseEther("1"),
      endTime: now + 86_400n,
      fee: { recipient: market!.account.address, bps: 250 },
      ...(currency === undefined ? {} : { currency }),
    });
    return signListing(seller!, draft);
  };
  return { c, list };
}

describe("fulfilment cases: priced as the EVM charges them", function () {
  it("ETH to an empty royalty receiver: +25,000 over the same sale once the receiver exists", async function () {
    const { list } = await saleOf(sampleRecipients(1, "listing-cases royalty")[0]!);
    const first = await list(1n);
    const fresh = await estimateFulfillListingGas(publicClient, { listing: first, from: buyer!.account.address });
    expect(caseGas(fresh, "recipient-new-account")).to.equal(NEW_ACCOUNT_GAS);
    await fulfillListing(buyer!, publicClient, { listing: first });
    const existing = await estimateFulfillListingGas(publicClient, { listing: await list(2n), from: buyer!.account.address });
    expect(caseGas(existing, "recipient-new-account")).to.equal(undefined);
    expect(existing.cases.map((c) => c.case)).to.deep.equal(["existing-holder", "recipient-existing-account"]);
    expect(Number(fresh.gas - existing.gas)).to.be.closeTo(Number(NEW_ACCOUNT_GAS), 200); // calldata of two signatures differs by a few bytes
  });

  it("ERC-20 to recipients holding none: +17,100 per balance opened; a limited allowance is rewritten", async function () {
    const { list } = await saleOf(sampleRecipients(1, "listing-cases erc20 royalty")[0]!);
    const usd = await viem.deployContract("MockERC20");
    await usd.write.mint([buyer!.account.address, parseEther("10")]);
    await usd.write.approve([SEAPORT_V1_6_ADDRESS, maxUint256], { account: buyer!.account });
    const first = await list(1n, usd.address);
    const fresh = await estimateFulfillListingGas(publicClient, { listing: first, from: buyer!.account.address });
    expect(caseGas(fresh, "payee-new-balance")).to.equal(3n * SLOT_OPENED_GAS); // seller, royalty, marketplace fee
    expect(caseGas(fresh, "allowance-unlimited")).to.equal(0n);
    expect(fresh.headroom.items).to.deep.equal([fresh.headroom.items[0]]); // only the buyer's holder slot: no payee holds any yet
    await fulfillListing(buyer!, publicClient, { listing: first });
    const existing = await estimateFulfillListingGas(publicClient, { listing: await list(2n, usd.address), from: buyer!.account.address });
    expect(existing.headroom.items.map((i) => i.case)).to.deep.equal(["fresh-holder", "fresh-payee", "fresh-payee", "fresh-payee"]);
    expect(Number(fresh.gas - existing.gas)).to.be.closeTo(Number(3n * SLOT_OPENED_GAS), 200);
    // The same sale with an allowance below the maximum: the allowance slot is rewritten.
    await usd.write.approve([SEAPORT_V1_6_ADDRESS, parseEther("5")], { account: buyer!.account });
    const limited = await estimateFulfillListingGas(publicClient, { listing: await list(3n, usd.address), from: buyer!.account.address });
    // Three transfers (seller, royalty, fee): the slot's first write, two warm rewrites, and OpenZeppelin's code for each.
    expect(caseGas(limited, "allowance-limited")).to.equal(ALLOWANCE_WRITE_GAS + 200n);
    const extra = Number(limited.gas - existing.gas);
    expect(extra).to.be.within(Number(ALLOWANCE_WRITE_GAS + 200n), Number(ALLOWANCE_WRITE_GAS + 200n) + 3 * 400 + 200);
  });
});

describe("approval", function () {
  it("an approval already set is refused (approveSeaport would send nothing), before any simulation", async function () {
    const { c } = await saleOf(O); // saleOf approved Seaport for the seller
    const err = await estimateApproveSeaportGas(publicClient, { collection: c.address, account: seller!.account.address }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_INVALID_PARAMETER"), String(err)).to.equal(true);
    expect((err as Error).message).to.contain("already approved");
  });
});

describe("check-in cases", function () {
  it("the first check-in of an event costs what a later one costs (a fresh record slot per ticket)", async function () {
    const c = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
    await c.write.mintBatch([holder!.account.address, 3n, 1n]);
    const record = await viem.deployContract("AccessCheckIn", [O]);
    await record.write.grantRole([await record.read.DOOR_ROLE(), door!.account.address]);
    const ticket = (tokenId: bigint, event: string) => ({ event, kind: "erc721" as const, collection: c.address, tokenId, holder: holder!.account.address });
    const estimate = (tokenId: bigint, event: string) =>
      estimateCheckInGas(publicClient, { address: record.address, ticket: ticket(tokenId, event), account: door!.account.address });
    const first = await estimate(1n, "devcon-2026");
    expect(first.cases.map((x) => x.case)).to.deep.equal(["ticket-record"]);
    const hash = await door!.writeContract({
      address: record.address,
      abi: record.abi,
      functionName: "checkIn",
      args: [accessEventId("devcon-2026"), c.address, 1n, holder!.account.address],
      gas: first.gasLimit,
    });
    expect((await publicClient.waitForTransactionReceipt({ hash })).gasUsed).to.equal(first.gas);
    const later = await estimate(2n, "devcon-2026"); // the event has a check-in now
    const otherEvent = await estimate(2n, "ethcc-2026");
    expect(Number(first.gas - later.gas)).to.be.closeTo(0, 50);
    expect(Number(otherEvent.gas - later.gas)).to.be.closeTo(0, 50);
  });
});
