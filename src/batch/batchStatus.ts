import { BatchError } from "../errors/BatchError.js";
import { readJournalFile } from "./BatchJournal.js";
import type { BatchStatus, ConfirmedRecord, JournalRecord, PlanRecord, SignedRecord, StepStatus } from "./types.js";

/**
 * What a journal's records say: the plan, each step's state (planned, pending = signed but not
 * confirmed, confirmed, settled, reverted) and token counts.
 * @throws BatchError `BATCH_JOURNAL_INVALID` when there is no plan.
 */
export function batchStatusFromRecords(journal: string, records: readonly JournalRecord[], tornTail = false): BatchStatus {
  const plan = records[0];
  if (plan === undefined || plan.type !== "plan") {
    throw new BatchError("BATCH_JOURNAL_INVALID", `The batch journal ${journal} has no plan.`, {
      hint: "The run that created it stopped before planning; run the batch command again (nothing was sent).",
      details: { journal, reason: "no plan record" },
    });
  }
  const signed = new Map<string, SignedRecord[]>();
  const confirmed = new Map<string, ConfirmedRecord>();
  const settled = new Set<string>();
  const reverted = new Set<string>();
  let complete = false;
  for (const record of records) {
    switch (record.type) {
      case "signed":
        signed.set(record.step, [...(signed.get(record.step) ?? []), record]);
        break;
      case "confirmed":
        confirmed.set(record.step, record);
        break;
      case "settled":
        settled.add(record.step);
        break;
      case "reverted":
        reverted.add(record.hash);
        break;
      case "complete":
        complete = true;
        break;
      default:
        break;
    }
  }
  const steps: StepStatus[] = plan.steps.map((step) => {
    const attempts = signed.get(step.key) ?? [];
    const latest = attempts.at(-1);
    const done = confirmed.get(step.key);
    const state: StepStatus["state"] = done
      ? "confirmed"
      : settled.has(step.key)
        ? "settled"
        : latest === undefined
          ? "planned"
          : reverted.has(latest.hash)
            ? "reverted"
            : "pending";
    return {
      step,
      state,
      attempts: attempts.length,
      ...(latest ? { signed: latest } : {}),
      ...(done ? { confirmed: done } : {}),
    };
  });
  let confirmedTokens = 0;
  let pendingTokens = 0;
  for (const s of steps) {
    if (s.step.kind !== "mint") continue;
    if (s.state === "confirmed") confirmedTokens += s.confirmed?.tokenIds?.length ?? s.step.count;
    else if (s.state === "pending") pendingTokens += s.step.count;
  }
  return {
    journal,
    plan: plan as PlanRecord,
    steps,
    tokens: { planned: plan.items.length, confirmed: confirmedTokens, pending: pendingTokens },
    complete,
    tornTail,
  };
}

/**
 * Reads a batch journal and reports its state, without touching the chain or the journal (safe
 * while a run is going on). NODE-ONLY.
 * @throws BatchError `BATCH_JOURNAL_INVALID` (also when the file does not exist).
 */
export function readBatchStatus(journal: string): BatchStatus {
  const contents = readJournalFile(journal);
  if (contents === undefined) {
    throw new BatchError("BATCH_JOURNAL_INVALID", `There is no batch journal at ${journal}.`, {
      hint: "Pass the path printed by `mintkit batch` (or run `mintkit batch status` to list the data folder's journals).",
      details: { journal, reason: "missing" },
    });
  }
  return batchStatusFromRecords(journal, contents.records, contents.tornTail);
}
