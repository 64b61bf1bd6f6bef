/**
 * `mintkit gas buy` and `mintkit gas check-in`: the real binary (run `npm run build` first) against a Hardhat
 * JSON-RPC server with Seaport 1.6 at its canonical address. `gas buy` takes the order file `mintkit buy`
 * takes and is held within 2% of the receipt of that very `buy`; a bad order file fails as `buy` fails.
 * `gas check-in` prices the AccessCheckIn record a door makes, checked against the same transaction sent.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "chai";
import { createWalletClient, getAddress, http, keccak256, toHex, type Address } from "viem";
import { accessCheckInAbi, accessCheckInBytecode } from "../../src/contracts/index.js";
import type { Chain } from "../cli/helpers/cli.js";
import { startSaleChain, type SaleChain } from "../market/helpers/saleChain.js";

type Estimate = {
  operation: string;
  gas: string;
  gasLimit: string;
  minimumGasLimit: string;
  via?: string;
  account: string;
  cases: { case: string; gas: string }[];
  headroom: { gas: string; items: { case: string }[] };
};

describe("mintkit gas buy / gas check-in (CLI)", function () {
  this.timeout(300_000);
  let sale: SaleChain;
  let chain: Chain;
  let cwd: string;
  let collection: Address;
  let record: Address;
  let accounts: Address[];
  let publicClient: SaleChain["publicClient"];
  const cli = (args: readonly string[]) => sale.cli(args);

  before(async () => {
    sale = await startSaleChain();
    ({ chain, cwd, collection, accounts, publicClient } = sale);
    const { owner } = sale;
    const deployed = await owner.deployContract({ abi: accessCheckInAbi, bytecode: accessCheckInBytecode, args: [accounts[0]!], chain: null, account: accounts[0]! });
    record = (await publicClient.waitForTransactionReceipt({ hash: deployed })).contractAddress!;
    const door = await owner.writeContract({ address: record, abi: accessCheckInAbi, functionName: "grantRole", args: [keccak256(toHex("DOOR_ROLE")), accounts[5]!], chain: null, account: accounts[0]! });
    await publicClient.waitForTransactionReceipt({ hash: door });
  });
  after(async () => chain?.close());

  it("gas buy --json: the order buy takes, as --from; within 2% of the receipt of that buy, under its limit", async () => {
    const list = await cli(["--dev-account", "1", "--json", "list", collection, "1", "--price", "1eth", "--expires", "+7d", "--fee-bps", "250", "--fee-to", accounts[4]!, "--out", "order.json"]);
    expect(list.code, list.stderr).to.equal(0);
    const r = await cli(["--json", "gas", "buy", "order.json", "--from", accounts[2]!]);
    expect(r.code, r.stderr).to.equal(0);
    const est = r.json<Estimate>();
    expect(est.operation).to.equal("fulfillListing");
    expect(est.via).to.equal("fulfillBasicOrder_efficient_6GL6yc");
    expect(getAddress(est.account)).to.equal(accounts[2]);
    expect(est.cases.map((c) => c.case)).to.include.members(["fresh-holder", "recipient-existing-account"]);
    const buy = await cli(["--dev-account", "2", "--json", "buy", "order.json"]);
    expect(buy.code, buy.stderr).to.equal(0);
    const { gasUsed, transactionHash } = buy.json<{ gasUsed: string; transactionHash: `0x${string}` }>();
    expect(Math.abs(Number(BigInt(est.gas) - BigInt(gasUsed))) / Number(gasUsed)).to.be.lessThan(0.02);
    expect(BigInt(gasUsed) <= BigInt(est.gasLimit)).to.equal(true);
    // buy sent the limit the estimator gives (no headroom here: a first-time holder, ETH to existing accounts).
    expect((await publicClient.getTransaction({ hash: transactionHash })).gas >= BigInt(est.minimumGasLimit)).to.equal(true);
  });

  it("gas buy (text): the limit first, the path, the cases; as the signing account without --from", async () => {
    const list = await cli(["--dev-account", "1", "--json", "list", collection, "2", "--price", "1eth", "--expires", "+7d", "--out", "order2.json"]);
    expect(list.code, list.stderr).to.equal(0);
    const r = await cli(["--dev-account", "2", "gas", "buy", "order2.json"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^fulfillListing \(fulfillBasicOrder_efficient_6GL6yc\) on 0x[0-9a-fA-F]{40}: send with a limit of [\d,]+ \(minimum [\d,]+ \+ headroom 17,100\)$/m);
    expect(r.stdout).to.contain(`as ${accounts[2]}`);
    expect(r.stdout).to.match(/^  order order2\.json: 1 of token 2 of 0x/m);
    expect(r.stdout).to.match(/^  case existing-holder: /m);
    expect(r.stdout).to.match(/^  headroom fresh-holder \+17,100: /m);
  });

  it("gas buy: a bad or missing order file fails with the exit code and error buy gives it; a filled order as buy refuses it", async () => {
    writeFileSync(path.join(cwd, "bad.json"), JSON.stringify({ parameters: { offerer: "nope" } }));
    for (const file of ["bad.json", "missing.json"]) {
      const gas = await cli(["--json", "gas", "buy", file, "--from", accounts[2]!]);
      const buy = await cli(["--dev-account", "2", "--json", "buy", file]);
      expect(gas.code, gas.stderr).to.equal(buy.code);
      expect(gas.code).to.equal(2);
      expect(gas.errorJson().error.code).to.equal(buy.errorJson().error.code);
    }
    const filled = await cli(["--json", "gas", "buy", "order.json", "--from", accounts[3]!]);
    expect(filled.code).to.equal(1);
    expect(filled.errorJson().error.code).to.equal("MARKET_FILLED");
  });

  it("gas listing-cancel: what listing cancel sends (one order, or --all), within 2% of its receipt; gas approve: the seller's approval", async () => {
    const list = await cli(["--dev-account", "1", "--json", "list", collection, "3", "--price", "1eth", "--expires", "+7d", "--out", "order3.json"]);
    expect(list.code, list.stderr).to.equal(0);
    const r = await cli(["--json", "gas", "listing-cancel", "order3.json", "--from", accounts[1]!]);
    expect(r.code, r.stderr).to.equal(0);
    const est = r.json<Estimate>();
    expect([est.operation, est.via]).to.deep.equal(["cancelListing", "cancel"]);
    const all = await cli(["--dev-account", "1", "gas", "list-cancel", "--all"]);
    expect(all.code, all.stderr).to.equal(0);
    expect(all.stdout).to.match(/^cancelListing \(incrementCounter\) on 0x[0-9a-fA-F]{40}: send with a limit of /m);
    const neither = await cli(["--json", "gas", "listing-cancel", "--from", accounts[1]!]);
    expect(neither.code).to.equal(2);
    const cancel = await cli(["--dev-account", "1", "--json", "listing", "cancel", "order3.json"]);
    expect(cancel.code, cancel.stderr).to.equal(0);
    const { gasUsed } = cancel.json<{ gasUsed: string }>();
    expect(Math.abs(Number(BigInt(est.gas) - BigInt(gasUsed))) / Number(gasUsed)).to.be.lessThan(0.02);

    const approve = await cli(["--json", "gas", "approve", "--collection", "Sale", "--from", accounts[3]!]);
    expect(approve.code, approve.stderr).to.equal(0);
    expect(approve.json<Estimate>().operation).to.equal("approveSeaport");
    const approved = await cli(["--json", "gas", "approve", "--collection", "Sale", "--from", accounts[1]!]); // list approved it
    expect(approved.code).to.equal(2);
    expect(approved.errorJson().error.code).to.equal("GAS_INVALID_PARAMETER");
  });

  it("gas check-in --json: the door's record of an ERC-721 ticket, within 2% of the same check-in sent; text names the ticket", async () => {
    const args = ["gas", "check-in", "--check-in", record, "--event", "devcon-2026", "--collection", collection, "--token-id", "3", "--from", accounts[5]!];
    const r = await cli(["--json", ...args]);
    expect(r.code, r.stderr).to.equal(0);
    const est = r.json<Estimate>();
    expect(est.operation).to.equal("checkIn");
    expect(est.via).to.equal("checkIn");
    expect(est.cases.map((c) => c.case)).to.deep.equal(["ticket-record"]);
    expect(est.headroom.items).to.deep.equal([]);
    const text = await cli(args);
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/^checkIn \(checkIn\) on 0x[0-9a-fA-F]{40}: send with a limit of [\d,]+ \(minimum [\d,]+ \+ headroom 0\)$/m);
    expect(text.stdout).to.contain(`ticket: erc721 3 of ${collection}, held by ${accounts[1]}, event devcon-2026`);
    const door = createWalletClient({ transport: http(chain.rpcUrl), account: accounts[5]! });
    const hash = await door.writeContract({
      address: record,
      abi: accessCheckInAbi,
      functionName: "checkIn",
      args: [keccak256(toHex("devcon-2026")), collection, 3n, accounts[1]!],
      gas: BigInt(est.gasLimit),
      chain: null,
    });
    const { gasUsed, status } = await publicClient.waitForTransactionReceipt({ hash });
    expect(status).to.equal("success");
    expect(Math.abs(Number(BigInt(est.gas) - gasUsed)) / Number(gasUsed)).to.be.lessThan(0.02);
  });

  it("gas check-in: a ticket already checked in, a door without the role, an ERC-1155 ticket without --holder: typed errors and exit codes", async () => {
    const base = ["--json", "gas", "check-in", "--check-in", record, "--event", "devcon-2026", "--collection", collection];
    const again = await cli([...base, "--token-id", "3", "--from", accounts[5]!]);
    expect(again.code).to.equal(5);
    expect(again.errorJson().error.code).to.equal("GAS_SIMULATION_REVERTED");
    expect(again.errorJson().error.message).to.contain("AlreadyCheckedIn");
    const notDoor = await cli([...base, "--token-id", "2", "--from", accounts[6]!]);
    expect(notDoor.code).to.equal(5);
    expect(notDoor.errorJson().error.code).to.equal("GAS_NOT_MINTER");
    const noHolder = await cli([...base, "--erc1155", "1", "--from", accounts[5]!]);
    expect(noHolder.code).to.equal(2);
    expect(noHolder.errorJson().error.code).to.equal("CLI_INVALID_INPUT");
    const noToken = await cli([...base, "--token-id", "99", "--from", accounts[5]!]);
    expect(noToken.code).to.equal(2);
    expect(noToken.errorJson().error.message).to.contain("--token-id");
  });
});
