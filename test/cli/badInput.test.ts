/**
 * The bad-input battery (issue 10): every case of `badInput.cases.ts` is one run of the real `mintkit` binary
 * (against one shared local chain and a project built on it once), judged clean or not:
 *
 * - the exit code is the one the README's table documents for the input;
 * - stderr is `Error: …` + `Hint: …` + `Code: …` (a commander usage error: `error: …` + the `--help` pointer),
 *   or with `--json` the JSON error with a code, a message, a hint and the same exit code;
 * - no stack trace, no "undefined"/"NaN"/"[object Object]", no raw viem or Node error text;
 * - nothing written or sent: the files the case started from are byte-identical after it, the paths it names are
 *   absent, nothing signed is printed, and for a command that writes on chain the block number did not move
 *   (those cases run one at a time; the others run alongside, 3 at a time).
 *
 * `MINTKIT_BATTERY_REPORT=<path>` (or `npm run battery`) writes `{ total, clean, other, byCommand, cases }` there;
 * `MINTKIT_BATTERY_BIN=<other checkout>/bin/mintkit.js` runs the cases against another build (the "before" count).
 */
import { expect } from "chai";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, http } from "viem";
import { badInputCases, knownOpenCases, type BadInputCase, type BatteryFixture, type CaseFile } from "./badInput.cases.js";

import { spawn } from "node:child_process";
import { cliBin, repoRoot, runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

const HOLDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const CONCURRENCY = 3;

interface CaseResult {
  readonly id: string;
  readonly command: string;
  readonly clean: boolean;
  readonly problems: readonly string[];
  readonly exit: number | null;
  readonly expectedExit: number | readonly number[];
  readonly code?: string;
  readonly ms: number;
  /** The first lines of stderr, for the report. */
  readonly stderr: string;
}

/** Text that must never reach a user: stacks, JavaScript's placeholders, raw viem and Node errors. */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m, "stack trace"],
  [/\bundefined\b/, '"undefined"'],
  [/\bNaN\b/, '"NaN"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/Invalid time value|Invalid Date/, "raw Date error"],
  [/Version: viem@|Docs: https:\/\/viem\.sh|Request Arguments:|Contract Call:|Raw Call Arguments:/, "raw viem error text"],
  [/\b(SyntaxError|TypeError|RangeError|ReferenceError)\b/, "raw JavaScript error"],
  [/Unexpected token|Unexpected end of JSON|"[^"]*" is not valid JSON|Cannot read propert|is not a function|is not iterable|Maximum call stack/, "raw JavaScript error text"],
  [/\b(ENOENT|EISDIR|ENOTDIR|EACCES|EEXIST|ERR_[A-Z_]+)\b/, "raw Node error code"],
  [/^Code: UNEXPECTED$|"code":"UNEXPECTED"/m, "UNEXPECTED error code"],
];

function judge(c: BadInputCase, r: CaseRun, json: boolean): { problems: string[]; code?: string } {
  const problems: string[] = [];
  const expected = typeof c.exit === "number" ? [c.exit] : c.exit;
  if (r.signal !== null) problems.push(`killed by ${r.signal} (hung past ${c.timeoutMs ?? 30_000} ms)`);
  else if (!expected.includes(r.code ?? -1)) problems.push(`exit ${r.code}, documented ${expected.join(" or ")}`);
  let code: string | undefined;
  const stderr = r.stderr;
  if (r.code === 0 && expected.includes(0)) {
    // Allowed to succeed (e.g. a repair): only the forbidden texts below are checked.
  } else if (c.verdict !== undefined) {
    // A verifier's verdict (exit 1 = not valid) is an answer, not an error: it must name its reason code.
    if (!c.verdict.test(`${r.stdout}\n${stderr}`)) problems.push(`no verdict matching ${c.verdict}`);
    code = c.verdict.source;
  } else if (json) {
    try {
      const { error } = errorJson(r.stderr);
      code = error.code;
      if (typeof error.code !== "string" || error.code === "") problems.push("JSON error without a code");
      if (typeof error.message !== "string" || error.message === "") problems.push("JSON error without a message");
      if (typeof error.hint !== "string" || error.hint === "") problems.push("JSON error without a hint");
      if (error.exitCode !== r.code) problems.push(`JSON exitCode ${error.exitCode} differs from the exit code ${r.code}`);
    } catch {
      problems.push("no JSON error on stderr");
    }
  } else if (/^error: .+/m.test(stderr) && /\(run with --help for usage\)/.test(stderr)) {
    code = "CLI_USAGE";
  } else {
    if (!/^Error: \S.*/m.test(stderr)) problems.push("no `Error: …` line");
    if (!/^Hint: \S.*/m.test(stderr)) problems.push("no `Hint: …` line");
    const m = /^Code: ([A-Z0-9_]+)$/m.exec(stderr);
    if (!m) problems.push("no `Code: …` line");
    else code = m[1];
  }
  for (const [re, what] of FORBIDDEN) if (re.test(stderr) || re.test(r.stdout)) problems.push(what);
  if (/"signature"\s*:|0x[0-9a-fA-F]{130}\b/.test(r.stdout)) problems.push("printed something signed");
  return { problems, code };
}

interface CaseRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The JSON error: the last `{…}` block on stderr. */
function errorJson(stderr: string): { error: { code: string; message: string; hint?: string; exitCode: number } } {
  const lines = stderr.trim().split("\n");
  let start = lines.length - 1;
  while (start > 0 && !lines[start]!.startsWith("{")) start--;
  return JSON.parse(lines.slice(Math.max(start, 0)).join("\n"));
}

/**
 * Runs the binary like `runCli` (same environment rules), but in its own process group, killed as a group on
 * timeout, and settled when the process exits (a grandchild holding the pipes cannot stall the battery).
 */
function runCase(args: readonly string[], options: { cwd: string; env?: Record<string, string>; input?: string; timeoutMs: number }): Promise<CaseRun> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("MINTKIT_")) env[k] = v;
  env.NO_COLOR = "1";
  env.MINTKIT_KEYSTORE_DIR = path.join(options.cwd, "keystore");
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.env.MINTKIT_BATTERY_BIN ?? cliBin, ...args], { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(killGroup, options.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain, then make sure nothing of the run is left behind.
      setTimeout(() => {
        killGroup();
        resolve({ code, signal, stdout, stderr });
      }, 50);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

function writeCaseFile(dir: string, rel: string, file: CaseFile): void {
  const at = path.join(dir, rel);
  mkdirSync(path.dirname(at), { recursive: true });
  rmSync(at, { recursive: true, force: true });
  if (typeof file === "object" && "dir" in file) mkdirSync(at, { recursive: true });
  else writeFileSync(at, file);
}

function sameAsWritten(dir: string, rel: string, file: CaseFile): boolean {
  const at = path.join(dir, rel);
  if (!existsSync(at)) return false;
  if (typeof file === "object" && "dir" in file) return statSync(at).isDirectory();
  if (!statSync(at).isFile()) return false;
  return Buffer.compare(readFileSync(at), Buffer.from(file)) === 0;
}

/** A small pool: `exclusive` jobs run one at a time, the others up to `limit` at once beside them. */
async function runAll<T>(jobs: ReadonlyArray<{ exclusive: boolean; run: () => Promise<T> }>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  const shared = jobs.map((j, i) => ({ j, i })).filter(({ j }) => !j.exclusive);
  const exclusive = jobs.map((j, i) => ({ j, i })).filter(({ j }) => j.exclusive);
  const worker = async (queue: typeof shared) => {
    for (let next = queue.shift(); next; next = queue.shift()) results[next.i] = await next.j.run();
  };
  await Promise.all([worker(exclusive), ...Array.from({ length: Math.max(1, limit - 1) }, () => worker(shared))]);
  return results;
}

describe("cli: the bad-input battery", function () {
  // About 2.5 minutes on an idle 2-core machine (339 spawned runs, 3 at a time); far more when it is busy.
  this.timeout(1_500_000);
  let chain: Chain;
  let project: string;
  let fx: BatteryFixture;
  // MINTKIT_BATTERY_ONLY=<regexp> runs only the cases whose id matches (the others are skipped, not counted).
  const only = process.env.MINTKIT_BATTERY_ONLY ? new RegExp(process.env.MINTKIT_BATTERY_ONLY) : undefined;
  const selected = (c: BadInputCase): boolean => only === undefined || only.test(c.id);
  const results = new Map<string, CaseResult>();

  before(async function () {
    chain = await startChain();
    project = tempDir("mintkit-battery-");
    const png = readFileSync(path.join(repoRoot, "test/fixtures/media/pixel.png"));
    const run = async (args: readonly string[], input?: string) => {
      const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", ...args], { cwd: project, input });
      if (r.code !== 0) throw new Error(`fixture step failed: mintkit ${args.join(" ")}\n${r.stderr}`);
      return r;
    };
    const collection = (await run(["deploy", "collection", "Art", "ART", "--max-supply", "100"])).json<{ address: string }>().address;
    const editions = (await run(["deploy", "editions", "Prints", "PRT"])).json<{ address: string }>().address;
    const registry = (await run(["deploy", "credentials", "--name", "Reg"])).json<{ address: string }>().address;
    await run(["credential", "schema", "add", "--registry", registry, "--name", "KYC", "--field", "string nationality", "--age-over", "18"]);
    writeFileSync(path.join(project, "claims.json"), JSON.stringify({ nationality: "NL" }));
    const issued = await run([
      "credential", "issue", "--registry", registry, "--schema", "1", "--to", HOLDER, "--claims", "claims.json",
      "--age-over", "18", "--birth-date", "2000-01-01", "--out", "holder-claims.json",
    ]);
    const tokenId = issued.json<{ tokenId: string }>().tokenId;
    await run(["voucher", "sign", "--collection", "Art", "--price", "0.01eth", "--valid-until", "+7d", "--out", "v.json"]);
    writeFileSync(path.join(project, "pw.txt"), "pw\n");
    await run(["keys", "create", "alice", "--password-file", "pw.txt", "--scrypt-n", "1024"]);
    const { nonce } = (await run(["credential", "challenge", "--audience", "https://shop.example"])).json<{ nonce: string }>();
    await run([
      "--dev-account", "1", "credential", "present", "--claims-file", "holder-claims.json", "--disclose", "age_over_18",
      "--audience", "https://shop.example", "--nonce", nonce, "--out", "presentation.json",
    ]);
    mkdirSync(path.join(project, "art"));
    writeFileSync(path.join(project, "art", "1.png"), png);
    await run(["batch", "Art", "art"]);
    const batches = path.join(project, ".mintkit", "batches");
    const journalName = readdirSync(batches).find((f) => f.endsWith(".jsonl"))!;
    const packs = path.join(project, ".mintkit", "ipfs", "packs");
    const packName = readdirSync(packs).find((f) => f.endsWith(".car"))!;
    const readJson = (f: string) => JSON.parse(readFileSync(path.join(project, f), "utf8")) as Record<string, unknown>;
    fx = {
      rpcUrl: chain.rpcUrl,
      collection,
      editions,
      registry,
      tokenId,
      holder: HOLDER,
      voucher: readJson("v.json"),
      claims: readJson("holder-claims.json"),
      presentation: readJson("presentation.json"),
      keystore: readJson("keystore/alice.json"),
      journal: path.join(".mintkit", "batches", journalName),
      journalLines: readFileSync(path.join(batches, journalName), "utf8").trim().split("\n"),
      pack: path.join(".mintkit", "ipfs", "packs", packName),
      png,
    };

    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const jobs = badInputCases.filter(selected).map((c) => ({
      exclusive: c.sends === true,
      run: async (): Promise<CaseResult> => {
        const cwd = tempDir("mintkit-case-");
        cpSync(project, cwd, { recursive: true });
        const files = c.files?.(fx) ?? {};
        for (const [rel, file] of Object.entries(files)) writeCaseFile(cwd, rel, file);
        const json = c.json === true;
        const args = [...(c.chain === false ? [] : ["--rpc-url", chain.rpcUrl]), ...(json ? ["--json"] : []), ...c.args(fx)];
        const blockBefore = c.sends ? await client.getBlockNumber({ cacheTime: 0 }) : 0n;
        const started = Date.now();
        const r = await runCase(args, { cwd, env: c.env, input: c.stdin, timeoutMs: c.timeoutMs ?? 30_000 });
        const ms = Date.now() - started;
        if (process.env.MINTKIT_BATTERY_VERBOSE) process.stderr.write(`${c.id} exit ${r.code ?? r.signal} ${ms} ms\n`);
        const { problems, code } = judge(c, r, json);
        if (c.sends) {
          const blockAfter = await client.getBlockNumber({ cacheTime: 0 });
          if (blockAfter !== blockBefore) problems.push(`sent a transaction (block ${blockBefore} -> ${blockAfter})`);
        }
        for (const [rel, file] of Object.entries(files)) if (!sameAsWritten(cwd, rel, file)) problems.push(`changed or removed ${rel}`);
        for (const rel of c.absent ?? []) if (existsSync(path.join(cwd, rel))) problems.push(`wrote ${rel}`);
        return {
          id: c.id,
          command: c.command,
          clean: problems.length === 0,
          problems,
          exit: r.code,
          expectedExit: c.exit,
          code,
          ms,
          stderr: r.stderr.split("\n").slice(0, 6).join("\n").slice(0, 800),
        };
      },
    }));
    for (const result of await runAll(jobs, CONCURRENCY)) results.set(result.id, result);
  });

  after(async function () {
    await chain?.close();
    const out = process.env.MINTKIT_BATTERY_REPORT;
    if (!out || results.size === 0) return;
    const cases = [...results.values()];
    const byCommand: Record<string, { total: number; clean: number }> = {};
    for (const r of cases) {
      const entry = (byCommand[r.command] ??= { total: 0, clean: 0 });
      entry.total++;
      if (r.clean) entry.clean++;
    }
    const clean = cases.filter((r) => r.clean).length;
    const report = {
      description: "mintkit bad-input battery (test/cli/badInput.cases.ts): clean = documented exit code + Error/Hint/Code (or JSON error with hint), no stack/raw text, nothing written or sent",
      ranAt: new Date().toISOString(),
      commit: process.env.MINTKIT_BATTERY_COMMIT ?? null,
      total: cases.length,
      clean,
      other: cases.length - clean,
      byCommand,
      cases,
    };
    const file = path.resolve(repoRoot, out);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  });

  it("has at least 150 cases with unique ids, covering every command", () => {
    expect(badInputCases.length).to.be.at.least(150);
    expect(new Set(badInputCases.map((c) => c.id)).size).to.equal(badInputCases.length);
    const commands = new Set(badInputCases.map((c) => c.command.split(" ")[0]));
    for (const name of ["dev", "deploy", "upload", "mint", "batch", "publish", "store", "voucher", "royalty", "gas", "credential", "keys"]) {
      expect(commands, name).to.include(name);
    }
  });

  for (const c of badInputCases) {
    it(`${c.id} → exit ${typeof c.exit === "number" ? c.exit : c.exit.join("|")}, clean`, function () {
      if (!selected(c)) this.skip();
      const r = results.get(c.id);
      expect(r, "the case did not run").to.not.equal(undefined);
      // Still open (listed with its cause in badInput.cases.ts): pending, not hidden; the report counts it.
      if (!r!.clean && knownOpenCases.has(c.id) && process.env.MINTKIT_BATTERY_STRICT !== "1") this.skip();
      expect(r!.problems, `${r!.problems.join("; ")}\nstderr:\n${r!.stderr}`).to.deep.equal([]);
    });
  }
});
