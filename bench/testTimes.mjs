// Summarises `npm test` runs for bench/results/tests.json: the whole-suite wall time and, per top-level
// mocha suite, the number of tests and the sum of the durations mocha prints (it prints only tests that take
// over 75 ms; before/after hooks are not included). Load is recorded beside each run: the machine is shared.
//
//   node bench/testTimes.mjs <label>=<log>,<time file>,<uptime file> [...] > bench/results/tests.json
//
// <log> is the full output of `npm test` (spec reporter), <time file> one line of `/usr/bin/time -f
// "real %e user %U sys %S"`, <uptime file> the output of `uptime` before and after the run.
import { readFileSync } from "node:fs";

function summarise(logPath, timePath, uptimePath) {
  const suites = {};
  let current;
  for (const line of readFileSync(logPath, "utf8").split("\n")) {
    const top = /^ {2}(\S.*)$/.exec(line);
    if (top && !/^\d+ (passing|failing|pending)/.test(top[1])) current = top[1];
    if (current === undefined || !/✔|^\s+\d+\) /.test(line)) continue;
    const entry = (suites[current] ??= { tests: 0, ms: 0 });
    entry.tests += 1;
    const ms = /\((\d+)ms\)\s*$/.exec(line);
    if (ms) entry.ms += Number(ms[1]);
  }
  const log = readFileSync(logPath, "utf8");
  const time = /real ([\d.]+) user ([\d.]+) sys ([\d.]+)/.exec(readFileSync(timePath, "utf8"));
  const loads = [...readFileSync(uptimePath, "utf8").matchAll(/load average: (.*)$/gm)].map((m) => m[1].trim());
  return {
    summary: /^\d+ passing.*$/m.exec(log)?.[0] ?? null,
    failing: /^\s*\d+ failing.*$/m.exec(log)?.[0]?.trim() ?? null,
    wallSeconds: time ? Number(time[1]) : null,
    cpuSeconds: time ? Math.round((Number(time[2]) + Number(time[3])) * 10) / 10 : null,
    loadAverageStart: loads[0] ?? null,
    loadAverageEnd: loads[1] ?? null,
    suites: Object.fromEntries(Object.entries(suites).sort((a, b) => b[1].ms - a[1].ms)),
  };
}

const out = {};
for (const arg of process.argv.slice(2)) {
  const [label, files] = arg.split("=");
  const [log, time, uptime] = files.split(",");
  out[label] = summarise(log, time, uptime);
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
