import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The package's entries as a consumer resolves them: Node takes dist/bundle/* (exports condition "node",
// built by scripts/bundle-entries.mjs), bundlers the per-file dist/* ("default"). `npm test` builds first.
const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  exports: Record<string, { types: string; node: string; default: string }>;
  sideEffects: boolean;
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

/** Runs an ES module script with the project's own Node, from the project folder (so `mintkit` resolves to itself). */
function runModule(code: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("package entries", function () {
  this.timeout(60_000);

  before(function () {
    if (!existsSync(`${root}dist/bundle/index.js`)) throw new Error("dist/ is not built: run `npm run build` first.");
  });

  it("declares viem as a peer, not a dependency, and has no install-time scripts", () => {
    expect(pkg.peerDependencies["viem"]).to.match(/^\^2\./);
    expect(pkg.dependencies).not.to.have.property("viem");
    const scripts = (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const name of ["preinstall", "install", "postinstall", "prepare"]) expect(scripts, name).not.to.have.property(name);
    expect(pkg.sideEffects).to.equal(false);
  });

  for (const [entry, paths] of Object.entries(pkg.exports)) {
    it(`"${entry}": the Node bundle exports exactly what the per-file build exports, sharing one error class`, () => {
      const r = runModule(`
        const bundle = await import(${JSON.stringify(`${root}${paths.node.slice(2)}`)});
        const files = await import(${JSON.stringify(`${root}${paths.default.slice(2)}`)});
        const self = await import(${JSON.stringify(`mintkit${entry.slice(1)}`)});
        const root = await import("mintkit");
        console.log(JSON.stringify({
          bundle: Object.keys(bundle).sort(), files: Object.keys(files).sort(),
          selfIsBundle: self.MintkitError === bundle.MintkitError, oneErrorClass: root.MintkitError === self.MintkitError,
        }));`);
      expect(r.status, r.stderr).to.equal(0);
      const out = JSON.parse(r.stdout) as { bundle: string[]; files: string[]; selfIsBundle: boolean; oneErrorClass: boolean };
      expect(out.bundle).to.deep.equal(out.files);
      expect(out.bundle.length).to.be.greaterThan(100);
      expect(out.selfIsBundle, "Node resolves the entry to the bundle").to.equal(true);
      expect(out.oneErrorClass, "mintkit and mintkit/node share MintkitError").to.equal(true);
    });
  }

  it("loads @openzeppelin/merkle-tree only when a credential needs it, with the same results as the per-file build", () => {
    const r = runModule(`
      import { createRequire } from "node:module";
      const require = createRequire(${JSON.stringify(`${root}package.json`)});
      const key = require.resolve("@openzeppelin/merkle-tree");
      const m = await import("mintkit");
      const before = key in require.cache;
      const claims = m.createClaims({ fields: ["bool age_over_18", "string nationality"], values: { age_over_18: true, nationality: "NL" } });
      const { root } = m.commitClaims(claims);
      const disclosure = m.createDisclosure({ claims, names: ["age_over_18"] });
      const files = await import(${JSON.stringify(`${root}dist/index.js`)});
      console.log(JSON.stringify({
        before, after: key in require.cache,
        sameRoot: files.commitClaims(claims).root === root,
        verifiedHere: m.verifyDisclosure(disclosure, root), verifiedThere: files.verifyDisclosure(disclosure, root),
        tampered: m.verifyDisclosure({ ...disclosure, claims: disclosure.claims.map((c) => ({ ...c, value: false })) }, root),
        cid: String(await m.cidForBytes(new TextEncoder().encode("hello world\\n"), "kubo-v0")),
      }));`);
    expect(r.status, r.stderr).to.equal(0);
    expect(JSON.parse(r.stdout)).to.deep.equal({
      before: false,
      after: true,
      sameRoot: true,
      verifiedHere: true,
      verifiedThere: true,
      tampered: false,
      cid: "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
    });
  });
});
