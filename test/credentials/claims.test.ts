import { expect } from "chai";
import { createRequire } from "node:module";
import { getAddress, keccak256, toHex, type Hex } from "viem";
import {
  ageOnDate,
  ageOverFields,
  commitClaims,
  createClaims,
  createClaimsFile,
  createDisclosure,
  createSalt,
  credentialTokenId,
  decodeCredentialTokenId,
  deriveAgeClaims,
  disclosureFromMultiProof,
  hashClaim,
  parseClaimsFile,
  parsePresentation,
  parseSchemaFields,
  stringifyClaimsFile,
  verifyDisclosure,
  checkDisclosure,
  type Claim,
  type CredentialReference,
} from "../../src/credentials/index.js";
import { isCredentialError } from "../../src/errors/CredentialError.js";
import { StandardTree, claimLeaf } from "../identity/helpers/merkle.js";

const require = createRequire(import.meta.url);
// The SDK's ESM build fails on Node: load its CommonJS build.
const { PrivateData } = require("@ethereum-attestation-service/eas-sdk") as typeof import("@ethereum-attestation-service/eas-sdk");

const FIELDS = ["bool age_over_18", "string nationality", "uint256 score", "address wallet", "bytes32 doc", "int64 delta", "string[] tags"] as const;
const salt = (label: string): Hex => keccak256(toHex(`salt:${label}`));
const WALLET = "0x80d628ff4ac2aff620c3474663f1e559234bbe0c";

function sample(): Claim[] {
  return createClaims({
    fields: FIELDS,
    values: { age_over_18: true, nationality: "NL", score: 42n, wallet: WALLET, doc: keccak256(toHex("doc")), delta: -7, tags: ["a", "ü"] },
  });
}

function expectCredentialError(fn: () => unknown, code: string): string[] {
  try {
    fn();
  } catch (error) {
    expect(isCredentialError(error), String(error)).to.equal(true);
    expect((error as { code: string }).code).to.equal(code);
    const details = (error as { details: { problems?: string[] } }).details;
    return details.problems ?? [];
  }
  expect.fail(`expected a ${code} CredentialError`);
}

const reference = (holder = getAddress(WALLET)): CredentialReference => ({
  chainId: 31337,
  registry: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  tokenId: credentialTokenId({ holder, schemaId: 2, serial: 5 }),
  holder,
  issuer: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  schemaId: 2,
});

describe("credentials: claims, commitments, files (off-chain)", () => {
  describe("claims typed by schema", () => {
    it("creates one claim per field in schema order, canonical values, fresh 32-byte salts", () => {
      const claims = sample();
      expect(claims.map((c) => `${c.type} ${c.name}`)).to.deep.equal([...FIELDS]);
      expect(claims.find((c) => c.name === "wallet")!.value).to.equal(getAddress(WALLET));
      expect(claims.find((c) => c.name === "delta")!.value).to.equal(-7n);
      const salts = new Set([...claims, ...sample()].map((c) => c.salt));
      expect(salts.size).to.equal(claims.length * 2);
      for (const s of salts) expect(s).to.match(/^0x[0-9a-f]{64}$/);
      expect(createSalt()).to.not.equal(createSalt());
    });

    it("lists every problem: missing, unknown, wrong type, out of range, bad address", () => {
      const problems = expectCredentialError(
        () =>
          createClaims({
            fields: ["bool adult", "uint8 small", "address a", "string s", "bytes4 b"],
            values: { adult: "yes", small: 256, a: "0x1234", b: "0x1234", extra: 1 } as never,
          }),
        "CREDENTIAL_INVALID_CLAIMS",
      );
      expect(problems).to.have.length(6);
      expect(problems.join("\n")).to.match(/adult.*true or false/).and.match(/256 is out of range for uint8/).and.match(/20-byte/)
        .and.match(/"s".*no value/).and.match(/exactly 4 bytes/).and.match(/"extra" is not a field/);
    });

    it("types values by the schema at compile time", () => {
      const fields = ["bool adult", "uint32 year"] as const;
      // @ts-expect-error -- a bool field takes a boolean
      expectCredentialError(() => createClaims({ fields, values: { adult: "yes", year: 1990 } }), "CREDENTIAL_INVALID_CLAIMS");
      expect(createClaims({ fields, values: { adult: true, year: "1990" } }).map((c) => c.value)).to.deep.equal([true, 1990n]);
    });

    it("rejects bad schema fields with every problem listed", () => {
      const problems = expectCredentialError(() => parseSchemaFields(["uint x", "bool", "float f", "bool 1bad", "bool x", "bool x"]), "CREDENTIAL_INVALID_SCHEMA");
      expect(problems.join("\n")).to.match(/uint256/).and.match(/"<type> <name>"/).and.match(/float/).and.match(/1bad/).and.match(/more than once/);
      expect(parseSchemaFields(["uint256[2] pair", "bytes32 d"])).to.deep.equal([
        { type: "uint256[2]", name: "pair" },
        { type: "bytes32", name: "d" },
      ]);
    });
  });

  describe("commitment (EAS private-data leaves)", () => {
    it("gives the root of EAS's PrivateData and of the contract tests' StandardMerkleTree for the same claims", () => {
      const claims = sample();
      const { root, leaves } = commitClaims(claims);
      const eas = new PrivateData(claims.map((c) => ({ type: c.type, name: c.name, value: c.value, salt: c.salt })));
      expect(eas.getFullTree().root).to.equal(root);
      const helperClaims = claims.filter((c) => !c.type.endsWith("]"));
      expect(commitClaims(helperClaims).root).to.equal(StandardTree.ofClaims(helperClaims).root);
      expect(leaves).to.deep.equal(claims.map(hashClaim));
      expect(hashClaim(helperClaims[0]!)).to.equal(claimLeaf(helperClaims[0]!));
    });

    it("refuses duplicated names and bad salts", () => {
      const [a] = sample();
      const problems = expectCredentialError(() => commitClaims([a!, { ...a!, salt: "0x1234" }]), "CREDENTIAL_INVALID_CLAIMS");
      expect(problems.join("\n")).to.match(/more than once/).and.match(/salt must be 32 bytes/);
    });
  });

  describe("ISO mDL age predicates (UTC calendar dates)", () => {
    it("computes age on the issue date, birthday inclusive", () => {
      expect(ageOnDate("2008-06-15", "2026-06-14")).to.equal(17);
      expect(ageOnDate("2008-06-15", "2026-06-15")).to.equal(18);
      expect(ageOnDate("2000-12-31", new Date("2018-12-31T23:59:59Z"))).to.equal(18);
      // A Date is read in UTC: 23:00 on 31 December in New York is already 1 January in UTC.
      expect(ageOnDate("2001-01-01", new Date("2018-12-31T23:00:00-05:00"))).to.equal(18);
      expect(ageOnDate("2001-01-01", new Date("2018-12-31T23:00:00Z"))).to.equal(17);
    });

    it("handles 29 February birthdays: 1 March in common years by default, 28 February on request", () => {
      expect(ageOnDate("2008-02-29", "2026-02-28")).to.equal(17);
      expect(ageOnDate("2008-02-29", "2026-03-01")).to.equal(18);
      expect(ageOnDate("2008-02-29", "2026-02-28", "feb28")).to.equal(18);
      expect(ageOnDate("2008-02-29", "2028-02-28")).to.equal(19);
      expect(ageOnDate("2008-02-29", "2028-02-29")).to.equal(20);
    });

    it("derives age_over_NN booleans and their schema fields", () => {
      expect(deriveAgeClaims({ birthDate: "2008-02-29", issueDate: "2026-03-01", ages: [21, 18, 65, 18] })).to.deep.equal({
        age_over_18: true,
        age_over_21: false,
        age_over_65: false,
      });
      expect(ageOverFields([21, 5, 18])).to.deep.equal(["bool age_over_05", "bool age_over_18", "bool age_over_21"]);
      const claims = createClaims({ fields: ageOverFields([18, 21]), values: deriveAgeClaims({ birthDate: "1990-01-01", issueDate: "2026-01-01", ages: [18, 21] }) });
      expect(claims.map((c) => c.value)).to.deep.equal([true, true]);
    });

    it("rejects dates that do not exist, a birth after the issue date and bad thresholds", () => {
      expectCredentialError(() => ageOnDate("2026-02-29", "2027-01-01"), "CREDENTIAL_INVALID_DATE");
      expectCredentialError(() => ageOnDate("2000-13-01", "2027-01-01"), "CREDENTIAL_INVALID_DATE");
      expectCredentialError(() => ageOnDate("01/02/2000", "2027-01-01"), "CREDENTIAL_INVALID_DATE");
      expectCredentialError(() => ageOnDate("2027-01-02", "2027-01-01"), "CREDENTIAL_INVALID_DATE");
      expectCredentialError(() => deriveAgeClaims({ birthDate: "2000-01-01", ages: [100] }), "CREDENTIAL_INVALID_AGE");
      expectCredentialError(() => deriveAgeClaims({ birthDate: "2000-01-01", ages: [17.5] }), "CREDENTIAL_INVALID_AGE");
    });
  });

  describe("holder claims file", () => {
    it("round-trips through JSON with the root, reference and every value type", () => {
      const file = createClaimsFile({ credential: reference(), claims: sample() });
      const text = stringifyClaimsFile(file);
      const json = JSON.parse(text);
      expect(json).to.include({ format: "mintkit-claims", version: 1, root: commitClaims(sample().map((c, i) => ({ ...c, salt: file.claims[i]!.salt }))).root });
      expect(json.credential.tokenId).to.equal(file.credential.tokenId.toString());
      expect(parseClaimsFile(text)).to.deep.equal(file);
      expect(parseClaimsFile(json)).to.deep.equal(file);
      expect(decodeCredentialTokenId(file.credential.tokenId)).to.deep.equal({ holder: getAddress(WALLET), schemaId: 2, serial: 5n });
    });

    it("lists every problem of a damaged file", () => {
      const json = JSON.parse(stringifyClaimsFile(createClaimsFile({ credential: reference(), claims: sample() })));
      json.version = 2;
      json.credential.holder = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
      json.credential.schemaId = 0;
      json.claims[0].value = "true";
      json.claims[2].value = "-1";
      json.claims[3].salt = "0xabc";
      const problems = expectCredentialError(() => parseClaimsFile(json), "CREDENTIAL_INVALID_CLAIMS_FILE");
      expect(problems.join("\n")).to.match(/version 2/).and.match(/schemaId/).and.match(/does not belong to credential.holder/)
        .and.match(/claims\[0\].value must be true or false/).and.match(/claims\[2\].value -1 is out of range/).and.match(/claims\[3\].salt/);
      expectCredentialError(() => parseClaimsFile("{ not json"), "CREDENTIAL_INVALID_CLAIMS_FILE");
    });

    it("detects a changed value or salt by the root", () => {
      const json = JSON.parse(stringifyClaimsFile(createClaimsFile({ credential: reference(), claims: sample() })));
      json.claims[1].value = "BE";
      const problems = expectCredentialError(() => parseClaimsFile(json), "CREDENTIAL_INVALID_CLAIMS_FILE");
      expect(problems).to.deep.equal(["root does not match the claims (a value or a salt was changed)"]);
    });
  });

  describe("disclosure and EAS interoperability (off-chain)", () => {
    it("a mintkit disclosure verifies with EAS's PrivateData.verifyMultiProof", () => {
      const claims = sample();
      const disclosure = createDisclosure({ claims, names: ["tags", "age_over_18", "wallet"] });
      expect(disclosure.claims.map((c) => c.name).sort()).to.deep.equal(["age_over_18", "tags", "wallet"]);
      expect(verifyDisclosure(disclosure)).to.equal(true);
      expect(
        PrivateData.verifyMultiProof(disclosure.root, {
          leaves: disclosure.claims.map((c) => ({ ...c })),
          proof: [...disclosure.proof],
          proofFlags: [...disclosure.proofFlags],
        }),
      ).to.equal(true);
    });

    it("an EAS PrivateData multiproof verifies with mintkit", () => {
      const eas = new PrivateData([
        { type: "bool", name: "age_over_18", value: true },
        { type: "string", name: "First Name", value: "Ada" },
        { type: "uint256", name: "score", value: 12345n },
        { type: "address", name: "wallet", value: WALLET },
      ]);
      const { root } = eas.getFullTree();
      const disclosure = disclosureFromMultiProof({ root: root as Hex, multiProof: eas.generateMultiProof([0, 2, 3]) });
      expect(checkDisclosure(disclosure).ok).to.equal(true);
      expect(verifyDisclosure({ ...disclosure, claims: disclosure.claims.map((c) => (c.name === "score" ? { ...c, value: 12346n } : c)) })).to.equal(false);
    });

    it("refuses to disclose nothing or unknown claims; never verifies zero claims", () => {
      const claims = sample();
      expectCredentialError(() => createDisclosure({ claims, names: [] }), "CREDENTIAL_NOTHING_DISCLOSED");
      try {
        createDisclosure({ claims, names: ["age_over_18", "height"] });
        expect.fail("should throw");
      } catch (error) {
        expect(isCredentialError(error, "CREDENTIAL_UNKNOWN_CLAIM")).to.equal(true);
        expect((error as { details: { unknown: string[] } }).details.unknown).to.deep.equal(["height"]);
      }
      const { root } = commitClaims(claims);
      const check = checkDisclosure({ root, claims: [], proof: [root], proofFlags: [] });
      expect(check).to.include({ ok: false, reason: "NO_CLAIMS" });
    });

    it("parsePresentation lists every problem of a malformed presentation", () => {
      const problems = expectCredentialError(
        () => parsePresentation({ format: "mintkit-presentation", version: 1, chainId: "1", registry: "0x12", tokenId: 5, holder: WALLET, audience: 1, nonce: "n", issuedAt: -1, signature: "zz", disclosure: { root: "0x", claims: [{ type: "bool", name: "x", value: 1, salt: "0x" }], proof: ["0x"], proofFlags: [1] } }),
        "CREDENTIAL_INVALID_PRESENTATION",
      );
      expect(problems.length).to.be.greaterThanOrEqual(10);
    });
  });
});
