import { BatchError } from "../errors/BatchError.js";

/**
 * Test-only fault injection, to crash a batch run at exact points and prove that it resumes (the
 * kill -9 tests in test/cli/batch.test.ts and the resume tests in test/batch/runBatch.test.ts). Not part
 * of the public API: neither `mintkit` nor `mintkit/node` exports it, and no production path reads an
 * environment variable for it. A test arms it with `armBatchFaults` (in process, `throw` mode), or
 * preloads test/cli/helpers/armBatchFaults.mjs into the CLI's process (`kill` mode: SIGKILL there).
 * Spec: comma-separated points, with the step as `<n>` (mint chunk n, from 1) or `base-uri`:
 *
 * - `after-plan`: the plan is journaled, nothing is signed;
 * - `after-sign:<n>`: the step's signed transaction is journaled (fsynced), not broadcast;
 * - `after-broadcast:<n>`: broadcast, not confirmed (the receipt is not journaled);
 * - `after-confirm:<n>`: the confirmation is journaled, the mapping not yet rewritten;
 * - `torn-sign:<n>`: the signed record is half-written (a torn last line), nothing broadcast;
 * - `torn-confirm:<n>`: the transaction is mined, its confirmation record half-written.
 */
export type BatchFaultPoint =
  | "after-plan"
  | "after-sign"
  | "after-broadcast"
  | "after-confirm"
  | "torn-sign"
  | "torn-confirm";

export interface BatchFaults {
  readonly points: readonly { readonly point: BatchFaultPoint; readonly step?: string }[];
  /** `kill`: SIGKILL this process (the CLI); `throw`: throw `BATCH_FAULT_INJECTED` (library tests). */
  readonly mode: "kill" | "throw";
}

const POINTS: ReadonlySet<string> = new Set([
  "after-plan",
  "after-sign",
  "after-broadcast",
  "after-confirm",
  "torn-sign",
  "torn-confirm",
]);

let armed: BatchFaults | undefined;

/** Test-only: arms `faults` for every batch run started from now on in this process (undefined disarms). */
export function armBatchFaults(faults: BatchFaults | undefined): void {
  armed = faults;
}

/** The faults armed by `armBatchFaults` (undefined in every real run). */
export function armedBatchFaults(): BatchFaults | undefined {
  return armed;
}

/**
 * Parses a fault spec (`after-sign:1,torn-confirm:base-uri`); undefined when empty.
 * Unknown points are ignored (it is a test hook, never an input of real runs).
 */
export function parseBatchFaults(spec: string | undefined, mode: BatchFaults["mode"] = "kill"): BatchFaults | undefined {
  if (spec === undefined || spec.trim() === "") return undefined;
  const points = spec
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .flatMap((s) => {
      const [point = "", step] = s.split(":");
      if (!POINTS.has(point)) return [];
      return [{ point: point as BatchFaultPoint, ...(step === undefined ? {} : { step: toStepKey(step) }) }];
    });
  return points.length === 0 ? undefined : { points, mode };
}

/** True when `faults` asks for a fault at `point` of `step`. */
export function faultAt(faults: BatchFaults | undefined, point: BatchFaultPoint, step?: string): boolean {
  return faults?.points.some((p) => p.point === point && (p.step === undefined || p.step === step)) ?? false;
}

/** Crashes (kill mode) or throws (throw mode) when `faults` asks for `point` of `step`. */
export function injectFault(faults: BatchFaults | undefined, point: BatchFaultPoint, step?: string): void {
  if (!faultAt(faults, point, step)) return;
  crash(faults as BatchFaults, point, step ?? "");
}

/** Crashes now. */
export function crash(faults: BatchFaults, point: string, step: string): never {
  if (faults.mode === "kill") {
    process.kill(process.pid, "SIGKILL");
    // SIGKILL cannot be caught; block until it lands so that no further line of code runs.
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  throw new BatchError("BATCH_FAULT_INJECTED", `Injected fault ${point} at ${step || "the batch"}.`, {
    hint: "This is a test hook (armBatchFaults); run the batch again without it to resume.",
    details: { point, step },
  });
}

function toStepKey(step: string): string {
  return /^\d+$/.test(step) ? `chunk-${step}` : step;
}
