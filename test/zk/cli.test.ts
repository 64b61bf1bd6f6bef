/**
 * `mintkit credential present --prove` and `credential verify --require "age>=21"`, spawning the real binary
 * (dist/: run `npm run build` first) against a real local chain: the README's zero-knowledge commands.
 */
import { expect } from "chai";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { parseClaimsFile } from "../../src/credentials/claimsFile.js";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "../cli/helpers/cli.js";

const MNEMONIC = "test test test test test test test test test test test junk";
// Derived once per index: a BIP-39 derivation in JavaScript costs a few hundred ms.
const devAddresses = new Map<number, string>();
const dev = (i: number): string => {
  if (!devAddresses.has(i)) devAddresses.set(i, getAddress(mnemonicToAccount(MNEMONIC, { addressIndex: i }).address));
  return devAddresses.get(i)!;
};

describe("cli: zero-knowledge predicates", function () {
  this.timeout(300_000);
  let chain: Chain;
  let cwd: string;
  let registry: string;
  const run = (args: readonly string[]) => runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd });
  const ok = (r: CliRun) => {
    expect(r.code, `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(0);
    return r;
  };
  type Verdict = { valid: boolean; reasons: { code: string }[]; predicates: string[]; claims: Record<string, unknown> };
  const verify = (file: string, require: string) =>
    run(["--json", "credential", "verify", file, "--audience", "https://bar.example", "--nonce", "77ad10", "--trusted-issuer", `${registry}:${dev(0)}`, "--require", require]);

  before(async () => {
    chain = await startChain();
    cwd = tempDir("mintkit-zk-");
    registry = ok(await run(["--json", "deploy", "credentials", "--name", "ID Registry"])).json<{ address: string }>().address;
    ok(await run(["credential", "schema", "add", "--registry", registry, "--name", "ID", "--field", "uint64 birth_date", "--field", "uint256 birth_date#poseidon"]));
  });
  after(async () => {
    await chain.close();
  });

  it("issue with a provable birth date, present --prove \"age>=21\", verify --require \"age>=21\": valid, the birth date never leaves the holder", async () => {
    const claimsFile = path.join(cwd, "holder-id.json");
    ok(await run(["credential", "issue", "--registry", registry, "--schema", "1", "--to", dev(1), "--birth-date", "2001-05-02", "--out", claimsFile]));
    const file = parseClaimsFile(await readFile(claimsFile, "utf8"));
    expect(Object.keys(file.blindings ?? {})).to.deep.equal(["birth_date"]);
    expect(file.claims.map((c) => c.name)).to.deep.equal(["birth_date", "birth_date#poseidon"]);

    const out = path.join(cwd, "age.json");
    const presented = ok(
      await run(["--dev-account", "1", "credential", "present", "--claims-file", claimsFile, "--prove", "age>=21", "--audience", "https://bar.example", "--nonce", "77ad10", "--out", out]),
    );
    expect(presented.stdout).to.match(/proves\s+age>=21/);
    const text = await readFile(out, "utf8");
    const json = JSON.parse(text) as { disclosure: { claims: { name: string }[] }; predicates: { statement: string; claim: string }[] };
    expect(json.disclosure.claims.map((c) => c.name)).to.deep.equal(["birth_date#poseidon"]);
    expect(json.predicates.map((q) => [q.statement, q.claim])).to.deep.equal([["age>=21", "birth_date"]]);
    const birthSalt = file.claims.find((c) => c.name === "birth_date")!.salt;
    expect(text).not.to.include(birthSalt.slice(2));
    expect(text).not.to.include(file.blindings!.birth_date!.slice(2));

    const valid = ok(await verify(out, "age>=21"));
    expect(valid.json<Verdict>()).to.deep.include({ valid: true, predicates: ["age>=21"] });
    const stricter = await verify(out, "age>=99");
    expect(stricter.code).to.equal(1);
    expect(stricter.json<Verdict>().reasons.map((r) => r.code)).to.deep.equal(["PREDICATE_FALSE"]);
  });

  it("a predicate the holder does not satisfy, or a malformed one, is a clear input error (exit 2) and writes nothing", async () => {
    const claimsFile = path.join(cwd, "young.json");
    ok(await run(["credential", "issue", "--registry", registry, "--schema", "1", "--to", dev(2), "--birth-date", "2015-01-01", "--out", claimsFile]));
    const out = path.join(cwd, "young-age.json");
    const args = ["--dev-account", "2", "credential", "present", "--claims-file", claimsFile, "--audience", "https://bar.example", "--nonce", "n2", "--out", out];
    const falseOne = await run([...args, "--prove", "age>=21"]);
    expect(falseOne.code, falseOne.stderr).to.equal(2);
    expect(falseOne.stderr).to.match(/does not satisfy "age>=21"/);
    const malformed = await run([...args, "--prove", "age>21"]);
    expect(malformed.code, malformed.stderr).to.equal(2);
    expect(malformed.stderr).to.match(/--prove/);
    await readFile(out).then(
      () => expect.fail("no presentation may be written"),
      (e: NodeJS.ErrnoException) => expect(e.code).to.equal("ENOENT"),
    );
  });
});
