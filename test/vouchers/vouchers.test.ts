import { expect } from "chai";
import { readFile } from "node:fs/promises";
import { network } from "hardhat";
import { createWalletClient, http, keccak256, parseEther, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createVoucher, hashVoucher, signVoucher, isVoucherError, voucherTypes, type Voucher } from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";

/** The library's voucher definition against the contracts' (contracts/lazy/LazyMintVoucher.sol). */
describe("vouchers (library) against the contracts", () => {
  async function deploy() {
    const { viem } = await network.create();
    const [owner, buyer] = await viem.getWalletClients();
    const publicClient = await viem.getPublicClient();
    const chainId = await publicClient.getChainId();
    const collection = await viem.deployContract("MintkitCollection", [benchConfig(owner!.account.address)]);
    const editions = await viem.deployContract("MintkitEditions", [editionsConfig(owner!.account.address)]);
    return { viem, owner: owner!, buyer: buyer!, publicClient, chainId, collection, editions };
  }

  const someVouchers: Voucher[] = [
    createVoucher({ uid: 0n }, { allowFreeBearer: true }),
    createVoucher({
      to: "0x00000000000000000000000000000000000000aa",
      tokenId: 7n,
      quantity: 3n,
      uri: "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy",
      price: parseEther("0.05"),
      currency: "0x00000000000000000000000000000000000000bb",
      payee: "0x00000000000000000000000000000000000000cc",
      royaltyReceiver: "0x00000000000000000000000000000000000000dd",
      royaltyBps: 750n,
      maxSupply: 100n,
      validFrom: 1_700_000_000n,
      validUntil: 2n ** 64n - 1n,
      uid: 2n ** 256n - 1n,
    }, { allowFreeBearer: true }),
    createVoucher({ uid: 42n, uri: "ünïcödé 🎨 / long ".repeat(20) }, { allowFreeBearer: true }),
  ];

  it("hashes every voucher to the digest both token contracts compute", async () => {
    const { chainId, collection, editions } = await deploy();
    for (const voucher of someVouchers) {
      for (const contract of [collection, editions]) {
        const onChain = await contract.read.voucherDigest([voucher]);
        expect(hashVoucher({ voucher, contract: contract.address, chainId })).to.equal(onChain);
      }
    }
  });

  it("declares the EIP-712 type string the Solidity library hashes into TYPEHASH", async () => {
    const source = await readFile(new URL("../../contracts/lazy/LazyMintVoucher.sol", import.meta.url), "utf8");
    const solidityType = /bytes internal constant TYPE =\s*"([^"]+)"/.exec(source)?.[1];
    const encoded = `Voucher(${voucherTypes.Voucher.map((f) => `${f.type} ${f.name}`).join(",")})`;
    expect(solidityType).to.be.a("string");
    expect(encoded).to.equal(solidityType);
  });

  it("signs with a wallet client's account, and the collection mints and forwards the payment", async () => {
    const { owner, buyer, publicClient, chainId, collection } = await deploy();
    const voucher = createVoucher({ uid: 1n, price: parseEther("0.01") });
    const signature = await signVoucher(owner, { voucher, contract: collection.address, chainId });
    const before = await publicClient.getBalance({ address: owner.account.address });
    await collection.write.redeem([voucher, owner.account.address, signature], {
      account: buyer.account,
      value: parseEther("0.01"),
    });
    expect((await collection.read.ownerOf([1n])).toLowerCase()).to.equal(buyer.account.address.toLowerCase());
    expect(await publicClient.getBalance({ address: owner.account.address })).to.equal(before + parseEther("0.01"));
  });

  it("signs with an explicit local account (a minter that is not the client's account)", async () => {
    const { viem, owner, buyer, chainId, editions } = await deploy();
    const minter = privateKeyToAccount(keccak256(toHex("mintkit test minter")));
    await editions.write.grantRole([await editions.read.MINTER_ROLE(), minter.address], { account: owner.account });
    const voucher = createVoucher({ uid: 5n, tokenId: 9n, quantity: 2n, maxSupply: 10n }, { allowFreeBearer: true });
    const signature = await signVoucher(buyer, { voucher, contract: editions.address, chainId, account: minter });
    await editions.write.redeem([voucher, minter.address, signature], { account: buyer.account });
    expect(await editions.read.balanceOf([buyer.account.address, 9n])).to.equal(2n);
    await viem.assertions.revertWithCustomError(
      editions.write.redeem([voucher, minter.address, signature], { account: buyer.account }),
      editions,
      "VoucherAlreadyRedeemed",
    );
  });

  it("refuses to sign with no account, with a typed error that says what to pass", async () => {
    const { chainId, collection } = await deploy();
    const accountless = createWalletClient({ transport: http("http://127.0.0.1:9") }); // never reached
    try {
      await signVoucher(accountless, { voucher: createVoucher({ uid: 1n }, { allowFreeBearer: true }), contract: collection.address, chainId });
      expect.fail("signVoucher should have thrown");
    } catch (error) {
      expect(isVoucherError(error, "VOUCHER_NO_SIGNER")).to.equal(true);
      expect((error as Error).message).to.match(/Pass `account`/);
    }
  });
});
