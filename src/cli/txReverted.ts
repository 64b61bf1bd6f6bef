import type { DecodedRevert, RevertContext } from "../chain/index.js";
import { formatRevert } from "../chain/decodeRevert.js";
import { CliError } from "../errors/CliError.js";

const hints: Readonly<Record<string, string>> = {
  MaxSupplyExceeded: "The collection is full (max supply reached); nothing was minted.",
  RoyaltyTooHigh: "Royalties are capped at 1000 bps (10%).",
  OwnableUnauthorizedAccount:
    "The signing account lacks the role for this call: use the owner's account (--account) or grant it the role.",
  AccessControlUnauthorizedAccount:
    "The signing account lacks the role for this call: use the owner's account (--account) or grant it the role.",
  MissingRole: "The signing account lacks the role for this call: use the owner's account (--account) or grant it the role.",
  MetadataIsFrozen: "The metadata is frozen: it can no longer be changed.",
};

const fallbackHint = "Check the arguments and the signing account's roles and balance; the decoded error names the cause.";

/**
 * The CLI's `onRevert` hook for `writeAndWait`: a `CLI_TX_REVERTED` (exit code 5) naming the decoded
 * custom error, with a hint for it (`extraHints` first, e.g. a registry's own errors).
 * @example
 * await writeAndWait(ctx, { ...call, action: "mint", onRevert: txReverted });
 */
export function txReverted(
  revert: DecodedRevert,
  context: RevertContext,
  extraHints: Readonly<Record<string, string>> = {},
): CliError<"CLI_TX_REVERTED"> {
  const decoded = formatRevert(revert);
  const name = revert.errorName;
  const hint = (name === undefined ? undefined : (extraHints[name] ?? hints[name])) ?? fallbackHint;
  return new CliError("CLI_TX_REVERTED", `${context.action} reverted${decoded ? `: ${decoded}` : ""}.`, {
    hint,
    details: {
      action: context.action,
      ...(context.transactionHash ? { transactionHash: context.transactionHash } : {}),
      ...(name ? { errorName: name } : {}),
      ...(revert.errorArgs ? { errorArgs: revert.errorArgs } : {}),
    },
    cause: context.cause,
  });
}
