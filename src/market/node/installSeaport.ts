import { concat, encodeAbiParameters, getAddress, type Address, type Hash, type Hex } from "viem";
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { assertSeaport } from "../assertSeaport.js";
import { seaportCreationCode } from "../generated/seaportCreationCode.js";
import { marketError } from "../marketProblem.js";
import { CONDUIT_CONTROLLER_ADDRESS, SEAPORT_V1_6_ADDRESS } from "../seaportAddresses.js";
import {
  CONDUIT_CONTROLLER_SALT,
  IMMUTABLE_CREATE2_FACTORY_ADDRESS,
  IMMUTABLE_CREATE2_FACTORY_SALT,
  INEFFICIENT_IMMUTABLE_CREATE2_FACTORY_ADDRESS,
  KEYLESS_CREATE2_ADDRESS,
  KEYLESS_CREATE2_DEPLOYER_ADDRESS,
  SEAPORT_V1_6_SALT,
  conduitControllerCreationCode,
  immutableCreate2FactoryCreationCode,
  inefficientImmutableCreate2FactoryCreationCode,
  keylessCreate2Transaction,
} from "./canonicalDeployment.js";



/** Gas price × gas limit of the presigned keyless transaction: 100 gwei × 100,000. */
const KEYLESS_FUNDING = 100_000_000_000n * 100_000n;

export interface InstallSeaportReturnType {
  readonly seaport: Address;
  readonly conduitController: Address;
  /** False when Seaport 1.6 was already there (nothing sent). */
  readonly installed: boolean;
  readonly transactionHashes: readonly Hash[];
}

/**
 * Installs Seaport 1.6 and its ConduitController at their canonical addresses on a chain that lacks them (a
 * local dev chain), the way they are deployed on every chain: the keyless CREATE2 contract from its presigned
 * transaction (its signer funded with 0.01 ETH from the wallet), the inefficient then the canonical
 * ImmutableCreate2Factory, then `safeCreate2` with the canonical salts and creation code. The constructors
 * run at the canonical addresses on this chain, so Seaport's immutables (chain id, domain separator,
 * ConduitController) are this chain's, and CREATE2 only lands on the canonical addresses with the exact
 * bytes deployed on mainnet. Idempotent: nothing is sent when Seaport 1.6 is there. Node-only (the creation
 * code is ~26 kB); the wallet pays (about 7M gas in all).
 *
 * @example
 * const { viem } = await network.connect();
 * await installSeaport({ publicClient: await viem.getPublicClient(), walletClient: (await viem.getWalletClients())[0] });
 */
export async function installSeaport(clients: DeployClients): Promise<InstallSeaportReturnType> {
  const { publicClient, walletClient } = clients;
  const chainId = await publicClient.getChainId();
  const seaport = getAddress(SEAPORT_V1_6_ADDRESS);
  const conduitController = getAddress(CONDUIT_CONTROLLER_ADDRESS);
  const hashes: Hash[] = [];
  if (await hasCode(clients, seaport)) {
    await assertSeaport(publicClient, { seaport, chainId });
    return { seaport, conduitController, installed: false, transactionHashes: hashes };
  }
  const send = async (to: Address, data: Hex, value = 0n): Promise<void> => {
    const hash = await walletClient.sendTransaction({ to, data, value, account: walletClient.account, chain: walletClient.chain ?? null });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw marketError("MARKET_TRANSACTION_REVERTED", { transactionHash: hash });
    hashes.push(hash);
  };
  const create2 = async (factory: Address, salt: Hex, code: Hex, expected: Address) => {
    if (await hasCode(clients, expected)) return;
    await send(factory, encodeFunctionData(salt, code));
    if (!(await hasCode(clients, expected))) throw marketError("MARKET_SEAPORT_NOT_DEPLOYED", { seaport: expected, chainId });
  };

  if (!(await hasCode(clients, IMMUTABLE_CREATE2_FACTORY_ADDRESS))) {
    if (!(await hasCode(clients, KEYLESS_CREATE2_ADDRESS))) {
      const balance = await publicClient.getBalance({ address: KEYLESS_CREATE2_DEPLOYER_ADDRESS });
      if (balance < KEYLESS_FUNDING) await send(KEYLESS_CREATE2_DEPLOYER_ADDRESS, "0x", KEYLESS_FUNDING - balance);
      const hash = await publicClient.sendRawTransaction({ serializedTransaction: keylessCreate2Transaction });
      await publicClient.waitForTransactionReceipt({ hash });
      hashes.push(hash);
    }
    if (!(await hasCode(clients, INEFFICIENT_IMMUTABLE_CREATE2_FACTORY_ADDRESS))) {
      await send(KEYLESS_CREATE2_ADDRESS, inefficientImmutableCreate2FactoryCreationCode);
    }
    await create2(INEFFICIENT_IMMUTABLE_CREATE2_FACTORY_ADDRESS, IMMUTABLE_CREATE2_FACTORY_SALT, immutableCreate2FactoryCreationCode, IMMUTABLE_CREATE2_FACTORY_ADDRESS);
  }
  await create2(IMMUTABLE_CREATE2_FACTORY_ADDRESS, CONDUIT_CONTROLLER_SALT, conduitControllerCreationCode, conduitController);
  await create2(IMMUTABLE_CREATE2_FACTORY_ADDRESS, SEAPORT_V1_6_SALT, seaportInitCode(), seaport);
  await assertSeaport(publicClient, { seaport, chainId });
  return { seaport, conduitController, installed: true, transactionHashes: hashes };
}

/** Seaport 1.6's creation code with its constructor argument (the canonical ConduitController). */
export function seaportInitCode(): Hex {
  return concat([seaportCreationCode, encodeAbiParameters([{ type: "address" }], [CONDUIT_CONTROLLER_ADDRESS])]);
}

function encodeFunctionData(salt: Hex, code: Hex): Hex {
  return concat(["0x64e03087", encodeAbiParameters([{ type: "bytes32" }, { type: "bytes" }], [salt, code])]);
}

async function hasCode(clients: DeployClients, address: Address): Promise<boolean> {
  const code = await clients.publicClient.getCode({ address });
  return code !== undefined && code !== "0x";
}
