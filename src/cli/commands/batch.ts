import type { Command } from "commander";
import { CliError } from "../../errors/CliError.js";
import type { BatchEvent, BatchStatus, BatchSummary } from "../../batch/types.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { formatEth, note } from "../output.js";
import { addPublishOptions, type PublishCliOptions } from "../publishOptions.js";
import { runAction } from "../run.js";

interface BatchOptions extends PublishCliOptions {
  restart?: boolean;
  /** false with --no-publish. */
  publish: boolean;
  to?: string;
  maxGasPerTx?: string;
  journal?: string;
  maxSize?: string;
  profile?: string;
}

/**
 * Registers `mintkit batch <collection> <folder|manifest>` and `mintkit batch status [journal]`.
 *
 * Test-only: `MINTKIT_FAULT=<point>:<n>[,…]` makes the process SIGKILL itself at a crash point of the
 * batch (see `src/batch/faults.ts`: after-plan, after-sign, after-broadcast, after-confirm, torn-sign,
 * torn-confirm), to prove that a killed batch resumes without a double mint.
 */
export function register(program: Command): void {
  const batch = program
    .command("batch")
    .description("Batch-mint a folder or manifest to a collection, resumable (write-ahead journal)")
    .argument("<collection>", "a MintkitCollection you may mint on: address, or its name in deployments/<chainId>.json")
    .argument("<input>", "a folder of media files (one token each) or a manifest JSON")
    .option("--to <address>", "receiver of the tokens (default: the signing account)")
    .option("--max-gas-per-tx <gas>", "cap on one transaction's gas; the batch is split into chunks under it")
    .option("--journal <path>", "journal file (default <data-dir>/batches/<batch id>.jsonl, found again by the same command)")
    .option("--max-size <bytes>", "largest media file in bytes (default 100000000)")
    .option("--profile <name>", "CID profile: unixfs-v1-2025 (default), kubo-v1 or kubo-v0")
    .option("--restart", "start a new batch when the journal is stale (its chain state is gone: dev chain restarted, collection redeployed); the old journal is kept, renamed")
    .option("--no-publish", "do not publish the batch directory (you publish it yourself); needed on a non-dev chain without a provider");
  addPublishOptions(batch);
  batch
    .addHelpText(
      "after",
      [
        "",
        "Input: a folder (every top-level file is a token, in natural name order: 2.png before 10.png; hidden",
        "files and sub-folders are skipped; <file>.json or <name>.json beside a file is its sidecar with name,",
        "description, attributes, external_url, poster…), or a manifest { \"items\": [ { \"file\": \"a.png\",",
        "\"name\": \"A\", … } ] } (paths relative to the manifest). Every item is checked before anything is sent.",
        "",
        "Token ids come from the collection's nextTokenId(); media and <id>.json metadata go to IPFS as one",
        "directory (tokenURI = ipfs://<dirCID>/<id>.json); the base URI is set first when the collection has no",
        "tokens. Killed at any point (even kill -9), run the same command again: it resumes from the journal,",
        "re-sending the same signed transactions, and never mints a token twice. mapping.json beside the",
        "journal maps every token id to its file.",
        "",
        "The journal is checked against the chain on every resume and before \"complete\" (the collection's code,",
        "the journal's transactions and tokens, the next id): a journal whose chain state is gone is reported",
        "stale (BATCH_JOURNAL_STALE, exit 1) — run again with --restart. One batch runs per (chain, collection)",
        "in a data folder (BATCH_COLLECTION_LOCKED); chunks carry the expected first id, so the chain refuses a",
        "double mint from anywhere else.",
        "",
        "Publishing: with --kubo-url / --pinning-endpoint (or mintkit.config.json) the directory is published",
        "(pushed, pinned and waited on) before any transaction. On a chain other than 31337/1337 a provider is",
        "required (IPFS_NOT_PUBLISHED, exit 4) unless --no-publish.",
      ].join("\n"),
    )
    .action(
      runAction(async (collection: string, input: string, opts: BatchOptions, cmd: Command) => runBatchCommand(collection, input, opts, cmd)),
    );
  withExamples(batch, [
    "mintkit batch 0xColl… ./art",
    "mintkit batch 0xColl… ./manifest.json --to 0xFan… --max-gas-per-tx 3000000 --json",
    "mintkit batch status",
  ]);

  const status = batch
    .command("status")
    .description("Show a batch's planned, pending and confirmed chunks and tokens (from its journal; no chain needed)")
    .argument("[journal]", "journal path or batch id (default: every journal in <data-dir>/batches)")
    .action(runAction(async (journal: string | undefined, _opts: unknown, cmd: Command) => batchStatusCommand(journal, cmd)));
  withExamples(status, ["mintkit batch status", "mintkit batch status .mintkit/batches/b31337-….jsonl --json"]);
}

async function runBatchCommand(collection: string, input: string, opts: BatchOptions, cmd: Command) {
  const g = globalOptions(cmd);
  const viem = await import("viem");
  const path = await import("node:path");
  const named = !/^0x/i.test(collection); // a name recorded in deployments/<chainId>.json
  if (!named && !viem.isAddress(collection, { strict: false })) throw invalidAddress("<collection>", collection);
  if (opts.to !== undefined && !viem.isAddress(opts.to, { strict: false })) throw invalidAddress("--to", opts.to);
  const maxGas = opts.maxGasPerTx === undefined ? undefined : positiveInteger("--max-gas-per-tx", opts.maxGasPerTx);
  const maxSize = opts.maxSize === undefined ? undefined : Number(positiveInteger("--max-size", opts.maxSize));
  if (opts.profile !== undefined && !["unixfs-v1-2025", "kubo-v1", "kubo-v0"].includes(opts.profile)) {
    throw invalid("--profile", opts.profile, "not one of unixfs-v1-2025, kubo-v1, kubo-v0");
  }

  const { resolveContext } = await import("../context.js");
  const batchLib = await import("../../batch/index.js");
  const { resolvePublishTargets } = await import("../publishOptions.js");
  const { requirePublishing } = await import("../requirePublishing.js");
  const { publishRemote, readPinningToken } = await import("../ipfsSupport.js");
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  const ctx = await resolveContext(g, { signer: true });
  const mustPublish = requirePublishing(ctx.chainId, targets, opts.publish, "the batch's media and metadata");
  if (named) {
    const { resolveCollectionAddress } = await import("../resolveCollection.js");
    collection = await resolveCollectionAddress(ctx, collection, "<collection>");
  }
  const progress = createProgress(g.json);
  let summary: BatchSummary;
  let published: Awaited<ReturnType<typeof publishRemote>> | undefined;
  try {
    summary = await batchLib.runBatch({
      client: ctx.publicClient,
      account: ctx.account,
      collection: viem.getAddress(collection),
      input,
      dataDir: ctx.dataDir,
      ...(opts.to === undefined ? {} : { to: viem.getAddress(opts.to) }),
      ...(opts.journal === undefined ? {} : { journal: path.resolve(opts.journal) }),
      ...(maxGas === undefined ? {} : { maxGasPerTransaction: maxGas }),
      ...(maxSize === undefined ? {} : { maxMediaSize: maxSize }),
      ...(opts.profile === undefined ? {} : { profile: opts.profile as "kubo-v1" }),
      ...(opts.restart ? { restart: true } : {}),
      ...(mustPublish
        ? {
            beforeSend: async ({ dirCid, store }) => {
              published = await publishRemote(dirCid, store, { ...targets, pinningToken, pinName: targets.pinName ?? `mintkit batch ${dirCid}` }, (m) =>
                note(g.json, m),
              );
            },
          }
        : {}),
      onEvent: progress.onEvent,
      ...withFaults(batchLib.parseBatchFaults(process.env.MINTKIT_FAULT, "kill")),
    });
  } finally {
    progress.stop();
  }
  const ids = summary.tokenIds;
  const text = summary.alreadyComplete
    ? [
        `Batch already complete: ${ids.length} tokens (${idRange(ids)}) on ${summary.collection}; nothing sent.`,
        `  journal: ${summary.journal}`,
        `  mapping: ${summary.mapping}`,
      ]
    : [
        `Minted ${ids.length} tokens (${idRange(ids)}) on ${summary.collection} (chain ${summary.chainId})${summary.resumed ? ", resumed from the journal" : ""}.`,
        `  to:           ${summary.to}`,
        `  token URIs:   ${summary.baseUri}<id>.json`,
        `  transactions: ${describeTransactions(summary.transactions.map((t) => t.hash))}`,
        `  gas used:     ${summary.gasUsed} (${formatEth(BigInt(summary.costWei))})`,
        `  journal:      ${summary.journal}`,
        `  mapping:      ${summary.mapping}`,
      ];
  if (published?.kubo) text.push(`  Kubo:         ${published.kubo.url} (${published.kubo.blocksSent} blocks sent, pinned)`);
  if (published?.pinning) text.push(`  pin:          ${published.pinning.requestid} at ${published.pinning.endpoint}: ${published.pinning.status}`);
  return { data: { ...summary, ...(published ? { published } : {}) }, text };
}

async function batchStatusCommand(journal: string | undefined, cmd: Command) {
  const g = globalOptions(cmd);
  const path = await import("node:path");
  const fs = await import("node:fs");
  const { readBatchStatus } = await import("../../batch/batchStatus.js");
  const dir = path.resolve(g.dataDir, "batches");
  let files: string[];
  if (journal !== undefined) {
    const asPath = path.resolve(journal);
    const byId = path.join(dir, journal.endsWith(".jsonl") ? journal : `${journal}.jsonl`);
    files = [fs.existsSync(asPath) || !fs.existsSync(byId) ? asPath : byId];
  } else {
    files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".jsonl"))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  }
  const statuses = files.flatMap((f) => {
    // Listing: a journal left empty by a run that stopped before planning is skipped.
    if (journal === undefined && fs.statSync(f).size === 0) return [];
    return [describeStatus(readBatchStatus(f))];
  });
  if (journal !== undefined) {
    const one = statuses[0];
    return { data: one, text: one ? statusLines(one) : [] };
  }
  return {
    data: { batches: statuses },
    text: statuses.length === 0 ? [`No batch journals in ${dir}.`] : statuses.flatMap((s) => [...statusLines(s), ""]),
  };
}

/** A status as printed (JSON-friendly, without the signed bytes). */
function describeStatus(status: BatchStatus) {
  const { plan } = status;
  return {
    journal: status.journal,
    batchId: plan.batchId,
    chainId: plan.chainId,
    collection: plan.collection,
    to: plan.to,
    input: plan.input.path,
    dirCid: plan.dirCid,
    mapping: plan.mapping,
    complete: status.complete,
    tornTail: status.tornTail,
    tokens: status.tokens,
    chunks: {
      planned: status.steps.filter((s) => s.state === "planned" || s.state === "reverted").length,
      pending: status.steps.filter((s) => s.state === "pending").length,
      confirmed: status.steps.filter((s) => s.state === "confirmed" || s.state === "settled").length,
    },
    steps: status.steps.map((s) => ({
      step: s.step.key,
      kind: s.step.kind,
      ...(s.step.kind === "mint" ? { firstId: s.step.firstId, count: s.step.count } : { uri: s.step.uri }),
      state: s.state,
      ...(s.signed ? { txHash: s.signed.hash, nonce: s.signed.nonce } : {}),
      ...(s.confirmed ? { blockNumber: s.confirmed.blockNumber, gasUsed: s.confirmed.gasUsed } : {}),
      attempts: s.attempts,
    })),
  };
}

function statusLines(s: ReturnType<typeof describeStatus>): string[] {
  return [
    `${s.batchId}: ${s.complete ? "complete" : "incomplete"} — ${s.tokens.confirmed}/${s.tokens.planned} tokens confirmed` +
      (s.tokens.pending > 0 ? `, ${s.tokens.pending} pending` : ""),
    `  collection: ${s.collection} (chain ${s.chainId}), to ${s.to}`,
    `  input:      ${s.input}`,
    `  directory:  ipfs://${s.dirCid}/`,
    `  chunks:     ${s.chunks.confirmed} confirmed, ${s.chunks.pending} pending, ${s.chunks.planned} planned`,
    ...s.steps.map(
      (st) =>
        `    ${st.step.padEnd(10)} ${st.state.padEnd(9)} ${"firstId" in st ? `ids ${st.firstId}..${BigInt(st.firstId) + BigInt(st.count) - 1n}` : "setBaseURI"}` +
        (st.txHash ? ` ${st.txHash}` : ""),
    ),
    `  journal:    ${s.journal}`,
    `  mapping:    ${s.mapping}`,
    ...(s.complete ? [] : ["  Run the same `mintkit batch` command again to finish it."]),
  ];
}

interface Progress {
  readonly onEvent: (event: BatchEvent) => void;
  readonly stop: () => void;
}

/**
 * Progress on stderr: a cli-progress bar when stderr is a TTY, plain lines otherwise (at most one import
 * line every 2 s), nothing with --json.
 */
function createProgress(json: boolean): Progress {
  if (json) return { onEvent: () => undefined, stop: () => undefined };
  const tty = process.stderr.isTTY === true;
  let bar: { start(total: number, value: number, payload?: object): void; update(value: number, payload?: object): void; stop(): void } | undefined;
  let barLoading: Promise<void> | undefined;
  let lastImportLine = 0;
  const line = (message: string) => note(false, message);

  const ensureBar = (total: number, value: number) => {
    if (bar || barLoading) return;
    barLoading = import("cli-progress").then((mod) => {
      const cliProgress = (mod as { default?: typeof import("cli-progress") }).default ?? (mod as typeof import("cli-progress"));
      const b = new cliProgress.SingleBar(
        { stream: process.stderr, format: "Minting |{bar}| {value}/{total} tokens | {step}", hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      b.start(total, value, { step: "" });
      bar = b;
    });
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case "validated":
          line(`Checked ${event.items} items: all valid.`);
          break;
        case "import": {
          const now = Date.now();
          if (event.filesDone === event.filesTotal || now - lastImportLine > 2000) {
            lastImportLine = now;
            line(`Uploading (${event.pass}): ${event.filesDone}/${event.filesTotal} files`);
          }
          break;
        }
        case "imported":
          line(`Uploaded to the embedded IPFS store: ipfs://${event.dirCid}/`);
          break;
        case "planned":
          line(
            `${event.resumed ? "Resuming" : "Planned"} ${event.steps} transaction(s) for ${event.tokens} tokens` +
              `${event.tokensConfirmed > 0 ? ` (${event.tokensConfirmed} already confirmed)` : ""}; journal ${event.journal}`,
          );
          if (tty) ensureBar(event.tokens, event.tokensConfirmed);
          break;
        case "step":
          if (bar) bar.update(event.tokensConfirmed, { step: `${event.step} ${event.status}` });
          else if ((!tty || !barLoading) && event.status !== "signed" && event.status !== "broadcast") {
            // Plain lines: one per finished step (and per re-broadcast on resume).
            line(`[${event.step}] ${event.status}${event.hash ? ` ${event.hash}` : ""} — ${event.tokensConfirmed}/${event.tokensTotal} tokens`);
          }
          break;
        case "complete":
          break;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

function withFaults<T>(faults: T | undefined): { faults?: T } {
  return faults === undefined ? {} : { faults };
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
