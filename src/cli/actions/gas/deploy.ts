/** `mintkit gas deploy collection|editions <name> [symbol] …`: the contract `mintkit deploy` would create, with the same options. */
import type { Address } from "viem";
import { mintkitFactoryAddress } from "../../../deploy/coreContracts.js";
import { hasCode } from "../../../deploy/deployAndWait.js";
import { CliError } from "../../../errors/CliError.js";
import { parseDeployOptions, type DeployOptionValues } from "../../commands/deployOptions.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { estimateReport } from "./report.js";
import { setup, type GasOptions } from "./support.js";

/** The options of `gas deploy`: the deploy's own, plus --direct and the common gas options. */
export type DeployGasOptions = GasOptions & DeployOptionValues;

/**
 * Estimates the deploy with the options the deploy will use (every byte of the names and URIs is stored; a
 * primary-sale recipient is one more slot), through the factory of this chain (a clone) or --direct. The
 * owner defaults to the account the estimate runs as (--from, else the signing account), as in `mintkit deploy`.
 */
export async function deploy(g: GlobalOptions, kind: string, name: string, symbol: string, opts: DeployGasOptions): Promise<CommandResult> {
  if (kind !== "collection" && kind !== "editions") {
    throw new CliError("CLI_INVALID_INPUT", `gas deploy takes "collection" or "editions", got "${kind}".`, {
      hint: 'Run mintkit gas deploy collection "My Art" ART, or mintkit gas deploy editions "Prints" PRT (the options of mintkit deploy).',
      details: { field: "<kind>", value: kind, reason: "unknown kind" },
    });
  }
  const config = await parseDeployOptions(kind, name, symbol, opts);
  const s = await setup(g, opts);
  let factory: Address | undefined;
  if (!opts.direct) {
    factory = mintkitFactoryAddress();
    if (!(await hasCode(s.ctx.publicClient, factory))) {
      throw new CliError("CLI_CONTRACT_NOT_FOUND", `No MintkitFactory at ${factory} on chain ${s.ctx.chainId}.`, {
        hint: "Pass --direct to estimate a direct deploy, or deploy the factory first (mintkit dev does on a local chain).",
        details: { chainId: s.ctx.chainId, contract: "MintkitFactory" },
      });
    }
  }
  const common = { account: s.from, ...(factory ? { factory } : {}), ...(opts.salt !== undefined ? { salt: opts.salt } : {}) };
  const estimate =
    kind === "collection"
      ? await s.lib.estimateDeployGas(s.ctx.publicClient, { kind, config, ...common })
      : await s.lib.estimateDeployGas(s.ctx.publicClient, { kind, config, ...common });
  return estimateReport(s, estimate, opts, [`${kind} "${name}"${symbol ? ` (${symbol})` : ""}${factory ? ` through the factory ${factory}` : ", direct deploy"}`]);
}
