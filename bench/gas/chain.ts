/**
 * The bench's view of the chain: Hardhat's in-process simulated chain (EDR), with a pinned clock and
 * helpers that send one transaction and return the gas its receipt reports.
 */
import { network } from "hardhat";
import hre from "hardhat";
import {
  decodeEventLog,
  type Abi,
  type Address,
  type Hash,
  type Hex,
  type TransactionReceipt,
} from "viem";
import { GENESIS_DATE, GENESIS_TIMESTAMP, HARDFORK } from "./config.js";

type Connection = Awaited<ReturnType<typeof network.create>>;
export type Viem = Connection["viem"];
export type WalletClient = Awaited<ReturnType<Viem["getWalletClients"]>>[number];
export type PublicClient = Awaited<ReturnType<Viem["getPublicClient"]>>;

/** A transaction's outcome as the bench needs it. */
export interface Sent {
  hash: Hash;
  gasUsed: bigint;
  receipt: TransactionReceipt;
}

/** A call to send: a contract address, its ABI, the function and its arguments. */
export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
}

export class BenchChain {
  private clock = GENESIS_TIMESTAMP;

  private constructor(
    readonly connection: Connection,
    readonly publicClient: PublicClient,
    readonly wallets: WalletClient[],
  ) {}

  /** A new in-process chain with the pinned genesis date and hardfork. */
  static async create(): Promise<BenchChain> {
    const connection = await network.create({
      network: "default",
      override: { initialDate: GENESIS_DATE, hardfork: HARDFORK },
    });
    const publicClient = await connection.viem.getPublicClient();
    const wallets = await connection.viem.getWalletClients();
    return new BenchChain(connection, publicClient, wallets);
  }

  get viem(): Viem {
    return this.connection.viem;
  }

  /** Whether a contract of this name was built (a missing mintkit contract is skipped, not fatal). */
  async hasArtifact(name: string): Promise<boolean> {
    return hre.artifacts.artifactExists(name);
  }

  async abiOf(name: string): Promise<Abi> {
    return (await hre.artifacts.readArtifact(name)).abi as Abi;
  }

  /** Pins the next block's timestamp: one second after the previous transaction of the bench. */
  private async tick(): Promise<void> {
    this.clock += 1n;
    await this.connection.networkHelpers.time.setNextBlockTimestamp(this.clock);
  }

  /** Deploys `name` from `from` (default: account 0); returns its address and the deploy gas. */
  async deploy(name: string, args: readonly unknown[], from?: WalletClient): Promise<{ address: Address } & Sent> {
    await this.tick();
    const { deploymentTransaction } = await this.viem.sendDeploymentTransaction(name, args as unknown[], {
      client: { wallet: from ?? this.wallets[0]! },
    });
    const sent = await this.wait(deploymentTransaction.hash);
    if (!sent.receipt.contractAddress) throw new Error(`deploying ${name} created no contract`);
    return { address: sent.receipt.contractAddress, ...sent };
  }

  /** Sends `call` from `from` (default: account 0) and returns the receipt's gas. Reverts throw. */
  async send(call: Call, from?: WalletClient): Promise<Sent> {
    const wallet = from ?? this.wallets[0]!;
    await this.tick();
    const hash = await wallet.writeContract({
      address: call.address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args,
      value: call.value,
      account: wallet.account,
      chain: wallet.chain,
    } as Parameters<WalletClient["writeContract"]>[0]);
    return this.wait(hash);
  }

  private async wait(hash: Hash): Promise<Sent> {
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
    return { hash, gasUsed: receipt.gasUsed, receipt };
  }

  /** Runs `body` and restores the chain to the state before it, whatever `body` did. */
  async isolated<T>(body: () => Promise<T>): Promise<T> {
    const snapshot = await this.connection.networkHelpers.takeSnapshot();
    try {
      return await body();
    } finally {
      await snapshot.restore();
    }
  }

  /** A wallet for `address`, impersonated and funded: a fresh account that can send transactions. */
  async impersonate(address: Address): Promise<WalletClient> {
    await this.connection.networkHelpers.impersonateAccount(address);
    await this.connection.networkHelpers.setBalance(address, 10n ** 20n);
    return this.viem.getWalletClient(address);
  }

  async chainId(): Promise<number> {
    return this.publicClient.getChainId();
  }
}

/** ERC-721 `Transfer` token ids in a receipt, for `contract`, in log order. */
export function transferredTokenIds(receipt: TransactionReceipt, contract: Address): bigint[] {
  const ids: bigint[] = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== contract.toLowerCase()) continue;
    if (log.topics[0] !== TRANSFER_TOPIC || log.topics.length !== 4) continue;
    ids.push(BigInt(log.topics[3] as Hex));
  }
  return ids;
}

/** Decodes the first log of `eventName` from `abi` emitted by `contract` in `receipt`. */
export function findEvent(
  receipt: TransactionReceipt,
  abi: Abi,
  eventName: string,
  contract?: Address,
): Record<string, unknown> | undefined {
  for (const log of receipt.logs) {
    if (contract && log.address.toLowerCase() !== contract.toLowerCase()) continue;
    try {
      const decoded = decodeEventLog({ abi, data: log.data, topics: log.topics });
      if (decoded.eventName === eventName) return decoded.args as unknown as Record<string, unknown>;
    } catch {
      // not an event of this ABI
    }
  }
  return undefined;
}

/** keccak256("Transfer(address,address,uint256)") */
const TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
