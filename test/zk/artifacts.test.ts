import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rangeVerificationKey } from "../../src/credentials/rangeVerificationKey.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const artifacts = join(root, "circuits", "artifacts");
const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const manifest = JSON.parse(readFileSync(join(artifacts, "manifest.json"), "utf8")) as { constraints: number; sha256: Record<string, string> };

describe("zk circuit artifacts", function () {
  this.timeout(120_000);

  it("the committed artifacts are the ones the manifest records (zkey <= 1 MB, <= 1,000 constraints)", () => {
    for (const name of ["range.wasm", "range.zkey", "range.vkey.json"]) {
      expect(sha256(readFileSync(join(artifacts, name))), name).to.equal(manifest.sha256[name]);
    }
    expect(sha256(readFileSync(join(root, "contracts", "zk", "RangePredicateVerifier.sol"), "utf8")), "verifier").to.equal(manifest.sha256["RangePredicateVerifier.sol"]);
    expect(rangeVerificationKey).to.deep.equal(JSON.parse(readFileSync(join(artifacts, "range.vkey.json"), "utf8")));
    expect(statSync(join(artifacts, "range.zkey")).size).to.be.at.most(1_000_000);
    expect(manifest.constraints).to.be.at.most(1_000);
  });

  it("compiling circuits/range.circom (circom2 --O2) gives the recorded r1cs and the committed witness wasm", () => {
    const work = mkdtempSync(join(tmpdir(), "mintkit-circuit-test-"));
    try {
      execFileSync(join(root, "node_modules", ".bin", "circom2"), [join(root, "circuits", "range.circom"), "--r1cs", "--wasm", "--O2", "-o", work], { cwd: root, stdio: "pipe" });
      expect(sha256(readFileSync(join(work, "range.r1cs"))), "r1cs: run `npm run build:circuits` and commit").to.equal(manifest.sha256["range.r1cs"]);
      expect(sha256(readFileSync(join(work, "range_js", "range.wasm"))), "wasm: run `npm run build:circuits` and commit").to.equal(manifest.sha256["range.wasm"]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
