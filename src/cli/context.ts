/**
 * Resolves what a command needs to talk to a chain from the global options: the viem clients, the
 * chain, the signing account and the data folder. viem is imported lazily here, so importing this
 * module costs nothing until `resolveContext` runs.
 */
import { pbkdf2Sync } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Account, Chain, LocalAccount, PublicClient, Transport, WalletClient } from "viem";
import { CliError } from "../errors/CliError.js";
import { KeystoreError } from "../errors/KeystoreError.js";
import { fileError } from "./files.js";
import type { GlobalOptions } from "./globalOptions.js";
import { hardhatDevMnemonic, isHardhatDevAddress, isLocalChainId, localChainIds, localRpcUrl } from "./networks.js";
import { parseHttpUrl } from "./parse.js";
import { redactUrl } from "./redactUrl.js";

/** Chain access for read-only commands. */
export interface ChainContext {
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly chain: Chain;
  readonly chainId: number;
  readonly rpcUrl: string;
  /** The `--network` name (`local` by default). */
  readonly network: string;
  /** Absolute data folder (`--data-dir`, default `<cwd>/.mintkit`). */
  readonly dataDir: string;
  /** Absolute folder of the embedded IPFS blocks: `<dataDir>/ipfs`. */
  readonly ipfsDir: string;
}

/** Where the signing account came from. */
export type AccountSource = "keystore" | "env" | "dev";

/** Chain access plus a signer, for commands that send transactions. */
export interface SignerContext extends ChainContext {
  readonly account: LocalAccount;
  readonly walletClient: WalletClient<Transport, Chain, Account>;
  readonly accountSource: AccountSource;
}

export interface ResolveContextOptions {
  /** Also resolve a signing account and a wallet client (default false). */
  readonly signer?: boolean;
  /** Environment (default `process.env`): MINTKIT_PRIVATE_KEY, MINTKIT_PASSWORD, MINTKIT_RPC_TIMEOUT. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Resolves the chain (probing the RPC once: an unreachable RPC is a `CLI_RPC_UNREACHABLE` error
 * whose hint says to run `mintkit dev` or pass `--rpc-url`) and, with `{ signer: true }`, the account.
 * @example
 * const ctx = await resolveContext(globalOptions(cmd), { signer: true });
 * const hash = await ctx.walletClient.writeContract({ address, abi, functionName: "mint", args: [to] });
 */
export async function resolveContext(g: GlobalOptions, options: ResolveContextOptions & { signer: true }): Promise<SignerContext>;
export async function resolveContext(g: GlobalOptions, options?: ResolveContextOptions): Promise<ChainContext>;
export async function resolveContext(
  g: GlobalOptions,
  options: ResolveContextOptions = {},
): Promise<ChainContext | SignerContext> {
  const env = options.env ?? process.env;
  const viem = await import("viem");
  const chains = await import("viem/chains");
  const known = findNamedChain(g.network, chains as unknown as Record<string, unknown>);
  const isLocalName = g.network === "local" || g.network === "localhost";
  if (!isLocalName && !known && !g.rpcUrl) {
    throw new CliError("CLI_UNKNOWN_NETWORK", `Unknown network "${g.network}".`, {
      hint: "Use --network local (the default), a viem chain name such as sepolia or base, or pass --rpc-url <url>.",
      details: { network: g.network, known: ["local", "mainnet", "sepolia", "base", "baseSepolia", "…"] },
    });
  }
  if (g.rpcUrl !== undefined) parseHttpUrl(g.rpcUrl, "--rpc-url");
  const rpcUrl = g.rpcUrl ?? (isLocalName ? localRpcUrl : (known?.rpcUrls.default.http[0] ?? localRpcUrl));
  const timeout = positiveInt(env.MINTKIT_RPC_TIMEOUT) ?? 30_000;

  const probe = viem.createPublicClient({ transport: viem.http(rpcUrl, { timeout: Math.min(timeout, 10_000), retryCount: 1 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (err) {
    throw rpcUnreachable(rpcUrl, g.network, err);
  }
  if (known && !isLocalName && known.id !== chainId) {
    throw new CliError("CLI_CHAIN_MISMATCH", `The RPC at ${redactUrl(rpcUrl)} serves chain ${chainId}, not ${g.network} (${known.id}).`, {
      hint: `Pass an --rpc-url for ${g.network}, or the --network that matches chain ${chainId}.`,
      details: { network: g.network, expectedChainId: known.id, chainId },
    });
  }
  const base =
    Object.values(chains as unknown as Record<string, Chain>).find((c) => c?.id === chainId && (chainId !== 1337 || c.name === "Localhost")) ??
    viem.defineChain({
      id: chainId,
      name: g.network,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
  const chain: Chain = { ...base, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = viem.http(rpcUrl, { timeout, retryCount: 2 });
  const publicClient = viem.createPublicClient({ chain, transport }) as PublicClient<Transport, Chain>;
  const dataDir = path.resolve(g.dataDir);
  const chainContext: ChainContext = {
    publicClient,
    chain,
    chainId,
    rpcUrl,
    network: g.network,
    dataDir,
    ipfsDir: path.join(dataDir, "ipfs"),
  };
  if (!options.signer) return chainContext;

  const { account, source } = await resolveAccount({
    chainId,
    account: g.account,
    passwordFile: g.passwordFile,
    devAccount: g.devAccount,
    keystoreDir: g.keystoreDir,
    env,
  });
  const walletClient = viem.createWalletClient({ account, chain, transport }) as WalletClient<Transport, Chain, Account>;
  return { ...chainContext, account, walletClient, accountSource: source };
}

/** Inputs of `resolveAccount`: the relevant global options plus the chain id. */
export interface ResolveAccountOptions {
  readonly chainId: number;
  /** Keystore name or address (`--account`). */
  readonly account?: string;
  /** `--password-file`. */
  readonly passwordFile?: string;
  /** `--dev-account <index>`. */
  readonly devAccount?: string;
  /** `--keystore-dir`. */
  readonly keystoreDir?: string;
  /** Default `process.env` (MINTKIT_PRIVATE_KEY, MINTKIT_PASSWORD, MINTKIT_KEYSTORE_DIR). */
  readonly env?: NodeJS.ProcessEnv;
  /** Asks for a password when none is given (default: a hidden TTY prompt when stdin is a TTY). */
  readonly promptPassword?: (question: string) => Promise<string>;
}

/**
 * The signing account, in this order: `--account` (keystore; password from `--password-file`,
 * `MINTKIT_PASSWORD` or a TTY prompt), `--dev-account <i>`, `MINTKIT_PRIVATE_KEY`, then Hardhat's dev
 * account 0. Hardhat's 20 well-known dev keys are refused (`CLI_DEV_ACCOUNT_REFUSED`) unless the chain id
 * is 31337 or 1337, whatever their source (a keystore holding one, `MINTKIT_PRIVATE_KEY`, `--dev-account`).
 * Never prints or returns the key itself (only a viem `LocalAccount`).
 */
export async function resolveAccount(
  options: ResolveAccountOptions,
): Promise<{ account: LocalAccount; source: AccountSource }> {
  const env = options.env ?? process.env;
  const accounts = await import("viem/accounts");
  if (options.account !== undefined && options.devAccount !== undefined) {
    throw new CliError("CLI_INVALID_INPUT", "Both --account and --dev-account were given.", {
      hint: "Pass only one of them.",
      details: { field: "--dev-account", reason: "conflicts with --account" },
    });
  }
  if (options.account !== undefined) {
    const keystore = await import("../keystore/index.js");
    const dir = keystore.resolveKeystoreDir({ dir: options.keystoreDir, env });
    const entry = await keystore.findKeystore(options.account, { dir });
    const password = await readPassword(options, entry.name);
    const privateKey = await keystore.decryptKeystore(entry.keystore, password, { name: entry.name });
    return { account: refuseDevKey(accounts.privateKeyToAccount(privateKey), options.chainId, `keystore "${entry.name}"`), source: "keystore" };
  }
  if (options.devAccount !== undefined) {
    const index = Number(options.devAccount);
    if (!Number.isInteger(index) || index < 0 || index > 1_000_000) {
      throw new CliError("CLI_INVALID_INPUT", `--dev-account must be a non-negative integer, got "${options.devAccount}".`, {
        hint: "Use an index such as 0 (Hardhat funds indexes 0 to 19).",
        details: { field: "--dev-account", value: options.devAccount, reason: "not a non-negative integer" },
      });
    }
    return { account: devAccount(index, options.chainId, accounts), source: "dev" };
  }
  const envKey = env.MINTKIT_PRIVATE_KEY?.trim();
  if (envKey) {
    const hex = envKey.startsWith("0x") ? envKey : `0x${envKey}`;
    if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) {
      throw new CliError("CLI_INVALID_INPUT", "MINTKIT_PRIVATE_KEY is not a 32-byte hex private key.", {
        hint: "Set it to 64 hex characters (with or without 0x), or use a keystore: mintkit keys import <name>.",
        details: { field: "MINTKIT_PRIVATE_KEY", reason: "not 32 bytes of hex" },
      });
    }
    return { account: refuseDevKey(accounts.privateKeyToAccount(hex as `0x${string}`), options.chainId, "MINTKIT_PRIVATE_KEY"), source: "env" };
  }
  if (isLocalChainId(options.chainId)) return { account: devAccount(0, options.chainId, accounts), source: "dev" };
  throw new CliError("CLI_NO_ACCOUNT", `No account to sign with on chain ${options.chainId}.`, {
    hint: "Pass --account <keystore name> (create one with `mintkit keys create` or `mintkit keys import`), or set MINTKIT_PRIVATE_KEY.",
    details: { chainId: options.chainId },
  });
}

/** Hardhat's well-known dev account `index`; refused unless `chainId` is a local chain id. */
export function devAccount(
  index: number,
  chainId: number,
  accounts: typeof import("viem/accounts"),
): LocalAccount {
  if (!isLocalChainId(chainId)) throw devKeyRefused(chainId, "--dev-account");
  return accounts.hdKeyToAccount(accounts.HDKey.fromMasterSeed(devSeed()), { addressIndex: index });
}

let devSeedCache: Uint8Array | undefined;

/**
 * The BIP-39 seed of Hardhat's dev mnemonic (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"), computed
 * with Node's native PBKDF2: the same seed as viem's `mnemonicToAccount` derives in JavaScript, in a few
 * milliseconds instead of a few hundred, which every signing command on a local chain pays.
 */
function devSeed(): Uint8Array {
  devSeedCache ??= new Uint8Array(pbkdf2Sync(hardhatDevMnemonic.normalize("NFKD"), "mnemonic", 2048, 64, "sha512"));
  return devSeedCache;
}

/** Returns `account` unless it is one of Hardhat's well-known dev accounts and `chainId` is not local. */
export function refuseDevKey(account: LocalAccount, chainId: number, source: string): LocalAccount {
  if (!isLocalChainId(chainId) && isHardhatDevAddress(account.address)) throw devKeyRefused(chainId, source, account.address);
  return account;
}

function devKeyRefused(chainId: number, source: string, address?: string): CliError<"CLI_DEV_ACCOUNT_REFUSED"> {
  return new CliError(
    "CLI_DEV_ACCOUNT_REFUSED",
    `Hardhat's well-known dev accounts are refused on chain ${chainId}: their keys are public${address ? ` (${source} holds dev account ${address})` : ""}.`,
    {
      hint: `Dev accounts work only on local chains (chain id ${localChainIds.join(" or ")}). Sign with a key of your own: --account <keystore name> (mintkit keys create) or MINTKIT_PRIVATE_KEY.`,
      details: address ? { chainId, source, address } : { chainId, source },
    },
  );
}

async function readPassword(options: ResolveAccountOptions, name: string): Promise<string> {
  const env = options.env ?? process.env;
  if (options.passwordFile !== undefined) {
    let text: string;
    try {
      text = await readFile(options.passwordFile, "utf8");
    } catch (err) {
      throw fileError(err, options.passwordFile, "Check the --password-file path and its permissions.");
    }
    return firstLine(text);
  }
  if (env.MINTKIT_PASSWORD !== undefined) return env.MINTKIT_PASSWORD;
  if (options.promptPassword) return options.promptPassword(`Password for keystore "${name}": `);
  if (process.stdin.isTTY) {
    const { promptHidden } = await import("./prompt.js");
    return promptHidden(`Password for keystore "${name}": `);
  }
  throw new KeystoreError("KEYSTORE_NO_PASSWORD", `No password for keystore "${name}".`, {
    hint: "Pass --password-file <path>, set MINTKIT_PASSWORD, or run in a terminal to be asked.",
    details: { account: name },
  });
}

/** The first line of a password file (without its line ending). */
export function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function findNamedChain(name: string, chains: Record<string, unknown>): Chain | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_ ]/g, "");
  const wanted = norm(name);
  for (const [key, value] of Object.entries(chains)) {
    if (norm(key) === wanted && value && typeof value === "object" && "id" in value) return value as Chain;
  }
  return undefined;
}

/**
 * The error for an RPC that does not answer (exit code 3). The URL is shown redacted to its origin
 * (provider URLs carry API keys).
 */
export function rpcUnreachable(rpcUrl: string, network: string, cause?: unknown): CliError<"CLI_RPC_UNREACHABLE"> {
  const timedOut = (cause as { name?: string } | undefined)?.name === "TimeoutError" || /timed? ?out/i.test(String((cause as Error | undefined)?.message));
  const shown = redactUrl(rpcUrl);
  return new CliError("CLI_RPC_UNREACHABLE", `No JSON-RPC answer from ${shown}${timedOut ? " (timed out)" : ""}.`, {
    hint: "start a local chain with `mintkit dev` or pass --rpc-url <url> (and --network) for another chain.",
    details: { rpcUrl: shown, network },
    cause,
  });
}
