/**
 * `mintkit deploy credentials` and `mintkit credential …`, spawning the real binary (dist/: run `npm run build`
 * first) against a real local chain.
 */
import { expect } from "chai";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { parseClaimsFile } from "../../src/credentials/claimsFile.js";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "./helpers/cli.js";

const MNEMONIC = "test test test test test test test test test test test junk";
// Derived once per index: a BIP-39 derivation in JavaScript costs a few hundred ms.
const devAddresses = new Map<number, string>();
const dev = (i: number): string => {
  if (!devAddresses.has(i)) devAddresses.set(i, getAddress(mnemonicToAccount(MNEMONIC, { addressIndex: i }).address));
  return devAddresses.get(i)!;
};
const ISSUER = dev(0);
const HOLDER = dev(1);

/** Runs `mintkit …` with the real binary. */
function mintkit(args: readonly string[], cwd: string): Promise<CliRun> {
  return runCli(args, { cwd });
}

describe("cli: credential", function () {
  this.timeout(240_000);
  let chain: Chain;
  let cwd: string;
  let registry: string;
  const rpc = () => ["--rpc-url", chain.rpcUrl];
  const run = (args: readonly string[]) => mintkit([...rpc(), ...args], cwd);
  const ok = (r: CliRun) => {
    expect(r.code, `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(0);
    return r;
  };

  /** Issues a KYC credential to `holder` (dev account index) and returns its token id and claims file. */
  async function issue(holder: number, out: string, extra: string[] = []): Promise<{ tokenId: string; file: string }> {
    const claims = path.join(cwd, `claims-${out}`);
    await writeFile(claims, JSON.stringify({ nationality: "NL", licence_class: 3 }));
    const file = path.join(cwd, out);
    const r = ok(
      await run([
        "--json",
        "credential",
        "issue",
        "--registry",
        registry,
        "--schema",
        "1",
        "--to",
        dev(holder),
        "--claims",
        claims,
        "--age-over",
        "18,21",
        "--birth-date",
        "2001-05-02",
        "--issue-date",
        "2020-06-01",
        "--out",
        file,
        ...extra,
      ]),
    );
    return { tokenId: r.json<{ tokenId: string }>().tokenId, file };
  }

  async function present(devIndex: number, claimsFile: string, nonce: string, out: string): Promise<string> {
    const file = path.join(cwd, out);
    ok(
      await run([
        "--dev-account",
        String(devIndex),
        "credential",
        "present",
        "--claims-file",
        claimsFile,
        "--disclose",
        "age_over_18",
        "--audience",
        "https://shop.example",
        "--nonce",
        nonce,
        "--out",
        file,
      ]),
    );
    return file;
  }

  const verifyArgs = (file: string, nonce: string, trusted = `${registry}:${ISSUER}`) => [
    "--json",
    "credential",
    "verify",
    file,
    "--audience",
    "https://shop.example",
    "--nonce",
    nonce,
    "--trusted-issuer",
    trusted,
  ];
  type Verdict = { valid: boolean; reasons: { code: string; message: string }[]; claims: Record<string, unknown> };

  before(async () => {
    chain = await startChain();
    cwd = tempDir("mintkit-cred-");
    const r = ok(await run(["--json", "deploy", "credentials", "--name", "KYC Registry", "--symbol", "KYC"]));
    registry = r.json<{ address: string }>().address;
    const schema = ok(
      await run([
        "--json",
        "credential",
        "schema",
        "add",
        "--registry",
        registry,
        "--name",
        "KYC",
        "--age-over",
        "18,21",
        "--field",
        "string nationality",
        "--field",
        "uint16 licence_class",
      ]),
    );
    expect(schema.json<{ schemaId: number }>().schemaId).to.equal(1);
  });
  after(async () => {
    await chain.close();
  });

  it("--help of every credential command shows examples", async () => {
    for (const args of [
      ["credential", "--help"],
      ["credential", "schema", "add", "--help"],
      ["credential", "schema", "list", "--help"],
      ["credential", "issue", "--help"],
      ["credential", "revoke", "--help"],
      ["credential", "reissue", "--help"],
      ["credential", "rebind", "--help"],
      ["credential", "show", "--help"],
      ["credential", "present", "--help"],
      ["credential", "verify", "--help"],
      ["deploy", "credentials", "--help"],
    ]) {
      const r = await mintkit(args, cwd);
      expect(r.code, args.join(" ")).to.equal(0);
      expect(r.stdout, args.join(" ")).to.contain("Examples:");
    }
  });

  it("deploy credentials records the registry beside the existing deployments format", async () => {
    const record = JSON.parse(await readFile(path.join(cwd, "deployments", "31337.json"), "utf8")) as Record<string, unknown>;
    expect(record.chainId).to.equal(31337);
    expect(record.contracts).to.equal(undefined); // core contracts are not recorded
    expect(record.collections).to.deep.equal({});
    const registries = record.credentialRegistries as Record<string, { address: string; owner: string; symbol: string }>;
    expect(registries["KYC Registry"]!.address).to.equal(registry);
    expect(registries["KYC Registry"]!.owner).to.equal(ISSUER);
    // --registry may then be omitted (the only recorded one) or given by name
    const list = ok(await run(["--json", "credential", "schema", "list"]));
    expect(list.json<{ schemas: { schemaId: number; name: string; fields: string[] }[] }>().schemas).to.deep.equal([
      {
        schemaId: 1,
        name: "KYC",
        fields: ["bool age_over_18", "bool age_over_21", "string nationality", "uint16 licence_class"],
        registrar: ISSUER,
        uri: "",
      },
    ]);
    ok(await run(["credential", "schema", "list", "--registry", "KYC Registry"]));
  });

  it("issue → present → verify: valid, exit 0; claims file private and complete, no value or salt printed", async () => {
    const claims = path.join(cwd, "claims.json");
    await writeFile(claims, JSON.stringify({ nationality: "NL", licence_class: 3 }));
    const out = path.join(cwd, "holder-claims.json");
    const r = ok(
      await run([
        "credential",
        "issue",
        "--registry",
        registry,
        "--schema",
        "1",
        "--to",
        HOLDER,
        "--claims",
        claims,
        "--age-over",
        "18,21",
        "--birth-date",
        "2001-05-02",
        "--issue-date",
        "2020-06-01",
        "--expiry",
        "+365d",
        "--burn-auth",
        "both",
        "--out",
        out,
      ]),
    );
    expect(statSync(out).mode & 0o777).to.equal(0o600);
    const file = parseClaimsFile(await readFile(out, "utf8"));
    expect(Object.fromEntries(file.claims.map((c) => [c.name, c.value]))).to.deep.equal({
      age_over_18: true, // 19 on 2020-06-01
      age_over_21: false,
      nationality: "NL",
      licence_class: 3n,
    });
    expect(file.claims.map((c) => c.name)).to.not.include("birth_date");
    expect(file.credential.holder).to.equal(HOLDER);
    expect(file.credential.issuer).to.equal(ISSUER);
    for (const secret of ["NL", "2001-05-02", ...file.claims.map((c) => c.salt.slice(2))]) {
      expect(r.stdout + r.stderr).to.not.contain(secret);
    }
    const tokenId = file.credential.tokenId.toString();
    expect(r.stdout).to.contain(tokenId);

    const show = ok(await run(["--json", "credential", "show", tokenId, "--registry", registry])).json<Record<string, unknown>>();
    expect(show).to.include({ status: "valid", isValid: true, holder: HOLDER, issuer: ISSUER, schemaId: 1, schemaName: "KYC", revoked: false, burnAuth: "both" });
    expect(show.expiry as number).to.be.greaterThan(Math.floor(Date.now() / 1000) + 364 * 86_400);

    const p = await present(1, out, "nonce-1", "presentation.json");
    expect(statSync(p).mode & 0o777).to.equal(0o600);
    const presentation = JSON.parse(await readFile(p, "utf8")) as { disclosure: { claims: { name: string }[] } };
    expect(presentation.disclosure.claims.map((c) => c.name)).to.deep.equal(["age_over_18"]);

    const v = await run([...verifyArgs(p, "nonce-1"), "--require", "age_over_18", "--on-chain-proof"]);
    ok(v);
    expect(v.json<Verdict>()).to.deep.include({ valid: true, reasons: [], claims: { age_over_18: true } });
    const text = ok(await run(verifyArgs(p, "nonce-1").filter((a) => a !== "--json")));
    expect(text.stdout).to.match(/^VALID/);
    expect(text.stdout).to.contain("age_over_18 = true");
  });

  it("verify: wrong nonce, untrusted issuer, missing required claim, malformed file → exit 1 with each reason; usage error → exit 2", async () => {
    const { file } = await issue(2, "c2.json");
    const p = await present(2, file, "nonce-2", "p2.json");
    const wrongNonce = await run(verifyArgs(p, "nonce-OLD"));
    expect(wrongNonce.code).to.equal(1);
    expect(wrongNonce.json<Verdict>().valid).to.equal(false);
    expect(wrongNonce.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["NONCE_MISMATCH"]);

    const untrusted = await run(verifyArgs(p, "nonce-2", `${registry}:${dev(9)}`));
    expect(untrusted.code).to.equal(1);
    expect(untrusted.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["ISSUER_NOT_TRUSTED"]);

    const missing = await run([...verifyArgs(p, "nonce-2"), "--require", "age_over_21,nationality"]);
    expect(missing.code).to.equal(1);
    expect(missing.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["MISSING_CLAIM", "MISSING_CLAIM"]);

    const text = await run(verifyArgs(p, "nonce-OLD").filter((a) => a !== "--json"));
    expect(text.code).to.equal(1);
    expect(text.stdout).to.match(/^INVALID: 1 reason/);
    expect(text.stdout).to.contain("NONCE_MISMATCH");

    const garbage = path.join(cwd, "garbage.json");
    await writeFile(garbage, JSON.stringify({ format: "mintkit-presentation", version: 1 }));
    const malformed = await run(verifyArgs(garbage, "nonce-2"));
    expect(malformed.code).to.equal(1);
    expect(malformed.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["MALFORMED_PRESENTATION"]);

    const noNonce = await run(["credential", "verify", p, "--audience", "https://shop.example", "--trusted-issuer", `${registry}:${ISSUER}`]);
    expect(noNonce.code).to.equal(2);
    const badIssuer = await run([...verifyArgs(p, "nonce-2", "not-an-address")]);
    expect(badIssuer.code).to.equal(2);
    expect(badIssuer.errorJson().error.code).to.equal("CLI_INVALID_INPUT");
    const noFile = await run(verifyArgs(path.join(cwd, "nope.json"), "nonce-2"));
    expect(noFile.code).to.equal(2);
    expect(noFile.errorJson().error.code).to.equal("CLI_FILE_NOT_FOUND");
  });

  it("revoke: the credential shows revoked and its presentations fail with CREDENTIAL_REVOKED (exit 1)", async () => {
    const { tokenId, file } = await issue(3, "c3.json");
    const p = await present(3, file, "nonce-3", "p3.json");
    ok(await run(["--json", "credential", "revoke", tokenId, "--registry", registry, "--reason", "withdrawn"]));
    const show = ok(await run(["--json", "credential", "show", tokenId])).json<{ status: string; revoked: boolean }>();
    expect(show).to.include({ status: "revoked", revoked: true });
    const v = await run(verifyArgs(p, "nonce-3"));
    expect(v.code).to.equal(1);
    expect(v.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["CREDENTIAL_REVOKED"]);
    const again = await run(["--json", "credential", "revoke", tokenId, "--registry", registry]);
    expect(again.code).to.equal(5);
    expect(again.errorJson().error.details).to.include({ errorName: "AlreadyRevoked" });
  });

  it("reissue after key loss: new token id, claims file re-pointed (--claims-file, or later with rebind), old presentations fail", async () => {
    const { tokenId, file } = await issue(4, "c4.json");
    const old = await present(4, file, "nonce-4", "p4.json");
    const r = ok(await run(["--json", "credential", "reissue", tokenId, "--to", dev(5), "--registry", registry, "--claims-file", file]));
    const { newTokenId, claimsFile } = r.json<{ newTokenId: string; claimsFile: string }>();
    expect(newTokenId).to.not.equal(tokenId);
    expect(claimsFile).to.equal(file);
    const updated = parseClaimsFile(await readFile(file, "utf8"));
    expect(updated.credential.tokenId.toString()).to.equal(newTokenId);
    expect(updated.credential.holder).to.equal(dev(5));
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    const p = await present(5, file, "nonce-5", "p5.json");
    ok(await run(verifyArgs(p, "nonce-5")));
    const stale = await run(verifyArgs(old, "nonce-4"));
    expect(stale.code).to.equal(1);
    expect(stale.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["CREDENTIAL_REVOKED"]);
    const show = ok(await run(["--json", "credential", "show", newTokenId])).json<{ replaces: string; status: string }>();
    expect(show).to.include({ replaces: tokenId, status: "valid" });

    // without --claims-file: the holder re-points the file with `credential rebind`
    const second = await issue(6, "c6.json");
    const re = ok(await run(["--json", "credential", "reissue", second.tokenId, "--to", dev(7)]));
    const wrongSigner = await run(["--dev-account", "7", "credential", "present", "--claims-file", second.file, "--disclose", "age_over_18", "--audience", "a", "--nonce", "n"]);
    expect(wrongSigner.code).to.equal(2);
    expect(wrongSigner.stderr).to.contain("rebind");
    const rebound = ok(await run(["--json", "credential", "rebind", second.file])).json<{ tokenId: string; updated: boolean }>();
    expect(rebound).to.deep.include({ tokenId: re.json<{ newTokenId: string }>().newTokenId, updated: true });
    ok(await run(["--dev-account", "7", "credential", "present", "--claims-file", second.file, "--disclose", "nationality", "--audience", "a", "--nonce", "n"]));
  });

  it("the birth date is a claim only when the schema declares it; --birth-date alone is refused otherwise", async () => {
    const added = ok(await run(["--json", "credential", "schema", "add", "--name", "Age", "--age-over", "18", "--field", "string birth_date"]));
    const schemaId = String(added.json<{ schemaId: number }>().schemaId);
    const out = path.join(cwd, "age.json");
    ok(await run(["credential", "issue", "--schema", schemaId, "--to", dev(12), "--age-over", "18", "--birth-date", "2010-01-01", "--out", out]));
    const file = parseClaimsFile(await readFile(out, "utf8"));
    expect(Object.fromEntries(file.claims.map((c) => [c.name, c.value]))).to.deep.equal({ age_over_18: false, birth_date: "2010-01-01" });

    const claims = path.join(cwd, "claims-only.json");
    await writeFile(claims, JSON.stringify({ nationality: "NL", licence_class: 1, age_over_18: true, age_over_21: true }));
    const unused = await run(["--json", "credential", "issue", "--schema", "1", "--to", dev(12), "--claims", claims, "--birth-date", "2001-01-01", "--out", path.join(cwd, "x.json")]);
    expect(unused.code).to.equal(2);
    expect((unused.errorJson().error.details as { problems: string[] }).problems.join()).to.contain("--birth-date");
    expect(existsSync(path.join(cwd, "x.json"))).to.equal(false);
  });

  describe("bad input: clear error, non-zero exit, no claims file written", () => {
    const issueArgs = (out: string, overrides: Record<string, string | undefined> = {}) => {
      const base: Record<string, string | undefined> = {
        "--registry": registry,
        "--schema": "1",
        "--to": dev(8),
        "--claims": path.join(cwd, "claims.json"),
        "--age-over": "18,21",
        "--birth-date": "2001-05-02",
        "--out": path.join(cwd, out),
        ...overrides,
      };
      return ["--json", "credential", "issue", ...Object.entries(base).flatMap(([k, v]) => (v === undefined ? [] : [k, v]))];
    };
    const noTempFiles = () => expect(readdirSync(cwd).filter((f) => f.endsWith(".tmp"))).to.deep.equal([]);

    it("a missing claims file", async () => {
      const r = await run(issueArgs("bad1.json", { "--claims": path.join(cwd, "missing.json") }));
      expect(r.code).to.equal(2);
      expect(r.errorJson().error.code).to.equal("CLI_FILE_NOT_FOUND");
      expect(existsSync(path.join(cwd, "bad1.json"))).to.equal(false);
      noTempFiles();
    });

    it("claims that do not fit the schema: every problem listed", async () => {
      const claims = path.join(cwd, "bad-claims.json");
      await writeFile(claims, JSON.stringify({ nationality: 5, licence_class: 70000, shoe_size: 44, age_over_18: true }));
      const r = await run(issueArgs("bad2.json", { "--claims": claims }));
      expect(r.code).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal("CREDENTIAL_INVALID_CLAIMS");
      const problems = (error.details as { problems: string[] }).problems;
      expect(problems).to.have.length(4);
      expect(problems.join("\n")).to.contain("age_over_18").and.contain("nationality").and.contain("licence_class").and.contain("shoe_size");
      expect(existsSync(path.join(cwd, "bad2.json"))).to.equal(false);
      noTempFiles();
      // text mode: one line per problem
      const text = await run(issueArgs("bad2.json", { "--claims": claims }).filter((a) => a !== "--json"));
      expect(text.code).to.equal(2);
      expect(text.stderr.split("\n").filter((l) => l.startsWith("  - "))).to.have.length(4);
      expect(text.stderr).to.not.contain("undefined");
      // schema fields not provided at all (no --age-over): named in the hint
      const noAges = await run(issueArgs("bad2.json", { "--age-over": undefined, "--birth-date": undefined }));
      expect(noAges.code).to.equal(2);
      expect(noAges.errorJson().error.hint).to.contain("--age-over 18,21");
    });

    it("an invalid address, an expiry in the past, an unknown schema, an existing --out, a non-issuer", async () => {
      const badTo = await run(issueArgs("bad3.json", { "--to": "0x1234" }));
      expect(badTo.code).to.equal(2);
      expect(badTo.errorJson().error.code).to.equal("CLI_INVALID_ADDRESS");
      const past = await run(issueArgs("bad3.json", { "--expiry": "2001-01-01" }));
      expect(past.code).to.equal(2);
      expect(past.errorJson().error.code).to.equal("CLI_INVALID_TIME");
      expect(past.errorJson().error.message).to.contain("not in the future");
      const unknown = await run(issueArgs("bad3.json", { "--schema": "9" }));
      expect(unknown.code).to.equal(2);
      expect(unknown.errorJson().error.message).to.contain("Schema 9 is not registered");
      const noSuch = await run(["--json", "credential", "show", "12345", "--registry", registry]);
      expect(noSuch.code).to.equal(2);
      expect(noSuch.errorJson().error.message).to.contain("does not exist");
      const badDate = await run(issueArgs("bad3.json", { "--birth-date": "2001-02-30" }));
      expect(badDate.code).to.equal(2);
      expect(badDate.errorJson().error.code).to.equal("CREDENTIAL_INVALID_DATE");
      expect(existsSync(path.join(cwd, "bad3.json"))).to.equal(false);

      const existing = path.join(cwd, "existing.json");
      await writeFile(existing, "keep me");
      const exists = await run(issueArgs("existing.json"));
      expect(exists.code).to.equal(2);
      expect(await readFile(existing, "utf8")).to.equal("keep me");

      const notIssuer = await run(["--dev-account", "9", ...issueArgs("bad4.json")]);
      expect(notIssuer.code).to.equal(5);
      expect(notIssuer.errorJson().error.details).to.include({ errorName: "AccessControlUnauthorizedAccount" });
      expect(existsSync(path.join(cwd, "bad4.json"))).to.equal(false);
      noTempFiles();
    });

    it("present: unknown claim, wrong signer, missing claims file", async () => {
      const { file } = await issue(10, "c10.json");
      const base = ["--dev-account", "10", "credential", "present", "--claims-file", file, "--audience", "a", "--nonce", "n"];
      const unknown = await run(["--json", ...base, "--disclose", "age_over_18,shoe_size"]);
      expect(unknown.code).to.equal(2);
      expect(unknown.errorJson().error.code).to.equal("CREDENTIAL_UNKNOWN_CLAIM");
      const wrong = await run(["--json", ...base.map((a) => (a === "10" ? "11" : a)), "--disclose", "age_over_18"]);
      expect(wrong.code).to.equal(2);
      expect(wrong.errorJson().error.message).to.contain("not the credential's holder");
      const missing = await run(["--json", ...base.map((a) => (a === file ? path.join(cwd, "none.json") : a)), "--disclose", "age_over_18"]);
      expect(missing.code).to.equal(2);
      expect(missing.errorJson().error.code).to.equal("CLI_FILE_NOT_FOUND");
      const tampered = path.join(cwd, "tampered.json");
      await writeFile(tampered, (await readFile(file, "utf8")).replace('"NL"', '"FR"'));
      const t = await run(["--json", ...base.map((a) => (a === file ? tampered : a)), "--disclose", "age_over_18"]);
      expect(t.code).to.equal(2);
      expect(t.errorJson().error.code).to.equal("CREDENTIAL_INVALID_CLAIMS_FILE");
    });
  });
});
