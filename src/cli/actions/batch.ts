/**
 * The work of `mintkit batch` (loaded lazily by the command); `mintkit batch status` is in ./batchStatus.ts,
 * re-exported here so that the command loads one action module.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { getAddress, isAddress, type Address } from "viem";
import { runBatch } from "../../batch/runBatch.js";
import type { BatchSummary } from "../../batch/types.js";
import { CliError } from "../../errors/CliError.js";
import { resolveContext } from "../context.js";
import type { GlobalOptions } from "../globalOptions.js";
import { publishRemote, readPinningToken } from "../ipfsSupport.js";
import { formatEth, note, type CommandResult } from "../output.js";
import { parseAddress } from "../parse.js";
import { resolvePublishTargets, type PublishCliOptions } from "../publishOptions.js";
import { requirePublishing } from "../requirePublishing.js";
import { resolveCollectionAddress } from "../resolveCollection.js";
import { createBatchProgress } from "./batchProgress.js";

export { batchStatus } from "./batchStatus.js";

/** Options of `mintkit batch`. */
export interface BatchOptions extends PublishCliOptions {
  restart?: boolean;
  /** false with --no-publish. */
  publish: boolean;
  to?: string;
  maxGasPerTx?: string;
  journal?: string;
  maxSize?: string;
  profile?: string;
}

const PROFILES = ["unixfs-v1-2025", "kubo-v1", "kubo-v0"] as const;

/** The options checked before anything is read, uploaded or sent. */
interface CheckedOptions {
  readonly to?: Address;
  readonly maxGas?: bigint;
  readonly maxSize?: number;
  readonly profile?: (typeof PROFILES)[number];
}

async function checkOptions(collection: string, opts: BatchOptions): Promise<CheckedOptions> {
  if (/^0x/i.test(collection) && !isAddress(collection, { strict: false })) throw invalidAddress("<collection>", collection);
  const to = opts.to === undefined ? undefined : await parseAddress(opts.to, "--to");
  const maxGas = opts.maxGasPerTx === undefined ? undefined : positiveInteger("--max-gas-per-tx", opts.maxGasPerTx);
  const maxSize = opts.maxSize === undefined ? undefined : Number(positiveInteger("--max-size", opts.maxSize));
  const profile = PROFILES.find((p) => p === opts.profile);
  if (opts.profile !== undefined && profile === undefined) throw invalid("--profile", opts.profile, `not one of ${PROFILES.join(", ")}`);
  if (opts.journal !== undefined) await checkJournalPath(opts.journal);
  return { ...(to ? { to } : {}), ...(maxGas ? { maxGas } : {}), ...(maxSize ? { maxSize } : {}), ...(profile ? { profile } : {}) };
}

/**
 * Runs `mintkit batch <collection> <input>`: checks every option and item, uploads, then mints (resumable).
 * @example
 * await batch(globalOptions(cmd), "Art", "./art", { publish: true });
 */
export async function batch(g: GlobalOptions, collection: string, input: string, opts: BatchOptions): Promise<CommandResult> {
  const checked = await checkOptions(collection, opts);
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  const ctx = await resolveContext(g, { signer: true });
  const mustPublish = requirePublishing(ctx.chainId, targets, opts.publish, "the batch's media and metadata");
  const address = /^0x/i.test(collection) ? getAddress(collection) : await resolveCollectionAddress(ctx, collection, "<collection>");
  const progress = createBatchProgress(g.json);
  let summary: BatchSummary;
  let published: Awaited<ReturnType<typeof publishRemote>> | undefined;
  try {
    summary = await runBatch({
      client: ctx.publicClient,
      account: ctx.account,
      collection: address,
      input,
      dataDir: ctx.dataDir,
      ...(checked.to === undefined ? {} : { to: checked.to }),
      ...(opts.journal === undefined ? {} : { journal: path.resolve(opts.journal) }),
      ...(checked.maxGas === undefined ? {} : { maxGasPerTransaction: checked.maxGas }),
      ...(checked.maxSize === undefined ? {} : { maxMediaSize: checked.maxSize }),
      ...(checked.profile === undefined ? {} : { profile: checked.profile }),
      ...(opts.restart ? { restart: true } : {}),
      ...(mustPublish
        ? {
            beforeSend: async ({ dirCid, store }) => {
              const pinName = targets.pinName ?? `mintkit batch ${dirCid}`;
              published = await publishRemote(dirCid, store, { ...targets, pinningToken, pinName }, (m) => note(g.json, m));
            },
          }
        : {}),
      onEvent: progress.onEvent,
    });
  } finally {
    progress.stop();
  }
  const text = summaryLines(summary);
  if (published?.kubo) text.push(`  Kubo:         ${published.kubo.url} (${published.kubo.blocksSent} blocks sent, pinned)`);
  if (published?.pinning) text.push(`  pin:          ${published.pinning.requestid} at ${published.pinning.endpoint}: ${published.pinning.status}`);
  return { data: { ...summary, ...(published ? { published } : {}) }, text };
}

function summaryLines(summary: BatchSummary): string[] {
  const ids = summary.tokenIds;
  if (summary.alreadyComplete) {
    return [
      `Batch already complete: ${ids.length} tokens (${idRange(ids)}) on ${summary.collection}; nothing sent.`,
      `  journal: ${summary.journal}`,
      `  mapping: ${summary.mapping}`,
    ];
  }
  return [
    `Minted ${ids.length} tokens (${idRange(ids)}) on ${summary.collection} (chain ${summary.chainId})${summary.resumed ? ", resumed from the journal" : ""}.`,
    `  to:           ${summary.to}`,
    `  token URIs:   ${summary.baseUri}<id>.json`,
    `  transactions: ${describeTransactions(summary.transactions.map((t) => t.hash))}`,
    `  gas used:     ${summary.gasUsed} (${formatEth(BigInt(summary.costWei))})`,
    `  journal:      ${summary.journal}`,
    `  mapping:      ${summary.mapping}`,
  ];
}

/** --journal names a file (existing or not), never a folder. */
async function checkJournalPath(journal: string): Promise<void> {
  const info = await stat(journal).catch(() => undefined);
  if (info?.isDirectory()) {
    throw invalid("--journal", journal, "a folder, not a journal file");
  }
}

/** Up to 3 hashes, else the first and last (`mintkit batch status` lists every one). */
function describeTransactions(hashes: readonly string[]): string {
  if (hashes.length <= 3) return `${hashes.length} (${hashes.join(", ")})`;
  return `${hashes.length} (${hashes[0]} … ${hashes[hashes.length - 1]}; all in \`mintkit batch status\`)`;
}

function idRange(ids: readonly string[]): string {
  if (ids.length === 0) return "none";
  return ids.length === 1 ? `#${ids[0]}` : `#${ids[0]}..#${ids[ids.length - 1]}`;
}

function positiveInteger(field: string, value: string): bigint {
  if (!/^\d+$/.test(value) || BigInt(value) <= 0n) throw invalid(field, value, "not a positive whole number");
  return BigInt(value);
}

function invalid(field: string, value: string, reason: string): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", `${field} is ${reason}: "${value}".`, {
    hint: "Run `mintkit batch --help` for the expected values.",
    details: { field, value, reason },
  });
}

function invalidAddress(field: string, value: string): CliError<"CLI_INVALID_ADDRESS"> {
  return new CliError("CLI_INVALID_ADDRESS", `${field} is not an Ethereum address: "${value}".`, {
    hint: "Pass 0x followed by 40 hex digits (the collection's address is printed by `mintkit deploy collection`).",
    details: { field, value },
  });
}
