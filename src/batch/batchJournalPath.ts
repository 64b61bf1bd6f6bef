import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Address } from "viem";

/** Default data folder of the CLI and the batch engine, relative to the working directory. */
export const DEFAULT_DATA_DIR = ".mintkit";

/**
 * The id of a batch: chain, collection and the input's absolute path, so that running the same command
 * again finds the same journal and resumes it. `b<chainId>-<collection prefix>-<hash>`.
 */
export function batchIdFor(chainId: number, collection: Address, input: string): string {
  const hash = createHash("sha256")
    .update(`${chainId}|${collection.toLowerCase()}|${resolve(input)}`)
    .digest("hex")
    .slice(0, 12);
  return `b${chainId}-${collection.slice(2, 10).toLowerCase()}-${hash}`;
}

/** `<dataDir>/batches/<batchId>.jsonl`. */
export function defaultBatchJournalPath(dataDir: string, batchId: string): string {
  return resolve(join(dataDir, "batches", `${batchId}.jsonl`));
}

/** The mapping beside a journal: `<journal without .jsonl>.mapping.json`. */
export function mappingPathFor(journal: string): string {
  return `${journal.endsWith(".jsonl") ? journal.slice(0, -".jsonl".length) : journal}.mapping.json`;
}
