/**
 * Every operation mintkit estimates, table-driven: estimate by simulation, then send the very transaction
 * with the estimate's gasLimit (minimum + headroom) and hold the estimate within 2% of the receipt's
 * gasUsed, gasUsed within the limit, and the minimal limit within a few thousand gas of gasUsed. The rows
 * run in order on one chain (each estimate is taken on the state its transaction then runs on).
 */
import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, custom, keccak256, parseEther, toHex, type Address, type Hash } from "viem";
import {
  estimateAirdropGas,
  estimateDeployGas,
  estimateEditionsMintGas,
  estimateMintBatchGas,
  estimateMintGas,
  estimateRedeemGas,
  estimateTransferGas,
  estimateCredentialIssueGas,
  estimateCredentialRevokeGas,
  estimateCredentialReissueGas,
  estimateCancelVouchersGas,
  credentialRegistryAbi,
  isGasError,
  mintkitCollectionAbi,
  mintkitCollectionBytecode,
  mintkitEditionsAbi,
  mintkitEditionsBytecode,
  mintkitFactoryAbi,
  sampleRecipients,
  createVoucher,
  signVoucher,
  GAS_OPERATIONS,
  type GasEstimate,
  type GasOperation,
} from "../../src/index.js";
import { collectionConfig, editionsConfig } from "../factory/helpers.js";
import { listingRows, type GasRow } from "./listingRows.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, buyer, holder, other] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!];
const O = owner.account.address;
const chainId = await publicClient.getChainId();

// Contracts every row needs: direct deploys plus implementations and a factory for the clone rows.
const collection = await viem.deployContract("MintkitCollection", [collectionConfig(O)]);
const editions = await viem.deployContract("MintkitEditions", [editionsConfig(O)]);
const collectionImpl = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Implementation")]);
const editionsImpl = await viem.deployContract("MintkitEditions", [editionsConfig(O, "Implementation")]);
const registryImpl = await viem.deployContract("CredentialRegistry", [{ owner: O, name: "Implementation", symbol: "CRED", baseURI: "", contractURI: "" }]);
const factory = await viem.deployContract("MintkitFactory", [collectionImpl.address, editionsImpl.address, registryImpl.address]);
const C = collection.address;
const E = editions.address;
// A credential registry with one schema; the owner issues.
const registry = await viem.deployContract("CredentialRegistry", [{ owner: O, name: "Gas Credentials", symbol: "GCRED", baseURI: "", contractURI: "" }]);
await registry.write.registerSchema(["KYC", ["bool age_over_18", "string nationality"]]);
const R = registry.address;
const ROOT = keccak256(toHex("claims root"));
let issuedToHolder = 0n;

/** `send` sends the estimated transaction with `gas` as its limit (or, for a library send path, its own limit). */
type Row = GasRow;

let uid = 1_000n;
const nextUid = () => ++uid;
let cloneAddress: Address | undefined;

const rows: Row[] = [
  {
    name: "deploy a collection directly",
    operation: "deployCollection",
    estimate: () => estimateDeployGas(publicClient, { kind: "collection", config: collectionConfig(O, "Direct"), account: O }),
    send: (gas) => owner.deployContract({ abi: mintkitCollectionAbi, bytecode: mintkitCollectionBytecode, args: [collectionConfig(O, "Direct")], gas }),
  },
  {
    name: "deploy an editions contract directly",
    operation: "deployEditions",
    estimate: () => estimateDeployGas(publicClient, { kind: "editions", config: editionsConfig(O, "Direct"), account: O }),
    send: (gas) => owner.deployContract({ abi: mintkitEditionsAbi, bytecode: mintkitEditionsBytecode, args: [editionsConfig(O, "Direct")], gas }),
  },
  {
    name: "deploy a collection through the factory (clone)",
    operation: "deployCollection",
    estimate: () =>
      estimateDeployGas(publicClient, { kind: "collection", config: collectionConfig(O, "Clone"), factory: factory.address, salt: keccak256(toHex("c1")), account: O }),
    send: async (gas) => {
      cloneAddress = await factory.read.predictCollectionAddress([O, keccak256(toHex("c1"))]);
      return owner.writeContract({ address: factory.address, abi: mintkitFactoryAbi, functionName: "createCollection", args: [collectionConfig(O, "Clone"), keccak256(toHex("c1"))], gas });
    },
  },
  {
    name: "deploy an editions contract through the factory (clone)",
    operation: "deployEditions",
    estimate: () =>
      estimateDeployGas(publicClient, { kind: "editions", config: editionsConfig(O, "Clone"), factory: factory.address, salt: keccak256(toHex("e1")), account: O }),
    send: (gas) =>
      owner.writeContract({ address: factory.address, abi: mintkitFactoryAbi, functionName: "createEditions", args: [editionsConfig(O, "Clone"), keccak256(toHex("e1"))], gas }),
  },
  {
    name: "mint to a fresh holder",
    operation: "mint",
    estimate: () => estimateMintGas(publicClient, { collection: C, to: holder.account.address, account: O }),
    send: (gas) => collection.write.mint([holder.account.address], { gas }),
  },
  {
    name: "mint to a holder who has tokens",
    operation: "mint",
    estimate: () => estimateMintGas(publicClient, { collection: C, to: holder.account.address, account: owner.account }),
    send: (gas) => collection.write.mint([holder.account.address], { gas }),
  },
  {
    name: "mint on a factory clone",
    operation: "mint",
    estimate: () => estimateMintGas(publicClient, { collection: cloneAddress!, to: other.account.address, account: O }),
    send: (gas) => owner.writeContract({ address: cloneAddress!, abi: mintkitCollectionAbi, functionName: "mint", args: [other.account.address], gas }),
  },
  {
    name: "mintWithURI",
    operation: "mintWithURI",
    estimate: () => estimateMintGas(publicClient, { collection: C, to: other.account.address, account: O, uri: "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy" }),
    send: (gas) => collection.write.mintWithURI([other.account.address, "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy"], { gas }),
  },
  {
    name: "mintBatch of 1",
    operation: "mintBatch",
    estimate: () => estimateMintBatchGas(publicClient, { collection: C, to: buyer.account.address, quantity: 1, account: O }),
    send: async (gas) => collection.write.mintBatch([buyer.account.address, 1n, await collection.read.nextTokenId()], { gas }),
  },
  {
    name: "mintBatch of 100",
    operation: "mintBatch",
    estimate: () => estimateMintBatchGas(publicClient, { collection: C, to: holder.account.address, quantity: 100n, account: O }),
    send: async (gas) => collection.write.mintBatch([holder.account.address, 100n, await collection.read.nextTokenId()], { gas }),
  },
  {
    name: "mintBatch of 3,000",
    operation: "mintBatch",
    estimate: () => estimateMintBatchGas(publicClient, { collection: C, to: sampleRecipients(1, "batch")[0]!, quantity: 3_000n, account: O }),
    send: async (gas) => collection.write.mintBatch([sampleRecipients(1, "batch")[0]!, 3_000n, await collection.read.nextTokenId()], { gas }),
  },
  {
    name: "airdrop to 25 fresh holders",
    operation: "airdrop",
    estimate: () => estimateAirdropGas(publicClient, { collection: C, recipients: sampleRecipients(25), account: O }),
    send: async (gas) => collection.write.airdrop([sampleRecipients(25), await collection.read.nextTokenId()], { gas }),
  },
  {
    name: "transfer the first token of an untouched batch (id deep inside it)",
    operation: "transfer",
    estimate: () => estimateTransferGas(publicClient, { collection: C, from: holder.account.address, to: other.account.address, tokenId: 60n }),
    send: (gas) => holder.writeContract({ address: C, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [holder.account.address, other.account.address, 60n], gas }),
  },
  {
    name: "transfer a single-minted token",
    operation: "transfer",
    estimate: () => estimateTransferGas(publicClient, { collection: C, from: holder.account.address, to: buyer.account.address, tokenId: 1n, account: holder.account }),
    send: (gas) => holder.writeContract({ address: C, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [holder.account.address, buyer.account.address, 1n], gas }),
  },
  ...redeemRows(),
  {
    name: "ERC-1155 mint of a new id",
    operation: "editionsMintNew",
    estimate: () => estimateEditionsMintGas(publicClient, { editions: E, to: holder.account.address, id: 7n, amount: 10, maxSupply: 100n, account: O }),
    send: (gas) => editions.write.mint([holder.account.address, 7n, 10n, 100n, "0x"], { gas }),
  },
  {
    name: "ERC-1155 mint of an existing id",
    operation: "editionsMintExisting",
    estimate: () => estimateEditionsMintGas(publicClient, { editions: E, to: other.account.address, id: 7n, amount: 5n, account: O }),
    send: (gas) => editions.write.mint([other.account.address, 7n, 5n, 0n, "0x"], { gas }),
  },
  {
    name: "ERC-1155 mint of the next id (no id given)",
    operation: "editionsMintNew",
    estimate: () => estimateEditionsMintGas(publicClient, { editions: E, to: holder.account.address, amount: 1, account: O }),
    send: async (gas) => editions.write.mint([holder.account.address, await editions.read.nextTokenId(), 1n, 0n, "0x"], { gas }),
  },
  ...credentialRows(),
  {
    name: "cancel two vouchers opening a new bitmap word",
    operation: "cancelVouchers",
    estimate: () => estimateCancelVouchersGas(publicClient, { contract: C, uids: [9_000n, 9_001n], account: O }),
    send: (gas) => collection.write.cancelVouchers([[9_000n, 9_001n]], { gas }),
  },
  {
    name: "cancel a voucher in a used word (ERC-1155)",
    operation: "cancelVouchers",
    estimate: () => estimateCancelVouchersGas(publicClient, { contract: E, uids: [uid + 1n], account: O }),
    send: (gas) => editions.write.cancelVouchers([[uid + 1n]], { gas }),
  },
  ...listingRows({ viem, publicClient, wallets }),
];

/** Credential issue (first-time and existing holder), revoke and reissue, sent by the owner (an issuer). */
function credentialRows(): Row[] {
  const issue = (who: () => Address): Pick<Row, "estimate" | "send"> => ({
    estimate: () => estimateCredentialIssueGas(publicClient, { registry: R, to: who(), schemaId: 1, claimsRoot: ROOT, expiry: 0, burnAuth: 0, account: O }),
    send: async (gas) => {
      const hash = await registry.write.issue([who(), 1, ROOT, 0, 0], { gas });
      issuedToHolder = await issuedId(hash);
      return hash;
    },
  });
  return [
    { name: "issue a credential to a first-time holder", operation: "credentialIssue", ...issue(() => holder.account.address) },
    { name: "issue a credential to a holder who has one", operation: "credentialIssue", ...issue(() => holder.account.address) },
    {
      name: "revoke a credential with a reason",
      operation: "credentialRevoke",
      estimate: () => estimateCredentialRevokeGas(publicClient, { registry: R, tokenId: issuedToHolder, reason: "left the company", account: O }),
      send: (gas) => registry.write.revoke([issuedToHolder, "left the company"], { gas }),
    },
    {
      name: "reissue a credential to a new wallet",
      operation: "credentialReissue",
      estimate: async () => {
        issuedToHolder = await issuedId(await registry.write.issue([holder.account.address, 1, ROOT, 0, 0]));
        return estimateCredentialReissueGas(publicClient, { registry: R, tokenId: issuedToHolder, newHolder: other.account.address, account: O });
      },
      send: (gas) => owner.writeContract({ address: R, abi: credentialRegistryAbi, functionName: "reissue", args: [issuedToHolder, other.account.address], gas }),
    },
  ];
}

/** The credential id an issue transaction minted (its Transfer(0, holder, id) log). */
async function issuedId(hash: Hash): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return BigInt(receipt.logs.find((l) => l.topics.length === 4)!.topics[3]!);
}

/** Voucher redeems, each by the buyer (who pays), on the collection and the editions contract. */
function redeemRows(): Row[] {
  const cases = [
    { name: "redeem a free base-URI voucher (ERC-721)", contract: () => C, fields: {} },
    { name: "redeem a priced voucher with its own URI and royalty (ERC-721)", contract: () => C, fields: { price: parseEther("0.01"), uri: "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy", royaltyReceiver: O, royaltyBps: 250n } },
    { name: "redeem a voucher of 5 tokens (ERC-721)", contract: () => C, fields: { quantity: 5n, price: parseEther("0.001") } },
    { name: "redeem a voucher creating an ERC-1155 id", contract: () => E, fields: { tokenId: 0n, quantity: 3n, maxSupply: 50n, price: parseEther("0.002") } },
  ];
  return cases.map((c) => {
    let prepared: { voucher: ReturnType<typeof createVoucher>; signature: `0x${string}` } | undefined;
    const prepare = async () => {
      const voucher = createVoucher({ uid: nextUid(), ...c.fields }, { allowFreeBearer: true });
      const signature = await signVoucher(owner, { voucher, contract: c.contract(), chainId });
      prepared = { voucher, signature };
      return prepared;
    };
    return {
      name: c.name,
      operation: "redeem" as const,
      estimate: async () => {
        const { voucher, signature } = await prepare();
        return estimateRedeemGas(publicClient, { contract: c.contract(), voucher, signer: O, signature, account: buyer.account.address });
      },
      send: (gas: bigint) =>
        buyer.writeContract({
          address: c.contract(),
          abi: c.contract() === E ? mintkitEditionsAbi : mintkitCollectionAbi,
          functionName: "redeem",
          args: [prepared!.voucher, O, prepared!.signature],
          value: prepared!.voucher.price * prepared!.voucher.quantity,
          gas,
        }),
    };
  });
}

const deviations: { name: string; estimate: bigint; limit: bigint; used: bigint; pct: number; headroom: bigint; minimum: bigint }[] = [];

describe("gas estimates vs receipts (every operation)", function () {
  for (const row of rows) {
    it(`${row.name}: estimate within 2% of gasUsed`, async function () {
      const estimate = await row.estimate();
      expect(estimate.operation).to.equal(row.operation);
      expect(estimate.gas > 21_000n).to.equal(true);
      expect(estimate.gasSource).to.equal("trace"); // Hardhat's EDR answers debug_traceCall
      expect(estimate.minimumGasLimit >= estimate.gas).to.equal(true);
      expect(estimate.gasLimit).to.equal(estimate.minimumGasLimit + estimate.headroom.gas);
      expect(estimate.worstCaseCost?.wei).to.equal(estimate.gasLimit * estimate.worstCaseCost!.maxFeePerGas);
      for (const name of row.cases ?? []) expect(estimate.cases.map((c) => c.case), `case ${name}`).to.include(name);
      const hash = await row.send(estimate.gasLimit, estimate); // the limit to send with
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).to.equal("success");
      expect(receipt.gasUsed <= estimate.gasLimit).to.equal(true);
      const pct = (Math.abs(Number(estimate.gas - receipt.gasUsed)) / Number(receipt.gasUsed)) * 100;
      deviations.push({ name: row.name, estimate: estimate.gas, limit: estimate.gasLimit, used: receipt.gasUsed, pct, headroom: estimate.headroom.gas, minimum: estimate.minimumGasLimit });
      expect(pct, `estimate ${estimate.gas}, used ${receipt.gasUsed}`).to.be.lessThan(2);
      // The minimal limit alone (what a node without tracing gives) is never more than a few thousand gas above,
      // plus the refunds of slots the transaction clears (paid back after execution: the limit must cover them).
      const refunds = 4_800 * (row.clearedSlots ?? 0);
      expect(Number(estimate.minimumGasLimit - receipt.gasUsed)).to.be.at.most(Math.max(2_500, Number(receipt.gasUsed) / 40) + refunds);
    });
  }

  it("covers every operation mintkit names", function () {
    expect(new Set(rows.map((r) => r.operation))).to.deep.equal(new Set(GAS_OPERATIONS));
  });

  after(function () {
    if (deviations.length === 0) return;
    const max = deviations.reduce((m, d) => (d.pct > m.pct ? d : m));
    const limitPct = (d: (typeof deviations)[number]) => (Number(d.minimum - d.used) / Number(d.used)) * 100;
    const maxLimit = deviations.reduce((m, d) => (limitPct(d) > limitPct(m) ? d : m));
    console.log(`      max minimal-limit-over-gasUsed ${limitPct(maxLimit).toFixed(3)}% (${maxLimit.name})`);
    for (const d of deviations) console.log(`      ${d.name}: est ${d.estimate} used ${d.used} (${d.pct.toFixed(3)}%), limit ${d.limit} (headroom ${d.headroom})`);
    console.log(`      max deviation ${max.pct.toFixed(3)}% (${max.name})`);
  });
});

describe("a node without debug_traceCall or eth_createAccessList", function () {
  it("falls back to the minimal gas limit (gasSource \"limit\"), an upper bound of gasUsed", async function () {
    const plain = createPublicClient({
      chain: publicClient.chain,
      transport: custom({
        request: async ({ method, params }: { method: string; params?: unknown }) => {
          if (method === "debug_traceCall" || method === "eth_createAccessList") {
            // What a node without these methods answers: JSON-RPC -32601, method not found.
            throw Object.assign(new Error(`the method ${method} does not exist/is not available`), { code: -32601 });
          }
          return publicClient.request({ method, params } as never);
        },
      }),
    });
    const estimate = await estimateMintGas(plain, { collection: C, to: sampleRecipients(1, "fallback")[0]!, account: O });
    expect(estimate.gasSource).to.equal("limit");
    expect(estimate.gas).to.equal(estimate.minimumGasLimit);
    const hash = await collection.write.mint([sampleRecipients(1, "fallback")[0]!], { gas: estimate.minimumGasLimit });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.gasUsed).to.equal(estimate.gas); // no inner call: the minimal limit is the gas used
  });
});

describe("estimate refusals (typed GasError)", function () {
  it("a mint by an account without the minter role", async function () {
    const err = await estimateMintGas(publicClient, { collection: C, to: O, account: buyer.account.address }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_NOT_MINTER"), String(err)).to.equal(true);
  });

  it("a spent voucher: the contract's error by name", async function () {
    const voucher = createVoucher({ uid: 1n }, { allowFreeBearer: true });
    const signature = await signVoucher(owner, { voucher, contract: C, chainId });
    await buyer.writeContract({ address: C, abi: mintkitCollectionAbi, functionName: "redeem", args: [voucher, O, signature] });
    const err = await estimateRedeemGas(publicClient, { contract: C, voucher, signer: O, signature, account: buyer.account.address }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_SIMULATION_REVERTED"), String(err)).to.equal(true);
    expect((err as { details: { errorName?: string } }).details.errorName).to.equal("VoucherAlreadyRedeemed");
  });

  it("a deploy config the deploy would refuse (royalty over the bound), before any simulation", async function () {
    const err = await estimateDeployGas(publicClient, {
      kind: "collection",
      config: { ...collectionConfig(O), royaltyBps: 5_000n },
      account: O,
    }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_INVALID_PARAMETER"), String(err)).to.equal(true);
    expect((err as { details: { parameter?: string } }).details.parameter).to.equal("config.royaltyBps");
  });

  it("a transfer of a token the sender does not own", async function () {
    const err = await estimateTransferGas(publicClient, { collection: C, from: buyer.account.address, to: O, tokenId: 60n }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_SIMULATION_REVERTED"), String(err)).to.equal(true);
    expect((err as { details: { errorName?: string } }).details.errorName).to.equal("ERC721IncorrectOwner");
  });

  it("bad input: empty airdrop, zero quantity, not an editions contract", async function () {
    const empty = await estimateAirdropGas(publicClient, { collection: C, recipients: [], account: O }).catch((e: unknown) => e);
    expect(isGasError(empty, "GAS_INVALID_PARAMETER")).to.equal(true);
    const zero = await estimateMintBatchGas(publicClient, { collection: C, to: O, quantity: 0, account: O }).catch((e: unknown) => e);
    expect(isGasError(zero, "GAS_INVALID_PARAMETER")).to.equal(true);
    const notEditions = await estimateEditionsMintGas(publicClient, { editions: sampleRecipients(1)[0]!, to: O, amount: 1, account: O }).catch((e: unknown) => e);
    expect(isGasError(notEditions, "GAS_INVALID_PARAMETER")).to.equal(true);
  });
});

describe("estimateRedeemGas says which storage case a voucher is", function () {
  it("explicit ERC-721 id, uid in a used bitmap word, uid opening a new word: each named, and the new word costs ~17k more", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Cases")]);
    const redeem = async (fields: Parameters<typeof createVoucher>[0]) => {
      const voucher = createVoucher({ to: buyer.account.address, ...fields });
      const signature = await signVoucher(owner, { voucher, contract: c.address, chainId });
      return { voucher, signature, signer: O, contract: c.address, account: buyer.account };
    };
    const warm = await redeem({ uid: 0n });
    await c.write.redeem([warm.voucher, O, warm.signature], { account: buyer.account });
    await c.write.reserve([5n]);
    const used = await estimateRedeemGas(publicClient, await redeem({ uid: 1n }));
    const fresh = await estimateRedeemGas(publicClient, await redeem({ uid: 256n }));
    const explicit = await estimateRedeemGas(publicClient, await redeem({ uid: 512n, tokenId: 3n }));
    expect([used.redeemCase, fresh.redeemCase, explicit.redeemCase]).to.deep.equal(["uid-used-word", "uid-new-word", "explicit-id"]);
    expect(Number(fresh.gas - used.gas)).to.be.within(16_000, 18_000);
    // an editions voucher always spends its uid
    const e = await viem.deployContract("MintkitEditions", [editionsConfig(O, "Cases")]);
    const voucher = createVoucher({ to: buyer.account.address, uid: 300n, tokenId: 7n });
    const signature = await signVoucher(owner, { voucher, contract: e.address, chainId });
    const editionsCase = await estimateRedeemGas(publicClient, { voucher, signature, signer: O, contract: e.address, account: buyer.account });
    expect(editionsCase.redeemCase).to.equal("uid-new-word");
  });
});
