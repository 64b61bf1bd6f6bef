/**
 * `mintkit list`, `mintkit buy`, `mintkit listing verify|cancel` against a Hardhat JSON-RPC server with
 * Seaport 1.6 installed at its canonical address: the order file, the royalty and fee paid, the exit codes
 * and the typed errors of bad input. Runs the built CLI (`npm run build`) with the market commands
 * registered (bin/mintkit.js).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { getAddress, parseEther, type Address } from "viem";
import { mintkitCollectionAbi } from "../../src/contracts/index.js";
import type { Chain, CliRun } from "../cli/helpers/cli.js";
import { startSaleChain, type SaleChain } from "./helpers/saleChain.js";

type Run = CliRun;

const errorOf = (r: Run) => {
  const lines = r.stderr.trim().split("\n");
  let start = lines.length - 1;
  while (start > 0 && !lines[start]!.startsWith("{")) start--;
  return (JSON.parse(lines.slice(start).join("\n")) as { error: { code: string; details?: Record<string, unknown> } }).error;
};

describe("mintkit list / buy / listing (CLI)", function () {
  this.timeout(300_000);
  let chain: Chain;
  let cwd: string;
  let collection: Address;
  let accounts: Address[];
  let publicClient: SaleChain["publicClient"];
  let cli: SaleChain["cli"];

  before(async () => {
    ({ chain, cwd, collection, accounts, publicClient, cli } = await startSaleChain());
  });
  after(async () => {
    await chain.close();
  });

  it("list signs an order (approving Seaport once, saying what it cost); buy fills it; verify says valid, then filled", async () => {
    const list = await cli(["--dev-account", "1", "--json", "list", collection, "1", "--price", "1eth", "--expires", "+7d", "--fee-bps", "250", "--fee-to", accounts[4]!, "--out", "order.json"]);
    expect(list.code, list.stderr).to.equal(0);
    const listed = JSON.parse(list.stdout) as { royalty: { receiver: string; amount: string }; fee: { amount: string }; sellerProceeds: string; approval: { transactionHash: string | null; cost: string } };
    expect(listed.royalty).to.deep.equal({ receiver: accounts[0], amount: String(parseEther("0.05")) });
    expect(listed.fee.amount).to.equal(String(parseEther("0.025")));
    expect(listed.sellerProceeds).to.equal(String(parseEther("0.925")));
    expect(listed.approval.transactionHash).to.match(/^0x/);
    expect(BigInt(listed.approval.cost) > 0n).to.equal(true);
    const order = JSON.parse(readFileSync(path.join(cwd, "order.json"), "utf8")) as Record<string, unknown>;
    expect(order).to.have.keys(["parameters", "signature", "protocol_address", "chain_id"]);

    const verify = await cli(["--json", "listing", "verify", "order.json"]);
    expect(verify.code, verify.stderr).to.equal(0);
    expect((JSON.parse(verify.stdout) as { valid: boolean }).valid).to.equal(true);

    const royaltyBefore = await publicClient.getBalance({ address: accounts[0]! });
    const buy = await cli(["--dev-account", "2", "--json", "buy", "order.json"]);
    expect(buy.code, buy.stderr).to.equal(0);
    expect((JSON.parse(buy.stdout) as { path: string }).path).to.equal("fulfillBasicOrder_efficient_6GL6yc");
    expect((await publicClient.getBalance({ address: accounts[0]! })) - royaltyBefore).to.equal(parseEther("0.05"));
    const owner = await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [1n] });
    expect(getAddress(owner)).to.equal(accounts[2]);

    const again = await cli(["listing", "verify", "order.json"]);
    expect(again.code).to.equal(1);
    expect(again.stdout).to.contain("MARKET_FILLED");
    const rebuy = await cli(["--dev-account", "3", "--json", "buy", "order.json"]);
    expect(rebuy.code).to.equal(1);
    expect(errorOf(rebuy).code).to.equal("MARKET_FILLED");
  });

  it("bad input: clean typed errors before anything is signed, with documented exit codes", async () => {
    const free = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "0"]);
    expect(free.code).to.equal(2);
    expect(errorOf(free).code).to.equal("MARKET_FREE_LISTING");
    const past = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "1eth", "--expires", "2020-01-01"]);
    expect(past.code).to.equal(2);
    expect(errorOf(past).code).to.equal("CLI_INVALID_TIME");
    const bare = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "0.5"]);
    expect(bare.code).to.equal(2);
    expect(errorOf(bare).code).to.equal("CLI_INVALID_AMOUNT");
    const notMine = await cli(["--dev-account", "3", "--json", "list", collection, "2", "--price", "1eth"]);
    expect(notMine.code).to.equal(1);
    expect(errorOf(notMine).code).to.equal("MARKET_SELLER_NOT_HOLDER");
    const notContract = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "1token", "--currency", accounts[5]!]);
    expect(notContract.code).to.equal(2);
    expect(errorOf(notContract).code).to.equal("MARKET_CURRENCY_NOT_CONTRACT");
    const noFile = await cli(["--json", "buy", "missing.json"]);
    expect(noFile.code).to.equal(2);

    const pricey = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "20000eth", "--out", "pricey.json"]);
    expect(pricey.code, pricey.stderr).to.equal(0);
    const poor = await cli(["--dev-account", "2", "--json", "buy", "pricey.json"]);
    expect(poor.code).to.equal(1);
    const error = errorOf(poor);
    expect(error.code).to.equal("MARKET_INSUFFICIENT_FUNDS");
    expect(BigInt(error.details!.missing as string) > 0n).to.equal(true);
  });

  it("listing cancel: one order, then every order (counter); verify names each", async () => {
    const one = await cli(["--dev-account", "1", "--json", "list", collection, "3", "--price", "1eth", "--out", "one.json"]);
    expect(one.code, one.stderr).to.equal(0);
    const cancel = await cli(["--dev-account", "1", "--json", "listing", "cancel", "one.json"]);
    expect(cancel.code, cancel.stderr).to.equal(0);
    const v1 = await cli(["--json", "listing", "verify", "one.json"]);
    expect(v1.code).to.equal(1);
    expect((JSON.parse(v1.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).to.deep.equal(["MARKET_CANCELLED"]);

    const two = await cli(["--dev-account", "1", "--json", "list", collection, "3", "--price", "2eth", "--out", "two.json"]);
    expect(two.code, two.stderr).to.equal(0);
    const all = await cli(["--dev-account", "1", "--json", "listing", "cancel", "--all"]);
    expect(all.code, all.stderr).to.equal(0);
    const v2 = await cli(["--json", "listing", "verify", "two.json"]);
    expect((JSON.parse(v2.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code)).to.deep.equal(["MARKET_COUNTER_CHANGED"]);
    const neither = await cli(["--dev-account", "1", "--json", "listing", "cancel"]);
    expect(neither.code).to.equal(2);
  });
});
