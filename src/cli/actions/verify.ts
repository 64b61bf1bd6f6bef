/** The work of `mintkit verify` (loaded lazily by commands/verify.ts); `verifyDeployed` serves `deploy … --verify`. */
import type { Address } from "viem";
import { CliError } from "../../errors/CliError.js";
import type { VerifyContractParameters, VerifyContractReturnType, VerificationOutcome } from "../../verify/verifyContract.js";
import { resolveContext, type ChainContext } from "../context.js";
import { exitCodeFor } from "../exitCodes.js";
import type { GlobalOptions } from "../globalOptions.js";
import { note, type CommandResult } from "../output.js";
import { parseHttpUrl } from "../parse.js";
import { resolveAddressOrName } from "../grammar/resolveAddressOrName.js";

/** Options of `mintkit verify` (and of `deploy … --verify`, which takes the same service options). */
export interface VerifyOptions {
  sourcify?: boolean;
  etherscan?: boolean;
  etherscanApiKey?: string;
  apiUrl?: string;
  sourcifyUrl?: string;
  etherscanUrl?: string;
  /** Seconds (default 120). */
  timeout?: string;
  /** Seconds (default 3). */
  pollInterval?: string;
}

/** `mintkit verify <name|address>`. */
export async function verify(g: GlobalOptions, value: string, opts: VerifyOptions, env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const services = verifyServices(opts, env);
  const ctx = await resolveContext(g);
  const address = await resolveVerifyTarget(ctx, value);
  return verifyDeployed(ctx, address, opts, { json: g.json, env, services });
}

export interface VerifyDeployedOptions {
  readonly json: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Already checked services (default: from `opts` and `env`). */
  readonly services?: Pick<VerifyContractParameters, "sourcify" | "etherscan">;
  /**
   * When every service failed: throw the first error (default, `mintkit verify`), or return the outcomes with
   * `process.exitCode` set (`deploy … --verify`: the deployment happened and must still be printed).
   */
  readonly throwIfAllFailed?: boolean;
}

/**
 * Verifies the contract at `address` with the services `opts` asks for, prints progress notes, and returns what
 * to print. For `deploy … --verify`: check the options with `verifyServices` before deploying, then call this
 * after the deployment with the deploy's chain context and `throwIfAllFailed: false`. A failed service sets
 * `process.exitCode` (its documented exit code); with `throwIfAllFailed` (default) all failing throws instead.
 * @example
 * const { verifyDeployed } = await import("./actions/verify.js");
 * const verification = await verifyDeployed(ctx, created.address, input, { json: g.json, throwIfAllFailed: false });
 */
export async function verifyDeployed(ctx: ChainContext, address: Address, opts: VerifyOptions, options: VerifyDeployedOptions): Promise<CommandResult> {
  const { json, env = process.env, throwIfAllFailed = true } = options;
  const services = options.services ?? verifyServices(opts, env);
  const { verifyContract } = await import("../../verify/verifyContract.js");
  const names = [services.sourcify ? "Sourcify" : "", services.etherscan ? "the Etherscan-compatible API" : ""].filter(Boolean).join(" and ");
  note(json, `Verifying ${address} on chain ${ctx.chainId} with ${names}…`);
  const verified = await verifyContract(ctx.publicClient, {
    address,
    ...services,
    timeout: seconds(opts.timeout ?? "120", "--timeout") * 1000,
    pollingInterval: seconds(opts.pollInterval ?? "3", "--poll-interval") * 1000,
  });
  const failed = verified.outcomes.filter((o): o is Extract<VerificationOutcome, { ok: false }> => !o.ok);
  if (throwIfAllFailed && failed.length > 0 && failed.length === verified.outcomes.length) throw failed[0]!.error;
  if (failed.length > 0) process.exitCode = exitCodeFor(failed[0]!.error);
  return { data: toData(verified, address, ctx.chainId), text: toText(verified, address) };
}

/** The services asked for, with their URLs and key, checked (with --timeout/--poll-interval) before anything is sent. */
export function verifyServices(opts: VerifyOptions, env: NodeJS.ProcessEnv): Pick<VerifyContractParameters, "sourcify" | "etherscan"> {
  seconds(opts.timeout ?? "120", "--timeout");
  seconds(opts.pollInterval ?? "3", "--poll-interval");
  const apiKey = opts.etherscanApiKey ?? env.ETHERSCAN_API_KEY;
  const explicit = opts.sourcify === true || opts.etherscan === true;
  const useSourcify = explicit ? opts.sourcify === true : true;
  const useEtherscan = explicit ? opts.etherscan === true : apiKey !== undefined && apiKey !== "";
  if (opts.apiUrl !== undefined && (!explicit || (useSourcify && useEtherscan))) {
    throw new CliError("CLI_INVALID_INPUT", "--api-url needs exactly one service: --sourcify or --etherscan.", {
      hint: "Add --sourcify or --etherscan, or use --sourcify-url and --etherscan-url to set both services' URLs.",
      details: { field: "--api-url", reason: "ambiguous service" },
    });
  }
  const sourcifyUrl = opts.sourcifyUrl ?? (useSourcify ? opts.apiUrl : undefined);
  const etherscanUrl = opts.etherscanUrl ?? (useEtherscan ? opts.apiUrl : undefined);
  if (sourcifyUrl !== undefined) parseHttpUrl(sourcifyUrl, opts.sourcifyUrl !== undefined ? "--sourcify-url" : "--api-url");
  if (etherscanUrl !== undefined) parseHttpUrl(etherscanUrl, opts.etherscanUrl !== undefined ? "--etherscan-url" : "--api-url");
  return {
    ...(useSourcify ? { sourcify: sourcifyUrl !== undefined ? { apiUrl: sourcifyUrl } : true } : {}),
    ...(useEtherscan
      ? { etherscan: { ...(etherscanUrl !== undefined ? { apiUrl: etherscanUrl } : {}), ...(apiKey ? { apiKey } : {}) } }
      : {}),
  };
}

/**
 * `<name|address>`: an address; a core contract's name (MintkitFactory, MintkitCollection, MintkitEditions,
 * CredentialRegistry: their addresses are the same on every chain); or a name recorded in
 * `deployments/<chainId>.json` (collections, editions, credential registries).
 * @throws CliError `CLI_INVALID_ADDRESS`, `CLI_CONTRACT_NOT_FOUND`.
 */
export async function resolveVerifyTarget(ctx: ChainContext, value: string): Promise<Address> {
  if (!/^0x/i.test(value)) {
    const { getCoreContracts } = await import("../../deploy/coreContracts.js");
    const core = (getCoreContracts() as unknown as Record<string, { address: Address } | undefined>)[value];
    if (core) return core.address;
  }
  // No code check here: a target with no code is VERIFY_NO_CODE, reported by the verification itself.
  return resolveAddressOrName(ctx, value, {
    field: "<name|address>",
    kinds: ["collections", "editions", "credentialRegistries"],
    requireCode: false,
    unknownNameHint: "Pass the contract's address, a recorded collection/editions/registry name, or MintkitFactory / MintkitCollection / MintkitEditions / CredentialRegistry.",
  });
}

function seconds(value: string, field: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n > 3600) {
    throw new CliError("CLI_INVALID_INPUT", `${field} must be a number of seconds between 0 and 3600, not "${value}".`, {
      hint: `Pass e.g. ${field} 60.`,
      details: { field, value, reason: "not a number of seconds in [0, 3600]" },
    });
  }
  return n;
}

function toData(v: VerifyContractReturnType, given: Address, chainId: number) {
  return {
    address: given,
    chainId,
    contract: v.target.contractName,
    ...(v.target.clone ? { implementation: v.target.address, clone: true } : { clone: false }),
    results: v.outcomes.map((o) =>
      o.ok
        ? { ok: true, ...o.result }
        : { service: o.service, ok: false, error: { code: o.error.code, message: o.error.shortMessage, hint: o.error.hint, details: o.error.details, exitCode: exitCodeFor(o.error) } },
    ),
  };
}

function toText(v: VerifyContractReturnType, given: Address): string[] {
  const lines: string[] = [];
  if (v.target.clone) {
    lines.push(`${given} is an EIP-1167 clone of the ${v.target.contractName} implementation ${v.target.address}: the implementation's sources were submitted.`);
  }
  for (const o of v.outcomes) {
    const service = o.service === "sourcify" ? "Sourcify" : "Etherscan-compatible";
    if (!o.ok) {
      lines.push(`✗ ${service}: ${o.error.shortMessage}`, `  Hint: ${o.error.hint}`, `  Code: ${o.error.code}`);
      continue;
    }
    const r = o.result;
    const what = r.status === "verified" ? "verified" : r.status === "already-verified" ? "already verified" : `pending (id ${r.id ?? "?"}): run the command again later`;
    lines.push(`${r.status === "pending" ? "…" : "✓"} ${service}: ${r.contractName} ${r.address} ${what}${r.match ? ` (${r.match} match)` : ""}`);
    if (r.proxy) lines.push(`  proxy: ${r.proxy.address} ${r.proxy.status === "marked" ? "marked as a proxy of" : r.proxy.status === "pending" ? "proxy marking pending for" : "not marked as a proxy of"} ${r.proxy.implementation} (${r.proxy.message})`);
  }
  return lines;
}
