import { createHash } from "node:crypto";
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { BatchError } from "../errors/BatchError.js";
import { armedBatchFaults, crash, faultAt, type BatchFaults } from "./faults.js";
import { acquirePidLock } from "./pidLock.js";
import type { JournalRecord } from "./types.js";

/** The records of a journal file and whether it ended in a torn line. */
export interface JournalContents {
  readonly records: readonly JournalRecord[];
  /** True when the last line was half-written (the process died mid-append); it is ignored. */
  readonly tornTail: boolean;
  /** Bytes of the complete lines. */
  readonly validLength: number;
}

/**
 * Reads a JSONL journal. A torn last line (no final newline: the writer died mid-append) is ignored;
 * a corrupt complete line is an error. NODE-ONLY.
 * @returns undefined when the file does not exist.
 * @throws BatchError `BATCH_JOURNAL_INVALID`.
 */
export function readJournalFile(path: string): JournalContents | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw journalInvalid(path, "is a folder, not a journal file");
    throw journalInvalid(path, `cannot be read (${code ?? (err as Error).message})`, undefined, err);
  }
  const validLength = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, validLength).toString("utf8").split("\n");
  const records: JournalRecord[] = [];
  let checksummed: boolean | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const sum = SUM_SUFFIX.exec(line);
    // The plan decides: a journal written with checksums has them on every line (older journals have none).
    checksummed ??= sum !== null;
    if (checksummed && sum === null) throw journalInvalid(path, `line ${i + 1} has no checksum`, i + 1);
    if (sum !== null && recordSum(`${line.slice(0, sum.index)}}`) !== sum[1]) {
      throw journalInvalid(path, `line ${i + 1} does not match its checksum (the file was damaged or edited)`, i + 1);
    }
    let record: unknown;
    try {
      record = JSON.parse(sum === null ? line : `${line.slice(0, sum.index)}}`);
    } catch {
      throw journalInvalid(path, `line ${i + 1} is not JSON`, i + 1);
    }
    if (typeof record !== "object" || record === null || !RECORD_TYPES.has((record as { type?: unknown }).type as string)) {
      throw journalInvalid(path, `line ${i + 1} is not a journal record`, i + 1);
    }
    records.push(record as JournalRecord);
  }
  const first = records[0];
  if (first !== undefined && (first.type !== "plan" || first.version !== 1)) {
    throw journalInvalid(path, "does not start with a version-1 plan record", 1);
  }
  if (first !== undefined) checkRecords(path, first, records);
  return { records, tornTail: validLength < bytes.length, validLength };
}

/**
 * A write-ahead journal: JSON lines, each appended with one write and fsynced before `append`
 * returns, so a record that `append` returned for survives kill -9 and power loss. Opening it drops
 * a torn last line and takes a lock file (`<journal>.lock` with the pid; a lock whose process is
 * gone — killed — is taken over). NODE-ONLY.
 */
export class BatchJournal {
  readonly path: string;
  readonly records: JournalRecord[];
  /** True when a torn last line was dropped on open. */
  readonly hadTornTail: boolean;
  private fd: number | undefined;
  private readonly releaseLock: () => void;
  private readonly faults: BatchFaults | undefined;

  private constructor(
    path: string,
    fd: number,
    contents: JournalContents | undefined,
    releaseLock: () => void,
    faults: BatchFaults | undefined,
  ) {
    this.path = path;
    this.fd = fd;
    this.records = [...(contents?.records ?? [])];
    this.hadTornTail = contents?.tornTail ?? false;
    this.releaseLock = releaseLock;
    this.faults = faults;
  }

  /**
   * Opens (creating when missing) the journal at `path` for appending.
   * @throws BatchError `BATCH_JOURNAL_LOCKED`, `BATCH_JOURNAL_INVALID`.
   */
  static open(path: string): BatchJournal {
    mkdirSync(dirname(path), { recursive: true });
    const releaseLock = acquireLock(path);
    try {
      const contents = readJournalFile(path);
      const fd = openSync(path, "a");
      if (contents?.tornTail) {
        ftruncateSync(fd, contents.validLength);
        fsyncSync(fd);
      }
      if (contents === undefined) fsyncDirectory(dirname(path));
      return new BatchJournal(path, fd, contents, releaseLock, armedBatchFaults());
    } catch (err) {
      releaseLock();
      throw err;
    }
  }

  /**
   * Appends one record and fsyncs it. With a matching `tear` fault, writes half the line and crashes
   * (the torn-line tests).
   */
  append(record: JournalRecord, tear?: { readonly point: "torn-sign" | "torn-confirm"; readonly step: string }): void {
    if (this.fd === undefined) throw new Error("The batch journal is closed.");
    const json = JSON.stringify(record);
    // Each line carries a checksum of its own bytes: a line damaged in place (a torn write inside the file,
    // a flipped bit, a hand edit) is reported instead of being believed.
    const line = Buffer.from(`${json.slice(0, -1)},"sum":"${recordSum(json)}"}\n`, "utf8");
    if (tear && faultAt(this.faults, tear.point, tear.step)) {
      writeAll(this.fd, line.subarray(0, Math.floor(line.length / 2)));
      fsyncSync(this.fd);
      crash(this.faults as BatchFaults, tear.point, tear.step);
    }
    writeAll(this.fd, line);
    fsyncSync(this.fd);
    this.records.push(record);
  }

  /** Closes the file and releases the lock. Safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    this.releaseLock();
  }
}

/** The `"sum"` field every record ends with: 16 hex digits of sha256 over the line without it. */
const SUM_SUFFIX = /,"sum":"([0-9a-f]{16})"\}$/;

function recordSum(json: string): string {
  return createHash("sha256").update(json, "utf8").digest("hex").slice(0, 16);
}

const RECORD_TYPES = new Set(["plan", "signed", "confirmed", "reverted", "settled", "complete"]);
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;

/**
 * Checks what a journal says against itself: the plan has the fields a resume needs, every later record names a
 * step of the plan, and "complete" is only believed when every step is confirmed or settled.
 */
function checkRecords(path: string, plan: JournalRecord & { type: "plan" }, records: readonly JournalRecord[]): void {
  const p = plan as unknown as Record<string, unknown>;
  const steps = Array.isArray(p.steps) ? (p.steps as unknown[]) : undefined;
  const bad =
    !Number.isSafeInteger(p.chainId) || (p.chainId as number) <= 0
      ? "chainId"
      : typeof p.collection !== "string" || !ADDRESS.test(p.collection)
        ? "collection"
        : typeof p.firstId !== "string" || !DECIMAL.test(p.firstId)
          ? "firstId"
          : !Array.isArray(p.items)
            ? "items"
            : steps === undefined || !steps.every((s) => typeof (s as { key?: unknown })?.key === "string")
              ? "steps"
              : undefined;
  if (bad !== undefined) throw journalInvalid(path, `has a plan record whose ${bad} is missing or malformed`, 1);
  const keys = new Set((steps as { key: string }[]).map((s) => s.key));
  const done = new Set<string>();
  for (const [i, record] of records.entries()) {
    if (i === 0) continue;
    if (record.type === "plan") throw journalInvalid(path, `has a second plan record (record ${i + 1})`);
    if (record.type === "complete") {
      const missing = [...keys].filter((k) => !done.has(k));
      if (missing.length > 0) {
        throw journalInvalid(path, `says "complete" although step(s) ${missing.join(", ")} were never confirmed (record ${i + 1})`);
      }
      continue;
    }
    if (typeof record.step !== "string" || !keys.has(record.step)) {
      throw journalInvalid(path, `record ${i + 1} names a step that is not in the plan (${String(record.step)})`);
    }
    if (record.type === "confirmed" || record.type === "settled") done.add(record.step);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported on every platform (Windows); the file's own fsync still holds its bytes.
  }
}

function acquireLock(journal: string): () => void {
  const lock = `${journal}.lock`;
  return acquirePidLock(lock, (pid) =>
    pid === -1
      ? new BatchError("BATCH_JOURNAL_LOCKED", "Another process keeps taking this batch's lock.", {
          hint: `Make sure only one mintkit batch runs for this journal, then run the command again.`,
          details: { journal, lock, pid },
        })
      : new BatchError("BATCH_JOURNAL_LOCKED", `Another process (pid ${pid}) is running this batch.`, {
          hint: `Wait for it to finish (or stop it), then run the command again. If no such process exists, delete ${lock}.`,
          details: { journal, lock, pid },
        }),
    { reentrant: true },
  );
}

function journalInvalid(path: string, reason: string, line?: number, cause?: unknown): BatchError<"BATCH_JOURNAL_INVALID"> {
  return new BatchError("BATCH_JOURNAL_INVALID", `The batch journal ${path} ${reason}.`, {
    hint:
      "A journal is only ever appended to; if it was edited by hand, restore it. Do not delete it while tokens " +
      "of the batch are pending: it holds the signed transactions and the token-to-file mapping.",
    details: { journal: path, reason, ...(line === undefined ? {} : { line }) },
    ...(cause === undefined ? {} : { cause }),
  });
}
