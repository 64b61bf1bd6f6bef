/** Registry writes for the credential commands: `writeAndWait` with hints for the registry's own errors. */
import type { Address } from "viem";
import { writeAndWait, type DecodedRevert, type RevertContext, type WriteAndWaitReturnType } from "../../../chain/index.js";
import { credentialRegistryAbi } from "../../../contracts/credentialRegistry.js";
import type { CliError } from "../../../errors/CliError.js";
import type { SignerContext } from "../../context.js";
import { txReverted } from "../../txReverted.js";

const hints: Record<string, string> = {
  AccessControlUnauthorizedAccount:
    "The signing account is not an issuer of this registry: sign with the registry owner's account (--account), or have the owner grant it ISSUER_ROLE.",
  UnknownSchema: "No such schema in this registry: list them with `mintkit credential schema list`.",
  InvalidSchema: "A schema needs a name and at least one field.",
  InvalidExpiry: "The expiry must be in the future (or never).",
  EmptyClaimsRoot: "The claims root cannot be zero.",
  NotCredentialIssuer: "Only the credential's issuer (or a registry admin) may do this: sign with that account (--account).",
  AlreadyRevoked: "The credential is already revoked: nothing to do.",
  AlreadyReplaced: "The credential was already reissued: `mintkit credential show <tokenId>` shows its replacement.",
  ERC721NonexistentToken: "No such credential in this registry (never issued, or burned): check the token id and --registry.",
  BurnNotAuthorized: "Its burn authorization (ERC-5484) does not allow this account to burn it.",
};

/** Simulates, sends and waits for a `CredentialRegistry` write; a revert is a `CLI_TX_REVERTED` with a registry-specific hint. */
export async function credentialWrite(
  ctx: SignerContext,
  action: string,
  registry: Address,
  functionName: string,
  args: readonly unknown[],
): Promise<WriteAndWaitReturnType> {
  return writeAndWait(ctx, {
    address: registry,
    abi: credentialRegistryAbi,
    functionName,
    args,
    account: ctx.account,
    action,
    onRevert: credentialReverted,
    ...(headroomOperations[functionName] ? { headroom: { operation: headroomOperations[functionName] } } : {}),
  });
}

/** The gas operation of each registry write (all need no headroom: see headroomFor). */
const headroomOperations: Record<string, "credentialIssue" | "credentialRevoke" | "credentialReissue"> = {
  issue: "credentialIssue",
  revoke: "credentialRevoke",
  reissue: "credentialReissue",
};

/** A registry revert as `CLI_TX_REVERTED`, with the registry error's own hint when known. */
export function credentialReverted(revert: DecodedRevert, context: RevertContext): CliError<"CLI_TX_REVERTED"> {
  return txReverted(revert, context, hints);
}
