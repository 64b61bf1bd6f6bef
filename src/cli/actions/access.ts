/**
 * The actions of `mintkit access challenge|prove|check` (loaded lazily by `commands/access.ts`). NODE-ONLY.
 * Time is the chain's (the latest block), as in the credential commands.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Address } from "viem";
import { admitAccess, createAccessChallenge, decodeAccessChallenge, decodeAccessProof, encodeAccessChallenge, encodeAccessProof, proveAccess, type AccessAccept, type AccessGrant } from "../../access/index.js";
import { accessQrTerminal, openSqliteCheckInStore, readAccessQrPng, writeAccessQrPng } from "../../access/node/index.js";
import { resolveContext, type ChainContext } from "../context.js";
import { fileError, readFileOrFail } from "../files.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { CommandResult } from "../output.js";
import { invalidInput, parseAddress, parseBigIntOption, parseHttpUrl } from "../parse.js";
import { resolveCollectionAddress } from "../resolveCollection.js";
import { ExitCode } from "../exitCodes.js";

/** What a door admits, as `access challenge` and `access check` both name it. */
interface TicketOptions {
  audience: string;
  event: string;
  collection: string;
  tokenId?: string;
  erc1155?: string;
  minBalance?: string;
}

/** Options of `access challenge`. */
export interface ChallengeOptions extends TicketOptions {
  ttl?: string;
}

/** Options of `access prove`. */
export interface ProveOptions {
  challenge: string;
  tokenId?: string;
  holder?: string;
  qr?: string;
  terminalQr?: boolean;
}

/** Options of `access check`. */
export interface CheckOptions extends TicketOptions {
  store?: string;
  busyTimeout?: string;
}

const UINT256 = { min: 0n, max: 2n ** 256n - 1n };

/** The ticket kind and ids the options name (shared by challenge and check). */
async function ticketOptions(ctx: ChainContext, opts: ChallengeOptions | CheckOptions): Promise<AccessAccept & AccessGrant> {
  const collection = await resolveCollectionAddress(ctx, opts.collection);
  if (opts.erc1155 !== undefined) {
    if (opts.tokenId !== undefined) throw invalidInput("--token-id", opts.tokenId, "cannot be used with --erc1155", "An ERC-1155 ticket is --erc1155 <id> [--min-balance <n>].");
    const tokenId = parseBigIntOption(opts.erc1155, "--erc1155", UINT256);
    const minBalance = opts.minBalance === undefined ? 1n : parseBigIntOption(opts.minBalance, "--min-balance", { min: 1n, max: UINT256.max });
    return { kind: "erc1155", collection, tokenId, minBalance };
  }
  if (opts.minBalance !== undefined) throw invalidInput("--min-balance", opts.minBalance, "only applies to ERC-1155 tickets", "Add --erc1155 <id>, or drop --min-balance.");
  const tokenId = opts.tokenId === undefined ? undefined : parseBigIntOption(opts.tokenId, "--token-id", UINT256);
  return { kind: "erc721", collection, ...(tokenId === undefined ? {} : { tokenId }) };
}

/** `mintkit access challenge`. */
export async function accessChallenge(g: GlobalOptions, opts: ChallengeOptions): Promise<CommandResult> {
  parseHttpUrl(opts.audience, "--audience");
  const ttl = opts.ttl === undefined ? 600 : Number(parseBigIntOption(opts.ttl, "--ttl", { min: 1n, max: 30n * 86_400n }));
  const ctx = await resolveContext(g);
  const grant = await ticketOptions(ctx, opts);
  const now = Number((await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp);
  const challenge = createAccessChallenge({ audience: opts.audience, event: opts.event, chainId: ctx.chainId, grant, now, ttl });
  const text = encodeAccessChallenge(challenge);
  const expires = new Date(challenge.expiresAt * 1000).toISOString();
  return {
    data: { challenge: text, ...challenge },
    text: [
      text,
      "",
      `For ${challenge.event} at ${challenge.audience}, valid until ${expires} (chain time). The holder runs:`,
      `  mintkit access prove --challenge ${text}${grant.kind === "erc721" && grant.tokenId === undefined ? " --token-id <id>" : ""} --qr ticket.png`,
    ],
  };
}

/** Challenge text given inline or in a file. */
async function readChallengeText(value: string): Promise<string> {
  if (value.trim().startsWith("mkac")) return value;
  const bytes = await readFileOrFail(value);
  return new TextDecoder().decode(bytes).trim();
}

/** `mintkit access prove`. */
export async function accessProve(g: GlobalOptions, opts: ProveOptions): Promise<CommandResult> {
  const challenge = decodeAccessChallenge(await readChallengeText(opts.challenge));
  const tokenId = opts.tokenId === undefined ? undefined : parseBigIntOption(opts.tokenId, "--token-id", UINT256);
  const holder: Address | undefined = opts.holder === undefined ? undefined : await parseAddress(opts.holder, "--holder");
  const ctx = await resolveContext(g, { signer: true });
  if (ctx.chainId !== challenge.chainId) {
    throw invalidInput("--challenge", opts.challenge.slice(0, 16) + "…", `is for chain ${challenge.chainId}, but --rpc-url/--network is chain ${ctx.chainId}`, "Use the network the door checks.");
  }
  const proof = await proveAccess(ctx.walletClient, { challenge, ...(tokenId === undefined ? {} : { tokenId }), ...(holder ? { holder } : {}) });
  const payload = encodeAccessProof(proof);
  if (opts.qr) {
    try {
      await writeAccessQrPng(opts.qr, payload);
    } catch (err) {
      throw fileError(err, opts.qr, "Check that the folder of --qr exists and is writable.");
    }
  }
  const lines = [payload, ""];
  if (opts.terminalQr !== false) lines.push(await accessQrTerminal(payload));
  lines.push(`Holder ${proof.holder}, token ${proof.tokenId}, ${challenge.event} at ${challenge.audience}; valid until ${new Date(challenge.expiresAt * 1000).toISOString()}.`);
  if (opts.qr) lines.push(`QR code written to ${opts.qr}.`);
  return { data: { payload, holder: proof.holder, tokenId: proof.tokenId, event: challenge.event, expiresAt: challenge.expiresAt, bytes: payload.length, ...(opts.qr ? { qr: opts.qr } : {}) }, text: lines };
}

/** The payload of `access check`'s argument: a PNG file's QR code, or the text itself. */
async function readPayload(input: string): Promise<string> {
  if (input.trim().startsWith("mkap")) return input;
  const isFile = await stat(input).then((s) => s.isFile(), () => false);
  if (!isFile) {
    throw invalidInput("<payload|qr.png>", input.slice(0, 24), "is neither a payload (mkap1.…) nor an existing image file", "Pass the scanned text or the path of the QR code's PNG image.");
  }
  return readAccessQrPng(input);
}

/** `mintkit access check`: exit 0 admitted, 6 refused (`ExitCode.refused`). */
export async function accessCheck(g: GlobalOptions, input: string, opts: CheckOptions): Promise<CommandResult> {
  parseHttpUrl(opts.audience, "--audience");
  const busyTimeoutMs = opts.busyTimeout === undefined ? 5000 : Number(parseBigIntOption(opts.busyTimeout, "--busy-timeout", { min: 0n, max: 600_000n }));
  // Input first, then the store (no node:sqlite on Node 20: a clean error before any network call), then the chain.
  const proof = decodeAccessProof(await readPayload(input));
  const file = path.resolve(opts.store ?? path.join(g.dataDir, "access", `checkins-${proof.challenge.chainId}.sqlite`));
  const store = await openSqliteCheckInStore({ path: file, busyTimeoutMs });
  try {
    const ctx = await resolveContext(g);
    const accept = await ticketOptions(ctx, opts);
    const result = await admitAccess(ctx.publicClient, { proof, audience: opts.audience, event: opts.event, accept, store });
    if (!result.admitted) {
      process.exitCode = ExitCode.refused;
      return {
        data: { admitted: false, reason: result.reason, message: result.message, holder: result.holder, tokenId: result.tokenId, ...(result.first ? { first: result.first } : {}) },
        text: [`REFUSED ${result.reason}: ${result.message}`],
      };
    }
    return {
      data: { admitted: true, holder: result.holder, tokenId: result.tokenId, event: opts.event, blockNumber: result.blockNumber, store: file },
      text: [`ADMITTED: ${result.holder} with token ${result.tokenId} to ${opts.event} (held at block ${result.blockNumber}).`],
    };
  } finally {
    await store.close();
  }
}
