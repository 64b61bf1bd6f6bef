/*
 * CLI PLUMBING API (stable; for command authors):
 * - commands/<name>.ts: `export function register(program: Command): void`; top-level imports: commander + light
 *   local modules only; load viem/ipfs/metadata inside actions with `await import()` (`mintkit --help` < 300 ms).
 * - run.ts `runAction(async (...args, opts, cmd) => ({ data, text? }))`: prints `data` as JSON with --json (bigint-safe)
 *   or `text` lines; thrown MintkitError → "Error: short / Hint / Code" on stderr (JSON `{error:{code,...}}` with --json)
 *   and the exit code from exitCodes.ts (0 ok, 1 failure, 2 usage/input, 3 chain unreachable, 4 IPFS, 5 reverted).
 * - globalOptions.ts `globalOptions(cmd)` → { json, rpcUrl?, network, account?, passwordFile?, devAccount?, keystoreDir?, dataDir }.
 * - context.ts `await resolveContext(g)` → { publicClient, chain, chainId, rpcUrl, network, dataDir, ipfsDir };
 *   `resolveContext(g, { signer: true })` adds { account, walletClient, accountSource }. RPC down → CLI_RPC_UNREACHABLE.
 * - output.ts: `note(json, msg)` progress/status on stderr; `formatEth(wei)`; `toJson(v)`. files.ts: `readFileOrFail`, `fileError`.
 * - deployments.ts: `readDeployments(chainId, { cwd })`, `writeDeployments(record)` (atomic) — deployments/<chainId>.json.
 * - help.ts `withExamples(cmd, ["mintkit …"])`; errors: `new CliError("CLI_INVALID_INPUT", msg, { hint, details })`.
 * - parse.ts `parseAddress(v, "--to")` (async), `parseBigIntOption`, `parseBps`, `parseSize`, `collect`; chain writes go through
 *   `writeAndWait(ctx, { address, abi, functionName, args, account: ctx.account, action: "mint", onRevert: txReverted })`
 *   (src/chain: simulate → send → receipt; revert → CLI_TX_REVERTED via txReverted.ts, exit 5);
 *   resolveCollection.ts `resolveCollectionAddress(ctx, addressOrRecordedName)`.
 * - Tests: test/cli/helpers/cli.ts `startChain()` → { rpcUrl, chainId, close }, `runCli(args, { cwd, env, input })`, `tempDir()`.
 */
/**
 * The `mintkit` commander program: global options and one command per file in `./commands/`.
 * Top-level imports stay light (commander + small local modules) so `mintkit --help` starts fast;
 * commands load viem, IPFS, metadata or hardhat with `await import()` inside their actions.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { register as registerBatch } from "./commands/batch.js";
import { register as registerCredential } from "./commands/credential.js";
import { register as registerDeploy } from "./commands/deploy.js";
import { register as registerDev } from "./commands/dev.js";
import { register as registerGas } from "./commands/gas.js";
import { register as registerKeys } from "./commands/keys.js";
import { register as registerAccess } from "./commands/access.js";
import { register as registerBuy } from "./commands/buy.js";
import { register as registerList } from "./commands/list.js";
import { register as registerListing } from "./commands/listing.js";
import { register as registerVerify } from "./commands/verify.js";
import { register as registerMint } from "./commands/mint.js";
import { register as registerPublish } from "./commands/publish.js";
import { register as registerRoyalty } from "./commands/royalty.js";
import { register as registerStore } from "./commands/store.js";
import { register as registerUpload } from "./commands/upload.js";
import { register as registerVoucher } from "./commands/voucher.js";
import { exitCodesHelp } from "./exitCodes.js";
import { localRpcUrl } from "./networks.js";

/** Version printed by `mintkit --version` (kept in step with package.json by a test). */
export const cliVersion = "0.1.0";

export interface CreateProgramOptions {
  /** When it returns true, commander's own error text (usage errors) is not written to stderr. */
  readonly silenceUsageErrors?: () => boolean;
}

/**
 * Builds a fresh program. It never calls `process.exit`: usage errors, `--help` and `--version`
 * throw a `CommanderError` (see `execute.ts`), action errors set `process.exitCode` (see `run.ts`).
 */
/** `--dev-account <index>`: Hardhat funds dev accounts 0 to 19 only; anything else is refused while parsing. */
function parseDevAccountIndex(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 19) {
    throw new InvalidArgumentError(`"${value}" is not a dev account: Hardhat's dev accounts are 0 to 19.`);
  }
  return value;
}

export function createProgram(options: CreateProgramOptions = {}): Command {
  const program = new Command("mintkit")
    .description("Mint NFTs and issue credentials from a terminal: upload to IPFS, deploy, mint, batch mint, lazy-mint vouchers, gas, soulbound credentials, Seaport listings, source verification, tickets at the door.")
    .version(cliVersion, "-V, --version")
    .option("--json", "print results as JSON on stdout (errors as JSON on stderr)")
    .option("--verbose", "print the underlying cause of an error (raw Node/viem text; also MINTKIT_DEBUG=1)")
    .addOption(new Option("--rpc-url <url>", "JSON-RPC endpoint (overrides --network)").env("MINTKIT_RPC_URL"))
    .addOption(
      new Option("--network <name>", `network: local (${localRpcUrl}) or a chain name (sepolia, base, …)`)
        .env("MINTKIT_NETWORK")
        .default("local"),
    )
    .addOption(new Option("--account <name|address>", "keystore account to sign with (see `mintkit keys`)").env("MINTKIT_ACCOUNT"))
    .option("--password-file <path>", "file whose first line is the keystore password (else MINTKIT_PASSWORD, else a prompt)")
    .option("--dev-account <index>", "sign with Hardhat's well-known dev account <index>, 0-19 (local chain ids 31337/1337 only)", parseDevAccountIndex)
    .addOption(new Option("--keystore-dir <dir>", "keystore folder (default ~/.mintkit/keystore)").env("MINTKIT_KEYSTORE_DIR"))
    .addOption(
      new Option("--data-dir <dir>", "project data folder; embedded IPFS blocks in <dir>/ipfs")
        .env("MINTKIT_DATA_DIR")
        .default(".mintkit"),
    )
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      [
        "",
        "Signing account, first match: --account (keystore), --dev-account, MINTKIT_PRIVATE_KEY, then Hardhat",
        "dev account 0 on a local chain (31337/1337). Secrets are never printed.",
        "",
        exitCodesHelp,
        "",
        "Examples:",
        "  $ mintkit dev                                   # local chain + factory + IPFS gateway",
        "  $ mintkit deploy collection \"My Art\" ART --royalty-bps 500",
        "  $ mintkit mint art.png --collection 0x… --name \"#1\" --description \"first\"",
        "  $ mintkit upload ./art --car art.car --json",
        "",
      ].join("\n"),
    );
  // Set before registering commands: commander copies these settings into every subcommand it creates.
  program.exitOverride();
  program.configureOutput({
    writeErr: (text) => {
      if (!options.silenceUsageErrors?.()) process.stderr.write(text);
    },
  });
  for (const register of [
    registerDev,
    registerDeploy,
    registerUpload,
    registerMint,
    registerBatch,
    registerPublish,
    registerStore,
    registerVoucher,
    registerRoyalty,
    registerList,
    registerBuy,
    registerListing,
    registerGas,
    registerCredential,
    registerKeys,
    registerVerify,
    registerAccess,
  ]) {
    register(program);
  }
  return program;
}
