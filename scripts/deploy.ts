/**
 * Deploys mintkit to a network: the MintkitCollection, MintkitEditions and CredentialRegistry
 * implementations and the MintkitFactory that clones them, and optionally one collection through the factory.
 *
 *   npx hardhat run scripts/deploy.ts --network <name>
 *
 * The core contracts go through the deterministic deployer (0x4e59…956C) with fixed salts, so they have the
 * same addresses on every chain (computed from the build, never recorded). Re-running is safe: a core contract
 * whose address has code is checked against the build (immutables aside) and reused; one without code is
 * deployed. On a chain without the deterministic deployer, a local dev chain (the in-process network, chain id
 * 31337 or 1337) gets it installed (its presigned transaction); elsewhere the script stops with
 * DEPLOY_NO_DEPLOYER and says how to install it.
 * A collection created here is recorded in deployments/<chainId>.json (atomic write); on Hardhat's in-process
 * network nothing is recorded (that chain ends with the script).
 * The work is done by the library (src/deploy: ensureCoreContracts, createCollection), as `mintkit deploy` does.
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
 * Missing addresses default to the deployer (owner, royalty receiver when royaltyBps > 0) or zero (sale
 * recipient = owner).
 *
 * Optional soulbound credential registry (recorded under "credentialRegistries", as `mintkit deploy credentials`
 * does, so the CLI finds it by name): MINTKIT_CREDENTIALS_NAME (required to create one), MINTKIT_CREDENTIALS_SYMBOL,
 * MINTKIT_CREDENTIALS_OWNER, MINTKIT_CREDENTIALS_SALT.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { network } from "hardhat";
import { getAddress } from "viem";
import {
  createCollection,
  deployCredentialRegistry,
  ensureCoreContracts,
  installDeterministicDeployer,
  resolveCollectionConfig,
  type ContractConfigInput,
  type DeployClients,
  type DeploymentRecord,
} from "../src/deploy/index.js";
import { deploymentsPath, readDeployments, withRecordedContract, writeDeployments } from "../src/deploy/node.js";
import { emptyDeploymentRecord } from "../src/deploy/types.js";

const connection = await network.create();
const { viem } = connection;
const publicClient = await viem.getPublicClient();
const [deployer] = await viem.getWalletClients();
if (!deployer) throw new Error(`network "${connection.networkName}" has no account to deploy from (configure its accounts)`);
const chainId = await publicClient.getChainId();
const inProcess = connection.networkConfig.type === "edr-simulated";
const clients = { publicClient, walletClient: deployer } as unknown as DeployClients;

let record: DeploymentRecord = inProcess
  ? emptyDeploymentRecord(chainId, connection.networkName)
  : await readDeployments(chainId, { network: connection.networkName });
record.network = connection.networkName;

async function save(next: DeploymentRecord): Promise<void> {
  record = next;
  if (!inProcess) await writeDeployments(record);
}

console.log(`mintkit deploy → ${connection.networkName} (chain ${chainId}) from ${getAddress(deployer.account.address)}`);

// Implementations and factory ------------------------------------------------------------------------
if (inProcess || chainId === 31337 || chainId === 1337) await installDeterministicDeployer(clients);
const core = await ensureCoreContracts({
  ...clients,
  onStep: (step) => {
    console.log(
      step.reused
        ? `  ${step.name.padEnd(18)} ${step.address} (already on chain, code checked)`
        : `  ${step.name.padEnd(18)} ${step.address} (deployed, tx ${step.transactionHash}, ${step.gasUsed} gas)`,
    );
  },
});

// Optional collection --------------------------------------------------------------------------------
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

const request = await collectionRequest();
if (request) {
  if (!request.name) throw new Error('a collection needs a name (MINTKIT_NAME or "name" in the JSON file)');
  const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));
  const input: ContractConfigInput = {
    name: String(request.name),
    symbol: str(request.symbol),
    baseURI: str(request.baseURI),
    contractURI: str(request.contractURI),
    maxSupply: str(request.maxSupply),
    owner: str(request.owner),
    royaltyReceiver: str(request.royaltyReceiver),
    royaltyBps: str(request.royaltyBps),
    primarySaleRecipient: str(request.primarySaleRecipient),
  };
  const config = resolveCollectionConfig(input, { creator: deployer.account.address });
  const created = await createCollection({ ...clients, factory: core.factory.address, config, salt: str(request.salt) });
  const known = record.collections[config.name];
  await save(
    withRecordedContract(
      record,
      "collections",
      config.name,
      created.reused && known?.address === created.address
        ? known
        : {
            address: created.address,
            creator: created.creator,
            salt: created.salt,
            ...(created.transactionHash ? { transactionHash: created.transactionHash } : {}),
          },
    ),
  );
  console.log(
    created.reused
      ? `  collection "${config.name}" ${created.address} (already created with salt "${created.salt}", reused)`
      : `  collection "${config.name}" ${created.address} (created, tx ${created.transactionHash}, ${created.gasUsed} gas)`,
  );
}

// Optional credential registry -----------------------------------------------------------------------
if (process.env.MINTKIT_CREDENTIALS_NAME) {
  const env = (key: string) => process.env[`MINTKIT_CREDENTIALS_${key}`] || undefined;
  const salt = env("SALT");
  const registry = await deployCredentialRegistry({
    ...clients,
    factory: core.factory.address,
    config: { name: env("NAME"), symbol: env("SYMBOL"), owner: env("OWNER") },
    ...(salt !== undefined ? { salt } : {}),
  });
  const { name, owner, symbol } = registry.config;
  const known = record.credentialRegistries?.[name];
  await save(
    withRecordedContract(
      record,
      "credentialRegistries",
      name,
      registry.reused && known?.address === registry.address
        ? known
        : {
            address: registry.address,
            owner,
            symbol,
            creator: registry.creator,
            salt: registry.salt,
            ...(registry.transactionHash ? { transactionHash: registry.transactionHash } : {}),
          },
    ),
  );
  console.log(
    registry.reused
      ? `  credential registry "${name}" ${registry.address} (already created with salt "${registry.salt}", reused)`
      : `  credential registry "${name}" ${registry.address} (created, tx ${registry.transactionHash}, ${registry.gasUsed} gas)`,
  );
}
for (const [name, entry] of Object.entries(record.credentialRegistries ?? {})) console.log(`  recorded credential registry "${name}" ${entry.address}`);

console.log(
  inProcess
    ? "In-process network: nothing recorded (its chain ends with this script). Use --network <name> to deploy for real."
    : `Recorded in ${path.relative(process.cwd(), deploymentsPath(chainId))}`,
);
