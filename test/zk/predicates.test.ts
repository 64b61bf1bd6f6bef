import { expect } from "chai";
import { network } from "hardhat";
import { createRequire } from "node:module";
import { getAddress, keccak256, toHex, type Address, type Hex } from "viem";
import {
  addressBinding,
  ageBoundaryDay,
  ageOnDate,
  packBounds,
  commitClaims,
  createBlinding,
  createClaims,
  createClaimsFile,
  createDisclosure,
  createPresentation,
  credentialTokenId,
  dayNumber,
  dayToDate,
  disclosureLeaves,
  parseClaimsFile,
  parsePredicate,
  parsePresentation,
  poseidonCommitment,
  predicateBinding,
  provePredicate,
  provePredicates,
  releasePredicateProver,
  stringifyClaimsFile,
  stringifyPresentation,
  today,
  verifyPresentation,
  type ClaimsFile,
  type PredicateProof,
  type Presentation,
  type PresentationFailureCode,
  type VerifyPresentationOptions,
} from "../../src/credentials/index.js";
import { isCredentialError } from "../../src/errors/CredentialError.js";

const require = createRequire(import.meta.url);
// The SDK's ESM build fails on Node: load its CommonJS build.
const { PrivateData } = require("@ethereum-attestation-service/eas-sdk") as typeof import("@ethereum-attestation-service/eas-sdk");

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];

const ISSUER_ROLE = keccak256(toHex("ISSUER_ROLE"));
const FIELDS = ["uint64 birth_date", "uint256 birth_date#poseidon", "uint64 score", "uint256 score#poseidon", "string nationality"] as const;
const AUDIENCE = "https://bar.example";
const NONCE = "zk-nonce-0001";
const YEAR = 365 * 86_400;

async function deploy() {
  const [owner, issuer, alice, bob, stranger] = (await viem.getWalletClients()) as unknown as [Wallet, Wallet, Wallet, Wallet, Wallet];
  const publicClient = await viem.getPublicClient();
  const chainId = await publicClient.getChainId();
  const registry = await viem.deployContract("CredentialRegistry", [
    { owner: owner.account.address, name: "mintkit credentials", symbol: "MKC", baseURI: "", contractURI: "" },
  ]);
  await registry.write.grantRole([ISSUER_ROLE, issuer.account.address]);
  await registry.write.registerSchema(["ID", [...FIELDS]], { account: issuer.account });
  const gate = await viem.deployContract("CredentialPredicateGate", [registry.address, issuer.account.address, 21n, 1n]);

  async function issueTo(holder: Address, birthDate: string, score: bigint, expiry: number): Promise<ClaimsFile> {
    const blindings = { birth_date: createBlinding(), score: createBlinding() };
    const claims = createClaims({ fields: FIELDS, values: { birth_date: BigInt(dayNumber(birthDate)), score, nationality: "NL" }, blindings });
    const { root } = commitClaims(claims);
    await registry.write.issue([holder, 1, root, expiry, 0], { account: issuer.account });
    const tokenId = credentialTokenId({ holder, schemaId: 1, serial: 0 }); // one credential per holder here
    return createClaimsFile({ credential: { chainId, registry: registry.address, tokenId, holder, issuer: issuer.account.address, schemaId: 1 }, claims, blindings });
  }
  const expiry = (await time.latest()) + YEAR;
  const aliceFile = await issueTo(alice.account.address, "2000-02-29", 720n, expiry); // 26, score 720
  const bobFile = await issueTo(bob.account.address, "2007-06-01", 550n, 0); // 19, score 550
  const trusted: VerifyPresentationOptions = { trustedIssuers: [{ registry: registry.address, issuer: issuer.account.address }], audience: AUDIENCE, nonce: NONCE };
  return { owner, issuer, alice, bob, stranger, publicClient, chainId, registry, gate, aliceFile, bobFile, expiry, trusted };
}
type Fixture = Awaited<ReturnType<typeof deploy>>;

const bindingOf = (file: ClaimsFile, audience = AUDIENCE, nonce = NONCE) => ({ ...file.credential, audience, nonce });

/** The holder's side: prove the statements for this audience/nonce and present the commitment claims. */
async function presentProofs(holder: Wallet, file: ClaimsFile, statements: string[], o: { nonce?: string; day?: number; predicates?: PredicateProof[] } = {}) {
  const nonce = o.nonce ?? NONCE;
  const day = o.day ?? today(await time.latest());
  const predicates = o.predicates ?? (await provePredicates({ claimsFile: file, statements, presentation: bindingOf(file, AUDIENCE, nonce), day }));
  const names = [...new Set(predicates.map((q) => `${q.claim}#poseidon`))];
  return createPresentation(holder, {
    credential: file.credential,
    disclosure: createDisclosure({ claims: file.claims, names }),
    audience: AUDIENCE,
    nonce,
    issuedAt: await time.latest(),
    predicates,
  });
}

async function verify(f: Fixture, p: Presentation, options: Partial<VerifyPresentationOptions> = {}) {
  return verifyPresentation(f.publicClient, p, { ...f.trusted, now: await time.latest(), ...options });
}
const codes = (r: { reasons: readonly { code: PresentationFailureCode }[] }) => r.reasons.map((x) => x.code);

describe("zk predicates", function () {
  this.timeout(300_000);
  after(releasePredicateProver);

  describe("calendar boundary shared by prover and verifier", () => {
    it("birth <= ageBoundaryDay(D, N) exactly when ageOnDate(birth, D) >= N (leap days included)", () => {
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const cases: [number, number][] = [
        [dayNumber("2028-02-29"), 18],
        [dayNumber("2026-02-28"), 18],
        [dayNumber("2026-03-01"), 18],
        [dayNumber("2024-02-29"), 4],
      ];
      for (let i = 0; i < 1500; i++) cases.push([dayNumber("2000-01-01") + rand(40_000), rand(100)]);
      for (const [on, age] of cases) {
        const boundary = ageBoundaryDay(on, age);
        if (boundary < 0) continue;
        expect(ageOnDate(dayToDate(boundary), dayToDate(on)), `${dayToDate(on)} age ${age}`).to.be.at.least(age);
        if (boundary + 1 <= on) expect(ageOnDate(dayToDate(boundary + 1), dayToDate(on)), `${dayToDate(on)} age ${age} +1`).to.be.below(age);
      }
      expect(dayToDate(ageBoundaryDay(dayNumber("2026-03-01"), 18))).to.equal("2008-03-01");
      expect(dayToDate(ageBoundaryDay(dayNumber("2028-02-29"), 18))).to.equal("2010-02-28");
    });

    it("parses predicates and refuses bad ones with a typed error", () => {
      expect(parsePredicate("age>=21")).to.deep.equal({ kind: "age", claim: "birth_date", minAge: 21 });
      expect(parsePredicate("score in 600..850")).to.deep.equal({ kind: "range", claim: "score", lo: 600n, hi: 850n });
      expect(parsePredicate("score<=850")).to.deep.equal({ kind: "range", claim: "score", lo: 0n, hi: 850n });
      for (const bad of ["age>21", "score in 9..1", "score in 0..18446744073709551616", "x y"]) {
        expect(() => parsePredicate(bad), bad).to.throw().that.satisfies((e: unknown) => isCredentialError(e, "CREDENTIAL_INVALID_PREDICATE"));
      }
    });
  });

  describe("commitment claims", () => {
    it("adds Poseidon(value, blinding) as an ordinary EAS leaf: the claims file round-trips and EAS's PrivateData gives the same root and accepts the multiproof", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const file = parseClaimsFile(stringifyClaimsFile(f.aliceFile));
      expect(file.blindings).to.deep.equal(f.aliceFile.blindings);
      const commitment = file.claims.find((c) => c.name === "birth_date#poseidon")!;
      expect(commitment.value).to.equal(poseidonCommitment(BigInt(dayNumber("2000-02-29")), file.blindings!.birth_date!));
      const eas = new PrivateData(file.claims.map((c) => ({ type: c.type, name: c.name, value: c.value, salt: c.salt })));
      expect(eas.getFullTree().root).to.equal(file.root);
      const disclosure = createDisclosure({ claims: file.claims, names: ["birth_date#poseidon"] });
      expect(PrivateData.verifyMultiProof(file.root, { leaves: disclosure.claims.map((c) => ({ ...c })), proof: [...disclosure.proof], proofFlags: [...disclosure.proofFlags] })).to.equal(true);
    });

    it("refuses a claims file whose blinding does not open the commitment, and claims without a blinding", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const json = JSON.parse(stringifyClaimsFile(f.aliceFile)) as { blindings: Record<string, Hex> };
      json.blindings.birth_date = createBlinding();
      expect(() => parseClaimsFile(json)).to.throw(/does not open claim "birth_date#poseidon"/);
      expect(() => createClaims({ fields: FIELDS, values: { birth_date: 1n, score: 2n, nationality: "NL" } })).to.throw().that.satisfies(
        (e: unknown) => isCredentialError(e, "CREDENTIAL_INVALID_CLAIMS") && /needs a blinding/.test(JSON.stringify(e.details)),
      );
    });
  });

  describe("off chain: presentations with predicate proofs", () => {
    it("proves age>=21 and score in 600..850 without disclosing either value; the file round-trips and verifies", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = parsePresentation(stringifyPresentation(await presentProofs(f.alice, f.aliceFile, ["age>=21", "score in 600..850"])));
      expect(p.disclosure.claims.map((c) => c.name).sort()).to.deep.equal(["birth_date#poseidon", "score#poseidon"]);
      const result = await verify(f, p, { requiredPredicates: ["age>=21", "score in 600..850"] });
      expect(result.reasons).to.deep.equal([]);
      expect(result.valid).to.equal(true);
      expect(result.predicates).to.have.members(["age>=21", "score in 600..850"]);
      expect(Object.keys(result.claims).sort()).to.deep.equal(["birth_date#poseidon", "score#poseidon"]);
      // A weaker requirement is implied by the proof: age>=18 follows from age>=21.
      expect((await verify(f, p, { requiredPredicates: ["age>=18", "score>=500"] })).valid).to.equal(true);
    });

    it("a value outside the range has no proof: the library refuses, and the circuit itself refuses the witness", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const day = today(await time.latest());
      for (const statement of ["age>=21", "score in 600..850"]) {
        const err = await provePredicates({ claimsFile: f.bobFile, statements: [statement], presentation: bindingOf(f.bobFile), day }).catch((e: unknown) => e);
        expect(isCredentialError(err, "CREDENTIAL_PREDICATE_FALSE"), statement).to.equal(true);
      }
      // Bypass the library's pre-check: the circuit's constraints fail for 550 outside 600..850.
      const { groth16 } = await import("snarkjs");
      const blinding = f.bobFile.blindings!.score!;
      const input = { commitment: poseidonCommitment(550n, blinding), bounds: 600n + (850n << 64n), binding: 1n, value: 550n, blinding: BigInt(blinding) };
      const { fileURLToPath } = await import("node:url");
      const art = (n: string) => fileURLToPath(new URL(`../../circuits/artifacts/${n}`, import.meta.url));
      const failure = await groth16.fullProve(input, art("range.wasm"), art("range.zkey")).then(() => undefined, (e: unknown) => e);
      expect(String(failure)).to.match(/Assert Failed/);
    });

    it("rejects a proof for a commitment that opens to another value, and a required predicate that is missing or not implied", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      // Bob (score 550) proves 600..850 for a value he does not have (700) with his own blinding: the disclosed
      // commitment (the one in his credential) is Poseidon(550, b), the proof is about Poseidon(700, b).
      const blinding = f.bobFile.blindings!.score!;
      const forged = await provePredicate({ value: 700n, blinding, lo: 600n, hi: 850n, binding: predicateBinding(bindingOf(f.bobFile)) });
      const predicates: PredicateProof[] = [{ statement: "score in 600..850", claim: "score", lo: 600n, hi: 850n, proof: forged.proof }];
      const p = await presentProofs(f.bob, f.bobFile, [], { predicates });
      expect(codes(await verify(f, p, { requiredPredicates: ["score in 600..850"] }))).to.deep.equal(["PREDICATE_PROOF_INVALID"]);

      const alice = await presentProofs(f.alice, f.aliceFile, ["age>=18"]);
      expect(codes(await verify(f, alice, { requiredPredicates: ["score>=600"] }))).to.deep.equal(["PREDICATE_MISSING"]);
      expect(codes(await verify(f, alice, { requiredPredicates: ["age>=21"] }))).to.deep.equal(["PREDICATE_FALSE"]);
      expect(codes(await verify(f, alice, { requiredPredicates: ["age>>21"] }))).to.deep.equal(["PREDICATE_UNREADABLE"]);
    });

    it("a proof replayed under another nonce or audience fails, even in a presentation the holder signed", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const original = await presentProofs(f.alice, f.aliceFile, ["age>=21"]);
      const replay = await presentProofs(f.alice, f.aliceFile, [], { nonce: "zk-nonce-0002", predicates: [...original.predicates!] });
      expect(codes(await verify(f, replay, { nonce: "zk-nonce-0002", requiredPredicates: ["age>=21"] }))).to.deep.equal(["PREDICATE_PROOF_INVALID"]);
      const otherAudience = { ...original, audience: "https://other.example" };
      expect(codes(await verify(f, otherAudience, { audience: "https://other.example" }))).to.include.members(["BAD_SIGNATURE", "PREDICATE_PROOF_INVALID"]);
    });

    it("a day outside the tolerance is stale", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const day = today(await time.latest());
      const old = await presentProofs(f.alice, f.aliceFile, ["age>=21"], { day: day - 3 });
      expect(codes(await verify(f, old, { requiredPredicates: ["age>=21"] }))).to.deep.equal(["PREDICATE_STALE_DATE"]);
      expect((await verify(f, old, { requiredPredicates: ["age>=21"], predicateDayTolerance: 3 })).valid).to.equal(true);
    });

    it("tampered public inputs or proof fail: bounds, day, proof points", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await presentProofs(f.alice, f.aliceFile, ["score in 600..850"]);
      const q = p.predicates![0]!;
      const tampered = (change: Partial<PredicateProof>) => ({ ...p, predicates: [{ ...q, ...change }] });
      for (const change of [{ lo: 700n }, { hi: 800n }, { proof: { ...q.proof, a: [q.proof.a[0], (BigInt(q.proof.a[1]) + 1n).toString()] as const } }]) {
        expect(codes(await verify(f, tampered(change), { requiredPredicates: ["score in 600..850"] })), JSON.stringify(Object.keys(change))).to.deep.equal(["PREDICATE_PROOF_INVALID"]);
      }
      const age = await presentProofs(f.alice, f.aliceFile, ["age>=21"]);
      // The bounds are what the proof is checked against; the day only decides which bounds "age>=21" needs. An
      // earlier day needs an earlier boundary than the one proved: not implied.
      const moved = { ...age, predicates: [{ ...age.predicates![0]!, day: age.predicates![0]!.day! - 1 }] };
      expect(codes(await verify(f, moved, { requiredPredicates: ["age>=21"] }))).to.deep.equal(["PREDICATE_FALSE"]);
      const movedBounds = { ...age, predicates: [{ ...age.predicates![0]!, hi: age.predicates![0]!.hi - 1n }] };
      expect(codes(await verify(f, movedBounds, { requiredPredicates: ["age>=21"] }))).to.deep.equal(["PREDICATE_PROOF_INVALID"]);
    });

    it("a commitment leaf not in the credential's root, an undisclosed commitment, a revoked or an expired credential fail", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await presentProofs(f.alice, f.aliceFile, ["score in 600..850"]);
      // Another commitment value (one the proof would open) is not in Alice's root.
      const blinding = f.aliceFile.blindings!.score!;
      const fake = poseidonCommitment(700n, blinding);
      const foreign = { ...p, disclosure: { ...p.disclosure, claims: p.disclosure.claims.map((c) => (c.name === "score#poseidon" ? { ...c, value: fake } : c)) } };
      expect(codes(await verify(f, foreign))).to.include("ROOT_MISMATCH");
      const undisclosed = await createPresentation(f.alice, {
        credential: f.aliceFile.credential,
        disclosure: createDisclosure({ claims: f.aliceFile.claims, names: ["nationality"] }),
        audience: AUDIENCE,
        nonce: NONCE,
        issuedAt: await time.latest(),
        predicates: p.predicates!,
      });
      expect(codes(await verify(f, undisclosed))).to.deep.equal(["PREDICATE_COMMITMENT_MISSING"]);
      await time.increaseTo(f.expiry);
      const late = await presentProofs(f.alice, f.aliceFile, [], { predicates: [...p.predicates!] });
      expect(codes(await verify(f, late))).to.deep.equal(["CREDENTIAL_EXPIRED"]);
      await f.registry.write.revoke([f.aliceFile.credential.tokenId, "test"], { account: f.issuer.account });
      expect(codes(await verify(f, late))).to.include("CREDENTIAL_REVOKED");
    });
  });

  describe("on chain: CredentialPredicateGate", () => {
    async function gateArgs(f: Fixture, file: ClaimsFile, caller: Address, o: { day?: number; bindTo?: Address } = {}) {
      const d = o.day ?? today(await time.latest());
      const blinding = file.blindings!.birth_date!;
      const value = file.claims.find((c) => c.name === "birth_date")!.value as bigint;
      const hi = BigInt(ageBoundaryDay(d, 21));
      const { proof, publicSignals } = await provePredicate({ value, blinding, lo: 0n, hi, binding: addressBinding(o.bindTo ?? caller) });
      const disclosure = createDisclosure({ claims: file.claims, names: ["birth_date#poseidon"] });
      const commitment = disclosure.claims[0]!;
      expect(publicSignals[0]).to.equal(commitment.value);
      const zk = {
        a: [BigInt(proof.a[0]), BigInt(proof.a[1])] as const,
        b: [[BigInt(proof.b[0][1]), BigInt(proof.b[0][0])], [BigInt(proof.b[1][1]), BigInt(proof.b[1][0])]] as const,
        c: [BigInt(proof.c[0]), BigInt(proof.c[1])] as const,
        publicInputs: [commitment.value as bigint, packBounds(0n, hi), addressBinding(caller)] as const,
      };
      expect(disclosure.proofFlags.every((flag) => !flag)).to.equal(true); // one leaf: the multiproof is the plain proof
      return [file.credential.tokenId, commitment.salt, BigInt(d), zk, [...disclosure.proof]] as const;
    }

    it("admits the holder who proves age>=21 today, bound to their address", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const args = await gateArgs(f, f.aliceFile, f.alice.account.address);
      await viem.assertions.emitWithArgs(f.gate.write.enter(args as never, { account: f.alice.account }), f.gate, "Admitted", [
        getAddress(f.alice.account.address),
        f.aliceFile.credential.tokenId,
        args[2],
      ]);
    });

    it("refuses a replay from another caller, a proof bound to someone else, a stale day, a foreign commitment, a tampered proof, a revoked credential", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const args = await gateArgs(f, f.aliceFile, f.alice.account.address);
      const gate = f.gate;
      const expectRevert = (p: Promise<unknown>, name: Parameters<typeof viem.assertions.revertWithCustomError<typeof gate>>[2]) => viem.assertions.revertWithCustomError(p, gate, name);
      // The exact calldata from the mempool, sent by someone else.
      await expectRevert(gate.write.enter(args as never, { account: f.stranger.account }), "NotHolder");
      // Alice's proof bound to the stranger's address does not work for Alice (with either binding as public input).
      const boundElsewhere = await gateArgs(f, f.aliceFile, f.alice.account.address, { bindTo: f.stranger.account.address });
      await expectRevert(gate.write.enter(boundElsewhere as never, { account: f.alice.account }), "InvalidPredicateProof");
      const zk = args[3];
      const claimsStranger = [...args.slice(0, 3), { ...zk, publicInputs: [zk.publicInputs[0], zk.publicInputs[1], addressBinding(f.stranger.account.address)] }, ...args.slice(4)] as const;
      await expectRevert(gate.write.enter(claimsStranger as never, { account: f.alice.account }), "InvalidPredicateProof");
      // A day outside the tolerance (one day).
      const d = today(await time.latest());
      const stale = await gateArgs(f, f.aliceFile, f.alice.account.address, { day: d - 2 });
      await expectRevert(gate.write.enter(stale as never, { account: f.alice.account }), "DayOutOfTolerance");
      // A commitment that is not Alice's leaf.
      const foreign = [...args.slice(0, 3), { ...zk, publicInputs: [poseidonCommitment(1n, f.aliceFile.blindings!.birth_date!), zk.publicInputs[1], zk.publicInputs[2]] }, ...args.slice(4)] as const;
      await expectRevert(gate.write.enter(foreign as never, { account: f.alice.account }), "CommitmentNotInCredential");
      // Tampered proof point, tampered bounds.
      const tampered = [...args.slice(0, 3), { ...zk, c: [zk.c[0], zk.c[1] + 1n] }, ...args.slice(4)] as const;
      await expectRevert(gate.write.enter(tampered as never, { account: f.alice.account }), "InvalidPredicateProof");
      const wider = [...args.slice(0, 3), { ...zk, publicInputs: [zk.publicInputs[0], zk.publicInputs[1] + (1n << 64n), zk.publicInputs[2]] }, ...args.slice(4)] as const;
      await expectRevert(gate.write.enter(wider as never, { account: f.alice.account }), "InvalidPredicateProof");
      // Bob (19) cannot make a proof; with a proof for an older boundary (a tampered day) the gate recomputes the boundary.
      const err = await gateArgs(f, f.bobFile, f.bob.account.address).catch((e: unknown) => e);
      expect(isCredentialError(err, "CREDENTIAL_PREDICATE_FALSE")).to.equal(true);
      await f.registry.write.revoke([f.aliceFile.credential.tokenId, "test"], { account: f.issuer.account });
      await expectRevert(gate.write.enter(args as never, { account: f.alice.account }), "CredentialNotValid");
    });
  });
});
