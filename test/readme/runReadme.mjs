// Driver of the README test (test/readme.test.ts): runs the README's marked shell blocks as a reader runs
// them, then writes what happened to a JSON file for the test to judge. Plain JavaScript, started by the
// test as `node runReadme.mjs <spec.json> <result.json>`, usually inside `unshare -rn` (a private network
// namespace, so `mintkit dev` can take the README's ports 8545/8080 without meeting anything else).
//
// - Every shell starts in the clone's folder, runs the README's set-up block (`export PATH=…`), then
//   `cd`s to the fresh project folder: what a reader does in each terminal.
// - Background blocks (`mintkit dev`): each command in its own `bash -e` process group, "in another
//   terminal"; the driver waits until the output lines the README shows for it have been printed.
// - The other blocks run in order in ONE `bash -e` process (shell variables carry over, as in one
//   terminal). A marker line printed between commands attributes the output to its command.
// - At the end the background processes get SIGINT (Ctrl-C), then SIGKILL if they linger.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * How many of `patterns` (regular expression sources, from outputLines.ts) are not yet matched, in order,
 * by the trimmed lines of `output` (the loop of `missingPatterns` in outputLines.ts).
 * @param {readonly string[]} patterns
 * @param {string} output
 */
function missingCount(patterns, output) {
  const printed = output.split(/\r?\n/).map((line) => line.trim());
  let from = 0;
  for (let k = 0; k < patterns.length; k++) {
    const re = new RegExp(patterns[k]);
    const at = printed.findIndex((line, index) => index >= from && re.test(line));
    if (at === -1) return patterns.length - k;
    from = at + 1;
  }
  return 0;
}

/** A line the driver prints between two commands of the foreground shell. */
export const STEP_MARKER = "@@readme-test-step";

/** @param {string} s */
const shellQuote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * The shell script prefix every terminal runs: the README's set-up in the clone, then the project folder.
 * @param {{ repoRoot: string, projectDir: string, setup: string[] }} spec
 */
function terminalPrelude(spec) {
  return ["set -e", `cd ${shellQuote(spec.repoRoot)}`, ...spec.setup, `cd ${shellQuote(spec.projectDir)}`].join("\n");
}

/**
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {boolean} detached
 */
function startBash(script, env, detached) {
  const child = spawn("bash", ["-c", `exec 2>&1\n${script}`], { env, detached, stdio: ["ignore", "pipe", "ignore"] });
  const run = { child, output: "", exitCode: /** @type {number | null} */ (null), signal: /** @type {string | null} */ (null), done: false };
  child.stdout.setEncoding("utf8").on("data", (d) => (run.output += d));
  run.closed = new Promise((resolve) => {
    child.on("close", (code, signal) => {
      run.exitCode = code;
      run.signal = signal;
      run.done = true;
      resolve(undefined);
    });
  });
  return run;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {any} spec */
async function main(spec) {
  const prelude = terminalPrelude(spec);
  const result = { background: [], foreground: null, node: null };
  const servers = [];
  try {
    for (const block of spec.background) {
      for (const cmd of block.commands) {
        const run = startBash(`${prelude}\n${cmd.text}`, spec.env, true);
        servers.push(run);
        const entry = { block: block.name, line: cmd.line, text: cmd.text, ready: false, readyMs: 0, output: "" };
        result.background.push(entry);
        const started = Date.now();
        const deadline = started + spec.readyTimeoutMs;
        while (!run.done && Date.now() < deadline && missingCount(cmd.readyPatterns, run.output) > 0) await sleep(100);
        entry.ready = missingCount(cmd.readyPatterns, run.output) === 0 && !run.done;
        entry.readyMs = Date.now() - started;
        entry.output = run.output;
        if (!entry.ready) {
          entry.exitCode = run.exitCode;
          return result;
        }
      }
    }
    // The foreground terminal: a check that `mintkit` is the clone's, then every command with a marker.
    const steps = [];
    const lines = [prelude, `printf '%s\\n' "node $(node --version)" "mintkit $(command -v mintkit)"`];
    for (const block of spec.foreground) {
      for (const cmd of block.commands) {
        lines.push(`printf '\\n%s %d %s\\n' ${STEP_MARKER} ${steps.length} "$EPOCHREALTIME"`);
        lines.push(cmd.text);
        steps.push({ block: block.name, line: cmd.line, text: cmd.text, expected: cmd.expected });
      }
    }
    lines.push(`printf '\\n%s %d %s\\n' ${STEP_MARKER} ${steps.length} "$EPOCHREALTIME"`);
    const fg = startBash(lines.join("\n"), spec.env, false);
    const timer = setTimeout(() => fg.child.kill("SIGKILL"), spec.runTimeoutMs);
    await fg.closed;
    clearTimeout(timer);
    result.foreground = { exitCode: fg.exitCode, signal: fg.signal, output: fg.output, steps };
    for (const entry of result.background) {
      const run = servers[result.background.indexOf(entry)];
      entry.output = run.output;
      entry.stillRunning = !run.done;
    }
    return result;
  } finally {
    for (const run of servers) if (!run.done) process.kill(-run.child.pid, "SIGINT");
    for (const run of servers) {
      await Promise.race([run.closed, sleep(15_000)]);
      if (!run.done) process.kill(-run.child.pid, "SIGKILL");
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [specFile, resultFile] = process.argv.slice(2);
  const spec = JSON.parse(readFileSync(specFile, "utf8"));
  const result = await main(spec).catch((err) => ({ error: String(err?.stack ?? err) }));
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
}
