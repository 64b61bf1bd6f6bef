/**
 * Test helper: a minimal re-implementation of OpenZeppelin's `StandardMerkleTree` (@openzeppelin/merkle-tree,
 * format "standard-v1") with viem — leaf hashing, tree building and multiproofs — plus the EAS private-data
 * claim encoding. Only what the credential tests need; checked against a tree dumped by the real library.
 */
import { concat, encodeAbiParameters, keccak256, parseAbiParameters, type Hex } from "viem";

/** keccak256(keccak256(abi.encode(types, values))) — OZ `standardLeafHash`. */
export function standardLeafHash(types: readonly string[], values: readonly unknown[]): Hex {
  const params = types.map((type) => ({ type }));
  return keccak256(keccak256(encodeAbiParameters(params, values as unknown[])));
}

/** A claim as the holder keeps it: EAS private-data `(type, name, value, salt)`. */
export interface Claim {
  type: string;
  name: string;
  value: unknown;
  salt: Hex;
}

/** ABI-encodes a claim's value under its type (`abi.encode(value)`), as EAS does. */
export function encodeClaimValue(type: string, value: unknown): Hex {
  return encodeAbiParameters([{ type }], [value]);
}

/** The EAS private-data leaf: StandardMerkleTree over ["string","string","bytes","bytes32"]. */
export function claimLeaf(claim: Claim): Hex {
  return keccak256(
    keccak256(
      encodeAbiParameters(parseAbiParameters("string, string, bytes, bytes32"), [
        claim.type,
        claim.name,
        encodeClaimValue(claim.type, claim.value),
        claim.salt,
      ]),
    ),
  );
}

/** Sorted-pair keccak256, as OpenZeppelin `Hashes.commutativeKeccak256`. */
export function hashPair(a: Hex, b: Hex): Hex {
  return BigInt(a) <= BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

export interface MultiProof {
  leaves: Hex[];
  proof: Hex[];
  proofFlags: boolean[];
}

const parent = (i: number) => Math.floor((i - 1) / 2);
const sibling = (i: number) => (i % 2 === 1 ? i + 1 : i - 1);

/** A complete binary tree laid out as OZ does: leaves at the end of the array in reverse order, root at 0. */
export class StandardTree {
  readonly tree: Hex[];
  /** Leaf hashes in tree order (sorted ascending, as `StandardMerkleTree.of` does by default). */
  readonly leaves: Hex[];

  constructor(leafHashes: Hex[], sortLeaves = true) {
    if (leafHashes.length === 0) throw new Error("empty tree");
    this.leaves = sortLeaves ? [...leafHashes].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : BigInt(x) > BigInt(y) ? 1 : 0)) : [...leafHashes];
    const n = this.leaves.length;
    const tree = new Array<Hex>(2 * n - 1);
    this.leaves.forEach((leaf, i) => {
      tree[tree.length - 1 - i] = leaf;
    });
    for (let i = tree.length - 1 - n; i >= 0; i--) tree[i] = hashPair(tree[2 * i + 1]!, tree[2 * i + 2]!);
    this.tree = tree;
  }

  static ofClaims(claims: Claim[]): StandardTree {
    return new StandardTree(claims.map(claimLeaf));
  }

  get root(): Hex {
    return this.tree[0]!;
  }

  private treeIndexOf(leaf: Hex): number {
    const i = this.leaves.findIndex((l) => l === leaf);
    if (i < 0) throw new Error(`leaf not in tree: ${leaf}`);
    return this.tree.length - 1 - i;
  }

  /** OZ `getMultiProof`: the leaves come back in the order the contract must receive them. */
  getMultiProof(leafHashes: Hex[]): MultiProof {
    const indices = leafHashes.map((l) => this.treeIndexOf(l)).sort((a, b) => b - a);
    if (indices.some((v, i) => i > 0 && v === indices[i - 1])) throw new Error("duplicate leaf");
    const stack = [...indices];
    const proof: Hex[] = [];
    const proofFlags: boolean[] = [];
    while (stack.length > 0 && stack[0]! > 0) {
      const j = stack.shift()!;
      const s = sibling(j);
      const p = parent(j);
      if (s === stack[0]) {
        proofFlags.push(true);
        stack.shift();
      } else {
        proofFlags.push(false);
        proof.push(this.tree[s]!);
      }
      stack.push(p);
    }
    if (indices.length === 0) proof.push(this.tree[0]!);
    return { leaves: indices.map((i) => this.tree[i]!), proof, proofFlags };
  }

  /** OZ `processMultiProof`, off-chain, to check the helper itself. */
  static processMultiProof({ leaves, proof, proofFlags }: MultiProof): Hex {
    if (leaves.length + proof.length !== proofFlags.length + 1) throw new Error("invalid multiproof");
    const queue = [...leaves];
    const hashes: Hex[] = [];
    let proofPos = 0;
    const pop = () => (queue.length > 0 ? queue.shift()! : hashes.shift()!);
    let last: Hex | undefined;
    for (const flag of proofFlags) {
      const a = pop();
      const b = flag ? pop() : proof[proofPos++]!;
      last = hashPair(a, b);
      hashes.push(last);
    }
    if (last !== undefined) return last;
    return leaves.length > 0 ? leaves[0]! : proof[0]!;
  }
}
