import type { Abi, Address, Hash, TransactionReceipt } from "viem";
import { CliError } from "../errors/CliError.js";
import type { SignerContext } from "./context.js";

/** A mined, successful contract write. */
export interface WriteOutcome {
  readonly transactionHash: Hash;
  readonly gasUsed: bigint;
  /** gasUsed × effectiveGasPrice, in wei. */
  readonly fee: bigint;
  /** What the simulation returned (e.g. the minted token id). */
  readonly result: unknown;
  readonly receipt: TransactionReceipt;
}

/**
 * Simulates a contract write (a revert is decoded and thrown before anything is sent), sends it from the
 * context's account, waits for the receipt and checks its status.
 * @throws CliError `CLI_TX_REVERTED` (exit code 5) with the decoded custom error, e.g. `MaxSupplyExceeded(1, 0, 1)`.
 * @example
 * const { result: tokenId, gasUsed } = await sendWrite(ctx, "mint", { address, abi, functionName: "mintWithURI", args: [to, uri] });
 */
export async function sendWrite(
  ctx: SignerContext,
  action: string,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; value?: bigint },
): Promise<WriteOutcome> {
  const { revertDetails } = await import("../deploy/revertDetails.js");
  let request: unknown;
  let result: unknown;
  try {
    ({ request, result } = await ctx.publicClient.simulateContract({
      ...call,
      account: ctx.account,
    } as Parameters<typeof ctx.publicClient.simulateContract>[0]));
  } catch (err) {
    const details = revertDetails(err);
    if (!details.errorName && !details.reason && isTransportError(err)) throw err;
    throw txReverted(action, err, details);
  }
  const hash = await ctx.walletClient.writeContract(request as Parameters<typeof ctx.walletClient.writeContract>[0]);
  const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw txReverted(action, undefined, {}, hash);
  return { transactionHash: hash, gasUsed: receipt.gasUsed, fee: receipt.gasUsed * receipt.effectiveGasPrice, result, receipt };
}

/** The `CLI_TX_REVERTED` error for an action, with the decoded custom error when known. */
export function txReverted(
  action: string,
  cause: unknown,
  details: { errorName?: string; errorArgs?: readonly string[]; reason?: string },
  transactionHash?: Hash,
): CliError<"CLI_TX_REVERTED"> {
  const decoded =
    details.reason && (!details.errorName || details.errorName === "Error")
      ? details.reason
      : details.errorName
        ? `${details.errorName}(${(details.errorArgs ?? []).join(", ")})`
        : undefined;
  return new CliError("CLI_TX_REVERTED", `${action} reverted${decoded ? `: ${decoded}` : ""}.`, {
    hint: hintFor(details.errorName),
    details: {
      action,
      ...(transactionHash ? { transactionHash } : {}),
      ...(details.errorName ? { errorName: details.errorName } : {}),
      ...(details.errorArgs ? { errorArgs: details.errorArgs } : {}),
    },
    cause,
  });
}

function hintFor(errorName: string | undefined): string {
  switch (errorName) {
    case "MaxSupplyExceeded":
      return "The collection is full (max supply reached); nothing was minted.";
    case "RoyaltyTooHigh":
      return "Royalties are capped at 1000 bps (10%).";
    case "OwnableUnauthorizedAccount":
    case "AccessControlUnauthorizedAccount":
    case "MissingRole":
      return "The signing account lacks the role for this call: use the owner's account (--account) or grant it the role.";
    case "MetadataIsFrozen":
      return "The metadata is frozen: it can no longer be changed.";
    default:
      return "Check the arguments and the signing account's roles and balance; the decoded error names the cause.";
  }
}

function isTransportError(err: unknown): boolean {
  let current: unknown = err;
  const seen = new Set<unknown>();
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current.name === "HttpRequestError" || current.name === "TimeoutError") return true;
    current = current.cause;
  }
  return false;
}
