import { expect } from "chai";
import type { Address } from "viem";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

describe("mintkit royalty", () => {
  let chain: Chain;
  let cwd: string;
  let collection: Address;
  before(async () => {
    chain = await startChain();
    cwd = tempDir();
    const d = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Roy", "ROY", "--royalty-bps", "250"], { cwd });
    expect(d.code, d.stderr).to.equal(0);
    collection = d.json<{ address: Address }>().address;
  });
  after(async () => {
    await chain.close();
  });

  it("get reads royaltyInfo; set changes the default or one token's royalty", async () => {
    const get = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", collection, "--sale-price", "2eth"], { cwd });
    expect(get.code, get.stderr).to.equal(0);
    expect(get.json()).to.include({ bps: "250", amount: "50000000000000000", receiver: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" });
    const receiver = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    const set = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "set", "Roy", "--receiver", receiver, "--bps", "1000", "--token-id", "7"], { cwd });
    expect(set.code, set.stderr).to.equal(0);
    expect(BigInt(set.json<{ gasUsed: string }>().gasUsed) > 0n).to.equal(true);
    const seven = await runCli(["--rpc-url", chain.rpcUrl, "royalty", "get", collection, "--token-id", "7"], { cwd });
    expect(seven.stdout).to.contain(`Royalty of token 7: 1000 bps to ${receiver}`);
    const one = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", collection, "--token-id", "1", "--sale-price", "10000wei"], { cwd });
    expect(one.json()).to.include({ bps: "250", amount: "250" });
  });

  it("over the bound: exit 2 before sending; a non-admin signer: the decoded revert, exit 5", async () => {
    const over = await runCli(["--rpc-url", chain.rpcUrl, "royalty", "set", collection, "--receiver", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--bps", "1500"], { cwd });
    expect(over.code).to.equal(2);
    expect(over.stderr).to.contain("--bps 1500 is over the bound of 1000 bps (10%)");
    const stranger = await runCli(
      ["--rpc-url", chain.rpcUrl, "--dev-account", "3", "--json", "royalty", "set", collection, "--receiver", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--bps", "100"],
      { cwd },
    );
    expect(stranger.code).to.equal(5);
    const { error } = stranger.errorJson();
    expect(error.code).to.equal("CLI_TX_REVERTED");
    expect((error.details as { errorName: string }).errorName).to.equal("AccessControlUnauthorizedAccount");
    expect(error.hint).to.contain("role");
    const after = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", collection, "--token-id", "1", "--sale-price", "10000wei"], { cwd });
    expect(after.json()).to.include({ bps: "250" });
  });

  it("get reads the rate with royaltyInfo(id, 10000): 500 bps even on a 1-wei sale; --sale-price takes eth, gwei or wei and refuses a bare number (CLI_INVALID_AMOUNT)", async () => {
    const d = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Five", "FIVE", "--royalty-bps", "500"], { cwd });
    expect(d.code, d.stderr).to.equal(0);
    const five = d.json<{ address: Address }>().address;
    const oneWei = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", five, "--sale-price", "1wei"], { cwd });
    expect(oneWei.code, oneWei.stderr).to.equal(0);
    expect(oneWei.json()).to.include({ bps: "500", salePrice: "1", amount: "0" });
    const text = await runCli(["--rpc-url", chain.rpcUrl, "royalty", "get", five, "--sale-price", "1wei"], { cwd });
    expect(text.stdout).to.contain("500 bps");
    expect(text.stdout).to.contain("(1 wei): 0 ETH (0 wei)");
    for (const [price, wei, amount] of [
      ["0.5eth", "500000000000000000", "25000000000000000"],
      ["1ETH", "1000000000000000000", "50000000000000000"],
      ["20gwei", "20000000000", "1000000000"],
      ["999wei", "999", "49"],
    ] as const) {
      const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", five, "--sale-price", price], { cwd });
      expect(r.code, r.stderr).to.equal(0);
      expect(r.json(), price).to.include({ bps: "500", salePrice: wei, amount });
    }
    const bare = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", five, "--sale-price", "0.5"], { cwd });
    expect(bare.code).to.equal(2);
    expect(bare.errorJson().error.code).to.equal("CLI_INVALID_AMOUNT");
    expect(bare.errorJson().error.hint).to.contain("0.5eth");
    const bareInteger = await runCli(["--rpc-url", chain.rpcUrl, "--json", "royalty", "get", five, "--sale-price", "1000"], { cwd });
    expect(bareInteger.code).to.equal(2);
    expect(bareInteger.errorJson().error.message).to.contain("has no unit");
    const help = await runCli(["royalty", "get", "--help"]);
    expect(help.stdout).to.match(/--sale-price <price>\s+sale price with its unit: 1eth, 0.5eth, 20gwei or\s+1000wei \(a bare number other than 0 is refused/);
  });
});
