/**
 * The credential jobs: issue a credential to a fresh holder, revoke it, and check 3 of its 16 claims on
 * chain. Subjects: mintkit's CredentialRegistry, the Ethereum Attestation Service 1.9 (bench/contracts/eas,
 * a private-data attestation: the claims root as the attestation data) and a plain OpenZeppelin soulbound
 * ERC-721 (bench/contracts/PeerOZSoulbound.sol). Every subject gets the same claims root, the same expiry
 * and the same fresh recipient.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { encodeAbiParameters, encodeFunctionData, keccak256, toBytes, type Abi, type Address, type Hex, type TransactionReceipt } from "viem";
import { findEvent, transferredTokenIds, type BenchChain, type Call, type WalletClient } from "./chain.js";
import { GENESIS_TIMESTAMP } from "./config.js";

/** Claims per credential and the disclosed subset of the on-chain check. */
export const CLAIMS = 16;
export const DISCLOSED = [0, 2, 10] as const;
/** Credential expiry: one year after genesis (non-zero, as a real licence or membership has). */
export const CREDENTIAL_EXPIRY = GENESIS_TIMESTAMP + 365n * 24n * 3600n;
/** The EAS schema of a private-data attestation (what EAS's own private-data flow registers). */
export const EAS_PRIVATE_DATA_SCHEMA = "bytes32 privateData";

const LEAF_ENCODING = ["string", "string", "bytes", "bytes32"];

/** A deterministic 16-claim tree with EAS private-data leaves (salts fixed so calldata never changes). */
export function claimsTree(tag: string) {
  const values: [string, string, Hex, Hex][] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const salt = keccak256(toBytes(`mintkit-bench:salt:${tag}:${i}`));
    if (i === 0) values.push(["bool", "age_over_18", encodeAbiParameters([{ type: "bool" }], [true]), salt]);
    else if (i === 2) values.push(["string", "nationality", encodeAbiParameters([{ type: "string" }], ["NL"]), salt]);
    else values.push(["uint256", `score_${i}`, encodeAbiParameters([{ type: "uint256" }], [BigInt(i * 1000 + 7)]), salt]);
  }
  const tree = StandardMerkleTree.of(values, LEAF_ENCODING);
  return { tree, root: tree.root as Hex };
}

/** The multiproof of the disclosed claims in the form `verifyClaims(tokenId, leaves, proof, proofFlags)` takes. */
export function disclosure(tag: string) {
  const { tree } = claimsTree(tag);
  const multi = tree.getMultiProof([...DISCLOSED]);
  return {
    leaves: multi.leaves.map((leaf) => tree.leafHash(leaf) as Hex),
    proof: multi.proof as Hex[],
    proofFlags: multi.proofFlags,
  };
}

/** A deployed credential registry and how to ask it for each job. */
export interface CredentialIssuer {
  address: Address;
  abi: Abi;
  issue(to: Address, root: Hex, expiry: bigint): Call;
  /** The credential id (token id or attestation uid) an issue transaction created. */
  issuedId(receipt: TransactionReceipt): bigint | Hex;
  revoke(id: bigint | Hex): Call;
  /** Calldata of the on-chain claim check, if the subject has one. */
  verifyClaimsData?(id: bigint | Hex, leaves: Hex[], proof: Hex[], proofFlags: boolean[]): Hex;
}

export interface CredentialSubject {
  subject: string;
  describe: string;
  deploy(chain: BenchChain, owner: WalletClient): Promise<CredentialIssuer>;
}

function firstTokenId(receipt: TransactionReceipt, contract: Address): bigint {
  const [id] = transferredTokenIds(receipt, contract);
  if (id === undefined) throw new Error("issue emitted no Transfer");
  return id;
}

/** The registry's config in the bench (the same for the direct deploy and the factory clone). */
export function credentialConfig(owner: Address) {
  return { owner, name: "mintkit Credentials", symbol: "MKC", baseURI: "", contractURI: "" };
}

/**
 * mintkit's registry at `address` (deployed directly or made by MintkitFactory) as a subject: registers the
 * bench's 16-field schema (id 1) and builds the calls.
 */
export async function mintkitCredentialIssuer(
  chain: BenchChain,
  owner: WalletClient,
  address: Address,
  abi: Abi,
): Promise<CredentialIssuer> {
  const fields = Array.from({ length: CLAIMS }, (_, i) => `uint256 score_${i}`);
  await chain.send({ address, abi, functionName: "registerSchema", args: ["KYC", fields] }, owner);
  const schemaId = 1;
  return {
    address,
    abi,
    issue: (to, root, expiry) => ({ address, abi, functionName: "issue", args: [to, schemaId, root, expiry, 0] }),
    issuedId: (receipt) => firstTokenId(receipt, address),
    revoke: (id) => ({ address, abi, functionName: "revoke", args: [id, ""] }),
    verifyClaimsData: (id, leaves, proof, proofFlags) =>
      encodeFunctionData({ abi, functionName: "verifyClaims", args: [id, leaves, proof, proofFlags] }),
  };
}

const mintkit: CredentialSubject = {
  subject: "mintkit",
  describe: "mintkit CredentialRegistry (ERC-721 + ERC-5192 + ERC-5484, packed record + root)",
  async deploy(chain, owner) {
    const { address } = await chain.deploy("CredentialRegistry", [credentialConfig(owner.account.address)], owner);
    return mintkitCredentialIssuer(chain, owner, address, await chain.abiOf("CredentialRegistry"));
  },
};

const eas: CredentialSubject = {
  subject: "eas",
  describe: `EAS 1.9 attest/revoke, schema "${EAS_PRIVATE_DATA_SCHEMA}" (revocable, no resolver)`,
  async deploy(chain, owner) {
    const registry = await chain.deploy("SchemaRegistry", [], owner);
    const registryAbi = await chain.abiOf("SchemaRegistry");
    const { address } = await chain.deploy("EAS", [registry.address], owner);
    const abi = await chain.abiOf("EAS");
    const registered = await chain.send(
      { address: registry.address, abi: registryAbi, functionName: "register", args: [EAS_PRIVATE_DATA_SCHEMA, "0x0000000000000000000000000000000000000000", true] },
      owner,
    );
    const schema = findEvent(registered.receipt, registryAbi, "Registered")?.["uid"] as Hex | undefined;
    if (!schema) throw new Error("SchemaRegistry.register emitted no Registered event");
    return {
      address,
      abi,
      issue: (to, root, expiry) => ({
        address,
        abi,
        functionName: "attest",
        args: [{ schema, data: { recipient: to, expirationTime: expiry, revocable: true, refUID: `0x${"00".repeat(32)}`, data: encodeAbiParameters([{ type: "bytes32" }], [root]), value: 0n } }],
      }),
      issuedId: (receipt) => {
        const uid = findEvent(receipt, abi, "Attested", address)?.["uid"] as Hex | undefined;
        if (!uid) throw new Error("attest emitted no Attested event");
        return uid;
      },
      revoke: (uid) => ({ address, abi, functionName: "revoke", args: [{ schema, data: { uid, value: 0n } }] }),
    };
  },
};

const ozSoulbound: CredentialSubject = {
  subject: "oz_soulbound",
  describe: "OpenZeppelin 5.7 ERC721, transfers blocked, record (1 slot) + root (1 slot)",
  async deploy(chain, owner) {
    const { address } = await chain.deploy("PeerOZSoulbound", [owner.account.address], owner);
    const abi = await chain.abiOf("PeerOZSoulbound");
    return {
      address,
      abi,
      issue: (to, root, expiry) => ({ address, abi, functionName: "issue", args: [to, 1, root, expiry] }),
      issuedId: (receipt) => firstTokenId(receipt, address),
      revoke: (id) => ({ address, abi, functionName: "revoke", args: [id, ""] }),
      verifyClaimsData: (id, leaves, proof, proofFlags) =>
        encodeFunctionData({ abi, functionName: "verifyClaims", args: [id, leaves, proof, proofFlags] }),
    };
  },
};

export const CREDENTIAL_SUBJECTS: CredentialSubject[] = [mintkit, eas, ozSoulbound];

/** Deploys `subject`, issues a warm-up credential (steady state), then one to `recipient`. */
export async function issueFresh(chain: BenchChain, owner: WalletClient, subject: CredentialSubject, recipient: Address) {
  const issuer = await subject.deploy(chain, owner);
  await chain.send(issuer.issue(owner.account.address, claimsTree("warm-up").root, CREDENTIAL_EXPIRY), owner);
  const sent = await chain.send(issuer.issue(recipient, claimsTree("holder").root, CREDENTIAL_EXPIRY), owner);
  return { issuer, sent, id: issuer.issuedId(sent.receipt) };
}

/** Execution gas of `data` on `target` as a view (GasProbe: inside the EVM, storage cold). */
export async function viewExecutionGas(chain: BenchChain, owner: WalletClient, target: Address, data: Hex): Promise<number> {
  const probe = await chain.deploy("GasProbe", [], owner);
  const abi = await chain.abiOf("GasProbe");
  const [gasUsed, ok, word] = (await chain.publicClient.readContract({
    address: probe.address,
    abi,
    functionName: "measure",
    args: [target, data],
  })) as [bigint, boolean, Hex];
  if (!ok) throw new Error("the view reverted");
  if (BigInt(word) !== 1n) throw new Error("the claims did not verify");
  return Number(gasUsed);
}
