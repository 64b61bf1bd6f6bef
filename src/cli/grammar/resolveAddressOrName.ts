import type { Address } from "viem";
import { CliError } from "../../errors/CliError.js";
import type { ChainContext } from "../context.js";
import { readDeployments } from "../deployments.js";
import { parseAddress } from "./parseAddress.js";

/** The sections of `deployments/<chainId>.json` a name is looked up in. */
export type RecordedKind = "collections" | "editions" | "credentialRegistries";

/** What {@link resolveAddressOrName} reads. */
export interface ResolveAddressOrNameParameters {
  /** The option's name, as the user typed it (`--collection`, `<collection>`). Default `--collection`. */
  readonly field?: string;
  /** Where a name is looked up, in order. Default: collections, then editions. */
  readonly kinds?: readonly RecordedKind[];
  /** Check that the address has code on the chain (`CLI_CONTRACT_NOT_FOUND` otherwise). Default true. */
  readonly requireCode?: boolean;
  /** The hint of an unknown name. Default: pass an address, or deploy the collection first. */
  readonly unknownNameHint?: string;
}

type RecordWithKinds = Partial<Record<RecordedKind, Record<string, { address: string } | undefined>>>;

/**
 * A contract given as an address (`0x…`) or as its name recorded in `deployments/<chainId>.json`
 * (collections, then editions), checked to have code on the chain. The one resolver of every command.
 * @throws CliError `CLI_INVALID_ADDRESS` (malformed address), `CLI_CONTRACT_NOT_FOUND` (unknown name, or no code).
 * @example await resolveAddressOrName(ctx, "My Art", { field: "--collection" })
 */
export async function resolveAddressOrName(ctx: ChainContext, value: string, parameters: ResolveAddressOrNameParameters = {}): Promise<Address> {
  const { field = "--collection", kinds = ["collections", "editions"], requireCode = true } = parameters;
  let address: Address;
  if (value.startsWith("0x") || value.startsWith("0X")) {
    address = await parseAddress(value, field);
  } else {
    const record = (await readDeployments(ctx.chainId, { network: ctx.network })) as RecordWithKinds;
    const found = kinds.map((kind) => record[kind]?.[value]).find((entry) => entry !== undefined);
    if (!found) {
      throw new CliError("CLI_CONTRACT_NOT_FOUND", `No contract named "${value}" in deployments/${ctx.chainId}.json.`, {
        hint: parameters.unknownNameHint ?? "Pass the collection's address, or deploy it first: mintkit deploy collection <name>.",
        details: { chainId: ctx.chainId, contract: value },
      });
    }
    address = await parseAddress(found.address, field);
  }
  if (!requireCode) return address;
  const code = await ctx.publicClient.getCode({ address });
  if (code === undefined || code === "0x") {
    throw new CliError("CLI_CONTRACT_NOT_FOUND", `No contract at ${address} on chain ${ctx.chainId}.`, {
      hint: "Check the address and --rpc-url/--network (a local chain restarted by `mintkit dev` starts empty).",
      details: { chainId: ctx.chainId, contract: value, address },
    });
  }
  return address;
}
