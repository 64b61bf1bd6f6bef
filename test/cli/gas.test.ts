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
    expect(r.stdout).to.match(/^mintWithURI on 0x[0-9a-fA-F]{40}: \d+ gas/m);
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
      ["redeem", ["gas", "redeem", "--collection", "Art", "--price", "0.01eth", "--count", "2"]],
      ["editionsMintNew", ["gas", "editions-mint", "--editions", "Prints", "--count", "10"]],
      ["transfer", ["gas", "transfer", "--collection", "Art", "--token-id", "1"]],
      ["deployCollection", ["gas", "deploy", "collection"]],
      ["deployEditions", ["gas", "deploy", "editions", "--direct"]],
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
        expect(r.stderr).to.match(/Error: /);
      }
    });

    it("RPC down → exit 3", async function () {
      const r = await runCli(["--rpc-url", "http://127.0.0.1:9", "gas", "fees"], { cwd });
      expect(r.code).to.equal(3);
    });
  });

  it("--help lists the operations", async function () {
    const r = await runCli(["gas", "--help"], { cwd });
    expect(r.code).to.equal(0);
    for (const op of ["mint", "batch", "airdrop", "redeem", "editions-mint", "deploy", "transfer", "plan", "compare", "fees"]) {
      expect(r.stdout).to.match(new RegExp(`^\\s+${op}\\b`, "m"));
    }
  });
});
