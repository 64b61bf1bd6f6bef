import { expect } from "chai";
import { network } from "hardhat";
import { bytesToHex, getAddress, hexToBytes, type Address, type Hex } from "viem";
import {
  checkDisclosure,
  commitClaims,
  createDisclosure,
  credentialTokenId,
  disclosureLeaves,
  type Claim,
  type ClaimValue,
  type Disclosure,
} from "../../src/credentials/index.js";

const { viem } = await network.create();
const CASES = 50;
const SEED = 0x6d696e74; // "mint"

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const ascii = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => 32 + int(95)));
  return { next, int, bytes, ascii, pick: <T>(xs: readonly T[]) => xs[int(xs.length)]! };
}
type Rng = ReturnType<typeof prng>;

const TYPES = ["bool", "string", "uint256", "uint8", "int64", "address", "bytes32", "bytes", "string[]", "uint16[2]"] as const;

function randomValue(rng: Rng, type: string): ClaimValue {
  switch (type) {
    case "bool": return rng.next() < 0.5;
    case "string": return rng.ascii(rng.int(40));
    case "uint256": return BigInt(bytesToHex(rng.bytes(32)));
    case "uint8": return BigInt(rng.int(256));
    case "int64": return BigInt.asIntN(64, BigInt(bytesToHex(rng.bytes(8))));
    case "address": return getAddress(bytesToHex(rng.bytes(20)));
    case "bytes32": return bytesToHex(rng.bytes(32));
    case "bytes": return bytesToHex(rng.bytes(1 + rng.int(70)));
    case "string[]": return Array.from({ length: 1 + rng.int(3) }, () => rng.ascii(1 + rng.int(10)));
    case "uint16[2]": return [BigInt(rng.int(65536)), BigInt(rng.int(65536))];
    default: throw new Error(type);
  }
}

function flipHexBit(rng: Rng, hex: Hex): Hex {
  const bytes = hexToBytes(hex);
  const i = rng.int(bytes.length);
  bytes[i] = bytes[i]! ^ (1 << rng.int(8));
  return bytesToHex(bytes);
}

function flipStringBit(rng: Rng, s: string): string {
  const i = rng.int(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << rng.int(7))) + s.slice(i + 1);
}

/** The same value with one bit of its own representation flipped (undefined: no bit to flip, e.g. ""). */
function flipValueBit(rng: Rng, type: string, value: ClaimValue): ClaimValue | undefined {
  if (type === "bool") return !value;
  if (type === "uint256" || type === "uint8") return (value as bigint) ^ (1n << BigInt(rng.int(type === "uint8" ? 8 : 256)));
  if (type === "int64") return BigInt.asIntN(64, BigInt.asUintN(64, value as bigint) ^ (1n << BigInt(rng.int(64))));
  if (type === "address") return getAddress(flipHexBit(rng, value as Hex));
  if (type === "bytes32" || type === "bytes") return flipHexBit(rng, value as Hex);
  if (type === "string") return (value as string).length === 0 ? undefined : flipStringBit(rng, value as string);
  const items = [...(value as readonly ClaimValue[])];
  const i = rng.int(items.length);
  const inner = type === "string[]" ? "string" : "uint8";
  items[i] = flipValueBit(rng, inner, items[i]!)!;
  return items[i] === undefined ? undefined : items;
}

/** One single-bit change anywhere in a disclosure (a claim's value, name or salt, the proof, a flag, the root). */
function mutate(rng: Rng, d: Disclosure): { disclosure: Disclosure; root: Hex; what: string } {
  for (;;) {
    const where = rng.int(6);
    const i = rng.int(d.claims.length);
    const c = d.claims[i]!;
    const withClaim = (changed: Claim) => ({ ...d, claims: d.claims.map((x, j) => (j === i ? changed : x)) });
    if (where === 0) {
      const value = flipValueBit(rng, c.type, c.value);
      if (value !== undefined) return { disclosure: withClaim({ ...c, value }), root: d.root, what: `value of ${c.name} (${c.type})` };
    } else if (where === 1) {
      return { disclosure: withClaim({ ...c, salt: flipHexBit(rng, c.salt) }), root: d.root, what: `salt of ${c.name}` };
    } else if (where === 2) {
      return { disclosure: withClaim({ ...c, name: flipStringBit(rng, c.name) }), root: d.root, what: `name of ${c.name}` };
    } else if (where === 3 && d.proof.length > 0) {
      const k = rng.int(d.proof.length);
      return { disclosure: { ...d, proof: d.proof.map((p, j) => (j === k ? flipHexBit(rng, p) : p)) }, root: d.root, what: `proof[${k}]` };
    } else if (where === 4 && d.proofFlags.length > 0) {
      const k = rng.int(d.proofFlags.length);
      return { disclosure: { ...d, proofFlags: d.proofFlags.map((f, j) => (j === k ? !f : f)) }, root: d.root, what: `proofFlags[${k}]` };
    } else if (where === 5) {
      return { disclosure: d, root: flipHexBit(rng, d.root), what: "root" };
    }
  }
}

describe("credentials: property — random claim sets and subsets verify, a single-bit change never does", function () {
  it(`holds for ${CASES} seeded random cases, off-chain and with the registry's verifyClaims`, async () => {
    const [owner] = await viem.getWalletClients(); // the owner holds every role, the issuer role included
    const registry = await viem.deployContract("CredentialRegistry", [
      { owner: owner!.account.address, name: "mintkit credentials", symbol: "MKC", baseURI: "", contractURI: "" },
    ]);
    await registry.write.registerSchema(["random", ["bool any"]]);
    const onChain = async (tokenId: bigint, d: Disclosure, leaves: Hex[]): Promise<boolean> => {
      try {
        return await registry.read.verifyClaims([tokenId, leaves, [...d.proof], [...d.proofFlags]]);
      } catch {
        return false; // a structurally malformed multiproof reverts
      }
    };
    const rng = prng(SEED);
    const mutations = new Map<string, number>();
    for (let n = 0; n < CASES; n++) {
      const count = 1 + rng.int(16);
      const claims: Claim[] = Array.from({ length: count }, (_, i) => {
        const type = rng.pick(TYPES);
        return { type, name: `c${i}_${type.replace(/\W/g, "")}`, value: randomValue(rng, type), salt: bytesToHex(rng.bytes(32)) };
      });
      const { root } = commitClaims(claims);
      const holder: Address = getAddress(bytesToHex(rng.bytes(20)));
      await registry.write.issue([holder, 1, root, 0, 0]);
      const tokenId = credentialTokenId({ holder, schemaId: 1, serial: 0 });
      const names = claims.filter(() => rng.next() < 0.5).map((c) => c.name);
      if (names.length === 0) names.push(rng.pick(claims).name);
      const disclosure = createDisclosure({ claims, names });
      const label = `case ${n} (seed ${SEED}): ${count} claims, disclosing ${names.join(",")}`;

      expect(checkDisclosure(disclosure, root).ok, label).to.equal(true);
      expect(await onChain(tokenId, disclosure, disclosureLeaves(disclosure)), label).to.equal(true);

      const m = mutate(rng, disclosure);
      mutations.set(m.what.split(" ")[0]!, (mutations.get(m.what.split(" ")[0]!) ?? 0) + 1);
      expect(checkDisclosure(m.disclosure, m.root).ok, `${label}; flipped ${m.what}`).to.equal(false);
      if (m.root === disclosure.root) {
        expect(await onChain(tokenId, m.disclosure, disclosureLeaves(m.disclosure)), `${label}; flipped ${m.what} (on-chain)`).to.equal(false);
      }
    }
    expect(mutations.size, `mutation kinds exercised: ${[...mutations.keys()].join(", ")}`).to.be.greaterThanOrEqual(5);
  });
});
