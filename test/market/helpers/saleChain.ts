/**
 * A Hardhat JSON-RPC server set up for the CLI's market tests: Seaport 1.6 at its canonical address, a
 * collection "Sale" with a 5% royalty deployed by `mintkit deploy` (dev account 0), and tokens 1–3 minted to
 * dev account 1 (the seller).
 */
import { expect } from "chai";
import { createPublicClient, createWalletClient, getAddress, http, type Address, type PublicClient, type WalletClient } from "viem";
import { mintkitCollectionAbi } from "../../../src/contracts/index.js";
import { installSeaport } from "../../../src/node.js";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "../../cli/helpers/cli.js";

export interface SaleChain {
  readonly chain: Chain;
  /** The CLI's working folder (deployments record, order files). */
  readonly cwd: string;
  readonly publicClient: PublicClient;
  /** The chain's dev accounts: 0 deploys and owns, 1 holds tokens 1–3. */
  readonly accounts: Address[];
  readonly owner: WalletClient;
  readonly collection: Address;
  /** Runs `mintkit --rpc-url <chain> …args` in `cwd`. */
  readonly cli: (args: readonly string[]) => Promise<CliRun>;
}

export async function startSaleChain(): Promise<SaleChain> {
  const chain = await startChain();
  const cwd = tempDir();
  const cli = (args: readonly string[]) => runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd });
  const publicClient = createPublicClient({ transport: http(chain.rpcUrl) }) as PublicClient;
  const accounts = ((await publicClient.request({ method: "eth_accounts" } as never)) as Address[]).map((a) => getAddress(a));
  const owner = createWalletClient({ transport: http(chain.rpcUrl), account: accounts[0]! });
  await installSeaport({ publicClient, walletClient: owner } as never);
  const d = await cli(["--json", "deploy", "collection", "Sale", "SALE", "--royalty-bps", "500"]);
  expect(d.code, d.stderr).to.equal(0);
  const collection = d.json<{ address: Address }>().address;
  for (let i = 0; i < 3; i++) {
    const hash = await owner.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [accounts[1]!], chain: null });
    await publicClient.waitForTransactionReceipt({ hash });
  }
  return { chain, cwd, publicClient, accounts, owner, collection, cli };
}
