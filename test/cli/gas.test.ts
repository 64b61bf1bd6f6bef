/**
 * `mintkit gas …`: the real binary against a real local chain (Hardhat's JSON-RPC server). Estimates are
 * checked against receipts of the same transactions sent afterwards. Run `npm run build` first.
 */
import { expect } from "chai";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { mintkitCollectionAbi, sampleRecipients } from "../../src/index.js";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

// Hardhat's well-known dev account 0 (the creator; the CLI's default signer on a local chain) and 5.
const creator = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const STRANGER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

type Estimate = { operation: string; gas: string; gasLimit: string; gasSource: string; contract?: string; cost: { tiers: Record<string, { eth: string; wei: string; fiat?: { display: string; currency: string } }> } };

describe("mintkit gas (CLI)", function () {
  this.timeout(180_000);
  let chain: Chain;
  let cwd: string;
  let collection: Address;
  let editions: Address;
  const cli = (args: string[]) => runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd });

  before(async function () {
    chain = await startChain();
    cwd = tempDir();
    const c = await cli(["--json", "deploy", "collection", "Art", "ART", "--max-supply", "20000", "--royalty-bps", "500"]);
    expect(c.code, c.stderr).to.equal(0);
    collection = c.json<{ address: Address }>().address;
    const e = await cli(["--json", "deploy", "editions", "Prints", "PRT", "--base-uri", "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku/{id}.json"]);
    expect(e.code, e.stderr).to.equal(0);
    editions = e.json<{ address: Address }>().address;
  });
  after(async () => chain?.close());

  it("gas mint: an estimate within 2% of the receipt of the same mint, priced per tier in the given currency", async function () {
    const r = await cli(["--json", "gas", "mint", "--collection", "Art", "--eth-price", "3200", "--currency", "EUR"]);
    expect(r.code, r.stderr).to.equal(0);
    const est = r.json<Estimate>();
    expect(est.operation).to.equal("mint");
    expect(est.contract?.toLowerCase()).to.equal(collection.toLowerCase());
    for (const t of ["slow", "standard", "fast"]) expect(est.cost.tiers[t]!.fiat?.currency).to.equal("EUR");
    // Send the same transaction (a mint to a fresh holder) and compare.
    const wallet = createWalletClient({ account: creator, transport: http(chain.rpcUrl) });
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const hash = await wallet.writeContract({ chain: null, address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [sampleRecipients(1, "cli-mint")[0]!] });
    const { gasUsed } = await publicClient.waitForTransactionReceipt({ hash });
    expect(Math.abs(Number(BigInt(est.gas) - gasUsed)) / Number(gasUsed)).to.be.lessThan(0.02);
  });

  it("gas mint (text): gas, then the cost at each tier", async function () {
    const r = await cli(["gas", "mint", "--collection", collection, "--uri", "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy", "--eth-price", "3200"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^mintWithURI on 0x[0-9a-fA-F]{40}: send with a limit of [\d,]+ \(minimum [\d,]+ \+ headroom [\d,]+\)$/m);
    expect(r.stdout).to.match(/^  expected gas [\d,]+, 1 token\(s\), as 0x/m);
    expect(r.stdout).to.match(/^  case fresh-holder \(\+17,100\): /m);
    expect(r.stdout).to.match(/^  worst case [\d.]+ ETH \(the whole limit at the fast tier's max fee/m);
    expect(r.stdout).to.match(/standard\s+[\d.]+ ETH\s+at [\d.]+ gwei\s+≈ [\d.]+ USD/);
  });

  it("gas plan --count 10000: two mintBatch transactions under the 2^24 cap; --max-gas gives more", async function () {
    const r = await cli(["--json", "gas", "plan", "--collection", "Art", "--count", "10000"]);
    expect(r.code, r.stderr).to.equal(0);
    const plan = r.json<{ chunks: { quantity: string; estimatedGas: string }[]; perTransactionLimit: string; totalEstimatedGas: string }>();
    expect(plan.perTransactionLimit).to.equal("16777216");
    expect(plan.chunks).to.have.length(2);
    for (const c of plan.chunks) expect(BigInt(c.estimatedGas) < 16_777_216n).to.equal(true);
    const capped = await cli(["--json", "gas", "plan", "--collection", "Art", "--count", "10000", "--max-gas", "3000000"]);
    expect(capped.code, capped.stderr).to.equal(0);
    const small = capped.json<{ chunks: { estimatedGas: string }[] }>();
    expect(small.chunks.length).to.be.at.least(7);
    for (const c of small.chunks) expect(BigInt(c.estimatedGas) <= 3_000_000n).to.equal(true);
    const text = await cli(["gas", "plan", "--collection", "Art", "--count", "10000"]);
    expect(text.stdout).to.match(/in 2 mintBatch transaction\(s\)/);
  });

  it("gas batch, airdrop, redeem, editions-mint, transfer, deploy: one estimate each", async function () {
    const runs: [string, string[]][] = [
      ["mintBatch", ["gas", "batch", "--collection", "Art", "--count", "50"]],
      ["airdrop", ["gas", "airdrop", "--collection", "Art", "--count", "5"]],
      ["redeem", ["gas", "redeem", "--collection", "Art", "--price", "0.01eth", "--count", "2", "--from", creator.address]],
      ["editionsMintNew", ["gas", "editions-mint", "--editions", "Prints", "--count", "10"]],
      ["transfer", ["gas", "transfer", "--collection", "Art", "--token-id", "1"]],
      ["deployCollection", ["gas", "deploy", "collection", "Estimate", "EST"]],
      ["deployEditions", ["gas", "deploy", "editions", "Estimate", "EST", "--direct"]],
    ];
    const gas: Record<string, bigint> = {};
    for (const [operation, args] of runs) {
      const r = await cli(["--json", ...args]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).to.equal(0);
      const est = r.json<Estimate>();
      expect(est.operation).to.equal(operation);
      expect(BigInt(est.gas) > 21_000n).to.equal(true);
      gas[operation] = BigInt(est.gas);
    }
    expect(gas.deployCollection! < 400_000n).to.equal(true); // a factory clone
    expect(gas.deployEditions! > 1_000_000n).to.equal(true); // the full contract
  });

  it("gas compare: the four strategies for 100 tokens, cheapest named", async function () {
    const r = await cli(["--json", "gas", "compare", "--collection", "Art", "--editions", "Prints", "--count", "100", "--eth-price", "3200"]);
    expect(r.code, r.stderr).to.equal(0);
    const report = r.json<{ strategies: { strategy: string; available: boolean; totalGas: string; paidBy: string }[]; cheapest: string }>();
    expect(report.strategies.map((s) => s.strategy)).to.deep.equal(["single", "batch", "lazy", "erc1155"]);
    for (const s of report.strategies) expect(s.available, s.strategy).to.equal(true);
    const total = (name: string) => BigInt(report.strategies.find((s) => s.strategy === name)!.totalGas);
    expect(total("batch") < total("single")).to.equal(true);
    expect(report.cheapest).to.be.oneOf(["batch", "erc1155"]);
    const text = await cli(["gas", "compare", "--collection", "Art", "--count", "10", "--holders", "many"]);
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/10 token\(s\) to 10 holders/);
    expect(text.stdout).to.match(/erc1155\s+unavailable: No editions contract/);
  });

  it("gas fees: tiers from the fee history", async function () {
    const r = await cli(["--json", "gas", "fees", "--eth-price", "3200"]);
    expect(r.code, r.stderr).to.equal(0);
    const fees = r.json<{ nextBaseFeePerGas: string; tiers: Record<string, { maxPriorityFeePerGas: string }>; transferCost: { tiers: Record<string, { fiat?: { currency: string } }> } }>();
    expect(BigInt(fees.tiers.slow!.maxPriorityFeePerGas) <= BigInt(fees.tiers.fast!.maxPriorityFeePerGas)).to.equal(true);
    expect(fees.transferCost.tiers.standard!.fiat?.currency).to.equal("USD");
  });

  describe("refusals: a clear error, its exit code, nothing sent", function () {
    it("more than the remaining max supply → exit 5 GAS_MAX_SUPPLY_EXCEEDED", async function () {
      const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
      const before = await publicClient.getBlockNumber();
      const r = await cli(["--json", "gas", "plan", "--collection", "Art", "--count", "20000"]); // 20,000 cap, some already minted
      expect(r.code).to.equal(5);
      expect(await publicClient.getBlockNumber()).to.equal(before);
      expect(r.errorJson().error.code).to.equal("GAS_MAX_SUPPLY_EXCEEDED");
    });

    it("simulating as an account without the minter role → exit 5 GAS_NOT_MINTER", async function () {
      const r = await cli(["gas", "mint", "--collection", "Art", "--from", STRANGER]);
      expect(r.code).to.equal(5);
      expect(r.stderr).to.match(/may not mint/);
      expect(r.stderr).to.match(/Code: GAS_NOT_MINTER|GAS_NOT_MINTER/);
    });

    it("bad input → exit 2", async function () {
      for (const args of [
        ["gas", "batch", "--collection", "0x1234"],
        ["gas", "batch", "--collection", "Art", "--count", "0"],
        ["gas", "mint", "--collection", "Art", "--eth-price", "lots"],
        ["gas", "deploy", "contract"],
        ["gas", "compare", "--collection", "Art", "--count", "5", "--holders", "some"],
        ["gas", "mint", "--collection", "NoSuchCollection"],
      ]) {
        const r = await cli(args);
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).to.equal(2);
        expect(r.stderr).to.match(/Error: |^error: unknown command/m);
      }
    });

    it("RPC down → exit 3", async function () {
      const r = await runCli(["--rpc-url", "http://127.0.0.1:9", "gas", "fees"], { cwd });
      expect(r.code).to.equal(3);
    });
  });

  describe("the user's own case: estimate, then the CLI's own command; gasUsed within 2% and under the limit", function () {
    const BUYER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // dev account 1
    const HOLDER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // dev account 3
    const NEW_HOLDER = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"; // dev account 4
    type Sent = { gasUsed: string; transactionHash: string };
    const publicClient = () => createPublicClient({ transport: http(chain.rpcUrl) });

    /** Runs `gas …` (JSON), then the command it estimates (JSON), and compares the receipt with the estimate. */
    async function estimateThenSend(gasArgs: string[], sendArgs: string[]): Promise<{ est: Estimate & { cases: { case: string }[]; minimumGasLimit: string }; sent: Sent }> {
      const g = await cli(["--json", "gas", ...gasArgs]);
      expect(g.code, `gas ${gasArgs.join(" ")}: ${g.stderr}`).to.equal(0);
      const est = g.json<Estimate & { cases: { case: string }[]; minimumGasLimit: string }>();
      const r = await cli(["--json", ...sendArgs]);
      expect(r.code, `${sendArgs.join(" ")}: ${r.stderr}`).to.equal(0);
      const sent = r.json<Sent>();
      const gasUsed = BigInt(sent.gasUsed);
      expect(Math.abs(Number(BigInt(est.gas) - gasUsed)) / Number(gasUsed), `${gasArgs.join(" ")}: estimate ${est.gas}, gasUsed ${gasUsed}`).to.be.lessThan(0.02);
      expect(gasUsed <= BigInt(est.gasLimit), `gasUsed ${gasUsed} <= limit ${est.gasLimit}`).to.equal(true);
      const tx = await publicClient().getTransaction({ hash: sent.transactionHash as `0x${string}` });
      expect(tx.gas > gasUsed, "the CLI sends with a limit above the gas it uses").to.equal(true);
      return { est, sent };
    }

    it("gas redeem v.json --from the buyer: the voucher's own uid case (a new word, then a used one), not the signer", async function () {
      for (const out of ["r1.json", "r2.json"]) {
        const sign = await cli(["voucher", "sign", "--collection", "Art", "--quantity", "2", "--price", "0.01eth", "--out", out]);
        expect(sign.code, sign.stderr).to.equal(0);
      }
      const bearer = await cli(["gas", "redeem", "r1.json"]);
      expect(bearer.code, "a bearer voucher needs --from").to.equal(2);
      expect(bearer.stderr).to.match(/--from/);
      const first = await estimateThenSend(["redeem", "r1.json", "--from", BUYER], ["--dev-account", "1", "voucher", "redeem", "r1.json"]);
      expect(first.est.cases.map((c) => c.case)).to.include("uid-new-word");
      expect((first.est as unknown as { account: string }).account.toLowerCase()).to.equal(BUYER.toLowerCase());
      const second = await estimateThenSend(["redeem", "r2.json", "--from", BUYER], ["--dev-account", "1", "voucher", "redeem", "r2.json"]);
      expect(second.est.cases.map((c) => c.case)).to.include("uid-used-word");
      const text = await cli(["gas", "redeem", "r2.json", "--from", BUYER]);
      expect(text.code).to.equal(5); // spent now: the estimate names the contract's refusal
    });

    it("gas deploy collection with the deploy's own options (long URIs, a primary-sale recipient)", async function () {
      const options = ["--base-uri", `https://example.com/${"metadata/".repeat(8)}`, "--contract-uri", "https://example.com/contract.json", "--royalty-bps", "250", "--max-supply", "500", "--primary-sale-recipient", BUYER];
      const { est } = await estimateThenSend(["deploy", "collection", "Long Drop", "LNG", ...options], ["deploy", "collection", "Long Drop", "LNG", ...options]);
      expect(est.operation).to.equal("deployCollection");
    });

    it("gas batch <folder>: the folder's items, as mintkit batch mints them to the signing account", async function () {
      const { mkdir, writeFile } = await import("node:fs/promises");
      const { png1x1 } = await import("./helpers/media.js");
      await mkdir(`${cwd}/drop`, { recursive: true });
      for (const name of ["1.png", "2.png", "3.png"]) await writeFile(`${cwd}/drop/${name}`, png1x1);
      const g = await cli(["--json", "gas", "batch", "drop", "--collection", "Art"]);
      expect(g.code, g.stderr).to.equal(0);
      const est = g.json<Estimate & { quantity: string }>();
      expect(est.quantity).to.equal("3");
      const r = await cli(["--json", "batch", "Art", "drop"]);
      expect(r.code, r.stderr).to.equal(0);
      const mint = r.json<{ transactions: { hash: string; gasUsed: string; tokenIds?: string[] }[] }>().transactions.filter((t) => t.tokenIds !== undefined);
      expect(mint).to.have.length(1);
      const gasUsed = BigInt(mint[0]!.gasUsed);
      expect(Math.abs(Number(BigInt(est.gas) - gasUsed)) / Number(gasUsed), `estimate ${est.gas}, gasUsed ${gasUsed}`).to.be.lessThan(0.02);
      expect(gasUsed <= BigInt(est.gasLimit)).to.equal(true);
    });

    it("gas cancel v.json, then voucher cancel v.json", async function () {
      const sign = await cli(["voucher", "sign", "--collection", "Art", "--price", "0.01eth", "--out", "c1.json"]);
      expect(sign.code, sign.stderr).to.equal(0);
      const { est } = await estimateThenSend(["cancel", "c1.json"], ["voucher", "cancel", "c1.json"]);
      expect(est.operation).to.equal("cancelVouchers");
    });

    it("gas credential-issue|revoke|reissue, then the credential commands", async function () {
      const reg = await cli(["--json", "deploy", "credentials", "--name", "Gas Registry", "--symbol", "GAS"]);
      expect(reg.code, reg.stderr).to.equal(0);
      const registry = reg.json<{ address: string }>().address;
      const schema = await cli(["credential", "schema", "add", "--registry", registry, "--name", "KYC", "--field", "string nationality"]);
      expect(schema.code, schema.stderr).to.equal(0);
      const claims = `${cwd}/claims.json`;
      await (await import("node:fs/promises")).writeFile(claims, JSON.stringify({ nationality: "NL" }));
      const issue = async (out: string) =>
        estimateThenSend(
          ["credential-issue", "--registry", registry, "--schema", "1", "--to", HOLDER, "--expiry", "+365d"],
          ["credential", "issue", "--registry", registry, "--schema", "1", "--to", HOLDER, "--expiry", "+365d", "--claims", claims, "--out", out],
        );
      const first = await issue(`${cwd}/h1.json`);
      expect(first.est.operation).to.equal("credentialIssue");
      const tokenId = (first.sent as unknown as { tokenId: string }).tokenId;
      await estimateThenSend(["credential-revoke", tokenId, "--registry", registry, "--reason", "test"], ["credential", "revoke", tokenId, "--registry", registry, "--reason", "test"]);
      const second = await issue(`${cwd}/h2.json`);
      const id2 = (second.sent as unknown as { tokenId: string }).tokenId;
      await estimateThenSend(["credential-reissue", id2, "--registry", registry, "--to", NEW_HOLDER], ["credential", "reissue", id2, "--registry", registry, "--to", NEW_HOLDER]);
    });
  });

  it("--help lists the operations", async function () {
    const r = await runCli(["gas", "--help"], { cwd });
    expect(r.code).to.equal(0);
    for (const op of ["mint", "batch", "airdrop", "redeem", "editions-mint", "deploy", "transfer", "credential-issue", "credential-revoke", "credential-reissue", "cancel", "plan", "compare", "fees"]) {
      expect(r.stdout).to.match(new RegExp(`^\\s+${op}\\b`, "m"));
    }
  });
});
