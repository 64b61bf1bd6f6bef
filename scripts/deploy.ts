/**
 * Deploys mintkit to a network: the MintkitCollection and MintkitEditions implementations and the
 * MintkitFactory that clones them, and optionally one collection through the factory.
 *
 *   npx hardhat run scripts/deploy.ts --network <name>
 *
 * Addresses are recorded in deployments/<chainId>.json after each step. Re-running is safe: a recorded
 * contract whose address still has code is reused (the factory only if it points at the recorded
 * implementations), anything else is deployed again. The script does not compare the code on chain with
 * the current build: after changing a contract, delete its entry (or the file) to redeploy it.
 * On Hardhat's in-process network nothing is recorded (that chain ends with the script).
 *
 * Optional collection, created through the factory with a deterministic salt (so re-running finds it
 * instead of creating a second one):
 *   MINTKIT_COLLECTION=path/to/collection.json  a JSON object with MintkitCollection.Config fields
 *                                               (owner, name, symbol, baseURI, contractURI, maxSupply,
 *                                               royaltyReceiver, royaltyBps, primarySaleRecipient) and an
 *                                               optional "salt" (any string)
 *   or the same fields as env vars: MINTKIT_NAME (required to create one), MINTKIT_SYMBOL, MINTKIT_BASE_URI,
 *   MINTKIT_CONTRACT_URI, MINTKIT_MAX_SUPPLY, MINTKIT_OWNER, MINTKIT_ROYALTY_RECEIVER, MINTKIT_ROYALTY_BPS,
 *   MINTKIT_PRIMARY_SALE_RECIPIENT, MINTKIT_SALT.
 * Missing addresses default to the deployer (owner, royalty receiver) or zero (sale recipient = owner).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { network } from "hardhat";
import { getAddress, isAddress, keccak256, toBytes, zeroAddress, type Address, type Hash } from "viem";

interface Recorded {
  address: Address;
  transactionHash?: Hash;
}

interface DeploymentFile {
  chainId: number;
  network: string;
  contracts: Partial<Record<"MintkitCollection" | "MintkitEditions" | "MintkitFactory", Recorded>>;
  collections: Record<string, Recorded & { creator: Address; salt: string }>;
}

const connection = await network.create();
const { viem } = connection;
const publicClient = await viem.getPublicClient();
const [deployer] = await viem.getWalletClients();
if (!deployer) throw new Error(`network "${connection.networkName}" has no account to deploy from (configure its accounts)`);
const chainId = await publicClient.getChainId();
const inProcess = connection.networkConfig.type === "edr-simulated";
const file = path.join(process.cwd(), "deployments", `${chainId}.json`);

const record: DeploymentFile =
  !inProcess && existsSync(file)
    ? (JSON.parse(await readFile(file, "utf8")) as DeploymentFile)
    : { chainId, network: connection.networkName, contracts: {}, collections: {} };

async function save(): Promise<void> {
  if (inProcess) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
}

async function hasCode(address: Address | undefined): Promise<boolean> {
  if (!address) return false;
  const code = await publicClient.getCode({ address });
  return code !== undefined && code !== "0x";
}

console.log(`mintkit deploy → ${connection.networkName} (chain ${chainId}) from ${getAddress(deployer.account.address)}`);

// ---------------------------------------------------------------------------------------------------
// Implementations and factory
// ---------------------------------------------------------------------------------------------------

/** The implementations are initialized by their own constructors (owned by the deployer, no metadata),
 *  so nobody can initialize them; clones never read their storage. */
const implementationConfig = {
  owner: deployer.account.address,
  name: "mintkit implementation",
  symbol: "MINTKIT",
  baseURI: "",
  contractURI: "",
  royaltyReceiver: zeroAddress,
  royaltyBps: 0n,
  primarySaleRecipient: zeroAddress,
};

async function ensure(
  name: keyof DeploymentFile["contracts"],
  args: readonly unknown[],
  stillValid: (address: Address) => Promise<boolean> = async () => true,
): Promise<Address> {
  const known = record.contracts[name];
  if (known && (await hasCode(known.address)) && (await stillValid(known.address))) {
    console.log(`  ${name.padEnd(18)} ${known.address} (recorded, reused)`);
    return known.address;
  }
  const { contract, deploymentTransaction } = await viem.sendDeploymentTransaction(name, args as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash: deploymentTransaction.hash });
  if (receipt.status !== "success") throw new Error(`deploying ${name} reverted (tx ${deploymentTransaction.hash})`);
  record.contracts[name] = { address: contract.address, transactionHash: deploymentTransaction.hash };
  await save();
  console.log(`  ${name.padEnd(18)} ${contract.address} (deployed, tx ${deploymentTransaction.hash}, ${receipt.gasUsed} gas)`);
  return contract.address;
}

const collectionImpl = await ensure("MintkitCollection", [{ ...implementationConfig, maxSupply: 0n }]);
const editionsImpl = await ensure("MintkitEditions", [implementationConfig]);
const factoryAddress = await ensure("MintkitFactory", [collectionImpl, editionsImpl], async (address) => {
  const factory = await viem.getContractAt("MintkitFactory", address);
  return (
    getAddress(await factory.read.collectionImplementation()) === getAddress(collectionImpl) &&
    getAddress(await factory.read.editionsImplementation()) === getAddress(editionsImpl)
  );
});

// ---------------------------------------------------------------------------------------------------
// Optional collection
// ---------------------------------------------------------------------------------------------------

type Fields = Record<string, string | number | undefined>;

async function collectionRequest(): Promise<Fields | undefined> {
  const json = process.env.MINTKIT_COLLECTION;
  if (json) return JSON.parse(await readFile(json, "utf8")) as Fields;
  if (!process.env.MINTKIT_NAME) return undefined;
  const env = (key: string) => process.env[`MINTKIT_${key}`] || undefined;
  return {
    name: env("NAME"),
    symbol: env("SYMBOL"),
    baseURI: env("BASE_URI"),
    contractURI: env("CONTRACT_URI"),
    maxSupply: env("MAX_SUPPLY"),
    owner: env("OWNER"),
    royaltyReceiver: env("ROYALTY_RECEIVER"),
    royaltyBps: env("ROYALTY_BPS"),
    primarySaleRecipient: env("PRIMARY_SALE_RECIPIENT"),
    salt: env("SALT"),
  };
}

function address(value: string | number | undefined, fallback: Address, field: string): Address {
  if (value === undefined || value === "") return fallback;
  if (typeof value !== "string" || !isAddress(value)) throw new Error(`${field} is not an address: ${value}`);
  return getAddress(value);
}

const request = await collectionRequest();
if (request) {
  if (!request.name) throw new Error("a collection needs a name (MINTKIT_NAME or \"name\" in the JSON file)");
  const me = deployer.account.address;
  const config = {
    owner: address(request.owner, me, "owner"),
    name: String(request.name),
    symbol: String(request.symbol ?? ""),
    baseURI: String(request.baseURI ?? ""),
    contractURI: String(request.contractURI ?? ""),
    maxSupply: BigInt(request.maxSupply ?? 0),
    royaltyReceiver: address(request.royaltyReceiver, me, "royaltyReceiver"),
    royaltyBps: BigInt(request.royaltyBps ?? 0),
    primarySaleRecipient: address(request.primarySaleRecipient, zeroAddress, "primarySaleRecipient"),
  };
  const saltText = String(request.salt ?? `${config.name}:${config.symbol}`);
  const salt = keccak256(toBytes(saltText));
  const factory = await viem.getContractAt("MintkitFactory", factoryAddress);
  const predicted = await factory.read.predictCollectionAddress([me, salt]);

  if (await hasCode(predicted)) {
    console.log(`  collection "${config.name}" ${predicted} (already created with salt "${saltText}", reused)`);
    record.collections[config.name] ??= { address: predicted, creator: getAddress(me), salt: saltText };
  } else {
    const hash = await factory.write.createCollection([config, salt]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`createCollection reverted (tx ${hash})`);
    record.collections[config.name] = { address: predicted, creator: getAddress(me), salt: saltText, transactionHash: hash };
    console.log(`  collection "${config.name}" ${predicted} (created, tx ${hash}, ${receipt.gasUsed} gas)`);
  }
  await save();
}

console.log(
  inProcess
    ? "In-process network: nothing recorded (its chain ends with this script). Use --network <name> to deploy for real."
    : `Recorded in ${path.relative(process.cwd(), file)}`,
);
