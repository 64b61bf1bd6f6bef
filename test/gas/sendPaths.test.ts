/**
 * The library's own send paths survive the chain moving between their estimate and their send. The sending
 * wallet is a local account (it signs, so its limit is fixed before `eth_sendRawTransaction`, as the CLI's
 * keystore accounts are); its transport lets another account's real transaction land on the chain just
 * before the library's transaction is submitted. Hardhat's EDR refuses a transaction that would run out of
 * gas at submission ("Transaction ran out of gas"): a bare estimate as the limit fails there.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { createWalletClient, custom, getAddress, parseEther, type Address, type Hash, type Hex, type PrivateKeyAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { writeAndWait } from "../../src/chain/index.js";
import { createVoucher, mintkitCollectionAbi, redeemVoucher, signVoucher, SLOT_OPENED_GAS, type Voucher } from "../../src/index.js";
import { collectionConfig } from "../factory/helpers.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, holder, rival] = [wallets[0]!, wallets[1]!, wallets[2]!];
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
