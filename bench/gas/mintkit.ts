/**
 * mintkit's contracts as bench subjects: the collection and the editions contract deployed directly
 * (constructor) and as clones made by MintkitFactory. Calls are built from the compiled ABIs, and a
 * contract that is not built (or lacks a function the bench needs) is skipped with a note, so the bench
 * runs whatever state the contracts are in.
 */
import type { Abi, AbiFunction, AbiParameter, Address, Hex } from "viem";
import { findEvent, type BenchChain, type WalletClient } from "./chain.js";
import { COLLECTION, EDITION, FACTORY_SALT } from "./config.js";
import { credentialConfig, mintkitCredentialIssuer, type CredentialSubject } from "./credentials.js";
import type { Collection721, Deployable, Editions1155, LazyRedeemer } from "./subjects.js";
import type { Voucher } from "./vouchers.js";

export interface MintkitSubjects {
  collections: Deployable<LazyRedeemer>[];
  collectionClones: Deployable<LazyRedeemer>[];
  editions: Deployable<Editions1155>[];
  editionsClones: Deployable<Editions1155>[];
  /** mintkit's CredentialRegistry as a clone made by MintkitFactory.createCredentialRegistry. */
  credentialClones: CredentialSubject[];
  notes: string[];
}

const ZERO: Address = "0x0000000000000000000000000000000000000000";

/** The values the bench gives each Config field, by field name (collection and editions alike). */
function configValues(owner: Address, baseURI: string): Record<string, unknown> {
  return {
    owner,
    name: COLLECTION.name,
    symbol: COLLECTION.symbol,
    baseURI,
    contractURI: COLLECTION.contractURI,
    maxSupply: COLLECTION.maxSupply,
    royaltyReceiver: owner,
    royaltyBps: COLLECTION.royaltyBps,
    primarySaleRecipient: ZERO, // zero = the owner
  };
}

/** Builds the struct `param` from `values` by component name; a field the bench does not know is an error. */
function structArg(param: AbiParameter, values: Record<string, unknown>): Record<string, unknown> {
  if (param.type !== "tuple" || !("components" in param)) throw new Error(`${param.name} is not a struct`);
  const out: Record<string, unknown> = {};
  for (const c of param.components) {
    if (!c.name || !(c.name in values)) throw new Error(`Config field "${c.name}" is unknown to the bench`);
    out[c.name] = values[c.name];
  }
  return out;
}

function constructorStruct(abi: Abi, values: Record<string, unknown>) {
  const ctor = abi.find((item) => item.type === "constructor");
  const param = ctor && "inputs" in ctor ? ctor.inputs[0] : undefined;
  if (!param) throw new Error("constructor takes no Config");
  return structArg(param, values);
}

function requireFunction(abi: Abi, name: string, inputTypes: string[]): AbiFunction {
  const fn = abi.find(
    (item): item is AbiFunction =>
      item.type === "function" &&
      item.name === name &&
      item.inputs.length === inputTypes.length &&
      item.inputs.every((input, i) => input.type === inputTypes[i]),
  );
  if (!fn) throw new Error(`no ${name}(${inputTypes.join(",")})`);
  return fn;
}

function collectionCalls(address: Address, abi: Abi): LazyRedeemer {
  requireFunction(abi, "mint", ["address"]);
  requireFunction(abi, "mintBatch", ["address", "uint256", "uint256"]);
  requireFunction(abi, "redeem", ["tuple", "address", "bytes"]);
  return {
    address,
    abi,
    mint: (to) => ({ address, abi, functionName: "mint", args: [to] }),
    // Ids start at 1: after `mintedBefore` tokens the batch starts at `mintedBefore + 1`.
    mintBatch: (to, quantity, mintedBefore) => ({
      address,
      abi,
      functionName: "mintBatch",
      args: [to, quantity, mintedBefore + 1n],
    }),
    redeem: (voucher: Voucher, signer: Address, signature: Hex, value: bigint) => ({
      address,
      abi,
      functionName: "redeem",
      args: [voucher, signer, signature],
      value,
    }),
    // reserve(count) sets the next `count` ids aside for vouchers naming them (TokensReserved says where).
    explicitIds: async (chain, owner, count) => {
      const sent = await chain.send({ address, abi, functionName: "reserve", args: [BigInt(count)] }, owner);
      const event = findEvent(sent.receipt, abi, "TokensReserved", address);
      if (event === undefined) throw new Error("reserve emitted no TokensReserved");
      const first = event["firstTokenId"] as bigint;
      return Array.from({ length: count }, (_, i) => first + BigInt(i));
    },
  };
}

function editionsCalls(address: Address, abi: Abi): Editions1155 {
  requireFunction(abi, "mint", ["address", "uint256", "uint256", "uint256", "bytes"]);
  return {
    address,
    abi,
    // mint(to, id, amount, maxSupply, data): creates `id` with its cap on its first mint.
    mintNewId: (to, amount, maxSupply, nextId) => ({
      address,
      abi,
      functionName: "mint",
      args: [to, nextId, amount, maxSupply, "0x"],
    }),
  };
}

/** Finds mintkit's contracts, deploys the factory and its implementations (not measured). */
export async function mintkitSubjects(chain: BenchChain, deployer: WalletClient): Promise<MintkitSubjects> {
  const subjects: MintkitSubjects = { collections: [], collectionClones: [], editions: [], editionsClones: [], credentialClones: [], notes: [] };
  const missing = async (name: string) => {
    if (await chain.hasArtifact(name)) return false;
    subjects.notes.push(`${name} is not built: its rows are skipped`);
    return true;
  };

  let collectionAbi: Abi | undefined;
  let editionsAbi: Abi | undefined;
  if (!(await missing("MintkitCollection"))) {
    const abi = await chain.abiOf("MintkitCollection");
    try {
      collectionCalls(ZERO, abi);
      collectionAbi = abi;
      subjects.collections.push({
        subject: "mintkit",
        describe: "MintkitCollection, deployed directly (constructor)",
        async deploy(c, owner) {
          const args = [constructorStruct(abi, configValues(owner.account.address, COLLECTION.baseURI))];
          const { address, gasUsed } = await c.deploy("MintkitCollection", args, owner);
          return { contract: collectionCalls(address, abi), gasUsed };
        },
      });
    } catch (error) {
      subjects.notes.push(`MintkitCollection skipped: ${(error as Error).message}`);
    }
  }
  if (!(await missing("MintkitEditions"))) {
    const abi = await chain.abiOf("MintkitEditions");
    try {
      editionsCalls(ZERO, abi);
      editionsAbi = abi;
      subjects.editions.push({
        subject: "mintkit",
        describe: "MintkitEditions, deployed directly (constructor)",
        async deploy(c, owner) {
          const args = [constructorStruct(abi, configValues(owner.account.address, EDITION.baseURI))];
          const { address, gasUsed } = await c.deploy("MintkitEditions", args, owner);
          return { contract: editionsCalls(address, abi), gasUsed };
        },
      });
    } catch (error) {
      subjects.notes.push(`MintkitEditions skipped: ${(error as Error).message}`);
    }
  }

  if (!collectionAbi || !editionsAbi || (await missing("CredentialRegistry")) || (await missing("MintkitFactory"))) {
    if (collectionAbi && editionsAbi) subjects.notes.push("factory clone rows skipped");
    return subjects;
  }
  try {
    // The implementations are ordinary direct deploys (their constructor initializes them for good).
    const owner = deployer.account.address;
    const collectionImpl = await chain.deploy(
      "MintkitCollection",
      [constructorStruct(collectionAbi, configValues(owner, COLLECTION.baseURI))],
      deployer,
    );
    const editionsImpl = await chain.deploy(
      "MintkitEditions",
      [constructorStruct(editionsAbi, configValues(owner, EDITION.baseURI))],
      deployer,
    );
    const registryImpl = await chain.deploy("CredentialRegistry", [credentialConfig(owner)], deployer);
    const factory = await chain.deploy(
      "MintkitFactory",
      [collectionImpl.address, editionsImpl.address, registryImpl.address],
      deployer,
    );
    const factoryAbi = await chain.abiOf("MintkitFactory");

    const viaFactory = async (
      c: BenchChain,
      creator: WalletClient,
      fn: "createCollection" | "createEditions" | "createCredentialRegistry",
      event: "CollectionCreated" | "EditionsCreated" | "CredentialRegistryCreated",
      values: Record<string, unknown>,
    ) => {
      const param = requireFunction(factoryAbi, fn, ["tuple", "bytes32"]).inputs[0]!;
      const config = structArg(param, values);
      const sent = await c.send({ address: factory.address, abi: factoryAbi, functionName: fn, args: [config, FACTORY_SALT] }, creator);
      const args = findEvent(sent.receipt, factoryAbi, event, factory.address);
      const clone = args?.["clone"] as Address | undefined;
      if (!clone) throw new Error(`${fn} emitted no ${event}`);
      return { clone, gasUsed: sent.gasUsed };
    };
    subjects.collectionClones.push({
      subject: "mintkit",
      describe: "MintkitCollection clone made by MintkitFactory.createCollection",
      async deploy(c, creator) {
        const { clone, gasUsed } = await viaFactory(
          c,
          creator,
          "createCollection",
          "CollectionCreated",
          configValues(creator.account.address, COLLECTION.baseURI),
        );
        return { contract: collectionCalls(clone, collectionAbi), gasUsed };
      },
    });
    subjects.editionsClones.push({
      subject: "mintkit",
      describe: "MintkitEditions clone made by MintkitFactory.createEditions",
      async deploy(c, creator) {
        const { clone, gasUsed } = await viaFactory(
          c,
          creator,
          "createEditions",
          "EditionsCreated",
          configValues(creator.account.address, EDITION.baseURI),
        );
        return { contract: editionsCalls(clone, editionsAbi), gasUsed };
      },
    });
    const registryAbi = await chain.abiOf("CredentialRegistry");
    subjects.credentialClones.push({
      subject: "mintkit",
      describe: "CredentialRegistry clone made by MintkitFactory.createCredentialRegistry",
      async deploy(c, creator) {
        const { clone } = await viaFactory(
          c,
          creator,
          "createCredentialRegistry",
          "CredentialRegistryCreated",
          credentialConfig(creator.account.address),
        );
        return mintkitCredentialIssuer(c, creator, clone, registryAbi);
      },
    });
  } catch (error) {
    subjects.notes.push(`factory clone rows skipped: ${(error as Error).message.split("\n")[0]}`);
  }
  return subjects;
}
