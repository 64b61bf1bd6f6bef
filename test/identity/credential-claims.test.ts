import { expect } from "chai";
import { createRequire } from "node:module";
import { network } from "hardhat";
import { encodeAbiParameters, getAddress, keccak256, toHex, type Hex } from "viem";
import { commitClaims, createDisclosure, encodeClaimValue as libraryEncodeClaimValue, hashClaim } from "../../src/credentials/index.js";
import { StandardTree, claimLeaf, encodeClaimValue, standardLeafHash, type Claim } from "./helpers/merkle.js";
import { BurnAuth, ISSUER_ROLE, credentialId, salt, sampleClaims } from "./helpers/registry.js";

const { viem, networkHelpers } = await network.create();
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];
const { time } = networkHelpers;

async function deployWithCredentials() {
  const [owner, issuer, alice, bob, stranger] = (await viem.getWalletClients()) as unknown as [
    Wallet, Wallet, Wallet, Wallet, Wallet,
  ];
  const registry = await viem.deployContract("CredentialRegistry", [
    { owner: owner.account.address, name: "mintkit credentials", symbol: "MKC", baseURI: "", contractURI: "" },
  ]);
  await registry.write.grantRole([ISSUER_ROLE, issuer.account.address]);
  await registry.write.registerSchema(["KYC", ["bool age_over_18", "bool age_over_21", "string nationality"]], {
    account: issuer.account,
  });
  const aliceClaims = sampleClaims(16, "alice");
  const bobClaims = sampleClaims(16, "bob");
  const aliceTree = StandardTree.ofClaims(aliceClaims);
  const bobTree = StandardTree.ofClaims(bobClaims);
  const expiry = (await time.latest()) + 365 * 86_400;
  await registry.write.issue([alice.account.address, 1, aliceTree.root, expiry, BurnAuth.OwnerOnly], { account: issuer.account });
  await registry.write.issue([bob.account.address, 1, bobTree.root, 0, BurnAuth.OwnerOnly], { account: issuer.account });
  const aliceId = credentialId(alice.account.address, 1, 0);
  const bobId = credentialId(bob.account.address, 1, 0);
  return { registry, owner, issuer, alice, bob, stranger, aliceClaims, bobClaims, aliceTree, bobTree, aliceId, bobId, expiry };
}

async function deployOneClaim() {
  const f = await networkHelpers.loadFixture(deployWithCredentials);
  const [, , , , , carol] = (await viem.getWalletClients()) as unknown as Wallet[];
  return { ...f, carol: carol! };
}

function disclose(tree: StandardTree, claims: Claim[], names: string[]) {
  return tree.getMultiProof(claims.filter((c) => names.includes(c.name)).map(claimLeaf));
}

const require = createRequire(import.meta.url);
// The SDK's ESM build fails on Node: load its CommonJS build.
const { PrivateData } = require("@ethereum-attestation-service/eas-sdk") as typeof import("@ethereum-attestation-service/eas-sdk");

/** A claim as `verifyClaimValues` takes it: `(claimType, name, abi.encode(value), salt)`. */
function byValue(c: Claim) {
  return { claimType: c.type, name: c.name, value: libraryEncodeClaimValue(c.type, c.value as never), salt: c.salt };
}

describe("CredentialRegistry claims (EAS private-data leaves, OpenZeppelin multiproofs)", () => {
  describe("test helper", () => {
    it("rebuilds a tree dumped by @openzeppelin/merkle-tree exactly (standard-v1, address+uint256)", () => {
      // StandardMerkleTree.of([[a,"0"],[a,"1"],[a,"2"]], ["address","uint256"]).dump(), from a public repository.
      const a = "0x80d628ff4AC2aFf620C3474663F1e559234bbE0c";
      const values: [string, bigint, number][] = [
        [a, 0n, 4],
        [a, 1n, 3],
        [a, 2n, 2],
      ];
      const tree = new StandardTree(values.map(([addr, n]) => standardLeafHash(["address", "uint256"], [addr, n])));
      expect(tree.tree).to.deep.equal([
        "0x0fecce441c7468f17e3fe4a5f211b77a15b27c9ab3d33317df385dfbe5487034",
        "0x636ab2686ee3036244cf3d6b5574e051e4b20a3577b008975dbcca6dde2897d2",
        "0xd90245da324d7908326a3d56a9659741551a4603c397bf4dd373976bd85660e7",
        "0x36fb17c97ec80bb961ff0adff1af4a2a34847ecc40653c162e327117a76e3ec9",
        "0x1867c4ebd455913e429523a5c2d4b3a79f58068b5a25af911956245ed03a659d",
      ]);
      for (const [addr, n, treeIndex] of values) {
        expect(tree.tree[treeIndex]).to.equal(standardLeafHash(["address", "uint256"], [addr, n]));
      }
    });

    it("produces multiproofs that rebuild the root for every subset of a 7-leaf tree", () => {
      const claims = sampleClaims(7);
      const tree = StandardTree.ofClaims(claims);
      const leaves = claims.map(claimLeaf);
      for (let mask = 1; mask < 1 << leaves.length; mask++) {
        const subset = leaves.filter((_, i) => (mask >> i) & 1);
        expect(StandardTree.processMultiProof(tree.getMultiProof(subset))).to.equal(tree.root);
      }
    });

    it("shows OpenZeppelin's empty-set trap: zero leaves with proof = [root] rebuild the root", () => {
      const tree = StandardTree.ofClaims(sampleClaims(4));
      const empty = tree.getMultiProof([]);
      expect(empty).to.deep.equal({ leaves: [], proof: [tree.root], proofFlags: [] });
      expect(StandardTree.processMultiProof(empty)).to.equal(tree.root);
    });
  });

  describe("claimLeaf", () => {
    it("matches the EAS encoding built off-chain for bool, string, uint256, bytes32, address and bytes values", async () => {
      const { registry } = await networkHelpers.loadFixture(deployWithCredentials);
      const claims: Claim[] = [
        { type: "bool", name: "age_over_18", value: true, salt: salt("1") },
        { type: "bool", name: "age_over_21", value: false, salt: salt("2") },
        { type: "string", name: "nationality", value: "NL", salt: salt("3") },
        { type: "uint256", name: "birth_year", value: 1990n, salt: salt("4") },
        { type: "bytes32", name: "doc_hash", value: keccak256(toHex("doc")), salt: salt("5") },
        { type: "address", name: "wallet", value: getAddress("0x80d628ff4AC2aFf620C3474663F1e559234bbE0c"), salt: salt("6") },
        { type: "bytes", name: "blob", value: "0xdeadbeef", salt: salt("7") },
      ];
      for (const c of claims) {
        const onChain = await registry.read.claimLeaf([c.type, c.name, encodeClaimValue(c.type, c.value), c.salt]);
        expect(onChain, c.name).to.equal(claimLeaf(c));
      }
      // The value is abi.encode(value): for a bool, one 32-byte word.
      expect(encodeClaimValue("bool", true)).to.equal(encodeAbiParameters([{ type: "uint256" }], [1n]));
    });
  });

  describe("verifyClaims / verifyValidClaims", () => {
    it("any disclosed subset verifies: 1, 3 of 16, 8 of 16 and all 16", async () => {
      const { registry, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const subsets = [
        ["age_over_18"],
        ["age_over_18", "nationality", "score_10"],
        aliceClaims.filter((_, i) => i % 2 === 1).map((c) => c.name),
        aliceClaims.map((c) => c.name),
      ];
      for (const names of subsets) {
        const { leaves, proof, proofFlags } = disclose(aliceTree, aliceClaims, names);
        expect(leaves.length).to.equal(names.length);
        expect(await registry.read.verifyClaims([aliceId, leaves, proof, proofFlags]), names.join()).to.equal(true);
        expect(await registry.read.verifyValidClaims([aliceId, leaves, proof, proofFlags])).to.equal(true);
      }
    });

    it("a one-claim credential: the root is the leaf, the proof is empty", async () => {
      const { registry, issuer, carol } = await deployOneClaim();
      const only: Claim = { type: "bool", name: "member", value: true, salt: salt("member") };
      const tree = new StandardTree([claimLeaf(only)]);
      expect(tree.root).to.equal(claimLeaf(only));
      await registry.write.issue([carol.account.address, 1, tree.root, 0, BurnAuth.Both], { account: issuer.account });
      const id = credentialId(carol.account.address, 1, 0);
      expect(await registry.read.verifyClaims([id, [claimLeaf(only)], [], []])).to.equal(true);
      expect(await registry.read.verifyClaims([id, [claimLeaf({ ...only, value: false })], [], []])).to.equal(false);
    });

    it("a tampered value never verifies (age_over_18 = false with the right salt)", async () => {
      const { registry, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const real = aliceClaims.find((c) => c.name === "age_over_21")!; // value false in the tree
      const { proof, proofFlags } = aliceTree.getMultiProof([claimLeaf(real)]);
      const forged = claimLeaf({ ...real, value: true });
      expect(await registry.read.verifyClaims([aliceId, [forged], proof, proofFlags])).to.equal(false);
      expect(await registry.read.verifyClaims([aliceId, [claimLeaf(real)], proof, proofFlags])).to.equal(true);
    });

    it("a swapped salt, a renamed claim or a re-typed value never verifies", async () => {
      const { registry, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const over18 = aliceClaims[0]!;
      const other = aliceClaims[1]!;
      const { proof, proofFlags } = aliceTree.getMultiProof([claimLeaf(over18)]);
      for (const variant of [
        { ...over18, salt: other.salt },
        { ...over18, name: "age_over_21" },
        { ...over18, type: "uint256", value: 1n }, // same value bytes, other type string
      ]) {
        expect(await registry.read.verifyClaims([aliceId, [claimLeaf(variant)], proof, proofFlags])).to.equal(false);
      }
    });

    it("a proof for another credential never verifies against this one", async () => {
      const { registry, aliceId, bobId, bobClaims, bobTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const { leaves, proof, proofFlags } = disclose(bobTree, bobClaims, ["age_over_18", "nationality"]);
      expect(await registry.read.verifyClaims([bobId, leaves, proof, proofFlags])).to.equal(true);
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, proofFlags])).to.equal(false);
    });

    it("zero leaves never verify — not with proof = [root], not with an empty proof", async () => {
      const { registry, aliceId, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const root = aliceTree.root;
      expect(await registry.read.verifyClaims([aliceId, [], [root], []])).to.equal(false);
      expect(await registry.read.verifyValidClaims([aliceId, [], [root], []])).to.equal(false);
      expect(await registry.read.verifyClaims([aliceId, [], [], []])).to.equal(false);
      expect(await registry.read.verifyClaims([aliceId, [], [root, root], [false]])).to.equal(false);
    });

    it("false for a credential that does not exist or was burned, and for multiproofs of inconsistent lengths", async () => {
      const { registry, alice, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const { leaves, proof, proofFlags } = disclose(aliceTree, aliceClaims, ["age_over_18"]);
      expect(await registry.read.verifyClaims([credentialId(alice.account.address, 1, 9), leaves, proof, proofFlags])).to.equal(false);
      // leaves + proof != flags + 1: false, not a revert (the NatSpec promises no revert on a bad proof).
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, [...proofFlags, false]])).to.equal(false);
      expect(await registry.read.verifyClaims([aliceId, leaves, proof.slice(1), proofFlags])).to.equal(false);
      await registry.write.burn([aliceId], { account: alice.account });
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, proofFlags])).to.equal(false);
    });

    it("verifyClaims ignores status; verifyValidClaims also requires not revoked and not expired", async () => {
      const { registry, issuer, aliceId, bobId, aliceClaims, bobClaims, aliceTree, bobTree, expiry } =
        await networkHelpers.loadFixture(deployWithCredentials);
      const a = disclose(aliceTree, aliceClaims, ["age_over_18"]);
      const b = disclose(bobTree, bobClaims, ["age_over_18"]);
      await registry.write.revoke([bobId, "superseded"], { account: issuer.account });
      expect(await registry.read.verifyClaims([bobId, b.leaves, b.proof, b.proofFlags])).to.equal(true);
      expect(await registry.read.verifyValidClaims([bobId, b.leaves, b.proof, b.proofFlags])).to.equal(false);
      await time.increaseTo(expiry);
      expect(await registry.read.verifyClaims([aliceId, a.leaves, a.proof, a.proofFlags])).to.equal(true);
      expect(await registry.read.verifyValidClaims([aliceId, a.leaves, a.proof, a.proofFlags])).to.equal(false);
    });

    it("a reissued credential keeps the holder's claims file working", async () => {
      const { registry, issuer, stranger, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      await registry.write.reissue([aliceId, stranger.account.address], { account: issuer.account });
      const newId = credentialId(stranger.account.address, 1, 0);
      const { leaves, proof, proofFlags } = disclose(aliceTree, aliceClaims, ["age_over_18", "nationality"]);
      expect(await registry.read.verifyValidClaims([newId, leaves, proof, proofFlags])).to.equal(true);
      expect(await registry.read.verifyValidClaims([aliceId, leaves, proof, proofFlags])).to.equal(false);
    });
  });

  describe("inconsistent proof flags", () => {
    it("flags that consume more proof nodes than exist (lengths right) return false from both checks, not panic 0x32", async () => {
      const { registry, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const names = ["age_over_18", "nationality", "score_10"];
      const chosen = aliceClaims.filter((c) => names.includes(c.name));
      const { leaves, proof, proofFlags } = aliceTree.getMultiProof(chosen.map(claimLeaf));
      const ordered = leaves.map((l) => chosen.find((c) => claimLeaf(c) === l)!);
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, proofFlags])).to.equal(true);
      // Same lengths, every flag false: step i wants proof[i], and the proof runs out (OpenZeppelin reads past it).
      const allFalse = proofFlags.map(() => false);
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, allFalse])).to.equal(false);
      expect(await registry.read.verifyClaimValues([aliceId, ordered.map(byValue), proof, allFalse])).to.equal(false);
      // Every flag true: the queue of leaves and hashes runs dry before the last step.
      const allTrue = proofFlags.map(() => true);
      expect(await registry.read.verifyClaims([aliceId, leaves, proof, allTrue])).to.equal(false);
      expect(await registry.read.verifyClaimValues([aliceId, ordered.map(byValue), proof, allTrue])).to.equal(false);
      // Every rotation of the right flags: never a revert, true only for the right one.
      for (let k = 0; k < proofFlags.length; k++) {
        const rotated = [...proofFlags.slice(k), ...proofFlags.slice(0, k)];
        const same = rotated.every((f, i) => f === proofFlags[i]);
        expect(await registry.read.verifyClaims([aliceId, leaves, proof, rotated]), `rotation ${k}`).to.equal(same);
      }
    });
  });

  describe("verifyClaimValues (claims by value: the registry hashes the EAS leaf)", () => {
    it("3 of 16 claims committed by the library verify by value; the leaf equals the library's and EAS's", async () => {
      const { registry, issuer, carol } = await deployOneClaim();
      const claims = sampleClaims(16, "lib").map((c) => ({ ...c })) as never as Parameters<typeof commitClaims>[0];
      const { root } = commitClaims(claims);
      const eas = new PrivateData(claims.map((c) => ({ type: c.type, name: c.name, value: c.value, salt: c.salt })));
      expect(eas.getFullTree().root).to.equal(root);
      await registry.write.issue([carol.account.address, 1, root, 0, BurnAuth.Both], { account: issuer.account });
      const id = credentialId(carol.account.address, 1, 0);
      const disclosure = createDisclosure({ claims, names: ["age_over_18", "nationality", "score_10"] });
      const values = disclosure.claims.map((c) => ({ claimType: c.type, name: c.name, value: libraryEncodeClaimValue(c.type, c.value), salt: c.salt }));
      for (const [c, v] of disclosure.claims.map((c, i) => [c, values[i]!] as const)) {
        expect(await registry.read.claimLeaf([v.claimType, v.name, v.value, v.salt])).to.equal(hashClaim(c));
      }
      expect(await registry.read.verifyClaimValues([id, values, [...disclosure.proof], [...disclosure.proofFlags]])).to.equal(true);
      expect(await registry.read.verifyValidClaimValues([id, values, [...disclosure.proof], [...disclosure.proofFlags]])).to.equal(true);
      // A forged value with the right salt and proof: false.
      const forged = values.map((v) => (v.name === "age_over_18" ? { ...v, value: encodeAbiParameters([{ type: "bool" }], [false]) } : v));
      expect(await registry.read.verifyClaimValues([id, forged, [...disclosure.proof], [...disclosure.proofFlags]])).to.equal(false);
      // An EAS PrivateData multiproof of the same claims verifies too.
      const easProof = eas.generateMultiProof([0, 2, 10]);
      const easValues = easProof.leaves.map((l) => ({
        claimType: l.type,
        name: l.name,
        value: libraryEncodeClaimValue(l.type, l.value as never),
        salt: l.salt as Hex,
      }));
      expect(await registry.read.verifyClaimValues([id, easValues, easProof.proof as Hex[], easProof.proofFlags])).to.equal(true);
    });

    it("refuses the root or an inner node passed as a leaf, which verifyClaims (pre-hashed leaves) accepts", async () => {
      const { registry, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      // The root as a "leaf" with an empty proof.
      expect(await registry.read.verifyClaims([aliceId, [aliceTree.root], [], []])).to.equal(true);
      // An inner node (the parent of two leaves) with the shorter proof above it.
      const a = claimLeaf(aliceClaims[0]!);
      const sibling = aliceTree.getMultiProof([a]).proof[0]!;
      const inner = keccak256(a < sibling ? `${a}${sibling.slice(2)}` : `${sibling}${a.slice(2)}`) as Hex;
      const full = aliceTree.getMultiProof([a]);
      const above = { proof: full.proof.slice(1), proofFlags: full.proofFlags.slice(1) };
      expect(await registry.read.verifyClaims([aliceId, [inner], above.proof, above.proofFlags])).to.equal(true);
      // By value there is no claim whose EAS leaf is the root or an inner node: a caller can only pass claims,
      // and any bytes it picks are hashed into a leaf first.
      const asClaim = (node: Hex) => ({ claimType: "bytes32", name: "node", value: encodeAbiParameters([{ type: "bytes32" }], [node]), salt: node });
      expect(await registry.read.verifyClaimValues([aliceId, [asClaim(aliceTree.root)], [], []])).to.equal(false);
      expect(await registry.read.verifyClaimValues([aliceId, [asClaim(inner)], above.proof, above.proofFlags])).to.equal(false);
      // The real claim by value verifies with the full proof.
      expect(await registry.read.verifyClaimValues([aliceId, [byValue(aliceClaims[0]!)], full.proof, full.proofFlags])).to.equal(true);
    });

    it("false for zero claims, an unknown credential; verifyValidClaimValues also needs a valid credential", async () => {
      const { registry, issuer, alice, aliceId, aliceClaims, aliceTree } = await networkHelpers.loadFixture(deployWithCredentials);
      const over18 = aliceClaims[0]!;
      const p = aliceTree.getMultiProof([claimLeaf(over18)]);
      expect(await registry.read.verifyClaimValues([aliceId, [], [aliceTree.root], []])).to.equal(false);
      expect(await registry.read.verifyClaimValues([credentialId(alice.account.address, 1, 9), [byValue(over18)], p.proof, p.proofFlags])).to.equal(false);
      await registry.write.revoke([aliceId, "x"], { account: issuer.account });
      expect(await registry.read.verifyClaimValues([aliceId, [byValue(over18)], p.proof, p.proofFlags])).to.equal(true);
      expect(await registry.read.verifyValidClaimValues([aliceId, [byValue(over18)], p.proof, p.proofFlags])).to.equal(false);
    });
  });

  describe("a verifier contract gating on age_over_18 = true", () => {
    it("admits the holder with salt + proof only; rejects others, forged values and revoked credentials", async () => {
      const { registry, issuer, alice, bob, stranger, aliceId, bobId, aliceClaims, bobClaims, aliceTree, bobTree } =
        await networkHelpers.loadFixture(deployWithCredentials);
      const gate = await viem.deployContract("CredentialGateMock", [registry.address, issuer.account.address]);
      const over18 = aliceClaims.find((c) => c.name === "age_over_18")!;
      const p = aliceTree.getMultiProof([claimLeaf(over18)]);
      await viem.assertions.revertWithCustomError(
        gate.write.enter([aliceId, over18.salt, p.proof, p.proofFlags], { account: stranger.account }),
        gate,
        "NotHolder",
      );
      await gate.write.enter([aliceId, over18.salt, p.proof, p.proofFlags], { account: alice.account });
      expect(await gate.read.admitted([alice.account.address])).to.equal(true);
      // Bob's age_over_21 is false: proving it as "age_over_18 = true" fails.
      const bobOver21 = bobClaims.find((c) => c.name === "age_over_21")!;
      const q = bobTree.getMultiProof([claimLeaf(bobOver21)]);
      await viem.assertions.revertWithCustomError(
        gate.write.enter([bobId, bobOver21.salt, q.proof, q.proofFlags], { account: bob.account }),
        gate,
        "ClaimNotProven",
      );
      const bobOver18 = bobClaims.find((c) => c.name === "age_over_18")!;
      const r = bobTree.getMultiProof([claimLeaf(bobOver18)]);
      await registry.write.revoke([bobId, "x"], { account: issuer.account });
      await viem.assertions.revertWithCustomError(
        gate.write.enter([bobId, bobOver18.salt, r.proof, r.proofFlags], { account: bob.account }),
        gate,
        "ClaimNotProven",
      );
    });
  });
});
