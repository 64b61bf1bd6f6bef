// Runs before `npm test`, `npm run demo` and the benches: stops early, saying how to fix it, when the
// install cannot run Hardhat 3 (it needs Node >= 22.13 and its native EDR binding, which npm silently
// skips when the install itself ran under Node 20).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const fix = "Fix: npm exec --yes --package=node@22 -- npm ci";
const [major, minor] = process.versions.node.split(".").map(Number);

if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `mintkit's contracts toolchain (Hardhat 3) needs Node >= 22.13, but this is Node ${process.versions.node}.\n` +
      `The project ships Node 22 as a devDependency; it is missing, so the install did not finish.\n${fix}`,
  );
  process.exit(1);
}

try {
  require("@nomicfoundation/edr");
} catch (error) {
  console.error(
    `Hardhat's native EDR binding did not load (${error instanceof Error ? error.message.split("\n")[0] : error}).\n` +
      `This happens when npm ran under Node 20 and skipped it.\n${fix}`,
  );
  process.exit(1);
}
