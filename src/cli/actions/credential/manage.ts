/**
 * The work of `mintkit credential revoke|reissue|show|rebind` (loaded lazily). NODE-ONLY.
 * No personal data exists on chain: `show` prints the credential's record only (status, issuer, schema,
 * holder, dates, claims root).
 */
import { getAddress, parseEventLogs, type Address } from "viem";
import { credentialRegistryAbi } from "../../../contracts/credentialRegistry.js";
import { createClaimsFile, parseClaimsFile, stringifyClaimsFile } from "../../../credentials/claimsFile.js";
import { getCredential, type OnChainCredential } from "../../../credentials/getCredential.js";
import { getSchema } from "../../../credentials/getSchema.js";
import { parseIssuedCredentials } from "../../../credentials/parseIssuedCredentials.js";
import { CliError } from "../../../errors/CliError.js";
import { resolveContext, type ChainContext } from "../../context.js";
import { readFileOrFail } from "../../files.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, note, type CommandResult } from "../../output.js";
import { parseAddress } from "../../parse.js";
import { credentialWrite } from "./credentialWrite.js";
import { burnAuthNames, isoTime, parseTokenId } from "./options.js";
import { refuseExisting, writePrivateFile } from "./privateFile.js";
import { resolveRegistry } from "./registryRecord.js";

function noSuchCredential(tokenId: bigint, registry: Address): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", `Credential ${tokenId} does not exist in ${registry} (never issued, or burned).`, {
    hint: "Check the token id (as printed by `credential issue`, or in the claims file) and --registry / the network.",
    details: { field: "<tokenId>", value: tokenId.toString(), reason: "no such credential" },
  });
}

/** `credential revoke <tokenId> --reason <text>`. */
export async function revokeCredential(g: GlobalOptions, tokenIdText: string, input: { registry?: string; reason?: string }): Promise<CommandResult> {
  const tokenId = parseTokenId(tokenIdText);
  const reason = input.reason ?? "";
  const reasonBytes = new TextEncoder().encode(reason).length;
  if (reasonBytes > MAX_REVOKE_REASON_BYTES) {
    throw new CliError("CLI_INVALID_INPUT", `--reason is ${reasonBytes} bytes long; the most accepted is ${MAX_REVOKE_REASON_BYTES} (UTF-8).`, {
      hint: "Give a short public reason (it is stored on chain in the Revoked event, and paid for in gas); keep the details off chain.",
      details: { field: "--reason", value: `${reason.slice(0, 40)}…`, reason: `longer than ${MAX_REVOKE_REASON_BYTES} bytes` },
    });
  }
  const ctx = await resolveContext(g, { signer: true });
  const registry = await resolveRegistry(ctx, input.registry);
  note(g.json, `Revoking credential ${tokenId} in ${registry}…`);
  const outcome = await credentialWrite(ctx, "revoke", registry, "revoke", [tokenId, reason]);
  return {
    data: { tokenId, registry, revoked: true, reason, revokedBy: ctx.account.address, transactionHash: outcome.transactionHash, gasUsed: outcome.gasUsed, cost: outcome.fee },
    text: [
      `Credential ${tokenId} revoked${reason ? ` (reason: ${reason})` : ""}.`,
      `  tx       ${outcome.transactionHash}`,
      `  gas used ${outcome.gasUsed} (${formatEth(outcome.fee)})`,
    ],
  };
}

/** The longest `credential revoke --reason` accepted, in UTF-8 bytes (it goes on chain in the event). */
export const MAX_REVOKE_REASON_BYTES = 1024;

/** `credential reissue <tokenId> --to <newHolder> [--claims-file f [--out g]]`. */
export async function reissueCredential(
  g: GlobalOptions,
  tokenIdText: string,
  input: { registry?: string; to: string; claimsFile?: string; out?: string; force?: boolean },
): Promise<CommandResult> {
  const tokenId = parseTokenId(tokenIdText);
  const newHolder = await parseAddress(input.to, "--to");
  const claimsFile = input.claimsFile === undefined ? undefined : await readClaimsFile(input.claimsFile);
  if (input.out !== undefined && input.claimsFile === undefined) {
    throw new CliError("CLI_INVALID_INPUT", "--out needs --claims-file (it is where the updated claims file goes).", {
      hint: "Pass --claims-file <the holder's claims file>, or drop --out.",
      details: { field: "--out", value: input.out, reason: "without --claims-file" },
    });
  }
  if (input.out !== undefined) await refuseExisting(input.out, "--out", input.force === true);
  const ctx = await resolveContext(g, { signer: true });
  const registry = await resolveRegistry(ctx, input.registry);
  if (claimsFile !== undefined) checkFileIsFor(claimsFile, ctx, registry, tokenId);
  note(g.json, `Reissuing credential ${tokenId} to ${newHolder}…`);
  const outcome = await credentialWrite(ctx, "reissue", registry, "reissue", [tokenId, newHolder]);
  const [linked] = parseEventLogs({ abi: credentialRegistryAbi, eventName: "CredentialReissued", logs: outcome.receipt.logs });
  const newTokenId = linked?.args.newTokenId ?? parseIssuedCredentials(outcome.receipt.logs, { registry })[0]?.tokenId ?? (outcome.result as bigint);
  let updated: string | undefined;
  if (claimsFile !== undefined && input.claimsFile !== undefined) {
    updated = input.out ?? input.claimsFile;
    await rebindFile(ctx, registry, claimsFile, newTokenId, updated);
  }
  return {
    data: {
      oldTokenId: tokenId,
      newTokenId,
      registry,
      newHolder,
      transactionHash: outcome.transactionHash,
      gasUsed: outcome.gasUsed,
      cost: outcome.fee,
      claimsFile: updated ?? null,
    },
    text: [
      `Credential ${tokenId} revoked and reissued to ${newHolder} as ${newTokenId}.`,
      `  tx       ${outcome.transactionHash}`,
      `  gas used ${outcome.gasUsed} (${formatEth(outcome.fee)})`,
      updated !== undefined
        ? `Claims file ${updated} now refers to credential ${newTokenId} (same claims and salts).`
        : `The holder's claims file stays valid (same claims root): update its reference with \`mintkit credential rebind <claims-file>\`.`,
    ],
  };
}

/** `credential rebind <claims-file> [--out f]`: points a claims file at the credential that replaced its own. */
export async function rebindClaimsFile(g: GlobalOptions, file: string, input: { out?: string; force?: boolean }): Promise<CommandResult> {
  const claimsFile = await readClaimsFile(file);
  if (input.out !== undefined) await refuseExisting(input.out, "--out", input.force === true);
  const ctx = await resolveContext(g);
  const { registry, tokenId } = claimsFile.credential;
  checkFileIsFor(claimsFile, ctx, registry, tokenId);
  let current = tokenId;
  for (let hops = 0; hops < 256; hops++) {
    const next = await ctx.publicClient.readContract({ address: registry, abi: credentialRegistryAbi, functionName: "replacedBy", args: [current] });
    if (next === 0n) break;
    current = next;
  }
  if (current === tokenId) {
    throw new CliError("CLI_INVALID_INPUT", `Credential ${tokenId} was never reissued: ${file} already refers to it, nothing to rebind.`, {
      hint: "Rebind a claims file after its issuer ran `mintkit credential reissue` (check with `mintkit credential show <tokenId>`: it lists replacedBy).",
      details: { field: "<claims-file>", value: file, reason: "credential not reissued" },
    });
  }
  const target = input.out ?? file;
  const credential = await rebindFile(ctx, registry, claimsFile, current, target);
  return {
    data: { claimsFile: target, oldTokenId: tokenId, tokenId: current, holder: credential.holder, updated: true },
    text: [`${target} now refers to credential ${current} (holder ${credential.holder}); the claims and salts are unchanged.`],
  };
}

/** `credential show <tokenId>`: the credential's status and record. */
export async function showCredential(g: GlobalOptions, tokenIdText: string, input: { registry?: string }): Promise<CommandResult> {
  const tokenId = parseTokenId(tokenIdText);
  const ctx = await resolveContext(g);
  const registry = await resolveRegistry(ctx, input.registry);
  const credential = await getCredential(ctx.publicClient, { registry, tokenId });
  if (credential === undefined) throw noSuchCredential(tokenId, registry);
  const read = <T>(functionName: "replacedBy" | "replaces" | "isValid") =>
    ctx.publicClient.readContract({ address: registry, abi: credentialRegistryAbi, functionName, args: [tokenId] }) as Promise<T>;
  const [replacedBy, replaces, isValid, block, schema, tokenURI] = await Promise.all([
    read<bigint>("replacedBy"),
    read<bigint>("replaces"),
    read<boolean>("isValid"),
    ctx.publicClient.getBlock({ blockTag: "latest" }),
    getSchema(ctx.publicClient, { registry, schemaId: credential.schemaId }).catch(() => undefined),
    ctx.publicClient.readContract({ address: registry, abi: credentialRegistryAbi, functionName: "tokenURI", args: [tokenId] }).catch(() => ""),
  ]);
  const now = Number(block.timestamp);
  const status = credential.revoked ? "revoked" : credential.expiry !== 0 && now >= credential.expiry ? "expired" : "valid";
  const data = {
    tokenId,
    registry,
    chainId: ctx.chainId,
    status,
    isValid,
    holder: credential.holder,
    issuer: credential.issuer,
    schemaId: credential.schemaId,
    schemaName: schema?.name ?? null,
    schemaFields: schema?.fields ?? null,
    issuedAt: credential.issuedAt,
    issuedAtIso: isoTime(credential.issuedAt),
    expiry: credential.expiry,
    expiryIso: isoTime(credential.expiry),
    revoked: credential.revoked,
    burnAuth: burnAuthNames[credential.burnAuth] ?? String(credential.burnAuth),
    claimsRoot: credential.claimsRoot,
    replacedBy: replacedBy === 0n ? null : replacedBy,
    replaces: replaces === 0n ? null : replaces,
    tokenURI,
    chainTime: now,
  };
  return {
    data,
    text: [
      `Credential ${tokenId}: ${status.toUpperCase()}`,
      `  registry  ${registry} (chain ${ctx.chainId})`,
      `  holder    ${credential.holder}`,
      `  issuer    ${credential.issuer}`,
      `  schema    ${credential.schemaId}${schema ? ` "${schema.name}" (${schema.fields.join(", ")})` : ""}`,
      `  issued    ${isoTime(credential.issuedAt)}`,
      `  expires   ${isoTime(credential.expiry)}`,
      `  burn      ${data.burnAuth}`,
      `  root      ${credential.claimsRoot}`,
      ...(replaces !== 0n ? [`  replaces  ${replaces}`] : []),
      ...(replacedBy !== 0n ? [`  replaced by ${replacedBy}`] : []),
      "No personal data is on chain: the claims stay in the holder's claims file.",
    ],
  };
}

/** Reads and checks a holder claims file (`CLI_FILE_NOT_FOUND`, or `CREDENTIAL_INVALID_CLAIMS_FILE` listing every problem). */
export async function readClaimsFile(file: string): Promise<ReturnType<typeof parseClaimsFile>> {
  const bytes = await readFileOrFail(file);
  return parseClaimsFile(new TextDecoder().decode(bytes));
}

function checkFileIsFor(file: ReturnType<typeof parseClaimsFile>, ctx: ChainContext, registry: Address, tokenId: bigint): void {
  const problems: string[] = [];
  if (file.credential.chainId !== ctx.chainId) problems.push(`it is for chain ${file.credential.chainId}, not ${ctx.chainId}`);
  if (getAddress(file.credential.registry) !== getAddress(registry)) problems.push(`it is for registry ${file.credential.registry}, not ${registry}`);
  if (file.credential.tokenId !== tokenId) problems.push(`it is for credential ${file.credential.tokenId}, not ${tokenId}`);
  if (problems.length > 0) {
    throw new CliError("CLI_INVALID_INPUT", `The claims file does not belong to this credential: ${problems.join("; ")}.`, {
      hint: "Pass the claims file of this credential (its `credential` section names chain, registry and token id).",
      details: { field: "--claims-file", reason: problems.join("; ") },
    });
  }
}

/** Rewrites the claims file's credential reference to `tokenId` (same claims; the on-chain root must match). */
async function rebindFile(
  ctx: ChainContext,
  registry: Address,
  file: ReturnType<typeof parseClaimsFile>,
  tokenId: bigint,
  target: string,
): Promise<OnChainCredential> {
  const credential = await getCredential(ctx.publicClient, { registry, tokenId });
  if (credential === undefined) throw noSuchCredential(tokenId, registry);
  if (credential.claimsRoot.toLowerCase() !== file.root.toLowerCase()) {
    throw new CliError("CLI_INVALID_INPUT", `Credential ${tokenId} commits to other claims than this claims file.`, {
      hint: "Only a reissued credential (same claims root) can take over a claims file; the file was left unchanged.",
      details: { field: "--claims-file", reason: "claims root differs" },
    });
  }
  const updated = createClaimsFile({
    credential: { ...file.credential, tokenId, holder: credential.holder, issuer: credential.issuer, schemaId: credential.schemaId },
    claims: file.claims,
  });
  await writePrivateFile(target, stringifyClaimsFile(updated));
  return credential;
}
