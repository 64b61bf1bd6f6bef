import { expect } from "chai";
import { network } from "hardhat";
import { createRequire } from "node:module";
import { createPublicClient, createWalletClient, getAddress, http, keccak256, toHex, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";
import {
  ageOverFields,
  commitClaims,
  createClaims,
  createClaimsFile,
  createDisclosure,
  createPresentation,
  credentialTokenId,
  deriveAgeClaims,
  disclosureFromMultiProof,
  disclosureLeaves,
  encodeClaimValue,
  hashClaim,
  hashPresentation,
  getSchema,
  parseIssuedCredentials,
  parsePresentation,
  presentationDomain,
  presentationMessage,
  presentationTypes,
  stringifyPresentation,
  verifyPresentation,
  type ClaimsFile,
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
const BurnAuth = { IssuerOnly: 0, OwnerOnly: 1, Both: 2, Neither: 3 } as const;
const FIELDS = [...ageOverFields([18, 21]), "string nationality", "uint256 licence_class", "bytes32 document_hash"];
const AUDIENCE = "https://shop.example";
const NONCE = "n-0001-7f3a9c";
const YEAR = 365 * 86_400;

async function deploy() {
  const [owner, issuer, alice, bob, stranger, carol] = (await viem.getWalletClients()) as unknown as [Wallet, Wallet, Wallet, Wallet, Wallet, Wallet];
  const publicClient = await viem.getPublicClient();
  const chainId = await publicClient.getChainId();
  const registry = await viem.deployContract("CredentialRegistry", [
    { owner: owner.account.address, name: "mintkit credentials", symbol: "MKC", baseURI: "", contractURI: "" },
  ]);
  await registry.write.grantRole([ISSUER_ROLE, issuer.account.address]);
  await registry.write.registerSchema(["KYC", FIELDS], { account: issuer.account });

  /** The issuer's side: claims from raw data, commit, issue, hand the holder a claims file. */
  async function issueTo(holder: Address, birthDate: string, expiry: number, serial = 0): Promise<ClaimsFile> {
    const claims = createClaims({
      fields: FIELDS,
      values: {
        ...deriveAgeClaims({ birthDate, issueDate: "2026-11-22", ages: [18, 21] }),
        nationality: "NL",
        licence_class: 2n,
        document_hash: keccak256(toHex(`passport of ${holder}`)),
      },
    });
    const { root } = commitClaims(claims);
    const hash = await registry.write.issue([holder, 1, root, expiry, BurnAuth.OwnerOnly], { account: issuer.account });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const [issued] = parseIssuedCredentials(receipt.logs, { registry: registry.address });
    expect(issued).to.deep.equal({
      registry: getAddress(registry.address),
      tokenId: credentialTokenId({ holder, schemaId: 1, serial }),
      issuer: getAddress(issuer.account.address),
      holder: getAddress(holder),
      schemaId: 1,
      burnAuth: BurnAuth.OwnerOnly,
    });
    const tokenId = issued!.tokenId;
    return createClaimsFile({
      credential: { chainId, registry: registry.address, tokenId, holder, issuer: issuer.account.address, schemaId: 1 },
      claims,
    });
  }

  const expiry = (await time.latest()) + YEAR;
  const aliceFile = await issueTo(alice.account.address, "2006-02-28", expiry); // 20 on the issue date
  const bobFile = await issueTo(bob.account.address, "1990-05-01", 0); // never expires
  const trusted: VerifyPresentationOptions = {
    trustedIssuers: [{ registry: registry.address, issuer: issuer.account.address }],
    audience: AUDIENCE,
    nonce: NONCE,
  };
  return { owner, issuer, alice, bob, stranger, carol, publicClient, chainId, registry, issueTo, aliceFile, bobFile, expiry, trusted };
}

type Fixture = Awaited<ReturnType<typeof deploy>>;

async function present(
  holder: Wallet,
  file: ClaimsFile,
  names: string[],
  overrides: Partial<Parameters<typeof createPresentation>[1]> = {},
): Promise<Presentation> {
  return createPresentation(holder, {
    credential: file.credential,
    disclosure: createDisclosure({ claims: file.claims, names }),
    audience: AUDIENCE,
    nonce: NONCE,
    issuedAt: await time.latest(),
    ...overrides,
  });
}

async function verify(f: Fixture, p: Presentation, options: Partial<VerifyPresentationOptions> = {}) {
  return verifyPresentation(f.publicClient, p, { ...f.trusted, now: await time.latest(), ...options });
}

const codes = (result: { reasons: readonly { code: PresentationFailureCode }[] }) => result.reasons.map((r) => r.code);

describe("credentials: presentations verified against the registry", () => {
  it("full flow with defaults (local clock): issue, claims file, disclose over 18, present, verify", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const p = await createPresentation(f.bob, {
      credential: f.bobFile.credential,
      disclosure: createDisclosure({ claims: f.bobFile.claims, names: ["age_over_18"] }),
      audience: AUDIENCE,
      nonce: NONCE,
    });
    const result = await verifyPresentation(f.publicClient, p, f.trusted);
    expect(result.reasons).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(result.claims).to.deep.equal({ age_over_18: true });
    expect(result.credential).to.include({ holder: getAddress(f.bob.account.address), issuer: getAddress(f.issuer.account.address), schemaId: 1, revoked: false, expiry: 0 });
  });

  it("discloses only the chosen claims; the registry's verifyClaims and claimLeaf agree; survives JSON transport", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const p = await present(f.alice, f.aliceFile, ["age_over_18", "age_over_21", "licence_class"]);
    expect(p.disclosure.claims.map((c) => c.name).sort()).to.deep.equal(["age_over_18", "age_over_21", "licence_class"]);
    const leaves = disclosureLeaves(p.disclosure);
    expect(await f.registry.read.verifyClaims([p.tokenId, leaves, [...p.disclosure.proof], [...p.disclosure.proofFlags]])).to.equal(true);
    expect(await f.registry.read.verifyValidClaims([p.tokenId, leaves, [...p.disclosure.proof], [...p.disclosure.proofFlags]])).to.equal(true);
    const c = p.disclosure.claims[0]!;
    expect(await f.registry.read.claimLeaf([c.type, c.name, encodeClaimValue(c.type, c.value), c.salt])).to.equal(hashClaim(c));
    const received = parsePresentation(stringifyPresentation(p));
    expect(received).to.deep.equal(p);
    const result = await verify(f, received, { onChainProof: true, requiredClaims: ["age_over_18"] });
    expect(result.reasons).to.deep.equal([]);
    expect(result.claims).to.deep.equal({ age_over_18: true, age_over_21: false, licence_class: 2n });
  });

  it("reads the registered schema with its fields parsed (undefined for an unknown id)", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const schema = await getSchema(f.publicClient, { registry: f.registry.address, schemaId: 1 });
    expect(schema).to.deep.include({ schemaId: 1, name: "KYC", fields: FIELDS, uri: "", registrar: getAddress(f.issuer.account.address) });
    expect(schema!.claimFields.map((c) => c.name)).to.deep.equal(f.aliceFile.claims.map((c) => c.name));
    expect(await getSchema(f.publicClient, { registry: f.registry.address, schemaId: 7 })).to.equal(undefined);
  });

  describe("every failure reason", () => {
    it("ISSUER_NOT_TRUSTED: another issuer, or a schema the issuer is not trusted for", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      const other = await verify(f, p, { trustedIssuers: [{ registry: f.registry.address, issuer: f.stranger.account.address }] });
      expect(codes(other)).to.deep.equal(["ISSUER_NOT_TRUSTED"]);
      expect(other.claims).to.deep.equal({});
      const schema = await verify(f, p, { trustedIssuers: [{ registry: f.registry.address, issuer: f.issuer.account.address, schemaIds: [2] }] });
      expect(codes(schema)).to.deep.equal(["ISSUER_NOT_TRUSTED"]);
    });

    it("REGISTRY_NOT_TRUSTED: a registry the verifier lists no issuer for", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      const result = await verify(f, p, { trustedIssuers: [{ registry: f.stranger.account.address, issuer: f.issuer.account.address }] });
      expect(codes(result)).to.deep.equal(["REGISTRY_NOT_TRUSTED"]);
    });

    it("CREDENTIAL_NOT_FOUND: never issued, or burned", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const ghost = credentialTokenId({ holder: f.alice.account.address, schemaId: 1, serial: 9 });
      const p = await present(f.alice, f.aliceFile, ["age_over_18"], { credential: { ...f.aliceFile.credential, tokenId: ghost } });
      expect(codes(await verify(f, p))).to.deep.equal(["CREDENTIAL_NOT_FOUND"]);
      const bobs = await present(f.bob, f.bobFile, ["age_over_18"]);
      await f.registry.write.burn([f.bobFile.credential.tokenId], { account: f.bob.account });
      expect(codes(await verify(f, bobs))).to.deep.equal(["CREDENTIAL_NOT_FOUND"]);
    });

    it("CREDENTIAL_REVOKED", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      expect((await verify(f, p)).valid).to.equal(true);
      await f.registry.write.revoke([p.tokenId, "document withdrawn"], { account: f.issuer.account });
      expect(codes(await verify(f, p))).to.deep.equal(["CREDENTIAL_REVOKED"]);
    });

    it("CREDENTIAL_EXPIRED (time travel past the expiry)", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      await time.increaseTo(f.expiry - 10);
      expect((await verify(f, await present(f.alice, f.aliceFile, ["age_over_18"]))).valid).to.equal(true);
      await time.increaseTo(f.expiry);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      expect(codes(await verify(f, p))).to.deep.equal(["CREDENTIAL_EXPIRED"]);
      expect(await f.registry.read.isValid([p.tokenId])).to.equal(false);
    });

    it("HOLDER_MISMATCH: someone else presents the holder's disclosure with their own signature", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.stranger, f.aliceFile, ["age_over_18"]);
      expect(codes(await verify(f, p))).to.deep.equal(["HOLDER_MISMATCH"]);
    });

    it("BAD_SIGNATURE: signed by another key in the holder's name, or a damaged signature", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const forged = await present(f.stranger, f.aliceFile, ["age_over_18"], { holder: f.alice.account.address });
      expect(codes(await verify(f, forged))).to.deep.equal(["BAD_SIGNATURE"]);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      const damaged = { ...p, signature: `${p.signature.slice(0, 10)}${p.signature[10] === "0" ? "1" : "0"}${p.signature.slice(11)}` as Hex };
      expect(codes(await verify(f, damaged))).to.deep.equal(["BAD_SIGNATURE"]);
      expect(codes(await verify(f, { ...p, signature: "0x1234" }))).to.deep.equal(["BAD_SIGNATURE"]);
    });

    it("AUDIENCE_MISMATCH and NONCE_MISMATCH (a replayed presentation with an old nonce)", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
      expect(codes(await verify(f, p, { audience: "https://other.example" }))).to.deep.equal(["AUDIENCE_MISMATCH"]);
      expect(codes(await verify(f, p, { nonce: "n-0002-next-request" }))).to.deep.equal(["NONCE_MISMATCH"]);
      const edited = { ...p, nonce: "n-0002-next-request" };
      expect(codes(await verify(f, edited, { nonce: "n-0002-next-request" }))).to.deep.equal(["BAD_SIGNATURE"]);
    });

    it("PRESENTATION_TOO_OLD and PRESENTATION_FROM_FUTURE", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const now = await time.latest();
      const p = await present(f.alice, f.aliceFile, ["age_over_18"], { issuedAt: now });
      expect((await verify(f, p, { now: now + 300 })).valid).to.equal(true);
      expect(codes(await verify(f, p, { now: now + 301 }))).to.deep.equal(["PRESENTATION_TOO_OLD"]);
      expect(codes(await verify(f, p, { now: now + 30, maxAge: 10 }))).to.deep.equal(["PRESENTATION_TOO_OLD"]);
      const future = await present(f.alice, f.aliceFile, ["age_over_18"], { issuedAt: now + 61 });
      expect(codes(await verify(f, future, { now }))).to.deep.equal(["PRESENTATION_FROM_FUTURE"]);
      expect((await verify(f, future, { now, clockSkew: 61 })).valid).to.equal(true);
    });

    it("ROOT_MISMATCH: a proof for another credential (bob's claims under alice's credential)", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.bobFile, ["age_over_21"], { credential: f.aliceFile.credential });
      expect(codes(await verify(f, p))).to.deep.equal(["ROOT_MISMATCH"]);
      expect(codes(await verify(f, p, { onChainProof: true }))).to.deep.equal(["ROOT_MISMATCH"]);
      const leaves = disclosureLeaves(p.disclosure);
      expect(await f.registry.read.verifyClaims([p.tokenId, leaves, [...p.disclosure.proof], [...p.disclosure.proofFlags]])).to.equal(false);
    });

    it("ROOT_MISMATCH + BAD_SIGNATURE: a tampered value, a swapped salt", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_21", "nationality"]);
      const claims = p.disclosure.claims;
      const tampered = { ...p, disclosure: { ...p.disclosure, claims: claims.map((c) => (c.name === "age_over_21" ? { ...c, value: true } : c)) } };
      expect(codes(await verify(f, tampered))).to.deep.equal(["ROOT_MISMATCH", "BAD_SIGNATURE"]);
      const swapped = { ...p, disclosure: { ...p.disclosure, claims: [{ ...claims[0]!, salt: claims[1]!.salt }, { ...claims[1]!, salt: claims[0]!.salt }] } };
      expect(codes(await verify(f, swapped, { onChainProof: true }))).to.deep.equal(["ROOT_MISMATCH", "BAD_SIGNATURE"]);
    });

    it("NO_CLAIMS: zero leaves with proof = [root] never verify (OpenZeppelin's empty-set trap)", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const root = f.aliceFile.root;
      const base = {
        chainId: f.chainId,
        registry: f.registry.address,
        tokenId: f.aliceFile.credential.tokenId,
        holder: getAddress(f.alice.account.address),
        audience: AUDIENCE,
        nonce: NONCE,
        issuedAt: await time.latest(),
        disclosure: { root, claims: [], proof: [root], proofFlags: [] },
      };
      const signature = await f.alice.signTypedData({
        domain: presentationDomain(f.chainId, f.registry.address),
        types: presentationTypes,
        primaryType: "Presentation",
        message: presentationMessage({ ...base, claimsRoot: root, leaves: [] }),
      });
      expect(codes(await verify(f, { ...base, signature }))).to.deep.equal(["NO_CLAIMS"]);
      expect(await f.registry.read.verifyClaims([base.tokenId, [], [root], []])).to.equal(false);
      try {
        await createPresentation(f.alice, { credential: f.aliceFile.credential, disclosure: base.disclosure, audience: AUDIENCE, nonce: NONCE });
        expect.fail("should throw");
      } catch (error) {
        expect(isCredentialError(error, "CREDENTIAL_INVALID_PRESENTATION")).to.equal(true);
      }
    });

    it("MALFORMED_DISCLOSURE, MALFORMED_PRESENTATION, MISSING_CLAIM and WRONG_CHAIN", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.alice, f.aliceFile, ["age_over_18", "nationality"]);
      const bad = { ...p, disclosure: { ...p.disclosure, claims: p.disclosure.claims.map((c) => (c.name === "age_over_18" ? { ...c, value: "yes" } : c)) } };
      expect(codes(await verify(f, bad))).to.deep.equal(["MALFORMED_DISCLOSURE"]);
      const dup = { ...p, disclosure: { ...p.disclosure, claims: [p.disclosure.claims[0]!, p.disclosure.claims[0]!] } };
      expect(codes(await verify(f, dup))).to.deep.equal(["MALFORMED_DISCLOSURE"]);
      expect(codes(await verify(f, p, { requiredClaims: ["age_over_18", "licence_class"] }))).to.deep.equal(["MISSING_CLAIM"]);
      const broken = { ...p, tokenId: p.tokenId.toString(), holder: "0x12" } as unknown as Presentation;
      expect(codes(await verify(f, broken))).to.deep.equal(["MALFORMED_PRESENTATION"]);
      const otherChain = await present(f.alice, f.aliceFile, ["age_over_18"], { credential: { ...f.aliceFile.credential, chainId: 1 } });
      expect(codes(await verify(f, otherChain))).to.deep.equal(["WRONG_CHAIN"]);
    });

    it("reports several failures at once", async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const p = await present(f.stranger, f.aliceFile, ["age_over_18"], { nonce: "old" });
      await f.registry.write.revoke([p.tokenId, "lost"], { account: f.issuer.account });
      const result = await verify(f, p, { audience: "https://other.example", now: p.issuedAt + 3_600 });
      expect(codes(result).sort()).to.deep.equal(["AUDIENCE_MISMATCH", "CREDENTIAL_REVOKED", "HOLDER_MISMATCH", "NONCE_MISMATCH", "PRESENTATION_TOO_OLD"]);
      for (const reason of result.reasons) expect(reason.message).to.be.a("string").and.not.equal("");
    });
  });

  it("throws only when the RPC fails; refuses to sign without an account", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const p = await present(f.alice, f.aliceFile, ["age_over_18"]);
    const unreachable = createPublicClient({ chain: hardhat, transport: http("http://127.0.0.1:9", { retryCount: 0 }) });
    let threw = false;
    try {
      await verifyPresentation(unreachable, p, { ...f.trusted, now: p.issuedAt });
    } catch {
      threw = true;
    }
    expect(threw, "an unreachable RPC must throw, not return a verdict").to.equal(true);
    const accountless = createWalletClient({ chain: hardhat, transport: http("http://127.0.0.1:9", { retryCount: 0 }) });
    try {
      await createPresentation(accountless, { credential: f.aliceFile.credential, disclosure: p.disclosure, audience: AUDIENCE, nonce: NONCE });
      expect.fail("createPresentation should have thrown");
    } catch (error) {
      expect(isCredentialError(error, "CREDENTIAL_NO_SIGNER")).to.equal(true);
    }
  });

  it("an ERC-1271 contract wallet holds a credential and presents it (its owner key signs)", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const wallet = await viem.deployContract("MockERC1271Wallet", [f.carol.account.address, false]);
    const file = await f.issueTo(wallet.address, "1980-01-01", 0);
    expect(await f.registry.read.ownerOf([file.credential.tokenId])).to.equal(getAddress(wallet.address));
    const p = await present(f.carol, file, ["age_over_21"], { holder: wallet.address });
    expect(await wallet.read.isValidSignature([hashPresentation(p), p.signature])).to.equal("0x1626ba7e");
    const result = await verify(f, p);
    expect(result.reasons).to.deep.equal([]);
    expect(result.claims).to.deep.equal({ age_over_21: true });
    const notTheKey = await present(f.stranger, file, ["age_over_21"], { holder: wallet.address });
    expect(codes(await verify(f, notTheKey))).to.deep.equal(["BAD_SIGNATURE"]);
    const rejecting = await viem.deployContract("MockERC1271Wallet", [f.carol.account.address, true]);
    const rejectingFile = await f.issueTo(rejecting.address, "1980-01-01", 0);
    const refused = await present(f.carol, rejectingFile, ["age_over_21"], { holder: rejecting.address });
    expect(codes(await verify(f, refused))).to.deep.equal(["BAD_SIGNATURE"]);
  });

  it("after a reissue to a new wallet, the old credential is revoked and the new one presents the same claims", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const old = await present(f.alice, f.aliceFile, ["age_over_18"]);
    await f.registry.write.reissue([f.aliceFile.credential.tokenId, f.carol.account.address], { account: f.issuer.account });
    expect(codes(await verify(f, old))).to.deep.equal(["CREDENTIAL_REVOKED"]);
    const tokenId = credentialTokenId({ holder: f.carol.account.address, schemaId: 1, serial: 0 });
    const file = createClaimsFile({ credential: { ...f.aliceFile.credential, tokenId, holder: getAddress(f.carol.account.address) }, claims: f.aliceFile.claims });
    const p = await present(f.carol, file, ["age_over_18"]);
    expect((await verify(f, p)).valid).to.equal(true);
  });

  it("an EAS SDK private-data proof verifies with mintkit's verifier and the registry's verifyClaims", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const eas = new PrivateData([
      { type: "bool", name: "age_over_18", value: true },
      { type: "string", name: "nationality", value: "FR" },
      { type: "uint256", name: "licence_class", value: 3n },
      { type: "bytes32", name: "document_hash", value: keccak256(toHex("eas")) },
    ]);
    const root = eas.getFullTree().root as Hex;
    await f.registry.write.issue([f.carol.account.address, 1, root, 0, BurnAuth.Both], { account: f.issuer.account });
    const tokenId = credentialTokenId({ holder: f.carol.account.address, schemaId: 1, serial: 0 });
    const multiProof = eas.generateMultiProof([0, 2]);
    const disclosure = disclosureFromMultiProof({ root, multiProof });
    expect(await f.registry.read.verifyClaims([tokenId, disclosureLeaves(disclosure), [...disclosure.proof], [...disclosure.proofFlags]])).to.equal(true);
    const p = await createPresentation(f.carol, {
      credential: { chainId: f.chainId, registry: f.registry.address, tokenId },
      disclosure,
      audience: AUDIENCE,
      nonce: NONCE,
      issuedAt: await time.latest(),
    });
    const result = await verify(f, p, { onChainProof: true });
    expect(result.reasons).to.deep.equal([]);
    expect(result.claims).to.deep.equal({ age_over_18: true, licence_class: 3n });
    // and the other way: the holder's mintkit disclosure checks out with the EAS SDK
    const mine = createDisclosure({ claims: f.aliceFile.claims, names: ["nationality", "document_hash"] });
    expect(PrivateData.verifyMultiProof(f.aliceFile.root, { leaves: mine.claims.map((c) => ({ ...c })), proof: [...mine.proof], proofFlags: [...mine.proofFlags] })).to.equal(true);
  });
});
