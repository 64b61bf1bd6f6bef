/**
 * mintkit demo (`npm run demo`): the main job end to end on Hardhat's in-process chain, in a few seconds.
 *
 * 1. deploys the collection and editions implementations and the factory;
 * 2. creates a collection through the factory (an EIP-1167 clone, initialized in the same transaction);
 * 3. mints one token, then batch-mints 10;
 * 4. the owner signs an EIP-712 lazy-mint voucher off-chain (src/vouchers, on viem signTypedData) and a
 *    buyer redeems it, paying 0.01 ETH, which goes to the owner;
 * 5. creates an editions (ERC-1155) contract through the factory and mints 10 copies of a new capped id;
 * and prints every step: addresses, token ids, transaction hashes and gas.
 */
import { network } from "hardhat";
import {
  formatEther,
  getAddress,
  keccak256,
  parseEther,
  parseEventLogs,
  toBytes,
  zeroAddress,
  type Hash,
} from "viem";
import { createVoucher, signVoucher } from "../src/vouchers/index.js";

const BASE_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";
const CONTRACT_URI = "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy";
const PRICE = parseEther("0.01");

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, collector, buyer] = await viem.getWalletClients();
if (!owner || !collector || !buyer) throw new Error("the demo needs three accounts");
const chainId = await publicClient.getChainId();

const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-4)}`;
const gasText = (gas: bigint) => `${Number(gas).toLocaleString("en-US")} gas`;
const say = (what: string, hash: Hash, gas: bigint) =>
  console.log(`${what.padEnd(76)} tx ${short(hash)}  ${gasText(gas).padStart(13)}`);

async function receiptOf(hash: Hash) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

async function deploy<const Name extends "MintkitCollection" | "MintkitEditions" | "MintkitFactory">(
  name: Name,
  args: Parameters<typeof viem.deployContract<Name>>[1],
  label: string,
) {
  const { contract, deploymentTransaction } = await viem.sendDeploymentTransaction(name, args);
  const receipt = await receiptOf(deploymentTransaction.hash);
  say(`deployed ${label} at ${contract.address}`, deploymentTransaction.hash, receipt.gasUsed);
  return contract;
}

console.log(`mintkit demo on Hardhat's in-process chain (chain id ${chainId})`);
console.log(
  `owner ${getAddress(owner.account.address)} · collector ${getAddress(collector.account.address)} · ` +
    `buyer ${getAddress(buyer.account.address)}\n`,
);

// 1. Implementations and factory. The implementations are initialized by their constructors, so nobody
// can ever initialize them; clones delegate to them.
const implementationConfig = {
  owner: owner.account.address,
  name: "mintkit implementation",
  symbol: "MINTKIT",
  baseURI: "",
  contractURI: "",
  royaltyReceiver: zeroAddress,
  royaltyBps: 0n,
  primarySaleRecipient: zeroAddress,
};
const collectionImpl = await deploy("MintkitCollection", [{ ...implementationConfig, maxSupply: 0n }], "MintkitCollection implementation");
const editionsImpl = await deploy("MintkitEditions", [implementationConfig], "MintkitEditions implementation");
const factory = await deploy("MintkitFactory", [collectionImpl.address, editionsImpl.address], "MintkitFactory");

// 2. A collection through the factory, at an address bound to the creator and the salt.
const salt = keccak256(toBytes("mintkit demo collection"));
const predicted = await factory.read.predictCollectionAddress([owner.account.address, salt]);
const createHash = await factory.write.createCollection([
  {
    owner: owner.account.address,
    name: "mintkit Demo",
    symbol: "MKD",
    baseURI: BASE_URI,
    contractURI: CONTRACT_URI,
    maxSupply: 10_000n,
    royaltyReceiver: owner.account.address,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress, // voucher payments go to the owner
  },
  salt,
]);
const created = parseEventLogs({ abi: factory.abi, logs: (await receiptOf(createHash)).logs, eventName: "CollectionCreated" });
const collectionAddress = created[0]!.args.clone;
console.log("");
say(`created collection "mintkit Demo" (MKD) at ${collectionAddress}`, createHash, (await receiptOf(createHash)).gasUsed);
console.log(`  predicted before creation: ${predicted} (${predicted === collectionAddress ? "matches" : "DIFFERS"})`);
const collection = await viem.getContractAt("MintkitCollection", collectionAddress);

/** The token ids an ERC-721 transaction minted (its Transfer logs from the zero address). */
async function mintedIds(hash: Hash): Promise<bigint[]> {
  const logs = parseEventLogs({ abi: collection.abi, logs: (await receiptOf(hash)).logs, eventName: "Transfer" });
  return logs.filter((log) => log.args.from === zeroAddress).map((log) => log.args.tokenId);
}

// 3. Mint one, batch-mint ten.
const mintHash = await collection.write.mint([collector.account.address]);
const [single] = await mintedIds(mintHash);
say(`minted token #${single} to the collector`, mintHash, (await receiptOf(mintHash)).gasUsed);
console.log(`  tokenURI(${single}) = ${await collection.read.tokenURI([single!])}`);

const batchHash = await collection.write.mintBatch([collector.account.address, 10n]);
const batch = await mintedIds(batchHash);
say(`batch-minted tokens #${batch[0]}–#${batch.at(-1)} to the collector`, batchHash, (await receiptOf(batchHash)).gasUsed);
console.log(`  collector now holds ${await collection.read.balanceOf([collector.account.address])} tokens`);

// 4. Lazy mint: the owner signs a voucher off-chain (no gas) with mintkit's voucher library (EIP-712 via
// viem signTypedData, domain {name "mintkit", version "1", chainId, the collection's address}); the buyer
// redeems it on-chain and pays.
const voucher = createVoucher({
  uid: 1n,
  price: PRICE, // in ETH (currency zero), to the primary-sale recipient (the owner); other fields default:
  // the next id, one token, the base-URI convention, anyone may redeem
  validUntil: BigInt(Math.floor(Date.now() / 1000) + 7 * 24 * 3600),
});
const signature = await signVoucher(owner, { voucher, contract: collection.address, chainId });
console.log(`\nowner signed voucher uid ${voucher.uid} (price ${formatEther(PRICE)} ETH) off-chain: ${short(signature)}`);

const ownerBalanceBefore = await publicClient.getBalance({ address: owner.account.address });
const redeemHash = await collection.write.redeem([voucher, owner.account.address, signature], {
  account: buyer.account,
  value: PRICE,
});
const [redeemed] = await mintedIds(redeemHash);
say(`buyer redeemed it: token #${redeemed} minted to the buyer`, redeemHash, (await receiptOf(redeemHash)).gasUsed);
const ownerGain = (await publicClient.getBalance({ address: owner.account.address })) - ownerBalanceBefore;
console.log(`  owner received ${formatEther(ownerGain)} ETH · ownerOf(${redeemed}) = ${await collection.read.ownerOf([redeemed!])}`);
console.log(`  voucher uid ${voucher.uid} spent: ${await collection.read.isVoucherRedeemed([voucher.uid])}`);

// 5. An ERC-1155 editions contract through the factory; mint 10 copies of a new id capped at 100.
const editionsHash = await factory.write.createEditions([
  {
    owner: owner.account.address,
    name: "mintkit Demo Editions",
    symbol: "MKDE",
    baseURI: `${BASE_URI}{id}.json`,
    contractURI: CONTRACT_URI,
    royaltyReceiver: owner.account.address,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress,
  },
  salt,
]);
const editionsCreated = parseEventLogs({ abi: factory.abi, logs: (await receiptOf(editionsHash)).logs, eventName: "EditionsCreated" });
const editions = await viem.getContractAt("MintkitEditions", editionsCreated[0]!.args.clone);
console.log("");
say(`created editions "mintkit Demo Editions" at ${editions.address}`, editionsHash, (await receiptOf(editionsHash)).gasUsed);

const editionHash = await editions.write.mint([collector.account.address, 1n, 10n, 100n, "0x"]);
say(`minted 10 copies of new id 1 (cap 100) to the collector`, editionHash, (await receiptOf(editionHash)).gasUsed);
console.log(
  `  balanceOf(collector, 1) = ${await editions.read.balanceOf([collector.account.address, 1n])} · ` +
    `maxSupply(1) = ${await editions.read.maxSupply([1n])} · uri(1) = ${await editions.read.uri([1n])}`,
);

console.log(`\ndone: collection ${getAddress(collection.address)}, editions ${getAddress(editions.address)}`);
