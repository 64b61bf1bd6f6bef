/** The work of `mintkit batch status` (reached through ./batch.ts, the module the command loads). */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { readBatchStatus } from "../../batch/batchStatus.js";
import type { BatchStatus } from "../../batch/types.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { CommandResult } from "../output.js";

/**
 * Lists every journal of `<data-dir>/batches`, or shows one (`journal`: a path or a batch id).
 * @throws BatchError `BATCH_JOURNAL_INVALID` (exit 2) when the journal is missing, a folder or not a journal.
 */
export async function batchStatus(g: GlobalOptions, journal: string | undefined): Promise<CommandResult> {
  const dir = path.resolve(g.dataDir, "batches");
  let files: string[];
  if (journal !== undefined) {
    const asPath = path.resolve(journal);
    const byId = path.join(dir, journal.endsWith(".jsonl") ? journal : `${journal}.jsonl`);
    files = [existsSync(asPath) || !existsSync(byId) ? asPath : byId];
  } else {
    files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".jsonl"))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  }
  const statuses = files.flatMap((f) => {
    // Listing: a journal left empty by a run that stopped before planning is skipped.
    if (journal === undefined && statSync(f).size === 0) return [];
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
