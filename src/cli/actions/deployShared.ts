/**
 * What `mintkit deploy collection|editions|credentials` share: mintkit's core contracts, the cost lines, the
 * conflict check of a re-run and `--verify`. Loaded by the deploy actions. NODE-ONLY.
 */
import type { Address } from "viem";
import type { CreateViaFactoryResult } from "../../deploy/createViaFactory.js";
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { ensureCoreContracts, type EnsureCoreContractsResult } from "../../deploy/ensureCoreContracts.js";
import { deployConflict, diffDeployedConfig, readDeployedConfig, type DeployedConfig, type DeployedKind } from "../../deploy/readDeployedConfig.js";
import type { ChainContext } from "../context.js";
import { formatEth, note, type CommandResult } from "../output.js";
import type { VerifyOptions } from "./verify.js";

/** `--verify` and the verification service options (`addVerifyServiceOptions`). */
export interface DeployVerifyOptions extends VerifyOptions {
  verify?: boolean;
}

/** Checked verification services, or undefined without --verify. */
export type VerifyServices = ReturnType<typeof import("./verify.js").verifyServices> | undefined;

/**
 * Ensures mintkit's core contracts (implementations + factory) at their computed addresses, printing each one
 * deployed now (to stderr). Nothing is recorded: their addresses are the same on every chain.
 */
export async function ensureFactory(clients: DeployClients, json: boolean): Promise<EnsureCoreContractsResult> {
  return ensureCoreContracts({
    ...clients,
    onStep: (step) => {
      if (!step.reused) note(json, `deployed ${step.name} at ${step.address} (${step.gasUsed} gas)`);
    },
  });
}

/** With --verify: the services, checked before anything is sent (bad service options are refused first). */
export async function checkVerifyOptions(input: DeployVerifyOptions): Promise<VerifyServices> {
  if (input.verify !== true) return undefined;
  const { verifyServices } = await import("./verify.js");
  return verifyServices(input, process.env);
}

/**
 * After the deploy: verifies the sources when asked (a failed service sets the exit code, the deployment is
 * still printed), and adds the outcome to the result.
 */
export async function verifyAfterDeploy(
  ctx: ChainContext,
  address: Address,
  input: DeployVerifyOptions,
  services: VerifyServices,
  result: CommandResult,
  json: boolean,
): Promise<CommandResult> {
  if (services === undefined) return result;
  const { verifyDeployed } = await import("./verify.js");
  const verification = await verifyDeployed(ctx, address, input, { json, services, throwIfAllFailed: false });
  const text = ([] as string[]).concat(result.text ?? [], verification.text ?? []);
  return { data: { ...(result.data as object), verification: verification.data }, text };
}

/**
 * The deployed contract's settings, read from the chain; a `DEPLOY_CONFLICT` (nothing sent) when an option
 * given differs from them.
 */
export async function onChainOrConflict(
  ctx: ChainContext,
  kind: DeployedKind,
  name: string,
  existing: { readonly address: Address; readonly salt?: string },
  asked: Parameters<typeof diffDeployedConfig>[1],
): Promise<DeployedConfig> {
  const onChain = await readDeployedConfig({ publicClient: ctx.publicClient, kind, address: existing.address });
  const differences = diffDeployedConfig({ ...onChain, ...(existing.salt !== undefined ? { salt: existing.salt } : {}) }, asked);
  if (differences.length > 0) throw deployConflict(kind, name, existing.address, differences);
  return onChain;
}

/** What this run paid (core contracts deployed now + the new contract), for the data and the text. */
export function costOf(core: EnsureCoreContractsResult, created: Pick<CreateViaFactoryResult, "reused" | "gasUsed" | "fee" | "transactionHash">) {
  const coreGas = core.deployed.reduce((sum, c) => sum + (c.gasUsed ?? 0n), 0n);
  const totalGas = coreGas + (created.gasUsed ?? 0n);
  const totalCost = core.fee + (created.fee ?? 0n);
  const data = {
    transactionHash: created.transactionHash ?? null,
    gasUsed: created.gasUsed ?? 0n,
    /** Everything this run paid: core contracts deployed now + the contract. */
    totalGasUsed: totalGas,
    cost: totalCost,
    costEth: formatEth(totalCost).replace(/ ETH$/, ""),
    factory: core.factory.address,
    coreDeployed: core.deployed.map((c) => ({ name: c.name, address: c.address, transactionHash: c.transactionHash, gasUsed: c.gasUsed, cost: c.fee })),
  };
  const text = [
    ...(created.reused ? [] : [`  tx       ${created.transactionHash}`, `  gas used ${created.gasUsed}`]),
    ...core.deployed.map((c) => `  + ${c.name} deployed at ${c.address} (${c.gasUsed} gas, ${formatEth(c.fee ?? 0n)})`),
    ...(totalCost > 0n || !created.reused
      ? [`  cost     ${formatEth(totalCost)}${core.deployed.length > 0 ? ` (${totalGas} gas in all, mintkit's core contracts included)` : ""}`]
      : []),
  ];
  return { data, text };
}
