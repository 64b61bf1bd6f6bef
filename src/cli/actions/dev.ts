/**
 * The work of `mintkit dev` (loaded lazily by the command): local chain + deterministic deployer + mintkit's
 * core contracts + gateway until a signal.
 */
import { fileURLToPath } from "node:url";
import path from "node:path";
import { getAddress, type Address } from "viem";
import { CliError } from "../../errors/CliError.js";
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { resolveContext, type SignerContext } from "../context.js";
import { deploymentsPath, readDeployments, writeDeployments, type RecordedClone } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import { openEmbeddedStore } from "../ipfsSupport.js";
import { note, printResult, type CommandResult } from "../output.js";
import { isLocalChainId, localChainIds } from "../networks.js";
import { invalidInput, parseBigIntOption } from "../parse.js";

/** Options of `mintkit dev`. */
export interface DevOptions {
  host: string;
  port: string;
  chainId: string;
  gateway: boolean;
  gatewayPort: string;
  deploy: boolean;
  /** Required to listen on a host other than loopback (the dev accounts are unlocked). */
  exposeUnlockedAccounts?: boolean;
}

/** The running dev environment. */
interface Running {
  close(): Promise<void>;
}

/**
 * `mintkit dev`: checks the options (nothing starts for bad ones), starts Hardhat's chain, installs the
 * deterministic deployer and mintkit's core contracts, starts the gateway, prints what runs, and waits for a signal.
 */
export async function dev(g: GlobalOptions, opts: DevOptions): Promise<CommandResult | undefined> {
  const ports = checkDevOptions(g, opts);
  const hre = await loadHardhat();
  const running: Running[] = [];
  const closeAll = async () => {
    for (const r of running.reverse()) await r.close().catch(() => undefined);
  };
  try {
    const rpcUrl = await startChainServer(hre, opts.host, ports, running);
    const ctx = await resolveContext({ ...g, rpcUrl, account: undefined, devAccount: "0" }, { signer: true, env: {} });
    const request = ctx.publicClient.request as unknown as (args: { method: string }) => Promise<unknown>;
    const accounts = ((await request({ method: "eth_accounts" })) as Address[]).map((a) => getAddress(a));
    const installed = opts.deploy ? await installContracts(ctx) : undefined;
    const gatewayUrl = opts.gateway ? await startDevGateway(g, opts.host, ports.gatewayPort, running) : undefined;
    await printResult(describeDev(g, opts, { rpcUrl, chainId: ctx.chainId, accounts, installed, gatewayUrl }), g.json);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await closeAll();
    return undefined;
  } catch (err) {
    await closeAll();
    throw err;
  }
}

interface DevPorts {
  readonly port: number;
  readonly gatewayPort: number;
  readonly chainId: number;
}

/** Ports, chain id and host, checked before anything starts (a non-loopback host needs --expose-unlocked-accounts). */
function checkDevOptions(g: GlobalOptions, opts: DevOptions): DevPorts {
  const port = Number(parseBigIntOption(opts.port, "--port", { max: 65535n }));
  const gatewayPort = Number(parseBigIntOption(opts.gatewayPort, "--gateway-port", { max: 65535n }));
  const chainId = Number(parseBigIntOption(opts.chainId, "--chain-id", { min: 1n, max: 2n ** 32n }));
  // `mintkit dev` signs with Hardhat's well-known dev account 0 (deployer, factory), which mintkit refuses on
  // any chain id but 31337/1337: another id could never start, so it is refused here, before anything runs.
  if (!isLocalChainId(chainId)) {
    throw invalidInput(
      "--chain-id",
      opts.chainId,
      `must be ${localChainIds.join(" or ")} (the chain ids on which mintkit accepts the dev accounts it signs with)`,
      `Run \`mintkit dev --chain-id 31337\` (the default) or 1337. To test a non-local chain id, run another node (e.g. anvil --chain-id <id>) and pass --rpc-url with your own key.`,
    );
  }
  if (!isLoopbackHost(opts.host)) {
    if (opts.exposeUnlockedAccounts !== true) {
      throw invalidInput(
        "--host",
        opts.host,
        "is not a loopback address: the chain's 20 dev accounts are unlocked (eth_sendTransaction signs for anyone who can connect) and the gateway's Host check is off",
        "Keep the default --host 127.0.0.1, or add --expose-unlocked-accounts if every machine that can reach this host may spend the dev accounts' funds.",
      );
    }
    note(
      g.json,
      `warning: listening on ${opts.host} (--expose-unlocked-accounts): anyone who can reach it can send transactions from the 20 unlocked dev accounts, and the gateway's Host check is off.`,
      true,
    );
  }
  return { port, gatewayPort, chainId };
}

async function loadHardhat(): Promise<typeof import("hardhat/hre")> {
  try {
    return await import("hardhat/hre");
  } catch (err) {
    throw new CliError("CLI_MISSING_DEPENDENCY", "`mintkit dev` needs Hardhat, which is not installed.", {
      hint: "Install it next to mintkit: npm install --save-dev hardhat (or run another local chain and pass --rpc-url).",
      details: { module: "hardhat" },
      cause: err,
    });
  }
}

/** Starts Hardhat's JSON-RPC server for a fresh in-process chain; returns its URL. */
async function startChainServer(hre: typeof import("hardhat/hre"), host: string, ports: DevPorts, running: Running[]): Promise<string> {
  const { port, chainId } = ports;
  // Hardhat wants a project root holding a package.json: mintkit's own package (no config file is read).
  const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  // Hardhat's server reports a busy port as an unhandled 'error' event (a crash): check it first.
  if (port !== 0) await assertPortFree(host, port);
  const env = await hre.createHardhatRuntimeEnvironment({}, {}, packageRoot);
  const server = await env.network.createServer({ network: "default", override: { chainId } }, host, port).catch((err: unknown) => {
    throw listenFailed("chain", host, port, err);
  });
  const listening = await server.listen().catch((err: unknown) => {
    throw listenFailed("chain", host, port, err);
  });
  running.push({ close: () => server.close() });
  return `http://${listening.address.includes(":") ? `[${listening.address}]` : listening.address}:${listening.port}`;
}

interface Installed {
  readonly factory: Address;
  readonly deployed: { name: string; address: Address }[];
  /** Seaport 1.6 and its ConduitController, at their canonical addresses (as on every public chain). */
  readonly seaport: Address;
  readonly conduitController: Address;
}

/**
 * The chain starts empty: installs the deterministic deployer (EDR takes its presigned pre-EIP-155
 * transaction), mintkit's core contracts at their every-chain addresses and Seaport 1.6 + ConduitController at
 * their canonical addresses (so `mintkit list`/`buy` work locally), then forgets recorded user contracts that no
 * longer have code.
 */
async function installContracts(ctx: SignerContext): Promise<Installed> {
  const { installDeterministicDeployer } = await import("../../deploy/deterministicDeployer.js");
  const { ensureFactory } = await import("./deployShared.js");
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  await installDeterministicDeployer(clients);
  const core = await ensureFactory(clients, true);
  const { installSeaport } = await import("../../market/node/installSeaport.js");
  const { seaport, conduitController } = await installSeaport(clients);
  await forgetContractsWithoutCode(ctx, clients);
  return { factory: core.factory.address, deployed: core.deployed.map((c) => ({ name: c.name, address: c.address })), seaport, conduitController };
}

async function forgetContractsWithoutCode(ctx: SignerContext, clients: DeployClients): Promise<void> {
  const { hasCode } = await import("../../deploy/deployAndWait.js");
  const record = await readDeployments(ctx.chainId, { network: "mintkit dev" });
  let changed = false;
  const live = async <T extends { address: Address }>(entries: Record<string, T> | undefined): Promise<Record<string, T> | undefined> => {
    if (entries === undefined) return undefined;
    const kept: Record<string, T> = {};
    for (const [name, entry] of Object.entries(entries)) {
      if (await hasCode(clients.publicClient, entry.address)) kept[name] = entry;
      else changed = true;
    }
    return kept;
  };
  const collections = (await live<RecordedClone>(record.collections)) ?? {};
  const editions = await live<RecordedClone>(record.editions);
  const credentialRegistries = await live(record.credentialRegistries);
  if (!changed) return;
  await writeDeployments({
    ...record,
    collections,
    ...(editions ? { editions } : {}),
    ...(credentialRegistries ? { credentialRegistries } : {}),
  });
}

async function startDevGateway(g: GlobalOptions, host: string, port: number, running: Running[]): Promise<string> {
  const { startGateway } = await import("../../ipfs/gateway/index.js");
  const store = await openEmbeddedStore(g.dataDir);
  running.push({ close: () => store.close?.() ?? Promise.resolve() });
  const gateway = await startGateway({ store, host, port });
  running.push({ close: () => gateway.close() });
  return gateway.url;
}

interface DevState {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly accounts: readonly Address[];
  readonly installed: Installed | undefined;
  readonly gatewayUrl: string | undefined;
}

function describeDev(g: GlobalOptions, opts: DevOptions, state: DevState): CommandResult {
  const { rpcUrl, chainId, accounts, installed, gatewayUrl } = state;
  const factory = installed?.factory;
  const data = {
    rpcUrl,
    chainId,
    accounts,
    factory: factory ?? null,
    deployed: installed?.deployed ?? [],
    deterministicDeployer: opts.deploy ? "0x4e59b44847b379578588920ca78fbf26c0b4956c" : null,
    seaport: installed?.seaport ?? null,
    conduitController: installed?.conduitController ?? null,
    deployments: deploymentsPath(chainId),
    gatewayUrl: gatewayUrl ?? null,
    ipfsStore: path.join(path.resolve(g.dataDir), "ipfs"),
  };
  const text = [
    `mintkit dev: local chain ${chainId} at ${rpcUrl}`,
    ...(gatewayUrl ? [`IPFS gateway ${gatewayUrl}/ipfs/<cid> (blocks in ${data.ipfsStore})`] : []),
    ...(factory ? [`MintkitFactory ${factory} (the same address on every chain; deterministic deployer at 0x4e59b44847b379578588920ca78fbf26c0b4956c)`] : []),
    ...(installed ? [`Seaport 1.6 ${installed.seaport} and ConduitController ${installed.conduitController} (their canonical addresses)`] : []),
    "",
    "Accounts (Hardhat's well-known dev accounts, 10000 ETH each; their keys are public):",
    ...accounts.map((a, i) => `  [${i}] ${a}`),
    "",
    `Try: mintkit --rpc-url ${rpcUrl} deploy collection "My Art" ART`,
    "Ctrl-C to stop.",
  ];
  return { data, text };
}

/** True for hosts that only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

async function assertPortFree(host: string, port: number): Promise<void> {
  const net = await import("node:net");
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) => reject(listenFailed("chain", host, port, err)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function listenFailed(what: string, host: string, port: number, err: unknown): CliError<"CLI_INVALID_INPUT"> {
  const inUse = (err as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE" || /EADDRINUSE|in use/i.test(String((err as Error)?.message));
  return new CliError("CLI_INVALID_INPUT", `The ${what} cannot listen on ${host}:${port}${inUse ? " (port in use)" : ""}.`, {
    hint: inUse ? "Stop what uses the port (another `mintkit dev`?) or pass --port <n> (0 = any free port)." : "Check --host and --port.",
    details: { field: "--port", value: String(port), reason: inUse ? "port in use" : "cannot listen" },
    cause: err,
  });
}
