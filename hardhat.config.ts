import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "hardhat/config";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

const require = createRequire(import.meta.url);

/**
 * Solidity is compiled offline by the solc-js build shipped in the npm `solc`
 * package (pinned in package.json), so no compiler download is ever attempted.
 */
const SOLC_VERSION = "0.8.30";

/**
 * Mocha runs test files in parallel worker processes (each with its own in-process chain; CLI tests
 * listen on free loopback ports). MINTKIT_TEST_JOBS sets the number of workers (default 2, the
 * machine's 2 cores); MINTKIT_TEST_JOBS=1 runs every file in one process, in order.
 */
const TEST_JOBS = Number(process.env.MINTKIT_TEST_JOBS ?? 2);

export default defineConfig({
  plugins: [hardhatMocha, hardhatViem, hardhatViemAssertions, hardhatNetworkHelpers],
  solidity: {
    version: SOLC_VERSION,
    path: require.resolve("solc/soljson.js"),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "prague",
    },
  },
  paths: {
    // bench/contracts holds the gas benchmark's peer contracts (OpenZeppelin, ERC721A, solady baselines).
    sources: ["contracts", "bench/contracts"],
    tests: { mocha: "test", solidity: "contracts/test" },
  },
  test: {
    mocha: {
      timeout: 120_000,
      ...(TEST_JOBS > 1
        ? {
            parallel: true,
            jobs: TEST_JOBS,
            // The workers run TypeScript through NODE_OPTIONS=--import tsx; the processes tests spawn must not.
            require: [fileURLToPath(new URL("./scripts/strip-tsx-from-child-env.mjs", import.meta.url))],
          }
        : {}),
    },
    solidity: { fuzz: { runs: 256 } },
  },
  networks: {
    localhost: { type: "http", url: "http://127.0.0.1:8545" },
  },
});
