/**
 * `mintkit voucher sign|verify|redeem|cancel`: the real binary against a real local chain (Hardhat's JSON-RPC
 * server). Run `npm run build` first.
 */
import { expect } from "chai";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, createWalletClient, erc20Abi, getAddress, http, parseEther, zeroAddress, type Abi, type Address, type Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/index.js";
import { repoRoot, runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

// Hardhat's well-known dev accounts 0 (the creator) and 1 (the buyer).
const creator = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const BUYER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const buyer = privateKeyToAccount(BUYER_KEY);

async function deployCollection(rpcUrl: string): Promise<Address> {
  const wallet = createWalletClient({ account: creator, transport: http(rpcUrl) });
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const chainId = await publicClient.getChainId();
  const hash = await wallet.deployContract({
    abi: mintkitCollectionAbi,
    bytecode: mintkitCollectionBytecode,
    chain: { id: chainId, name: "local", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } },
    args: [
      {
        owner: creator.address,
        name: "Vouchers",
        symbol: "VCH",
        baseURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/",
        contractURI: "",
        maxSupply: 100n,
        royaltyReceiver: creator.address,
        royaltyBps: 500n,
        primarySaleRecipient: zeroAddress,
      },
    ],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return getAddress(receipt.contractAddress!);
}

/** The `--json` error object on stderr (pretty-printed, so parsed whole). */
function errorOf(run: { stderr: string }): { code: string; message: string; hint?: string; details?: unknown; exitCode: number } {
  return (JSON.parse(run.stderr.slice(run.stderr.indexOf("{"))) as { error: ReturnType<typeof errorOf> }).error;
}

type SignOutput = { file: string; uid: string; signer: string; contract: string; chainId: number };
type VerifyOutput = { valid: boolean; problems: { code: string; message: string; hint: string }[] };
type RedeemOutput = { transactionHash: string; tokenIds: string[]; recipient: string; value: string; gasUsed: string };

describe("mintkit voucher (CLI)", function () {
  this.timeout(120_000);
  let chain: Chain;
  let collection: Address;
  let cwd: string;
  let firstUid: bigint;
  const cli = (args: string[], options: { cwd?: string } = {}) =>
    runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd: options.cwd ?? cwd });

  before(async function () {
    chain = await startChain();
    collection = await deployCollection(chain.rpcUrl);
    cwd = tempDir();
  });
  after(async function () {
    await chain.close();
  });

  it("signs a priced voucher to a file, verifies it (exit 0), redeems it from another account, then refuses the replay", async function () {
    const sign = await cli(["--json", "voucher", "sign", "--collection", collection, "--quantity", "2", "--price", "0.01eth", "--valid-until", "+1d", "--out", "v1.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const signed = sign.json<SignOutput>();
    expect(signed).to.include({ file: "v1.json", signer: creator.address, contract: collection, chainId: chain.chainId });
    // A fresh counter starts at a random bitmap word (a multiple of 256, far above small manual uids).
    firstUid = BigInt(signed.uid);
    expect(firstUid % 256n).to.equal(0n);
    expect(firstUid > 1n << 200n).to.equal(true);
    const file = JSON.parse(await readFile(path.join(cwd, "v1.json"), "utf8")) as { type: string; version: number; voucher: { price: string } };
    expect(file.type).to.equal("mintkit/signed-voucher");
    expect(file.voucher.price).to.equal(parseEther("0.01").toString());

    const verify = await cli(["voucher", "verify", "v1.json"]);
    expect(verify.code, verify.stderr).to.equal(0);
    expect(verify.stdout.startsWith(`Valid: voucher uid ${firstUid} `)).to.equal(true);

    const redeem = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "v1.json"]);
    expect(redeem.code, redeem.stderr).to.equal(0);
    const redeemed = redeem.json<RedeemOutput>();
    expect(redeemed.tokenIds).to.deep.equal(["1", "2"]);
    expect(redeemed.recipient).to.equal(buyer.address);
    expect(redeemed.value).to.equal(parseEther("0.02").toString());
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const owner = await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [2n] });
    expect(owner).to.equal(buyer.address);

    const again = await cli(["--json", "voucher", "verify", "v1.json"]);
    expect(again.code).to.equal(1);
    expect(again.json<VerifyOutput>().problems.map((p) => p.code)).to.deep.equal(["VOUCHER_ALREADY_REDEEMED"]);
    const replay = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "v1.json"]);
    expect(replay.code).to.equal(5);
    expect(errorOf(replay).code).to.equal("VOUCHER_ALREADY_REDEEMED");
    expect(errorOf(replay).hint).to.match(/new uid/);
  });

  it("counts uids per contract (consecutive: the next one is first + 1), prints the file without --out, and never overwrites without --force", async function () {
    const printed = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address]);
    expect(printed.code, printed.stderr).to.equal(0);
    const parsed = JSON.parse(printed.stdout) as { voucher: { uid: string } };
    expect(parsed.voucher.uid).to.equal((firstUid + 1n).toString());
    const first = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--out", "v3.json"]);
    expect(first.code, first.stderr).to.equal(0);
    const before = await readFile(path.join(cwd, "v3.json"), "utf8");
    expect(JSON.parse(before).voucher.uid).to.equal((firstUid + 2n).toString());
    const clash = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--out", "v3.json"]);
    expect(clash.code).to.equal(2);
    expect(clash.stderr).to.match(/already exists[\s\S]*--force/);
    expect(await readFile(path.join(cwd, "v3.json"), "utf8")).to.equal(before);
  });

  it("two fresh data folders signing for the same contract get different uids (random word bases); each counts up by one", async function () {
    const uids: bigint[][] = [];
    for (const dir of ["machine-a", "machine-b"]) {
      const mine: bigint[] = [];
      for (let i = 0; i < 2; i++) {
        const sign = await cli(["--json", "--data-dir", dir, "voucher", "sign", "--collection", collection, "--to", buyer.address, "--out", `${dir}-${i}.json`]);
        expect(sign.code, sign.stderr).to.equal(0);
        mine.push(BigInt(sign.json<SignOutput>().uid));
      }
      const counter = JSON.parse(await readFile(path.join(cwd, dir, "vouchers", `${chain.chainId}-${collection.toLowerCase()}.json`), "utf8")) as { nextUid: string };
      expect(counter.nextUid).to.equal((mine[1]! + 1n).toString());
      uids.push(mine);
    }
    const [a, b] = uids as [bigint[], bigint[]];
    expect(a[1]).to.equal(a[0]! + 1n);
    expect(b[1]).to.equal(b[0]! + 1n);
    expect(a[0]! / 256n).to.not.equal(b[0]! / 256n); // different bitmap words: no collision
    expect(a[0]! / 256n).to.not.equal(firstUid / 256n);
  });

  it("an ERC-20 price: without allowance the error says to approve (or pass --approve); with --approve it is paid", async function () {
    const artifact = JSON.parse(
      await readFile(path.join(repoRoot, "artifacts/contracts/test/mocks/MockERC20.sol/MockERC20.json"), "utf8"),
    ) as { abi: Abi; bytecode: Hex };
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const localChain = { id: chain.chainId, name: "local", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [chain.rpcUrl] } } };
    const wallet = createWalletClient({ account: creator, chain: localChain, transport: http(chain.rpcUrl) });
    const deployed = await publicClient.waitForTransactionReceipt({
      hash: await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode }),
    });
    const token = getAddress(deployed.contractAddress!);
    const erc20 = [...erc20Abi, { type: "function", name: "mint", stateMutability: "nonpayable", inputs: [{ name: "to", type: "address" }, { name: "amount", type: "uint256" }], outputs: [] }] as const;
    await publicClient.waitForTransactionReceipt({
      hash: await wallet.writeContract({ address: token, abi: erc20, functionName: "mint", args: [buyer.address, parseEther("10")] }),
    });

    const sign = await cli(["voucher", "sign", "--collection", collection, "--price", "2.5token", "--currency", token, "--uid", "400", "--out", "erc20.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    expect(sign.stdout).to.contain(`2500000000000000000 of ${token} each`);
    const unapproved = await cli(["--dev-account", "1", "voucher", "redeem", "erc20.json"]);
    expect(unapproved.code).to.not.equal(0);
    expect(unapproved.stderr).to.contain("Code: VOUCHER_INSUFFICIENT_ALLOWANCE");
    expect(unapproved.stderr).to.match(/Hint: Approve first: call approve\(.*--approve/);
    const approved = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "erc20.json", "--approve"]);
    expect(approved.code, approved.stderr).to.equal(0);
    expect(approved.json<RedeemOutput>().value).to.equal("0");
    const paid = await publicClient.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [creator.address] });
    expect(paid).to.equal(parseEther("2.5"));
  });

  it("signs for an ERC-1271 contract wallet (--wallet): the wallet is the signer, verified and redeemed through ERC-1271", async function () {
    const artifact = JSON.parse(
      await readFile(path.join(repoRoot, "artifacts/contracts/test/mocks/MockERC1271Wallet.sol/MockERC1271Wallet.json"), "utf8"),
    ) as { abi: Abi; bytecode: Hex };
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const localChain = { id: chain.chainId, name: "local", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [chain.rpcUrl] } } };
    const owner = createWalletClient({ account: creator, chain: localChain, transport: http(chain.rpcUrl) });
    // The wallet accepts signatures by dev account 2's key; the collection's owner makes the wallet a minter.
    const keyHolder = privateKeyToAccount("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    const deployed = await publicClient.waitForTransactionReceipt({
      hash: await owner.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [keyHolder.address, false] }),
    });
    const wallet = getAddress(deployed.contractAddress!);
    const minterRole = await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "MINTER_ROLE" });
    await publicClient.waitForTransactionReceipt({
      hash: await owner.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "grantRole", args: [minterRole, wallet] }),
    });

    const sign = await cli(["--json", "--dev-account", "2", "voucher", "sign", "--collection", collection, "--wallet", wallet, "--to", buyer.address, "--uid", "500", "--out", "wallet.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    expect(sign.json<SignOutput>().signer).to.equal(wallet);
    const verify = await cli(["voucher", "verify", "wallet.json"]);
    expect(verify.code, verify.stdout + verify.stderr).to.equal(0);
    const redeem = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "wallet.json"]);
    expect(redeem.code, redeem.stderr).to.equal(0);
    expect(redeem.json<RedeemOutput>().recipient).to.equal(buyer.address);
  });

  it("a wrong ETH value is refused before sending: VOUCHER_WRONG_PAYMENT, exit 5", async function () {
    const sign = await cli(["voucher", "sign", "--collection", collection, "--price", "0.01eth", "--uid", "100", "--out", "priced.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const r = await cli(["--dev-account", "1", "voucher", "redeem", "priced.json", "--value", "0.001eth"]);
    expect(r.code).to.equal(5);
    expect(r.stderr).to.match(/Send exactly 10000000000000000 wei/);
    expect(r.stderr).to.contain("Code: VOUCHER_WRONG_PAYMENT");
  });

  it("a tampered file fails verification with the problem listed (exit 1), and cannot be redeemed", async function () {
    const sign = await cli(["voucher", "sign", "--collection", collection, "--price", "1eth", "--uid", "200", "--out", "t.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const file = JSON.parse(await readFile(path.join(cwd, "t.json"), "utf8")) as { voucher: { price: string } };
    file.voucher.price = "1";
    await writeFile(path.join(cwd, "tampered.json"), JSON.stringify(file));
    const verify = await cli(["voucher", "verify", "tampered.json"]);
    expect(verify.code).to.equal(1);
    expect(verify.stdout).to.match(/^Invalid: voucher uid 200 would be refused \(1 problem\)/);
    expect(verify.stdout).to.contain("(VOUCHER_INVALID_SIGNATURE)");
    const redeem = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "tampered.json"]);
    expect(redeem.code).to.equal(5);
    expect(errorOf(redeem).code).to.equal("VOUCHER_INVALID_SIGNATURE");
  });

  it("an expired or foreign voucher is refused at signing (nothing written), and a foreign-chain file fails on another chain", async function () {
    const expired = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--valid-until", "2001-01-01T00:00:00Z", "--out", "expired.json"]);
    expect(expired.code).to.equal(2);
    expect(expired.stderr).to.contain("CLI_INVALID_TIME");
    expect(expired.stderr).to.contain("is not in the future");
    expect(existsSync(path.join(cwd, "expired.json"))).to.equal(false);
    const notMinter = await cli(["--dev-account", "2", "voucher", "sign", "--collection", collection, "--to", buyer.address, "--out", "nm.json"]);
    expect(notMinter.code).to.not.equal(0);
    expect(notMinter.stderr).to.contain("VOUCHER_SIGNER_NOT_MINTER");
    expect(existsSync(path.join(cwd, "nm.json"))).to.equal(false);

    const sign = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--uid", "300", "--out", "local.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const other = await startChain({ chainId: 999 });
    try {
      const verify = await runCli(["--rpc-url", other.rpcUrl, "--json", "voucher", "verify", "local.json"], { cwd });
      expect(verify.code).to.equal(2); // a file for another chain is wrong input, not a verdict
      expect(verify.json<VerifyOutput>().problems.map((p) => p.code)).to.include("VOUCHER_WRONG_CHAIN");
      const redeem = await runCli(
        ["--rpc-url", other.rpcUrl, "--json", "voucher", "redeem", "local.json"],
        { cwd, env: { MINTKIT_PRIVATE_KEY: generatePrivateKey() } }, // not a dev key: those are refused on chain 999
      );
      expect(redeem.code).to.not.equal(0);
      expect(errorOf(redeem).code).to.equal("VOUCHER_WRONG_CHAIN");
    } finally {
      await other.close();
    }
  });

  it("a free voucher open to anyone needs --allow-free-bearer and is signed with a warning; it expires in 30 days by default", async function () {
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const refused = await cli(["--json", "voucher", "sign", "--collection", collection, "--uid", "600", "--out", "bearer.json"]);
    expect(refused.code).to.equal(2);
    expect(errorOf(refused).code).to.equal("VOUCHER_FREE_BEARER");
    expect(errorOf(refused).hint).to.contain("--allow-free-bearer");
    expect(existsSync(path.join(cwd, "bearer.json"))).to.equal(false);
    const allowed = await cli(["voucher", "sign", "--collection", collection, "--uid", "600", "--allow-free-bearer", "--out", "bearer.json"]);
    expect(allowed.code, allowed.stderr).to.equal(0);
    expect(allowed.stderr).to.match(/Warning: this voucher is free and names no recipient/);
    const file = JSON.parse(await readFile(path.join(cwd, "bearer.json"), "utf8")) as { voucher: { validUntil: string } };
    const now = (await publicClient.getBlock({ blockTag: "latest" })).timestamp;
    expect(Number(BigInt(file.voucher.validUntil) - now)).to.be.within(30 * 86_400 - 60, 30 * 86_400);
  });

  it("voucher cancel <file | --uid N…>: a minter cancels (exit 0), verify then reports VOUCHER_CANCELLED; others exit 5", async function () {
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const sign = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--uid", "700", "--out", "c1.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const stranger = await cli(["--json", "--dev-account", "2", "voucher", "cancel", "c1.json"]);
    expect(stranger.code).to.equal(5);
    expect(errorOf(stranger).message).to.contain("VoucherCancelNotAuthorized");
    const cancel = await cli(["--json", "voucher", "cancel", "c1.json"]);
    expect(cancel.code, cancel.stderr).to.equal(0);
    expect(cancel.json<{ uids: string[]; contract: string }>().uids).to.deep.equal(["700"]);
    const verify = await cli(["--json", "voucher", "verify", "c1.json"]);
    expect(verify.code).to.equal(1);
    expect(verify.json<VerifyOutput>().problems.map((p) => p.code)).to.deep.equal(["VOUCHER_CANCELLED"]);
    const redeem = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "c1.json"]);
    expect(redeem.code).to.equal(5);
    expect(errorOf(redeem).code).to.equal("VOUCHER_CANCELLED");
    const byUid = await cli(["voucher", "cancel", "--collection", collection, "--uid", "701", "702"]);
    expect(byUid.code, byUid.stderr).to.equal(0);
    expect(byUid.stdout).to.match(/Cancelled voucher uids 701, 702/);
    for (const uid of [701n, 702n]) {
      expect(await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "isVoucherCancelled", args: [uid] })).to.equal(true);
    }
    const neither = await cli(["voucher", "cancel"]);
    expect(neither.code).to.equal(2);
    const noContract = await cli(["voucher", "cancel", "--uid", "5"]);
    expect(noContract.code).to.equal(2);
    expect(noContract.stderr).to.contain("--collection");
  });

  it("voucher cancel <file> of an ERC-721 voucher naming a reserved id cancels that id (the collection ignores its uid): verify and redeem then say VOUCHER_CANCELLED", async function () {
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const wallet = createWalletClient({ account: creator, transport: http(chain.rpcUrl) });
    const read = <T>(functionName: "nextTokenId" | "isReservedIdCancelled" | "isVoucherCancelled", args: readonly bigint[] = []) =>
      publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName, args } as never) as Promise<T>;
    const id = await read<bigint>("nextTokenId");
    await publicClient.waitForTransactionReceipt({
      hash: await wallet.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "reserve", args: [1n], chain: null }),
    });
    const sign = await cli(["voucher", "sign", "--collection", collection, "--to", buyer.address, "--token-id", String(id), "--uid", "800", "--out", "x1.json"]);
    expect(sign.code, sign.stderr).to.equal(0);
    const cancel = await cli(["--json", "voucher", "cancel", "x1.json"]);
    expect(cancel.code, cancel.stderr).to.equal(0);
    expect(cancel.json<{ uids: string[]; tokenIds?: string[] }>().tokenIds).to.deep.equal([String(id)]);
    expect(await read<boolean>("isReservedIdCancelled", [id])).to.equal(true);
    expect(await read<boolean>("isVoucherCancelled", [800n])).to.equal(false);
    const verify = await cli(["--json", "voucher", "verify", "x1.json"]);
    expect(verify.code).to.equal(1);
    expect(verify.json<VerifyOutput>().problems.map((p) => p.code)).to.deep.equal(["VOUCHER_CANCELLED"]);
    const redeem = await cli(["--json", "--dev-account", "1", "voucher", "redeem", "x1.json"]);
    expect(redeem.code).to.equal(5);
    expect(errorOf(redeem).code).to.equal("VOUCHER_CANCELLED");
  });

  it("bad input: missing file (exit 2), not a voucher file (every problem listed), bad options, RPC down (exit 3)", async function () {
    const missing = await cli(["voucher", "verify", "nope.json"]);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain("CLI_FILE_NOT_FOUND");

    await writeFile(path.join(cwd, "bad.json"), JSON.stringify({ type: "mintkit/signed-voucher", version: 1, chainId: 31337, voucher: { uid: 5 } }));
    const bad = await cli(["--json", "voucher", "verify", "bad.json"]);
    expect(bad.code).to.not.equal(0);
    const error = errorOf(bad) as { code: string; details: { problems: { path: string }[] } };
    expect(error.code).to.equal("VOUCHER_INVALID_FILE");
    expect(error.details.problems.map((p) => p.path)).to.include.members(["contract", "signer", "signature", "voucher.uid", "voucher.to"]);

    const badPrice = await cli(["voucher", "sign", "--collection", collection, "--price", "0.1.2"]);
    expect(badPrice.code).to.equal(2);
    expect(badPrice.stderr).to.contain("--price");
    const badTime = await cli(["voucher", "sign", "--collection", collection, "--valid-until", "next tuesday"]);
    expect(badTime.code).to.equal(2);
    const badAddress = await cli(["voucher", "sign", "--collection", "0x1234"]);
    expect(badAddress.code).to.equal(2);

    const down = await runCli(["--rpc-url", "http://127.0.0.1:9", "voucher", "verify", "local.json"], { cwd });
    expect(down.code).to.equal(3);
  });
});
