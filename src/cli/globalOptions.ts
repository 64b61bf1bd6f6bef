import type { Command } from "commander";

/** The global options of `mintkit`, as parsed by commander (available in every command). */
export interface GlobalOptions {
  /** Print results as JSON on stdout (errors as a JSON object on stderr). */
  readonly json: boolean;
  /** Print an error's underlying cause even when it is raw Node/viem text (`--verbose` or `MINTKIT_DEBUG`). */
  readonly verbose?: boolean;
  /** JSON-RPC endpoint; overrides the one of `--network`. */
  readonly rpcUrl?: string;
  /** Network name: `local` (default, http://127.0.0.1:8545) or a viem chain name (`sepolia`, `base`, …). */
  readonly network: string;
  /** Keystore account (name or address) to sign with. */
  readonly account?: string;
  /** File holding the keystore password (first line). */
  readonly passwordFile?: string;
  /** Index of a Hardhat well-known dev account (local chain ids only). */
  readonly devAccount?: string;
  /** Keystore folder (default `$MINTKIT_KEYSTORE_DIR` or `~/.mintkit/keystore`). */
  readonly keystoreDir?: string;
  /** Project data folder (default `.mintkit` in the working directory); IPFS blocks in `<dataDir>/ipfs`. */
  readonly dataDir: string;
}

/**
 * The global options seen from any (sub)command: pass the `Command` commander gives as the last
 * argument of an action.
 * @example
 * .action(runAction(async (file: string, opts: UploadOptions, cmd: Command) => {
 *   const g = globalOptions(cmd);
 * }))
 */
export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Partial<GlobalOptions> & Record<string, unknown>;
  return {
    json: o.json === true,
    verbose: o.verbose === true || Boolean(process.env.MINTKIT_DEBUG),
    rpcUrl: o.rpcUrl,
    network: o.network ?? "local",
    account: o.account,
    passwordFile: o.passwordFile,
    devAccount: o.devAccount,
    keystoreDir: o.keystoreDir,
    dataDir: o.dataDir ?? ".mintkit",
  };
}
