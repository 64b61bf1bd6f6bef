import type { Command } from "commander";
import type { BatchOptions } from "../actions/batch.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { addPublishOptions } from "../publishOptions.js";
import { runAction } from "../run.js";

/** Registers `mintkit batch <collection> <folder|manifest>` and `mintkit batch status [journal]`. */
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
      runAction(async (collection: string, input: string, opts: BatchOptions, cmd: Command) => {
        const { batch: run } = await import("../actions/batch.js");
        return run(globalOptions(cmd), collection, input, opts);
      }),
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
    .action(
      runAction(async (journal: string | undefined, _opts: unknown, cmd: Command) => {
        const { batchStatus } = await import("../actions/batch.js");
        return batchStatus(globalOptions(cmd), journal);
      }),
    );
  withExamples(status, ["mintkit batch status", "mintkit batch status .mintkit/batches/b31337-….jsonl --json"]);
}
