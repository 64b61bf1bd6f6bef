/** `mintkit gas credential-issue|credential-revoke|credential-reissue|cancel`: the registry writes and voucher cancellation. */
import { keccak256, stringToHex } from "viem";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { invalidInput, parseAddress, parseBigIntOption } from "../../parse.js";
import { resolveCollectionAddress } from "../../resolveCollection.js";
import { parseBurnAuth, parseExpiry, parseSchemaId, parseTokenId } from "../credential/options.js";
import { resolveRegistry } from "../credential/registryRecord.js";
import { prepareCancelVouchers } from "../../../vouchers/prepareCancelVouchers.js";
import { readSignedVoucher, UINT256_MAX } from "../voucher/support.js";
import { estimateReport } from "./report.js";
import { missingInput, setup, type GasOptions } from "./support.js";

/** The options `gas credential-*` and `gas cancel` take besides the common ones. */
export interface CredentialGasOptions extends GasOptions {
  registry?: string;
  schema?: string;
  expiry?: string;
  burnAuth?: string;
  reason?: string;
  uid?: string[];
}

/**
 * `gas credential-issue --schema <id> --to <holder>`: as the issuer (the signing account, or --from). The claims
 * themselves never reach the chain (only their 32-byte root), so any claims price the same: a sample root is used.
 */
export async function credentialIssue(g: GlobalOptions, opts: CredentialGasOptions): Promise<CommandResult> {
  const schemaId = parseSchemaId(opts.schema ?? "");
  const to = await parseAddress(opts.to ?? "", "--to");
  const burnAuth = parseBurnAuth(opts.burnAuth ?? "issuer");
  const s = await setup(g, opts);
  const registry = await resolveRegistry(s.ctx, opts.registry);
  const now = (await s.ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const expiry = opts.expiry === undefined ? 0 : parseExpiry(opts.expiry, now);
  const claimsRoot = keccak256(stringToHex(`mintkit gas credential-issue ${to} ${schemaId}`));
  const estimate = await s.lib.estimateCredentialIssueGas(s.ctx.publicClient, { registry, to, schemaId, claimsRoot, expiry, burnAuth, account: s.from });
  return estimateReport(s, estimate, opts);
}

/** `gas credential-revoke <tokenId> [--reason <text>]`: the reason is stored in the event only, its length still costs. */
export async function credentialRevoke(g: GlobalOptions, tokenIdText: string, opts: CredentialGasOptions): Promise<CommandResult> {
  const tokenId = parseTokenId(tokenIdText);
  const s = await setup(g, opts);
  const registry = await resolveRegistry(s.ctx, opts.registry);
  const estimate = await s.lib.estimateCredentialRevokeGas(s.ctx.publicClient, { registry, tokenId, reason: opts.reason ?? "", account: s.from });
  return estimateReport(s, estimate, opts);
}

/** `gas credential-reissue <tokenId> --to <newHolder>`. */
export async function credentialReissue(g: GlobalOptions, tokenIdText: string, opts: CredentialGasOptions): Promise<CommandResult> {
  const tokenId = parseTokenId(tokenIdText);
  const newHolder = await parseAddress(opts.to ?? "", "--to");
  const s = await setup(g, opts);
  const registry = await resolveRegistry(s.ctx, opts.registry);
  const estimate = await s.lib.estimateCredentialReissueGas(s.ctx.publicClient, { registry, tokenId, newHolder, account: s.from });
  return estimateReport(s, estimate, opts);
}

/** `gas cancel [file] | --uid <n...> --collection <c>`: the same input as `voucher cancel`. */
export async function cancel(g: GlobalOptions, file: string | undefined, opts: CredentialGasOptions): Promise<CommandResult> {
  const signed = file === undefined ? undefined : await readSignedVoucher(file);
  if (signed === undefined && (opts.uid ?? []).length === 0) throw missingInput("[file]", "is missing: pass a signed voucher file, or --uid with --collection");
  if (signed !== undefined && opts.uid !== undefined) throw invalidInput("--uid", opts.uid.join(" "), "cannot be combined with a voucher file");
  const uids = signed !== undefined ? [signed.voucher.uid] : (opts.uid ?? []).map((u) => parseBigIntOption(u, "--uid", { max: UINT256_MAX }));
  const s = await setup(g, opts);
  if (opts.collection === undefined && signed === undefined) throw missingInput("--collection", "is required with --uid (the contract the vouchers were signed for)");
  const contract = opts.collection !== undefined ? await resolveCollectionAddress(s.ctx, opts.collection, "--collection") : signed!.contract;
  if (signed !== undefined) {
    const [call] = await prepareCancelVouchers(s.ctx.publicClient, { contract, vouchers: [signed.voucher] });
    if (call?.functionName === "cancelReservedIds") {
      throw invalidInput("[file]", file!, `names token id ${signed.voucher.tokenId}: it is cancelled by that reserved id (cancelReservedIds), which gas cancel does not estimate`, "Estimate the cancellation of next-id vouchers (tokenId 0) or of ERC-1155 vouchers; a reserved-id cancellation writes one slot per id.");
    }
  }
  const estimate = await s.lib.estimateCancelVouchersGas(s.ctx.publicClient, { contract, uids, account: s.from });
  return estimateReport(s, estimate, opts);
}
