// `npm run lock`: rewrites package-lock.json so that `npm ci` accepts it on a fresh clone.
//
// Why a script: Hardhat 3's EDR (`@nomicfoundation/edr@0.22`) lists one optional native package per
// platform, each with `engines: { node: ">= 22" }`, while the EAS SDK (a dev dependency) pulls Hardhat 2 and
// its `@nomicfoundation/edr@0.3.8`, whose platform packages are plain dependencies of the same names. An
// install that runs under Node 20 leaves the 0.22 platform packages out of the lockfile (they do not fit
// this Node), and `npm ci` then refuses the lockfile on every machine ("Missing:
// @nomicfoundation/edr-darwin-arm64@0.22.0 from lock file"). Resolving the lockfile under Node 22 records
// every platform's package, nested where the 0.3.8 copies already sit.
//
// What it does: in a temporary folder holding only package.json and the current package-lock.json (so no
// node_modules can leak into the result), `npm install --package-lock-only` under Node 22 (from npm, as
// `npm exec --package=node@22`), which keeps every version the lockfile already pins and adds or drops what
// package.json changed; then `npm ci --dry-run` there, under Node 22 and under the machine's own Node,
// must accept the result before it replaces package-lock.json. `--fresh` resolves from package.json
// alone (every range to its newest version) when the current lockfile cannot be repaired.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fresh = process.argv.includes("--fresh");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const node22 = ["exec", "--yes", "--package=node@22", "--"];

// `npm run lock` puts the project's Node 22 (node_modules/.bin) first on PATH; the machine's own Node is
// what is left without those entries.
const machinePath = (process.env.PATH ?? "").split(path.delimiter).filter((dir) => !dir.includes("node_modules")).join(path.delimiter);
const machineNode = spawnSync("node", ["-p", "process.version"], { encoding: "utf8", env: { ...process.env, PATH: machinePath } }).stdout?.trim();

/** Runs npm in `cwd` (with the machine's PATH when `machine`); returns its exit status and combined output. */
function run(args, cwd, machine = false) {
  const env = machine ? { ...process.env, PATH: machinePath } : process.env;
  const result = spawnSync(npm, args, { cwd, env, encoding: "utf8", shell: process.platform === "win32" });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

const work = mkdtempSync(path.join(os.tmpdir(), "mintkit-lock-"));
try {
  copyFileSync(path.join(root, "package.json"), path.join(work, "package.json"));
  if (!fresh && existsSync(path.join(root, "package-lock.json"))) {
    copyFileSync(path.join(root, "package-lock.json"), path.join(work, "package-lock.json"));
  }
  console.log(`resolving the lockfile under Node 22 (${fresh ? "from package.json alone" : "keeping pinned versions"}) …`);
  const resolve = run([...node22, "npm", "install", "--package-lock-only", "--no-audit", "--no-fund"], work);
  if (resolve.status !== 0) {
    console.error(resolve.output);
    console.error("npm could not resolve the dependencies: package-lock.json is unchanged.");
    process.exit(1);
  }
  const checks = [
    { label: "Node 22", args: [...node22, "npm", "ci", "--dry-run", "--no-audit", "--no-fund"] },
    ...(machineNode ? [{ label: `the machine's Node (${machineNode})`, args: ["ci", "--dry-run", "--no-audit", "--no-fund"], machine: true }] : []),
  ];
  for (const check of checks) {
    const result = run(check.args, work, check.machine);
    if (result.status !== 0) {
      console.error(result.output);
      console.error(
        `npm ci (${check.label}) refuses the new lockfile: package-lock.json is unchanged. ` +
          (fresh ? "Check the dependency ranges in package.json." : "Try `npm run lock -- --fresh`."),
      );
      process.exit(1);
    }
    console.log(`npm ci --dry-run accepts it under ${check.label}`);
  }
  copyFileSync(path.join(work, "package-lock.json"), path.join(root, "package-lock.json"));
  console.log("package-lock.json written; commit it, and install with `npm exec --yes --package=node@22 -- npm ci`.");
} finally {
  rmSync(work, { recursive: true, force: true });
}
